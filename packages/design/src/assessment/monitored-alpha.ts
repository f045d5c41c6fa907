// Project α from monitoring (digest §7.2 item 2a, worked example E12): α = 1 − ΣV_out / Σ(10·p·F).
// All measured rain counts; the ≤ 2 mm rule is a design-curve rule, not a monitoring rule [D].
import type { Judgement } from './rules.js';
import { judge } from './rules.js';

export interface MonitoredEvent {
  rainMm: number;
  outflowM3: number;
}

export function monitoredControlRate(events: readonly MonitoredEvent[], areaHa: number, opts: { targetAlpha?: number; zoneLabel?: string } = {}): { alpha: number; rainVolumeM3: number; outflowM3: number; judgement: Judgement | null } {
  if (events.length === 0) throw new RangeError('no monitored events');
  if (!(areaHa > 0)) throw new RangeError(`catchment area must be > 0 hm² (got ${areaHa})`);
  let rain = 0;
  let out = 0;
  events.forEach((e, i) => {
    if (!(e.rainMm >= 0) || !(e.outflowM3 >= 0)) throw new RangeError(`event ${i + 1}: rain and outflow must be >= 0`);
    rain += e.rainMm;
    out += e.outflowM3;
  });
  const vRain = 10 * rain * areaHa;
  if (!(vRain > 0)) throw new RangeError('no rain was measured');
  const alpha = 1 - out / vRain;
  const judgement =
    opts.targetAlpha === undefined
      ? null
      : judge(alpha, {
          comparison: '>=',
          threshold: opts.targetAlpha,
          clause: `5.1/5.2 年径流总量控制率: α not below ${opts.zoneLabel ?? 'the target (zone lower limit for new areas)'}`,
          provenance: { tag: 'R', source: 'GB/T 51345-2018' },
        });
  return { alpha, rainVolumeM3: vRain, outflowM3: out, judgement };
}
