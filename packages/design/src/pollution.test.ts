import { describe, expect, it } from 'vitest';
import { compositeSsRemoval, meanRemoval, siteSsRemoval, ssRemovalRange } from './ss-removal.js';
import { eventLoad, loadRemoval } from './emc.js';
import { expectRel, expectShown } from '../test/golden.js';

describe('E7 composite SS removal (digest §6.3)', () => {
  const zones = [
    { id: 'A', areaHa: 2.0, phi: 0.51, alpha: 0.85, removal: 0.75 },
    { id: 'B', areaHa: 3.0, phi: 0.7, alpha: 0.7, removal: 0.6 },
    { id: 'C', areaHa: 1.5, phi: 0.3, alpha: 0.9, removal: 0.7 },
  ];
  it('zone r and W, runoff-weighted R = 0.508613 (area-weighted would be 0.535385)', () => {
    const r = compositeSsRemoval(zones, 585);
    expectRel(r.zones[0]!.r, 0.6375);
    expectRel(r.zones[1]!.r, 0.42);
    expectRel(r.zones[2]!.r, 0.63);
    expectRel(r.zones[0]!.runoffM3, 5967);
    expectRel(r.zones[1]!.runoffM3, 12285);
    expectRel(r.zones[2]!.runoffM3, 2632.5);
    expectShown(r.removal, 0.508613, 6);
    expectShown(r.areaWeighted, 0.535385, 6);
  });
  it('site removal and volume-weighted η̄', () => {
    expectRel(siteSsRemoval(0.85, 0.75), 0.6375);
    expectRel(meanRemoval([{ removal: 0.8, volumeM3: 100 }, { removal: 0.6, volumeM3: 300 }]), 0.65);
    expect(ssRemovalRange('complex-bioretention')).toEqual([0.7, 0.95]);
    expect(() => ssRemovalRange('sunken-green')).toThrow(/gives no SS removal rate/);
    expect(() => siteSsRemoval(1.2, 0.5)).toThrow(/α must lie/);
  });
});

describe('EMC example (digest §6.3)', () => {
  const inflow = { flowLps: [10, 30, 50, 30, 10], concMgL: [300, 250, 180, 120, 100] };
  const outflow = { flowLps: [0, 5, 15, 15, 10], concMgL: [0, 60, 50, 40, 40] };
  it('loads, volumes, EMCs and removal', () => {
    const r = loadRemoval(inflow, outflow, 300);
    expectRel(r.inflow.loadKg, 7.23);
    expectRel(r.outflow.loadKg, 0.615);
    expectShown(r.loadRemoval, 0.914938, 6);
    expectRel(r.inflow.volumeM3, 39);
    expectRel(r.outflow.volumeM3, 13.5);
    expectShown(r.volumeReduction, 0.653846, 6);
    expectShown(r.inflow.emcMgL, 185.385, 3);
    expectShown(r.outflow.emcMgL, 45.556, 3);
  });
  it('rejects mismatched series', () => {
    expect(() => eventLoad({ flowLps: [1, 2], concMgL: [1] }, 60)).toThrow(/differ in length/);
    expect(() => eventLoad({ flowLps: [1], concMgL: [1] }, 0)).toThrow(/interval/);
  });
});
