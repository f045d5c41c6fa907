// Hand-built Models for hydrology unit tests (independent of the .inp parser).
import type { Model, Options, RainGage, Subareas, Subcatchment, TimeSeries } from '../../src/model/types.js';
import { encodeDate } from '../../src/time/datetime.js';

export const START = encodeDate(2020, 1, 1);

export function handOptions(over: Partial<Options> = {}): Options {
  return {
    flowUnits: 'CFS', infiltration: 'HORTON', routing: 'NONE', linkOffsets: 'DEPTH', forceMainEquation: 'H-W',
    startDateTime: START, endDateTime: START + 1, reportStartDateTime: START,
    sweepStartDay: 1, sweepEndDay: 365, dryDays: 0,
    wetStepS: 300, dryStepS: 3600, routingStepS: 60, ruleStepS: 0, reportStepS: 900, lengtheningStepS: 0,
    allowPonding: false, inertialDamping: 'PARTIAL', normalFlowLimited: 'BOTH', variableStep: 0, minSurfArea: 0, minSlope: 0,
    skipSteadyState: false, ignoreRainfall: false, ignoreSnowmelt: false, ignoreGroundwater: false, ignoreRdii: false,
    ignoreRouting: false, ignoreQuality: false, maxTrials: 8, headTolerance: 0, sysFlowTol: 0.05, latFlowTol: 0.05,
    minimumStepS: 0.5, threads: 1, surchargeMethod: 'EXTRAN', raw: {},
    ...over,
  };
}

/** A time series from (hours after START, value) pairs. */
export function hourSeries(name: string, pairs: [number, number][]): TimeSeries {
  return { name, times: pairs.map(([h]) => START + h / 24), values: pairs.map(([, v]) => v), line: 1 };
}

export function tsGage(name: string, series: string, intervalS = 3600, form: RainGage['form'] = 'INTENSITY'): RainGage {
  return { name, form, intervalS, snowCatchFactor: 1, source: { kind: 'TIMESERIES', series }, intervalText: String(intervalS / 3600), line: 1 };
}

export function fileGage(name: string): RainGage {
  return { name, form: 'INTENSITY', intervalS: 3600, snowCatchFactor: 1, source: { kind: 'FILE', file: 'rain.dat', station: '1', units: 'IN' }, intervalText: '1', line: 1 };
}

export function subareas(over: Partial<Subareas> = {}): Subareas {
  return { nImperv: 0.01, nPerv: 0.1, sImperv: 0.05, sPerv: 0.1, pctZero: 25, routeTo: 'OUTLET', pctRouted: 100, line: 1, ...over };
}

export function subcatch(name: string, over: Partial<Subcatchment> = {}): Subcatchment {
  return {
    name, gage: 'RG', outlet: 'OUT', area: 10, pctImperv: 50, width: 500, pctSlope: 1, curbLength: 0, line: 1,
    subareas: subareas(), ...over,
  };
}

export function handModel(over: Partial<Model> = {}): Model {
  return {
    title: [], options: handOptions(), gages: [], evaporation: { kind: 'CONSTANT', values: [0], dryOnly: false },
    subcatchments: [], nodes: [], links: [], transects: [], curves: [], timeseries: [], patterns: [], inflows: [], dwf: [],
    report: { input: false, continuity: true, flowStats: true, controls: false, averages: false, subcatchments: 'NONE', nodes: 'NONE', links: 'NONE', lids: [] },
    coordinates: { nodes: {}, vertices: {}, polygons: {}, gages: {} }, extra: {}, sectionOrder: [],
    ...over,
  };
}

/** Node lookup for models whose subcatchments drain to a single outfall named OUT. */
export const outNode = (name: string): number => (name.toUpperCase() === 'OUT' ? 0 : -1);
