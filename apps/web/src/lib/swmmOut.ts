// Minimal reader of SWMM 5 binary output (.out) bytes, used to draw hydrographs from an in-browser what-if run.
// Layout (docs: engine-algorithms §11): a 24-byte closing record gives the section offsets; period k starts at
// OutputStartPos + k·BytesPerPeriod with a REAL8 date followed by REAL4 values per object and variable.

const MAGIC = 516114522;
/** SWMM day numbers count from 1899-12-30; the Unix epoch is day 25569. */
const UNIX_EPOCH_DAY = 25569;
const SYSTEM_VARS = 15;

export const FLOW_UNITS = ['CFS', 'GPM', 'MGD', 'CMS', 'LPS', 'MLD'] as const;
export const NODE_VARS = ['depth', 'head', 'volume', 'lateral_inflow', 'total_inflow', 'flooding'] as const;
export const NODE_TYPES = ['junction', 'outfall', 'storage', 'divider'] as const;

export interface SwmmOut {
  version: number;
  flowUnits: string;
  subcatchments: string[];
  nodes: string[];
  nodeTypes: string[];
  links: string[];
  pollutants: string[];
  nPeriods: number;
  startDay: number;
  reportStepS: number;
  /** Period times as ISO strings (UTC wall clock of the model). */
  times(): string[];
  /** Node variable series, by node index and variable index (see NODE_VARS). */
  nodeSeries(nodeIndex: number, variable: number): Float64Array;
  /** System variable series (0..14; 4 = runoff, 11 = outfall outflow). */
  systemSeries(variable: number): Float64Array;
}

export class SwmmOutError extends Error {}

export function dayToIso(day: number): string {
  // Round to the second: REAL8 day numbers carry sub-millisecond noise.
  const ms = Math.round(((day - UNIX_EPOCH_DAY) * 86_400_000) / 1000) * 1000;
  return new Date(ms).toISOString().slice(0, 19);
}

export function readSwmmOut(bytes: Uint8Array): SwmmOut {
  if (bytes.byteLength < 52) throw new SwmmOutError('output file too short');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const i4 = (pos: number) => dv.getInt32(pos, true);
  const end = bytes.byteLength;
  const idStart = i4(end - 24);
  const inputStart = i4(end - 20);
  const outputStart = i4(end - 16);
  const nPeriods = i4(end - 12);
  const errorCode = i4(end - 8);
  if (i4(0) !== MAGIC || i4(end - 4) !== MAGIC) throw new SwmmOutError('not a SWMM output file (bad magic number)');
  if (errorCode !== 0) throw new SwmmOutError(`run ended with error code ${errorCode}`);
  const version = i4(4);
  const flowUnits = FLOW_UNITS[i4(8)] ?? String(i4(8));
  const nSub = i4(12);
  const nNode = i4(16);
  const nLink = i4(20);
  const nPoll = i4(24);

  const decoder = new TextDecoder();
  let pos = idStart;
  const readNames = (n: number) => {
    const names: string[] = [];
    for (let k = 0; k < n; k++) {
      const len = i4(pos);
      names.push(decoder.decode(bytes.subarray(pos + 4, pos + 4 + len)));
      pos += 4 + len;
    }
    return names;
  };
  const subcatchments = readNames(nSub);
  const nodes = readNames(nNode);
  const links = readNames(nLink);
  const pollutants = readNames(nPoll);

  // Node types: after the subcatchment area block (2 + nSub ints) and the 4 node header ints.
  const nodeTypes: string[] = [];
  const nodeBlock = inputStart + 4 * (nSub + 2) + 4 * 4;
  for (let k = 0; k < nNode; k++) nodeTypes.push(NODE_TYPES[i4(nodeBlock + 12 * k)] ?? 'node');

  const varStart = inputStart + 4 * ((nSub + 2) + (3 * nNode + 4) + (5 * nLink + 6));
  const nSubVars = i4(varStart);
  const nNodeVars = i4(varStart + 4 * (1 + nSubVars));
  const nLinkVars = i4(varStart + 4 * (2 + nSubVars + nNodeVars));
  const startDay = dv.getFloat64(outputStart - 12, true);
  const reportStepS = i4(outputStart - 4);
  const bytesPerPeriod = 8 + 4 * (nSub * nSubVars + nNode * nNodeVars + nLink * nLinkVars + SYSTEM_VARS);
  if (outputStart + nPeriods * bytesPerPeriod > end - 24) throw new SwmmOutError('output file truncated');

  const series = (offsetInPeriod: number) => {
    const out = new Float64Array(nPeriods);
    for (let k = 0; k < nPeriods; k++) out[k] = dv.getFloat32(outputStart + k * bytesPerPeriod + offsetInPeriod, true);
    return out;
  };

  return {
    version,
    flowUnits,
    subcatchments,
    nodes,
    nodeTypes,
    links,
    pollutants,
    nPeriods,
    startDay,
    reportStepS,
    times() {
      const t: string[] = [];
      for (let k = 0; k < nPeriods; k++) t.push(dayToIso(dv.getFloat64(outputStart + k * bytesPerPeriod, true)));
      return t;
    },
    nodeSeries(nodeIndex, variable) {
      if (nodeIndex < 0 || nodeIndex >= nNode || variable < 0 || variable >= nNodeVars) throw new RangeError('node or variable out of range');
      return series(8 + 4 * (nSub * nSubVars + nodeIndex * nNodeVars + variable));
    },
    systemSeries(variable) {
      if (variable < 0 || variable >= SYSTEM_VARS) throw new RangeError('system variable out of range');
      return series(8 + 4 * (nSub * nSubVars + nNode * nNodeVars + nLink * nLinkVars + variable));
    },
  };
}
