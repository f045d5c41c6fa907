// Map geometry of a model from its GUI sections ([COORDINATES], [VERTICES], [POLYGONS], [SYMBOLS]) as GeoJSON.
// SWMM map coordinates carry no CRS; we treat them as WGS84 lon/lat when [MAP] says DEGREES or when every
// point lies in lon/lat range within a small extent and has decimals; otherwise as a local metric frame.
import { columnsOf, LINK_SECTIONS, NODE_SECTIONS } from './objects.js';
import { isSI, rows, type InpText } from './sections.js';

type Position = [number, number];
export interface Feature<G> {
  type: 'Feature';
  id: string;
  geometry: G;
  properties: Record<string, string | number | null>;
}
export interface FeatureCollection<G> {
  type: 'FeatureCollection';
  features: Feature<G>[];
}
export type Point = { type: 'Point'; coordinates: Position };
export type LineString = { type: 'LineString'; coordinates: Position[] };
export type Polygon = { type: 'Polygon'; coordinates: Position[][] };

export interface ModelGeo {
  crs: 'wgs84' | 'local';
  /** 'degrees' for wgs84; 'm' for the local frame (feet are converted). */
  units: 'degrees' | 'm';
  /** How the coordinates were interpreted, for the UI to show. */
  note: string;
  bounds: [number, number, number, number] | null;
  subcatchments: FeatureCollection<Polygon>;
  nodes: FeatureCollection<Point>;
  links: FeatureCollection<LineString>;
  gages: FeatureCollection<Point>;
  /** Objects without map coordinates (not drawn). */
  missing: { subcatchments: string[]; nodes: string[]; links: string[] };
}

const num = (t: string | undefined) => (t === undefined ? NaN : Number(t));

function pointTable(inp: InpText, sectionName: string): Map<string, Position> {
  const m = new Map<string, Position>();
  for (const l of rows(inp, sectionName)) {
    const x = num(l.tokens[1]);
    const y = num(l.tokens[2]);
    if (Number.isFinite(x) && Number.isFinite(y)) m.set(l.tokens[0]!.toUpperCase(), [x, y]);
  }
  return m;
}

function multiPointTable(inp: InpText, sectionName: string): Map<string, Position[]> {
  const m = new Map<string, Position[]>();
  for (const l of rows(inp, sectionName)) {
    const x = num(l.tokens[1]);
    const y = num(l.tokens[2]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const key = l.tokens[0]!.toUpperCase();
    const list = m.get(key) ?? [];
    list.push([x, y]);
    m.set(key, list);
  }
  return m;
}

/** Map coordinates by upper-case object name (SWMM names are case-insensitive). */
export interface GeoCoordinates {
  nodes: Map<string, Position>;
  vertices: Map<string, Position[]>;
  polygons: Map<string, Position[]>;
  gages: Map<string, Position>;
  /** [MAP] Units, upper-case. */
  mapUnits?: string;
}

/** Coordinates read from the .inp text by the server's own section reader. */
export function coordinatesFromText(inp: InpText): GeoCoordinates {
  let mapUnits: string | undefined;
  for (const l of rows(inp, '[MAP]')) if (l.tokens[0]?.toUpperCase() === 'UNITS') mapUnits = l.tokens[1]?.toUpperCase();
  return {
    nodes: pointTable(inp, '[COORDINATES]'),
    vertices: multiPointTable(inp, '[VERTICES]'),
    polygons: multiPointTable(inp, '[POLYGONS]'),
    gages: pointTable(inp, '[SYMBOLS]'),
    mapUnits,
  };
}

/** Coordinates from the engine's parsed model (preferred when the engine parsed the text). */
export function coordinatesFromModel(c: {
  nodes: Record<string, [number, number]>;
  vertices: Record<string, [number, number][]>;
  polygons: Record<string, [number, number][]>;
  gages: Record<string, [number, number]>;
  map?: { units?: string };
}): GeoCoordinates {
  const upper = <T>(r: Record<string, T>) => new Map(Object.entries(r).map(([k, v]) => [k.toUpperCase(), v]));
  return { nodes: upper(c.nodes), vertices: upper(c.vertices), polygons: upper(c.polygons), gages: upper(c.gages), mapUnits: c.map?.units?.toUpperCase() };
}

function looksGeographic(points: Position[]): boolean {
  if (points.length === 0) return false;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  let fractional = false;
  for (const [x, y] of points) {
    if (x < -180 || x > 180 || y < -90 || y > 90) return false;
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    if (!Number.isInteger(x) || !Number.isInteger(y)) fractional = true;
  }
  // A drainage model spans kilometres, i.e. well under a degree; small integer grids are drawing units.
  return fractional && maxX - minX < 2 && maxY - minY < 2;
}

export function buildGeo(inp: InpText, from: GeoCoordinates = coordinatesFromText(inp)): ModelGeo {
  const { nodes: coords, vertices, polygons, gages: symbols } = from;
  const all: Position[] = [...coords.values(), ...[...vertices.values()].flat(), ...[...polygons.values()].flat(), ...symbols.values()];

  const declared = from.mapUnits;
  let crs: ModelGeo['crs'];
  let scale = 1;
  let note: string;
  if ((declared === 'DEGREES' || declared === undefined || declared === 'NONE') && looksGeographic(all)) {
    crs = 'wgs84';
    note = declared === 'DEGREES' ? 'coordinates are longitude/latitude ([MAP] Units DEGREES), taken as WGS84' : 'coordinates look like longitude/latitude; taken as WGS84';
  } else {
    crs = 'local';
    const feet = declared === 'FEET' || ((declared === undefined || declared === 'NONE') && !isSI(inp));
    scale = feet ? 0.3048 : 1;
    note = `projected or drawing coordinates: shown in a local frame in metres${feet ? ' (converted from feet)' : ''}, not placed on a basemap`;
  }
  const tx = (p: Position): Position => (scale === 1 ? p : [p[0] * scale, p[1] * scale]);

  const missing: ModelGeo['missing'] = { subcatchments: [], nodes: [], links: [] };
  const features = {
    subcatchments: [] as Feature<Polygon>[],
    nodes: [] as Feature<Point>[],
    links: [] as Feature<LineString>[],
    gages: [] as Feature<Point>[],
  };

  for (const l of rows(inp, '[SUBCATCHMENTS]')) {
    const name = l.tokens[0]!;
    const ring = polygons.get(name.toUpperCase());
    if (!ring || ring.length < 3) {
      missing.subcatchments.push(name);
      continue;
    }
    const closed = [...ring.map(tx)];
    const [fx, fy] = closed[0]!;
    const [lx, ly] = closed[closed.length - 1]!;
    if (fx !== lx || fy !== ly) closed.push([fx, fy]);
    features.subcatchments.push({
      type: 'Feature',
      id: `subcatchment:${name}`,
      geometry: { type: 'Polygon', coordinates: [closed] },
      properties: {
        name,
        kind: 'subcatchment',
        rainGage: l.tokens[1] ?? null,
        outlet: l.tokens[2] ?? null,
        area: num(l.tokens[3]),
        pctImperv: num(l.tokens[4]),
        width: num(l.tokens[5]),
        pctSlope: num(l.tokens[6]),
      },
    });
  }

  const nodeCoords = new Map<string, Position>();
  for (const [kind, sec] of Object.entries(NODE_SECTIONS)) {
    for (const l of rows(inp, sec)) {
      const name = l.tokens[0]!;
      const p = coords.get(name.toUpperCase());
      if (!p) {
        missing.nodes.push(name);
        continue;
      }
      nodeCoords.set(name.toUpperCase(), tx(p));
      const cols = columnsOf(inp, sec, l.tokens);
      const props: Record<string, string | number | null> = { name, kind };
      cols.forEach((c, k) => {
        if (c === 'invertElev' || c === 'maxDepth' || c === 'outfallType') props[c] = c === 'outfallType' ? (l.tokens[k + 1] ?? null) : num(l.tokens[k + 1]);
      });
      features.nodes.push({ type: 'Feature', id: `node:${name}`, geometry: { type: 'Point', coordinates: tx(p) }, properties: props });
    }
  }

  const xsect = new Map(rows(inp, '[XSECTIONS]').map((l) => [l.tokens[0]!.toUpperCase(), l.tokens]));
  for (const [kind, sec] of Object.entries(LINK_SECTIONS)) {
    for (const l of rows(inp, sec)) {
      const name = l.tokens[0]!;
      const from = nodeCoords.get((l.tokens[1] ?? '').toUpperCase());
      const to = nodeCoords.get((l.tokens[2] ?? '').toUpperCase());
      if (!from || !to) {
        missing.links.push(name);
        continue;
      }
      const line = [from, ...(vertices.get(name.toUpperCase()) ?? []).map(tx), to];
      const xs = xsect.get(name.toUpperCase());
      const props: Record<string, string | number | null> = { name, kind, fromNode: l.tokens[1]!, toNode: l.tokens[2]! };
      if (kind === 'conduit') {
        props.length = num(l.tokens[3]);
        props.roughness = num(l.tokens[4]);
      }
      if (xs) {
        props.shape = xs[1] ?? null;
        props.geom1 = num(xs[2]);
      }
      features.links.push({ type: 'Feature', id: `link:${name}`, geometry: { type: 'LineString', coordinates: line }, properties: props });
    }
  }

  for (const l of rows(inp, '[RAINGAGES]')) {
    const p = symbols.get(l.tokens[0]!.toUpperCase());
    if (p) features.gages.push({ type: 'Feature', id: `gage:${l.tokens[0]}`, geometry: { type: 'Point', coordinates: tx(p) }, properties: { name: l.tokens[0]!, kind: 'gage' } });
  }

  const drawn: Position[] = [
    ...features.subcatchments.flatMap((f) => f.geometry.coordinates[0]!),
    ...features.nodes.map((f) => f.geometry.coordinates),
    ...features.links.flatMap((f) => f.geometry.coordinates),
    ...features.gages.map((f) => f.geometry.coordinates),
  ];
  let bounds: ModelGeo['bounds'] = null;
  if (drawn.length) {
    bounds = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of drawn) {
      bounds[0] = Math.min(bounds[0], x);
      bounds[1] = Math.min(bounds[1], y);
      bounds[2] = Math.max(bounds[2], x);
      bounds[3] = Math.max(bounds[3], y);
    }
  }
  return {
    crs,
    units: crs === 'wgs84' ? 'degrees' : 'm',
    note,
    bounds,
    subcatchments: { type: 'FeatureCollection', features: features.subcatchments },
    nodes: { type: 'FeatureCollection', features: features.nodes },
    links: { type: 'FeatureCollection', features: features.links },
    gages: { type: 'FeatureCollection', features: features.gages },
    missing,
  };
}
