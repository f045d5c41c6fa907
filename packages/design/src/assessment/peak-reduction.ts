// Peak-flow control (digest §7.2 item 2a): under the design storms a new project's outflow peak must not exceed
// the pre-development peak; a retrofit's must not exceed the pre-retrofit peak [R].
import type { Judgement } from './rules.js';
import { judge } from './rules.js';

export function peakReduction(beforePeak: number, afterPeak: number): { reduction: number; judgement: Judgement } {
  if (!(beforePeak > 0)) throw new RangeError(`reference peak must be > 0 (got ${beforePeak})`);
  if (!(afterPeak >= 0)) throw new RangeError(`peak must be >= 0 (got ${afterPeak})`);
  return {
    reduction: 1 - afterPeak / beforePeak,
    judgement: judge(afterPeak, {
      comparison: '<=',
      threshold: beforePeak,
      clause: '5.2 源头减排项目实施有效性: outflow peak not above the pre-development (new) or pre-retrofit (retrofit) peak',
      provenance: { tag: 'R', source: 'GB/T 51345-2018' },
    }),
  };
}
