// Dynamic wave flow routing (digest §7.7): network preparation for DW (conduit reversal,
// lengthening, force mains, node degrees, crown elevations, initial depths), one routing
// step of Picard iterations over conduit momentum / non-conduit link flows / node depths,
// the variable (Courant) time step, and the DW statistics.
//
// Use, per run:
//   const dw = createDynwave(net, model).dw      // after buildNetwork, before createRouting
//   per step: dtS = dynwaveRoutingStep(net, dw, fixedStepS)  (then rule/end truncations)
//             ... routingBeginStep, lateral inflows, settings, storage losses ...
//             dynwaveExecute(net, dw, dtS, loss, endElapsedMs, endDate)
//             dynwaveUpdateStats(net, dw, dtS, counted)
// No allocation per step: every loop is over typed-array columns.
import type { Model } from '../model/types.js';
import type { Network } from './network.js';
import type { LossInputs } from './kinwave.js';
import {
  NODE_OUTFALL, NODE_STORAGE, NODE_JUNCTION, NODE_DIVIDER, LINK_CONDUIT, LINK_PUMP, LINK_ORIFICE, LINK_WEIR, LINK_OUTLET,
  PUMP_TYPE1, PUMP_TYPE2, PUMP_TYPE3, PUMP_TYPE4, FLOW_DRY, FLOW_UP_CRITICAL, FLOW_DN_CRITICAL,
  conduitNormalDepth,
} from './network.js';
import { nodeVolumeFt3, storageAreaFt2, outfallDepthFt } from './nodes.js';
import { pumpFlow, orificeFlow, weirFlow, outletFlow, dividerOutflow } from './structures.js';
import { xsectAreaOfDepth, xsectCriticalDepth, xsectWidthOfDepth, XS_DUMMY, XS_FORCE_MAIN } from './xsect.js';
import { culvertCodeSupported } from './culvert.js';
import { forceMainEquivN, FM_DARCY_WEISBACH } from './forcemain.js';
import { dwConduitFlow } from './dynwave-link.js';
import {
  allocDynwaveState, dynwaveOptionsOf, SURCHARGE_EXTRAN, STEP_BINS, type DynwaveOptions, type DynwaveState,
} from './dynwave-state.js';
import { FUDGE, GRAVITY_FT_S2, PHI_MANNING } from '../model/units.js';

export * from './dynwave-state.js';

/** Steps shorter than this (s) are never made variable. */
const MIN_TIME_STEP_S = 0.001;
/** Under-relaxation weight of the Picard iterations. */
const OMEGA = 0.5;

function isTrueConduit(net: Network, j: number): boolean {
  return net.linkType[j] === LINK_CONDUIT && net.linkShape[j] !== XS_DUMMY;
}

// ================================================================ initialization

export interface CreateDynwaveResult {
  dw: DynwaveState;
  warnings: string[];
}

/**
 * Prepare a built network for dynamic wave routing and create its DW state (digest §7.1,
 * §7.2 steps 3–5, §7.7.1). Must run once, after buildNetwork and before createRouting
 * (which records the initial stored volume). Pass `opt` to override the model's options.
 */
export function createDynwave(net: Network, model: Model, opt?: DynwaveOptions): CreateDynwaveResult {
  const o = opt ?? dynwaveOptionsOf(model);
  const dw = allocDynwaveState(net, o);
  const warnings: string[] = [];
  const u = net.ucf;

  // ---- per-conduit DW data: culvert codes, force mains
  for (let k = 0; k < net.nConduits; k++) {
    const j = net.conduitLink[k]!;
    const code = model.links[j]?.xsect?.culvertCode ?? 0;
    if (code > 0) {
      if (culvertCodeSupported(code)) dw.conduitCulvertCode[k] = code;
      else warnings.push(`WARNING: culvert code ${code} of Conduit ${net.linkNames[j]!} has no inlet-control data; inlet control ignored`);
    }
    const xs = net.linkXsect[j];
    if (xs && net.linkShape[j] === XS_FORCE_MAIN) {
      dw.conduitIsForceMain[k] = 1;
      // D-W roughness height is entered in inches (US) or mm (SI).
      dw.conduitFmCoeff[k] = o.forceMainEqn === FM_DARCY_WEISBACH ? xs.fmCoeff / u.rainDepth : xs.fmCoeff;
    }
  }

  // ---- node degrees, counted in the user's orientation (before reversal)
  const deg = net.nodeDegree;
  deg.fill(0);
  for (let j = 0; j < net.nLinks; j++) {
    const n1 = net.linkNode1[j]!;
    const n2 = net.linkNode2[j]!;
    if (net.nodeType[n1] === NODE_OUTFALL) deg[n2]!++;
    else deg[n1]!++;
  }

  // ---- reverse adverse conduits, then force-main roughness and lengthening
  for (let k = 0; k < net.nConduits; k++) {
    const j = net.conduitLink[k]!;
    if (net.linkShape[j] === XS_DUMMY) continue;
    if (net.conduitSlope[k]! < 0) reverseConduit(net, j, k);
    conduitDwParams(net, dw, j, k);
  }

  // ---- nodes that receive no link flow are upstream terminals: negate their degree
  const receives = new Uint8Array(net.nNodes);
  for (let j = 0; j < net.nLinks; j++) {
    const n1 = net.linkNode1[j]!;
    receives[net.nodeType[n1] === NODE_OUTFALL ? n1 : net.linkNode2[j]!] = 1;
  }
  for (let i = 0; i < net.nNodes; i++) if (!receives[i]) deg[i] = -deg[i]!;

  // ---- crown elevations over all connected links
  for (let i = 0; i < net.nNodes; i++) net.nodeCrownElevFt[i] = net.nodeInvertFt[i]!;
  for (let j = 0; j < net.nLinks; j++) {
    const xs = net.linkXsect[j];
    const yFull = xs ? xs.yFull : 0;
    const n1 = net.linkNode1[j]!;
    const n2 = net.linkNode2[j]!;
    net.nodeCrownElevFt[n1] = Math.max(net.nodeCrownElevFt[n1]!, net.nodeInvertFt[n1]! + net.linkOffset1Ft[j]! + yFull);
    net.nodeCrownElevFt[n2] = Math.max(net.nodeCrownElevFt[n2]!, net.nodeInvertFt[n2]! + net.linkOffset2Ft[j]! + yFull);
  }

  initDwState(net, dw);
  return { dw, warnings };
}

/** Swap a conduit's ends so that it slopes downhill (direction −1 remembers the user's orientation). */
function reverseConduit(net: Network, j: number, k: number): void {
  const n1 = net.linkNode1[j]!;
  net.linkNode1[j] = net.linkNode2[j]!;
  net.linkNode2[j] = n1;
  const off = net.linkOffset1Ft[j]!;
  net.linkOffset1Ft[j] = net.linkOffset2Ft[j]!;
  net.linkOffset2Ft[j] = off;
  const kin = net.conduitLossInlet[k]!;
  net.conduitLossInlet[k] = net.conduitLossOutlet[k]!;
  net.conduitLossOutlet[k] = kin;
  net.conduitSlope[k] = -net.conduitSlope[k]!;
  net.conduitQ0Cfs[k] = -net.conduitQ0Cfs[k]!;
  net.linkDirection[j] = -1;
}

/** Force-main equivalent roughness and conduit lengthening (digest §7.2 steps 4–7). */
function conduitDwParams(net: Network, dw: DynwaveState, j: number, k: number): void {
  const xs = net.linkXsect[j]!;
  const slope = Math.abs(net.conduitSlope[k]!);
  let n = net.conduitRoughness[k]!;
  const meander = xs.transect && xs.transect.lengthFactor > 0 ? xs.transect.lengthFactor : 1;
  if (xs.transect) n *= Math.sqrt(meander);
  if (dw.conduitIsForceMain[k]) {
    n = forceMainEquivN(dw.opt.forceMainEqn, dw.conduitFmCoeff[k]!, xs.yFull, slope);
    net.conduitBeta[k] = (PHI_MANNING * Math.sqrt(slope)) / n;
    net.linkQFullCfs[j] = xs.sFull * net.conduitBeta[k]!;
    net.conduitQMaxCfs[k] = xs.sMax * net.conduitBeta[k]!;
  }
  let roughFactor = GRAVITY_FT_S2 * (n / PHI_MANNING) * (n / PHI_MANNING);
  const lengthActual = net.conduitActualLengthFt[k]!;
  net.conduitModLengthFt[k] = net.conduitLengthFt[k]!;
  const tLen = dw.opt.lengtheningStepS;
  if (tLen > 0) {
    const yh = xs.isOpen ? xs.aFull / xsectWidthOfDepth(xs, xs.yFull) : xs.yFull;
    const vFull = ((PHI_MANNING / n) * xs.sFull * Math.sqrt(slope)) / xs.aFull;
    const factor = Math.max(1, ((Math.sqrt(GRAVITY_FT_S2 * yh) + vFull) * Math.min(dw.opt.routeStepS, tLen)) / lengthActual);
    if (factor !== 1) {
      net.conduitModLengthFt[k] = factor * lengthActual;
      // S/factor and n/√factor keep β while the friction factor shrinks by 1/factor.
      roughFactor /= factor;
    }
  }
  net.conduitRoughFactor[k] = roughFactor;
}

/** Initial DW node and link state (digest §7.7.1). */
function initDwState(net: Network, dw: DynwaveState): void {
  const nN = net.nNodes;
  const nL = net.nLinks;
  // Initial conduit flows (possibly reversed) and their normal depths.
  for (let j = 0; j < nL; j++) {
    net.linkFlowClass[j] = FLOW_DRY;
    net.linkDqDh[j] = 0;
    if (net.linkType[j] !== LINK_CONDUIT) {
      net.linkNewDepth[j] = 0;
      continue;
    }
    const k = net.linkSub[j]!;
    const q0 = net.conduitQ0Cfs[k]!;
    net.linkNewFlow[j] = q0;
    net.linkOldFlow[j] = q0;
    net.linkNewDepth[j] = conduitNormalDepth(net, j, q0 / net.conduitBarrels[k]!);
  }
  // Junction / divider depths without a user value: average of (link depth + offset1) over
  // every connected link ([as-is] offset1 used at both ends).
  const sum = new Float64Array(nN);
  const cnt = new Int32Array(nN);
  for (let j = 0; j < nL; j++) {
    const y = net.linkNewDepth[j]!;
    const v = y > FUDGE ? y + net.linkOffset1Ft[j]! : 0;
    const n1 = net.linkNode1[j]!;
    const n2 = net.linkNode2[j]!;
    sum[n1] = sum[n1]! + v;
    cnt[n1]!++;
    sum[n2] = sum[n2]! + v;
    cnt[n2]!++;
  }
  for (let i = 0; i < nN; i++) {
    const t = net.nodeType[i];
    if ((t === NODE_JUNCTION || t === NODE_DIVIDER) && net.nodeInitDepthFt[i] === 0 && cnt[i]! > 0) {
      net.nodeNewDepth[i] = sum[i]! / cnt[i]!;
    }
  }
  // Outfall depths from their boundary conditions and the initial link flows.
  setOutfallDepths(net, 0, net.startDateTime);
  // Conduits without an initial flow: average of the end depths.
  for (let j = 0; j < nL; j++) {
    if (!isTrueConduit(net, j)) continue;
    const k = net.linkSub[j]!;
    if (net.conduitQ0Cfs[k] !== 0) continue;
    const yFull = net.linkXsect[j]!.yFull;
    const y1 = Math.min(Math.max(net.nodeNewDepth[net.linkNode1[j]!]! - net.linkOffset1Ft[j]!, 0), yFull);
    const y2 = Math.min(Math.max(net.nodeNewDepth[net.linkNode2[j]!]! - net.linkOffset2Ft[j]!, 0), yFull);
    net.linkNewDepth[j] = Math.max(0.5 * (y1 + y2), FUDGE);
  }
  for (let j = 0; j < nL; j++) {
    net.linkOldDepth[j] = net.linkNewDepth[j]!;
    net.linkNewVolume[j] = 0;
    if (net.linkType[j] !== LINK_CONDUIT) continue;
    const k = net.linkSub[j]!;
    const b = net.conduitBarrels[k]!;
    const q1 = net.linkNewFlow[j]! / b;
    net.conduitQ1[k] = q1;
    net.conduitQ2[k] = q1;
    const xs = net.linkXsect[j];
    const a = xs && net.linkShape[j] !== XS_DUMMY ? xsectAreaOfDepth(xs, net.linkNewDepth[j]!) : 0;
    net.conduitA1[k] = a;
    net.conduitA2[k] = a;
    dw.conduitAOld[k] = a;
    net.linkNewVolume[j] = a * net.conduitActualLengthFt[k]! * b;
    net.linkOldVolume[j] = net.linkNewVolume[j]!;
  }
  // Node volumes (ponded above full depth), inflow/outflow from the initial link flows.
  for (let i = 0; i < nN; i++) {
    const d = net.nodeNewDepth[i]!;
    net.nodeOldDepth[i] = d;
    const full = net.nodeFullDepthFt[i]!;
    const v = net.allowPonding && net.nodePondedAreaFt2[i]! > 0 && d > full
      ? net.nodeFullVolumeFt3[i]! + (d - full) * net.nodePondedAreaFt2[i]!
      : nodeVolumeFt3(net, i, d);
    net.nodeNewVolume[i] = v;
    net.nodeOldVolume[i] = v;
    net.nodeInflow[i] = net.nodeNewLatFlow[i]!;
    net.nodeOutflow[i] = 0;
    net.nodeOverflow[i] = 0;
  }
  for (let j = 0; j < nL; j++) {
    const q = net.linkNewFlow[j]!;
    const n1 = net.linkNode1[j]!;
    const n2 = net.linkNode2[j]!;
    if (q >= 0) {
      net.nodeOutflow[n1] = net.nodeOutflow[n1]! + q;
      net.nodeInflow[n2] = net.nodeInflow[n2]! + q;
    } else {
      net.nodeInflow[n1] = net.nodeInflow[n1]! - q;
      net.nodeOutflow[n2] = net.nodeOutflow[n2]! - q;
    }
  }
}

/** Outfall depths from the flows of the links attached to them (digest §7.7.8, §7.10). */
function setOutfallDepths(net: Network, elapsedMs: number, date: number): void {
  for (let j = 0; j < net.nLinks; j++) {
    const n1 = net.linkNode1[j]!;
    const n2 = net.linkNode2[j]!;
    let n: number;
    let z: number;
    if (net.nodeType[n2] === NODE_OUTFALL) {
      n = n2;
      z = net.linkOffset2Ft[j]!;
    } else if (net.nodeType[n1] === NODE_OUTFALL) {
      n = n1;
      z = net.linkOffset1Ft[j]!;
    } else continue;
    let yn = 0;
    let yc = 0;
    if (isTrueConduit(net, j)) {
      const q = Math.abs(net.linkNewFlow[j]! / net.conduitBarrels[net.linkSub[j]!]!);
      yn = conduitNormalDepth(net, j, q);
      yc = xsectCriticalDepth(net.linkXsect[j]!, q);
    }
    net.nodeNewDepth[n] = outfallDepthFt(net, net.nodeSub[n]!, yn, yc, z, elapsedMs, date);
    net.nodeNewVolume[n] = 0;
  }
}

// ================================================================ one routing step

/**
 * Route one dynamic-wave step of dtS seconds (digest §7.7.2). Lateral inflows (newLatFlow),
 * storage losses and the old ← new state shift must already be done. `endElapsedMs` and
 * `endDate` (end of the step) drive tidal / time-series outfall stages. Returns the number
 * of Picard passes made; dw.converged tells whether the node depths converged.
 */
export function dynwaveExecute(
  net: Network, dw: DynwaveState, dtS: number, loss: LossInputs, endElapsedMs: number, endDate: number,
): number {
  const nN = net.nNodes;
  const nL = net.nLinks;
  for (let i = 0; i < nN; i++) {
    dw.nodeConverged[i] = 0;
    dw.nodeDyDt[i] = 0;
  }
  for (let j = 0; j < nL; j++) dw.linkBypassed[j] = 0;
  for (let k = 0; k < net.nConduits; k++) dw.conduitAOld[k] = net.conduitA1[k]!;

  const maxTrials = dw.opt.maxTrials;
  let steps = 0;
  let converged = false;
  while (steps < maxTrials) {
    initNodeStates(net, dw);
    findLinkFlows(net, dw, steps, dtS, loss);
    converged = findNodeDepths(net, dw, steps, dtS, endElapsedMs, endDate);
    steps++;
    if (steps > 1) {
      if (converged) break;
      for (let j = 0; j < nL; j++) {
        dw.linkBypassed[j] = dw.nodeConverged[net.linkNode1[j]!]! && dw.nodeConverged[net.linkNode2[j]!]! ? 1 : 0;
      }
    }
  }
  dw.steps = steps;
  dw.converged = converged;
  findCapacityLimited(net);
  return steps;
}

/** Start of a pass: node surface areas, lateral flows and losses (digest §7.7.2 item 2.1). */
function initNodeStates(net: Network, dw: DynwaveState): void {
  const allowPonding = net.allowPonding;
  for (let i = 0; i < net.nNodes; i++) {
    const d = net.nodeNewDepth[i]!;
    if (allowPonding && net.nodePondedAreaFt2[i]! > 0 && d > net.nodeFullDepthFt[i]!) {
      dw.nodeSurfArea[i] = net.nodePondedAreaFt2[i]!;
    } else dw.nodeSurfArea[i] = net.nodeType[i] === NODE_STORAGE ? storageAreaFt2(net, i, d) : 0;
    const lat = net.nodeNewLatFlow[i]!;
    if (lat >= 0) {
      net.nodeInflow[i] = lat;
      net.nodeOutflow[i] = net.nodeLosses[i]!;
    } else {
      net.nodeInflow[i] = 0;
      net.nodeOutflow[i] = net.nodeLosses[i]! - lat;
    }
    dw.nodeSumDqDh[i] = 0;
  }
}

/** All link flows of a pass and their contributions to the end nodes. */
function findLinkFlows(net: Network, dw: DynwaveState, steps: number, dtS: number, loss: LossInputs): void {
  const nL = net.nLinks;
  for (let j = 0; j < nL; j++) {
    if (isTrueConduit(net, j) && !dw.linkBypassed[j]) dwConduitFlow(net, dw, j, steps, dtS, loss);
  }
  for (let j = 0; j < nL; j++) if (isTrueConduit(net, j)) addConduitToNodes(net, dw, j);
  // Dummy conduits, pumps and regulators, in link order: each sees the node flows so far.
  for (let j = 0; j < nL; j++) {
    if (isTrueConduit(net, j)) continue;
    if (!dw.linkBypassed[j]) nonConduitFlow(net, dw, j, steps, dtS);
    addNonConduitToNodes(net, dw, j);
  }
}

function addConduitToNodes(net: Network, dw: DynwaveState, j: number): void {
  const k = net.linkSub[j]!;
  const n1 = net.linkNode1[j]!;
  const n2 = net.linkNode2[j]!;
  const q = net.linkNewFlow[j]!;
  // Conduit losses: half to each end, all to the non-outfall end if one end is an outfall.
  const lossRate = (net.conduitEvapLossRate[k]! + net.conduitSeepLossRate[k]!) * net.conduitBarrels[k]!;
  let up = 0.5 * lossRate;
  let dn = up;
  if (net.nodeType[n1] === NODE_OUTFALL) {
    up = 0;
    dn = lossRate;
  } else if (net.nodeType[n2] === NODE_OUTFALL) {
    up = lossRate;
    dn = 0;
  }
  if (q >= 0) {
    net.nodeOutflow[n1] = net.nodeOutflow[n1]! + q + up;
    net.nodeInflow[n2] = net.nodeInflow[n2]! + q;
    net.nodeOutflow[n2] = net.nodeOutflow[n2]! + dn;
  } else {
    net.nodeInflow[n1] = net.nodeInflow[n1]! - q;
    net.nodeOutflow[n1] = net.nodeOutflow[n1]! + up;
    net.nodeOutflow[n2] = net.nodeOutflow[n2]! - q + dn;
  }
  dw.nodeSurfArea[n1] = dw.nodeSurfArea[n1]! + dw.linkSurfArea1[j]!;
  dw.nodeSurfArea[n2] = dw.nodeSurfArea[n2]! + dw.linkSurfArea2[j]!;
  const dqdh = net.linkDqDh[j]!;
  dw.nodeSumDqDh[n1] = dw.nodeSumDqDh[n1]! + dqdh;
  dw.nodeSumDqDh[n2] = dw.nodeSumDqDh[n2]! + dqdh;
}

function addNonConduitToNodes(net: Network, dw: DynwaveState, j: number): void {
  const n1 = net.linkNode1[j]!;
  const n2 = net.linkNode2[j]!;
  const q = net.linkNewFlow[j]!;
  if (q >= 0) {
    net.nodeOutflow[n1] = net.nodeOutflow[n1]! + q;
    net.nodeInflow[n2] = net.nodeInflow[n2]! + q;
  } else {
    net.nodeInflow[n1] = net.nodeInflow[n1]! - q;
    net.nodeOutflow[n2] = net.nodeOutflow[n2]! - q;
  }
  dw.nodeSurfArea[n1] = dw.nodeSurfArea[n1]! + dw.linkSurfArea1[j]!;
  dw.nodeSurfArea[n2] = dw.nodeSurfArea[n2]! + dw.linkSurfArea2[j]!;
  const dqdh = net.linkDqDh[j]!;
  dw.nodeSumDqDh[n1] = dw.nodeSumDqDh[n1]! + dqdh;
  if (net.linkType[j] !== LINK_PUMP || net.pumpType[net.linkSub[j]!] !== PUMP_TYPE4) {
    dw.nodeSumDqDh[n2] = dw.nodeSumDqDh[n2]! + dqdh;
  }
}

/** Flow of a dummy conduit, pump, orifice, weir or outlet for this pass (digest §7.7.5). */
function nonConduitFlow(net: Network, dw: DynwaveState, j: number, steps: number, dtS: number): void {
  const n1 = net.linkNode1[j]!;
  const n2 = net.linkNode2[j]!;
  const type = net.linkType[j];
  const qLast = net.linkNewFlow[j]!;
  const h1 = net.nodeNewDepth[n1]! + net.nodeInvertFt[n1]!;
  const h2 = net.nodeNewDepth[n2]! + net.nodeInvertFt[n2]!;
  let q = 0;
  dw.linkSurfArea1[j] = 0;
  dw.linkSurfArea2[j] = 0;
  if (net.linkSetting[j] === 0) {
    net.linkDqDh[j] = 0;
    net.linkFlowClass[j] = FLOW_DRY;
    if (type === LINK_ORIFICE || type === LINK_WEIR || type === LINK_OUTLET) net.linkNewDepth[j] = 0;
  } else {
    switch (type) {
      case LINK_PUMP:
        net.linkDqDh[j] = 0;
        q = pumpFlow(net, j);
        q = modifiedPumpFlow(net, dw, j, q, dtS);
        break;
      case LINK_ORIFICE: {
        q = orificeFlow(net, j, h1, h2);
        // Half the orifice's equivalent surface area to each end (not to storage or a critical end).
        const half = net.orificeSurfAreaFt2[net.linkSub[j]!]! / 2;
        const fc = net.linkFlowClass[j];
        if (fc !== FLOW_UP_CRITICAL && net.nodeType[n1] !== NODE_STORAGE) dw.linkSurfArea1[j] = half;
        if (fc !== FLOW_DN_CRITICAL && net.nodeType[n2] !== NODE_STORAGE) dw.linkSurfArea2[j] = half;
        break;
      }
      case LINK_WEIR:
        q = weirFlow(net, j, h1, h2);
        break;
      case LINK_OUTLET:
        q = outletFlow(net, j, h1, h2);
        break;
      default: {
        // Dummy conduit: passes its upstream node's inflow (divider rules at dividers).
        q = net.nodeType[n1] === NODE_DIVIDER ? dividerOutflow(net, n1, j) : net.nodeInflow[n1]! + net.nodeOverflow[n1]!;
        const k = net.linkSub[j]!;
        const qLimit = net.conduitQLimitCfs[k]!;
        if (qLimit > 0 && q > qLimit) q = qLimit;
        net.linkDqDh[j] = 0;
      }
    }
  }
  if (type !== LINK_PUMP && steps > 0) {
    q = (1 - OMEGA) * qLast + OMEGA * q;
    if (q * qLast < 0) q = 0.001 * Math.sign(q);
  }
  net.linkNewFlow[j] = q;
  if (type === LINK_CONDUIT) {
    const k = net.linkSub[j]!;
    const b = net.conduitBarrels[k]!;
    net.conduitQ1[k] = q / b;
    net.conduitQ2[k] = q / b;
  }
}

/** Pump flow limited so that it cannot draw its wet well below empty (digest §7.7.5). */
function modifiedPumpFlow(net: Network, dw: DynwaveState, j: number, q: number, dtS: number): number {
  if (q === 0) return 0;
  const n1 = net.linkNode1[j]!;
  const type = net.pumpType[net.linkSub[j]!];
  if (net.nodeType[n1] === NODE_STORAGE || type === PUMP_TYPE1) {
    const qMax = net.nodeInflow[n1]! + net.nodeOldVolume[n1]! / dtS;
    if (q > qMax) q = qMax;
    return Math.max(0, q);
  }
  if (type === PUMP_TYPE2 || type === PUMP_TYPE3 || type === PUMP_TYPE4) {
    const newNet = net.nodeInflow[n1]! - net.nodeOutflow[n1]! - q;
    const dv = 0.5 * (net.nodeOldNetInflow[n1]! + newNet) * dtS;
    // The node's area so far in this pass, without the minimum-area floor (may be 0).
    const y = net.nodeOldDepth[n1]! + dv / dw.nodeSurfArea[n1]!;
    if (y <= 0) return net.nodeInflow[n1]!;
  }
  // Type 5 and ideal pumps at non-storage nodes are not limited.
  return q;
}

/** Outfall depths, then every other node's depth; true when all non-outfalls converged. */
function findNodeDepths(
  net: Network, dw: DynwaveState, steps: number, dtS: number, endElapsedMs: number, endDate: number,
): boolean {
  setOutfallDepths(net, endElapsedMs, endDate);
  const tol = dw.opt.headTolFt;
  let converged = true;
  for (let i = 0; i < net.nNodes; i++) {
    if (net.nodeType[i] === NODE_OUTFALL) continue;
    const yLast = net.nodeNewDepth[i]!;
    setNodeDepth(net, dw, i, steps, dtS);
    if (Math.abs(yLast - net.nodeNewDepth[i]!) > tol) {
      dw.nodeConverged[i] = 0;
      converged = false;
    } else dw.nodeConverged[i] = 1;
  }
  return converged;
}

/** New depth (and volume, overflow) of a non-outfall node (digest §7.7.6). */
function setNodeDepth(net: Network, dw: DynwaveState, i: number, steps: number, dtS: number): void {
  const fullDepth = net.nodeFullDepthFt[i]!;
  const canPond = net.allowPonding && net.nodePondedAreaFt2[i]! > 0;
  const yLast = net.nodeNewDepth[i]!;
  const isPonded = canPond && yLast > fullDepth;
  const yCrown = net.nodeCrownElevFt[i]! - net.nodeInvertFt[i]!;
  const yOld = net.nodeOldDepth[i]!;
  const isStorage = net.nodeType[i] === NODE_STORAGE;
  net.nodeOverflow[i] = 0;

  let surfArea = dw.nodeSurfArea[i]!;
  if (surfArea < dw.opt.minSurfAreaFt2) surfArea = dw.opt.minSurfAreaFt2;
  const dQ = net.nodeInflow[i]! - net.nodeOutflow[i]!;
  const dV = 0.5 * (net.nodeOldNetInflow[i]! + dQ) * dtS;

  let isSurcharged = false;
  if (dw.opt.surchargeMethod === SURCHARGE_EXTRAN && !isPonded) {
    if (isStorage) isSurcharged = net.nodeSurDepthFt[i]! > 0 && yLast > fullDepth;
    else isSurcharged = yCrown > 0 && yLast > yCrown;
  }

  let yNew: number;
  if (!isSurcharged) {
    yNew = yOld + dV / surfArea;
    if (!isPonded) dw.nodeOldSurfArea[i] = surfArea;
    if (steps > 0) yNew = (1 - OMEGA) * yLast + OMEGA * yNew;
    if (isPonded && yNew < fullDepth - FUDGE) yNew = fullDepth - FUDGE;
  } else {
    let denom = dw.nodeSumDqDh[i]!;
    if (yLast < 1.25 * yCrown) {
      denom += (dw.nodeOldSurfArea[i]! / dtS - dw.nodeSumDqDh[i]!) * Math.exp((-15 * (yLast - yCrown)) / yCrown);
    }
    const corr = net.nodeDegree[i]! < 0 ? 0.6 : 1;
    const dy = denom === 0 ? 0 : (corr * dQ) / denom;
    yNew = yLast + dy;
    if (yNew < yCrown - FUDGE) yNew = yCrown - FUDGE;
    if (canPond && yNew > fullDepth + FUDGE) yNew = fullDepth + FUDGE;
  }
  if (yNew < 0) yNew = 0;

  let yMax = fullDepth;
  if (!canPond) yMax += net.nodeSurDepthFt[i]!;
  if (yNew > yMax) {
    const vFull = net.nodeFullVolumeFt3[i]!;
    if (!canPond) {
      net.nodeOverflow[i] = dV / dtS;
      net.nodeNewVolume[i] = vFull;
      yNew = yMax;
    } else {
      const vOld = net.nodeOldVolume[i]!;
      const v = Math.max(vOld + dV, vFull);
      net.nodeNewVolume[i] = v;
      net.nodeOverflow[i] = (v - Math.max(vOld, vFull)) / dtS;
    }
    if (net.nodeOverflow[i]! < FUDGE) net.nodeOverflow[i] = 0;
  } else {
    net.nodeNewVolume[i] = nodeVolumeFt3(net, i, yNew);
  }
  dw.nodeDyDt[i] = Math.abs(yNew - yOld) / dtS;
  net.nodeNewDepth[i] = yNew;
}

/** Capacity-limited conduits: full mid-length area and an HGL drop above the bed slope. */
function findCapacityLimited(net: Network): void {
  for (let k = 0; k < net.nConduits; k++) {
    const j = net.conduitLink[k]!;
    net.conduitCapacityLimited[k] = 0;
    if (net.linkShape[j] === XS_DUMMY) continue;
    const xs = net.linkXsect[j]!;
    if (net.conduitA1[k]! < xs.aFull) continue;
    const n1 = net.linkNode1[j]!;
    const n2 = net.linkNode2[j]!;
    const h1 = net.nodeNewDepth[n1]! + net.nodeInvertFt[n1]!;
    const h2 = net.nodeNewDepth[n2]! + net.nodeInvertFt[n2]!;
    if (h1 - h2 > Math.abs(net.conduitSlope[k]!) * net.conduitLengthFt[k]!) net.conduitCapacityLimited[k] = 1;
  }
}

// ================================================================ time step

/**
 * The next routing step (s) under DW (digest §7.7.7): the fixed step without VARIABLE_STEP,
 * MINIMUM_STEP for the first step, then the Courant-limited step, floored to whole ms.
 * Records the critical element (dw.critNode / dw.critLink) and counts it in the stats.
 */
export function dynwaveRoutingStep(net: Network, dw: DynwaveState, fixedStepS: number): number {
  const o = dw.opt;
  if (o.courantFactor === 0 || fixedStepS < MIN_TIME_STEP_S) return fixedStepS;
  if (dw.variableStepS === 0) dw.variableStepS = o.minStepS;
  else dw.variableStepS = variableStep(net, dw, fixedStepS);
  dw.variableStepS = Math.floor(1000 * dw.variableStepS) / 1000;
  return dw.variableStepS;
}

function variableStep(net: Network, dw: DynwaveState, tMax: number): number {
  const courant = dw.opt.courantFactor;
  let tMin = tMax;
  let critLink = -1;
  let critNode = -1;
  for (let k = 0; k < net.nConduits; k++) {
    const j = net.conduitLink[k]!;
    if (net.linkShape[j] === XS_DUMMY) continue;
    const q = Math.abs(net.conduitQ1[k]!);
    const fr = dw.linkFroude[j]!;
    if (q <= FUDGE || net.conduitA1[k]! <= FUDGE || fr <= 0.01) continue;
    let t = net.linkNewVolume[j]! / net.conduitBarrels[k]! / q;
    t *= net.conduitModLengthFt[k]! / net.conduitActualLengthFt[k]!;
    t *= (fr / (1 + fr)) * courant;
    if (t < tMin) {
      tMin = t;
      critLink = j;
    }
  }
  const tLink = tMin;
  for (let i = 0; i < net.nNodes; i++) {
    if (net.nodeType[i] === NODE_OUTFALL) continue;
    const d = net.nodeNewDepth[i]!;
    const yCrown = net.nodeCrownElevFt[i]! - net.nodeInvertFt[i]!;
    if (d <= FUDGE || d + FUDGE >= yCrown) continue;
    const maxDepth = 0.25 * yCrown;
    if (maxDepth < FUDGE) continue;
    const dydt = dw.nodeDyDt[i]!;
    if (dydt < FUDGE) continue;
    const t = maxDepth / dydt;
    if (t < tMin) {
      tMin = t;
      critNode = i;
    }
  }
  if (tMin < tLink) critLink = -1;
  else critNode = -1;
  dw.critNode = critNode;
  dw.critLink = critLink;
  if (critNode >= 0) dw.stats.nodeCourantCritical[critNode] = dw.stats.nodeCourantCritical[critNode]! + 1;
  else if (critLink >= 0) dw.stats.linkCourantCritical[critLink] = dw.stats.linkCourantCritical[critLink]! + 1;
  if (tMin < dw.opt.minStepS) tMin = dw.opt.minStepS;
  return tMin;
}

// ================================================================ statistics

/**
 * DW statistics for the step just routed (call after every DW step). `counted` = the step
 * ended at/after the report start (flow classes, time-step table and iterations count only
 * then); non-convergence counts every step.
 */
export function dynwaveUpdateStats(net: Network, dw: DynwaveState, dtS: number, counted: boolean): void {
  const s = dw.stats;
  s.allSteps++;
  if (!dw.converged) {
    s.nonConvergedSteps++;
    for (let i = 0; i < net.nNodes; i++) {
      if (!dw.nodeConverged[i]) s.nodeNonConverged[i] = s.nodeNonConverged[i]! + 1;
    }
  }
  if (!counted) return;
  // The first counted step (the start-up MINIMUM_STEP) is left out of the frequency table.
  if (s.steps > 0 && dw.opt.courantFactor > 0) {
    for (let b = 0; b < STEP_BINS; b++) {
      if (dtS >= s.stepBinLo[b]! || b === STEP_BINS - 1) {
        s.stepBinCount[b] = s.stepBinCount[b]! + 1;
        break;
      }
    }
  }
  s.steps++;
  s.timeS += dtS;
  s.iterationsSum += dw.steps;
  for (let k = 0; k < net.nConduits; k++) {
    const j = net.conduitLink[k]!;
    if (net.linkShape[j] === XS_DUMMY) continue;
    const fc = net.linkFlowClass[j]!;
    if (fc >= 0 && fc < 7) s.linkFlowClassS[7 * j + fc] = s.linkFlowClassS[7 * j + fc]! + dtS;
    if (dw.linkNormalFlow[j]) s.linkNormalFlowS[j] = s.linkNormalFlowS[j]! + dtS;
    if (dw.linkInletControl[j]) s.linkInletControlS[j] = s.linkInletControlS[j]! + dtS;
  }
}

