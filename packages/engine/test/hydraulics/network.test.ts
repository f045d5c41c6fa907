// Network build: unit conversion, offsets, slopes, full depths, topological order and the
// kinematic-wave layout rules with SWMM's error numbers.
import { describe, expect, test } from 'vitest';
import { buildNetwork } from '../../src/hydraulics/network.js';
import { modelOf } from './helpers.js';

const codes = (sections: string, routing: 'KINWAVE' | 'STEADY' = 'KINWAVE', extraOptions = ''): number[] =>
  buildNetwork(modelOf({ routing, sections, extraOptions })).errors.map((e) => e.code);

describe('KW/SF layout rules', () => {
  test('a junction with two outlet links (133) names the node', () => {
    const r = buildNetwork(modelOf({
      sections: `
[JUNCTIONS]
J1 10 5 0 0 0
[OUTFALLS]
O1 9 FREE NO
O2 9 FREE NO
[CONDUITS]
C1 J1 O1 100 0.013 0 0 0 0
C2 J1 O2 100 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 1 0 0 0 1
C2 CIRCULAR 1 0 0 0 1
`,
    }));
    expect(r.net).toBeNull();
    expect(r.errors.map((e) => [e.code, e.token])).toEqual([[133, 'J1']]);
    expect(r.errors[0]!.message).toBe('Node J1 has more than one outlet link.');
  });

  test('a regulator leaving a junction (139), an outfall with an outlet link (141), an adverse slope (115)', () => {
    expect(codes(`
[JUNCTIONS]
J1 10 5 0 0 0
[OUTFALLS]
O1 9 FREE NO
[WEIRS]
W1 J1 O1 TRANSVERSE 0 3.33
[XSECTIONS]
W1 RECT_OPEN 1 2 0 0
`)).toEqual([139]);
    expect(codes(`
[JUNCTIONS]
J1 9 5 0 0 0
[OUTFALLS]
O1 10 FREE NO
[CONDUITS]
C1 O1 J1 100 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 1 0 0 0 1
`)).toEqual([141]);
    expect(codes(`
[JUNCTIONS]
J1 9 5 0 0 0
[OUTFALLS]
O1 10 FREE NO
[CONDUITS]
C1 J1 O1 100 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 1 0 0 0 1
`)).toEqual([115]);
  });

  test('a loop is error 131 listing its links; a divider with three outlets is 135', () => {
    const r = buildNetwork(modelOf({
      sections: `
[JUNCTIONS]
J1 10 5 0 0 0
J2 9 5 0 0 0
[CONDUITS]
C1 J1 J2 100 0.013 0 0 0 0
C2 J2 J1 100 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 1 0 0 0 1
C2 CIRCULAR 1 0 0 0 1
`,
    }));
    expect(r.errors.map((e) => e.code)).toEqual([131]);
    expect(r.errors[0]!.message).toContain('C1 C2');
    expect(codes(`
[DIVIDERS]
D1 10 C1 CUTOFF 1 0 0 0 0
[OUTFALLS]
O1 9 FREE NO
O2 9 FREE NO
O3 9 FREE NO
[CONDUITS]
C1 D1 O1 100 0.013 0 0 0 0
C2 D1 O2 100 0.013 0 0 0 0
C3 D1 O3 100 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 1 0 0 0 1
C2 CIRCULAR 1 0 0 0 1
C3 CIRCULAR 1 0 0 0 1
`)).toEqual([135]);
  });

  test('topological order: upstream links first, a divider\'s diverted link after its main link', () => {
    const r = buildNetwork(modelOf({
      sections: `
[JUNCTIONS]
J1 20 5 0 0 0
[DIVIDERS]
D1 15 CB CUTOFF 1 0 0 0 0
[OUTFALLS]
O1 9 FREE NO
O2 9 FREE NO
[CONDUITS]
CB D1 O2 100 0.013 0 0 0 0
CA D1 O1 100 0.013 0 0 0 0
C0 J1 D1 100 0.013 0 0 0 0
[XSECTIONS]
CA CIRCULAR 1 0 0 0 1
CB CIRCULAR 1 0 0 0 1
C0 CIRCULAR 1 0 0 0 1
`,
    }));
    expect(r.errors).toEqual([]);
    const net = r.net!;
    expect(Array.from(net.sortedLinks, (j) => net.linkNames[j])).toEqual(['C0', 'CA', 'CB']);
    expect(net.nodeDegree[net.nodeNames.indexOf('D1')]).toBe(2);
  });
});

describe('conduit preprocessing', () => {
  test('elevation offsets, minimum elevation drop (warning 04), node full depth raised to the crown (warning 02)', () => {
    const r = buildNetwork(modelOf({
      extraOptions: 'LINK_OFFSETS ELEVATION',
      sections: `
[JUNCTIONS]
J1 10 1 0 0 0
[OUTFALLS]
O1 9 FREE NO
[CONDUITS]
C1 J1 O1 200 0.013 10.5 10.5 0 0
[XSECTIONS]
C1 CIRCULAR 2 0 0 0 1
`,
    }));
    expect(r.errors).toEqual([]);
    const net = r.net!;
    expect(net.linkOffset1Ft[0]).toBeCloseTo(0.5, 12);
    expect(net.linkOffset2Ft[0]).toBeCloseTo(1.5, 12);
    // equal crown elevations: the 0.001 ft minimum drop over the horizontal distance
    expect(net.conduitSlope[0]).toBeCloseTo(0.001 / Math.sqrt(200 * 200 - 1e-6), 12);
    expect(net.nodeFullDepthFt[0]).toBeCloseTo(2.5, 12);
    expect(r.warnings).toEqual([
      'WARNING 04: minimum elevation drop used for Conduit C1',
      'WARNING 02: maximum depth increased for Node J1',
    ]);
  });

  test('SI model: lengths and flows converted to ft and cfs; β and full flow per barrel', () => {
    const r = buildNetwork(modelOf({
      flowUnits: 'CMS',
      sections: `
[JUNCTIONS]
J1 3.048 3 0 0 0
[OUTFALLS]
O1 0 FREE NO
[CONDUITS]
C1 J1 O1 304.8 0.013 0 0 0.2832 0
[XSECTIONS]
C1 CIRCULAR 0.6096 0 0 0 2
`,
    }));
    expect(r.errors).toEqual([]);
    const net = r.net!;
    expect(net.conduitLengthFt[0]).toBeCloseTo(1000, 9);
    expect(net.conduitQ0Cfs[0]).toBeCloseTo(10, 9);
    const s = 10 / Math.sqrt(1000 * 1000 - 100);
    expect(net.conduitSlope[0]).toBeCloseTo(s, 12);
    expect(net.conduitBeta[0]).toBeCloseTo((1.486 * Math.sqrt(s)) / 0.013, 12);
    const d = 2;
    const af = (3.141592654 / 4) * d * d;
    expect(net.linkQFullCfs[0]).toBeCloseTo(net.conduitBeta[0]! * af * Math.pow(d / 4, 2 / 3), 9);
    expect(net.conduitBarrels[0]).toBe(2);
  });

  test('undefined node (209, for models built by hand) and bad pump limits (122) are coded errors', () => {
    const m = modelOf({
      sections: `
[JUNCTIONS]
J1 10 5 0 0 0
[OUTFALLS]
O1 9 FREE NO
[CONDUITS]
C1 J1 O1 100 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 1 0 0 0 1
`,
    });
    m.links[0]!.toNode = 'NOWHERE';
    const r = buildNetwork(m);
    expect(r.errors.map((e) => [e.code, e.token])).toEqual([[209, 'NOWHERE']]);
    const mp = modelOf({
      sections: `
[STORAGE]
S1 10 5 0 FUNCTIONAL 0 0 10 0 0
[OUTFALLS]
O1 20 FREE NO
[PUMPS]
P1 S1 O1 PC ON 2 1
[CURVES]
PC PUMP4 0 1 5 1
`,
    });
    expect(buildNetwork(mp).errors).toEqual([]);
    const pump = mp.links[0]!;
    if (pump.kind === 'PUMP') pump.startupDepth = 0.5;
    expect(buildNetwork(mp).errors.map((e) => e.code)).toEqual([122]);
  });
});
