// Optional basemap. The default map needs no network: a plain background, a graticule and the model's features.
// A raster tile URL template (…/{z}/{x}/{y}.png) can be configured at build time (VITE_BASEMAP_TILES), per browser
// (localStorage "haimian.basemap") or per visit (?basemap=…). It is only drawn under geographic (WGS84) models;
// a model in a local projected frame has no place on real tiles.

export interface BasemapConfig {
  tiles: string;
  attribution: string;
}

export function basemapConfig(): BasemapConfig | null {
  let url: string | null = new URLSearchParams(window.location.search).get('basemap');
  if (!url) {
    try {
      url = window.localStorage.getItem('haimian.basemap');
    } catch {
      url = null;
    }
  }
  if (!url) url = (import.meta.env.VITE_BASEMAP_TILES as string | undefined) ?? null;
  if (!url || !/^https?:\/\//.test(url)) return null;
  const attribution = (import.meta.env.VITE_BASEMAP_ATTRIBUTION as string | undefined) ?? '';
  return { tiles: url, attribution };
}
