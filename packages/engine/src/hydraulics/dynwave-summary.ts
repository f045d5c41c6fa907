// The report blocks that only dynamic wave produces (digest §10.4–10.5), in user-facing
// numbers: Time-Step Critical Elements, Most Frequent Nonconverging Nodes, the time-step
// frequency table of the Routing Time Step Summary, and the Flow Classification Summary.
// The other DW columns (node surcharge, conduit surcharge, flooding with ponded depth,
// pumping, continuity) come from routingSummary (routing.ts), which reads the shared stats.
import type { Network } from './network.js';
import type { DynwaveState } from './dynwave-state.js';
import { LINK_CONDUIT } from './network.js';
import { XS_DUMMY } from './xsect.js';

/**
 * Field names match the report's ReportData (output/report.ts): timeStepCritical,
 * nonconverging, routingSteps.stepFrequencies and flowClassification can be assigned as is.
 */
export interface DynwaveSummary {
  /** Top 5 elements that limited the Courant step in more than 1 % of the steps (value = %). Empty = "None". */
  timeStepCritical: { kind: 'Node' | 'Link'; id: string; value: number }[];
  /** Top 5 nodes by % of steps not converged. Empty = "Convergence obtained at all time steps." */
  nonconverging: { kind: 'Node'; id: string; value: number }[];
  /** Time-step frequencies, largest step first (variable step only; null with a fixed step). */
  stepFrequencies: { fromSec: number; toSec: number; pct: number }[] | null;
  /** Per non-dummy conduit: adjusted/actual length and fractions of time per flow class. */
  flowClassification: {
    id: string; adjustedOverActualLength: number; dry: number; upDry: number; downDry: number; subCrit: number;
    supCrit: number; upCrit: number; downCrit: number; normLtd: number; inletCtrl: number;
  }[];
}

/** Indexes of the (up to) 5 largest values above `limit`, ties in index order. */
function top5(values: ArrayLike<number>, limit: number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i]! > limit) idx.push(i);
  idx.sort((a, b) => values[b]! - values[a]! || a - b);
  return idx.slice(0, 5);
}

/** The DW-only report blocks of a finished run. */
export function dynwaveSummary(net: Network, dw: DynwaveState): DynwaveSummary {
  const s = dw.stats;
  const steps = Math.max(s.steps, 1);

  // Courant-critical nodes and links, ranked together.
  const crit: { kind: 'Node' | 'Link'; id: string; value: number; order: number }[] = [];
  for (let i = 0; i < net.nNodes; i++) {
    const pct = (100 * s.nodeCourantCritical[i]!) / steps;
    if (pct > 1) crit.push({ kind: 'Node', id: net.nodeNames[i]!, value: pct, order: i });
  }
  for (let j = 0; j < net.nLinks; j++) {
    const pct = (100 * s.linkCourantCritical[j]!) / steps;
    if (pct > 1) crit.push({ kind: 'Link', id: net.linkNames[j]!, value: pct, order: net.nNodes + j });
  }
  crit.sort((a, b) => b.value - a.value || a.order - b.order);
  const timeStepCritical = crit.slice(0, 5).map(({ kind, id, value }) => ({ kind, id, value }));

  // [as-is] SWMM prints "Convergence obtained at all time steps." when the most frequent
  // node is below 0.005 % or is the first node in the input.
  const all = Math.max(s.allSteps, 1);
  const frac = new Float64Array(net.nNodes);
  for (let i = 0; i < net.nNodes; i++) frac[i] = s.nodeNonConverged[i]! / all;
  const nc = top5(frac, 0);
  const nonconverging = nc.length === 0 || frac[nc[0]!]! < 0.00005 || nc[0] === 0
    ? []
    : nc.map((i) => ({ kind: 'Node' as const, id: net.nodeNames[i]!, value: 100 * frac[i]! }));

  let stepFrequencies: DynwaveSummary['stepFrequencies'] = null;
  if (dw.opt.courantFactor > 0) {
    const n = Math.max(s.steps - 1, 1);
    stepFrequencies = [];
    let hi = dw.opt.routeStepS;
    for (let b = 0; b < s.stepBinLo.length; b++) {
      const lo = s.stepBinLo[b]!;
      stepFrequencies.push({ fromSec: hi, toSec: lo, pct: (100 * s.stepBinCount[b]!) / n });
      hi = lo;
    }
  }

  const flowClassification: DynwaveSummary['flowClassification'] = [];
  const t = s.timeS > 0 ? s.timeS : 1;
  for (let j = 0; j < net.nLinks; j++) {
    if (net.linkType[j] !== LINK_CONDUIT || net.linkShape[j] === XS_DUMMY) continue;
    const k = net.linkSub[j]!;
    const f = (c: number): number => s.linkFlowClassS[7 * j + c]! / t;
    flowClassification.push({
      id: net.linkNames[j]!, adjustedOverActualLength: net.conduitModLengthFt[k]! / net.conduitLengthFt[k]!,
      dry: f(0), upDry: f(1), downDry: f(2), subCrit: f(3), supCrit: f(4), upCrit: f(5), downCrit: f(6),
      normLtd: s.linkNormalFlowS[j]! / t, inletCtrl: s.linkInletControlS[j]! / t,
    });
  }
  return { timeStepCritical, nonconverging, stepFrequencies, flowClassification };
}
