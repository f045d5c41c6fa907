// Rational-method design of a chain of storm pipes (digest §4.3 + §4.3a): each pipe carries the runoff of all
// area upstream of it, at duration t = t1 + travel time through the pipes above it, where each travel time uses
// the full-pipe velocity of the diameter chosen for that pipe. Working downstream makes the iteration the
// digest mentions explicit: a pipe's size fixes its velocity, which fixes the duration used below it.
import type { StormFormula } from './storm-intensity.js';
import { rationalFlow } from './rational.js';
import { selectPipe } from './pipe.js';

export interface ChainPipe {
  id: string;
  lengthM: number;
  /** Area that joins at this pipe's upstream end (hm²). */
  localAreaHa: number;
  /** ψ of the local area. */
  psi: number;
  slope: number;
  n: number;
}

export interface ChainPipeResult {
  id: string;
  areaHa: number;
  psi: number;
  durationMin: number;
  qLpsPerHa: number;
  flowLps: number;
  dnMm: number;
  capacityLps: number;
  velocityMps: number;
  travelTimeMin: number;
  warnings: string[];
}

export function designPipeChain(inp: { formula: StormFormula; periodYears: number; inletTimeMin: number; pipes: readonly ChainPipe[]; metal?: boolean }): ChainPipeResult[] {
  if (inp.pipes.length === 0) throw new RangeError('pipe chain is empty');
  const out: ChainPipeResult[] = [];
  let area = 0;
  let weighted = 0;
  let travel = 0;
  let minDn = 300;
  for (const p of inp.pipes) {
    if (!(p.localAreaHa >= 0)) throw new RangeError(`pipe ${p.id}: local area must be >= 0 hm²`);
    if (!(p.lengthM > 0)) throw new RangeError(`pipe ${p.id}: length must be > 0 m`);
    area += p.localAreaHa;
    weighted += p.psi * p.localAreaHa;
    if (!(area > 0)) throw new RangeError(`pipe ${p.id}: no contributing area yet`);
    const psi = weighted / area;
    const rf = rationalFlow({ formula: inp.formula, periodYears: inp.periodYears, inletTimeMin: inp.inletTimeMin, pipeTimeMin: travel, psi, areaHa: area });
    // A downstream pipe is never smaller than the one above it.
    const sel = selectPipe(rf.flowCms, p.n, p.slope, { metal: inp.metal, minDnMm: minDn });
    const tt = p.lengthM / (60 * sel.chosen.velocityMps);
    out.push({
      id: p.id,
      areaHa: area,
      psi,
      durationMin: rf.durationMin,
      qLpsPerHa: rf.qLpsPerHa,
      flowLps: rf.flowLps,
      dnMm: sel.chosen.dnMm,
      capacityLps: sel.chosen.flowCms * 1000,
      velocityMps: sel.chosen.velocityMps,
      travelTimeMin: tt,
      warnings: [...rf.warnings, ...sel.warnings],
    });
    travel += tt;
    minDn = sel.chosen.dnMm;
  }
  return out;
}
