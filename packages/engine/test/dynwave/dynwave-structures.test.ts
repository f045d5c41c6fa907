// Dynamic-wave structures and surcharge methods checked against hand-computed steady
// states: a constant inflow is run to equilibrium and the final heads/flows must satisfy
// the structure's own equation (weirs, orifices, outlets, pumps, full-pipe friction under
// EXTRAN and SLOT, force mains) — plus flap gates blocking reverse flow.
import { describe, expect, test } from 'vitest';
import { parseInp } from '../../src/input/index.js';
import { runRoutingOnly, type RoutingRunResult } from '../../src/hydraulics/routing-driver.js';

/** Run a routing-only DW model (CFS, ft) built from the given sections for `hours`. */
function run(sections: string, opts: { hours?: number; step?: number; extra?: string } = {}): RoutingRunResult {
  const h = opts.hours ?? 6;
  const text = `[OPTIONS]
FLOW_UNITS CFS
FLOW_ROUTING DYNWAVE
LINK_OFFSETS DEPTH
START_DATE 01/01/2021
START_TIME 00:00:00
END_DATE 01/01/2021
END_TIME ${String(h).padStart(2, '0')}:00:00
REPORT_STEP 00:15:00
WET_STEP 00:05:00
DRY_STEP 01:00:00
ROUTING_STEP ${opts.step ?? 5}
VARIABLE_STEP 0
${opts.extra ?? ''}
${sections}
`;
  const parsed = parseInp(text, { fileName: 'test.inp' });
  expect(parsed.errors).toEqual([]);
  const res = runRoutingOnly(parsed.model!);
  expect(res.errors).toEqual([]);
  return res;
}

function depth(res: RoutingRunResult, node: string): number {
  const net = res.net!;
  return net.nodeNewDepth[net.nodeNames.indexOf(node)]!;
}
function flow(res: RoutingRunResult, link: string): number {
  const net = res.net!;
  return net.linkNewFlow[net.linkNames.indexOf(link)]!;
}

/** A storage tank (1000 ft², invert 100) fed with a constant 10 cfs, draining through `link` to a free outfall. */
const TANK = `[STORAGE]
T 100 20 0 FUNCTIONAL 0 0 1000 0 0
[OUTFALLS]
O 90 FREE NO
[INFLOWS]
T FLOW "" FLOW 1.0 1.0 10
`;

const G = 32.2;

describe('dynamic wave structures at steady state', () => {
  test('transverse weir: Q = Cw·(L − 0.1·n·H)·H^1.5', () => {
    const res = run(`${TANK}[WEIRS]
W1 T O TRANSVERSE 2 3.33 NO 2 0
[XSECTIONS]
W1 RECT_OPEN 5 4 0 0
`);
    const h = depth(res, 'T') - 2;
    expect(flow(res, 'W1')).toBeCloseTo(10, 3);
    expect(3.33 * (4 - 0.1 * 2 * h) * Math.pow(h, 1.5)).toBeCloseTo(10, 2);
  });

  test('V-notch weir: Q = Cw·z·H^2.5', () => {
    const res = run(`${TANK}[WEIRS]
W1 T O V-NOTCH 1 2.5 NO
[XSECTIONS]
W1 TRIANGULAR 4 8 0 0
`);
    const h = depth(res, 'T') - 1;
    // Side slope z = top width / (2 · height) = 1.
    expect(2.5 * 1 * Math.pow(h, 2.5)).toBeCloseTo(10, 2);
  });

  test('trapezoidal weir: Q = Cw·b·H^1.5 + Cw2·z·H^2.5', () => {
    const res = run(`${TANK}[WEIRS]
W1 T O TRAPEZOIDAL 1 3.3 NO 0 2.5
[XSECTIONS]
W1 TRAPEZOIDAL 4 2 1 1
`);
    const h = depth(res, 'T') - 1;
    expect(3.3 * 2 * Math.pow(h, 1.5) + 2.5 * 1 * Math.pow(h, 2.5)).toBeCloseTo(10, 2);
  });

  test('sideflow weir: Q = Cw·L^0.83·H^1.67', () => {
    const res = run(`${TANK}[WEIRS]
W1 T O SIDEFLOW 1 3.0 NO 0 0
[XSECTIONS]
W1 RECT_OPEN 4 3 0 0
`);
    const h = depth(res, 'T') - 1;
    expect(3.0 * Math.pow(3, 0.83) * Math.pow(h, 1.67)).toBeCloseTo(10, 2);
  });

  test('roadway weir (paved): Q = Cr·L·Hw^1.5 with the FHWA discharge coefficient', () => {
    const res = run(`${TANK}[WEIRS]
W1 T O ROADWAY 1 3.0 NO 0 0 NO 40 PAVED
[XSECTIONS]
W1 RECT_OPEN 5 20 0 0
`);
    const hw = depth(res, 'T') - 1;
    // Hw/roadWidth ≤ 0.15: Cr from the paved table, (0.2, 2.95)–(0.7, 3.03).
    const cr = hw <= 0.2 ? 2.85 + (hw / 0.2) * 0.1 : 2.95 + ((hw - 0.2) / 0.5) * 0.08;
    expect(cr * 20 * Math.pow(hw, 1.5)).toBeCloseTo(10, 2);
  });

  test('side orifice fully submerged: Q = Cd·A·√(2g·(h − mid))', () => {
    const res = run(`${TANK}[ORIFICES]
R1 T O SIDE 1 0.65 NO 0
[XSECTIONS]
R1 RECT_CLOSED 1 1 0 0
`);
    const h = depth(res, 'T');
    expect(h).toBeGreaterThan(2);
    expect(0.65 * 1 * Math.sqrt(2 * G * (h - 1.5))).toBeCloseTo(10, 2);
  });

  test('bottom orifice: Q = Cd·A·√(2g·h)', () => {
    const res = run(`${TANK}[ORIFICES]
R1 T O BOTTOM 0 0.6 NO 0
[XSECTIONS]
R1 CIRCULAR 1 0 0 0
`);
    const h = depth(res, 'T');
    expect(0.6 * (Math.PI / 4) * Math.sqrt(2 * G * h)).toBeCloseTo(10, 2);
  });

  test('functional outlet (depth): Q = C·H^n', () => {
    const res = run(`${TANK}[OUTLETS]
U1 T O 0.5 FUNCTIONAL/DEPTH 2 1.5 NO
`);
    const h = depth(res, 'T') - 0.5;
    expect(2 * Math.pow(h, 1.5)).toBeCloseTo(10, 2);
  });

  test('tabular outlet (head) and a closed gate setting', () => {
    const res = run(`${TANK}[OUTLETS]
U1 T O 0 TABULAR/HEAD RATING NO
[CURVES]
RATING Rating 0 0 2 8 4 12
`);
    // Free outfall below the tank: head = tank depth; curve 10 cfs at 3 ft.
    expect(depth(res, 'T')).toBeCloseTo(3, 2);
  });

  test('type 4 pump (depth curve) settles where curve(depth) = inflow', () => {
    const res = run(`${TANK}[PUMPS]
P1 T O PC ON 0 0
[CURVES]
PC Pump4 0 0 2 8 4 16
`);
    expect(flow(res, 'P1')).toBeCloseTo(10, 3);
    expect(depth(res, 'T')).toBeCloseTo(2.5, 2);
  });

  test('type 3 pump (head curve) lifting to a higher outfall', () => {
    const res = run(`[STORAGE]
T 100 20 1 FUNCTIONAL 0 0 1000 0 0
[OUTFALLS]
O 110 FIXED 112 NO
[INFLOWS]
T FLOW "" FLOW 1.0 1.0 10
[PUMPS]
P1 T O PC ON 0 0
[CURVES]
PC Pump3 5 20 10 12 15 4
`);
    // Head lifted = 112 − (100 + depth); the curve gives 10 cfs at 11.25 ft of head.
    expect(flow(res, 'P1')).toBeCloseTo(10, 3);
    expect(112 - (100 + depth(res, 'T'))).toBeCloseTo(11.25, 2);
  });

  test('ideal pump passes its inflow; start-up / shut-off depths cycle a type 2 pump', () => {
    const ideal = run(`[JUNCTIONS]
J 100 10 0 0 0
[OUTFALLS]
O 110 FREE NO
[INFLOWS]
J FLOW "" FLOW 1.0 1.0 4
[PUMPS]
P1 J O * ON 0 0
`);
    expect(flow(ideal, 'P1')).toBeCloseTo(4, 6);
    const cyc = run(`${TANK}[PUMPS]
P1 T O PC OFF 3 1
[CURVES]
PC Pump2 100 25
`);
    const s = cyc.routing!.stats;
    const k = 0;
    // Fills 0 → 3 ft at 10 cfs (300 s), pumps down at 15 cfs net to 1 ft, and so on.
    expect(s.pumpStartUps[k]).toBeGreaterThan(10);
    expect(s.nodeMaxDepth[cyc.net!.nodeNames.indexOf('T')]).toBeLessThan(3.1);
  });
});

/** Two junctions joined by a 2 ft pipe that runs full, to a fixed-stage outfall above its crown. */
function surchargedPipe(method: string, shape = 'CIRCULAR 2 0 0 0 1', extra = ''): RoutingRunResult {
  return run(`[JUNCTIONS]
J1 100 30 0 0 0
J2 99 30 0 0 0
[OUTFALLS]
O 98 FIXED 104 NO
[CONDUITS]
C1 J1 J2 1000 0.013 0 0 0 0
C2 J2 O 100 0.013 0 0 0 0
[XSECTIONS]
C1 ${shape}
C2 RECT_CLOSED 6 6 0 0 1
[INFLOWS]
J1 FLOW "" FLOW 1.0 1.0 20
`, { extra: `SURCHARGE_METHOD ${method}\n${extra}`, hours: 4, step: 2 });
}

describe('surcharged conduits (EXTRAN and SLOT) follow full-pipe friction', () => {
  test('EXTRAN: head loss over a full pipe = Manning friction', () => {
    const res = surchargedPipe('EXTRAN');
    const dh = 100 + depth(res, 'J1') - (99 + depth(res, 'J2'));
    const v = 20 / Math.PI;
    // SWMM's friction term uses R^1.33333 (R = D/4 when full).
    const expected = (1000 * 0.013 * 0.013 * v * v) / (1.486 * 1.486 * Math.pow(0.5, 1.33333));
    expect(flow(res, 'C1')).toBeCloseTo(20, 3);
    expect(depth(res, 'J1')).toBeGreaterThan(2);
    expect(dh).toBeCloseTo(expected, 2);
  });

  test('SLOT: the same friction law over the slot-widened area (Preissmann slot above the crown)', () => {
    const res = surchargedPipe('SLOT');
    const y1 = depth(res, 'J1');
    const y2 = depth(res, 'J2');
    const dh = 100 + y1 - (99 + y2);
    // Mid-length depth above the crown: area = Af + (y − D)·slot width, slot = 0.01·W above 1.78·D.
    const ym = (y1 + y2) / 2;
    const yn = ym / 2;
    const slot = yn > 1.78 ? 0.02 : 2 * 0.5423 * Math.exp(-Math.pow(yn, 2.4));
    const am = Math.PI + (ym - 2) * slot;
    const v = 20 / am;
    const expected = (1000 * 0.013 * 0.013 * v * v) / (1.486 * 1.486 * Math.pow(0.5, 1.33333));
    expect(ym).toBeGreaterThan(2);
    expect(flow(res, 'C1')).toBeCloseTo(20, 3);
    expect(dh).toBeCloseTo(expected, 2);
  });

  test('force main (Hazen-Williams): full-pipe head loss = H-W friction', () => {
    const res = surchargedPipe('EXTRAN', 'FORCE_MAIN 2 120 0 0 1', 'FORCE_MAIN_EQUATION H-W');
    const dh = 100 + depth(res, 'J1') - (99 + depth(res, 'J2'));
    const v = 20 / Math.PI;
    const expected = 1000 * Math.pow(v / (1.318 * 120 * Math.pow(0.5, 0.63)), 1.852);
    expect(dh).toBeCloseTo(expected, 1);
  });

  test('force main (Darcy-Weisbach): full-pipe head loss = f·L/D·v²/2g', () => {
    const res = surchargedPipe('EXTRAN', 'FORCE_MAIN 2 0.06 0 0 1', 'FORCE_MAIN_EQUATION D-W');
    const dh = 100 + depth(res, 'J1') - (99 + depth(res, 'J2'));
    const v = 20 / Math.PI;
    const re = (2 * v) / 1.1e-5;
    const e = 0.06 / 12;
    const f = 0.25 / Math.pow(Math.log10(e / (3.7 * 2) + 5.74 / Math.pow(re, 0.9)), 2);
    expect(dh).toBeCloseTo(((f * 1000) / 2) * ((v * v) / (2 * G)), 1);
  });
});

describe('flap gates under dynamic wave', () => {
  test('a gated conduit and a gated outfall stop reverse flow from a high tailwater', () => {
    const sections = (gate: string, outfallGate: string): string => `[JUNCTIONS]
J1 100 10 0 0 0
[OUTFALLS]
O 99 FIXED 104 ${outfallGate}
[CONDUITS]
C1 J1 O 200 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 2 0 0 0 1
[LOSSES]
C1 0 0 0 ${gate} 0
`;
    const maxFlow = (res: RoutingRunResult): number => res.routing!.stats.linkMaxFlow[res.net!.linkNames.indexOf('C1')]!;
    const open = run(sections('NO', 'NO'), { hours: 1 });
    // Without a gate the tailwater backs up into J1 (to the 104 ft stage).
    expect(maxFlow(open)).toBeGreaterThan(1);
    expect(100 + depth(open, 'J1')).toBeCloseTo(104, 1);
    for (const res of [run(sections('YES', 'NO'), { hours: 1 }), run(sections('NO', 'YES'), { hours: 1 })]) {
      expect(maxFlow(res)).toBeLessThan(1e-3);
      expect(depth(res, 'J1')).toBeLessThan(1e-3);
    }
  });
});

describe('storage losses and ponding under dynamic wave', () => {
  test('storage seepage and evaporation remove Ks·area·t and E·area·t', () => {
    const res = run(`[STORAGE]
T 100 20 5 FUNCTIONAL 0 0 1000 0 1 0 1.0 0
[OUTFALLS]
O 90 FREE NO
[ORIFICES]
R1 T O SIDE 15 0.65 NO 0
[XSECTIONS]
R1 RECT_CLOSED 1 1 0 0
[EVAPORATION]
CONSTANT 0.12
`, { hours: 2 });
    const c = res.continuity!;
    // 1 in/hr over 1000 ft² for 2 h; 0.12 in/day over 1000 ft² for 2 h.
    expect(c.exfiltrationLoss).toBeCloseTo((1 / 12) * 1000 * 2, 0);
    expect(c.evaporationLoss).toBeCloseTo((0.12 / 12) * 1000 * (2 / 24), 1);
    expect(depth(res, 'T')).toBeCloseTo(5 - (c.exfiltrationLoss + c.evaporationLoss) / 1000, 4);
    expect(Math.abs(c.errorPct)).toBeLessThan(0.01);
  });

  test('ponding keeps flood water in the system; without ponding it is lost as flooding', () => {
    const model = (ponding: boolean): string => `[JUNCTIONS]
J 100 2 0 0 500
[OUTFALLS]
O 99 FREE NO
[CONDUITS]
C1 J O 100 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 1 0 0 0 1
[TIMESERIES]
Q 0:00 10
Q 1:00 10
Q 1:01 0
[INFLOWS]
J FLOW Q FLOW 1.0 1.0
`;
    const lost = run(model(false), { hours: 4, extra: 'ALLOW_PONDING NO' });
    const kept = run(model(true), { hours: 4, extra: 'ALLOW_PONDING YES' });
    expect(lost.continuity!.floodingLoss).toBeGreaterThan(1000);
    expect(kept.continuity!.floodingLoss).toBe(0);
    // Everything that entered leaves through the outfall once the pond drains.
    expect(Math.abs(kept.continuity!.externalOutflow / kept.continuity!.externalInflow - 1)).toBeLessThan(0.005);
    expect(kept.routing!.stats.nodeMaxDepth[0]).toBeGreaterThan(2);
    expect(Math.abs(kept.continuity!.errorPct)).toBeLessThan(1);
  });

  test('type 1 pump empties its wet well by volume steps', () => {
    const res = run(`[JUNCTIONS]
W 100 10 0 0 0
[OUTFALLS]
O 110 FREE NO
[INFLOWS]
W FLOW "" FLOW 1.0 1.0 2
[PUMPS]
P1 W O PC ON 0 0
[CURVES]
PC Pump1 100 0 400 3 1000 6
`);
    // The wet well holds water (full volume = curve's last volume); flow steps with volume.
    expect(res.net!.nodeFullVolumeFt3[0]).toBeCloseTo(1000, 6);
    expect(flow(res, 'P1')).toBeGreaterThan(0);
    expect(Math.abs(res.continuity!.errorPct)).toBeLessThan(0.5);
  });
});
