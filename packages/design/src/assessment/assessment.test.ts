import { describe, expect, it } from 'vitest';
import { monitoredControlRate } from './monitored-alpha.js';
import { fitStatistics, nashSutcliffe } from './fit-statistics.js';
import { csoControlRate, classifyPoint, indicatorClass, notBlackOdorous } from './water-body.js';
import { builtUpAreaResult, shorelineRatio } from './area-result.js';
import { peakReduction } from './peak-reduction.js';
import { assessSsRemoval } from './ss-assessment.js';
import { controlRateZone } from '../control-rate-tables.js';
import { expectRel, expectShown } from '../../test/golden.js';

describe('E12 monitored project α (digest §7.2)', () => {
  const events = [
    [3.2, 0], [8.5, 0], [15.0, 0], [22.4, 0], [41.0, 96.0], [5.5, 0], [63.0, 420.0], [12.0, 0], [28.6, 12.5], [2.0, 0],
  ].map(([rainMm, outflowM3]) => ({ rainMm: rainMm!, outflowM3: outflowM3! }));
  it('α = 1 − 528.5 / 3018 = 0.824884', () => {
    const r = monitoredControlRate(events, 1.5);
    expectRel(r.rainVolumeM3, 3018);
    expectRel(r.outflowM3, 528.5);
    expectShown(r.alpha, 0.824884, 6);
    expect(r.judgement).toBeNull();
  });
  it('judged against a zone lower limit, with its clause', () => {
    const zone = controlRateZone('III');
    const r = monitoredControlRate(events, 1.5, { targetAlpha: zone.alphaMin, zoneLabel: 'zone Ⅲ lower limit 75 %' });
    expect(r.judgement!.pass).toBe(true);
    expect(r.judgement!.clause).toMatch(/zone Ⅲ lower limit/);
    expect(monitoredControlRate(events, 1.5, { targetAlpha: controlRateZone('I').alphaMin }).judgement!.pass).toBe(false);
    expect(() => controlRateZone('VI')).toThrow(/unknown control-rate zone/);
  });
});

describe('E13 Nash–Sutcliffe (digest §7.2)', () => {
  const obs = [1.0, 3.0, 5.0, 4.0, 2.0];
  const sim = [1.2, 2.7, 4.6, 4.3, 2.1];
  it('NSE = 0.961, passes ≥ 0.5', () => {
    expectRel(nashSutcliffe(obs, sim), 0.961);
    const f = fitStatistics(obs, sim);
    expect(f.judgement.pass).toBe(true);
    expect(f.judgement.threshold).toBe(0.5);
    expect(f.judgement.provenance.tag).toBe('R');
  });
  it('other statistics by hand', () => {
    const f = fitStatistics(obs, sim);
    // Σ(o − s)² = 0.04 + 0.09 + 0.16 + 0.09 + 0.01 = 0.39
    expectRel(f.rmse, Math.sqrt(0.39 / 5));
    expectRel(f.pbiasPct, (100 * (14.9 - 15)) / 15);
    expectRel(f.volumeError, 14.9 / 15 - 1);
    expectRel(f.peakError, 4.6 / 5 - 1);
    expect(f.peakShift).toBe(0);
    expect(f.r2).toBeGreaterThan(0.96);
    expect(f.r2).toBeLessThanOrEqual(1);
  });
  it('fails below 0.5 and rejects bad series', () => {
    expect(fitStatistics([1, 2, 3], [3, 1, 2]).judgement.pass).toBe(false);
    expect(() => nashSutcliffe([1, 2], [1])).toThrow(/differ in length/);
    expect(() => nashSutcliffe([2, 2, 2], [1, 2, 3])).toThrow(/constant/);
  });
});

describe('water bodies, shoreline and area result (digest §7.1, §7.2, §7.4)', () => {
  it('CSO outfall control rate 0.58 passes', () => {
    const r = csoControlRate(100000, 42000);
    expectRel(r.rate, 0.58);
    expect(r.judgement.pass).toBe(true);
  });
  it('shoreline 7.8 / 10.5 = 0.742857 passes', () => {
    const r = shorelineRatio(12, 1.5, 7.8);
    expectShown(r.ratio, 0.742857, 6);
    expect(r.judgement.pass).toBe(true);
  });
  it('built-up area result R = 38 / 60 = 0.63333', () => {
    const r = builtUpAreaResult(
      [
        { id: 'd1', areaKm2: 12.5, items: { alpha: 'pass', ponding: 'pass' } },
        { id: 'd2', areaKm2: 8.0, items: { alpha: 'pass', ponding: 'fail' } },
        { id: 'd3', areaKm2: 20.3, items: { alpha: 'pass' } },
        { id: 'd4', areaKm2: 5.2, items: { alpha: 'pass' } },
      ],
      60,
    );
    expectShown(r.ratio, 0.63333, 5);
    expect(r.failing).toEqual(['d2']);
    const na = builtUpAreaResult([{ id: 'x', areaKm2: 5, items: { alpha: 'not-assessable' } }], 10);
    expect(na.ratio).toBe(0);
    expect(na.notAssessable).toEqual(['x']);
  });
  it('not black-odorous thresholds and the 黑臭指南 classes', () => {
    expect(notBlackOdorous({ transparencyCm: 30, doMgL: 3, orpMv: 100, nh3nMgL: 2 }).pass).toBe(true);
    const bad = notBlackOdorous({ transparencyCm: 25, doMgL: 3, orpMv: 100, nh3nMgL: 2 });
    expect(bad.pass).toBe(false);
    expect(bad.judgements.transparency.pass).toBe(false);
    // Shallow water: 40 % of the depth.
    expect(notBlackOdorous({ transparencyCm: 9, doMgL: 3, orpMv: 100, nh3nMgL: 2, depthCm: 20 }).pass).toBe(true);
    expect(indicatorClass('do', 0.1)).toBe('heavy');
    expect(indicatorClass('orp', -100)).toBe('light');
    expect(indicatorClass('nh3n', 16)).toBe('heavy');
    const heavy = classifyPoint([
      { transparencyCm: 5, doMgL: 3, orpMv: 100, nh3nMgL: 2 },
      { transparencyCm: 8, doMgL: 3, orpMv: 100, nh3nMgL: 2 },
      { transparencyCm: 30, doMgL: 3, orpMv: 100, nh3nMgL: 2 },
    ]);
    expect(heavy.cls).toBe('heavy'); // transparency heavy in 2/3 ≥ 60 %
    const light = classifyPoint([
      { transparencyCm: 5, doMgL: 3, orpMv: 100, nh3nMgL: 2 },
      { transparencyCm: 30, doMgL: 3, orpMv: 100, nh3nMgL: 2 },
      { transparencyCm: 30, doMgL: 3, orpMv: 100, nh3nMgL: 2 },
    ]);
    expect(light.cls).toBe('light');
  });
  it('peak reduction and SS from EMC', () => {
    const p = peakReduction(120, 90);
    expectRel(p.reduction, 0.25);
    expect(p.judgement.pass).toBe(true);
    expect(peakReduction(120, 130).judgement.pass).toBe(false);
    const ss = assessSsRemoval([{ inflow: { flowLps: [10, 30, 50, 30, 10], concMgL: [300, 250, 180, 120, 100] }, outflow: { flowLps: [0, 5, 15, 15, 10], concMgL: [0, 60, 50, 40, 40] }, dtS: 300 }], 'new');
    expectShown(ss.removal, 0.914938, 6);
    expect(ss.judgement.pass).toBe(true);
    expect(ss.judgement.threshold).toBe(0.7);
  });
});
