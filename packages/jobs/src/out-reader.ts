// The platform's view of a SWMM 5.2 binary output (.out): names for objects and variables over the
// engine's reader; series are pulled per object/variable on demand (a run's .out can be large).
import { readOut as readOutBytes, type OutFile as EngineOutFile } from '@haimian/engine';
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

/**
 * The engine's reader (the one implementation of the binary layout) behind the names the
 * platform uses: objects with their properties, variables by name, series on demand.
 */
export function readOut(bytes: Uint8Array): OutFile {
  let f: EngineOutFile;
  try {
    f = readOutBytes(bytes);
  } catch (err) {
    throw new OutFileError(err instanceof Error ? err.message : String(err));
  }
  const flowUnits = f.flowUnits as OutFlowUnits | undefined;
  if (!flowUnits || !FLOW_UNITS.includes(flowUnits)) throw new OutFileError(`unknown flow units code ${f.flowUnitsCode}`);
  const p = f.properties;
  const pollutants = f.ids.pollutants;
  const nameVars = (codes: Int32Array, fixed: readonly string[]): string[] =>
    Array.from(codes, (c, k) => (k < fixed.length ? (fixed[c] ?? `var${c}`) : `conc_${pollutants[k - fixed.length] ?? k}`));
  return {
    version: f.version,
    flowUnits,
    si: flowUnits === 'CMS' || flowUnits === 'LPS' || flowUnits === 'MLD',
    subcatchments: f.ids.subcatchments.map((name, k) => ({ name, area: p.subcatchAreas[k]! })),
    nodes: f.ids.nodes.map((name, k) => ({
      name,
      type: NODE_TYPES[p.nodeTypes[k]!] ?? 'junction',
      invert: p.nodeInverts[k]!,
      fullDepth: p.nodeFullDepths[k]!,
    })),
    links: f.ids.links.map((name, k) => ({ name, type: LINK_TYPES[p.linkTypes[k]!] ?? 'conduit' })),
    pollutants,
    vars: {
      subcatchment: nameVars(f.variables.subcatchment, SUBCATCH_VARS),
      node: nameVars(f.variables.node, NODE_VARS),
      link: nameVars(f.variables.link, LINK_VARS),
      system: Array.from(f.variables.system, (c) => SYSTEM_VARS[c] ?? `var${c}`),
    },
    reportStepS: f.reportStepSec,
    startDay: f.startDateTime,
    periods: f.nPeriods,
    times() {
      const t = new Float64Array(f.nPeriods);
      for (let k = 0; k < f.nPeriods; k++) t[k] = f.getPeriodDate(k);
      return t;
    },
    series(kind, index, variable) {
      try {
        return f.getSeries(kind, index, variable);
      } catch (err) {
        throw new RangeError(err instanceof Error ? err.message : String(err));
      }
    },
  };
}

/** SWMM day number → ISO local date-time 'YYYY-MM-DDTHH:MM:SS' (model time has no zone), rounded to the second. */
export function dayToIso(day: number): string {
  const ms = Math.round((day - 25569) * 86400) * 1000; // 25569 = days from 1899-12-30 to 1970-01-01
  return new Date(ms).toISOString().slice(0, 19);
}
