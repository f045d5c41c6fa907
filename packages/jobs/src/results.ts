// Headline results of a run for the platform (tables, map colours, baseline-vs-scenario comparison),
// derived from the binary output and the engine's run summary.
import type { RunSummary } from '@haimian/engine';
import type { OutFile } from './out-reader.js';

export interface RunResults {
  /** Units of the numbers below: SI models → flow in the model's flow units, m³, mm; US models → flow units, ft³, in. */
  units: { flow: string; volume: 'm3' | 'ft3'; depth: 'mm' | 'in' };
  continuity: { runoff?: number | null; routing?: number | null };
  subcatchments: { name: string; runoffDepth: number; runoffVolume: number; peakRunoff: number }[];
  outfalls: { name: string; peakFlow: number; volume: number }[];
  totals: {
    /** Rainfall volume over all subcatchments. */
    precipVolume: number | null;
    /** Runoff volume leaving all subcatchments. */
    runoffVolume: number;
    /** Volume leaving the system through outfalls (or as runoff when the model has no outfalls). */
    outflowVolume: number;
    /** Peak of the system's total outfall outflow (flow units). */
    peakOutflow: number;
  };
  /** Event volume control rate α = 1 − V_out / V_rain (fraction), as GB/T 51345 defines it over a rain event. */
  eventControlRate?: number;
}

/** m³/s (SI) or ft³/s (US) per one flow unit. */
const FLOW_TO_VOLUME_RATE: Record<string, number> = {
  CMS: 1,
  LPS: 0.001,
  MLD: 1000 / 86400,
  CFS: 1,
  GPM: 1 / 448.831,
  MGD: 1.547229,
};

/** Trapezoid integral of report-period point values, starting from zero one step before the first period. */
function integrate(values: Float32Array, stepS: number): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += values[k]!;
  if (values.length > 0) sum -= values[values.length - 1]! / 2;
  return sum * stepS;
}

function peak(values: Float32Array): number {
  let m = 0;
  for (let k = 0; k < values.length; k++) if (values[k]! > m) m = values[k]!;
  return m;
}

export function computeResults(out: OutFile, summary: RunSummary | null): RunResults {
  const rate = FLOW_TO_VOLUME_RATE[out.flowUnits] ?? 1;
  const areaToLen2 = out.si ? 1e4 : 43560; // ha → m², acre → ft²
  const depthPerLen = out.si ? 1000 : 12; // m → mm, ft → in
  const step = out.reportStepS;
  const runoffVar = out.vars.subcatchment.indexOf('runoff');
  const inflowVar = out.vars.node.indexOf('total_inflow');

  const subcatchments = out.subcatchments.map((s, i) => {
    const q = out.series('subcatchment', i, runoffVar);
    const volume = integrate(q, step) * rate;
    const areaL2 = s.area * areaToLen2;
    return { name: s.name, runoffDepth: areaL2 > 0 ? (volume / areaL2) * depthPerLen : 0, runoffVolume: volume, peakRunoff: peak(q) };
  });
  const outfalls = out.nodes.flatMap((n, i) => {
    if (n.type !== 'outfall') return [];
    const q = out.series('node', i, inflowVar);
    return [{ name: n.name, peakFlow: peak(q), volume: integrate(q, step) * rate }];
  });

  const runoffVolume = subcatchments.reduce((a, s) => a + s.runoffVolume, 0);
  const sysOutflow = out.series('system', 0, out.vars.system.indexOf('outfall_outflow'));
  const hasOutfalls = outfalls.length > 0;
  const outflowVolume = hasOutfalls ? outfalls.reduce((a, o) => a + o.volume, 0) : runoffVolume;
  const peakOutflow = hasOutfalls ? peak(sysOutflow) : peak(out.series('system', 0, out.vars.system.indexOf('runoff')));

  // Rainfall volume: the engine's exact total when it gives one (ha·m or acre·ft), else the integral of the
  // area-weighted system rainfall intensity over the reported subcatchment area.
  let precipVolume: number | null = null;
  if (summary?.totalPrecipVolume != null) {
    precipVolume = summary.totalPrecipVolume * areaToLen2;
  } else if (out.subcatchments.length > 0) {
    const totalAreaL2 = out.subcatchments.reduce((a, s) => a + s.area, 0) * areaToLen2;
    const intensity = out.series('system', 0, out.vars.system.indexOf('rainfall')); // mm/h or in/h
    precipVolume = (integrate(intensity, step) / 3600 / depthPerLen) * totalAreaL2;
  }

  const results: RunResults = {
    units: { flow: out.flowUnits, volume: out.si ? 'm3' : 'ft3', depth: out.si ? 'mm' : 'in' },
    continuity: { runoff: summary?.runoffContinuityErrorPct ?? null, routing: summary?.routingContinuityErrorPct ?? null },
    subcatchments,
    outfalls,
    totals: { precipVolume, runoffVolume, outflowVolume, peakOutflow },
  };
  if (precipVolume && precipVolume > 0) results.eventControlRate = Math.min(1, Math.max(0, 1 - outflowVolume / precipVolume));
  return results;
}
