// One test per coded LID input error (SWMM's numbers), each checking the line, section,
// offending token and what was expected; plus the typed values of a valid input.
import { describe, expect, it } from 'vitest';
import type { EngineError } from '../api.js';
import { parseInp } from '../input/index.js';
import type { Model } from '../model/types.js';
import { unitFactors } from '../model/units.js';
import { attachLids } from './lid.js';
import { readLidInput } from './lid-input.js';
import { createRunoff } from './runoff.js';

const BASE = `[OPTIONS]
FLOW_UNITS CFS
START_DATE 01/01/2020
END_DATE 01/01/2020
END_TIME 06:00:00
[RAINGAGES]
G1 INTENSITY 1:00 1.0 TIMESERIES R1
[SUBCATCHMENTS]
S1 G1 O1 1 50 100 1 0
S2 G1 O1 1 50 100 1 0
[SUBAREAS]
S1 0.01 0.1 0.05 0.05 25 OUTLET
S2 0.01 0.1 0.05 0.05 25 OUTLET
[OUTFALLS]
O1 0 FREE
[POLLUTANTS]
TSS MG/L 0 0 0 0 NO * 0 0 0
[CURVES]
C1 CONTROL 0 1
C1 12 0.5
[TIMESERIES]
R1 0 1
`;

function baseModel(): Model {
  const r = parseInp(BASE);
  expect(r.errors).toEqual([]);
  return r.model!;
}

/** The base model with these section lines (first line number 100 / 200). */
function withLids(controls: string[], usage: string[]): Model {
  const m = baseModel();
  const sec = (name: string, lines: string[], first: number) => ({
    name, lines: lines.map((t, i) => ({ line: first + i, text: t, tokens: t.trim().split(/\s+/) })),
  });
  m.extra['[LID_CONTROLS]'] = sec('[LID_CONTROLS]', controls, 100);
  m.extra['[LID_USAGE]'] = sec('[LID_USAGE]', usage, 200);
  return m;
}

const BC = ['B BC', 'B SURFACE 6 0.1 0.1 1 5', 'B SOIL 12 0.5 0.2 0.1 0.5 10 3.5', 'B STORAGE 12 0.75 0.5 0', 'B DRAIN 0.5 0.5 6 6'];
const USE_B = ['S1 B 10 100 10 0 50 0'];

function errorsOf(controls: string[], usage: string[] = USE_B): EngineError[] {
  return readLidInput(withLids(controls, usage)).errors;
}

function expectOne(errs: EngineError[], code: number, fields: Partial<EngineError>, expected?: RegExp): void {
  expect(errs.map((e) => e.code)).toEqual([code]);
  expect(errs[0]).toMatchObject({ ...fields, code });
  if (expected) expect(errs[0]!.message).toMatch(expected);
}

describe('LID input: valid sections', () => {
  it('reads every layer and usage field in user units', () => {
    const inp = readLidInput(withLids(
      [...BC, 'B REMOVALS TSS 40', 'P PP', 'P SURFACE 0 0 0.02 2 5', 'P PAVEMENT 6 0.15 0.1 100 0.2 30 0.5',
        'P STORAGE 12 0.75 0.2 0.1', 'P DRAIN 1 0.5 0 6 4 2 C1', 'R RB', 'R STORAGE 48 1 0 0 YES', 'R DRAIN 1 0.5 0 6'],
      ['S1 B 10 100 10 20 50 1 b.txt O1 30', 'S2 P 1 500 20 0 40 0 * S1', 'S2 R 2 5 0 0 10 0'],
    ));
    expect(inp.errors).toEqual([]);
    expect(inp.controls.map((c) => c.type)).toEqual(['BC', 'PP', 'RB']);
    const b = inp.controls[0]!;
    expect(b.soil).toMatchObject({ thickness: 12, porosity: 0.5, fieldCapacity: 0.2, wiltingPoint: 0.1, ksat: 0.5, conductivitySlope: 10, suctionHead: 3.5, line: 102 });
    expect(b.removals).toEqual([{ pollutant: 'TSS', percent: 40 }]);
    const p = inp.controls[1]!;
    expect(p.pavement).toMatchObject({ thickness: 6, voidRatio: 0.15, imperviousFraction: 0.1, permeability: 100, clogFactor: 0.2, regenIntervalDays: 30, regenFraction: 0.5 });
    expect(p.drain).toMatchObject({ coefficient: 1, exponent: 0.5, offset: 0, delayHours: 6, openLevel: 4, closeLevel: 2, controlCurve: 'C1' });
    expect(inp.controls[2]!.storage!.covered).toBe(true);
    expect(inp.usage[0]).toMatchObject({ subIndex: 0, lidIndex: 0, number: 10, area: 100, width: 10, initSatPct: 20, fromImpPct: 50, toPerv: true, rptFile: 'b.txt', drainTo: 'O1', fromPervPct: 30 });
    expect(inp.usage[1]).toMatchObject({ rptFile: null, drainTo: 'S1', fromPervPct: 0 });
  });

  it('ignores a usage line with zero units', () => {
    expect(readLidInput(withLids(BC, ['S1 B 0 100 10 0 50 0'])).usage).toEqual([]);
  });
});

describe('LID input: coded errors', () => {
  it('183 no type specified for an LID', () => {
    expectOne(errorsOf(BC.slice(1)), 183, { line: 100, section: '[LID_CONTROLS]', token: 'B' }, /expected a "B <type>" line/);
  });

  it('184 missing required layer (bio-retention cell without soil)', () => {
    expectOne(errorsOf(BC.filter((l) => !l.includes('SOIL'))), 184, { line: 100, token: 'B' }, /needs SOIL/);
  });

  it('184 missing required layer (green roof without drainage mat)', () => {
    expectOne(errorsOf(['G GR', 'G SOIL 4 0.5 0.2 0.1 1 10 3.5'], ['S1 G 1 100 10 0 0 0']), 184, { token: 'G' }, /DRAINMAT/);
  });

  it('185 a layer the type does not have (soil in a rain barrel)', () => {
    expectOne(errorsOf(['R RB', 'R STORAGE 48 1 0 0', 'R SOIL 12 0.5 0.2 0.1 0.5 10 3.5'], ['S1 R 1 5 0 0 10 0']), 185,
      { line: 102, token: 'SOIL' }, /type RB has no SOIL layer/);
  });

  it('185 a layer the type does not have (drainage mat on a bio-retention cell)', () => {
    expectOne(errorsOf([...BC, 'B DRAINMAT 3 0.5 0.1']), 185, { line: 105, token: 'DRAINMAT' }, /type BC has no DRAINMAT layer/);
  });

  it('185 invalid soil layer (field capacity above porosity)', () => {
    expectOne(errorsOf(BC.map((l) => (l.includes('SOIL') ? 'B SOIL 12 0.3 0.4 0.1 0.5 10 3.5' : l))), 185, { line: 102 }, /soil layer/);
  });

  it('185 invalid pavement layer (zero permeability)', () => {
    expectOne(errorsOf(['P PP', 'P PAVEMENT 6 0.15 0 0 0'], ['S1 P 1 100 10 0 0 0']), 185, { line: 101 }, /pavement layer/);
  });

  it('185 invalid storage layer (zero void ratio)', () => {
    expectOne(errorsOf(BC.map((l) => (l.includes('STORAGE') ? 'B STORAGE 12 0 0.5 0' : l))), 185, { line: 103 }, /storage layer/);
  });

  it('185 drain open level not above its close level', () => {
    expectOne(errorsOf(BC.map((l) => (l.includes('DRAIN') ? 'B DRAIN 0.5 0.5 6 6 2 3' : l))), 185, { line: 104 }, /open level above the close level/);
  });

  it('185 vegetative swale without roughness or slope', () => {
    expectOne(errorsOf(['V VS', 'V SURFACE 12 0 0 1 5'], ['S1 V 1 1000 10 0 0 0']), 185, { line: 101 }, /swale surface/);
  });

  it('185 vegetative swale with no width', () => {
    expectOne(errorsOf(['V VS', 'V SURFACE 12 0 0.2 1 5'], ['S1 V 1 1000 0 0 0 0']), 185, { line: 200, section: '[LID_USAGE]' }, /swale width/);
  });

  it('185 two different types for one LID', () => {
    expectOne(errorsOf([...BC, 'B IT']), 185, { line: 105, token: 'IT' }, /type given twice/);
  });

  it('187 LID area larger than its subcatchment', () => {
    // 1 acre = 43560 ft²; 10 units of 5000 ft² are more.
    expectOne(errorsOf(BC, ['S1 B 10 5000 10 0 50 0']), 187, { line: 200, section: '[LID_USAGE]', token: 'S1' }, /LID area exceeds total area/);
  });

  it('188 treated shares above 100 %', () => {
    expectOne(errorsOf(BC, ['S1 B 1 100 10 0 60 0', 'S1 B 1 100 10 0 50 0']), 188, { line: 201, token: 'S1' }, /110 %/);
  });

  it('203 too few items', () => {
    expectOne(errorsOf(BC.map((l) => (l.includes('SOIL') ? 'B SOIL 12 0.5' : l))), 203, { line: 102, token: 'B' }, /expected 7 values/);
    expectOne(errorsOf(BC, ['S1 B 10 100 10 0 50']), 203, { line: 200, section: '[LID_USAGE]' });
  });

  it('205 invalid keyword (layer, type, covered flag)', () => {
    expectOne(errorsOf([...BC, 'B GRAVEL 1 2 3']), 205, { line: 105, token: 'GRAVEL' }, /expected an LID type/);
    expectOne(errorsOf(['X XX'], []), 205, { line: 100, token: 'XX' });
    expectOne(errorsOf(['R RB', 'R STORAGE 48 1 0 0 MAYBE'], ['S1 R 1 5 0 0 10 0']), 205, { token: 'MAYBE' }, /YES or NO/);
  });

  it('209 undefined LID, subcatchment, drain node, curve or pollutant', () => {
    expectOne(errorsOf(BC, ['S1 Nope 10 100 10 0 50 0']), 209, { line: 200, token: 'Nope' }, /LID control/);
    expectOne(errorsOf(BC, ['S9 B 10 100 10 0 50 0']), 209, { token: 'S9' }, /subcatchment/);
    expectOne(errorsOf(BC, ['S1 B 10 100 10 0 50 0 * J99']), 209, { token: 'J99' }, /node or subcatchment to receive the underdrain/);
    expectOne(errorsOf(BC.map((l) => (l.includes('DRAIN') ? 'B DRAIN 0.5 0.5 6 6 0 0 NoCurve' : l))), 209, { line: 104, token: 'NoCurve' }, /curve/);
    expectOne(errorsOf([...BC, 'B REMOVALS Lead 50']), 209, { line: 105, token: 'Lead' }, /pollutant/);
  });

  it('211 invalid numbers (text, negative, out of range, fractional unit count, vegetation fraction ≥ 1)', () => {
    expectOne(errorsOf(BC.map((l) => (l.includes('SOIL') ? 'B SOIL 12 abc 0.2 0.1 0.5 10 3.5' : l))), 211, { line: 102, token: 'abc' }, /porosity/);
    expectOne(errorsOf(BC.map((l) => (l.includes('STORAGE') ? 'B STORAGE -12 0.75 0.5 0' : l))), 211, { token: '-12' }, /≥ 0/);
    expectOne(errorsOf(BC, ['S1 B 10 100 10 120 50 0']), 211, { line: 200, token: '120' }, /initial saturation/);
    expectOne(errorsOf(BC, ['S1 B 2.5 100 10 0 50 0']), 211, { token: '2.5' }, /whole number/);
    expectOne(errorsOf(BC.map((l) => (l.includes('SURFACE') ? 'B SURFACE 6 1.0 0.1 1 5' : l))), 211, { token: '1.0' }, /vegetation volume fraction < 1/);
  });
});

describe('attachLids', () => {
  it('returns no state and the coded errors when the input is invalid', () => {
    const m = withLids(BC, ['S1 B 10 5000 10 0 50 0']);
    const uf = unitFactors('CFS');
    const ro = createRunoff(m, uf, (n) => (n.toUpperCase() === 'O1' ? 0 : -1));
    const r = attachLids(m, ro, uf, (n) => (n.toUpperCase() === 'O1' ? 0 : -1), (n) => ['s1', 's2'].indexOf(n.toLowerCase()));
    expect(r.state).toBeNull();
    expect(r.errors.map((e) => e.code)).toEqual([187]);
    expect(ro.lid).toBeNull();
  });

  it('sets LID areas, overland-flow coefficients and the initial LID storage', () => {
    const m = withLids(BC, ['S1 B 10 100 10 50 50 0']);
    const uf = unitFactors('CFS');
    const node = (n: string): number => (n.toUpperCase() === 'O1' ? 0 : -1);
    const ro = createRunoff(m, uf, node);
    const alpha0 = ro.saAlpha[0]!;
    const r = attachLids(m, ro, uf, node, (n) => ['s1', 's2'].indexOf(n.toLowerCase()));
    expect(r.errors).toEqual([]);
    expect(ro.lidArea[0]).toBe(1000);
    expect(ro.lidArea[1]).toBe(0);
    // α uses the non-LID impervious area: it grows by area/(area − LID area).
    expect(ro.saAlpha[0]! / alpha0).toBeCloseTo(ro.area[0]! / (ro.area[0]! - 1000), 12);
    // InitSat 50 %: θ = 0.1 + 0.5·(0.5 − 0.1) = 0.3 over 1 ft of soil, storage 0.5 ft at void fraction 0.75/1.75.
    const initFt = 0.3 * 1 + 0.5 * (0.75 / 1.75);
    expect(ro.mb.initStorage).toBeCloseTo(initFt * 1000, 9);
    expect(r.state!.wet).toBe(true);
  });
});
