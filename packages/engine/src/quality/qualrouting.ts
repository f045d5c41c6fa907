// Pollutant routing through the conveyance system for one routing step (digest §2.4, §7.13,
// §8.5): lateral mass inflows at the step start, link → node transport, completely mixed
// nodes and storage units with first-order decay and evaporation, treatment, link mixing
// (or plug flow under steady flow), mass leaving the system, and the trapezoidal
// Quality Routing Continuity totals (with SWMM's double-counted write-off, §10.3).
//
// Loads are kept as flow × concentration (cfs·mg/L etc.); concentrations in the pollutant's
// own units. The caller runs, per routing step:
//   qualityBeginRoutingStep  → before lateral inflows (after routingBeginStep)
//   qualityLateralInflows    → with the step-start date and runoff weight
//   qualityRouteStep         → after routingExecuteStep (end-of-step hydraulic state)
import { FLOW_TOL_CFS, L_PER_FT3, MIN_RUNOFF_FT_S, ZERO } from '../model/units.js';
import type { Network } from '../hydraulics/network.js';
import { LINK_CONDUIT, NODE_OUTFALL, NODE_STORAGE, ROUTE_DYNWAVE, ROUTE_STEADY } from '../hydraulics/network.js';
import { XS_DUMMY } from '../hydraulics/xsect.js';
import { storageAreaFt2 } from '../hydraulics/nodes.js';
import { dwfInflowCfs, externalInflowCfs, type LateralInflows } from '../hydraulics/inflows.js';
import type { RunoffState } from '../hydrology/runoff.js';
import type { LidState } from '../hydrology/lid.js';
import { calendarMonth0, dayOfWeek0, hour0 } from './calendar.js';
import { seriesValueOrZero } from './surface.js';
import {
  QT_DW, QT_EX, QT_FINAL, QT_FLOOD, QT_GW, QT_II, QT_N, QT_OUT, QT_REACTED, QT_SEEP, QT_WW, type QualityState,
} from './quality-state.js';
import {
  TV_AREA, TV_DEPTH, TV_DT, TV_FLOW, TV_HRT, treatmentApply, treatmentHasExpression, treatmentSetInflow,
} from './treatment.js';

/** 1 litre in ft³: below it a node or link counts as empty. */
export const ZERO_VOLUME_FT3 = 0.0353147;
/** 1 mm in ft: below it a node or link counts as dry. */
export const ZERO_DEPTH_FT = 0.003281;

const PAT_SLOTS = 24;

/** Factor of pattern k (by its own type) for a month/day/hour; 1 without a pattern. */
export function qualPatternFactor(q: QualityState, k: number, month: number, day: number, hour: number): number {
  if (k < 0) return 1;
  const b = k * PAT_SLOTS;
  switch (q.patType[k]) {
    case 0: return q.patFactor[b + month]!;
    case 1: return q.patFactor[b + day]!;
    case 2: return q.patFactor[b + hour]!;
    case 3: return day === 0 || day === 6 ? q.patFactor[b + hour]! : 1;
    default: return 1;
  }
}

/** Half of a step's rates into the totals (the write-off is added whole each time, as SWMM does). */
function totalsHalfStep(q: QualityState, halfDt: number): void {
  const T = q.qualTotals;
  const S = q.stepQual;
  for (let i = 0; i < T.length; i++) {
    T[i] = T[i]! + ((i % QT_N) === QT_FINAL ? S[i]! : S[i]! * halfDt);
  }
}

/** Start of a routing step: previous rates over half the step, step totals reset, old ← new quality. */
export function qualityBeginRoutingStep(q: QualityState, dtS: number): void {
  totalsHalfStep(q, dtS / 2);
  q.stepQual.fill(0);
  q.nodeOldQual.set(q.nodeNewQual);
  q.nodeNewQual.fill(0);
  q.linkOldQual.set(q.linkNewQual);
  q.linkNewQual.fill(0);
}

function addLoad(q: QualityState, node: number, p: number, w: number, category: number): void {
  const i = node * q.nP + p;
  q.nodeNewQual[i] = q.nodeNewQual[i]! + w;
  const s = p * QT_N + category;
  q.stepQual[s] = q.stepQual[s]! + w;
}

/**
 * Lateral pollutant mass inflows at the start of the step (§7.13): external inflows, DWF,
 * runoff washoff and LID drains, in SWMM's order.
 * @param date step-start date-time; @param f runoff interpolation weight (clipped here)
 */
export function qualityLateralInflows(
  q: QualityState, net: Network, inflows: LateralInflows | null, date: number, f: number,
  ro: RunoffState | null, lids: LidState | null,
): void {
  const nP = q.nP;
  // ---- external inflows: CONCEN × the node's FLOW inflow (plus outfall backflow), MASS as given
  if (inflows && q.extNode.length > 0) {
    const month = calendarMonth0(q, date);
    const day = dayOfWeek0(date);
    const hour = hour0(date);
    for (let e = 0; e < q.extNode.length; e++) {
      const node = q.extNode[e]!;
      const fe = q.extFlowEntry[e]!;
      let flow = fe >= 0 ? externalInflowCfs(inflows, fe, date) : 0;
      if (Math.abs(flow) < FLOW_TOL_CFS) flow = 0;
      if (flow < 0) continue; // a withdrawal carries no pollutant in
      if (net.nodeType[node] === NODE_OUTFALL && net.nodeOldNetInflow[node]! < 0) flow -= net.nodeOldNetInflow[node]!;
      for (let k = q.extPolStart[e]!; k < q.extPolStart[e + 1]!; k++) {
        const s = q.extSeries[k]!;
        const tsv = s >= 0 ? seriesValueOrZero(q.series[s]!, q.seriesCursor, s, date) * q.extSFactor[k]! : 0;
        const blv = q.extBaseline[k]! * qualPatternFactor(q, q.extPattern[k]!, month, day, hour);
        let w = q.extCf[k]! * (tsv + blv);
        if (q.extIsConcen[k]) w *= flow;
        addLoad(q, node, q.extPol[k]!, w, QT_EX);
      }
    }
  }

  // ---- dry weather inflow: default pollutant concentrations, replaced by explicit DWF lines
  if (inflows && inflows.nDwf > 0) {
    const month = calendarMonth0(q, date);
    const day = dayOfWeek0(date);
    const hour = hour0(date);
    for (let k = 0; k < inflows.nDwf; k++) {
      let flow = dwfInflowCfs(inflows, k, month, day, hour);
      if (Math.abs(flow) < FLOW_TOL_CFS) flow = 0;
      if (flow <= 0) continue;
      const node = inflows.dwfNode[k]!;
      for (let p = 0; p < nP; p++) if (q.cDwf[p]! > 0) addLoad(q, node, p, flow * q.cDwf[p]!, QT_DW);
      for (let e = q.dwfPolStart[k]!; e < q.dwfPolStart[k + 1]!; e++) {
        const p = q.dwfPol[e]!;
        const b = 4 * e;
        let fac = qualPatternFactor(q, q.dwfPat[b]!, month, day, hour) * qualPatternFactor(q, q.dwfPat[b + 1]!, month, day, hour);
        const hourly = q.dwfPat[b + 2]!;
        const weekend = q.dwfPat[b + 3]!;
        if (weekend >= 0) {
          if (day === 0 || day === 6) fac *= qualPatternFactor(q, weekend, month, day, hour);
          else if (hourly >= 0) fac *= qualPatternFactor(q, hourly, month, day, hour);
        } else if (hourly >= 0) fac *= qualPatternFactor(q, hourly, month, day, hour);
        addLoad(q, node, p, flow * fac * q.dwfAvg[e]!, QT_DW);
        if (q.cDwf[p]! > 0) addLoad(q, node, p, -flow * q.cDwf[p]!, QT_DW);
      }
    }
  }

  if (!ro) return;
  if (f < 0) f = 0;
  else if (f > 1) f = 1;
  const f1 = 1 - f;
  // ---- runoff washoff, interpolated like the runoff itself (§2.6)
  for (let j = 0; j < ro.n; j++) {
    const node = ro.outNode[j]!;
    if (node < 0) continue;
    for (let p = 0; p < nP; p++) {
      const w = f1 * ro.oldRunoff[j]! * q.oldQual[j * nP + p]! + f * ro.newRunoff[j]! * q.newQual[j * nP + p]!;
      addLoad(q, node, p, w, QT_WW);
    }
  }
  // ---- LID drains to nodes, with the subcatchment's washoff quality less the drain removal
  if (lids) {
    for (let j = 0; j < ro.n; j++) {
      if (!(ro.area[j]! > 0 && ro.lidArea[j]! > 0)) continue;
      for (let u = lids.groupStart[j]!; u < lids.groupStart[j + 1]!; u++) {
        const node = lids.unitDrainNode[u]!;
        if (node < 0) continue;
        const rm = lids.drainRemoval[lids.unitProc[u]!]!;
        for (let p = 0; p < nP; p++) {
          const w1 = lids.oldDrain[u]! * q.oldQual[j * nP + p]!;
          const w2 = lids.newDrain[u]! * q.newQual[j * nP + p]!;
          addLoad(q, node, p, (f1 * w1 + f * w2) * (1 - (rm[p] ?? 0)), QT_WW);
        }
      }
    }
  }
}

/**
 * Groundwater lateral inflow q (cfs) into a node: loads q·Cgw of every pollutant (positive flow only).
 * For the groundwater integration to call with the same q it adds as lateral inflow (after the
 * FLOW_TOL cut), after routingBeginStep/qualityBeginRoutingStep and before routingExecuteStep.
 */
export function qualityGroundwaterLoad(q: QualityState, node: number, flowCfs: number): void {
  if (!(flowCfs > 0)) return;
  for (let p = 0; p < q.nP; p++) addLoad(q, node, p, flowCfs * q.cGw[p]!, QT_GW);
}

/** RDII inflow q (cfs) into a node: loads q·Crdii of every pollutant (positive flow only). */
export function qualityRdiiLoad(q: QualityState, node: number, flowCfs: number): void {
  if (!(flowCfs > 0)) return;
  for (let p = 0; p < q.nP; p++) addLoad(q, node, p, flowCfs * q.cRdii[p]!, QT_II);
}

/** Completely mixed reactor: contents c in volume v1 mixed with inflow (mass rate w, flow qIn) over dt. */
function mixed(c: number, v1: number, w: number, qIn: number, dt: number): number {
  if (qIn <= ZERO) return c;
  const vIn = qIn * dt;
  const cIn = (w * dt) / vIn;
  const cMax = c > cIn ? c : cIn;
  let m = (c * v1 + w * dt) / (v1 + vIn);
  if (m > cMax) m = cMax;
  if (m < 0) m = 0;
  return m;
}

/** First-order decay of pollutant p in volume v1 over dt; the reacted mass rate goes to the totals. */
function reacted(q: QualityState, p: number, c: number, v1: number, dt: number): number {
  const k = q.kDecay[p]!;
  if (k === 0) return c;
  let c2 = c * (1 - k * dt);
  if (c2 < 0) c2 = 0;
  const s = p * QT_N + QT_REACTED;
  q.stepQual[s] = q.stepQual[s]! + ((c - c2) * v1) / dt;
  return c2;
}

function addStep(q: QualityState, p: number, category: number, w: number): void {
  const s = p * QT_N + category;
  q.stepQual[s] = q.stepQual[s]! + w;
}

/** Storage units and nodes holding water at the start of the step. */
function storageQual(q: QualityState, net: Network, i: number, dt: number): void {
  const nP = q.nP;
  const qIn = net.nodeInflow[i]!;
  const v1 = net.nodeOldVolume[i]!;
  let qExfil = 0;
  let fEvap = 1;
  if (net.nodeType[i] === NODE_STORAGE) {
    const k = net.nodeSub[i]!;
    // Hydraulic residence time (water age), used by treatment expressions.
    const hrt = v1 < ZERO ? 0 : ((q.storageHrt[k]! + dt) * v1) / (v1 + qIn * dt);
    q.storageHrt[k] = hrt > 0 ? hrt : 0;
    qExfil = net.storageExfilLossFt3[k]! / dt;
    const vEvap = net.storageEvapLossFt3[k]!;
    // Evaporation concentrates what stays (not when the unit is nearly empty).
    if (vEvap > 0 && v1 > ZERO_VOLUME_FT3) fEvap += vEvap / v1;
  }
  const t = q.treat;
  const base = i * nP;
  const dry = (net.nodeNewVolume[i]! <= ZERO_VOLUME_FT3 || net.nodeNewDepth[i]! <= ZERO_DEPTH_FT) && qIn <= ZERO;
  for (let p = 0; p < nP; p++) {
    let c1 = q.nodeOldQual[base + p]!;
    addStep(q, p, QT_SEEP, qExfil * c1);
    c1 *= fEvap;
    if (!t || !treatmentHasExpression(t, i, p)) c1 = reacted(q, p, c1, v1, dt);
    let c2 = mixed(c1, v1, q.nodeNewQual[base + p]!, qIn, dt);
    if (dry) {
      addStep(q, p, QT_FINAL, c2 * net.nodeNewVolume[i]!);
      c2 = 0;
    }
    q.nodeNewQual[base + p] = c2;
  }
}

/** Nodes without storage: flow-weighted inflow concentration, or unchanged while wet without inflow. */
function nodeQual(q: QualityState, net: Network, i: number): void {
  const nP = q.nP;
  const base = i * nP;
  const qIn = net.nodeInflow[i]!;
  if (qIn > ZERO) {
    for (let p = 0; p < nP; p++) q.nodeNewQual[base + p] = q.nodeNewQual[base + p]! / qIn;
  } else {
    const wet = net.nodeNewDepth[i]! > ZERO_DEPTH_FT;
    for (let p = 0; p < nP; p++) q.nodeNewQual[base + p] = wet ? q.nodeOldQual[base + p]! : 0;
  }
}

function linkQual(q: QualityState, net: Network, j: number, dt: number): void {
  const nP = q.nP;
  const lb = j * nP;
  let up = net.linkNode1[j]!;
  if (net.linkNewFlow[j]! < 0) up = net.linkNode2[j]!;
  // Links that hold no water take the quality of their upstream node.
  if (net.linkType[j] !== LINK_CONDUIT || net.linkShape[j] === XS_DUMMY) {
    for (let p = 0; p < nP; p++) q.linkNewQual[lb + p] = q.nodeNewQual[up * nP + p]!;
    return;
  }
  const k = net.linkSub[j]!;
  const barrels = net.conduitBarrels[k]!;
  let qIn = Math.abs(net.conduitQ1[k]!) * barrels;
  const qSeep = net.conduitSeepLossRate[k]! * barrels;
  const vEvap = net.conduitEvapLossRate[k]! * barrels * dt;
  const v1 = net.linkOldVolume[j]!;
  const v2 = net.linkNewVolume[j]!;
  let fEvap = 1;
  if (vEvap > 0 && v1 > ZERO_VOLUME_FT3) fEvap += vEvap / v1;

  if (net.routeModel === ROUTE_STEADY) {
    // Plug flow over one step from the upstream end (node 1 whatever the flow sign).
    const n1 = net.linkNode1[j]!;
    for (let p = 0; p < nP; p++) {
      let c1 = q.nodeNewQual[n1 * nP + p]!;
      addStep(q, p, QT_SEEP, qSeep * c1);
      c1 *= fEvap;
      let c2 = c1;
      const kd = q.kDecay[p]!;
      if (kd > 0) {
        c2 = c1 * Math.exp(-kd * dt);
        if (c2 < 0) c2 = 0;
        addStep(q, p, QT_REACTED, (c1 - c2) * net.linkNewFlow[j]!);
      }
      q.linkNewQual[lb + p] = c2;
    }
    return;
  }

  // Dynamic wave has one flow per conduit: infer the inflow from the volume change.
  if (net.routeModel === ROUTE_DYNWAVE) {
    qIn += (v2 + (qSeep * dt + vEvap) - v1) / dt;
    if (qIn < 0) qIn = 0;
  }
  const dry = v2 < ZERO_VOLUME_FT3 || net.linkNewDepth[j]! <= ZERO_DEPTH_FT;
  for (let p = 0; p < nP; p++) {
    let c1 = q.linkOldQual[lb + p]!;
    addStep(q, p, QT_SEEP, qSeep * c1);
    c1 *= fEvap;
    let c2 = reacted(q, p, c1, v1, dt);
    c2 = mixed(c2, v1, q.nodeNewQual[up * nP + p]! * qIn, qIn, dt);
    if (dry) {
      addStep(q, p, QT_FINAL, c2 * v2);
      c2 = 0;
    }
    q.linkNewQual[lb + p] = c2;
  }
}

/** System outflow of node i this step (cfs) and whether it is flooding (as the routing counts it). */
function systemOutflow(net: Network, i: number): number {
  const t = net.nodeType[i];
  if (t === NODE_OUTFALL) return net.nodeInflow[i]!;
  if (net.nodeDegree[i] === 0 && net.routeModel !== ROUTE_DYNWAVE && t !== NODE_STORAGE) return net.nodeInflow[i]!;
  return net.nodeNewVolume[i]! <= net.nodeFullVolumeFt3[i]! ? net.nodeOverflow[i]! : 0;
}

function isFlooding(net: Network, i: number): boolean {
  const t = net.nodeType[i];
  if (t === NODE_OUTFALL) return false;
  return !(net.nodeDegree[i] === 0 && net.routeModel !== ROUTE_DYNWAVE && t !== NODE_STORAGE);
}

/**
 * Route quality over the step just solved hydraulically, remove what leaves the system and
 * close the step's continuity half step.
 * @param inReport the step ends at/after the report start (outfall loads are counted then)
 */
export function qualityRouteStep(q: QualityState, net: Network, dtS: number, inReport: boolean): void {
  const nP = q.nP;
  const acc = q.nodeNewQual;

  // 1. what each link carries into its downstream node (start-of-step link quality)
  for (let j = 0; j < net.nLinks; j++) {
    let flow = net.linkNewFlow[j]!;
    let down = net.linkNode2[j]!;
    if (flow < 0) down = net.linkNode1[j]!;
    flow = Math.abs(flow);
    for (let p = 0; p < nP; p++) {
      const w = flow * q.linkOldQual[j * nP + p]!;
      acc[down * nP + p] = acc[down * nP + p]! + w;
      q.linkTotalLoad[j * nP + p] = q.linkTotalLoad[j * nP + p]! + w * dtS;
    }
  }

  // 2. nodes
  const t = q.treat;
  for (let i = 0; i < net.nNodes; i++) {
    const qIn = net.nodeInflow[i]!;
    const treated = t !== null && t.nodeSlot[i]! >= 0;
    const qT = qIn < ZERO ? 0 : qIn;
    if (treated) treatmentSetInflow(t!, qT, acc, i * nP);
    if (net.nodeType[i] === NODE_STORAGE || net.nodeOldVolume[i]! > ZERO_VOLUME_FT3) storageQual(q, net, i, dtS);
    else nodeQual(q, net, i);
    if (treated) {
      const v = t!.vars;
      const isStorage = net.nodeType[i] === NODE_STORAGE;
      v[TV_HRT] = isStorage ? q.storageHrt[net.nodeSub[i]!]! / 3600 : 0;
      v[TV_DT] = dtS;
      v[TV_FLOW] = qT * q.uf.flow;
      v[TV_DEPTH] = ((net.nodeOldDepth[i]! + net.nodeNewDepth[i]!) / 2) * q.uf.length;
      v[TV_AREA] = isStorage
        ? ((storageAreaFt2(net, i, net.nodeOldDepth[i]!) + storageAreaFt2(net, i, net.nodeNewDepth[i]!)) / 2) * q.uf.length * q.uf.length
        : 0;
      treatmentApply(t!, i, qT, dtS, acc, q.nodeOldQual, i * nP, net.nodeOldVolume[i]!, q.stepQual, QT_N, QT_REACTED);
    }
  }

  // 3. links
  for (let j = 0; j < net.nLinks; j++) linkQual(q, net, j, dtS);

  // 4. mass leaving the system (outfalls, flooding, withdrawals) and outfall runon loads
  for (let i = 0; i < net.nNodes; i++) {
    const base = i * nP;
    if (net.nodeType[i] === NODE_OUTFALL) {
      const o = net.nodeSub[i]!;
      const inflow = net.nodeInflow[i]!;
      if (inflow > 0 && q.outfallTarget[o]! >= 0) {
        const v = inflow * dtS;
        q.outfallVRouted[o] = q.outfallVRouted[o]! + v;
        for (let p = 0; p < nP; p++) q.outfallWRouted[o * nP + p] = q.outfallWRouted[o * nP + p]! + acc[base + p]! * v;
      }
      if (inReport && net.nLinks > 0) {
        for (let p = 0; p < nP; p++) q.outfallLoad[o * nP + p] = q.outfallLoad[o * nP + p]! + inflow * acc[base + p]! * dtS;
      }
    }
    const out = systemOutflow(net, i);
    if (out > 0) {
      const cat = isFlooding(net, i) ? QT_FLOOD : QT_OUT;
      for (let p = 0; p < nP; p++) {
        const w = out * acc[base + p]!;
        if (w >= 0) addStep(q, p, cat, w);
        else addStep(q, p, QT_EX, -w);
      }
    }
    const lat = net.nodeNewLatFlow[i]!;
    if (lat < 0) for (let p = 0; p < nP; p++) addStep(q, p, QT_OUT, -lat * acc[base + p]!);
  }

  totalsHalfStep(q, dtS / 2);
  q.routingSteps++;
}

/** Mass (ft³·concentration) stored in nodes and links (links left out under steady flow). */
export function storedMass(q: QualityState, net: Network, p: number): number {
  const nP = q.nP;
  let m = 0;
  for (let i = 0; i < net.nNodes; i++) m += net.nodeNewVolume[i]! * q.nodeNewQual[i * nP + p]!;
  if (net.routeModel !== ROUTE_STEADY) for (let j = 0; j < net.nLinks; j++) m += net.linkNewVolume[j]! * q.linkNewQual[j * nP + p]!;
  return m;
}

/** Node (nNodes·nP) and link (nLinks·nP) concentrations interpolated to a reporting time (§2.6). */
export function qualityNetworkReportValues(
  q: QualityState, net: Network, oldTimeMs: number, newTimeMs: number, reportMs: number, nodeOut: Float32Array, linkOut: Float32Array,
): void {
  const span = newTimeMs - oldTimeMs;
  const f = span > 0 ? (reportMs - oldTimeMs) / span : 1;
  const f1 = 1 - f;
  const nNode = net.nNodes * q.nP;
  for (let i = 0; i < nNode; i++) nodeOut[i] = f1 * q.nodeOldQual[i]! + f * q.nodeNewQual[i]!;
  const nLink = net.nLinks * q.nP;
  for (let i = 0; i < nLink; i++) linkOut[i] = f1 * q.linkOldQual[i]! + f * q.linkNewQual[i]!;
}

/**
 * Subcatchment washoff concentrations (nS·nP) at weight f of the last runoff step (not clipped):
 * 0 where the reported runoff (surface + LID drains) is below MIN_RUNOFF.
 */
export function qualitySubcatchReportValues(q: QualityState, ro: RunoffState, lids: LidState | null, f: number, out: Float32Array): void {
  const nP = q.nP;
  const f1 = 1 - f;
  for (let j = 0; j < ro.n; j++) {
    let runoff = f1 * ro.oldRunoff[j]! + f * ro.newRunoff[j]!;
    if (lids && ro.lidArea[j]! > 0) runoff += f1 * lids.groupOldDrain[j]! + f * lids.groupNewDrain[j]!;
    if (runoff < MIN_RUNOFF_FT_S * ro.area[j]!) runoff = 0;
    for (let p = 0; p < nP; p++) {
      out[j * nP + p] = runoff === 0 ? 0 : f1 * q.oldQual[j * nP + p]! + f * q.newQual[j * nP + p]!;
    }
  }
}

/** Mass unit conversion of routed totals: 28.317 L/ft³ × mass factor. */
export function routedMassFactor(q: QualityState, p: number): number {
  return L_PER_FT3 * q.mcf[p]!;
}
