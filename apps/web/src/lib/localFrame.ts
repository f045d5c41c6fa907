// Places a model's projected ("local") coordinates on the globe so MapLibre can draw them without a tile server.
// The model's bounds are centred on lon/lat (0, 0) and one model unit is treated as one metre (SWMM map units are
// usually metres or feet; either way the picture keeps its shape). Near the equator Web Mercator is close to
// isotropic, so distances and angles look right. Huge extents are shrunk and tiny ones stretched so the view
// stays inside a comfortable zoom range.
import type { Feature, FeatureCollection, ModelGeo, Position } from '../api/types';

/** Metres per degree of latitude (and of longitude at the equator), mean Earth radius. */
const M_PER_DEG = 111_320;
/** Largest box (degrees) a local model may occupy; beyond this Mercator distortion becomes visible. */
const MAX_SPAN_DEG = 5;
/** Smallest box (degrees, ~11 m) so a degenerate model (one point) still gets a sensible zoom. */
const MIN_SPAN_DEG = 1e-4;

export interface LocalFrame {
  /** Degrees per model unit. */
  degPerUnit: number;
  cx: number;
  cy: number;
}

export function makeLocalFrame(bounds: readonly [number, number, number, number]): LocalFrame {
  const [minX, minY, maxX, maxY] = bounds;
  const span = Math.max(maxX - minX, maxY - minY, 0);
  let degPerUnit = 1 / M_PER_DEG;
  if (span * degPerUnit > MAX_SPAN_DEG) degPerUnit = MAX_SPAN_DEG / span;
  if (span > 0 && span * degPerUnit < MIN_SPAN_DEG) degPerUnit = MIN_SPAN_DEG / span;
  return { degPerUnit, cx: (minX + maxX) / 2, cy: (minY + maxY) / 2 };
}

export function toLonLat(frame: LocalFrame, p: Position): Position {
  return [(p[0] - frame.cx) * frame.degPerUnit, (p[1] - frame.cy) * frame.degPerUnit];
}

function mapFeatures<G extends { type: string; coordinates: unknown }>(
  fc: FeatureCollection<G>,
  f: (p: Position) => Position,
): FeatureCollection<G> {
  const mapCoords = (c: unknown): unknown =>
    typeof (c as unknown[])[0] === 'number' ? f(c as Position) : (c as unknown[]).map(mapCoords);
  return {
    type: 'FeatureCollection',
    features: fc.features.map(
      (feat): Feature<G> => ({ ...feat, geometry: { ...feat.geometry, coordinates: mapCoords(feat.geometry.coordinates) } as G }),
    ),
  };
}

/** Model geo as WGS84 lon/lat, plus the bounds in lon/lat. Geographic models pass through unchanged. */
export function geoToLonLat(geo: ModelGeo): ModelGeo & { frame: LocalFrame | null } {
  if (geo.crs !== 'local') return { ...geo, frame: null };
  const frame = makeLocalFrame(geo.bounds);
  const f = (p: Position) => toLonLat(frame, p);
  const [x0, y0] = f([geo.bounds[0], geo.bounds[1]]);
  const [x1, y1] = f([geo.bounds[2], geo.bounds[3]]);
  return {
    crs: 'wgs84',
    bounds: [x0, y0, x1, y1],
    subcatchments: mapFeatures(geo.subcatchments, f),
    nodes: mapFeatures(geo.nodes, f),
    links: mapFeatures(geo.links, f),
    frame,
  };
}

/** A "nice" grid step (1, 2 or 5 × 10^k) close to span/targetLines. */
export function niceStep(span: number, targetLines = 8): number {
  if (!(span > 0)) return 1;
  const raw = span / targetLines;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const r = raw / mag;
  return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * mag;
}

/**
 * Graticule lines (in lon/lat) covering the bounds with a margin, so an empty offline map still shows scale and
 * orientation. For a local frame the step is chosen in model units and converted, so the lines sit on round
 * model coordinates.
 */
export function graticule(
  boundsLonLat: readonly [number, number, number, number],
  frame: LocalFrame | null,
): FeatureCollection<{ type: 'LineString'; coordinates: Position[] }> {
  const [minX, minY, maxX, maxY] = boundsLonLat;
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const stepDeg = frame ? niceStep(span / frame.degPerUnit) * frame.degPerUnit : niceStep(span);
  // Align the grid with round coordinates: model units for a local frame, degrees otherwise.
  const originX = frame ? -frame.cx * frame.degPerUnit : 0;
  const originY = frame ? -frame.cy * frame.degPerUnit : 0;
  const margin = span * 2;
  const x0 = originX + Math.floor((minX - margin - originX) / stepDeg) * stepDeg;
  const y0 = originY + Math.floor((minY - margin - originY) / stepDeg) * stepDeg;
  const x1 = maxX + margin;
  const y1 = maxY + margin;
  const features: Feature<{ type: 'LineString'; coordinates: Position[] }>[] = [];
  const clampLat = (v: number) => Math.max(-85, Math.min(85, v));
  for (let x = x0, i = 0; x <= x1 && i < 200; x += stepDeg, i++) {
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[x, clampLat(y0)], [x, clampLat(y1)]] }, properties: { name: `x${i}` } });
  }
  for (let y = y0, i = 0; y <= y1 && i < 200; y += stepDeg, i++) {
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[x0, clampLat(y)], [x1, clampLat(y)]] }, properties: { name: `y${i}` } });
  }
  return { type: 'FeatureCollection', features };
}
