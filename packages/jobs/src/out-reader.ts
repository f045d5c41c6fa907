// Reader for SWMM 5.2 binary output (.out) bytes — layout in engine-algorithms.md §11.
// Reads the header once; series are pulled per object/variable on demand (a run's .out can be large).
const MAGIC = 516114522;
export const FLOW_UNITS = ['CFS', 'GPM', 'MGD', 'CMS', 'LPS', 'MLD'] as const;
export type OutFlowUnits = (typeof FLOW_UNITS)[number];

export const SUBCATCH_VARS = ['rainfall', 'snow_depth', 'evaporation', 'infiltration', 'runoff', 'gw_flow', 'gw_elevation', 'soil_moisture'] as const;
export const NODE_VARS = ['depth', 'head', 'volume', 'lateral_inflow', 'total_inflow', 'flooding'] as const;
export const LINK_VARS = ['flow', 'depth', 'velocity', 'volume', 'capacity'] as const;
export const SYSTEM_VARS = [
  'air_temperature', 'rainfall', 'snow_depth', 'infiltration', 'runoff', 'dry_weather_inflow', 'gw_inflow', 'rdii_inflow',
  'direct_inflow', 'total_lateral_inflow', 'flooding', 'outfall_outflow', 'storage_volume', 'evaporation', 'pet',
] as const;

export type OutObjectKind = 'subcatchment' | 'node' | 'link' | 'system';
export const NODE_TYPES = ['junction', 'outfall', 'storage', 'divider'] as const;
export const LINK_TYPES = ['conduit', 'pump', 'orifice', 'weir', 'outlet'] as const;

export interface OutFile {
  version: number;
  flowUnits: OutFlowUnits;
  /** True for SI flow units (CMS, LPS, MLD). */
  si: boolean;
  subcatchments: { name: string; area: number }[];
  nodes: { name: string; type: (typeof NODE_TYPES)[number]; invert: number; fullDepth: number }[];
  links: { name: string; type: (typeof LINK_TYPES)[number] }[];
  pollutants: string[];
  /** Variables per object kind, by name (pollutant concentrations after the fixed ones, by pollutant name). */
  vars: Record<OutObjectKind, string[]>;
  reportStepS: number;
  /** SWMM day number (days since 1899-12-30) one report step before the first period. */
  startDay: number;
  periods: number;
  /** Period times as SWMM day numbers. */
  times(): Float64Array;
  /** Values of one variable of one object over all periods (index = position in the lists above; ignored for system). */
  series(kind: OutObjectKind, index: number, variable: number): Float32Array;
}

export class OutFileError extends Error {}

export function readOut(bytes: Uint8Array): OutFile {
  if (bytes.byteLength < 52) throw new OutFileError('binary output is too short');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const i4 = (pos: number) => dv.getInt32(pos, true);
  const end = bytes.byteLength;
  const idStart = i4(end - 24);
  const inputStart = i4(end - 20);
  const outputStart = i4(end - 16);
  const periods = i4(end - 12);
  const errorCode = i4(end - 8);
  if (i4(0) !== MAGIC || i4(end - 4) !== MAGIC) throw new OutFileError('not a SWMM binary output file (bad magic number)');
  if (errorCode !== 0) throw new OutFileError(`binary output records engine error ${errorCode}`);
  const version = i4(4);
  const flowUnits = FLOW_UNITS[i4(8)];
  if (!flowUnits) throw new OutFileError(`unknown flow units code ${i4(8)}`);
  const nSub = i4(12);
  const nNode = i4(16);
  const nLink = i4(20);
  const nPoll = i4(24);

  const utf8 = new TextDecoder('utf-8');
  let pos = idStart;
  const readName = () => {
    const len = i4(pos);
    const s = utf8.decode(bytes.subarray(pos + 4, pos + 4 + len));
    pos += 4 + len;
    return s;
  };
  const subNames = Array.from({ length: nSub }, readName);
  const nodeNames = Array.from({ length: nNode }, readName);
  const linkNames = Array.from({ length: nLink }, readName);
  const pollutants = Array.from({ length: nPoll }, readName);

  const f4 = (p: number) => dv.getFloat32(p, true);
  // Properties: subcatchments [1, code, area...], nodes [3, 3 codes, (type, invert, depth)...], links [5, 5 codes, 5 values...]
  pos = inputStart + 8;
  const subcatchments = subNames.map((name, k) => ({ name, area: f4(pos + 4 * k) }));
  pos += 4 * nSub + 16;
  const nodes = nodeNames.map((name, k) => {
    const p = pos + 12 * k;
    return { name, type: NODE_TYPES[i4(p)] ?? 'junction', invert: f4(p + 4), fullDepth: f4(p + 8) };
  });
  pos += 12 * nNode + 24;
  const links = linkNames.map((name, k) => ({ name, type: LINK_TYPES[i4(pos + 20 * k)] ?? 'conduit' }));
  pos += 20 * nLink;

  const readVarCodes = (): number[] => {
    const n = i4(pos);
    const codes = Array.from({ length: n }, (_, k) => i4(pos + 4 + 4 * k));
    pos += 4 + 4 * n;
    return codes;
  };
  const nameVars = (codes: number[], fixed: readonly string[]) =>
    codes.map((c, k) => (k < fixed.length ? (fixed[c] ?? `var${c}`) : `conc_${pollutants[k - fixed.length] ?? k}`));
  const subVarCodes = readVarCodes();
  const nodeVarCodes = readVarCodes();
  const linkVarCodes = readVarCodes();
  const sysVarCodes = readVarCodes();
  const startDay = dv.getFloat64(pos, true);
  const reportStepS = i4(pos + 8);
  if (pos + 12 !== outputStart) throw new OutFileError('binary output header is inconsistent');

  const nSubVars = subVarCodes.length;
  const nNodeVars = nodeVarCodes.length;
  const nLinkVars = linkVarCodes.length;
  const nSysVars = sysVarCodes.length;
  const bytesPerPeriod = 8 + 4 * (nSub * nSubVars + nNode * nNodeVars + nLink * nLinkVars + nSysVars);
  if (outputStart + periods * bytesPerPeriod > end - 24) throw new OutFileError('binary output is truncated');

  const offsetOf = (kind: OutObjectKind, index: number, variable: number): number => {
    const check = (n: number, nVars: number) => {
      if (index < 0 || index >= n) throw new RangeError(`${kind} index ${index} out of range`);
      if (variable < 0 || variable >= nVars) throw new RangeError(`${kind} variable ${variable} out of range`);
    };
    switch (kind) {
      case 'subcatchment':
        check(nSub, nSubVars);
        return 8 + 4 * (index * nSubVars + variable);
      case 'node':
        check(nNode, nNodeVars);
        return 8 + 4 * (nSub * nSubVars + index * nNodeVars + variable);
      case 'link':
        check(nLink, nLinkVars);
        return 8 + 4 * (nSub * nSubVars + nNode * nNodeVars + index * nLinkVars + variable);
      case 'system':
        check(1, nSysVars);
        return 8 + 4 * (nSub * nSubVars + nNode * nNodeVars + nLink * nLinkVars + variable);
    }
  };

  return {
    version,
    flowUnits,
    si: flowUnits === 'CMS' || flowUnits === 'LPS' || flowUnits === 'MLD',
    subcatchments,
    nodes,
    links,
    pollutants,
    vars: {
      subcatchment: nameVars(subVarCodes, SUBCATCH_VARS),
      node: nameVars(nodeVarCodes, NODE_VARS),
      link: nameVars(linkVarCodes, LINK_VARS),
      system: sysVarCodes.map((c) => SYSTEM_VARS[c] ?? `var${c}`),
    },
    reportStepS,
    startDay,
    periods,
    times() {
      const t = new Float64Array(periods);
      for (let k = 0; k < periods; k++) t[k] = dv.getFloat64(outputStart + k * bytesPerPeriod, true);
      return t;
    },
    series(kind, index, variable) {
      const off = outputStart + offsetOf(kind, index, variable);
      const v = new Float32Array(periods);
      for (let k = 0; k < periods; k++) v[k] = dv.getFloat32(off + k * bytesPerPeriod, true);
      return v;
    },
  };
}

/** SWMM day number → ISO local date-time 'YYYY-MM-DDTHH:MM:SS' (model time has no zone), rounded to the second. */
export function dayToIso(day: number): string {
  const ms = Math.round((day - 25569) * 86400) * 1000; // 25569 = days from 1899-12-30 to 1970-01-01
  return new Date(ms).toISOString().slice(0, 19);
}
