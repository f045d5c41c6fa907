// Steady flow routing of one conduit (digest §7.5): the inflow less conduit losses passes
// through instantly, limited to full normal flow; the flow area is the normal-flow area.
// The network sweep around it is shared with kinematic wave (kinwave.ts).
import type { Network } from './network.js';
import { LINK_CONDUIT } from './network.js';
import { conduitLossRate, type LossInputs } from './kinwave.js';
import { xsectAreaOfSectionFactor, XS_DUMMY } from './xsect.js';

/**
 * Route inflow qin (cfs, all barrels) through link j under steady flow. Writes the
 * (possibly reduced) inflow to net.scratch[2] and the outflow to net.scratch[3]. Returns 1.
 */
export function steadyConduit(net: Network, j: number, qinCfs: number, loss: LossInputs): number {
  const sc = net.scratch;
  sc[2] = qinCfs;
  sc[3] = qinCfs;
  if (net.linkType[j] !== LINK_CONDUIT) return 1;
  const k = net.linkSub[j]!;
  const barrels = net.conduitBarrels[k]!;
  let q = qinCfs / barrels;
  const xs = net.linkXsect[j];
  if (net.linkShape[j] === XS_DUMMY || !xs) net.conduitA1[k] = 0;
  else {
    q -= conduitLossRate(net, j, q, loss);
    if (q < 0) q = 0;
    const qFull = net.linkQFullCfs[j]!;
    if (q > qFull) {
      q = qFull;
      net.conduitA1[k] = xs.aFull;
      sc[2] = q * barrels;
    } else {
      net.conduitA1[k] = xsectAreaOfSectionFactor(xs, q / net.conduitBeta[k]!);
    }
  }
  net.conduitA2[k] = net.conduitA1[k]!;
  net.conduitQ1Old[k] = net.conduitQ1[k]!;
  net.conduitQ2Old[k] = net.conduitQ2[k]!;
  net.conduitQ1[k] = q;
  net.conduitQ2[k] = q;
  sc[3] = q * barrels;
  return 1;
}
