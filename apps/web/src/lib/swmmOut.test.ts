import { describe, expect, it } from 'vitest';
import { dayToIso, readSwmmOut, SwmmOutError } from './swmmOut';

/** Writes a tiny .out by hand: 1 subcatchment, 2 nodes (junction, outfall), 1 link, no pollutants, 3 periods. */
function buildOut(): Uint8Array {
  const bytes: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array) => { bytes.push(b); size += b.byteLength; };
  const i4 = (...v: number[]) => { const b = new Uint8Array(4 * v.length); const d = new DataView(b.buffer); v.forEach((x, k) => d.setInt32(4 * k, x, true)); push(b); };
  const f4 = (...v: number[]) => { const b = new Uint8Array(4 * v.length); const d = new DataView(b.buffer); v.forEach((x, k) => d.setFloat32(4 * k, x, true)); push(b); };
  const f8 = (v: number) => { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, v, true); push(b); };
  const name = (s: string) => { const e = new TextEncoder().encode(s); i4(e.length); push(e); };
  i4(516114522, 52004, 3, 1, 2, 1, 0);
  const idStart = size;
  name('S1'); name('J1'); name('Out1'); name('C1');
  const inputStart = size;
  i4(1, 1); f4(2.5);
  i4(3, 0, 2, 3); i4(0); f4(10, 2); i4(1); f4(8, 0);
  i4(5, 0, 4, 4, 3, 5); i4(0); f4(0, 0, 1, 100);
  i4(8, 0, 1, 2, 3, 4, 5, 6, 7);
  i4(6, 0, 1, 2, 3, 4, 5);
  i4(5, 0, 1, 2, 3, 4);
  i4(15, ...Array.from({ length: 15 }, (_, k) => k));
  const start = 45_000; // 2023-03-15 00:00
  f8(start); i4(300);
  const outputStart = size;
  for (let k = 0; k < 3; k++) {
    f8(start + ((k + 1) * 300) / 86400);
    f4(...Array.from({ length: 8 }, (_, v) => 100 + v + k));         // subcatchment
    f4(...Array.from({ length: 6 }, (_, v) => 200 + v + k));         // J1
    f4(...Array.from({ length: 6 }, (_, v) => (v === 4 ? 0.5 * k : 300 + v))); // Out1: total inflow 0, .5, 1
    f4(...Array.from({ length: 5 }, (_, v) => 400 + v));             // C1
    f4(...Array.from({ length: 15 }, (_, v) => 500 + v + k));        // system
  }
  i4(idStart, inputStart, outputStart, 3, 0, 516114522);
  const out = new Uint8Array(size);
  let p = 0;
  for (const b of bytes) { out.set(b, p); p += b.byteLength; }
  return out;
}

describe('readSwmmOut', () => {
  it('reads names, units, times and node series', () => {
    const out = readSwmmOut(buildOut());
    expect(out.flowUnits).toBe('CMS');
    expect(out.subcatchments).toEqual(['S1']);
    expect(out.nodes).toEqual(['J1', 'Out1']);
    expect(out.nodeTypes).toEqual(['junction', 'outfall']);
    expect(out.links).toEqual(['C1']);
    expect(out.reportStepS).toBe(300);
    expect(out.times()).toEqual(['2023-03-15T00:05:00', '2023-03-15T00:10:00', '2023-03-15T00:15:00']);
    expect(Array.from(out.nodeSeries(1, 4))).toEqual([0, 0.5, 1]);
    expect(Array.from(out.nodeSeries(0, 0))).toEqual([200, 201, 202]);
    expect(Array.from(out.systemSeries(4))).toEqual([504, 505, 506]);
  });

  it('rejects foreign bytes and runs that ended in error', () => {
    expect(() => readSwmmOut(new Uint8Array(100))).toThrow(SwmmOutError);
    const b = buildOut();
    new DataView(b.buffer).setInt32(b.byteLength - 8, 317, true);
    expect(() => readSwmmOut(b)).toThrow(/error code 317/);
  });

  it('converts SWMM day numbers', () => {
    expect(dayToIso(25569)).toBe('1970-01-01T00:00:00');
    expect(dayToIso(45000.5)).toBe('2023-03-15T12:00:00');
  });
});
