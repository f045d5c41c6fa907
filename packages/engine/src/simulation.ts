// The main loop (digest §2.2): runoff is computed ahead of routing, routing steps drive the
// clock, results are saved at reporting times. One Simulation owns every piece of state of
// one run; nothing lives at module level, so simulations can be interleaved freely.
import type { EngineError, OpenOptions, RunOptions, RunResult, RunSummary } from './api.js';
import type { Model } from './model/types.js';
import { unitFactors, type UnitFactors, FLOW_TOL_CFS } from './model/units.js';
import { dateOfElapsedMs } from './time/datetime.js';
import { parseInp } from './input/parse.js';
import { finalizeOptions, type FinalOptions } from './input/finalize.js';
import { findFile } from './input/files.js';
import { readRainFile, type RainFileStats } from './input/rainfile.js';
import type { RainRecords } from './hydrology/climate.js';
import {
  createRunoffDriver, runoffCatchUp, runoffWeight, type RunoffDriver,
} from './hydrology/runoff-driver.js';
import { runoffInterpolated, runoffReportValues, runoffAddOutfallRunon, SUBCATCH_OUT_VARS } from './hydrology/runoff.js';
import { buildNetwork, ROUTE_DYNWAVE, type Network } from './hydraulics/network.js';
import { buildLateralInflows, addExternalInflows, addDryWeatherInflows, type LateralInflows } from './hydraulics/inflows.js';
import {
  createRouting, routingBeginStep, routingExecuteStep, routingReportValues, routingAddLateralInflow, LAT_WET, LAT_GW, LAT_RDII,
  NODE_VARS, LINK_VARS, SYS_FLOODING, SYS_OUTFLOW, SYS_DWFLOW, SYS_GWFLOW, SYS_IIFLOW, SYS_EXFLOW, SYS_STORAGE,
  type Routing,
} from './hydraulics/routing.js';
import { parseControls } from './hydraulics/controls-parse.js';
import { createDynwave, dynwaveRoutingStep } from './hydraulics/dynwave.js';
import { dynwaveOptionsOf } from './hydraulics/dynwave-state.js';
import {
  controlsAtStepEnd, controlsAtStepStart, controlsLimitStep, controlsSetGages, type Controls,
} from './hydraulics/controls.js';
import {
  attachLids, lidDrainInflow, lidSaveReportPeriod, lidReportFileTexts, type LidState,
} from './hydrology/lid.js';
import { lidResultsCsv } from './hydrology/lid-report.js';
import { formatDate, formatTime } from './time/datetime.js';
import { OutWriter } from './output/binary.js';
import { formatReport } from './output/report.js';
import { buildReportData, buildErrorReport, outHeaderFor, type ReportedObjects } from './simulation-report.js';
import { QualityRun } from './quality/quality-run.js';
import { attachGroundwater, gwReportValues, staticNodeView, type Groundwater } from './hydrology/groundwater.js';
import { createRdii, type Rdii } from './hydrology/rdii.js';
import { eventsBeginStep, eventsRoutingStep, readRoutingEvents, type RoutingEvents } from './hydraulics/routing-events.js';
import { createInlets, inletCaptureStep, type InletState } from './hydraulics/inlet.js';
import { readStreets } from './hydraulics/street.js';

/** Error code for physics this engine does not simulate yet (outside SWMM's numbering). */
export const ERR_UNSUPPORTED = 901;

/** System variable slots of the binary output (§11.4). */
const SYS_OUT = {
  runoff: 4, dwf: 5, gw: 6, rdii: 7, external: 8, lateral: 9, flooding: 10, outflow: 11, storage: 12,
} as const;

function hasLines(model: Model, section: string): boolean {
  return (model.extra[section]?.lines.length ?? 0) > 0;
}

/**
 * Physics a model needs that this engine does not have yet. Each entry becomes a coded
 * error: a model is refused rather than run wrong.
 */
export function unsupportedPhysics(model: Model, fin: FinalOptions): string[] {
  const o = model.options;
  const out: string[] = [];
  const routes = !fin.ignoreRouting && model.links.length > 0;
  const climateFile = (model.extra['[TEMPERATURE]']?.lines ?? []).some((l) => {
    const k = (l.tokens[0] ?? '').toUpperCase();
    return k === 'FILE' || (k === 'WINDSPEED' && (l.tokens[1] ?? '').toUpperCase() === 'FILE');
  });
  if (climateFile) out.push('air temperature or wind speed from a climate file ([TEMPERATURE] FILE)');
  // Pollutant transfer between an inlet's bypass and capture nodes is not modelled yet.
  if (hasLines(model, '[INLET_USAGE]') && !o.ignoreQuality && hasLines(model, '[POLLUTANTS]')) {
    out.push('pollutants carried through street inlets ([INLET_USAGE] with [POLLUTANTS])');
  }
  // Interface files would feed the run from another program's results; none is read.
  const useFile = (model.extra['[FILES]']?.lines ?? []).find((l) => (l.tokens[0] ?? '').toUpperCase() === 'USE');
  if (useFile) out.push(`an interface file ([FILES] USE ${useFile.tokens.slice(1).join(' ')})`);
  return out;
}

interface Clock {
  totalMs: number;
  routingMs: number;
  reportMs: number;
  reportStepMs: number;
  routingStepS: number;
}

export class Simulation {
  readonly ok: boolean;
  readonly errors: EngineError[];
  readonly warnings: string[];
  readonly model: Model | null;
  /** Routing steps taken so far. */
  routingSteps = 0;

  private readonly inpName: string;
  private readonly uf: UnitFactors | null = null;
  private readonly fin: FinalOptions | null = null;
  private readonly drv: RunoffDriver | null = null;
  private readonly net: Network | null = null;
  private readonly routing: Routing | null = null;
  private readonly inflows: LateralInflows | null = null;
  private readonly controls: Controls | null = null;
  private readonly lids: LidState | null = null;
  /** Aquifers under subcatchments (null without [GROUNDWATER] or with IGNORE_GROUNDWATER). */
  private readonly gw: Groundwater | null = null;
  /** RDII inflows from unit hydrographs (null without [RDII] or with IGNORE_RDII). */
  private readonly rdii: Rdii | null = null;
  /** Routing event periods ([EVENTS]); null when routing is continuous. */
  private readonly events: RoutingEvents | null = null;
  /** Street/channel inlets (null without [INLET_USAGE] or without routing). */
  private readonly inlets: InletState | null = null;
  /** Water quality (null without pollutants or with IGNORE_QUALITY). */
  private readonly quality: QualityRun | null = null;
  private readonly writer: OutWriter | null = null;
  private readonly reported: ReportedObjects | null = null;
  private readonly rainStats: { gage: string; station: string; stats: RainFileStats; intervalS: number }[] = [];
  private readonly clock: Clock = { totalMs: 0, routingMs: 0, reportMs: 0, reportStepMs: 0, routingStepS: 0 };
  // Preallocated per-report buffers (no allocation per step).
  private readonly subVals: Float32Array = new Float32Array(0);
  private readonly sysVals: Float32Array = new Float32Array(15);
  private readonly nodeVals: Float32Array = new Float32Array(0);
  private readonly linkVals: Float32Array = new Float32Array(0);
  private readonly runoffPerNode: Float64Array = new Float64Array(0);
  /** Subcatchment receiving each outfall's discharge (RouteTo), −1 none. */
  private readonly outfallTarget: Int32Array = new Int32Array(0);
  private done = false;
  private result: RunResult | null = null;
  private readonly onProgress: ((f: number) => void) | undefined;
  private lastProgress = -1;

  private constructor(inpText: string, opts: RunOptions) {
    this.inpName = opts.inpName ?? 'model.inp';
    this.onProgress = opts.onProgress;
    const parsed = parseInp(inpText, { fileName: this.inpName, files: opts.files });
    this.errors = [...parsed.errors];
    this.warnings = [...parsed.warnings];
    this.model = parsed.model;
    if (!parsed.model || this.errors.length > 0) {
      this.ok = false;
      return;
    }
    const model = parsed.model;
    const finalized = finalizeOptions(model, this.inpName);
    this.errors.push(...finalized.errors);
    for (const w of finalized.warnings) if (!this.warnings.includes(w)) this.warnings.push(w);
    this.fin = finalized.options;
    const fin = finalized.options;
    for (const what of unsupportedPhysics(model, fin)) {
      this.errors.push({
        code: ERR_UNSUPPORTED,
        message: `the model uses ${what}, which this version of the Haimian engine does not simulate yet`,
        file: this.inpName,
      });
    }
    if (this.errors.length > 0) {
      this.ok = false;
      return;
    }
    this.uf = unitFactors(model.options.flowUnits);

    // Rain files → the records a FILE gage plays back (as SWMM's rain interface file).
    const rainRecords: Record<string, RainRecords> = {};
    for (const g of model.gages) {
      if (g.source.kind !== 'FILE') continue;
      const f = findFile(opts.files ?? {}, g.source.file);
      if (!f) continue; // the parser already reported a missing file
      const r = readRainFile(f.text, g, { fileName: f.key });
      this.errors.push(...r.errors);
      if (r.data) {
        rainRecords[g.name] = { intervalS: r.data.intervalS, dates: r.data.times, depthsIn: r.data.depthsIn };
        this.rainStats.push({ gage: g.name, station: g.source.station, stats: r.data.stats, intervalS: r.data.intervalS });
      }
    }

    // Conveyance network.
    const routes = !fin.ignoreRouting && model.nodes.length > 0;
    if (model.nodes.length > 0) {
      const built = buildNetwork(model);
      this.errors.push(...built.errors);
      for (const w of built.warnings) this.warnings.push(w);
      this.net = built.net;
      if (built.net && routes) {
        const inf = buildLateralInflows(model, built.net);
        this.errors.push(...inf.errors);
        this.inflows = inf.inflows;
        // Dynamic wave first: it orients adverse conduits and sets the initial DW state the routing uses.
        let dw = null;
        if (built.net.routeModel === ROUTE_DYNWAVE) {
          const dwc = createDynwave(built.net, model, dynwaveOptionsOf(model, fin.routingStepS));
          for (const w of dwc.warnings) this.warnings.push(w);
          dw = dwc.dw;
        }
        this.routing = createRouting(built.net, fin.reportStartDateTime, dw);
        this.routing.skipSteadyState = model.options.skipSteadyState;
        this.routing.sysFlowTol = model.options.sysFlowTol;
        this.routing.latFlowTol = model.options.latFlowTol;
        if (hasLines(model, '[EVENTS]')) {
          const ev = readRoutingEvents(model, this.inpName);
          this.errors.push(...ev.errors);
          this.events = ev.events;
        }
        const raw = model.extra['[CONTROLS]'];
        if (raw && raw.lines.length > 0) {
          const pc = parseControls(raw, model, { fileName: this.inpName, ruleStepS: fin.ruleStepS });
          this.errors.push(...pc.errors);
          for (const w of pc.warnings) this.warnings.push(w);
          this.controls = pc.controls;
        }
        if (hasLines(model, '[INLET_USAGE]')) {
          const ci = createInlets(model, built.net, this.uf.length, this.uf.flow, readStreets(model, this.uf.length).streets);
          this.errors.push(...ci.errors);
          for (const w of ci.warnings) this.warnings.push(w);
          this.inlets = ci.inlets;
          if (ci.inlets) this.routing.inletCaptureNodes = ci.inlets.isCaptureNode;
        }
      }
    }
    const nodeIndex = new Map(model.nodes.map((n, i) => [n.name.toUpperCase(), i] as const));
    this.drv = createRunoffDriver(model, this.uf, (name) => nodeIndex.get(name.toUpperCase()) ?? -1, rainRecords);
    this.errors.push(...this.drv.cl.errors, ...this.drv.ro.errors);
    if (this.errors.length === 0 && hasLines(model, '[LID_USAGE]')) {
      const subIndex = new Map(model.subcatchments.map((sc, i) => [sc.name.toUpperCase(), i] as const));
      const att = attachLids(
        model, this.drv.ro, this.uf,
        (name) => nodeIndex.get(name.toUpperCase()) ?? -1,
        (name) => subIndex.get(name.toUpperCase()) ?? -1,
        { fileName: this.inpName, titleLine: inpTitleLine(inpText) },
      );
      this.errors.push(...att.errors);
      for (const w of att.warnings) this.warnings.push(w);
      this.lids = att.state;
    }
    if (this.errors.length === 0 && !model.options.ignoreGroundwater && hasLines(model, '[GROUNDWATER]')) {
      // After the LIDs: pervious LID area counts as pervious for groundwater.
      const subIndex = new Map(model.subcatchments.map((sc, i) => [sc.name.toUpperCase(), i] as const));
      const net = this.net;
      const nodes = net
        ? { invertFt: net.nodeInvertFt, depthFt: net.nodeNewDepth, inflowCfs: net.nodeInflow, volumeFt3: net.nodeNewVolume }
        : staticNodeView(model, this.uf);
      const ag = attachGroundwater(model, this.drv, this.lids, nodes, {
        subcatchIndex: (name) => subIndex.get(name.toUpperCase()) ?? -1,
        nodeIndex: (name) => nodeIndex.get(name.toUpperCase()) ?? -1,
      }, this.inpName);
      this.errors.push(...ag.errors);
      this.gw = ag.gw;
    }
    if (this.errors.length === 0 && !model.options.ignoreRdii && hasLines(model, '[RDII]')) {
      const gageIndex = new Map(model.gages.map((g, i) => [g.name.toUpperCase(), i] as const));
      const cr = createRdii(model, this.uf, fin.wetStepS, fin.totalDurationS, {
        nodeIndex: (name) => nodeIndex.get(name.toUpperCase()) ?? -1,
        gageIndex: (name) => gageIndex.get(name.toUpperCase()) ?? -1,
      }, rainRecords, this.inpName);
      this.errors.push(...cr.errors);
      this.rdii = cr.rdii;
    }
    if (this.controls) controlsSetGages(this.controls, { rainfall: this.drv.cl.rainfall, used: this.drv.cl.gageUsed, pastRain: null });
    if (this.net) {
      const subIndex = new Map(model.subcatchments.map((sc, i) => [sc.name.toUpperCase(), i] as const));
      this.outfallTarget = Int32Array.from(this.net.outfallRouteTo, (name) => (name ? subIndex.get(name.toUpperCase()) ?? -1 : -1));
    }
    for (const w of this.drv.cl.warnings) this.warnings.push(w);
    if (this.errors.length === 0) {
      const qr = QualityRun.create(model, this.uf, this.drv, this.routing ? this.net : null, this.inflows, this.lids, this.inpName);
      this.errors.push(...qr.errors);
      for (const w of qr.warnings) this.warnings.push(w);
      this.quality = qr.run;
    }
    if (this.errors.length > 0) {
      this.ok = false;
      return;
    }

    // Clock (§2.2): routing step, report step and total duration after SWMM's adjustments.
    const c = this.clock;
    c.totalMs = fin.totalDurationS * 1000;
    c.reportStepMs = fin.reportStepS * 1000;
    c.reportMs = c.reportStepMs;
    // With nodes SWMM routes (even without links, when the report says "Flow Routing ... NO"): its
    // step, variable under dynamic wave, decides which runoff step is the latest at a report time.
    c.routingStepS = routes && this.routing ? fin.routingStepS : Math.min(fin.wetStepS, fin.reportStepS);

    // Output buffers and the binary writer for the objects [REPORT] selects.
    this.reported = reportedObjects(model, this.net);
    this.subVals = new Float32Array(SUBCATCH_OUT_VARS * model.subcatchments.length);
    this.nodeVals = new Float32Array(NODE_VARS * (this.net?.nNodes ?? 0));
    this.linkVals = new Float32Array(LINK_VARS * (this.net?.nLinks ?? 0));
    this.runoffPerNode = new Float64Array(this.net?.nNodes ?? 0);
    const expectedPeriods = Math.max(1, Math.floor(fin.totalDurationS / fin.reportStepS));
    this.writer = new OutWriter(outHeaderFor(model, this.net, this.uf, fin, this.reported, this.quality?.pollutants ?? []), { expectedPeriods });
    this.ok = true;
  }

  /** Parse and prepare a model. Check `ok` and `errors` before stepping. */
  static open(inpText: string, opts: OpenOptions & { onProgress?: (f: number) => void } = {}): Simulation {
    return new Simulation(inpText, opts);
  }

  /** Simulated seconds so far. */
  get elapsedSeconds(): number {
    return this.clock.routingMs / 1000;
  }

  /** Fraction of the simulation period done. */
  get progress(): number {
    return this.clock.totalMs > 0 ? Math.min(1, this.clock.routingMs / this.clock.totalMs) : 1;
  }

  /** Current simulation date-time (SWMM day number). */
  get currentDateTime(): number {
    return this.fin ? dateOfElapsedMs(this.fin.startDateTime, this.clock.routingMs) : 0;
  }

  // ---- bulk state getters: current values of every object, in the model's user units, model order.
  // Each fills `out` when given (no allocation) and returns it.

  /** Names of subcatchments, nodes and links in the order the getters use. */
  get ids(): { subcatchments: string[]; nodes: string[]; links: string[] } {
    return {
      subcatchments: this.model?.subcatchments.map((s) => s.name) ?? [],
      nodes: this.net ? [...this.net.nodeNames] : [],
      links: this.net ? [...this.net.linkNames] : [],
    };
  }

  private fill(src: ArrayLike<number> | undefined, n: number, factor: number, out?: Float64Array, offset?: ArrayLike<number>): Float64Array {
    const dst = out ?? new Float64Array(n);
    for (let i = 0; i < n; i++) dst[i] = src ? (src[i]! + (offset ? offset[i]! : 0)) * factor : 0;
    return dst;
  }

  /** Node water depth (ft or m). */
  nodeDepths(out?: Float64Array): Float64Array {
    return this.fill(this.net?.nodeNewDepth, this.net?.nNodes ?? 0, this.uf?.length ?? 1, out);
  }

  /** Node hydraulic head = invert + depth (ft or m). */
  nodeHeads(out?: Float64Array): Float64Array {
    return this.fill(this.net?.nodeNewDepth, this.net?.nNodes ?? 0, this.uf?.length ?? 1, out, this.net?.nodeInvertFt);
  }

  /** Node stored volume (ft³ or m³). */
  nodeVolumes(out?: Float64Array): Float64Array {
    return this.fill(this.net?.nodeNewVolume, this.net?.nNodes ?? 0, this.uf?.volume ?? 1, out);
  }

  /** Node total inflow this step (flow units). */
  nodeInflows(out?: Float64Array): Float64Array {
    return this.fill(this.net?.nodeInflow, this.net?.nNodes ?? 0, this.uf?.flow ?? 1, out);
  }

  /** Node lateral inflow this step (flow units). */
  nodeLateralInflows(out?: Float64Array): Float64Array {
    return this.fill(this.net?.nodeNewLatFlow, this.net?.nNodes ?? 0, this.uf?.flow ?? 1, out);
  }

  /** Node flooding (overflow) rate (flow units). */
  nodeFlooding(out?: Float64Array): Float64Array {
    return this.fill(this.net?.nodeOverflow, this.net?.nNodes ?? 0, this.uf?.flow ?? 1, out);
  }

  /** Link flow (flow units, signed in the link's direction). */
  linkFlows(out?: Float64Array): Float64Array {
    const dst = this.fill(this.net?.linkNewFlow, this.net?.nLinks ?? 0, this.uf?.flow ?? 1, out);
    const dir = this.net?.linkDirection;
    if (dir) for (let j = 0; j < dst.length; j++) dst[j] = dst[j]! * dir[j]!;
    return dst;
  }

  /** Link water depth (ft or m). */
  linkDepths(out?: Float64Array): Float64Array {
    return this.fill(this.net?.linkNewDepth, this.net?.nLinks ?? 0, this.uf?.length ?? 1, out);
  }

  /** Link stored volume (ft³ or m³). */
  linkVolumes(out?: Float64Array): Float64Array {
    return this.fill(this.net?.linkNewVolume, this.net?.nLinks ?? 0, this.uf?.volume ?? 1, out);
  }

  /** Link setting (pumps, orifices, weirs, outlets: 0..1 or pump speed; conduits 1 open, 0 closed). */
  linkSettings(out?: Float64Array): Float64Array {
    return this.fill(this.net?.linkSetting, this.net?.nLinks ?? 0, 1, out);
  }

  /** Subcatchment runoff at the end of the latest runoff step (flow units). */
  subcatchRunoff(out?: Float64Array): Float64Array {
    return this.fill(this.drv?.ro.newRunoff, this.drv?.ro.n ?? 0, this.uf?.flow ?? 1, out);
  }

  /** Subcatchment rainfall intensity of the latest runoff step (in/hr or mm/hr). */
  subcatchRainfall(out?: Float64Array): Float64Array {
    return this.fill(this.drv?.ro.rainfall, this.drv?.ro.n ?? 0, this.uf?.rainfall ?? 1, out);
  }

  /** Advance one routing step. Returns false when the simulation has ended (or cannot run). */
  step(): boolean {
    if (!this.ok || this.done) return false;
    const c = this.clock;
    const drv = this.drv!;
    const r = this.routing;
    if (c.routingMs >= c.totalMs) {
      this.done = true;
      return false;
    }
    let dt = c.routingStepS;
    // Between routing events a longer step may be taken (or the fixed one, bypassing the Courant step).
    const evStep = this.events && this.net!.nLinks > 0
      ? eventsRoutingStep(this.events, c.routingMs, drv.newRunoffMs, c.reportMs, c.routingStepS, this.fin!.startDateTime)
      : 0;
    if (evStep > 0) dt = evStep;
    // No links, no Courant limit: SWMM then keeps the fixed ROUTING_STEP (no short first step).
    else if (r?.dw && this.net!.nLinks > 0) dt = dynwaveRoutingStep(this.net!, r.dw, c.routingStepS);
    if (this.controls) dt = controlsLimitStep(this.controls, c.routingMs, dt);
    let next = c.routingMs + 1000 * dt;
    if (next > c.totalMs) {
      dt = Math.max((c.totalMs - c.routingMs) / 1000, 0.001);
      next = c.totalMs;
    }
    runoffCatchUp(drv, next, c.routingMs, this.quality);
    if (r) {
      this.routeStep(dt);
      c.routingMs = r.newTimeMs;
      if (r.error) {
        this.errors.push(r.error);
        this.done = true;
        return false;
      }
    } else c.routingMs = next;
    this.routingSteps++;
    if (c.routingMs >= c.reportMs) {
      this.saveResults();
      c.reportMs += c.reportStepMs;
    }
    if (this.onProgress) {
      const p = Math.floor(this.progress * 100);
      if (p !== this.lastProgress) {
        this.lastProgress = p;
        this.onProgress(p / 100);
      }
    }
    if (c.routingMs >= c.totalMs) this.done = true;
    return !this.done;
  }

  /** One flow-routing step (§2.4): lateral inflows at the step start, then routing. */
  private routeStep(dt: number): void {
    const r = this.routing!;
    const net = this.net!;
    const drv = this.drv!;
    const fin = this.fin!;
    const startDate = dateOfElapsedMs(fin.startDateTime, r.newTimeMs);
    r.loss.evapRateFtS = drv.cl.evapRateFtS;
    r.loss.hydconFactor = drv.cl.hydconFactor;
    routingBeginStep(r, dt);
    this.quality?.beginRoutingStep(dt);
    if (this.controls) controlsAtStepStart(this.controls, net, fin.startDateTime, r.newTimeMs, dt);
    // [EVENTS]: outside the event periods no inflow enters and nothing is routed.
    r.betweenEvents = this.events !== null && eventsBeginStep(this.events, startDate);
    if (r.betweenEvents) {
      routingExecuteStep(r, dt);
      if (this.controls) controlsAtStepEnd(this.controls, r.newTimeMs);
      return;
    }
    addExternalInflows(this.inflows!, r, startDate);
    addDryWeatherInflows(this.inflows!, r, startDate);
    if (drv.doRunoff) {
      let f = runoffWeight(drv, r.newTimeMs);
      if (f < 0) f = 0;
      else if (f > 1) f = 1;
      const q = this.runoffPerNode;
      q.fill(0);
      runoffInterpolated(drv.ro, f, q);
      if (this.lids) lidDrainInflow(this.lids, f, q);
      for (let i = 0; i < net.nNodes; i++) {
        const qi = q[i]!;
        if (qi !== 0 && Math.abs(qi) >= FLOW_TOL_CFS) routingAddLateralInflow(r, i, qi, LAT_WET);
      }
      const gw = this.gw;
      if (gw) {
        for (let k = 0; k < gw.n; k++) {
          const qk = gw.inflowCfs(k, f);
          if (Math.abs(qk) < FLOW_TOL_CFS) continue;
          routingAddLateralInflow(r, gw.node[k]!, qk, LAT_GW);
          this.quality?.groundwaterLoad(gw.node[k]!, qk);
        }
      }
    }
    const rd = this.rdii;
    if (rd) {
      // RDII is held constant over each RDII step (WET_STEP).
      rd.flowsAt(r.newTimeMs);
      for (let i = 0; i < rd.nNodes; i++) {
        const qi = rd.flowCfs[i]!;
        if (Math.abs(qi) < FLOW_TOL_CFS) continue;
        routingAddLateralInflow(r, rd.node[i]!, qi, LAT_RDII);
        this.quality?.rdiiLoad(rd.node[i]!, qi);
      }
    }
    this.quality?.lateralInflows(r.newTimeMs);
    // Street inlets move captured flow from bypass to capture nodes (§2.4 item 4.3).
    if (this.inlets) inletCaptureStep(this.inlets, net, dt, dateOfElapsedMs(fin.startDateTime, r.newTimeMs + 1000 * dt), fin.reportStartDateTime);
    routingExecuteStep(r, dt);
    this.quality?.routeStep(dt, r.newTimeMs, fin.reportStartDateTime);
    if (this.controls) controlsAtStepEnd(this.controls, r.newTimeMs);
    // Outfalls that route onto subcatchments hand their discharge to the runoff side.
    for (let k = 0; k < net.nOutfalls; k++) {
      const v = r.outfallRoutedFt3[k]!;
      if (v > 0 && this.outfallTarget[k]! >= 0) {
        runoffAddOutfallRunon(drv.ro, this.outfallTarget[k]!, v);
        r.outfallRoutedFt3[k] = 0;
      }
    }
  }

  /** One reporting period (§2.5, §11.5): interpolated values of every reported object. */
  private saveResults(): void {
    const c = this.clock;
    const fin = this.fin!;
    const reportDate = dateOfElapsedMs(fin.startDateTime, c.reportMs);
    if (reportDate < fin.reportStartDateTime) return;
    const drv = this.drv!;
    const w = this.writer!;
    const rep = this.reported!;
    const sys = this.sysVals;
    sys.fill(0);
    if (drv.doRunoff) runoffReportValues(drv.ro, drv.cl, reportDate, runoffWeight(drv, c.reportMs), this.subVals, sys);
    if (drv.doRunoff && this.gw) gwReportValues(this.gw, runoffWeight(drv, c.reportMs), this.subVals, sys);
    if (this.lids) lidSaveReportPeriod(this.lids, reportDate);
    let lateral = sys[SYS_OUT.runoff]!;
    if (this.routing) {
      const r = this.routing;
      routingReportValues(r, c.reportMs, this.nodeVals, this.linkVals);
      const s = r.sysReport;
      sys[SYS_OUT.dwf] = s[SYS_DWFLOW]!;
      sys[SYS_OUT.gw] = s[SYS_GWFLOW]!;
      sys[SYS_OUT.rdii] = s[SYS_IIFLOW]!;
      sys[SYS_OUT.external] = s[SYS_EXFLOW]!;
      lateral += s[SYS_DWFLOW]! + s[SYS_GWFLOW]! + s[SYS_IIFLOW]! + s[SYS_EXFLOW]!;
      sys[SYS_OUT.flooding] = s[SYS_FLOODING]!;
      sys[SYS_OUT.outflow] = s[SYS_OUTFLOW]!;
      sys[SYS_OUT.storage] = s[SYS_STORAGE]!;
    }
    sys[SYS_OUT.lateral] = lateral;
    const p = w.period;
    for (let k = 0; k < rep.subcatchments.length; k++) {
      const src = SUBCATCH_OUT_VARS * rep.subcatchments[k]!;
      const dst = w.subcatchOffset(k);
      for (let v = 0; v < SUBCATCH_OUT_VARS; v++) p[dst + v] = this.subVals[src + v]!;
    }
    for (let k = 0; k < rep.nodes.length; k++) {
      const src = NODE_VARS * rep.nodes[k]!;
      const dst = w.nodeOffset(k);
      for (let v = 0; v < NODE_VARS; v++) p[dst + v] = this.nodeVals[src + v]!;
    }
    for (let k = 0; k < rep.links.length; k++) {
      const src = LINK_VARS * rep.links[k]!;
      const dst = w.linkOffset(k);
      for (let v = 0; v < LINK_VARS; v++) p[dst + v] = this.linkVals[src + v]!;
    }
    const so = w.systemOffset;
    for (let v = 0; v < 15; v++) p[so + v] = sys[v]!;
    this.quality?.writePeriod(w, rep, c.reportMs, this.routing, { sub: SUBCATCH_OUT_VARS, node: NODE_VARS, link: LINK_VARS });
    w.commitPeriod(reportDate);
  }

  /** End the run early: finish() then reports on the simulated part only, with error 902 saying so. */
  stop(): void {
    if (this.done || !this.ok) return;
    this.done = true;
    this.errors.push({ code: 902, message: `the run was stopped at ${(this.elapsedSeconds / 3600).toFixed(2)} h of simulated time, before the end of the simulation period` });
  }

  /** Finish the run (stepping to the end first if needed) and produce the report and binary output. */
  finish(): RunResult {
    if (this.result) return this.result;
    if (!this.ok) {
      this.result = {
        ok: false,
        report: formatReport(buildErrorReport(this.model, this.errors, this.warnings)),
        output: new Uint8Array(0),
        errors: this.errors,
        warnings: this.warnings,
        summary: null,
      };
      return this.result;
    }
    while (this.step()) {
      /* run to the end */
    }
    const failed = this.errors.length > 0;
    const data = buildReportData({
      model: this.model!,
      uf: this.uf!,
      fin: this.fin!,
      drv: this.drv!,
      net: this.net,
      routing: this.routing,
      warnings: this.warnings,
      errors: this.errors,
      rainStats: this.rainStats,
      controls: this.controls,
      lids: this.lids,
      quality: this.quality,
      gw: this.gw,
      rdii: this.rdii,
      inlets: this.inlets,
    });
    const output = failed ? new Uint8Array(0) : this.writer!.finish(0);
    const summary: RunSummary = {
      flowUnits: this.model!.options.flowUnits,
      runoffContinuityErrorPct: data.runoffContinuity?.continuityErrorPct ?? null,
      routingContinuityErrorPct: data.flowRoutingContinuity?.continuityErrorPct ?? null,
      totalPrecipVolume: data.runoffContinuity?.totalPrecipitation[0] ?? null,
      totalRunoffVolume: data.runoffContinuity?.surfaceRunoff[0] ?? null,
      routingSteps: this.routingSteps,
    };
    this.result = { ok: !failed, report: formatReport(data), output, errors: this.errors, warnings: this.warnings, summary };
    if (this.lids) {
      this.result.files = lidReportFileTexts(this.lids);
      const table = this.lids.table;
      if (table) {
        // Built on first read: this platform table is not part of SWMM's output, and for
        // multi-year LID runs formatting it costs more than the simulation itself.
        let csv: string | undefined;
        Object.defineProperty(this.result, 'lidResultsCsv', {
          enumerable: true,
          configurable: true,
          get: () => (csv ??= lidResultsCsv(table, (d) => [formatDate(d), formatTime(d)])),
        });
      }
    }
    return this.result;
  }
}

/** The first [TITLE] line as written (LID report files echo it verbatim). */
function inpTitleLine(text: string): string | undefined {
  const m = /^\s*\[TITLE\][^\n]*\n((?:\s*;[^\n]*\n)*)([^\n\[]*)/im.exec(text);
  const line = m?.[2]?.replace(/\r$/, '');
  return line !== undefined && line.trim() !== '' ? line : undefined;
}

/** Which objects go to the binary output: [REPORT] ALL, a list of names, or none (SWMM's default). */
function reportedObjects(model: Model, net: Network | null): ReportedObjects {
  const pick = (sel: 'ALL' | 'NONE' | string[], names: readonly string[]): number[] => {
    if (sel === 'NONE') return [];
    if (sel === 'ALL') return names.map((_, i) => i);
    const wanted = new Set(sel.map((s) => s.toUpperCase()));
    const out: number[] = [];
    names.forEach((n, i) => {
      if (wanted.has(n.toUpperCase())) out.push(i);
    });
    return out;
  };
  return {
    subcatchments: pick(model.report.subcatchments, model.subcatchments.map((s) => s.name)),
    nodes: net ? pick(model.report.nodes, net.nodeNames) : [],
    links: net ? pick(model.report.links, net.linkNames) : [],
  };
}

/** Run a whole model: parse, simulate, and return the report, the binary output and a summary. */
export function runModel(inpText: string, options: RunOptions = {}): RunResult {
  const sim = Simulation.open(inpText, options);
  if (sim.ok && options.shouldStop) {
    while (sim.step()) {
      if (sim.routingSteps % 64 === 0 && options.shouldStop()) {
        sim.stop();
        break;
      }
    }
  }
  return sim.finish();
}

/** True for dynamic-wave networks (used by callers that show the routing method). */
export function isDynamicWave(net: Network | null): boolean {
  return net?.routeModel === ROUTE_DYNWAVE;
}
