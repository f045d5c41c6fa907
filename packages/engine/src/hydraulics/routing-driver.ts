// A minimal routing-only main loop (digest §2.2) for models whose inflows are only
// external inflows and dry weather flow (no subcatchments): steps the routing clock,
// updates the (constant or monthly) evaporation rate, adds the lateral inflows at each
// step's start and reports at every reporting time. The full simulation (runoff, RDII,
// quality, controls, output files) lives in simulation.ts; this driver exists so routing
// can be tested against SWMM on its own.
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import { buildNetwork, ROUTE_DYNWAVE, type Network } from './network.js';
import { createDynwave, dynwaveRoutingStep } from './dynwave.js';
import { buildLateralInflows, addExternalInflows, addDryWeatherInflows } from './inflows.js';
import {
  createRouting, routingBeginStep, routingExecuteStep, routingReportValues, routingFinish, NODE_VARS, LINK_VARS,
  type Routing, type FlowRoutingContinuity,
} from './routing.js';
import { dateOfElapsedMs, monthOf } from '../time/datetime.js';
import { finalizeOptions } from '../input/finalize.js';

export interface RoutingRunOptions {
  /**
   * Stand-in for control rules: called at each step start after the pump start/stop
   * targets are set; may write r.net.linkTargetSetting.
   */
  controls?: (r: Routing, startDate: number, elapsedMs: number) => void;
  /** Called at each reporting time (at/after the report start) with the interpolated values. */
  onReport?: (date: number, nodeValues: Float32Array, linkValues: Float32Array, r: Routing) => void;
}

export interface RoutingRunResult {
  ok: boolean;
  errors: EngineError[];
  warnings: string[];
  net: Network | null;
  routing: Routing | null;
  continuity: FlowRoutingContinuity | null;
  reportPeriods: number;
}

/** Evaporation rate (ft/s) at a date for CONSTANT / MONTHLY evaporation (others: 0). */
function evapRateFtS(model: Model, date: number, ucfEvap: number): number {
  const e = model.evaporation;
  if (e.kind === 'CONSTANT') return (e.values[0] ?? 0) / ucfEvap;
  if (e.kind === 'MONTHLY') return (e.values[monthOf(date) - 1] ?? 0) / ucfEvap;
  return 0;
}

/** Run flow routing alone over the simulation period. */
export function runRoutingOnly(model: Model, opts: RoutingRunOptions = {}): RoutingRunResult {
  const built = buildNetwork(model);
  const fail = (errors: EngineError[]): RoutingRunResult => ({
    ok: false, errors, warnings: built.warnings, net: built.net, routing: null, continuity: null, reportPeriods: 0,
  });
  if (!built.net) return fail(built.errors);
  const net = built.net;
  const dw = net.routeModel === ROUTE_DYNWAVE ? createDynwave(net, model).dw : null;
  const inf = buildLateralInflows(model, net);
  if (inf.errors.length > 0) return fail(inf.errors);

  // Steps and duration after SWMM's option adjustments (total duration floored to seconds).
  const o = finalizeOptions(model).options;
  const r = createRouting(net, o.reportStartDateTime, dw);
  r.skipSteadyState = model.options.skipSteadyState;
  r.sysFlowTol = model.options.sysFlowTol;
  r.latFlowTol = model.options.latFlowTol;
  const totalMs = o.totalDurationS * 1000;
  const reportStepMs = 1000 * o.reportStepS;
  let reportTimeMs = reportStepMs;
  const nodeVals = new Float32Array(NODE_VARS * net.nNodes);
  const linkVals = new Float32Array(LINK_VARS * net.nLinks);
  let periods = 0;

  while (r.newTimeMs < totalMs) {
    let dt = dw ? dynwaveRoutingStep(net, dw, o.routingStepS) : o.routingStepS;
    if (r.newTimeMs + 1000 * dt > totalMs) dt = Math.max((totalMs - r.newTimeMs) / 1000, 0.001);
    const startDate = dateOfElapsedMs(o.startDateTime, r.newTimeMs);
    r.loss.evapRateFtS = evapRateFtS(model, startDate, net.ucf.evapRate);
    routingBeginStep(r, dt);
    opts.controls?.(r, startDate, r.newTimeMs);
    addExternalInflows(inf.inflows, r, startDate);
    addDryWeatherInflows(inf.inflows, r, startDate);
    routingExecuteStep(r, dt);
    if (r.error) return { ...fail([r.error]), routing: r };
    if (r.newTimeMs >= reportTimeMs) {
      const date = dateOfElapsedMs(o.startDateTime, reportTimeMs);
      if (date >= o.reportStartDateTime) {
        routingReportValues(r, reportTimeMs, nodeVals, linkVals);
        periods++;
        opts.onReport?.(date, nodeVals, linkVals, r);
      }
      reportTimeMs += reportStepMs;
    }
  }
  const continuity = routingFinish(r);
  return { ok: true, errors: [], warnings: built.warnings, net, routing: r, continuity, reportPeriods: periods };
}
