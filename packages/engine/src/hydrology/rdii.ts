// Rainfall-dependent infiltration/inflow (digest §9.2, SWMM 5.2.4 behaviour).
//
// Each unit hydrograph group turns its rain gage's rainfall into sewer inflow per unit of
// sewershed area: three triangular unit hydrographs (short, medium, long response; ratio R,
// time to peak T, recession K, per month) convolved with the rainfall in excess of an initial
// abstraction. SWMM computes the whole series before the simulation, one value per RDII step
// (= WET_STEP), stores only the steps where some node has RDII, and routing holds each stored
// value for one RDII step. This generator produces the same sequence lazily, one step at a
// time as the routing clock reaches it, from its own copy of the gages' rainfall; the totals
// of the "Rainfall Dependent I/I" block cover the whole period (`rdiiFinish`).
//
// Convolution buffers are preallocated per group and response; stepping allocates nothing.
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import type { UnitFactors } from '../model/units.js';
import { addSeconds, monthOf } from '../time/datetime.js';
import { type ClimateState, climateInitState, createClimate, gagesSetRainfall, type RainRecords } from './climate.js';
import { readRdii, type UnitHydrograph } from './rdii-input.js';

/** RDII flows below this (cfs) are dropped, as SWMM does before storing them. */
const ZERO_RDII_CFS = 0.0001;

export interface RdiiTotals {
  /** Rain on the sewersheds (ft³). */
  rainFt3: number;
  /** RDII produced (ft³). */
  rdiiFt3: number;
}

export class Rdii {
  /** Nodes receiving RDII, and each one's current inflow (cfs, 4-byte floats as SWMM stores them). */
  readonly nNodes: number;
  readonly node: Int32Array;
  readonly flowCfs: Float64Array;
  /** RDII step (s) = WET_STEP. */
  readonly stepS: number;
  readonly totals: RdiiTotals = { rainFt3: 0, rdiiFt3: 0 };

  private readonly nodeGroup: Int32Array;
  private readonly nodeAreaFt2: Float64Array;
  private readonly lastStep: number;
  private step = -1;

  // ---- unit hydrograph groups in use
  private readonly nGroups: number;
  private readonly uh: UnitHydrograph[];
  private readonly gage: Int32Array;
  /** Rain processing interval (s). */
  private readonly riS: Float64Array;
  private readonly groupAreaFt2: Float64Array;
  /** Start of the next rain interval to process, and of the one after the last convolution (day numbers). */
  private readonly gageDate: Float64Array;
  private readonly lastDate: Float64Array;
  /** Current RDII of the group (rain units per hour per unit area). */
  private readonly rdii: Float64Array;
  // per group × response (index 3·g + k)
  private readonly maxPeriods: Int32Array;
  private readonly period: Int32Array;
  private readonly drySeconds: Float64Array;
  private readonly hasPastRain: Uint8Array;
  private readonly iaUsed: Float64Array;
  private readonly pastRain: Float64Array[];
  private readonly pastMonth: Int8Array[];

  private readonly cl: ClimateState;
  private readonly startDateTime: number;
  private readonly ucfRainfall: number;
  private readonly ucfRainDepth: number;
  private monthDay = NaN;
  private monthIdx = 0;

  constructor(model: Model, uf: UnitFactors, wetStepS: number, totalDurationS: number, unitHyds: UnitHydrograph[],
    inflows: { node: number; unitHyd: number; areaFt2: number }[], rainRecords?: Readonly<Record<string, RainRecords>>) {
    this.startDateTime = model.options.startDateTime;
    this.ucfRainfall = uf.rainfall;
    this.ucfRainDepth = uf.rainDepth;
    this.stepS = wetStepS;
    this.lastStep = Math.floor(totalDurationS / wetStepS);

    // Groups used by some node, in unit hydrograph order.
    const used = unitHyds.map((_, j) => inflows.some((f) => f.unitHyd === j));
    const groupOf = new Int32Array(unitHyds.length).fill(-1);
    this.uh = [];
    unitHyds.forEach((u, j) => {
      if (!used[j]) return;
      groupOf[j] = this.uh.length;
      this.uh.push(u);
    });
    const nG = this.uh.length;
    this.nGroups = nG;
    this.gage = Int32Array.from(this.uh, (u) => u.gage);
    this.riS = Float64Array.from(this.uh, (u) => rainInterval(u, wetStepS));
    this.groupAreaFt2 = new Float64Array(nG);
    this.nNodes = inflows.length;
    this.node = Int32Array.from(inflows, (f) => f.node);
    this.nodeGroup = Int32Array.from(inflows, (f) => groupOf[f.unitHyd]!);
    this.nodeAreaFt2 = Float64Array.from(inflows, (f) => f.areaFt2);
    this.flowCfs = new Float64Array(inflows.length);
    for (let i = 0; i < this.nNodes; i++) this.groupAreaFt2[this.nodeGroup[i]!] += this.nodeAreaFt2[i]!;

    this.gageDate = new Float64Array(nG).fill(this.startDateTime);
    this.lastDate = new Float64Array(nG);
    this.rdii = new Float64Array(nG);
    this.maxPeriods = new Int32Array(3 * nG);
    this.period = new Int32Array(3 * nG);
    this.drySeconds = new Float64Array(3 * nG);
    this.hasPastRain = new Uint8Array(3 * nG);
    this.iaUsed = new Float64Array(3 * nG);
    this.pastRain = [];
    this.pastMonth = [];
    const m0 = monthOf(this.startDateTime) - 1;
    for (let g = 0; g < nG; g++) {
      const u = this.uh[g]!;
      const ri = this.riS[g]!;
      for (let k = 0; k < 3; k++) {
        // Enough past intervals to cover the longest time base of any month.
        let n = 0;
        for (let m = 0; m < 12; m++) n = Math.max(n, Math.floor(u.tBaseS[3 * m + k]! / ri) + 1);
        const b = 3 * g + k;
        this.maxPeriods[b] = n;
        // The first rain starts a new event: the "dry spell" is already long enough.
        this.drySeconds[b] = n * ri + 1;
        this.period[b] = n + 1;
        this.iaUsed[b] = u.iaInit[3 * m0 + k]!;
        this.pastRain.push(new Float64Array(n));
        this.pastMonth.push(new Int8Array(n));
      }
    }

    // A private copy of the gages, advanced only by this generator.
    const cl = createClimate(model, uf, rainRecords);
    for (let j = 0; j < cl.nGages; j++) {
      cl.gageUsed[j] = 0;
      cl.coGage[j] = -1;
    }
    for (const g of this.gage) cl.gageUsed[g] = 1;
    climateInitState(cl, model.options.ignoreRainfall);
    this.cl = cl;
  }

  /** Month index 0..11 of a date-time (cached by day). */
  private month0(date: number): number {
    const day = Math.floor(date);
    if (day !== this.monthDay) {
      this.monthDay = day;
      this.monthIdx = monthOf(date) - 1;
    }
    return this.monthIdx;
  }

  /**
   * Set `flowCfs` to the RDII inflows in effect at elapsed routing time `routingMs` (the value of
   * the RDII step that contains it; 0 past the end). Times must not decrease between calls.
   */
  flowsAt(routingMs: number): void {
    // SWMM dates a routing time 1 ms late against round-off.
    const k = Math.floor((routingMs + 1) / (1000 * this.stepS));
    if (k > this.lastStep) {
      if (this.step <= this.lastStep) {
        this.advanceTo(this.lastStep);
        this.step = this.lastStep + 1;
        this.flowCfs.fill(0);
      }
      return;
    }
    this.advanceTo(k);
  }

  private advanceTo(k: number): void {
    while (this.step < k) this.computeStep(++this.step);
  }

  /** Run to the end of the simulation period (for the totals). */
  finish(): void {
    this.advanceTo(this.lastStep);
  }

  /** RDII of every node at the n-th RDII time (n·step after the start). */
  private computeStep(n: number): void {
    const currentDate = addSeconds(this.startDateTime, n * this.stepS);
    for (let g = 0; g < this.nGroups; g++) {
      this.processRain(g, currentDate);
      // Convolve again only once the rain intervals processed so far have all been reached.
      if (currentDate < this.lastDate[g]!) continue;
      this.lastDate[g] = this.gageDate[g]!;
      let rdii = 0;
      for (let k = 0; k < 3; k++) if (this.hasPastRain[3 * g + k]) rdii += this.convolve(g, k);
      this.rdii[g] = rdii;
    }
    for (let i = 0; i < this.nNodes; i++) {
      let q = (this.rdii[this.nodeGroup[i]!]! * this.nodeAreaFt2[i]!) / this.ucfRainfall;
      if (q < ZERO_RDII_CFS) q = 0;
      this.totals.rdiiFt3 += q * this.stepS;
      this.flowCfs[i] = Math.fround(q);
    }
  }

  /** Add the rain intervals of group g that start before `currentDate` to its past-rain buffers. */
  private processRain(g: number, currentDate: number): void {
    const cl = this.cl;
    const gi = this.gage[g]!;
    const ri = this.riS[g]!;
    const u = this.uh[g]!;
    while (this.gageDate[g]! < currentDate) {
      const date = this.gageDate[g]!;
      const m = this.month0(date);
      // The monthly rain adjustment applies to records fetched in that month.
      cl.rainFactor = cl.adjRain[m]!;
      gagesSetRainfall(cl, date);
      const depth = (cl.rainfall[gi]! * ri) / 3600;
      this.totals.rainFt3 += (depth / this.ucfRainDepth) * this.groupAreaFt2[g]!;
      for (let k = 0; k < 3; k++) {
        const b = 3 * g + k;
        const excess = this.applyIA(b, u, 3 * m + k, ri, depth);
        this.updateDryPeriod(b, excess, ri);
        let i = this.period[b]!;
        if (i >= this.maxPeriods[b]!) i = 0;
        this.pastRain[b]![i] = excess;
        this.pastMonth[b]![i] = m;
        this.period[b] = i + 1;
      }
      this.gageDate[g] = addSeconds(date, ri);
    }
  }

  /** Rain depth left after the initial abstraction; dry intervals recover abstraction capacity. */
  private applyIA(b: number, u: UnitHydrograph, mk: number, dtS: number, depth: number): number {
    let ia = u.iaMax[mk]! - this.iaUsed[b]!;
    if (ia < 0) ia = 0;
    if (depth > 0) {
      let net = depth - ia;
      if (net < 0) net = 0;
      this.iaUsed[b] = this.iaUsed[b]! + (depth - net);
      return net;
    }
    let used = this.iaUsed[b]! - (dtS / 86400) * u.iaRecov[mk]!;
    if (used < 0) used = 0;
    this.iaUsed[b] = used;
    return 0;
  }

  /** A wet interval after a dry spell longer than the unit hydrographs starts a new event. */
  private updateDryPeriod(b: number, excess: number, ri: number): void {
    const maxP = this.maxPeriods[b]!;
    if (excess > 0) {
      if (this.drySeconds[b]! >= ri * maxP) {
        this.pastRain[b]!.fill(0);
        this.period[b] = 0;
      }
      this.drySeconds[b] = 0;
      this.hasPastRain[b] = 1;
    } else {
      this.drySeconds[b] = this.drySeconds[b]! + ri;
      this.hasPastRain[b] = this.drySeconds[b]! >= ri * maxP ? 0 : 1;
    }
  }

  /** Σ over past intervals of R·u((p − ½)·ri)·excess for response k of group g (rain units per hour). */
  private convolve(g: number, k: number): number {
    const b = 3 * g + k;
    const u = this.uh[g]!;
    const ri = this.riS[g]!;
    const maxP = this.maxPeriods[b]!;
    const rain = this.pastRain[b]!;
    const months = this.pastMonth[b]!;
    let i = this.period[b]! - 1;
    if (i < 0) i = maxP - 1;
    let sum = 0;
    for (let p = 1; p < maxP; p++) {
      const v = rain[i]!;
      if (v > 0) {
        const mk = 3 * months[i]! + k;
        sum += ordinate(u, mk, (p - 0.5) * ri) * u.r[mk]! * v;
      }
      i = i - 1;
      if (i < 0) i = maxP - 1;
    }
    return sum;
  }
}

/** Triangular unit hydrograph ordinate (per hour) at t seconds; unit volume over its time base. */
export function ordinate(u: UnitHydrograph, mk: number, t: number): number {
  const tBase = u.tBaseS[mk]!;
  if (t >= tBase) return 0;
  const qPeak = (2 / tBase) * 3600;
  const t1 = u.tPeakS[mk]!;
  const f = t <= t1 ? t / t1 : 1 - (t - t1) / (tBase - t1);
  return (f > 0 ? f : 0) * qPeak;
}

/** Rain processing interval of a group: WET_STEP, shortened to its shortest rising or falling limb. */
export function rainInterval(u: UnitHydrograph, wetStepS: number): number {
  let ri = wetStepS;
  for (let i = 0; i < 36; i++) {
    const tp = u.tPeakS[i]!;
    if (tp <= 0) continue;
    if (tp < ri) ri = tp;
    const fall = u.tBaseS[i]! - tp;
    if (fall > 0 && fall < ri) ri = fall;
  }
  return ri;
}

export interface CreateRdiiResult {
  rdii: Rdii | null;
  errors: EngineError[];
}

/** Read [HYDROGRAPHS]/[RDII] and build the generator (null when no node receives RDII). */
export function createRdii(
  model: Model, uf: UnitFactors, wetStepS: number, totalDurationS: number,
  look: { nodeIndex(name: string): number; gageIndex(name: string): number },
  rainRecords?: Readonly<Record<string, RainRecords>>, fileName?: string,
): CreateRdiiResult {
  const inp = readRdii(model, uf, look, fileName);
  if (inp.errors.length > 0 || inp.inflows.length === 0) return { rdii: null, errors: inp.errors };
  return { rdii: new Rdii(model, uf, wetStepS, totalDurationS, inp.unitHyds, inp.inflows, rainRecords), errors: [] };
}

/** The "Rainfall Dependent I/I" block: volumes in acre-ft / hectare-m and 10⁶ gal / 10⁶ L, and their ratio. */
export function rdiiSummary(rd: Rdii, uf: UnitFactors): { sewershedRainfall: readonly [number, number]; rdiiProduced: readonly [number, number]; rdiiRatio: number } {
  rd.finish();
  const ucf1 = uf.length * uf.landArea;
  const ucf2 = (uf.system === 'SI' ? 2.4466 : 0.64632) / 86400;
  const t = rd.totals;
  return {
    sewershedRainfall: [t.rainFt3 * ucf1, t.rainFt3 * ucf2],
    rdiiProduced: [t.rdiiFt3 * ucf1, t.rdiiFt3 * ucf2],
    rdiiRatio: t.rainFt3 === 0 ? 0 : t.rdiiFt3 / t.rainFt3,
  };
}
