// Two-zone groundwater under subcatchments (digest §9.1, SWMM 5.2.4 behaviour).
//
// Each subcatchment with a [GROUNDWATER] line has an aquifer below it: an unsaturated upper
// zone of moisture θ over a saturated lower zone of depth Hg above the aquifer bottom. Every
// runoff step, after the surface and LID calculations, the step's infiltration feeds the
// upper zone; upper/lower zone evapotranspiration, percolation, deep loss and lateral flow to
// a node are found from (θ, Hg) and the two ODEs
//     dθ/dt  = (I − Eu − perc)/(Dt − Hg)
//     dHg/dt = (perc − deep − El − q)/(φ − θ)
// are integrated over the step with the Runge–Kutta–Cash–Karp solver (§4.6). The lateral flow
// q (ft/s over the subcatchment) becomes a node's groundwater inflow in routing (§7.13), the
// upper zone's remaining capacity caps the next step's infiltration (`ro.gwMaxInfilFt`).
//
// State is struct-of-arrays over "units" (subcatchments with groundwater), internal US units.
// The ODE right-hand side is this object's own `derivs` method reading per-step scalars set
// before the solve: no closures and no allocation per step.
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import type { UnitFactors } from '../model/units.js';
import { createOdeWorkspace, odeIntegrate, type OdeSystem, type OdeWorkspace } from '../numeric/odesolve.js';
import { dateOfElapsedMs, monthOf } from '../time/datetime.js';
import { lidPervAreaFt2, type LidState } from './lid.js';
import type { RunoffDriver } from './runoff-driver.js';
import { continuityErrorPct, OUT_SUB_GW_ELEV, OUT_SUB_GW_FLOW, OUT_SUB_SOIL_MOIST, OUT_SYS_EVAP, SUBCATCH_OUT_VARS, type RunoffGroundwaterHook, type RunoffState } from './runoff.js';
import {
  evalGwfExpression, GWV_A, GWV_COUNT, GWV_FI, GWV_FU, GWV_HCB, GWV_HGS, GWV_HGW, GWV_HSW, GWV_K, GWV_KS, GWV_PHI, GWV_THETA,
  type ExprProgram,
} from './gwf-expr.js';
import { readGroundwater } from './groundwater-input.js';

/** Relative tolerance of the aquifer ODEs. */
const GW_ODE_TOL = 0.0001;
/** Margin kept below full saturation (moisture) and below the ground surface (ft). */
const XTOL = 0.001;

/**
 * Current state of the drainage nodes the aquifers exchange water with (internal units, model
 * node order). Without flow routing the depths, inflows and volumes are zero.
 */
export interface GwNodeView {
  readonly invertFt: ArrayLike<number>;
  readonly depthFt: ArrayLike<number>;
  readonly inflowCfs: ArrayLike<number>;
  readonly volumeFt3: ArrayLike<number>;
}

/** Groundwater Continuity accumulators (ft³). */
export interface GroundwaterMassBalance {
  initStorage: number;
  infil: number;
  upperEvap: number;
  lowerEvap: number;
  lowerPerc: number;
  gwater: number;
}

export class Groundwater implements RunoffGroundwaterHook, OdeSystem {
  /** Number of subcatchments with groundwater. */
  readonly n: number;
  /** Subcatchment of each unit, and unit of each subcatchment (−1 none). */
  readonly sub: Int32Array;
  readonly unitOfSub: Int32Array;
  /** Node receiving each unit's lateral flow. */
  readonly node: Int32Array;

  // aquifer properties (copied per unit)
  readonly porosity: Float64Array;
  readonly wiltingPoint: Float64Array;
  readonly fieldCapacity: Float64Array;
  readonly ksatFtS: Float64Array;
  readonly kSlope: Float64Array;
  readonly tensionSlopeFt: Float64Array;
  readonly upperEvapFrac: Float64Array;
  readonly lowerEvapDepthFt: Float64Array;
  readonly lowerLossFtS: Float64Array;
  readonly hasEvapPat: Uint8Array;
  /** 12 monthly factors per unit. */
  readonly evapPat: Float64Array;
  // unit geometry and flow coefficients
  readonly surfElevFt: Float64Array;
  readonly bottomElevFt: Float64Array;
  readonly a1: Float64Array;
  readonly b1: Float64Array;
  readonly a2: Float64Array;
  readonly b2: Float64Array;
  readonly a3: Float64Array;
  readonly fixedDepthFt: Float64Array;
  /** Threshold elevation (ft), NaN = node invert. */
  readonly thresholdElevFt: Float64Array;
  readonly latExpr: readonly (ExprProgram | null)[];
  readonly deepExpr: readonly (ExprProgram | null)[];

  // state
  /** Upper zone moisture content. */
  readonly theta: Float64Array;
  /** Lower (saturated) zone depth above the aquifer bottom (ft). */
  readonly lowerDepthFt: Float64Array;
  /** Lateral outflow per unit area at the start / end of the last runoff step (ft/s). */
  readonly oldFlow: Float64Array;
  readonly newFlow: Float64Array;
  /** Upper + lower zone evapotranspiration of the last step (ft/s). */
  readonly evapLoss: Float64Array;

  // statistics for the Groundwater Summary (ft, ft·s, ft/s)
  readonly statInfil: Float64Array;
  readonly statEvap: Float64Array;
  readonly statLatFlow: Float64Array;
  readonly statDeepFlow: Float64Array;
  readonly statThetaTime: Float64Array;
  readonly statWaterTableTime: Float64Array;
  readonly statMaxFlow: Float64Array;
  /** Moisture and water table elevation (ft) at the last update (0 until the first, as SWMM reports). */
  readonly statFinalTheta: Float64Array;
  readonly statFinalWaterTableFt: Float64Array;

  readonly mb: GroundwaterMassBalance = { initStorage: 0, infil: 0, upperEvap: 0, lowerEvap: 0, lowerPerc: 0, gwater: 0 };
  /** Σ area of subcatchments with groundwater (ft²). */
  readonly gwAreaFt2: number;

  // ---- per-step scalars read by derivs()/fluxes() (set before each solve)
  private k = 0;
  private infil = 0;
  private maxEvap = 0;
  private availEvap = 0;
  private upperFrac = 0;
  private totalDepth = 0;
  private hStar = 0;
  private hSw = 0;
  private maxUpperPerc = 0;
  private maxFlowPos = 0;
  private maxFlowNeg = 0;
  private tStep = 0;
  private areaUser = 0;
  // flux results of the last fluxes() call (ft/s)
  private upperEvap = 0;
  private lowerEvap = 0;
  private upperPerc = 0;
  private lowerLoss = 0;
  private gwFlow = 0;

  private readonly ws: OdeWorkspace = createOdeWorkspace(2);
  private readonly y = new Float64Array(2);
  private readonly vars = new Float64Array(GWV_COUNT);
  private readonly stack: Float64Array;
  private monthDay = NaN;
  private month = 1;

  constructor(
    readonly ro: RunoffState,
    private readonly drv: RunoffDriver,
    private readonly lids: LidState | null,
    private readonly nodes: GwNodeView,
    inputs: ReturnType<typeof readGroundwater>,
  ) {
    const units = inputs.units;
    const n = units.length;
    this.n = n;
    const f = (): Float64Array => new Float64Array(n);
    this.sub = Int32Array.from(units, (u) => u.subcatch);
    this.unitOfSub = new Int32Array(ro.n).fill(-1);
    units.forEach((u, k) => (this.unitOfSub[u.subcatch] = k));
    this.node = Int32Array.from(units, (u) => u.node);
    const aq = (g: (a: (typeof inputs.aquifers)[number]) => number): Float64Array => Float64Array.from(units, (u) => g(inputs.aquifers[u.aquifer]!));
    this.porosity = aq((a) => a.porosity);
    this.wiltingPoint = aq((a) => a.wiltingPoint);
    this.fieldCapacity = aq((a) => a.fieldCapacity);
    this.ksatFtS = aq((a) => a.ksatFtS);
    this.kSlope = aq((a) => a.kSlope);
    this.tensionSlopeFt = aq((a) => a.tensionSlopeFt);
    this.upperEvapFrac = aq((a) => a.upperEvapFrac);
    this.lowerEvapDepthFt = aq((a) => a.lowerEvapDepthFt);
    this.lowerLossFtS = aq((a) => a.lowerLossFtS);
    this.hasEvapPat = new Uint8Array(n);
    this.evapPat = new Float64Array(12 * n);
    units.forEach((u, k) => {
      const p = inputs.aquifers[u.aquifer]!.evapPattern;
      if (p) {
        this.hasEvapPat[k] = 1;
        this.evapPat.set(p, 12 * k);
      }
    });
    this.surfElevFt = Float64Array.from(units, (u) => u.surfElevFt);
    this.bottomElevFt = Float64Array.from(units, (u) => u.bottomElevFt);
    this.a1 = Float64Array.from(units, (u) => u.a1);
    this.b1 = Float64Array.from(units, (u) => u.b1);
    this.a2 = Float64Array.from(units, (u) => u.a2);
    this.b2 = Float64Array.from(units, (u) => u.b2);
    this.a3 = Float64Array.from(units, (u) => u.a3);
    this.fixedDepthFt = Float64Array.from(units, (u) => u.fixedDepthFt);
    this.thresholdElevFt = Float64Array.from(units, (u) => u.thresholdElevFt);
    this.latExpr = units.map((u) => u.lateralExpr);
    this.deepExpr = units.map((u) => u.deepExpr);
    let depth = 1;
    for (const u of units) {
      if (u.lateralExpr) depth = Math.max(depth, u.lateralExpr.maxDepth);
      if (u.deepExpr) depth = Math.max(depth, u.deepExpr.maxDepth);
    }
    this.stack = new Float64Array(depth);

    this.theta = f();
    this.lowerDepthFt = f();
    this.oldFlow = f();
    this.newFlow = f();
    this.evapLoss = f();
    this.statInfil = f();
    this.statEvap = f();
    this.statLatFlow = f();
    this.statDeepFlow = f();
    this.statThetaTime = f();
    this.statWaterTableTime = f();
    this.statMaxFlow = f();
    this.statFinalTheta = f();
    this.statFinalWaterTableFt = f();

    // Initial state (SWMM's gwater_initState) and the Groundwater Continuity's initial storage.
    let gwArea = 0;
    for (let k = 0; k < n; k++) {
      const u = units[k]!;
      const j = u.subcatch;
      const phi = this.porosity[k]!;
      const total = u.surfElevFt - u.bottomElevFt;
      this.theta[k] = u.upperMoisture >= phi ? phi - XTOL : u.upperMoisture;
      let hg = u.waterTableElevFt - u.bottomElevFt;
      if (hg >= total) hg = total - XTOL;
      this.lowerDepthFt[k] = hg;
      // [as-is] the first cap uses the water table as given, not the clipped depth.
      ro.gwMaxInfilFt[j] = ((u.surfElevFt - u.waterTableElevFt) * (phi - this.theta[k]!)) / this.fracPerv(j);
      this.mb.initStorage += this.storageFt(k) * ro.area[j]!;
      gwArea += ro.area[j]!;
    }
    this.gwAreaFt2 = gwArea;
  }

  /** Water stored in unit k per unit area (ft). */
  storageFt(k: number): number {
    const upper = this.surfElevFt[k]! - this.bottomElevFt[k]! - this.lowerDepthFt[k]!;
    return upper * this.theta[k]! + this.lowerDepthFt[k]! * this.porosity[k]!;
  }

  /** Pervious share of subcatchment j, pervious LID units included. */
  fracPerv(j: number): number {
    const ro = this.ro;
    let fp = 1 - ro.fracImperv[j]!;
    const lidArea = ro.lidArea[j]!;
    if (lidArea > 0 && this.lids) {
      const area = ro.area[j]!;
      fp = (fp * (area - lidArea) + lidPervAreaFt2(this.lids, j)) / area;
      if (fp > 1) fp = 1;
    }
    return fp;
  }

  /** Month (1..12) at the end of the current runoff step (upper zone ET pattern). */
  private currentMonth(): number {
    const d = dateOfElapsedMs(this.drv.startDateTime, this.drv.newRunoffMs);
    const day = Math.floor(d);
    if (day !== this.monthDay) {
      this.monthDay = day;
      this.month = monthOf(d);
    }
    return this.month;
  }

  /**
   * §4.4 item 7: update subcatchment j's aquifer over a runoff step of dtS seconds, given the
   * pervious-surface evaporation (ft³) and the infiltration volume (ft³, LID exfiltration included).
   */
  update(ro: RunoffState, j: number, vPevapFt3: number, vInfilFt3: number, dtS: number): void {
    const k = this.unitOfSub[j]!;
    if (k < 0) return;
    const fracPerv = this.fracPerv(j);
    if (fracPerv <= 0) return;
    const area = ro.area[j]!;
    const uf = ro.units;
    this.k = k;
    this.areaUser = area * uf.landArea;
    this.tStep = dtS;
    // Infiltration and the surface evaporation already spent, as rates over the whole subcatchment.
    this.infil = vInfilFt3 / area / dtS;
    const evapUsed = vPevapFt3 / area / dtS;
    // Groundwater ET acts through the pervious surface only.
    this.maxEvap = this.drv.cl.evapRateFtS * fracPerv;
    this.availEvap = Math.max(this.maxEvap - evapUsed, 0);
    const total = this.surfElevFt[k]! - this.bottomElevFt[k]!;
    if (total <= 0) return;
    this.totalDepth = total;
    const nd = this.node[k]!;
    const nodes = this.nodes;
    const invert = nodes.invertFt[nd]!;
    const bottom = this.bottomElevFt[k]!;
    const thr = this.thresholdElevFt[k]!;
    this.hStar = (Number.isNaN(thr) ? invert : thr) - bottom;
    const fixed = this.fixedDepthFt[k]!;
    this.hSw = (fixed > 0 ? fixed : nodes.depthFt[nd]!) + invert - bottom;

    const theta0 = this.theta[k]!;
    const hg0 = this.lowerDepthFt[k]!;
    const phi = this.porosity[k]!;
    this.maxUpperPerc = Math.max(0, (total - hg0) * (theta0 - this.fieldCapacity[k]!)) / dtS;
    this.maxFlowPos = (hg0 * phi) / dtS;
    // Flow back into the aquifer is limited by its unfilled pores and by the water at the node.
    this.maxFlowNeg = -Math.min(((total - hg0) * (phi - theta0)) / dtS, (nodes.inflowCfs[nd]! + nodes.volumeFt3[nd]! / dtS) / area);
    this.upperFrac = this.upperEvapFrac[k]! * (this.hasEvapPat[k] ? this.evapPat[12 * k + this.currentMonth() - 1]! : 1);

    const y = this.y;
    y[0] = theta0;
    y[1] = hg0;
    // [as-is] a failed integration leaves the state unchanged.
    odeIntegrate(this.ws, y, 2, 0, dtS, GW_ODE_TOL, dtS, this);
    let theta = Math.max(y[0]!, this.wiltingPoint[k]!);
    let hg = y[1]!;
    if (theta >= phi) {
      theta = phi - XTOL;
      hg = total - XTOL;
    }
    if (hg < 0) hg = 0;
    if (hg >= total) hg = total - XTOL;
    this.theta[k] = theta;
    this.lowerDepthFt[k] = hg;

    // Fluxes at the final state are the step's fluxes.
    this.fluxes(theta, hg);
    this.oldFlow[k] = this.newFlow[k]!;
    this.newFlow[k] = this.gwFlow;
    const evapLoss = this.upperEvap + this.lowerEvap;
    this.evapLoss[k] = evapLoss;
    ro.gwMaxInfilFt[j] = ((total - hg) * (phi - theta)) / fracPerv;

    const ft2s = area * dtS;
    const mb = this.mb;
    mb.infil += this.infil * ft2s;
    mb.upperEvap += this.upperEvap * ft2s;
    mb.lowerEvap += this.lowerEvap * ft2s;
    mb.lowerPerc += this.lowerLoss * ft2s;
    mb.gwater += 0.5 * (this.oldFlow[k]! + this.newFlow[k]!) * ft2s;

    this.statInfil[k] = this.statInfil[k]! + this.infil * dtS;
    this.statEvap[k] = this.statEvap[k]! + evapLoss * dtS;
    this.statLatFlow[k] = this.statLatFlow[k]! + this.gwFlow * dtS;
    this.statDeepFlow[k] = this.statDeepFlow[k]! + this.lowerLoss * dtS;
    this.statThetaTime[k] = this.statThetaTime[k]! + theta * dtS;
    this.statWaterTableTime[k] = this.statWaterTableTime[k]! + (bottom + hg) * dtS;
    this.statFinalTheta[k] = theta;
    this.statFinalWaterTableFt[k] = bottom + hg;
    if (Math.abs(this.gwFlow) > Math.abs(this.statMaxFlow[k]!)) this.statMaxFlow[k] = this.gwFlow;
  }

  /** ODE right-hand side: y = [θ, Hg]. */
  derivs(_x: number, y: Float64Array, dydx: Float64Array): void {
    const theta = y[0]!;
    const hg = y[1]!;
    this.fluxes(theta, hg);
    const k = this.k;
    const qUpper = this.infil - this.upperEvap - this.upperPerc;
    const qLower = this.upperPerc - this.lowerLoss - this.lowerEvap - this.gwFlow;
    const du = this.totalDepth - hg;
    dydx[0] = du > 0 ? qUpper / du : 0;
    const deficit = this.porosity[k]! - theta;
    dydx[1] = deficit > 0 ? qLower / deficit : 0;
  }

  /** Every flux (ft/s) of unit this.k at moisture θ and lower zone depth Hg. */
  private fluxes(theta: number, hgIn: number): void {
    const k = this.k;
    const total = this.totalDepth;
    let hg = hgIn < 0 ? 0 : hgIn;
    if (hg > total) hg = total;
    const upper = total - hg;
    const uf = this.ro.units;

    // Evapotranspiration: none while water infiltrates; the upper zone needs moisture above the
    // wilting point; the lower zone loses in proportion to how far the ET depth reaches into it.
    this.upperEvap = 0;
    this.lowerEvap = 0;
    if (this.infil <= 0) {
      if (theta > this.wiltingPoint[k]!) this.upperEvap = Math.min(this.upperFrac * this.maxEvap, this.availEvap);
      const etDepth = this.lowerEvapDepthFt[k]!;
      if (etDepth > 0) {
        let frac = (etDepth - upper) / etDepth;
        if (frac < 0) frac = 0;
        else if (frac > 1) frac = 1;
        this.lowerEvap = Math.min(frac * (1 - this.upperFrac) * this.maxEvap, this.availEvap - this.upperEvap);
      }
    }

    // Percolation from the upper zone (unsaturated conductivity times the head gradient).
    const phi = this.porosity[k]!;
    const kUnsat = this.ksatFtS[k]! * Math.exp((theta - phi) * this.kSlope[k]!);
    let perc = 0;
    const fc = this.fieldCapacity[k]!;
    if (upper > 0 && theta > fc) perc = kUnsat * (1 + (this.tensionSlopeFt[k]! * 2 * (theta - fc)) / upper);
    if (perc > this.maxUpperPerc) perc = this.maxUpperPerc;
    this.upperPerc = perc;

    const deep = this.deepExpr[k]!;
    const lat = this.latExpr[k]!;
    if (deep || lat) {
      const v = this.vars;
      v[GWV_HGW] = hg * uf.length;
      v[GWV_HSW] = this.hSw * uf.length;
      v[GWV_HCB] = this.hStar * uf.length;
      v[GWV_HGS] = total * uf.length;
      v[GWV_KS] = this.ksatFtS[k]! * uf.rainfall;
      v[GWV_K] = kUnsat * uf.rainfall;
      v[GWV_THETA] = theta;
      v[GWV_PHI] = phi;
      v[GWV_FI] = this.infil * uf.rainfall;
      v[GWV_FU] = perc * uf.rainfall;
      v[GWV_A] = this.areaUser;
    }

    // Deep percolation out of the lower zone.
    let loss = deep ? evalGwfExpression(deep, this.vars, this.stack) / uf.rainfall : (this.lowerLossFtS[k]! * hg) / total;
    if (loss > hg / this.tStep) loss = hg / this.tStep;
    this.lowerLoss = loss;

    // Lateral flow to the node, plus any custom term, within the limits of the step.
    let q = this.lateralFlow(hg);
    if (lat) q += evalGwfExpression(lat, this.vars, this.stack) / uf.gwFlow;
    if (q >= 0) {
      if (q > this.maxFlowPos) q = this.maxFlowPos;
    } else if (q < this.maxFlowNeg) q = this.maxFlowNeg;
    this.gwFlow = q;
  }

  /** Standard lateral flow (ft/s): A1·(Hg − H*)^B1 − A2·(Hsw − H*)^B2 + A3·Hg·Hsw, lengths in user units. */
  private lateralFlow(hg: number): number {
    const k = this.k;
    const hStar = this.hStar;
    if (hg <= hStar) return 0;
    const L = this.ro.units.length;
    const b1 = this.b1[k]!;
    const t1 = b1 === 0 ? this.a1[k]! : this.a1[k]! * Math.pow((hg - hStar) * L, b1);
    const b2 = this.b2[k]!;
    let t2 = 0;
    if (b2 === 0) t2 = this.a2[k]!;
    else if (this.hSw > hStar) t2 = this.a2[k]! * Math.pow((this.hSw - hStar) * L, b2);
    const a3 = this.a3[k]!;
    const t3 = a3 * hg * this.hSw * L * L;
    let q = (t1 - t2 + t3) / this.ro.units.gwFlow;
    if (q < 0 && a3 !== 0) q = 0;
    return q;
  }

  /** Unit k's lateral inflow to its node (cfs) at weight f between the last runoff states (§2.6). */
  inflowCfs(k: number, f: number): number {
    return ((1 - f) * this.oldFlow[k]! + f * this.newFlow[k]!) * this.ro.area[this.sub[k]!]!;
  }
}

// ---------------------------------------------------------------- construction

export interface AttachGroundwaterResult {
  gw: Groundwater | null;
  errors: EngineError[];
}

/**
 * Read the model's groundwater sections and, when some subcatchment has an aquifer, install the
 * runoff hook (`drv.ro.gw`) and the infiltration caps. Call after LIDs are attached (their
 * pervious area counts as pervious for groundwater).
 */
export function attachGroundwater(
  model: Model, drv: RunoffDriver, lids: LidState | null, nodes: GwNodeView,
  look: { subcatchIndex(name: string): number; nodeIndex(name: string): number }, fileName?: string,
): AttachGroundwaterResult {
  const inp = readGroundwater(model, drv.ro.units, look, fileName);
  if (inp.errors.length > 0 || inp.units.length === 0) return { gw: null, errors: inp.errors };
  const gw = new Groundwater(drv.ro, drv, lids, nodes, inp);
  drv.ro.gw = gw;
  return { gw, errors: [] };
}

/** A node view of zeros (no flow routing) with the nodes' inverts (ft). */
export function staticNodeView(model: Model, uf: UnitFactors): GwNodeView {
  const n = model.nodes.length;
  const zeros = new Float64Array(n);
  return { invertFt: Float64Array.from(model.nodes, (nd) => nd.invertElev / uf.length), depthFt: zeros, inflowCfs: zeros, volumeFt3: zeros };
}

// ---------------------------------------------------------------- results

/** A row of the Groundwater Continuity table: [acre-ft or hectare-m, in or mm]. */
export type GwVolDepth = readonly [volume: number, depth: number];

export interface GroundwaterContinuityTable {
  initialStorage: GwVolDepth;
  infiltration: GwVolDepth;
  upperZoneET: GwVolDepth;
  lowerZoneET: GwVolDepth;
  deepPercolation: GwVolDepth;
  groundwaterFlow: GwVolDepth;
  finalStorage: GwVolDepth;
  /** % as SWMM prints it (1e-6 when |in − out| < 1 ft³). */
  continuityErrorPct: number;
  /** The same totals in ft³. */
  ft3: GroundwaterMassBalance & { finalStorage: number };
}

/** A row of the Groundwater Summary (user units). */
export interface GroundwaterSummaryRow {
  id: string;
  /** in or mm over the subcatchment */
  totalInfil: number;
  totalEvap: number;
  totalLowerSeepage: number;
  totalLateralOutflow: number;
  /** flow units (signed value of largest magnitude) */
  maxLateralOutflow: number;
  avgUpperMoisture: number;
  /** ft or m */
  avgWaterTable: number;
  finalUpperMoisture: number;
  finalWaterTable: number;
}

/**
 * Report values of one period (§2.6, §11.5): GW flow (flow units, interpolated at weight f, not
 * clipped), GW elevation (ft or m) and upper zone moisture of each subcatchment with groundwater;
 * adds the groundwater ET to the system evaporation (area-weighted, in/day or mm/day).
 */
export function gwReportValues(gw: Groundwater, f: number, subOut: Float32Array, sysOut?: Float32Array): void {
  const ro = gw.ro;
  const uf = ro.units;
  let sysEvap = 0;
  for (let k = 0; k < gw.n; k++) {
    const j = gw.sub[k]!;
    const o = SUBCATCH_OUT_VARS * j;
    subOut[o + OUT_SUB_GW_FLOW] = gw.inflowCfs(k, f) * uf.flow;
    subOut[o + OUT_SUB_GW_ELEV] = (gw.bottomElevFt[k]! + gw.lowerDepthFt[k]!) * uf.length;
    subOut[o + OUT_SUB_SOIL_MOIST] = gw.theta[k]!;
    sysEvap = Math.fround(sysEvap + Math.fround(gw.evapLoss[k]! * uf.evapRate * ro.area[j]! * uf.landArea));
  }
  if (sysOut && ro.totalArea > 0) sysOut[OUT_SYS_EVAP] = sysOut[OUT_SYS_EVAP]! + sysEvap / (ro.totalArea * uf.landArea);
}

/** Groundwater Continuity (§10.3) in the report's units, over the area of subcatchments with groundwater. */
export function gwContinuity(gw: Groundwater): GroundwaterContinuityTable {
  const ro = gw.ro;
  const uf = ro.units;
  const mb = gw.mb;
  let final = 0;
  for (let k = 0; k < gw.n; k++) final += gw.storageFt(k) * ro.area[gw.sub[k]!]!;
  const row = (v: number): GwVolDepth => [v * uf.length * uf.landArea, gw.gwAreaFt2 > 0 ? (v / gw.gwAreaFt2) * uf.rainDepth : 0];
  const tin = mb.initStorage + mb.infil;
  const tout = mb.upperEvap + mb.lowerEvap + mb.lowerPerc + mb.gwater + final;
  return {
    initialStorage: row(mb.initStorage),
    infiltration: row(mb.infil),
    upperZoneET: row(mb.upperEvap),
    lowerZoneET: row(mb.lowerEvap),
    deepPercolation: row(mb.lowerPerc),
    groundwaterFlow: row(mb.gwater),
    finalStorage: row(final),
    continuityErrorPct: continuityErrorPct(tin, tout),
    ft3: { ...mb, finalStorage: final },
  };
}

/** Groundwater Summary rows (§10.5) in subcatchment order; averages over `totalTimeS` seconds of runoff. */
export function gwSummary(gw: Groundwater, totalTimeS: number): GroundwaterSummaryRow[] {
  const ro = gw.ro;
  const uf = ro.units;
  const t = totalTimeS > 0 ? totalTimeS : 1;
  const rows: GroundwaterSummaryRow[] = [];
  for (let k = 0; k < gw.n; k++) {
    const j = gw.sub[k]!;
    if (ro.area[j]! === 0) continue;
    rows.push({
      id: ro.names[j]!,
      totalInfil: gw.statInfil[k]! * uf.rainDepth,
      totalEvap: gw.statEvap[k]! * uf.rainDepth,
      totalLowerSeepage: gw.statDeepFlow[k]! * uf.rainDepth,
      totalLateralOutflow: gw.statLatFlow[k]! * uf.rainDepth,
      maxLateralOutflow: gw.statMaxFlow[k]! * ro.area[j]! * uf.flow,
      avgUpperMoisture: gw.statThetaTime[k]! / t,
      avgWaterTable: (gw.statWaterTableTime[k]! * uf.length) / t,
      finalUpperMoisture: gw.statFinalTheta[k]!,
      finalWaterTable: gw.statFinalWaterTableFt[k]! * uf.length,
    });
  }
  return rows;
}
