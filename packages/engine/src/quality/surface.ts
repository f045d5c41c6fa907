// Subcatchment water quality for one runoff step (digest §2.3 item 10, §8.2–8.4): runon
// loads, buildup in dry steps, street sweeping, washoff by land use, co-pollutants, the
// complete-mix balance of ponded water (wet deposition, runon, infiltration, BMP removal),
// LID areas and drains, and the Runoff Quality Continuity terms.
//
// It runs after runoffExecuteStep has finished the whole step. SWMM evaluates quality right
// after each subcatchment's runoff, but the quality of one subcatchment never feeds the
// runoff or quality of another within a step (runon uses previous-step values), so the
// same numbers follow. The step volumes SWMM keeps in globals while a subcatchment is being
// computed (Vinflow, Vinfil, Voutflow, VlidDrain) are rebuilt here from the runoff state
// with the same arithmetic.
import { MIN_RUNOFF_FT_S, L_PER_FT3, SEC_PER_DAY } from '../model/units.js';
import type { RunoffState } from '../hydrology/runoff.js';
import type { LidState } from '../hydrology/lid.js';
import { dateOfElapsedMs } from '../time/datetime.js';
import { buildupAfter, buildupExternal } from './buildup.js';
import {
  BUILDUP_EXT, BUILDUP_NONE, WASHOFF_EMC, WASHOFF_EXP, WASHOFF_NONE, WASHOFF_RC,
} from './quality-input.js';
import {
  LT_BMP, LT_BUILDUP, LT_DEPOSITION, LT_FINAL, LT_INFIL, LT_N, LT_RUNOFF, LT_SWEEPING, type QualityState, type QualSeries,
} from './quality-state.js';
import { calendarDayOfYear } from './calendar.js';

const IMPERV0 = 0;
const PERV = 2;

/** Series value at a date: linear between points, 0 outside the series (SWMM's "no extend"). */
export function seriesValueOrZero(s: QualSeries, cursor: Int32Array, c: number, date: number): number {
  const t = s.t;
  const n = t.length;
  if (n === 0 || date < t[0]! || date > t[n - 1]!) return 0;
  if (n === 1) return s.v[0]!;
  let i = cursor[c]!;
  if (i < 1 || i >= n || t[i - 1]! > date) i = 1;
  while (i < n - 1 && t[i]! < date) i++;
  cursor[c] = i;
  const t1 = t[i - 1]!;
  const t2 = t[i]!;
  if (t2 === t1) return s.v[i]!;
  return s.v[i - 1]! + ((date - t1) * (s.v[i]! - s.v[i - 1]!)) / (t2 - t1);
}

/** New buildup (lb/kg) of land use lu, pollutant p over a land area (ac/ha) and curb length after dtS. */
function buildupStep(q: QualityState, lu: number, p: number, luArea: number, luCurb: number, b: number, dtS: number, newRunoffMs: number): number {
  const i = lu * q.nP + p;
  const func = q.buFunc[i]!;
  if (func === BUILDUP_NONE || dtS === 0) return b;
  const perUnit = q.buPerCurb[i] ? luCurb : luArea;
  if (perUnit === 0) return 0;
  if (func === BUILDUP_EXT) {
    // No external loading before the first step (initial buildup is 0).
    if (newRunoffMs === 0) return 0;
    const s = q.buSeries[i]!;
    const rate = s >= 0 ? q.buC2[i]! * seriesValueOrZero(q.series[s]!, q.seriesCursor, s, dateOfElapsedMs(q.startDateTime, newRunoffMs)) : 0;
    return buildupExternal(q.buC1[i]!, rate, b / perUnit, dtS / SEC_PER_DAY) * perUnit;
  }
  return buildupAfter(func, q.buC1[i]!, q.buC2[i]!, q.buC3[i]!, q.buMaxDays[i]!, b / perUnit, dtS / SEC_PER_DAY) * perUnit;
}

/** Initial buildup of every subcatchment: [LOADINGS] per unit area, else buildup over DRY_DAYS. */
export function surfaceInitState(q: QualityState, ro: RunoffState, dryDays: number): void {
  const { nP, nLu, uf } = q;
  for (let j = 0; j < q.nS; j++) {
    for (let lu = 0; lu < nLu; lu++) {
      q.lastSwept[j * nLu + lu] = q.startDateTime - q.luSweepDays0[lu]!;
      const f = q.landFrac[j * nLu + lu]!;
      const fArea = f * ro.area[j]! * uf.landArea;
      const fCurb = f * q.curb[j]!;
      for (let p = 0; p < nP; p++) {
        const init = q.initLoading[j * nP + p]!;
        const b = init > 0 ? init * fArea : buildupStep(q, lu, p, fArea, fCurb, 0, dryDays * SEC_PER_DAY, 0);
        q.buildup[(j * nLu + lu) * nP + p] = b;
      }
    }
  }
}

/** Average ponded depth over subcatchment j's non-LID area (ft). */
function pondedDepth(ro: RunoffState, j: number): number {
  let d = 0;
  const b = 3 * j;
  for (let i = IMPERV0; i <= PERV; i++) {
    const f = ro.saFArea[b + i]!;
    if (f > 0) d += ro.saDepth[b + i]! * f;
  }
  return d;
}

/** Add runon flow q (cfs) to subcatchment k as the runoff side does (ft/s over its non-LID area). */
function addRunonRate(q: QualityState, ro: RunoffState, k: number, flow: number): void {
  const area = ro.area[k]!;
  if (area <= 0) return;
  const nonLid = area - ro.lidArea[k]!;
  q.runonRate[k] = q.runonRate[k]! + (nonLid > 0 ? flow / nonLid : flow / area);
}

/**
 * Quality part of one runoff step (call right after runoffDriverStep).
 * @param oldStepS length of the previous runoff step (0 on the first)
 * @param oldRunoffMs, newRunoffMs bounds of the step just computed
 */
export function surfaceStep(
  q: QualityState, ro: RunoffState, lids: LidState | null, oldStepS: number, oldRunoffMs: number, newRunoffMs: number,
  sweepStartDay: number, sweepEndDay: number,
): void {
  const { nP, nS } = q;
  const dt = (newRunoffMs - oldRunoffMs) / 1000;
  const LT = q.loadTotals;

  // Old state; newQual is rebuilt below (runon loads are kept apart in runonW).
  q.oldQual.set(q.newQual);
  q.newQual.fill(0);
  q.runonW.fill(0);
  q.runonRate.fill(0);

  // Outfall discharge routed onto subcatchments during the previous step: runon and a load
  // booked as wet deposition.
  if (oldStepS > 0) {
    for (let o = 0; o < q.nOut; o++) {
      const k = q.outfallTarget[o]!;
      if (k < 0 || ro.area[k]! === 0) continue;
      addRunonRate(q, ro, k, q.outfallVRouted[o]! / oldStepS);
      q.outfallVRouted[o] = 0;
      for (let p = 0; p < nP; p++) {
        const w = q.outfallWRouted[o * nP + p]! * L_PER_FT3;
        LT[p * LT_N + LT_DEPOSITION] = LT[p * LT_N + LT_DEPOSITION]! + w * q.mcf[p]!;
        q.runonW[k * nP + p] = q.runonW[k * nP + p]! + w / oldStepS;
        q.outfallWRouted[o * nP + p] = 0;
      }
    }
  }

  // Runon from upstream subcatchments and LID drains (previous-step flows and quality).
  for (let j = 0; j < nS; j++) {
    if (ro.area[j]! === 0) continue;
    const k = ro.outSub[j]!;
    if (k >= 0 && k !== j) {
      const flow = ro.oldRunoff[j]!;
      addRunonRate(q, ro, k, flow);
      for (let p = 0; p < nP; p++) q.runonW[k * nP + p] = q.runonW[k * nP + p]! + flow * q.oldQual[j * nP + p]! * L_PER_FT3;
    }
    if (lids && ro.lidArea[j]! > 0) {
      for (let u = lids.groupStart[j]!; u < lids.groupStart[j + 1]!; u++) {
        const kk = lids.unitDrainSub[u]!;
        if (kk < 0 || kk === j) continue;
        const flow = lids.oldDrain[u]!;
        addRunonRate(q, ro, kk, flow);
        const rm = lids.drainRemoval[lids.unitProc[u]!]!;
        for (let p = 0; p < nP; p++) {
          q.runonW[kk * nP + p] = q.runonW[kk * nP + p]! + flow * q.oldQual[j * nP + p]! * L_PER_FT3 * (1 - (rm[p] ?? 0));
        }
      }
    }
  }

  // Street sweeping window (day of year of the step start).
  const date = dateOfElapsedMs(q.startDateTime, oldRunoffMs);
  const day = calendarDayOfYear(q, date);
  const canSweep = sweepStartDay <= sweepEndDay ? day >= sweepStartDay && day <= sweepEndDay : day <= sweepEndDay || day >= sweepStartDay;

  for (let j = 0; j < nS; j++) {
    if (ro.area[j]! === 0) continue;
    const runoff = ro.totalRunoffFtS[j]!;
    if (runoff < MIN_RUNOFF_FT_S) buildupDry(q, ro, j, dt, newRunoffMs);
    if (canSweep && ro.rainfall[j]! <= MIN_RUNOFF_FT_S) sweep(q, j, date);
    washoff(q, ro, lids, j, runoff, dt);
  }
  for (let j = 0; j < nS; j++) q.depthStart[j] = pondedDepth(ro, j);
}

function buildupDry(q: QualityState, ro: RunoffState, j: number, dt: number, newRunoffMs: number): void {
  const { nP, nLu, uf } = q;
  const LT = q.loadTotals;
  for (let lu = 0; lu < nLu; lu++) {
    const f = q.landFrac[j * nLu + lu]!;
    if (f === 0) continue;
    const area = f * ro.area[j]! * uf.landArea;
    const curb = f * q.curb[j]!;
    for (let p = 0; p < nP; p++) {
      // Snow-only pollutants need snow cover, which this engine does not simulate.
      if (q.snowOnly[p]) continue;
      const i = (j * nLu + lu) * nP + p;
      const old = q.buildup[i]!;
      let b = buildupStep(q, lu, p, area, curb, old, dt, newRunoffMs);
      if (b < old) b = old;
      q.buildup[i] = b;
      LT[p * LT_N + LT_BUILDUP] = LT[p * LT_N + LT_BUILDUP]! + (b - old);
    }
  }
}

function sweep(q: QualityState, j: number, date: number): void {
  const { nP, nLu } = q;
  const LT = q.loadTotals;
  for (let lu = 0; lu < nLu; lu++) {
    if (q.landFrac[j * nLu + lu]! === 0) continue;
    const interval = q.luSweepInterval[lu]!;
    if (interval === 0) continue;
    if (date - q.lastSwept[j * nLu + lu]! < interval) continue;
    q.lastSwept[j * nLu + lu] = date;
    for (let p = 0; p < nP; p++) {
      const i = (j * nLu + lu) * nP + p;
      const old = q.buildup[i]!;
      let b = old * (1 - q.luAvailability[lu]! * q.woSweep[lu * nP + p]!);
      if (b > old) b = old;
      if (b < 0) b = 0;
      q.buildup[i] = b;
      LT[p * LT_N + LT_SWEEPING] = LT[p * LT_N + LT_SWEEPING]! + (old - b);
    }
  }
}

/** Land-use washoff load (concentration mass) of pollutant p over the step. */
function landuseWashoff(q: QualityState, j: number, lu: number, p: number, area: number, runoff: number, vOutflow: number): number {
  const { nP, nLu } = q;
  const i = lu * nP + p;
  const bi = (j * nLu + lu) * nP + p;
  let b = q.buildup[bi]!;
  const luArea = q.landFrac[j * nLu + lu]! * area;
  const func = q.woFunc[i]!;
  const hasBuildupFunc = q.buFunc[i] !== BUILDUP_NONE;
  const mcf = q.mcf[p]!;
  let c = 0;
  if (func !== WASHOFF_NONE && runoff !== 0 && !(hasBuildupFunc && b === 0)) {
    if (func === WASHOFF_EXP) {
      // Washoff rate C1·(runoff in in/hr or mm/hr)^C2·B per hour, as a concentration.
      c = (q.woCoeff[i]! * Math.pow(runoff * q.uf.rainfall, q.woExpon[i]!) * b) / mcf;
      c /= runoff * luArea;
    } else if (func === WASHOFF_RC) {
      c = q.woCoeff[i]! * Math.pow(runoff * luArea, q.woExpon[i]! - 1);
    } else if (func === WASHOFF_EMC) {
      c = q.woCoeff[i]!;
    }
  }
  let w = ((c * vOutflow * luArea) / area) * mcf;
  const LT = q.loadTotals;
  if (hasBuildupFunc || b > w) {
    if (w > b) w = b;
    b -= w;
    q.buildup[bi] = b;
  } else {
    // No buildup to draw from: book the load as buildup so the balance closes.
    LT[p * LT_N + LT_BUILDUP] = LT[p * LT_N + LT_BUILDUP]! + w;
    q.buildup[bi] = 0;
  }
  const bmp = q.woBmp[i]! * w;
  if (bmp > 0) {
    LT[p * LT_N + LT_BMP] = LT[p * LT_N + LT_BMP]! + bmp;
    w -= bmp;
  }
  return w / mcf;
}

/** §8.4: new washoff concentration of subcatchment j and its continuity terms. */
function washoff(q: QualityState, ro: RunoffState, lids: LidState | null, j: number, runoff: number, dt: number): void {
  const { nP, nLu } = q;
  const LT = q.loadTotals;
  const area = ro.area[j]!;
  const lidArea = ro.lidArea[j]!;
  const nonLid = area - lidArea;
  const load = q.outflowLoad;
  load.fill(0);

  // Non-LID runoff volume to the outlet, as the subarea routine accumulates it.
  let vOutflow = 0;
  if (nonLid > 0) {
    const b = 3 * j;
    for (let i = IMPERV0; i <= PERV; i++) {
      const a = nonLid * ro.saFArea[b + i]!;
      if (a <= 0) continue;
      vOutflow += ro.saFOutlet[b + i]! * ro.saRunoff[b + i]! * a * dt;
    }
  }

  // 1. land-use washoff and co-pollutants
  if (runoff >= MIN_RUNOFF_FT_S) {
    for (let lu = 0; lu < nLu; lu++) {
      if (!(q.landFrac[j * nLu + lu]! > 0)) continue;
      for (let p = 0; p < nP; p++) load[p] = load[p]! + landuseWashoff(q, j, lu, p, area, runoff, vOutflow);
    }
    for (let p = 0; p < nP; p++) {
      const k = q.coPollut[p]!;
      if (k < 0) continue;
      const w = q.coFrac[p]! * load[k]!;
      LT[p * LT_N + LT_BUILDUP] = LT[p * LT_N + LT_BUILDUP]! + w * q.mcf[p]!;
      load[p] = load[p]! + w;
    }
  }

  // 2. ponded water on the non-LID area: wet deposition, runon, infiltration, outflow
  let lidInfil = 0;
  if (lids && lidArea > 0) {
    for (let u = lids.groupStart[j]!; u < lids.groupStart[j + 1]!; u++) {
      lidInfil += (lids.wbInfil[u]! - q.lidPrevInfil[u]!) * lids.unitLidArea[u]!;
      q.lidPrevInfil[u] = lids.wbInfil[u]!;
    }
  }
  const rain = ro.rainfall[j]!;
  if (area !== lidArea) {
    // Vinflow: start-of-step ponded water + runon + precipitation on the non-LID subareas.
    let vInflow = q.runonRate[j]! * dt * nonLid + q.depthStart[j]! * nonLid;
    const b = 3 * j;
    for (let i = IMPERV0; i <= PERV; i++) {
      const a = nonLid * ro.saFArea[b + i]!;
      if (a !== 0) vInflow += rain * a * dt;
    }
    const vInfil = ro.infilLoss[j]! * dt * area - lidInfil;
    const vRain = rain * nonLid * dt;
    const depth = pondedDepth(ro, j);
    for (let p = 0; p < nP; p++) {
      const mcf = q.mcf[p]!;
      const wRain = q.cRain[p]! * L_PER_FT3 * vRain;
      LT[p * LT_N + LT_DEPOSITION] = LT[p * LT_N + LT_DEPOSITION]! + wRain * mcf;
      const pi = j * nP + p;
      if (vInflow === 0) {
        // Dry surface without runon: what was ponded stays behind as remaining buildup.
        LT[p * LT_N + LT_FINAL] = LT[p * LT_N + LT_FINAL]! + q.pondedQual[pi]! * mcf;
        q.pondedQual[pi] = 0;
      } else {
        let wPonded = q.pondedQual[pi]! + wRain + q.runonW[pi]! * dt;
        const cPonded = wPonded / vInflow;
        let wInfil = cPonded * vInfil;
        if (wInfil > wPonded) wInfil = wPonded;
        LT[p * LT_N + LT_INFIL] = LT[p * LT_N + LT_INFIL]! + wInfil * mcf;
        wPonded -= wInfil;
        let wOut = cPonded * vOutflow;
        if (wOut > wPonded) wOut = wPonded;
        const bmp = q.avgBmp[pi]! * wOut;
        LT[p * LT_N + LT_BMP] = LT[p * LT_N + LT_BMP]! + bmp * mcf;
        wOut -= bmp;
        q.pondedQual[pi] = cPonded * depth * nonLid;
        load[p] = load[p]! + wOut;
      }
    }
  }

  // 3. wet deposition on LID areas, and runon when LIDs cover the whole subcatchment
  const vLidRain = rain * lidArea * dt;
  const fullLid = area === lidArea;
  if (lidArea > 0) {
    for (let p = 0; p < nP; p++) {
      const wRain = q.cRain[p]! * vLidRain * L_PER_FT3;
      LT[p * LT_N + LT_DEPOSITION] = LT[p * LT_N + LT_DEPOSITION]! + wRain * q.mcf[p]!;
      load[p] = load[p]! + wRain + (fullLid ? q.runonW[j * nP + p]! * dt : 0);
    }
  }

  // 4. outflow concentration: loads over the pre-LID volume, applied to the post-LID volume
  const vLidRunon = fullLid ? q.runonRate[j]! * area * dt : 0;
  const vOut1 = vOutflow + vLidRain + vLidRunon;
  const vSurfOut = ro.newRunoff[j]! * dt;
  const vDrain = lids && lidArea > 0 ? lids.groupNewDrain[j]! * dt : 0;
  const vOut2 = vSurfOut + vDrain;
  const hasOutflow = vOut2 > MIN_RUNOFF_FT_S * area * dt;
  const toNode = ro.outNode[j]! >= 0 || ro.outSub[j] === j;
  for (let p = 0; p < nP; p++) {
    const mcf = q.mcf[p]!;
    let c = vOut1 > 0 ? load[p]! / vOut1 : 0;
    if (lidArea > 0) {
      const m = c * (vOut1 - vOut2) * mcf;
      if (m > 0) LT[p * LT_N + LT_BMP] = LT[p * LT_N + LT_BMP]! + m;
    }
    q.totalLoad[j * nP + p] = q.totalLoad[j * nP + p]! + c * vOut2 * mcf;
    if (toNode) LT[p * LT_N + LT_RUNOFF] = LT[p * LT_N + LT_RUNOFF]! + c * vSurfOut * mcf;
    if (!hasOutflow) c = 0;
    q.newQual[j * nP + p] = c / L_PER_FT3;
  }

  // 5. LID drain loads (drains not returned to the pervious area)
  if (lids && lidArea > 0) {
    for (let u = lids.groupStart[j]!; u < lids.groupStart[j + 1]!; u++) {
      if (lids.unitToPerv[u]) continue;
      const toRunoff = lids.unitDrainNode[u]! >= 0 || lids.unitDrainSub[u] === j;
      const rm = lids.drainRemoval[lids.unitProc[u]!]!;
      const drain = lids.newDrain[u]!;
      for (let p = 0; p < nP; p++) {
        const w = drain * q.newQual[j * nP + p]! * dt * L_PER_FT3 * q.mcf[p]!;
        const r = rm[p] ?? 0;
        LT[p * LT_N + LT_BMP] = LT[p * LT_N + LT_BMP]! + r * w;
        if (toRunoff) LT[p * LT_N + LT_RUNOFF] = LT[p * LT_N + LT_RUNOFF]! + w * (1 - r);
      }
    }
  }
}
