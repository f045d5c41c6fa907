// Water-body items of GB/T 51345 (digest §7.2 item 4, §7.4): CSO overflow control rate and the
// "not black-odorous" test, plus the 黑臭指南 2015 light/heavy classification of a sample [V].
import type { Judgement } from './rules.js';
import { assessmentRule, judge } from './rules.js';

/** Overflow control rate = 1 − V_overflow / V_wet-weather flow arriving at the outfall [D interpretation]. */
export function csoControlRate(arrivingM3: number, overflowM3: number): { rate: number; judgement: Judgement } {
  if (!(arrivingM3 > 0)) throw new RangeError(`wet-weather flow arriving must be > 0 m³ (got ${arrivingM3})`);
  if (!(overflowM3 >= 0 && overflowM3 <= arrivingM3)) throw new RangeError('overflow volume must lie between 0 and the arriving volume');
  const rate = 1 - overflowM3 / arrivingM3;
  return { rate, judgement: judge(rate, assessmentRule('cso-control')) };
}

export interface WaterSample {
  transparencyCm: number;
  doMgL: number;
  orpMv: number;
  nh3nMgL: number;
  /** Water depth (cm), for the shallow-water transparency rule. */
  depthCm?: number;
}

/** GB/T 51345 "not black-odorous": all four indicators better than the light-class upper bounds [R]. */
export function notBlackOdorous(s: WaterSample): { pass: boolean; judgements: Record<'transparency' | 'do' | 'orp' | 'nh3n', Judgement> } {
  const tRule = assessmentRule('transparency');
  // Water shallower than 25 cm: the transparency bound becomes 40 % of the depth.
  const tThreshold = s.depthCm !== undefined && s.depthCm < 25 ? 0.4 * s.depthCm : tRule.threshold;
  const judgements = {
    transparency: judge(s.transparencyCm, { ...tRule, threshold: tThreshold }),
    do: judge(s.doMgL, assessmentRule('do')),
    orp: judge(s.orpMv, assessmentRule('orp')),
    nh3n: judge(s.nh3nMgL, assessmentRule('nh3n')),
  };
  return { pass: Object.values(judgements).every((j) => j.pass), judgements };
}

export type BlackOdourClass = 'none' | 'light' | 'heavy';

/** Class of one indicator value per 黑臭指南 2015 (light = between the two bounds, heavy beyond). */
export function indicatorClass(indicator: 'transparency' | 'do' | 'orp' | 'nh3n', value: number, depthCm?: number): BlackOdourClass {
  switch (indicator) {
    case 'transparency': {
      const light = depthCm !== undefined && depthCm < 25 ? 0.4 * depthCm : 25;
      return value < 10 ? 'heavy' : value <= light ? 'light' : 'none';
    }
    case 'do':
      return value < 0.2 ? 'heavy' : value <= 2 ? 'light' : 'none';
    case 'orp':
      return value < -200 ? 'heavy' : value <= 50 ? 'light' : 'none';
    case 'nh3n':
      return value > 15 ? 'heavy' : value >= 8 ? 'light' : 'none';
  }
}

/**
 * Classifies a sampling point from its samples (黑臭指南 2015 [V]): heavy if one indicator has ≥ 60 % of its data
 * heavy, or ≥ 2 indicators have ≥ 30 % heavy; otherwise light if any sample is light or heavy; else none.
 */
export function classifyPoint(samples: readonly WaterSample[]): { cls: BlackOdourClass; heavyShare: Record<string, number> } {
  if (samples.length === 0) throw new RangeError('no samples');
  const inds = ['transparency', 'do', 'orp', 'nh3n'] as const;
  const value = (s: WaterSample, i: (typeof inds)[number]) => (i === 'transparency' ? s.transparencyCm : i === 'do' ? s.doMgL : i === 'orp' ? s.orpMv : s.nh3nMgL);
  const heavyShare: Record<string, number> = {};
  let anyBad = false;
  for (const i of inds) {
    let heavy = 0;
    for (const s of samples) {
      const c = indicatorClass(i, value(s, i), s.depthCm);
      if (c === 'heavy') heavy++;
      if (c !== 'none') anyBad = true;
    }
    heavyShare[i] = heavy / samples.length;
  }
  const shares = Object.values(heavyShare);
  const heavy = shares.some((x) => x >= 0.6) || shares.filter((x) => x >= 0.3).length >= 2;
  return { cls: heavy ? 'heavy' : anyBad ? 'light' : 'none', heavyShare };
}
