// The model on a MapLibre map: subcatchments (polygons), links (lines), nodes (points). Works offline: the style
// has no tile source unless a basemap is configured, and no text labels (those would need a glyph server), so
// names show in a hover popup instead.
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelGeo } from '../api/types';
import { basemapConfig } from '../lib/basemap';
import { niceMax, rampStops, RAMP } from '../lib/colorScale';
import { geoToLonLat, graticule } from '../lib/localFrame';

maplibregl.setWorkerUrl(workerUrl);

// The style-spec types are not re-exported by maplibre-gl 6; derive the one we need.
type StyleSpecification = Exclude<Parameters<maplibregl.Map['setStyle']>[0], string | null>;

export interface Selection {
  kind: 'subcatchment' | 'node' | 'link';
  name: string;
}

interface Props {
  geo: ModelGeo;
  selected: Selection | null;
  onSelect: (sel: Selection | null) => void;
  /** Runoff depth per subcatchment name; colours the polygons when present. */
  runoffDepth: Record<string, number> | null;
  depthUnit: string;
}

const NODE_COLORS: Record<string, string> = { outfall: '#d7301f', storage: '#6a51a3', divider: '#fd8d3c' };
const LAYERS_BY_PRIORITY = ['nodes', 'links', 'subcatchments-fill'] as const;
const KIND_OF_LAYER: Record<string, Selection['kind']> = { nodes: 'node', links: 'link', 'subcatchments-fill': 'subcatchment' };

function baseStyle(geo: ReturnType<typeof geoToLonLat>): StyleSpecification {
  const basemap = geo.frame ? null : basemapConfig();
  const empty = { type: 'FeatureCollection' as const, features: [] };
  return {
    version: 8,
    sources: {
      graticule: { type: 'geojson', data: graticule(geo.bounds, geo.frame) as never },
      subcatchments: { type: 'geojson', data: empty },
      links: { type: 'geojson', data: empty },
      nodes: { type: 'geojson', data: empty },
      ...(basemap ? { basemap: { type: 'raster' as const, tiles: [basemap.tiles], tileSize: 256, attribution: basemap.attribution } } : {}),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#f4f6f8' } },
      ...(basemap ? [{ id: 'basemap', type: 'raster' as const, source: 'basemap' }] : []),
      { id: 'graticule', type: 'line', source: 'graticule', paint: { 'line-color': '#d5dbe1', 'line-width': 1 } },
      {
        id: 'subcatchments-fill',
        type: 'fill',
        source: 'subcatchments',
        paint: { 'fill-color': '#a6d96a', 'fill-opacity': 0.55 },
      },
      { id: 'subcatchments-line', type: 'line', source: 'subcatchments', paint: { 'line-color': '#4d7c0f', 'line-width': 1 } },
      {
        id: 'subcatchments-selected',
        type: 'line',
        source: 'subcatchments',
        filter: ['==', ['get', 'name'], ''],
        paint: { 'line-color': '#f59e0b', 'line-width': 3 },
      },
      { id: 'links', type: 'line', source: 'links', paint: { 'line-color': '#2563eb', 'line-width': 2.5 } },
      {
        id: 'links-selected',
        type: 'line',
        source: 'links',
        filter: ['==', ['get', 'name'], ''],
        paint: { 'line-color': '#f59e0b', 'line-width': 5 },
      },
      {
        id: 'nodes',
        type: 'circle',
        source: 'nodes',
        paint: {
          'circle-radius': ['match', ['get', 'kind'], 'outfall', 6, 'storage', 6, 4],
          'circle-color': ['match', ['get', 'kind'], ...Object.entries(NODE_COLORS).flat(), '#1e3a8a'] as never,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.2,
        },
      },
      {
        id: 'nodes-selected',
        type: 'circle',
        source: 'nodes',
        filter: ['==', ['get', 'name'], ''],
        paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#f59e0b', 'circle-stroke-width': 3 },
      },
    ],
  };
}

export function MapView({ geo, selected, onSelect, runoffDepth, depthUnit }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const lonLat = useMemo(() => geoToLonLat(geo), [geo]);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  // The map's event handlers live as long as the map; they read the current language and unit through refs.
  const labelRef = useRef({ t, depthUnit });
  labelRef.current = { t, depthUnit };

  // Create the map once per model.
  useEffect(() => {
    if (!container.current) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: container.current,
        style: baseStyle(lonLat),
        bounds: lonLat.bounds,
        fitBoundsOptions: { padding: 40 },
        attributionControl: false,
        // Screenshots in tests read the canvas after rendering.
        canvasContextAttributes: { preserveDrawingBuffer: true },
      });
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
      return;
    }
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    // Exposed for the browser test (it projects feature coordinates to pixels to click them).
    (window as unknown as { __haimianMap?: maplibregl.Map }).__haimianMap = map;
    const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, className: 'map-popup' });

    const pick = (point: maplibregl.PointLike): MapGeoJSONFeature | null => {
      const p = maplibregl.Point.convert(point);
      const box: [maplibregl.PointLike, maplibregl.PointLike] = [[p.x - 4, p.y - 4], [p.x + 4, p.y + 4]];
      for (const layer of LAYERS_BY_PRIORITY) {
        const hit = map.queryRenderedFeatures(layer === 'subcatchments-fill' ? p : box, { layers: [layer] });
        if (hit[0]) return hit[0];
      }
      return null;
    };
    map.on('click', (e) => {
      const f = pick(e.point);
      const kind = f ? KIND_OF_LAYER[f.layer.id] : undefined;
      onSelectRef.current(f && kind ? { kind, name: String(f.properties.name) } : null);
    });
    map.on('mousemove', (e) => {
      const f = pick(e.point);
      map.getCanvas().style.cursor = f ? 'pointer' : '';
      if (!f) {
        popup.remove();
        return;
      }
      const depth = f.properties.runoffDepth;
      const { t: tr, depthUnit: unit } = labelRef.current;
      const kind = f.properties.kind ? String(f.properties.kind) : '';
      const text = `${f.properties.name}${kind ? ` · ${tr(`kinds.${kind}`, { defaultValue: kind })}` : ''}${typeof depth === 'number' ? ` · ${depth.toFixed(1)} ${unit}` : ''}`;
      popup.setLngLat(e.lngLat).setText(text).addTo(map);
    });
    map.on('mouseout', () => popup.remove());
    map.on('load', () => setReady(true));
    map.on('error', (e) => console.warn('map error', e.error?.message));
    return () => {
      popup.remove();
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, [lonLat]);

  // Feature data (with runoff depth merged into subcatchment properties).
  const depthMax = useMemo(() => (runoffDepth ? niceMax(Object.values(runoffDepth)) : 0), [runoffDepth]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const subs = {
      ...lonLat.subcatchments,
      features: lonLat.subcatchments.features.map((f) => {
        const d = runoffDepth?.[f.properties.name];
        return d === undefined ? f : { ...f, properties: { ...f.properties, runoffDepth: d } };
      }),
    };
    (map.getSource('subcatchments') as GeoJSONSource).setData(subs as never);
    (map.getSource('links') as GeoJSONSource).setData(lonLat.links as never);
    (map.getSource('nodes') as GeoJSONSource).setData(lonLat.nodes as never);
    map.setPaintProperty(
      'subcatchments-fill',
      'fill-color',
      runoffDepth
        ? (['case', ['has', 'runoffDepth'], ['interpolate', ['linear'], ['get', 'runoffDepth'], ...rampStops(depthMax)], '#bdbdbd'] as never)
        : '#a6d96a',
    );
    map.setPaintProperty('subcatchments-fill', 'fill-opacity', runoffDepth ? 0.8 : 0.55);
    container.current?.setAttribute('data-features', String(subs.features.length + lonLat.links.features.length + lonLat.nodes.features.length));
    container.current?.setAttribute('data-colored', runoffDepth ? 'runoff' : 'plain');
  }, [ready, lonLat, runoffDepth, depthMax]);

  // Selection highlight.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const f = (kind: Selection['kind']) => ['==', ['get', 'name'], selected?.kind === kind ? selected.name : '\u0000'] as never;
    map.setFilter('subcatchments-selected', f('subcatchment'));
    map.setFilter('links-selected', f('link'));
    map.setFilter('nodes-selected', f('node'));
  }, [ready, selected]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" data-ready={ready ? 'true' : 'false'} />
      {failure ? <div className="map-failure">{t('map.failed', { message: failure })}</div> : null}
      <div className="map-legend">
        {runoffDepth ? (
          <>
            <div className="legend-title">{t('map.runoffDepth', { unit: depthUnit })}</div>
            <div className="legend-ramp" style={{ background: `linear-gradient(to right, ${RAMP.join(',')})` }} />
            <div className="legend-scale">
              <span>0</span>
              <span>{depthMax / 2}</span>
              <span>{depthMax}</span>
            </div>
          </>
        ) : (
          <div className="legend-items">
            <span><i className="swatch" style={{ background: '#a6d96a' }} />{t('kinds.subcatchment')}</span>
            <span><i className="swatch line" style={{ background: '#2563eb' }} />{t('kinds.link')}</span>
            <span><i className="swatch dot" style={{ background: '#1e3a8a' }} />{t('kinds.junction')}</span>
            <span><i className="swatch dot" style={{ background: NODE_COLORS.outfall }} />{t('kinds.outfall')}</span>
          </div>
        )}
        {lonLat.frame ? <div className="legend-note">{t('map.localFrame')}</div> : null}
      </div>
    </div>
  );
}
