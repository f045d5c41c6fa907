// SS removal of a monitored project from event-mean concentrations, judged against GB/T 51345 (digest §6.2,
// §7.2 item 2a): new ≥ 70 %, retrofit ≥ 40 % [R].
import type { Sampled } from '../emc.js';
import { loadRemoval } from '../emc.js';
import type { Judgement } from './rules.js';
import { assessmentRule, judge } from './rules.js';

export function assessSsRemoval(events: readonly { inflow: Sampled; outflow: Sampled; dtS: number }[], project: 'new' | 'retrofit'): { removal: number; loadInKg: number; loadOutKg: number; judgement: Judgement } {
  if (events.length === 0) throw new RangeError('no monitored events');
  let lin = 0;
  let lout = 0;
  for (const e of events) {
    const r = loadRemoval(e.inflow, e.outflow, e.dtS);
    lin += r.inflow.loadKg;
    lout += r.outflow.loadKg;
  }
  const removal = 1 - lout / lin;
  return { removal, loadInKg: lin, loadOutKg: lout, judgement: judge(removal, assessmentRule(project === 'new' ? 'ss-removal-new' : 'ss-removal-retrofit')) };
}
