// Dividers, pumps, outlets, weirs and orifices under kinematic wave, against hand-computed flows.
import { describe, expect, test } from 'vitest';
import { runRoutingOnly } from '../../src/hydraulics/routing-driver.js';
import { buildNetwork } from '../../src/hydraulics/network.js';
import { pumpFlow, pumpSetTargetFromDepths, weirFlow, orificeFlow, outletFlow } from '../../src/hydraulics/structures.js';
import { modelOf } from './helpers.js';

/** Divider D1 (lateral inflow q) splitting into conduits CM (main) and CD (diverted) to two outfalls. */
function dividerModel(typeAndParams: string, q: number, mainDiameter = 3, extra = ''): ReturnType<typeof modelOf> {
  return modelOf({
    duration: '03:00:00',
    sections: `
[DIVIDERS]
D1 10 CD ${typeAndParams} 0 0 0 0
[OUTFALLS]
OM 9 FREE NO
OD 9 FREE NO
[CONDUITS]
CM D1 OM 400 0.013 0 0 0 0
CD D1 OD 400 0.013 0 0 0 0
[XSECTIONS]
CM CIRCULAR ${mainDiameter} 0 0 0 1
CD CIRCULAR 3 0 0 0 1
[INFLOWS]
D1 FLOW "" FLOW 1.0 1.0 ${q}
${extra}
`,
  });
}

function outfallFlows(m: ReturnType<typeof modelOf>): { main: number; div: number; flooded: number } {
  const res = runRoutingOnly(m);
  expect(res.errors).toEqual([]);
  const net = res.net!;
  const om = net.nodeNames.indexOf('OM');
  const od = net.nodeNames.indexOf('OD');
  return { main: net.nodeInflow[om]!, div: net.nodeInflow[od]!, flooded: net.nodeOverflow[net.nodeNames.indexOf('D1')]! };
}

describe('flow dividers (KW, steady state)', () => {
  test('CUTOFF diverts the flow above Qmin', () => {
    const f = outfallFlows(dividerModel('CUTOFF 2', 5));
    expect(f.main).toBeCloseTo(2, 6);
    expect(f.div).toBeCloseTo(3, 6);
  });

  test('TABULAR diverts curve(qIn)', () => {
    const f = outfallFlows(dividerModel('TABULAR DIV1', 4, 3, `[CURVES]
DIV1 DIVERSION 0 0 10 5`));
    expect(f.div).toBeCloseTo(2, 6);
    expect(f.main).toBeCloseTo(2, 6);
  });

  test('WEIR diverts Cw·(f·Dmax)^1.5 with f = (q − Qmin)/(Qmax − Qmin)', () => {
    const qMax = 3.33 * Math.pow(2, 1.5);
    const f1 = (6 - 0.5) / (qMax - 0.5);
    const expected = 3.33 * Math.pow(f1 * 2, 1.5);
    const f = outfallFlows(dividerModel('WEIR 0.5 2 3.33', 6));
    expect(f.div).toBeCloseTo(expected, 6);
    expect(f.main).toBeCloseTo(6 - expected, 6);
  });

  test('OVERFLOW sends to the diversion what the main conduit cannot carry', () => {
    const m = dividerModel('OVERFLOW', 8, 1);
    const net = buildNetwork(m).net!;
    const qFull = net.linkQFullCfs[net.linkNames.indexOf('CM')]!;
    expect(qFull).toBeLessThan(8);
    const f = outfallFlows(m);
    expect(f.main).toBeCloseTo(qFull, 4);
    expect(f.div).toBeCloseTo(8 - qFull, 4);
    expect(f.flooded).toBe(0);
  });
});

describe('pumps', () => {
  const pumpModel = (curve: string, type: string, extraPump = 'ON 0 0') => modelOf({
    sections: `
[STORAGE]
W1 100 10 0 FUNCTIONAL 0 0 100 0 0
[OUTFALLS]
O1 120 FREE NO
[PUMPS]
P1 W1 O1 PC ${extraPump}
[CURVES]
PC ${type} ${curve}
`,
  });

  test('Type 4 interpolates on inlet depth (held beyond the ends) and gives dq/dh', () => {
    const net = buildNetwork(pumpModel('0 0.45 4 0.45 4.75 0.9', 'PUMP4')).net!;
    const setDepth = (d: number): void => { net.nodeNewDepth[0] = d; };
    setDepth(2);
    expect(pumpFlow(net, 0)).toBeCloseTo(0.45, 12);
    setDepth(4.375);
    expect(pumpFlow(net, 0)).toBeCloseTo(0.675, 12);
    expect(net.linkDqDh[0]).toBeCloseTo(0.6, 6);
    setDepth(6);
    expect(pumpFlow(net, 0)).toBeCloseTo(0.9, 12);
    // beyond the last curve point: off the curve, high
    expect(net.linkFlowClass[0]).toBe(1);
  });

  test('Type 2 is a step function: flow of the first point whose depth exceeds the inlet depth', () => {
    const net = buildNetwork(pumpModel('2 1 4 3', 'PUMP2')).net!;
    net.nodeNewDepth[0] = 1;
    expect(pumpFlow(net, 0)).toBe(1);
    net.nodeNewDepth[0] = 3;
    expect(pumpFlow(net, 0)).toBe(3);
    net.nodeNewDepth[0] = 9;
    expect(pumpFlow(net, 0)).toBe(3);
  });

  test('Type 1 uses the wet-well volume; Type 3 the lift head', () => {
    const n1 = buildNetwork(pumpModel('100 1 300 2', 'PUMP1')).net!;
    n1.nodeNewVolume[0] = 150;
    expect(pumpFlow(n1, 0)).toBe(2);
    const n3 = buildNetwork(pumpModel('10 4 30 0', 'PUMP3')).net!;
    // head = (120 + 0) − (100 + 5) = 15 ft → 4 + (15 − 10)·(0 − 4)/20 = 3
    n3.nodeNewDepth[0] = 5;
    expect(pumpFlow(n3, 0)).toBeCloseTo(3, 12);
  });

  test('a closed pump passes nothing; start-up / shut-off depths switch the target', () => {
    const net = buildNetwork(pumpModel('0 1 10 1', 'PUMP4', 'OFF 4 1')).net!;
    expect(net.linkSetting[0]).toBe(0);
    net.nodeNewDepth[0] = 3;
    expect(pumpFlow(net, 0)).toBe(0);
    pumpSetTargetFromDepths(net, 0);
    expect(net.linkTargetSetting[0]).toBe(0);
    net.nodeNewDepth[0] = 4.5;
    pumpSetTargetFromDepths(net, 0);
    expect(net.linkTargetSetting[0]).toBe(1);
    net.linkSetting[0] = 1;
    net.nodeNewDepth[0] = 2;
    pumpSetTargetFromDepths(net, 0);
    expect(net.linkTargetSetting[0]).toBe(1);
    net.nodeNewDepth[0] = 0.5;
    pumpSetTargetFromDepths(net, 0);
    expect(net.linkTargetSetting[0]).toBe(0);
  });

  test('a wet well pumped down cycles between the start-up and shut-off depths', () => {
    const m = modelOf({
      duration: '02:00:00',
      routingStep: 10,
      sections: `
[STORAGE]
W1 100 10 0 FUNCTIONAL 0 0 100 0 0
[OUTFALLS]
O1 120 FREE NO
[PUMPS]
P1 W1 O1 PC ON 4 1
[CURVES]
PC PUMP2 20 2
[INFLOWS]
W1 FLOW "" FLOW 1.0 1.0 1
`,
    });
    let maxD = 0;
    let minD = 99;
    const res = runRoutingOnly(m, {
      onReport: (date, nv) => {
        if (date > m.options.startDateTime + 0.25 / 24) {
          maxD = Math.max(maxD, nv[0]!);
          minD = Math.min(minD, nv[0]!);
        }
      },
    });
    expect(res.errors).toEqual([]);
    expect(maxD).toBeLessThan(4.5);
    expect(minD).toBeGreaterThan(0.5);
    const s = res.routing!.stats;
    // pumping 2 cfs against 1 cfs inflow: on about half the time, each cycle moves 300 ft³
    expect(s.pumpUtilizedS[0]! / s.timeS).toBeCloseTo(0.5, 1);
    expect(s.pumpStartUps[0]).toBeGreaterThan(5);
    expect(Math.abs(res.continuity!.errorPct)).toBeLessThan(0.5);
  });
});

describe('regulators from a storage unit (free discharge under KW)', () => {
  const regModel = (link: string, xsect: string) => buildNetwork(modelOf({
    sections: `
[STORAGE]
S1 100 10 0 FUNCTIONAL 0 0 1000 0 0
[OUTFALLS]
O1 90 FREE NO
${link}
[XSECTIONS]
${xsect}
`,
  })).net!;

  test('transverse weir: Cd·L·H^1.5, surcharged above the crown as an orifice', () => {
    const net = regModel('[WEIRS]\nW1 S1 O1 TRANSVERSE 2 3.33 NO 0 0 YES', 'W1 RECT_OPEN 1 5 0 0');
    const inv = 100;
    net.nodeNewDepth[0] = 2.5;
    expect(weirFlow(net, 0, inv + 2.5, inv)).toBeCloseTo(3.33 * 5 * Math.pow(0.5, 1.5), 10);
    // at the crown (H = 1): weir flow 16.65; above it: cSurch·√(h1 − mid) with cSurch = 16.65/√0.5
    net.nodeNewDepth[0] = 4;
    expect(weirFlow(net, 0, inv + 4, inv)).toBeCloseTo((16.65 / Math.sqrt(0.5)) * Math.sqrt(4 - 2.5), 10);
    net.nodeNewDepth[0] = 1.5;
    expect(weirFlow(net, 0, inv + 1.5, inv)).toBe(0);
  });

  test('side orifice: weir regime below the crown, Cd·A·√(2g·H) above', () => {
    const net = regModel('[ORIFICES]\nR1 S1 O1 SIDE 1 0.65 NO 0', 'R1 RECT_CLOSED 1 2 0 0');
    const inv = 100;
    const cOrif = 0.65 * 2 * Math.sqrt(2 * 32.2);
    // fully submerged inlet: head above the opening's mid-point (downstream is free)
    net.nodeNewDepth[0] = 4;
    expect(orificeFlow(net, 0, inv + 4, inv)).toBeCloseTo(cOrif * Math.sqrt(4 - 1.5), 10);
    // half way up the opening: f = 0.5, q = cWeir·f^1.5 with cWeir = cOrif·√(h/2)
    net.nodeNewDepth[0] = 1.5;
    expect(orificeFlow(net, 0, inv + 1.5, inv)).toBeCloseTo(cOrif * Math.sqrt(0.5) * Math.pow(0.5, 1.5), 10);
  });

  test('functional outlet: C·H^n on the depth above the crest (user units)', () => {
    const net = regModel('[OUTLETS]\nL1 S1 O1 0.5 FUNCTIONAL/DEPTH 3 0.5 NO', '');
    net.nodeNewDepth[0] = 2.5;
    expect(outletFlow(net, 0, 102.5, 100)).toBeCloseTo(3 * Math.sqrt(2), 12);
    expect(net.linkNewDepth[0]).toBeCloseTo(2, 12);
  });
});
