import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildShapeTable, buildTransect, readTransectRecords, type TransectInput, type TransectTable } from './transect.js';

const S23 = (r: number) => Math.pow(r, 2 / 3);
/** SWMM computes conveyance with 1.486 but turns it back into a radius with 1.49. */
const K = Math.pow(1.486 / 1.49, 1.5);

function build(input: Partial<TransectInput> & Pick<TransectInput, 'elevations' | 'stations'>): TransectTable {
  const t = buildTransect({
    name: 'T',
    nLeft: 0,
    nRight: 0,
    nChannel: 0.02,
    xLeftBank: 0,
    xRightBank: 0,
    meander: 0,
    stationFactor: 0,
    elevOffset: 0,
    ...input,
  });
  if ('error' in t) throw new Error(t.error);
  return t;
}

describe('buildTransect', () => {
  it('rectangular channel: tables of a 10 ft wide, 2 ft deep rectangle', () => {
    const t = build({ elevations: [2, 0, 0, 2], stations: [0, 0, 10, 10] });
    expect(t.yFull).toBe(2);
    expect(t.aFull).toBeCloseTo(20, 12);
    expect(t.wMax).toBeCloseTo(10, 12);
    expect(t.rFull).toBeCloseTo((K * 20) / 14, 12);
    expect(t.ywMax).toBe(2);
    // level 25 is half depth
    expect(t.areaTbl[25]).toBeCloseTo(0.5, 12);
    expect(t.widthTbl[25]).toBeCloseTo(1, 12);
    expect(t.hradTbl[25]).toBeCloseTo(10 / 12 / (20 / 14), 12);
    expect(t.widthTbl[0]).toBe(t.widthTbl[1]);
    expect(t.areaTbl[0]).toBe(0);
    // S = A·R^(2/3) is largest at full depth for a rectangle
    expect(t.sMax).toBeCloseTo(20 * S23(t.rFull), 10);
    expect(t.aMax).toBeCloseTo(20, 10);
    expect(t.roughness).toBe(0.02);
    expect(t.nLeft).toBe(0.02);
    expect(t.lengthFactor).toBe(1);
  });

  // Trapezoidal main channel (stations 10-20, n 0.02) with flat overbanks at
  // elevation 2 (n 0.1) out to stations 0 and 30, walls up to elevation 3.
  const compound: TransectInput = {
    name: 'C',
    nLeft: 0.1,
    nRight: 0.1,
    nChannel: 0.02,
    xLeftBank: 10,
    xRightBank: 20,
    meander: 1,
    stationFactor: 1,
    elevOffset: 0,
    elevations: [3, 2, 2, 0, 0, 2, 2, 3],
    stations: [0, 0, 10, 11, 19, 20, 30, 30],
  };

  it('compound channel: sub-section conveyance with bank roughness', () => {
    const t = buildTransect(compound);
    if ('error' in t) throw new Error(t.error);
    // Full (elevation 3): left overbank A 10, P 1 + 10; channel A 2 + 24 + 2,
    // P 2√5 + 8; right overbank A 10, P 10 + 1 (the right wall counts: it is a GR point).
    const qOver = (1.486 / 0.1) * 10 * S23(10 / 11);
    const pCh = 8 + 2 * Math.sqrt(5);
    const qCh = (1.486 / 0.02) * 28 * S23(28 / pCh);
    const rFull = Math.pow(((2 * qOver + qCh) * 0.02) / 1.49 / 48, 1.5);
    expect(t.aFull).toBeCloseTo(48, 10);
    expect(t.wMax).toBeCloseTo(30, 10);
    expect(t.rFull).toBeCloseTo(rFull, 10);
    // Level 25 (elevation 1.5): only the channel is wet
    const a = 12 + 2 * 0.5 * 0.75 * 1.5;
    const p = 8 + 2 * 0.75 * Math.sqrt(5);
    expect(t.areaTbl[25]! * t.aFull).toBeCloseTo(a, 10);
    expect(t.widthTbl[25]! * t.wMax).toBeCloseTo(9.5, 10);
    expect(t.hradTbl[25]! * t.rFull).toBeCloseTo((K * a) / p, 10);
    // The overbanks drag the full-depth radius below the channel-only value
    expect(t.rFull).toBeLessThan((K * 48) / (pCh + 22));
  });

  it('meander scales the channel n for the tables but keeps the entered roughness', () => {
    const t = buildTransect({ ...compound, meander: 2 });
    if ('error' in t) throw new Error(t.error);
    const nCh = 0.02 * Math.SQRT2;
    const qOver = (1.486 / 0.1) * 10 * S23(10 / 11);
    const pCh = 8 + 2 * Math.sqrt(5);
    const qCh = (1.486 / nCh) * 28 * S23(28 / pCh);
    expect(t.rFull).toBeCloseTo(Math.pow(((2 * qOver + qCh) * nCh) / 1.49 / 48, 1.5), 10);
    expect(t.roughness).toBe(0.02);
    expect(t.lengthFactor).toBe(2);
  });

  it('applies the station factor (also to banks) and the elevation offset', () => {
    const a = buildTransect(compound);
    const b = buildTransect({
      ...compound,
      stations: Array.from(compound.stations, (s) => s / 2),
      xLeftBank: 5,
      xRightBank: 10,
      stationFactor: 2,
      elevations: Array.from(compound.elevations, (z) => z - 100),
      elevOffset: 100,
    });
    if ('error' in a || 'error' in b) throw new Error('build failed');
    expect(b.rFull).toBeCloseTo(a.rFull, 10);
    expect(b.yFull).toBeCloseTo(a.yFull, 10);
    for (let i = 0; i < a.hradTbl.length; i++) expect(b.hradTbl[i]).toBeCloseTo(a.hradTbl[i]!, 10);
  });

  it('rejects bad transects with a message', () => {
    const base = { ...compound };
    const bad: [Partial<TransectInput>, RegExp][] = [
      [{ elevations: [1], stations: [0] }, /at least 2 stations/],
      [{ nChannel: 0 }, /Manning n/],
      [{ xLeftBank: 25, xRightBank: 20 }, /left bank/],
      [{ elevations: [1, 1, 1], stations: [0, 1, 2] }, /no depth/],
      [{ elevations: [1, 0, 1], stations: [0, 2, 1] }, /increasing order/],
    ];
    for (const [patch, re] of bad) {
      const r = buildTransect({ ...base, ...patch });
      expect('error' in r ? r.error : 'ok').toMatch(re);
    }
  });
});

describe('readTransectRecords', () => {
  it('reads NC / X1 / GR rows, keeping previous n for zeros and converting SI lengths', () => {
    const rows = [
      ['NC', '0.05', '0.06', '0.03'],
      ['X1', 'A', '4', '10', '20', '0', '0', '1.5', '2', '0.5'],
      ['GR', '3', '0', '0', '10'],
      ['GR', '0', '20', '3', '30'],
      ['NC', '0', '0', '0.04'],
      ['X1', 'B', '2'],
      ['GR', '1', '0', '0', '5', '1', '10'],
    ];
    const r = readTransectRecords(rows, 0.3048);
    if ('error' in r) throw new Error(r.error);
    expect(r.transects).toHaveLength(2);
    const [a, b] = r.transects;
    expect(a!.name).toBe('A');
    expect([a!.nLeft, a!.nRight, a!.nChannel]).toEqual([0.05, 0.06, 0.03]);
    expect(a!.xLeftBank).toBeCloseTo(10 / 0.3048, 12);
    expect(a!.meander).toBe(1.5);
    expect(a!.stationFactor).toBe(2);
    expect(a!.elevOffset).toBeCloseTo(0.5 / 0.3048, 12);
    expect(Array.from(a!.elevations)).toEqual([3, 0, 0, 3].map((v) => v / 0.3048));
    expect(Array.from(a!.stations)).toEqual([0, 10, 20, 30].map((v) => v / 0.3048));
    expect([b!.nLeft, b!.nRight, b!.nChannel]).toEqual([0.05, 0.06, 0.04]);
    expect(b!.stations).toHaveLength(3);
  });

  it('reports malformed rows', () => {
    expect(readTransectRecords([['GR', '1', '2']])).toMatchObject({ row: 0 });
    expect(readTransectRecords([['X1', 'A'], ['GR', '1']])).toMatchObject({ row: 1 });
    expect(readTransectRecords([['XX', '1']])).toMatchObject({ error: expect.stringMatching(/XX/) });
  });
});

describe('buildShapeTable', () => {
  it('square curve gives unit-square tables', () => {
    const s = buildShapeTable({ x: [0, 1], y: [1, 1] });
    if ('error' in s) throw new Error(s.error);
    expect(s.aFull).toBeCloseTo(1, 12);
    expect(s.rFull).toBeCloseTo(0.25, 12);
    expect(s.wMax).toBe(1);
    expect(s.areaTbl[10]).toBeCloseTo(0.2, 12);
    // below full the roof is not wetted: R = a/(1 + 2a)
    expect(s.hradTbl[10]! * s.rFull).toBeCloseTo(0.2 / 1.4, 12);
    expect(s.widthTbl[0]).toBe(1);
  });

  it('adds a zero-width point at height 0 when the curve starts higher', () => {
    // triangle up to half height, then vertical walls of relative width 1
    const s = buildShapeTable({ x: [0.5, 1], y: [1, 1] });
    if ('error' in s) throw new Error(s.error);
    expect(s.aFull).toBeCloseTo(0.25 + 0.5, 12);
    expect(s.areaTbl[25]! * s.aFull).toBeCloseTo(0.25, 12);
    expect(s.widthTbl[10]! * s.wMax).toBeCloseTo(0.4, 12);
    const side = Math.sqrt(0.5 * 0.5 + 0.5 * 0.5);
    expect(s.hradTbl[25]! * s.rFull).toBeCloseTo(0.25 / (2 * side), 12);
    expect(s.rFull).toBeCloseTo(0.75 / (2 * side + 1 + 1), 12);
    expect(s.ywMax).toBeCloseTo(0.5, 12);
  });

  it('rejects curves that cannot describe a shape', () => {
    expect(buildShapeTable({ x: [], y: [] })).toHaveProperty('error');
    expect(buildShapeTable({ x: [0, 0.5, 0.4], y: [1, 1, 1] })).toHaveProperty('error');
    expect(buildShapeTable({ x: [1.2], y: [1] })).toHaveProperty('error');
    expect(buildShapeTable({ x: [0, 1], y: [0, 0] })).toHaveProperty('error');
  });
});

// ---------------------------------------------------------------------------
// SWMM 5.2.4 reference: the "Transect Summary" tables of the reference reports

const here = path.dirname(fileURLToPath(import.meta.url));
const modelsDir = path.resolve(here, '..', '..', '..', '..', '..', 'shared', 'swmm-reference', 'models');
const haveShared = existsSync(modelsDir);
if (!haveShared) console.log(`transect reference test skipped: ${modelsDir} not found`);

function sectionRows(text: string, name: string): string[][] {
  const rows: string[][] = [];
  let on = false;
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t.startsWith('[')) {
      on = t.toUpperCase() === `[${name}]`;
      continue;
    }
    if (!on || t === '' || t.startsWith(';')) continue;
    rows.push(t.split(';')[0]!.trim().split(/\s+/));
  }
  return rows;
}

function transectSummary(rpt: string): Map<string, { Area: number[]; Hrad: number[]; Width: number[] }> {
  const out = new Map<string, { Area: number[]; Hrad: number[]; Width: number[] }>();
  const start = rpt.indexOf('Transect Summary');
  if (start < 0) return out;
  let cur: { Area: number[]; Hrad: number[]; Width: number[] } | null = null;
  let key: 'Area' | 'Hrad' | 'Width' | null = null;
  for (const line of rpt.slice(start).split(/\r?\n/).slice(2)) {
    const t = line.trim();
    let m: RegExpExecArray | null;
    if ((m = /^Transect (\S+)$/.exec(t))) {
      cur = { Area: [], Hrad: [], Width: [] };
      out.set(m[1]!, cur);
      key = null;
    } else if ((m = /^(Area|Hrad|Width):$/.exec(t))) {
      key = m[1] as 'Area' | 'Hrad' | 'Width';
    } else if (cur && key && /^[\d.\s]+$/.test(t) && t !== '') {
      cur[key].push(...t.split(/\s+/).map(Number));
    } else if (t.startsWith('***')) {
      break;
    }
  }
  return out;
}

describe.skipIf(!haveShared)('SWMM 5.2.4 Transect Summary', () => {
  for (const [id, ucf] of [
    ['greenville_all_features_si', 0.3048],
    ['epa_example7_dual_drainage', 1],
  ] as const) {
    it(`${id}: area, hydraulic radius and width tables match to the printed 4 decimals`, () => {
      const dir = path.join(modelsDir, id);
      const inp = readFileSync(path.join(dir, `${id}.inp`), 'utf8');
      const ref = transectSummary(readFileSync(path.join(dir, `${id}.rpt`), 'utf8'));
      const rec = readTransectRecords(sectionRows(inp, 'TRANSECTS'), ucf);
      if ('error' in rec) throw new Error(rec.error);
      expect(rec.transects.length).toBeGreaterThan(0);
      for (const input of rec.transects) {
        const t = buildTransect(input);
        if ('error' in t) throw new Error(t.error);
        const want = ref.get(input.name);
        expect(want, input.name).toBeDefined();
        for (const [k, tbl] of [
          ['Area', t.areaTbl],
          ['Hrad', t.hradTbl],
          ['Width', t.widthTbl],
        ] as const) {
          expect(want![k]).toHaveLength(50);
          for (let i = 1; i <= 50; i++) {
            expect(Math.abs(tbl[i]! - want![k][i - 1]!), `${input.name} ${k}[${i}]`).toBeLessThanOrEqual(0.0000501);
          }
        }
      }
    });
  }
});
