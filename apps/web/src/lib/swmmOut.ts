// The what-if panel's view of SWMM binary output (.out) bytes from an in-browser run, over the engine's
// reader (the one implementation of the binary layout).
import { readOut, type OutFile } from '@haimian/engine';

/** SWMM day numbers count from 1899-12-30; the Unix epoch is day 25569. */
const UNIX_EPOCH_DAY = 25569;

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
  let f: OutFile;
  try {
    f = readOut(bytes);
  } catch (err) {
    throw new SwmmOutError(err instanceof Error ? err.message : String(err));
  }
  const toF64 = (v: Float32Array) => Float64Array.from(v);
  return {
    version: f.version,
    flowUnits: f.flowUnits ?? String(f.flowUnitsCode),
    subcatchments: f.ids.subcatchments,
    nodes: f.ids.nodes,
    nodeTypes: Array.from(f.properties.nodeTypes, (t) => NODE_TYPES[t] ?? 'junction'),
    links: f.ids.links,
    pollutants: f.ids.pollutants,
    nPeriods: f.nPeriods,
    startDay: f.startDateTime,
    reportStepS: f.reportStepSec,
    times() {
      const out: string[] = [];
      for (let k = 0; k < f.nPeriods; k++) out.push(dayToIso(f.getPeriodDate(k)));
      return out;
    },
    nodeSeries(nodeIndex, variable) {
      return toF64(f.getSeries('node', nodeIndex, variable));
    },
    systemSeries(variable) {
      return toF64(f.getSeries('system', 0, variable));
    },
  };
}
