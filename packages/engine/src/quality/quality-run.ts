// Glue between the main loop (simulation.ts) and the water-quality modules: one object per
// simulation that knows where quality happens in SWMM's step order, so the main loop only
// calls it at the matching points (runoff catch-up, routing step begin / lateral inflows /
// end, reporting periods, end of run).
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import type { UnitFactors } from '../model/units.js';
import type { Network } from '../hydraulics/network.js';
import type { LateralInflows } from '../hydraulics/inflows.js';
import { type RunoffDriver, type RunoffStepObserver, runoffWeight } from '../hydrology/runoff-driver.js';
import type { LidState } from '../hydrology/lid.js';
import { dateOfElapsedMs } from '../time/datetime.js';
import {
  createQuality, qualityAfterRunoffStep, qualityBeginRoutingStep, qualityLateralInflows, qualityNetworkReportValues,
  qualityReportData, qualityRouteStep, qualitySubcatchReportValues, qualityGroundwaterLoad, qualityRdiiLoad,
  type QualityReportData, type QualityState,
} from './quality.js';

/** Where the reported objects' values go in one binary-output period. */
export interface PeriodSlots {
  readonly period: Float32Array;
  subcatchOffset(k: number): number;
  nodeOffset(k: number): number;
  linkOffset(k: number): number;
}

export class QualityRun implements RunoffStepObserver {
  private readonly subVals: Float32Array;
  private readonly nodeVals: Float32Array;
  private readonly linkVals: Float32Array;

  private constructor(
    readonly q: QualityState,
    private readonly model: Model,
    private readonly drv: RunoffDriver | null,
    private readonly net: Network | null,
    private readonly inflows: LateralInflows | null,
    private readonly lids: LidState | null,
  ) {
    this.subVals = new Float32Array(q.nS * q.nP);
    this.nodeVals = new Float32Array(q.nN * q.nP);
    this.linkVals = new Float32Array(q.nK * q.nP);
  }

  /**
   * Quality for a model with pollutants (null otherwise). `net` must already hold the routing's
   * initial state (create it after createRouting).
   */
  static create(
    model: Model, uf: UnitFactors, drv: RunoffDriver | null, net: Network | null, inflows: LateralInflows | null,
    lids: LidState | null, fileName: string,
  ): { run: QualityRun | null; errors: EngineError[]; warnings: string[] } {
    const c = createQuality({ model, uf, ro: drv ? drv.ro : null, net, inflows, lids, fileName });
    if (!c.state) return { run: null, errors: c.errors, warnings: c.warnings };
    return { run: new QualityRun(c.state, model, drv, net, inflows, lids), errors: c.errors, warnings: c.warnings };
  }

  /** The pollutants as the binary output header lists them. */
  get pollutants(): { name: string; concUnits: 'MG/L' | 'UG/L' | '#/L' }[] {
    const units = ['MG/L', 'UG/L', '#/L'] as const;
    return this.q.names.map((name, p) => ({ name, concUnits: units[this.q.concUnits[p]!]! }));
  }

  /** §2.2 item 2 with quality: run runoff steps (each followed by its buildup/washoff) up to `untilMs`. */
  /** Buildup, sweeping and washoff after each runoff step (§2.3 item 10). */
  afterRunoffStep(drv: RunoffDriver, oldStepS: number): void {
    const o = this.model.options;
    qualityAfterRunoffStep(this.q, drv.ro, this.lids, oldStepS, drv.oldRunoffMs, drv.newRunoffMs, o.sweepStartDay, o.sweepEndDay);
  }

  /** Routing step start (after routingBeginStep): quality half step, old ← new, accumulators reset. */
  beginRoutingStep(dtS: number): void {
    qualityBeginRoutingStep(this.q, dtS);
  }

  /** Lateral pollutant loads at the step start (`routingMs` = start of the routing step). */
  lateralInflows(routingMs: number): void {
    const net = this.net;
    if (!net) return;
    const date = dateOfElapsedMs(this.q.startDateTime, routingMs);
    const drv = this.drv;
    const withRunoff = drv !== null && drv.doRunoff;
    qualityLateralInflows(this.q, net, this.inflows, date, withRunoff ? runoffWeight(drv, routingMs) : 0, withRunoff ? drv.ro : null, withRunoff ? this.lids : null);
  }

  /** Pollutant loads of a groundwater / RDII lateral inflow (cfs) into a node, added with the flow. */
  groundwaterLoad(node: number, flowCfs: number): void {
    qualityGroundwaterLoad(this.q, node, flowCfs);
  }

  rdiiLoad(node: number, flowCfs: number): void {
    qualityRdiiLoad(this.q, node, flowCfs);
  }

  /** After routingExecuteStep: route pollutants over the step that ended at `newRoutingMs`. */
  routeStep(dtS: number, newRoutingMs: number, reportStartDateTime: number): void {
    if (!this.net) return;
    const inReport = dateOfElapsedMs(this.q.startDateTime, newRoutingMs) >= reportStartDateTime;
    qualityRouteStep(this.q, this.net, dtS, inReport);
  }

  /**
   * Pollutant values of one reporting period into the output period, after each object's base
   * variables (SUBCATCH_BASE_VARS / NODE_BASE_VARS / LINK_BASE_VARS).
   */
  writePeriod(
    w: PeriodSlots, rep: { subcatchments: readonly number[]; nodes: readonly number[]; links: readonly number[] },
    reportMs: number, routing: { oldTimeMs: number; newTimeMs: number } | null, baseVars: { sub: number; node: number; link: number },
  ): void {
    const q = this.q;
    const nP = q.nP;
    const p = w.period;
    const drv = this.drv;
    if (drv && drv.doRunoff && rep.subcatchments.length > 0) {
      qualitySubcatchReportValues(q, drv.ro, this.lids, runoffWeight(drv, reportMs), this.subVals);
      for (let k = 0; k < rep.subcatchments.length; k++) {
        const src = nP * rep.subcatchments[k]!;
        const dst = w.subcatchOffset(k) + baseVars.sub;
        for (let v = 0; v < nP; v++) p[dst + v] = this.subVals[src + v]!;
      }
    }
    if (this.net && routing && (rep.nodes.length > 0 || rep.links.length > 0)) {
      qualityNetworkReportValues(q, this.net, routing.oldTimeMs, routing.newTimeMs, reportMs, this.nodeVals, this.linkVals);
      for (let k = 0; k < rep.nodes.length; k++) {
        const src = nP * rep.nodes[k]!;
        const dst = w.nodeOffset(k) + baseVars.node;
        for (let v = 0; v < nP; v++) p[dst + v] = this.nodeVals[src + v]!;
      }
      for (let k = 0; k < rep.links.length; k++) {
        const src = nP * rep.links[k]!;
        const dst = w.linkOffset(k) + baseVars.link;
        for (let v = 0; v < nP; v++) p[dst + v] = this.linkVals[src + v]!;
      }
    }
  }

  /** The report's quality tables (call once, at the end). */
  reportData(): QualityReportData {
    const drv = this.drv;
    const ro = drv && drv.doRunoff ? drv.ro : null;
    return qualityReportData(this.q, ro, this.net, this.model.subcatchments.map((s) => s.name));
  }
}
