import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_TYPE_CODES, NODE_TYPE_CODES, OUT_MAGIC, OutWriter, type OutHeader, utf8Encode } from './binary.js';
import { encodeDate, encodeTime } from '../time/datetime.js';

const encodeDateTime = (y: number, mo: number, d: number, h = 0, mi = 0, sec = 0): number => encodeDate(y, mo, d) + encodeTime(h, mi, sec);
import { OutFileError, readOut, utf8Decode } from './outreader.js';

function smallHeader(): OutHeader {
  return {
    flowUnits: 'CMS',
    subcatchIds: ['S1'],
    nodeIds: ['J1', 'Out'],
    linkIds: ['C1'],
    pollutants: [{ name: 'TSS', concUnits: 'MG/L' }],
    subcatchAreas: [2.5],
    nodeTypes: [NODE_TYPE_CODES.JUNCTION, NODE_TYPE_CODES.OUTFALL],
    nodeInverts: [10, 9],
    nodeFullDepths: [3, 0],
    linkTypes: [LINK_TYPE_CODES.CONDUIT],
    linkOffsets1: [0],
    linkOffsets2: [0.5],
    linkFullDepths: [1.5],
    linkLengths: [100],
    startDateTime: encodeDateTime(2020, 1, 27),
    reportStepSec: 300,
  };
}

describe('OutWriter layout (hand-checked against §11)', () => {
  it('places every section where the format says', () => {
    const w = new OutWriter(smallHeader(), { expectedPeriods: 1 });
    // 1 pollutant: 9 subcatchment, 7 node, 6 link variables, 15 system.
    expect([w.subcatchVars, w.nodeVars, w.linkVars]).toEqual([9, 7, 6]);
    expect(w.valuesPerPeriod).toBe(9 + 2 * 7 + 6 + 15);
    // IDs: "S1","J1","Out","C1","TSS" = 4 + (2+2+3+2+3) ... each with an INT4 length, then 1 unit code.
    expect(w.inputStartPos).toBe(28 + 5 * 4 + (2 + 2 + 3 + 2 + 3) + 4);
    // Properties (1+2 subcatch, 3*2+4 node, 5+6 link INT4/REAL4) then 4 counts, 9+7+6+15 codes, REAL8 + INT4.
    const props = 4 * (1 + 2 + (3 * 2 + 4) + (5 * 1 + 6));
    expect(w.outputStartPos).toBe(w.inputStartPos + props + 4 * (4 + 9 + 7 + 6 + 15) + 12);
    for (let k = 0; k < 2; k++) {
      w.period.fill(k + 1);
      w.period[w.nodeOffset(1) + 4] = 42.5; // total inflow of "Out"
      w.commitPeriod(encodeDateTime(2020, 1, 27, 0, 5 * (k + 1)));
    }
    const bytes = w.finish();
    expect(bytes.length).toBe(w.outputStartPos + 2 * w.bytesPerPeriod + 24);
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(v.getInt32(0, true)).toBe(OUT_MAGIC);
    expect(v.getInt32(4, true)).toBe(52004);
    expect(v.getInt32(8, true)).toBe(3); // CMS
    expect([12, 16, 20, 24].map((o) => v.getInt32(o, true))).toEqual([1, 2, 1, 1]);
    expect(v.getInt32(28, true)).toBe(2); // length of "S1"
    expect(String.fromCharCode(bytes[32]!, bytes[33]!)).toBe('S1');
    // Closing record.
    const end = bytes.length - 24;
    expect([0, 4, 8, 12, 16, 20].map((o) => v.getInt32(end + o, true))).toEqual([28, w.inputStartPos, w.outputStartPos, 2, 0, OUT_MAGIC]);
    // Start date and report step sit just before the results.
    expect(v.getFloat64(w.outputStartPos - 12, true)).toBe(encodeDateTime(2020, 1, 27));
    expect(v.getInt32(w.outputStartPos - 4, true)).toBe(300);
    // The readers' formula for the variable section (§11.6).
    const varPos = w.inputStartPos + 4 * (1 + 2 + (3 * 2 + 4) + (5 * 1 + 6));
    expect(v.getInt32(varPos, true)).toBe(9);
    // Node properties: INT4 type, REAL4 invert, REAL4 depth of node 2.
    const nodeProps = w.inputStartPos + 4 * (1 + 2) + 4 * 4;
    expect(v.getInt32(nodeProps + 12, true)).toBe(NODE_TYPE_CODES.OUTFALL);
    expect(v.getFloat32(nodeProps + 16, true)).toBe(9);
    // Period 2, node "Out", variable 4.
    const at = w.outputStartPos + w.bytesPerPeriod + 8 + 4 * w.nodeOffset(1) + 16;
    expect(v.getFloat32(at, true)).toBe(42.5);
  });

  it('grows its buffer and accepts a caller-owned array', () => {
    const w = new OutWriter(smallHeader(), { expectedPeriods: 1 });
    const vals = new Float32Array(w.valuesPerPeriod);
    for (let k = 0; k < 100; k++) {
      vals.fill(k);
      w.writePeriod(k, vals);
    }
    const f = readOut(w.finish());
    expect(f.nPeriods).toBe(100);
    expect(Array.from(f.getSeries('system', 0, 14))).toEqual(Array.from({ length: 100 }, (_, k) => k));
    expect(() => w.commitPeriod(1)).toThrow(/finished/);
    expect(() => new OutWriter({ ...smallHeader(), nodeInverts: [1] })).toThrow(/nodeInverts/);
    expect(() => new OutWriter(smallHeader()).writePeriod(0, new Float32Array(3))).toThrow(/expected/);
  });
});

const idArb = fc.string({ minLength: 1, maxLength: 12 });

const fileArb = fc
  .record({
    flowUnits: fc.constantFrom('CFS', 'GPM', 'MGD', 'CMS', 'LPS', 'MLD' as const),
    nSub: fc.nat(4),
    nNode: fc.nat(4),
    nLink: fc.nat(4),
    nPoll: fc.nat(3),
    nPeriods: fc.nat(6),
    start: fc.double({ min: 0, max: 80000, noNaN: true }),
    step: fc.integer({ min: 1, max: 86400 }),
    seed: fc.integer(),
  })
  .chain((r) =>
    fc.record({
      r: fc.constant(r),
      subIds: fc.array(idArb, { minLength: r.nSub, maxLength: r.nSub }),
      nodeIds: fc.array(idArb, { minLength: r.nNode, maxLength: r.nNode }),
      linkIds: fc.array(idArb, { minLength: r.nLink, maxLength: r.nLink }),
      polls: fc.array(fc.record({ name: idArb, concUnits: fc.constantFrom('MG/L', 'UG/L', '#/L' as const) }), {
        minLength: r.nPoll,
        maxLength: r.nPoll,
      }),
      props: fc.array(fc.float({ noNaN: true }), { minLength: r.nSub + 3 * r.nNode + 5 * r.nLink, maxLength: r.nSub + 3 * r.nNode + 5 * r.nLink }),
      values: fc.array(fc.float(), { minLength: 0, maxLength: 400 }),
    }),
  );

type FileCase = typeof fileArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: FileCase): { header: OutHeader; periods: Float32Array[]; dates: number[]; bytes: Uint8Array } {
  const { r } = c;
  let k = 0;
  const take = (n: number): number[] => Array.from({ length: n }, () => c.props[k++]!);
  const header: OutHeader = {
    flowUnits: r.flowUnits,
    subcatchIds: c.subIds,
    nodeIds: c.nodeIds,
    linkIds: c.linkIds,
    pollutants: c.polls,
    subcatchAreas: take(r.nSub),
    nodeTypes: Array.from({ length: r.nNode }, (_, i) => i % 4),
    nodeInverts: take(r.nNode),
    nodeFullDepths: take(r.nNode),
    linkTypes: Array.from({ length: r.nLink }, (_, i) => i % 5),
    linkOffsets1: take(r.nLink),
    linkOffsets2: take(r.nLink),
    linkFullDepths: take(r.nLink),
    linkLengths: take(r.nLink),
    startDateTime: r.start,
    reportStepSec: r.step,
  };
  const w = new OutWriter(header, { expectedPeriods: 1 });
  const periods: Float32Array[] = [];
  const dates: number[] = [];
  let v = 0;
  for (let p = 0; p < r.nPeriods; p++) {
    const a = new Float32Array(w.valuesPerPeriod);
    for (let i = 0; i < a.length; i++) a[i] = c.values.length > 0 ? c.values[v++ % c.values.length]! : i + p;
    periods.push(a);
    dates.push(r.start + ((p + 1) * r.step) / 86400);
    w.writePeriod(dates[p]!, a);
  }
  return { header, periods, dates, bytes: w.finish() };
}

const sameFloat = (a: number, b: number): boolean => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

describe('write → read round trip (property)', () => {
  it('reads back what was written', () => {
    fc.assert(
      fc.property(fileArb, (c) => {
        const { header, periods, dates, bytes } = build(c);
        const f = readOut(bytes);
        expect(f.version).toBe(52004);
        expect(f.flowUnits).toBe(header.flowUnits);
        expect(f.ids.subcatchments).toEqual(header.subcatchIds.map((s) => utf8Decode(utf8Encode(s))));
        expect(f.ids.nodes).toEqual(header.nodeIds.map((s) => utf8Decode(utf8Encode(s))));
        expect(f.ids.links).toEqual(header.linkIds.map((s) => utf8Decode(utf8Encode(s))));
        expect(f.ids.pollutants).toEqual(header.pollutants.map((p) => utf8Decode(utf8Encode(p.name))));
        expect(Array.from(f.pollutantUnits)).toEqual(header.pollutants.map((p) => ({ 'MG/L': 0, 'UG/L': 1, '#/L': 2 })[p.concUnits]));
        expect(Array.from(f.properties.subcatchAreas)).toEqual(Array.from(header.subcatchAreas, Math.fround));
        expect(Array.from(f.properties.nodeTypes)).toEqual(Array.from(header.nodeTypes));
        expect(Array.from(f.properties.nodeInverts)).toEqual(Array.from(header.nodeInverts, Math.fround));
        expect(Array.from(f.properties.linkTypes)).toEqual(Array.from(header.linkTypes));
        expect(Array.from(f.properties.linkLengths)).toEqual(Array.from(header.linkLengths, Math.fround));
        expect(f.variables.subcatchment.length).toBe(8 + c.r.nPoll);
        expect(f.variables.system.length).toBe(15);
        expect(f.startDateTime).toBe(header.startDateTime);
        expect(f.reportStepSec).toBe(header.reportStepSec);
        expect(f.nPeriods).toBe(periods.length);
        const nSV = f.variables.subcatchment.length;
        const nNV = f.variables.node.length;
        const nLV = f.variables.link.length;
        const nodeBase = c.r.nSub * nSV;
        const linkBase = nodeBase + c.r.nNode * nNV;
        const sysBase = linkBase + c.r.nLink * nLV;
        for (let p = 0; p < periods.length; p++) {
          expect(f.getPeriodDate(p)).toBe(dates[p]);
          const all = f.getPeriod(p);
          const joined = [...all.subcatchments, ...all.nodes, ...all.links, ...all.system];
          expect(joined.length).toBe(periods[p]!.length);
          joined.forEach((x, i) => expect(sameFloat(x, periods[p]![i]!)).toBe(true));
        }
        if (periods.length > 0) {
          const pick = (kind: 'subcatchment' | 'node' | 'link', n: number, nv: number, base: number): void => {
            if (n === 0) return;
            const o = n - 1;
            const vi = nv - 1;
            const s = f.getSeries(kind, o, vi);
            s.forEach((x, p) => expect(sameFloat(x, periods[p]![base + o * nv + vi]!)).toBe(true));
          };
          pick('subcatchment', c.r.nSub, nSV, 0);
          pick('node', c.r.nNode, nNV, nodeBase);
          pick('link', c.r.nLink, nLV, linkBase);
          const sys = f.getSeries('system', 0, 4);
          sys.forEach((x, p) => expect(sameFloat(x, periods[p]![sysBase + 4]!)).toBe(true));
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** readOut either succeeds or throws OutFileError; anything else fails the test. */
function readsOrRejects(bytes: Uint8Array): 'ok' | OutFileError {
  try {
    const f = readOut(bytes);
    // Exercise the accessors too: bad indices must also give OutFileError.
    if (f.nPeriods > 0) f.getPeriod(f.nPeriods - 1);
    expect(() => f.getSeries('node', -1, 0)).toThrow(OutFileError);
    expect(() => f.getPeriod(f.nPeriods)).toThrow(OutFileError);
    return 'ok';
  } catch (e) {
    if (e instanceof OutFileError) return e;
    throw e;
  }
}

describe('reader robustness', () => {
  it('rejects every truncation with OutFileError', () => {
    fc.assert(
      fc.property(fileArb, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (c, frac) => {
        const { bytes } = build(c);
        const cut = Math.floor(frac * bytes.length);
        const r = readsOrRejects(bytes.subarray(0, cut));
        expect(r).toBeInstanceOf(OutFileError);
      }),
      { numRuns: 200 },
    );
  });

  it('survives corrupted bytes (parses or throws OutFileError)', () => {
    fc.assert(
      fc.property(fileArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (c, flips) => {
        const { bytes } = build(c);
        const bad = bytes.slice();
        for (const [at, val] of flips) bad[at % bad.length] = val;
        readsOrRejects(bad);
      }),
      { numRuns: 300 },
    );
  });

  it('survives random garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (g) => {
        const r = readsOrRejects(g);
        expect(r).toBeInstanceOf(OutFileError);
      }),
    );
  });

  it('explains what is wrong', () => {
    const { bytes } = build({
      r: { flowUnits: 'CFS', nSub: 1, nNode: 1, nLink: 1, nPoll: 0, nPeriods: 2, start: 1, step: 60, seed: 0 },
      subIds: ['S'],
      nodeIds: ['N'],
      linkIds: ['L'],
      polls: [],
      props: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      values: [1],
    });
    const err = (b: Uint8Array): OutFileError => {
      try {
        readOut(b);
      } catch (e) {
        if (e instanceof OutFileError) return e;
      }
      throw new Error('expected OutFileError');
    };
    expect(err(bytes.subarray(0, 10)).code).toBe('truncated');
    const noMagic = bytes.slice();
    noMagic[0] = 0;
    expect(err(noMagic).code).toBe('bad-magic');
    const noEnd = bytes.slice();
    noEnd[noEnd.length - 1] = 0;
    expect(err(noEnd).message).toMatch(/magic number at end/);
    const failed = bytes.slice();
    new DataView(failed.buffer).setInt32(failed.length - 8, 303, true);
    expect(err(failed).code).toBe('run-error');
    expect(readOut(failed, { allowRunError: true }).errorCode).toBe(303);
    // Cut one whole period out of the middle, keeping a valid closing record.
    const f = readOut(bytes);
    const short = new Uint8Array(bytes.length - f.bytesPerPeriod);
    short.set(bytes.subarray(0, f.outputStartPos + f.bytesPerPeriod));
    short.set(bytes.subarray(bytes.length - 24), short.length - 24);
    expect(err(short).code).toBe('truncated');
    expect(() => f.getSeries('link', 1, 0)).toThrow(/link index 1 out of range/);
    expect(() => f.getSeries('bogus' as 'node', 0, 0)).toThrow(OutFileError);
    expect(() => readOut('nope' as unknown as Uint8Array)).toThrow(OutFileError);
  });

  it('decodes UTF-8 names and replaces invalid bytes', () => {
    expect(utf8Decode(utf8Encode('节点-A1 😀'))).toBe('节点-A1 😀');
    expect(utf8Decode(Uint8Array.from([0x41, 0xff, 0xc3]))).toBe('A\ufffd\ufffd');
  });
});
