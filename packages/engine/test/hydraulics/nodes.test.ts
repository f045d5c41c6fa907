// Storage geometry (digest §7.4), seepage/evaporation losses and outfall stages.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildNetwork, type Network } from '../../src/hydraulics/network.js';
import { storageAreaFt2, storageVolumeFt3, storageDepthFt, storageLosses, outfallDepthFt } from '../../src/hydraulics/nodes.js';
import { runRoutingOnly } from '../../src/hydraulics/routing-driver.js';
import { modelOf } from './helpers.js';

/** tail = SurDepth Fevap [seepage…] */
function storageNet(shape: string, flowUnits = 'CFS', tail = '0 0', maxDepth = 10, curves = ''): Network {
  const r = buildNetwork(modelOf({
    flowUnits,
    sections: `
[STORAGE]
S1 100 ${maxDepth} 0 ${shape} ${tail}
[OUTFALLS]
O1 90 FREE NO
[OUTLETS]
L1 S1 O1 0 FUNCTIONAL/DEPTH 0 1 NO
${curves}
`,
  }));
  if (!r.net) throw new Error(JSON.stringify(r.errors));
  return r.net;
}

describe('storage shapes', () => {
  test('FUNCTIONAL area = C + A·d^B, volume its integral, depth its inverse', () => {
    const net = storageNet('FUNCTIONAL 20 1 100');
    expect(storageAreaFt2(net, 0, 3)).toBeCloseTo(160, 12);
    expect(storageVolumeFt3(net, 0, 3)).toBeCloseTo(100 * 3 + 10 * 9, 12);
    // B = 1 with A > 0: closed-form quadratic inverse
    expect(storageDepthFt(net, 0, 390)).toBeCloseTo(3, 12);
  });

  test('TABULAR: trapezoid volumes, extrapolated past the last point, exact inverse', () => {
    const net = storageNet('TABULAR SC', 'CFS', '0 0', 10, `[CURVES]
SC STORAGE 0 100 2 300 4 300`);
    expect(storageAreaFt2(net, 0, 1)).toBeCloseTo(200, 12);
    expect(storageVolumeFt3(net, 0, 2)).toBeCloseTo(400, 12);
    expect(storageVolumeFt3(net, 0, 3)).toBeCloseTo(700, 12);
    expect(storageVolumeFt3(net, 0, 6)).toBeCloseTo(1600, 12);
    expect(storageDepthFt(net, 0, 150)).toBeCloseTo((Math.sqrt(100 * 100 + 2 * 100 * 150) - 100) / 100, 12);
    fc.assert(fc.property(fc.double({ min: 0.01, max: 9.9, noNaN: true }), (d) => {
      return Math.abs(storageDepthFt(net, 0, storageVolumeFt3(net, 0, d)) - d) < 1e-9;
    }));
  });

  test('CYLINDRICAL (elliptic base) and PARABOLIC (area ∝ depth) invert exactly', () => {
    const cyl = storageNet('CYLINDRICAL 10 6 0');
    expect(storageAreaFt2(cyl, 0, 2)).toBeCloseTo(Math.PI * 5 * 3, 10);
    expect(storageDepthFt(cyl, 0, storageVolumeFt3(cyl, 0, 2.5))).toBeCloseTo(2.5, 10);
    const par = storageNet('PARABOLIC 10 6 4');
    expect(storageAreaFt2(par, 0, 2)).toBeCloseTo(((Math.PI * 5 * 3) / 4) * 2, 10);
    expect(storageVolumeFt3(par, 0, 2)).toBeCloseTo(((Math.PI * 5 * 3) / 4) * 2, 10);
    expect(storageDepthFt(par, 0, storageVolumeFt3(par, 0, 3))).toBeCloseTo(3, 10);
  });

  test('CONICAL and PYRAMIDAL: quadratic areas, Newton inverse to 0.001 ft', () => {
    const con = storageNet('CONICAL 10 6 2');
    // a = 5, b = 3: πab + 2πbZ·d + π(b/a)Z²·d²
    expect(storageAreaFt2(con, 0, 1)).toBeCloseTo(Math.PI * 15 + 2 * Math.PI * 3 * 2 + Math.PI * 0.6 * 4, 10);
    const pyr = storageNet('PYRAMIDAL 10 6 2');
    expect(storageAreaFt2(pyr, 0, 1)).toBeCloseTo(60 + 2 * 16 * 2 + 16, 10);
    expect(storageVolumeFt3(pyr, 0, 3)).toBeCloseTo(60 * 3 + (64 * 9) / 2 + (16 * 27) / 3, 10);
    for (const net of [con, pyr]) {
      for (const d of [0.5, 2.7, 7.3]) expect(Math.abs(storageDepthFt(net, 0, storageVolumeFt3(net, 0, d)) - d)).toBeLessThan(1e-3);
    }
  });

  test('SI units: areas in m² → ft² by 0.3048², volumes in m³ → ft³ by 0.02832', () => {
    const net = storageNet('FUNCTIONAL 0 0 100', 'CMS', '0 0', 3);
    expect(storageAreaFt2(net, 0, 1 / 0.3048)).toBeCloseTo(100 / 0.3048 / 0.3048, 8);
    expect(storageVolumeFt3(net, 0, 2 / 0.3048)).toBeCloseTo(200 / 0.02832, 8);
    expect(net.nodeFullVolumeFt3[0]).toBeCloseTo(300 / 0.02832, 8);
  });

  test('full depth and volume cap the volume and depth functions', () => {
    const net = storageNet('FUNCTIONAL 0 0 50', 'CFS', '0 0', 4);
    expect(net.nodeFullVolumeFt3[0]).toBeCloseTo(200, 12);
    expect(storageVolumeFt3(net, 0, 6)).toBeCloseTo(200, 12);
    expect(storageDepthFt(net, 0, 500)).toBeCloseTo(4, 12);
  });
});

describe('storage losses', () => {
  test('constant seepage over the bottom and banks, evaporation over the surface', () => {
    // 1 in/hr over a pyramid-shaped pond; evaporation 0.2 in/day at full exposure
    const net = storageNet('PYRAMIDAL 10 10 1', 'CFS', '0 1 1');
    net.nodeNewDepth[0] = 2;
    net.nodeNewVolume[0] = storageVolumeFt3(net, 0, 2);
    const ks = 1 / 43200;
    const ev = 0.2 / 1036800;
    const q = storageLosses(net, 0, 60, ev, 1, null);
    const area = storageAreaFt2(net, 0, 2);
    expect(area).toBeCloseTo(100 + 80 + 16, 10);
    // bottom 100 ft² plus the banks (area − bottom) seep at Ks
    expect(q).toBeCloseTo(ev * area + ks * area, 12);
    expect(net.storageExfilLossFt3[0]).toBeCloseTo(ks * area * 60, 12);
  });

  test('Green-Ampt seepage (suction, Ksat, IMD) starts above Ks and conserves mass', () => {
    const run = (tail: string) => runRoutingOnly(modelOf({
      duration: '12:00:00',
      sections: `
[STORAGE]
S1 100 10 3 FUNCTIONAL 0 0 1000 ${tail}
[OUTFALLS]
O1 90 FREE NO
[OUTLETS]
L1 S1 O1 0 FUNCTIONAL/DEPTH 0 1 NO
`,
    }));
    const ga = run('0 0 4 0.5 0.3');
    const ks = run('0 0 0.5');
    expect(ga.errors).toEqual([]);
    const cGa = ga.continuity!;
    const cKs = ks.continuity!;
    // constant seepage: 0.5 in/hr over 1000 ft² for 12 h (less the last half-step)
    expect(cKs.exfiltrationLoss).toBeCloseTo((0.5 / 43200) * 1000 * (43200 - 15), 3);
    // suction and the water head make the Green-Ampt soil take more than Ks
    expect(cGa.exfiltrationLoss).toBeGreaterThan(cKs.exfiltrationLoss * 1.05);
    expect(cGa.exfiltrationLoss + cGa.finalStorage).toBeCloseTo(cGa.initialStorage, -1);
    expect(Math.abs(cGa.errorPct)).toBeLessThan(0.1);
  });

  test('losses cannot exceed the stored volume', () => {
    const net = storageNet('FUNCTIONAL 0 0 1000', 'CFS', '0 1 1');
    net.nodeNewDepth[0] = 0.001;
    net.nodeNewVolume[0] = 1;
    const q = storageLosses(net, 0, 3600, 0, 1, null);
    expect(q * 3600).toBeCloseTo(1, 10);
  });
});

describe('outfall depth (dynamic wave boundary)', () => {
  const outNet = (type: string): Network => buildNetwork(modelOf({
    sections: `
[JUNCTIONS]
J1 12 5 0 0 0
[OUTFALLS]
O1 10 ${type}
[CONDUITS]
C1 J1 O1 100 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 2 0 0 0 1
[CURVES]
TC TIDAL 0 10 12 14 24 10
`,
  })).net!;

  test('FREE takes min(yn, yc), NORMAL yn; an offset conduit leaves the outfall dry', () => {
    expect(outfallDepthFt(outNet('FREE NO'), 0, 0.8, 0.6, 0, 0, 0)).toBe(0.6);
    expect(outfallDepthFt(outNet('NORMAL NO'), 0, 0.8, 0.6, 0, 0, 0)).toBe(0.8);
    expect(outfallDepthFt(outNet('FREE NO'), 0, 0.8, 0.6, 0.5, 0, 0)).toBe(0);
  });

  test('FIXED stage above the critical-depth level sets the depth; TIDAL follows elapsed hours', () => {
    expect(outfallDepthFt(outNet('FIXED 11.5 NO'), 0, 0.8, 0.6, 0, 0, 0)).toBeCloseTo(1.5, 12);
    expect(outfallDepthFt(outNet('FIXED 10.2 NO'), 0, 0.8, 0.6, 0, 0, 0)).toBe(0.6);
    // 6 h after the start: stage 12 → depth 2 above the invert
    expect(outfallDepthFt(outNet('TIDAL TC NO'), 0, 0.8, 0.6, 0, 6 * 3600000, 0)).toBeCloseTo(2, 12);
  });
});
