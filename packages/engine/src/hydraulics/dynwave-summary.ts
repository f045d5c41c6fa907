// The report blocks that only dynamic wave produces (digest §10.4–10.5), in user-facing
// numbers: Time-Step Critical Elements, Most Frequent Nonconverging Nodes, the time-step
// frequency table of the Routing Time Step Summary, and the Flow Classification Summary.
// The other DW columns (node surcharge, conduit surcharge, flooding with ponded depth,
// pumping, continuity) come from routingSummary (routing.ts), which reads the shared stats.
import type { Network } from './network.js';
import type { DynwaveState } from './dynwave-state.js';
import { LINK_CONDUIT } from './network.js';
import { XS_DUMMY } from './xsect.js';

export interface DynwaveSummary {
  /** Top 5 elements that limited the Courant step in more than 1 % of the steps. Empty = "None". */
  timeStepCritical: { kind: 'Node' | 'Link'; id: string; pct: number }[];
  /** Top 5 nodes by % of steps not converged. Empty = "Convergence obtained at all time steps." */
  nonConverging: { id: string; pct: number }[];
  /** Time-step frequencies (variable step only; null with a fixed step). */
  timeStepFrequency: { hiSec: number; loSec: number; pct: number }[] | null;
  /** Per non-dummy conduit: adjusted/actual length and fractions of time per flow class. */
  flowClassification: {
    id: string; lengthRatio: number; dry: number; upDry: number; dnDry: number; subCrit: number; supCrit: number;
    upCrit: number; dnCrit: number; normLtd: number; inletCtrl: number;
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
  const crit: { kind: 'Node' | 'Link'; id: string; pct: number; order: number }[] = [];
  for (let i = 0; i < net.nNodes; i++) {
    const pct = (100 * s.nodeCourantCritical[i]!) / steps;
    if (pct > 1) crit.push({ kind: 'Node', id: net.nodeNames[i]!, pct, order: i });
  }
  for (let j = 0; j < net.nLinks; j++) {
    const pct = (100 * s.linkCourantCritical[j]!) / steps;
    if (pct > 1) crit.push({ kind: 'Link', id: net.linkNames[j]!, pct, order: net.nNodes + j });
  }
  crit.sort((a, b) => b.pct - a.pct || a.order - b.order);
  const timeStepCritical = crit.slice(0, 5).map(({ kind, id, pct }) => ({ kind, id, pct }));

  // [as-is] SWMM prints "Convergence obtained at all time steps." when the most frequent
  // node is below 0.005 % or is the first node in the input.
  const all = Math.max(s.allSteps, 1);
  const frac = new Float64Array(net.nNodes);
  for (let i = 0; i < net.nNodes; i++) frac[i] = s.nodeNonConverged[i]! / all;
  const nc = top5(frac, 0);
  const nonConverging = nc.length === 0 || frac[nc[0]!]! < 0.00005 || nc[0] === 0
    ? []
    : nc.map((i) => ({ id: net.nodeNames[i]!, pct: 100 * frac[i]! }));

  let timeStepFrequency: DynwaveSummary['timeStepFrequency'] = null;
  if (dw.opt.courantFactor > 0) {
    const n = Math.max(s.steps - 1, 1);
    timeStepFrequency = [];
    let hi = dw.opt.routeStepS;
    for (let b = 0; b < s.stepBinLo.length; b++) {
      const lo = s.stepBinLo[b]!;
      timeStepFrequency.push({ hiSec: hi, loSec: lo, pct: (100 * s.stepBinCount[b]!) / n });
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
      id: net.linkNames[j]!, lengthRatio: net.conduitModLengthFt[k]! / net.conduitLengthFt[k]!,
      dry: f(0), upDry: f(1), dnDry: f(2), subCrit: f(3), supCrit: f(4), upCrit: f(5), dnCrit: f(6),
      normLtd: s.linkNormalFlowS[j]! / t, inletCtrl: s.linkInletControlS[j]! / t,
    });
  }
  return { timeStepCritical, nonConverging, timeStepFrequency, flowClassification };
}
