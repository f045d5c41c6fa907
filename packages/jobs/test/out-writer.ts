// Test helper: writes a SWMM 5.2 binary output file from explicit numbers, following engine-algorithms.md §11
// independently of the reader, so reader tests check layout rather than round-trip their own assumptions.
export interface OutSpec {
  flowUnitsCode: number;
  subcatchments: { name: string; area: number }[];
  nodes: { name: string; type: number; invert: number; depth: number }[];
  links: { name: string; type: number }[];
  pollutants?: string[];
  startDay: number;
  reportStepS: number;
  /** periods[k] = { sub: [per sub: 8+P values], node: [per node: 6+P], link: [per link: 5+P], sys: 15 } */
  periods: { sub: number[][]; node: number[][]; link: number[][]; sys: number[] }[];
}

export function writeOut(spec: OutSpec): Uint8Array {
  const bytes: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array) => {
    bytes.push(b);
    size += b.byteLength;
  };
  const i4 = (...v: number[]) => {
    const b = new Uint8Array(4 * v.length);
    const dv = new DataView(b.buffer);
    v.forEach((x, k) => dv.setInt32(4 * k, x, true));
    push(b);
  };
  const f4 = (...v: number[]) => {
    const b = new Uint8Array(4 * v.length);
    const dv = new DataView(b.buffer);
    v.forEach((x, k) => dv.setFloat32(4 * k, x, true));
    push(b);
  };
  const f8 = (x: number) => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, x, true);
    push(b);
  };
  const name = (s: string) => {
    const b = new TextEncoder().encode(s);
    i4(b.byteLength);
    push(b);
  };
  const P = spec.pollutants ?? [];
  const MAGIC = 516114522;
  i4(MAGIC, 52004, spec.flowUnitsCode, spec.subcatchments.length, spec.nodes.length, spec.links.length, P.length);
  const idStart = size;
  spec.subcatchments.forEach((s) => name(s.name));
  spec.nodes.forEach((s) => name(s.name));
  spec.links.forEach((s) => name(s.name));
  P.forEach((p) => name(p));
  P.forEach(() => i4(0));
  const inputStart = size;
  i4(1, 1);
  spec.subcatchments.forEach((s) => f4(s.area));
  i4(3, 0, 2, 3);
  spec.nodes.forEach((n) => {
    i4(n.type);
    f4(n.invert, n.depth);
  });
  i4(5, 0, 4, 4, 3, 5);
  spec.links.forEach((l) => {
    i4(l.type);
    f4(0, 0, 1, 100);
  });
  i4(8 + P.length, ...Array.from({ length: 8 + P.length }, (_, k) => k));
  i4(6 + P.length, ...Array.from({ length: 6 + P.length }, (_, k) => k));
  i4(5 + P.length, ...Array.from({ length: 5 + P.length }, (_, k) => k));
  i4(15, ...Array.from({ length: 15 }, (_, k) => k));
  f8(spec.startDay);
  i4(spec.reportStepS);
  const outputStart = size;
  spec.periods.forEach((p, k) => {
    f8(spec.startDay + ((k + 1) * spec.reportStepS) / 86400);
    p.sub.forEach((v) => f4(...v));
    p.node.forEach((v) => f4(...v));
    p.link.forEach((v) => f4(...v));
    f4(...p.sys);
  });
  i4(idStart, inputStart, outputStart, spec.periods.length, 0, MAGIC);
  const out = new Uint8Array(size);
  let pos = 0;
  for (const b of bytes) {
    out.set(b, pos);
    pos += b.byteLength;
  }
  return out;
}

/** A small SI (LPS) file with hand-checkable numbers: see out-reader.test.ts. */
export function sampleOut(): Uint8Array {
  const sub = (runoff: number, rain: number) => [rain, 0, 0, 1, runoff, 0, 0, 0.3];
  const node = (inflow: number, depth: number) => [depth, 10 + depth, 0, 0, inflow, 0];
  const sys = (rain: number, outflow: number) => [20, rain, 0, 0, 0, 0, 0, 0, 0, 0, 0, outflow, 0, 0, 0];
  const s1 = [10, 20, 10, 0];
  const s2 = [0, 30, 30, 30];
  const o1 = [5, 25, 35, 20];
  const rain = [36, 36, 0, 0];
  return writeOut({
    flowUnitsCode: 4, // LPS
    subcatchments: [
      { name: 'S1', area: 1 },
      { name: '屋面2', area: 2 },
    ],
    nodes: [
      { name: 'J1', type: 0, invert: 10, depth: 2 },
      { name: 'O1', type: 1, invert: 9, depth: 0 },
    ],
    links: [{ name: 'C1', type: 0 }],
    startDay: 45658, // 2025-01-01 00:00
    reportStepS: 60,
    periods: [0, 1, 2, 3].map((k) => ({
      sub: [sub(s1[k]!, rain[k]!), sub(s2[k]!, rain[k]!)],
      node: [node(o1[k]!, 0.1 * k), node(o1[k]!, 0)],
      link: [[o1[k]!, 0.2, 0.5, 3, 0.4]],
      sys: sys(rain[k]!, o1[k]!),
    })),
  });
}
