// Options post-processing (digest §1.4 "post-read adjustments"), separate from parsing
// so the simulation can call it on any Model (also one built in code, not parsed).
import type { EngineError } from '../api.js';
import type { Model, RainGage, RoutingMethod } from '../model/types.js';
import { unitFactors } from '../model/units.js';
import { makeError, warningText } from './errors.js';

/** Options after SWMM's adjustments, with DW defaults resolved in INTERNAL units (ft, s). */
export interface FinalOptions {
  startDateTime: number;
  endDateTime: number;
  reportStartDateTime: number;
  /** floor((end − start)·86400) seconds. */
  totalDurationS: number;
  reportStepS: number;
  wetStepS: number;
  dryStepS: number;
  routingStepS: number;
  ruleStepS: number;
  lengtheningStepS: number;
  /** DW variable-step floor, clipped to [0.001, routingStepS]. */
  minimumStepS: number;
  /** 12.566 ft² unless given (user m² converted in SI models). */
  minSurfAreaFt2: number;
  /** 0.005 ft unless given. */
  headToleranceFt: number;
  /** 8 unless given. */
  maxTrials: number;
  /** FLOW_ROUTING NONE or IGNORE_ROUTING YES. */
  ignoreRouting: boolean;
  /** Routing method actually used (NONE keeps SWMM's default DYNWAVE; see ignoreRouting). */
  routing: Exclude<RoutingMethod, 'NONE'>;
}

export interface FinalizeResult {
  options: FinalOptions;
  errors: EngineError[];
  warnings: string[];
}

function gageSite(g: RainGage, fileName: string | undefined): { file?: string; line: number; section: string } {
  return fileName ? { file: fileName, line: g.line, section: '[RAINGAGES]' } : { line: g.line, section: '[RAINGAGES]' };
}

/** Smallest spacing of a time series in whole seconds (0 when it has fewer than two entries). */
function seriesIntervalS(model: Model, upperName: string): number {
  const ts = model.timeseries.find((t) => t.name.toUpperCase() === upperName);
  if (!ts || ts.times.length < 2) return 0;
  let dx = Infinity;
  for (let i = 1; i < ts.times.length; i++) dx = Math.min(dx, ts.times[i]! - ts.times[i - 1]!);
  return Math.floor(dx * 86400 + 0.5);
}

/** Names (upper case) of gages used by a subcatchment or an RDII unit hydrograph. */
export function usedGages(model: Model): Set<string> {
  const used = new Set<string>();
  for (const s of model.subcatchments) if (s.gage) used.add(s.gage.toUpperCase());
  const uh = model.extra['[HYDROGRAPHS]'];
  if (uh) for (const l of uh.lines) if (l.tokens.length === 2) used.add(l.tokens[1]!.toUpperCase());
  return used;
}

/**
 * Apply SWMM's post-read option adjustments, in SWMM's order:
 * 1. total duration; REPORT_STEP clipped to it; REPORT_STEP < ROUTING_STEP → error 195;
 *    start ≥ end → 191; report start after end → 193.
 * 2. Time-series rain gages (used, not co-gages): 157 co-gage form differs, 159 interval
 *    above the series spacing, warning 09 below it; WET_STEP lowered to a shorter
 *    recording interval (warning 01).
 * 3. DRY_STEP ≥ WET_STEP (warning 06); ROUTING_STEP ≤ WET_STEP (warning 07).
 * 4. Dynamic-wave defaults: MINIMUM_STEP in [0.001, ROUTING_STEP], MIN_SURFAREA,
 *    HEAD_TOLERANCE, MAX_TRIALS.
 * Pure: the model is not changed.
 */
export function finalizeOptions(model: Model, fileName?: string): FinalizeResult {
  const o = model.options;
  const errors: EngineError[] = [];
  const warnings: string[] = [];
  const site = fileName ? { file: fileName, section: '[OPTIONS]' } : { section: '[OPTIONS]' };

  const totalDurationS = Math.floor((o.endDateTime - o.startDateTime) * 86400);
  if (o.endDateTime <= o.startDateTime) errors.push(makeError(191, undefined, site, 'END_DATE/END_TIME after START_DATE/START_TIME'));
  else if (o.reportStartDateTime > o.endDateTime) errors.push(makeError(193, undefined, site, 'REPORT_START before END_DATE/END_TIME'));

  let reportStepS = o.reportStepS;
  if (totalDurationS > 0 && reportStepS > totalDurationS) reportStepS = totalDurationS;
  if (reportStepS < o.routingStepS) errors.push(makeError(195, undefined, site, `REPORT_STEP (${reportStepS} s) >= ROUTING_STEP (${o.routingStepS} s)`));

  // rain gages on time series (SWMM's gage validation): unused gages are skipped; a later
  // used gage on the same series is a co-gage (157 if its form differs) and is not checked
  // further; otherwise 159 if the gage interval exceeds the series spacing, WARNING 09 if
  // it is shorter, WARNING 01 and a lower WET_STEP if it is shorter than WET_STEP.
  let wetStepS = o.wetStepS;
  const used = usedGages(model);
  const firstOnSeries = new Map<string, RainGage>();
  for (const g of model.gages) {
    if (g.source.kind !== 'TIMESERIES' || !used.has(g.name.toUpperCase())) continue;
    const key = g.source.series.toUpperCase();
    const first = firstOnSeries.get(key);
    if (first) {
      if (first.form !== g.form) errors.push(makeError(157, g.name, gageSite(g, fileName), `the form of Rain Gage ${first.name} (${first.form})`));
      continue;
    }
    firstOnSeries.set(key, g);
    const seriesS = seriesIntervalS(model, key);
    if (seriesS > 0 && g.intervalS > seriesS) {
      errors.push(makeError(159, g.name, gageSite(g, fileName), `a recording interval <= the series spacing (${seriesS} s)`));
    }
    if (g.intervalS < seriesS) warnings.push(warningText(9, g.name));
    if (g.intervalS < wetStepS) {
      warnings.push(warningText(1, g.name));
      wetStepS = g.intervalS;
    }
  }

  let dryStepS = o.dryStepS;
  if (dryStepS < wetStepS) {
    warnings.push(warningText(6));
    dryStepS = wetStepS;
  }
  let routingStepS = o.routingStepS;
  if (routingStepS > wetStepS) {
    warnings.push(warningText(7));
    routingStepS = wetStepS;
  }

  const uf = unitFactors(o.flowUnits);
  const minimumStepS = Math.min(Math.max(o.minimumStepS, 0.001), routingStepS);
  const minSurfAreaFt2 = o.minSurfArea > 0 ? o.minSurfArea / (uf.length * uf.length) : 12.566;
  const headToleranceFt = o.headTolerance > 0 ? o.headTolerance / uf.length : 0.005;
  const maxTrials = o.maxTrials > 0 ? o.maxTrials : 8;

  return {
    options: {
      startDateTime: o.startDateTime,
      endDateTime: o.endDateTime,
      reportStartDateTime: o.reportStartDateTime,
      totalDurationS,
      reportStepS,
      wetStepS,
      dryStepS,
      routingStepS,
      ruleStepS: o.ruleStepS,
      lengtheningStepS: o.lengtheningStepS,
      minimumStepS,
      minSurfAreaFt2,
      headToleranceFt,
      maxTrials,
      ignoreRouting: o.ignoreRouting || o.routing === 'NONE',
      routing: o.routing === 'NONE' ? 'DYNWAVE' : o.routing,
    },
    errors,
    warnings,
  };
}
