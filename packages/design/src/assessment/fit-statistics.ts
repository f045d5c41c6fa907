// Goodness-of-fit statistics for model calibration (digest §7.2 item 1, E13). NSE ≥ 0.5 is the pass rule [R].
import type { Judgement } from './rules.js';
import { assessmentRule, judge } from './rules.js';

function pair(obs: readonly number[], sim: readonly number[]): void {
  if (obs.length !== sim.length) throw new RangeError(`observed and simulated series differ in length (${obs.length} vs ${sim.length})`);
  if (obs.length < 2) throw new RangeError('fit statistics need at least two pairs');
  for (let i = 0; i < obs.length; i++) {
    if (!Number.isFinite(obs[i]!) || !Number.isFinite(sim[i]!)) throw new RangeError(`pair ${i + 1} is not a pair of finite numbers`);
  }
}

const mean = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;

/** Nash–Sutcliffe efficiency 1 − Σ(o − s)² / Σ(o − ō)². */
export function nashSutcliffe(obs: readonly number[], sim: readonly number[]): number {
  pair(obs, sim);
  const m = mean(obs);
  let num = 0;
  let den = 0;
  for (let i = 0; i < obs.length; i++) {
    num += (obs[i]! - sim[i]!) ** 2;
    den += (obs[i]! - m) ** 2;
  }
  if (den === 0) throw new RangeError('observed series is constant: NSE undefined');
  return 1 - num / den;
}

export interface FitStatistics {
  n: number;
  nse: number;
  rmse: number;
  /** Coefficient of determination (squared Pearson correlation). */
  r2: number;
  /** Percent bias 100·Σ(s − o)/Σo (positive = overestimate). */
  pbiasPct: number;
  /** Relative volume error Σs/Σo − 1. */
  volumeError: number;
  /** Relative peak error max(s)/max(o) − 1. */
  peakError: number;
  /** Peak timing error in samples (index of max(s) − index of max(o)). */
  peakShift: number;
  judgement: Judgement;
}

export function fitStatistics(obs: readonly number[], sim: readonly number[]): FitStatistics {
  const nse = nashSutcliffe(obs, sim);
  const n = obs.length;
  const mo = mean(obs);
  const ms = mean(sim);
  let se = 0;
  let cov = 0;
  let vo = 0;
  let vs = 0;
  let so = 0;
  let ss = 0;
  let io = 0;
  let is = 0;
  for (let i = 0; i < n; i++) {
    const o = obs[i]!;
    const s = sim[i]!;
    se += (o - s) ** 2;
    cov += (o - mo) * (s - ms);
    vo += (o - mo) ** 2;
    vs += (s - ms) ** 2;
    so += o;
    ss += s;
    if (o > obs[io]!) io = i;
    if (s > sim[is]!) is = i;
  }
  const rule = assessmentRule('model-nse');
  return {
    n,
    nse,
    rmse: Math.sqrt(se / n),
    r2: vs > 0 ? (cov * cov) / (vo * vs) : NaN,
    pbiasPct: so !== 0 ? (100 * (ss - so)) / so : NaN,
    volumeError: so !== 0 ? ss / so - 1 : NaN,
    peakError: obs[io]! !== 0 ? sim[is]! / obs[io]! - 1 : NaN,
    peakShift: is - io,
    judgement: judge(nse, rule),
  };
}
