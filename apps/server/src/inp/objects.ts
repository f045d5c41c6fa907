// Named model objects in .inp text: which section holds them, what their columns mean, and lookups by name.
// Column names are the platform's field names (props in the API, `field` in setParam changes).
import { options, rows, sameName, type InpLine, type InpText } from './sections.js';

export type NodeKind = 'junction' | 'outfall' | 'divider' | 'storage';
export type LinkKind = 'conduit' | 'pump' | 'orifice' | 'weir' | 'outlet';

export const NODE_SECTIONS: Record<NodeKind, string> = {
  junction: '[JUNCTIONS]',
  outfall: '[OUTFALLS]',
  divider: '[DIVIDERS]',
  storage: '[STORAGE]',
};
export const LINK_SECTIONS: Record<LinkKind, string> = {
  conduit: '[CONDUITS]',
  pump: '[PUMPS]',
  orifice: '[ORIFICES]',
  weir: '[WEIRS]',
  outlet: '[OUTLETS]',
};

/** Columns after the object name, per section. Variable tails are named generically (param1…). */
const COLUMNS: Record<string, string[]> = {
  '[SUBCATCHMENTS]': ['rainGage', 'outlet', 'area', 'pctImperv', 'width', 'pctSlope', 'curbLength', 'snowPack'],
  '[SUBAREAS]': ['nImperv', 'nPerv', 'sImperv', 'sPerv', 'pctZero', 'routeTo', 'pctRouted'],
  '[JUNCTIONS]': ['invertElev', 'maxDepth', 'initDepth', 'surDepth', 'pondedArea'],
  '[OUTFALLS]': ['invertElev', 'outfallType', 'stageData', 'gated', 'routeTo'],
  '[DIVIDERS]': ['invertElev', 'divertedLink', 'dividerType', 'param1', 'param2', 'param3', 'param4', 'param5', 'param6', 'param7'],
  '[STORAGE]': ['invertElev', 'maxDepth', 'initDepth', 'shape', 'param1', 'param2', 'param3', 'param4', 'param5', 'param6', 'param7', 'param8'],
  '[CONDUITS]': ['fromNode', 'toNode', 'length', 'roughness', 'inOffset', 'outOffset', 'initFlow', 'maxFlow'],
  '[PUMPS]': ['fromNode', 'toNode', 'pumpCurve', 'status', 'startupDepth', 'shutoffDepth'],
  '[ORIFICES]': ['fromNode', 'toNode', 'orificeType', 'offset', 'dischargeCoeff', 'gated', 'closeTime'],
  '[WEIRS]': ['fromNode', 'toNode', 'weirType', 'crestHeight', 'dischargeCoeff', 'gated', 'endContractions', 'endCoeff', 'surcharge', 'roadWidth', 'roadSurface', 'coeffCurve'],
  '[OUTLETS]': ['fromNode', 'toNode', 'offset', 'outletType', 'param1', 'param2', 'param3'],
  '[XSECTIONS]': ['shape', 'geom1', 'geom2', 'geom3', 'geom4', 'barrels', 'culvert'],
  '[RAINGAGES]': ['format', 'interval', 'snowCatchFactor', 'source', 'sourceName', 'station', 'rainUnits'],
};

const INFILTRATION_COLUMNS: Record<string, string[]> = {
  HORTON: ['maxRate', 'minRate', 'decay', 'dryTime', 'maxInfil'],
  MODIFIED_HORTON: ['maxRate', 'minRate', 'decay', 'dryTime', 'maxInfil'],
  GREEN_AMPT: ['suctionHead', 'conductivity', 'initialDeficit'],
  MODIFIED_GREEN_AMPT: ['suctionHead', 'conductivity', 'initialDeficit'],
  CURVE_NUMBER: ['curveNumber', 'conductivity', 'dryTime'],
};
const INFILTRATION_METHODS = Object.keys(INFILTRATION_COLUMNS);

export function findRow(inp: InpText, sectionName: string, name: string): InpLine | undefined {
  return rows(inp, sectionName).find((l) => sameName(l.tokens[0]!, name));
}

/** Outfalls have an optional stage-data column only for FIXED/TIDAL/TIMESERIES types. */
function outfallColumns(tokens: string[]): string[] {
  const type = (tokens[2] ?? 'FREE').toUpperCase();
  return type === 'FIXED' || type === 'TIDAL' || type === 'TIMESERIES'
    ? COLUMNS['[OUTFALLS]']!
    : ['invertElev', 'outfallType', 'gated', 'routeTo'];
}

export function infiltrationMethod(inp: InpText, tokens: string[]): string {
  const last = tokens[tokens.length - 1]?.toUpperCase();
  if (last && INFILTRATION_METHODS.includes(last)) return last;
  const opt = (options(inp).get('INFILTRATION') ?? 'HORTON').toUpperCase();
  return INFILTRATION_METHODS.includes(opt) ? opt : 'HORTON';
}

/** Column names of a row of a section (after the name). */
export function columnsOf(inp: InpText, sectionName: string, tokens: string[]): string[] {
  if (sectionName === '[OUTFALLS]') return outfallColumns(tokens);
  if (sectionName === '[INFILTRATION]') return [...INFILTRATION_COLUMNS[infiltrationMethod(inp, tokens)]!, 'param6'];
  return COLUMNS[sectionName] ?? tokens.slice(1).map((_, k) => `param${k + 1}`);
}

function toValue(token: string): string | number {
  const n = Number(token);
  return token.trim() !== '' && Number.isFinite(n) ? n : token;
}

function rowProps(inp: InpText, sectionName: string, line: InpLine | undefined, into: Record<string, string | number>): void {
  if (!line) return;
  const cols = columnsOf(inp, sectionName, line.tokens);
  line.tokens.slice(1).forEach((t, k) => {
    const col = cols[k] ?? `param${k + 1}`;
    if (sectionName === '[INFILTRATION]' && INFILTRATION_METHODS.includes(t.toUpperCase())) {
      into.infiltrationMethod = t.toUpperCase();
      return;
    }
    into[col] = toValue(t);
  });
}

export type ObjectKind = 'subcatchment' | 'node' | 'link' | 'gage' | NodeKind | LinkKind;

export interface ObjectRef {
  kind: 'subcatchment' | 'gage' | NodeKind | LinkKind;
  name: string;
  /** Sections that carry this object's fields, in the order fields are looked up. */
  sections: string[];
}

/** Resolve a (possibly generic) kind + name to the object's concrete kind and sections, or undefined. */
export function resolveObject(inp: InpText, kind: string, name: string): ObjectRef | undefined {
  const k = kind.toLowerCase();
  if (k === 'subcatchment') {
    const row = findRow(inp, '[SUBCATCHMENTS]', name);
    return row && { kind: 'subcatchment', name: row.tokens[0]!, sections: ['[SUBCATCHMENTS]', '[SUBAREAS]', '[INFILTRATION]'] };
  }
  if (k === 'gage' || k === 'raingage') {
    const row = findRow(inp, '[RAINGAGES]', name);
    return row && { kind: 'gage', name: row.tokens[0]!, sections: ['[RAINGAGES]'] };
  }
  if (k === 'node' || k in NODE_SECTIONS) {
    for (const [nk, sec] of Object.entries(NODE_SECTIONS) as [NodeKind, string][]) {
      if (k !== 'node' && k !== nk) continue;
      const row = findRow(inp, sec, name);
      if (row) return { kind: nk, name: row.tokens[0]!, sections: [sec] };
    }
    return undefined;
  }
  if (k === 'link' || k in LINK_SECTIONS) {
    for (const [lk, sec] of Object.entries(LINK_SECTIONS) as [LinkKind, string][]) {
      if (k !== 'link' && k !== lk) continue;
      const row = findRow(inp, sec, name);
      if (row) return { kind: lk, name: row.tokens[0]!, sections: [sec, '[XSECTIONS]'] };
    }
  }
  return undefined;
}

export function objectProps(inp: InpText, ref: ObjectRef): Record<string, string | number> {
  const props: Record<string, string | number> = {};
  for (const sec of ref.sections) rowProps(inp, sec, findRow(inp, sec, ref.name), props);
  if (ref.kind === 'subcatchment') {
    const lids = rows(inp, '[LID_USAGE]').filter((l) => sameName(l.tokens[0]!, ref.name));
    if (lids.length) props.lidUnits = lids.map((l) => `${l.tokens[1]}×${l.tokens[2]}`).join(', ');
  }
  return props;
}

export function countObjects(inp: InpText): Record<string, number> {
  const count = (s: string) => rows(inp, s).length;
  const nodeCounts = Object.fromEntries(Object.entries(NODE_SECTIONS).map(([k, s]) => [`${k}s`, count(s)]));
  const linkCounts = Object.fromEntries(Object.entries(LINK_SECTIONS).map(([k, s]) => [`${k}s`, count(s)]));
  const lidControls = new Set(rows(inp, '[LID_CONTROLS]').map((l) => l.tokens[0]!.toUpperCase())).size;
  return {
    subcatchments: count('[SUBCATCHMENTS]'),
    nodes: Object.values(nodeCounts).reduce((a, b) => a + b, 0),
    links: Object.values(linkCounts).reduce((a, b) => a + b, 0),
    ...nodeCounts,
    ...linkCounts,
    raingages: count('[RAINGAGES]'),
    lidControls,
    lidUsages: count('[LID_USAGE]'),
  };
}
