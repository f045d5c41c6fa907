// Reading stored run outputs: time series from the .out bytes (parsed files cached per run),
// and baseline-vs-scenario comparison of stored results.
import type { Repo } from '@haimian/db';
import { dayToIso, readOut, type OutFile, type OutObjectKind, type RunResults } from '@haimian/jobs';
import { ApiError, notFound } from '../lib/errors.js';

const CACHE_SIZE = 8;

const DEFAULT_VARIABLE: Record<OutObjectKind, string> = {
  subcatchment: 'runoff',
  node: 'total_inflow',
  link: 'flow',
  system: 'outfall_outflow',
};

function unitOf(variable: string, out: OutFile): string {
  const si = out.si;
  const flow = out.flowUnits;
  const table: Record<string, string> = {
    rainfall: si ? 'mm/h' : 'in/h',
    infiltration: si ? 'mm/h' : 'in/h',
    snow_depth: si ? 'mm' : 'in',
    evaporation: si ? 'mm/day' : 'in/day',
    pet: si ? 'mm/day' : 'in/day',
    runoff: flow,
    gw_flow: flow,
    lateral_inflow: flow,
    total_inflow: flow,
    flooding: flow,
    flow,
    dry_weather_inflow: flow,
    gw_inflow: flow,
    rdii_inflow: flow,
    direct_inflow: flow,
    total_lateral_inflow: flow,
    outfall_outflow: flow,
    gw_elevation: si ? 'm' : 'ft',
    depth: si ? 'm' : 'ft',
    head: si ? 'm' : 'ft',
    volume: si ? 'm3' : 'ft3',
    storage_volume: si ? 'm3' : 'ft3',
    velocity: si ? 'm/s' : 'ft/s',
    capacity: 'fraction',
    soil_moisture: 'fraction',
    air_temperature: si ? 'degC' : 'degF',
  };
  return table[variable] ?? (variable.startsWith('conc_') ? 'concentration' : '');
}

export class ResultsService {
  private readonly cache = new Map<string, OutFile>();

  constructor(private readonly repo: Repo) {}

  private async outFile(runId: string): Promise<OutFile> {
    const hit = this.cache.get(runId);
    if (hit) {
      this.cache.delete(runId);
      this.cache.set(runId, hit);
      return hit;
    }
    const bytes = await this.repo.getArtifactBytes(runId, 'output');
    if (!bytes || bytes.byteLength === 0) throw new ApiError(404, 'NOT_FOUND', `run ${runId} has no binary output`);
    const out = readOut(bytes);
    this.cache.set(runId, out);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return out;
  }

  async series(runId: string, kind: OutObjectKind, name: string | undefined, variable: string | undefined) {
    const out = await this.outFile(runId);
    const v = variable ?? DEFAULT_VARIABLE[kind];
    const varIndex = out.vars[kind].indexOf(v);
    if (varIndex < 0) throw new ApiError(400, 'VALIDATION_ERROR', `unknown ${kind} variable "${v}" (known: ${out.vars[kind].join(', ')})`);
    let index = 0;
    if (kind !== 'system') {
      if (!name) throw new ApiError(400, 'VALIDATION_ERROR', `name is required for kind=${kind}`);
      const list = kind === 'subcatchment' ? out.subcatchments : kind === 'node' ? out.nodes : out.links;
      index = list.findIndex((o) => o.name.toUpperCase() === name.toUpperCase());
      if (index < 0) throw notFound(kind, name);
    }
    const times = Array.from(out.times(), dayToIso);
    const values = Array.from(out.series(kind, index, varIndex), (x) => Number(x.toPrecision(7)));
    return { kind, name: kind === 'system' ? 'system' : name!, variable: v, unit: unitOf(v, out), times, values };
  }

  async results(runId: string): Promise<RunResults> {
    const text = await this.repo.getArtifactText(runId, 'results');
    if (!text) throw new ApiError(404, 'NOT_FOUND', `run ${runId} has no results`);
    const r = JSON.parse(text) as RunResults | { error: string };
    if ('error' in r) throw new ApiError(500, 'INTERNAL_ERROR', `results of run ${runId} could not be derived: ${r.error}`);
    return r;
  }
}

const pct = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || a === 0 ? null : (100 * (b - a)) / a);

export function compareResults(a: RunResults, b: RunResults) {
  return {
    a,
    b,
    deltas: {
      /** Change of the system's peak outfall flow, % of A. */
      peakFlowPct: pct(a.totals.peakOutflow, b.totals.peakOutflow),
      /** Change of total runoff volume, % of A. */
      runoffVolumePct: pct(a.totals.runoffVolume, b.totals.runoffVolume),
      /** Outflow volume change, % of A. */
      outflowVolumePct: pct(a.totals.outflowVolume, b.totals.outflowVolume),
      /** Event control rate of B minus A (fraction, e.g. 0.12 = 12 percentage points). */
      controlRate: a.eventControlRate == null || b.eventControlRate == null ? null : b.eventControlRate - a.eventControlRate,
    },
  };
}
