import { describe, expect, it } from 'vitest';
import { overlayParams, parseFieldValue, uniqueLidName, upsertSetParam } from './changes';
import { colorFor, niceMax, rampStops, RAMP } from './colorScale';
import { unitLabels } from './units';
import type { Change } from '../api/types';

describe('scenario change helpers', () => {
  const lid: Change = { kind: 'addLid', subcatchment: 'S1', lidName: 'BC_S1', lidType: 'BC', areaM2: 100 };
  it('keeps one edit per object field', () => {
    let ch: Change[] = [lid];
    ch = upsertSetParam(ch, { kind: 'setParam', objectKind: 'subcatchment', name: 'S1', field: 'pctImperv', value: 50 });
    ch = upsertSetParam(ch, { kind: 'setParam', objectKind: 'subcatchment', name: 'S1', field: 'pctImperv', value: 40 });
    ch = upsertSetParam(ch, { kind: 'setParam', objectKind: 'subcatchment', name: 'S2', field: 'pctImperv', value: 10 });
    expect(ch).toHaveLength(3);
    const { values, edited } = overlayParams({ pctImperv: 65, width: 100 }, ch, 'subcatchment', 'S1');
    expect(values).toEqual({ pctImperv: 40, width: 100 });
    expect([...edited]).toEqual(['pctImperv']);
  });
  it('names LIDs uniquely', () => {
    expect(uniqueLidName([], 'RG', 'S 2')).toBe('RG_S_2');
    expect(uniqueLidName([lid], 'BC', 'S1')).toBe('BC_S1_2');
  });
  it('parses numbers only for numeric fields', () => {
    expect(parseFieldValue(' 12.5 ', 3)).toBe(12.5);
    expect(parseFieldValue('abc', 3)).toBe('abc');
    expect(parseFieldValue('12', 'OUT1')).toBe('12');
  });
});

describe('colour ramp', () => {
  it('rounds the legend maximum up', () => {
    expect(niceMax([12.3, 40.1])).toBe(50);
    expect(niceMax([0.7])).toBe(0.8);
    expect(niceMax([])).toBe(1);
  });
  it('maps the range ends to the ramp ends', () => {
    expect(colorFor(0, 50)).toBe(RAMP[0]);
    expect(colorFor(50, 50)).toBe(RAMP[6]);
    expect(colorFor(25, 50)).toBe(RAMP[3]);
    expect(colorFor(Number.NaN, 50)).toBe('#bdbdbd');
    expect(rampStops(60).slice(0, 4)).toEqual([0, RAMP[0], 10, RAMP[1]]);
  });
});

describe('unit labels', () => {
  it('follows FLOW_UNITS', () => {
    expect(unitLabels('LPS').depth).toBe('mm');
    expect(unitLabels('LPS').volume).toBe('m³');
    expect(unitLabels('CMS', { flow: 'CFS', volume: 'ft3', depth: 'in' })).toEqual({ flow: 'CFS', depth: 'in', volume: 'ft³' });
    expect(unitLabels('CFS').depth).toBe('in');
    expect(unitLabels('cms').flow).toBe('CMS');
  });
});
