// Control rule evaluation on a fake network (plain typed arrays, internal units) with
// hand-computed expectations. The test model is in CMS/metres, so premise values are metres.
import { describe, expect, test } from 'vitest';
import {
  controlsEvaluate, controlsActionLog, controlsLimitStep, controlsDue, controlsAtStepStart, controlsAtStepEnd,
  controlsReset, controlsSetGages, PAST_RAIN_STRIDE, type Controls,
} from '../../src/hydraulics/controls.js';
import { compile, fakeNet, FT_PER_M, START, h, type FakeNet } from './helpers.js';
import { encodeDate } from '../../src/time/datetime.js';

const DT = 60; // routing step (s)

function setup(rules: string): { c: Controls; net: FakeNet; warnings: string[] } {
  const { c, model, warnings } = compile(rules);
  return { c, net: fakeNet(model), warnings };
}

/** Evaluate at START + hours. */
function evalAt(c: Controls, net: FakeNet, hours: number, dtS = DT): number {
  return controlsEvaluate(c, net, START + h(hours), h(hours), dtS);
}

function depthM(net: FakeNet, node: string, m: number): void {
  net.nodeNewDepth[net.nodeIndex(node)] = m * FT_PER_M;
}
const target = (net: FakeNet, link: string): number => net.linkTargetSetting[net.linkIndex(link)]!;

describe('premise relations (user units)', () => {
  // the premise compares depth_ft × 0.3048 (exactly this double) with the rule's number
  const D_FT = 2 / 0.3048;
  const X = D_FT * 0.3048;
  const cases: [string, number, boolean][] = [
    ['=', X, true], ['=', 2.01, false], ['<>', X, false], ['<>', 2.5, true],
    ['<', 2.01, true], ['<', X, false], ['<=', X, true], ['<=', 1.99, false],
    ['>', 1.99, true], ['>', X, false], ['>=', X, true], ['>=', 2.01, false],
  ];
  for (const [rel, value, expected] of cases) {
    test(`depth 2 m ${rel} ${value} → ${expected}`, () => {
      const { c, net } = setup(`RULE R\nIF NODE SU1 DEPTH ${rel} ${String(value)}\nTHEN PUMP P2 STATUS = ON\nELSE PUMP P2 STATUS = OFF`);
      net.nodeNewDepth[net.nodeIndex('SU1')] = D_FT;
      net.linkTargetSetting[net.linkIndex('P2')] = 0.5;
      evalAt(c, net, 0);
      expect(target(net, 'P2')).toBe(expected ? 1 : 0);
    });
  }

  test('node and link attributes in user units', () => {
    const { c, net } = setup([
      'VARIABLE hd = NODE SU1 HEAD', 'VARIABLE vol = NODE SU1 VOLUME', 'VARIABLE lat = NODE J1 INFLOW',
      'VARIABLE md = NODE J1 MAXDEPTH', 'VARIABLE q = LINK C1 FLOW', 'VARIABLE fd = CONDUIT C1 FULLDEPTH',
      'VARIABLE len = CONDUIT C1 LENGTH', 'VARIABLE sl = CONDUIT C1 SLOPE', 'VARIABLE qf = CONDUIT C1 FULLFLOW',
      'VARIABLE v = CONDUIT C1 VELOCITY', 'VARIABLE ld = LINK C1 DEPTH', 'VARIABLE ps = PUMP P1 STATUS',
      'VARIABLE os = ORIFICE OR1 SETTING', 'VARIABLE ols = OUTLET OL1 SETTING', 'VARIABLE pf = PUMP P1 FLOW',
      'EXPRESSION all = hd + vol + lat + md + q + fd + len + sl + qf + v + ld + ps + os + pf',
      'EXPRESSION outletSetting = ols',
      'RULE R1', 'IF all > 0', 'THEN PUMP P2 STATUS = ON',
      'RULE R2', 'IF outletSetting > -1', 'THEN PUMP P1 STATUS = OFF',
    ].join('\n'));
    const su = net.nodeIndex('SU1');
    const j1 = net.nodeIndex('J1');
    const c1 = net.linkIndex('C1');
    net.nodeNewDepth[su] = 1.5 * FT_PER_M; // head = 5 + 1.5 m
    net.nodeNewVolume[su] = 100 / 0.02832; // 100 m³
    net.nodeOldLatFlow[j1] = 0.25 / 0.02832; // 0.25 cms
    net.linkNewFlow[c1] = -0.5 / 0.02832;
    net.linkDirection[c1] = -1; // reversed conduit: FLOW is reported in the user's direction
    net.linkNewDepth[c1] = 0.5 * FT_PER_M; // half full 1 m pipe
    net.linkQFullCfs[c1] = 2 / 0.02832;
    net.linkSetting[net.linkIndex('P1')] = 1;
    net.linkSetting[net.linkIndex('OR1')] = 0.25;
    net.linkNewFlow[net.linkIndex('P1')] = 0.1 / 0.02832;
    evalAt(c, net, 0);
    // half-full 1 m circle: A = π/8 m²; q per barrel = −0.5 cms → v = −0.5/(π/8) m/s (not direction-corrected)
    const v = -0.5 / (Math.PI / 8);
    const expected = 6.5 + 100 + 0.25 + 3 + 0.5 + 1 + 100 + 0.01 + 2 + v + 0.5 + 1 + 0.25 + 0.1;
    expect(c.controlValue).toBeCloseTo(expected, 3);
    expect(target(net, 'P2')).toBe(1);
    // OUTLET SETTING has no value in SWMM (premise false): R2 takes no action
    expect(target(net, 'P1')).toBe(1);
  });
});

describe('AND / OR as SWMM evaluates them', () => {
  // A: J1 depth > 1, B: SU1 depth > 1, C: C1 depth > 0.1 (metres); true = 2, false = 0
  function run(rule: string, a: boolean, b: boolean, cc: boolean): boolean {
    const { c, net } = setup(`RULE R\n${rule}\nTHEN PUMP P2 STATUS = ON\nELSE PUMP P2 STATUS = OFF`);
    depthM(net, 'J1', a ? 2 : 0);
    depthM(net, 'SU1', b ? 2 : 0);
    net.linkNewDepth[net.linkIndex('C1')] = (cc ? 2 : 0) * FT_PER_M;
    net.linkTargetSetting[net.linkIndex('P2')] = 0.5;
    evalAt(c, net, 0);
    return target(net, 'P2') === 1;
  }
  const A = 'IF NODE J1 DEPTH > 1';
  const B = 'NODE SU1 DEPTH > 1';
  const C = 'LINK C1 DEPTH > 0.1';

  test('A OR B AND C = (A OR B) AND C', () => {
    const r = `${A}\nOR ${B}\nAND ${C}`;
    expect(run(r, false, true, true)).toBe(true);
    expect(run(r, true, false, true)).toBe(true);
    expect(run(r, true, true, false)).toBe(false);
    expect(run(r, false, false, true)).toBe(false);
  });

  test('A AND B OR C: a false IF/AND clause ends the evaluation, so a later OR cannot rescue it', () => {
    const r = `${A}\nAND ${B}\nOR ${C}`;
    expect(run(r, true, true, false)).toBe(true);
    expect(run(r, true, false, true)).toBe(true); // (A AND B) false → OR C tested
    expect(run(r, false, true, true)).toBe(false); // A false → stops at AND
  });

  test('OR is skipped while the running result is true', () => {
    const r = `${A}\nOR ${B}`;
    expect(run(r, true, false, false)).toBe(true);
    expect(run(r, false, false, false)).toBe(false);
  });
});

describe('actions, ELSE, priorities', () => {
  test('ELSE branch when the premise is false; count counts changed targets only', () => {
    const { c, net } = setup('RULE R\nIF NODE SU1 DEPTH > 1\nTHEN ORIFICE OR1 SETTING = 0.8\nAND WEIR W1 SETTING = 0.3\nELSE ORIFICE OR1 SETTING = 0.2');
    depthM(net, 'SU1', 2);
    expect(evalAt(c, net, 0)).toBe(2);
    expect([target(net, 'OR1'), target(net, 'W1')]).toEqual([0.8, 0.3]);
    expect(evalAt(c, net, 0.1)).toBe(0);
    depthM(net, 'SU1', 0.5);
    expect(evalAt(c, net, 0.2)).toBe(1);
    expect([target(net, 'OR1'), target(net, 'W1')]).toEqual([0.2, 0.3]);
  });

  test('conflicts: the first rule wins unless a later rule has strictly higher priority', () => {
    const { c, net } = setup([
      'RULE A', 'IF SIMULATION TIME >= 0', 'THEN PUMP P2 STATUS = ON', 'PRIORITY 1',
      'RULE B', 'IF SIMULATION TIME >= 0', 'THEN PUMP P2 STATUS = OFF', 'PRIORITY 1',
      'RULE C', 'IF SIMULATION TIME >= 0', 'THEN ORIFICE OR1 SETTING = 0.1',
      'RULE D', 'IF SIMULATION TIME >= 0', 'THEN ORIFICE OR1 SETTING = 0.9', 'PRIORITY 0.5',
      'RULE E', 'IF SIMULATION TIME >= 0', 'THEN WEIR W1 SETTING = 0.1', 'PRIORITY 2',
      'RULE F', 'IF SIMULATION TIME >= 0', 'THEN WEIR W1 SETTING = 0.9', 'PRIORITY 1',
    ].join('\n'));
    net.linkTargetSetting.fill(0.5);
    evalAt(c, net, 0);
    expect(target(net, 'P2')).toBe(1); // equal priority: first rule
    expect(target(net, 'OR1')).toBe(0.9); // 0.5 > default 0
    expect(target(net, 'W1')).toBe(0.1); // later rule has lower priority
  });

  test('two actions of one rule on the same link: the last written wins (SWMM lists them in reverse)', () => {
    const { c, net } = setup('RULE R\nIF SIMULATION TIME >= 0\nTHEN PUMP P2 STATUS = ON\nAND PUMP P2 STATUS = OFF');
    net.linkTargetSetting[net.linkIndex('P2')] = 0.5;
    evalAt(c, net, 0);
    expect(target(net, 'P2')).toBe(0);
  });

  test('conduit status and pump settings above 1', () => {
    const { c, net } = setup('RULE R\nIF SIMULATION TIME > 0\nTHEN CONDUIT C1 STATUS = CLOSED\nAND PUMP P1 SETTING = 1.2');
    evalAt(c, net, 1);
    expect(target(net, 'C1')).toBe(0);
    expect(target(net, 'P1')).toBe(1.2);
  });
});

describe('time and date premises', () => {
  function fires(premise: string, hours: number, dtS = DT, startOffsetDays = 0): boolean {
    const { c, net } = setup(`RULE R\nIF ${premise}\nTHEN PUMP P2 STATUS = ON\nELSE PUMP P2 STATUS = OFF`);
    net.linkTargetSetting[net.linkIndex('P2')] = 0.5;
    controlsEvaluate(c, net, START + startOffsetDays + h(hours), h(hours), dtS);
    return target(net, 'P2') === 1;
  }
  const s = 1 / 3600; // one second in hours

  test('SIMULATION TIME = t holds within [t − Δt/2, t + Δt/2)', () => {
    expect(fires('SIMULATION TIME = 1:00', 1)).toBe(true);
    expect(fires('SIMULATION TIME = 1:00', 1 - 30 * s)).toBe(true);
    expect(fires('SIMULATION TIME = 1:00', 1 - 31 * s)).toBe(false);
    expect(fires('SIMULATION TIME = 1:00', 1 + 29 * s)).toBe(true);
    expect(fires('SIMULATION TIME = 1:00', 1 + 30 * s)).toBe(false);
    expect(fires('SIMULATION TIME = 1.5', 1.5 + 100 * s, 300)).toBe(true); // decimal hours, 5-min step
    expect(fires('SIMULATION TIME <> 1:00', 1 + 10 * s)).toBe(false);
    expect(fires('SIMULATION TIME <> 1:00', 1 + 40 * s)).toBe(true);
    expect(fires('SIMULATION TIME > 2', 2.01)).toBe(true);
    expect(fires('SIMULATION TIME > 2', 2)).toBe(false);
    expect(fires('SIMULATION TIME >= 26:00', 26)).toBe(true); // durations beyond one day
  });

  test('CLOCKTIME is the time of day, with the same window for =', () => {
    expect(fires('SIMULATION CLOCKTIME = 08:00', 8, DT, 3)).toBe(true);
    expect(fires('SIMULATION CLOCKTIME >= 8:00AM', 7.9, DT, 3)).toBe(false);
    expect(fires('SIMULATION CLOCKTIME < 2:30PM', 14.4)).toBe(true);
    expect(fires('SIMULATION CLOCKTIME < 2:30PM', 14.6)).toBe(false);
  });

  test('DATE, DAY (1 = Sunday), MONTH, DAYOFYEAR', () => {
    expect(fires('SIMULATION DATE = 06/15/2021', 23.9)).toBe(true);
    expect(fires('SIMULATION DATE = 06/15/2021', 24.1)).toBe(false);
    expect(fires('SIMULATION DATE > 06/14/2021', 0)).toBe(true);
    expect(fires('SIMULATION DAY = 3', 5)).toBe(true); // Tuesday
    expect(fires('SIMULATION DAY = 3', 5, DT, 1)).toBe(false);
    expect(fires('SIMULATION MONTH = 6', 0)).toBe(true);
    expect(fires('SIMULATION MONTH >= 7', 0, DT, 16)).toBe(true); // July 1st
    expect(fires('SIMULATION DAYOFYEAR = 166', 12)).toBe(true);
    expect(fires('SIMULATION DAYOFYEAR = 06/15', 12)).toBe(true);
    expect(fires('SIMULATION DAYOFYEAR < 6/16', 12, DT, 1)).toBe(false);
  });

  test('calendar values follow the date across evaluations (leap year day of year)', () => {
    const { c, net } = setup('RULE R\nIF SIMULATION DAYOFYEAR = 61\nTHEN PUMP P2 STATUS = ON\nELSE PUMP P2 STATUS = OFF');
    const d = encodeDate(2024, 3, 1); // leap year: March 1 = day 61
    controlsEvaluate(c, net, d + 0.5, 0, DT);
    expect(target(net, 'P2')).toBe(1);
    controlsEvaluate(c, net, d + 1.5, 1, DT);
    expect(target(net, 'P2')).toBe(0);
  });

  test('TIMEOPEN / TIMECLOSED: time since the last open/close switch; false in the other state', () => {
    const { c, net } = setup([
      'RULE R', 'IF ORIFICE OR1 TIMEOPEN >= 1:30', 'THEN ORIFICE OR1 SETTING = CURVE GATE',
      'RULE S', 'IF PUMP P2 TIMECLOSED > 0:10', 'THEN PUMP P2 STATUS = ON',
    ].join('\n'));
    const or1 = net.linkIndex('OR1');
    const p2 = net.linkIndex('P2');
    net.linkSetting[or1] = 0.5;
    net.linkTimeLastSet[or1] = START + h(1);
    net.linkSetting[p2] = 0;
    net.linkTargetSetting[p2] = 0;
    net.linkTimeLastSet[p2] = START + h(2.9);
    evalAt(c, net, 3); // open for 2 h → curve at x = 2 h → 1; closed for 6 min → no action
    expect(target(net, 'OR1')).toBe(1);
    expect(target(net, 'P2')).toBe(0);
    net.linkTargetSetting[or1] = 0.3;
    net.linkTimeLastSet[or1] = START + h(1.8);
    evalAt(c, net, 3); // open 1.2 h < 1.5: false
    expect(target(net, 'OR1')).toBe(0.3);
    // a false TIMECLOSED test still sets the control value (hours): rule S, P2 closed 0.1 h
    expect(c.controlValue).toBeCloseTo(0.1, 9);
    evalAt(c, net, 3.2); // P2 closed for 18 min
    expect(target(net, 'P2')).toBe(1);
    net.linkSetting[or1] = 0;
    evalAt(c, net, 5); // closed: TIMEOPEN has no value
    expect(target(net, 'OR1')).toBe(0.3);
  });
});

describe('modulated settings', () => {
  test('CURVE: x is the left value of the last plain premise (in user units)', () => {
    const { c, net } = setup('RULE R\nIF NODE SU1 DEPTH > 0\nTHEN ORIFICE OR1 SETTING = CURVE GATE');
    for (const [d, s] of [[1.5, 0.75], [0.5, 0.25], [3, 1]] as const) {
      depthM(net, 'SU1', d);
      evalAt(c, net, 0);
      expect(target(net, 'OR1')).toBeCloseTo(s, 12);
    }
  });

  test('the control value persists across rules: a later rule with only a time test reuses it', () => {
    const { c, net } = setup([
      'RULE A', 'IF NODE SU1 DEPTH > 100', 'THEN PUMP P2 STATUS = ON',
      'RULE B', 'IF SIMULATION TIME = 0:00', 'THEN ORIFICE OR1 SETTING = CURVE GATE',
    ].join('\n'));
    depthM(net, 'SU1', 1);
    evalAt(c, net, 0);
    expect(target(net, 'OR1')).toBeCloseTo(0.5, 12);
  });

  test('TIMESERIES: interpolated at the current date, end values held', () => {
    const { c, net } = setup('RULE R\nIF SIMULATION TIME >= 0\nTHEN WEIR W1 SETTING = TIMESERIES TS1');
    evalAt(c, net, 6);
    expect(target(net, 'W1')).toBeCloseTo(0.5, 12);
    evalAt(c, net, 18);
    expect(target(net, 'W1')).toBeCloseTo(0.8, 12);
    controlsEvaluate(c, net, START - 1, 0, DT);
    expect(target(net, 'W1')).toBeCloseTo(0.2, 12);
  });

  test('PID step response (hand computed), with the stuck-error reset', () => {
    // set point 2 m; kp = 0.5, ki = 10 min, kd = 0.2 min; Δt = 1 min; start target 0.5
    const { c, net } = setup('RULE R\nIF NODE SU1 DEPTH <> 2\nTHEN ORIFICE OR1 SETTING = PID 0.5 10 0.2');
    const or1 = net.linkIndex('OR1');
    net.linkTargetSetting[or1] = 0.5;
    // 1) depth 3: e = (2−3)/2 = −0.5; Δ = 0.5·(−0.5 − 0.05 − 0.1) = −0.325
    depthM(net, 'SU1', 3);
    evalAt(c, net, 0);
    expect(net.linkTargetSetting[or1]).toBeCloseTo(0.175, 12);
    // 2) depth 2.5: e = −0.25; Δ = 0.5·(0.25 − 0.025 + 0.2·0.75) = 0.1875
    depthM(net, 'SU1', 2.5);
    evalAt(c, net, 1 / 60);
    expect(net.linkTargetSetting[or1]).toBeCloseTo(0.3625, 12);
    // 3) same error again: history reset, Δ = 0.5·(−0.25 − 0.025 − 0.05) = −0.1625
    evalAt(c, net, 2 / 60);
    expect(net.linkTargetSetting[or1]).toBeCloseTo(0.2, 12);
    // 4) far above the set point: clipped at 0 (and at 1 for non-pumps)
    depthM(net, 'SU1', 40);
    evalAt(c, net, 3 / 60);
    expect(net.linkTargetSetting[or1]).toBe(0);
    depthM(net, 'SU1', 0.01);
    for (let k = 4; k < 12; k++) evalAt(c, net, k / 60);
    expect(net.linkTargetSetting[or1]).toBe(1);
  });

  test('PID on a pump is not capped at 1; ki = 0 means no integral term', () => {
    const { c, net } = setup('RULE R\nIF NODE SU1 DEPTH <> 1\nTHEN PUMP P1 SETTING = PID 4 0 0');
    const p1 = net.linkIndex('P1');
    net.linkTargetSetting[p1] = 1;
    depthM(net, 'SU1', 0.5); // e = (1 − 0.5)/1 = 0.5 → Δ = 4·0.5 = 2
    evalAt(c, net, 0);
    expect(net.linkTargetSetting[p1]).toBeCloseTo(3, 12);
  });

  test('set point 0: the error is relative to the controller value', () => {
    const { c, net } = setup('RULE R\nIF NODE SU1 DEPTH >= 0\nTHEN PUMP P1 SETTING = PID 0.1 0 0');
    const p1 = net.linkIndex('P1');
    net.linkTargetSetting[p1] = 1;
    depthM(net, 'SU1', 2); // e = (0 − 2)/2 = −1 → Δ = −0.1
    evalAt(c, net, 0);
    expect(net.linkTargetSetting[p1]).toBeCloseTo(0.9, 12);
  });
});

describe('named variables and expressions', () => {
  test('expression premise (nrt_control_rules_steady form) drives THEN / ELSE', () => {
    const { c, net } = setup([
      'VARIABLE Q1 = LINK C1 FLOW', 'VARIABLE Q2 = PUMP P1 FLOW', 'VARIABLE Q3 = ORIFICE OR1 FLOW',
      'EXPRESSION Net_Inflow = (Q1 + Q2)/2 - Q3',
      'RULE 1', 'IF Net_Inflow > 0.1', 'THEN ORIFICE OR1 Setting = 1', 'ELSE ORIFICE OR1 Setting = 0.5',
    ].join('\n'));
    const q = (l: string, cms: number): void => { net.linkNewFlow[net.linkIndex(l)] = cms / 0.02832; };
    q('C1', 0.3); q('P1', 0.1); q('OR1', 0.05);
    evalAt(c, net, 0);
    expect(c.controlValue).toBeCloseTo(0.15, 12);
    expect(target(net, 'OR1')).toBe(1);
    q('OR1', 0.15);
    evalAt(c, net, 0.1);
    expect(target(net, 'OR1')).toBe(0.5);
  });

  test('named variables on either side, and OBJECT variables on the right side', () => {
    const { c, net, warnings } = setup([
      'VARIABLE dJ = NODE J1 DEPTH', 'VARIABLE dS = NODE SU1 DEPTH',
      'RULE A', 'IF dJ > dS', 'THEN PUMP P2 STATUS = ON', 'ELSE PUMP P2 STATUS = OFF',
      'RULE B', 'IF NODE J1 DEPTH < NODE SU1 DEPTH', 'THEN ORIFICE OR1 SETTING = 0.2', 'ELSE ORIFICE OR1 SETTING = 0.7',
      'RULE C', 'IF NODE J1 HEAD > NODE SU1 DEPTH', 'THEN WEIR W1 SETTING = 0.4',
    ].join('\n'));
    expect(warnings).toEqual(['WARNING 11: non-matching attributes in Control Rule C']);
    depthM(net, 'J1', 1);
    depthM(net, 'SU1', 2);
    evalAt(c, net, 0);
    expect([target(net, 'P2'), target(net, 'OR1'), target(net, 'W1')]).toEqual([0, 0.2, 0.4]);
    depthM(net, 'J1', 3);
    evalAt(c, net, 0.1);
    expect([target(net, 'P2'), target(net, 'OR1')]).toEqual([1, 0.7]);
  });

  test('a variable of a time attribute keeps the time window', () => {
    const { c, net } = setup('VARIABLE t = SIMULATION TIME\nRULE R\nIF t = 2:00\nTHEN PUMP P2 STATUS = ON');
    net.linkTargetSetting[net.linkIndex('P2')] = 0;
    evalAt(c, net, 2 + 20 / 3600);
    expect(target(net, 'P2')).toBe(1);
  });
});

describe('gage premises', () => {
  test('INTENSITY and past n-hour totals; unused gages read 0; no gage view → false', () => {
    const { c, net } = setup([
      'RULE A', 'IF GAGE RG1 INTENSITY > 5', 'THEN PUMP P2 STATUS = ON', 'ELSE PUMP P2 STATUS = OFF',
      'RULE B', 'IF GAGE RG1 3HR > 10', 'THEN ORIFICE OR1 SETTING = 0.1', 'ELSE ORIFICE OR1 SETTING = 0.9',
    ].join('\n'));
    net.linkTargetSetting.fill(0.5);
    evalAt(c, net, 0);
    expect([target(net, 'P2'), target(net, 'OR1')]).toEqual([0, 0.9]);
    const pastRain = new Float64Array(PAST_RAIN_STRIDE);
    pastRain.set([100, 4, 4, 3, 50], 0); // hour in progress (100) and the 4th hour back (50) are not in a 3-hour total
    const gv = { rainfall: Float64Array.of(6), used: Uint8Array.of(1), pastRain };
    controlsSetGages(c, gv);
    evalAt(c, net, 1);
    expect([target(net, 'P2'), target(net, 'OR1')]).toEqual([1, 0.1]);
    pastRain[3] = 1; // 9 mm
    evalAt(c, net, 2);
    expect(target(net, 'OR1')).toBe(0.9);
    controlsSetGages(c, { ...gv, used: Uint8Array.of(0) });
    evalAt(c, net, 3);
    expect([target(net, 'P2'), target(net, 'OR1')]).toEqual([0, 0.9]);
  });
});

describe('action log', () => {
  test('plain settings are logged with date, link, value and rule; modulated ones are not', () => {
    const { c, net } = setup([
      'RULE OPEN', 'IF NODE SU1 DEPTH > 1', 'THEN PUMP P2 STATUS = ON', 'AND ORIFICE OR1 SETTING = CURVE GATE',
      'RULE SHUT', 'IF NODE SU1 DEPTH <= 1', 'THEN PUMP P2 STATUS = OFF',
    ].join('\n'));
    net.linkTargetSetting[net.linkIndex('P2')] = 0;
    depthM(net, 'SU1', 1.5);
    evalAt(c, net, 1);
    evalAt(c, net, 2); // nothing changes
    depthM(net, 'SU1', 0.5);
    evalAt(c, net, 3);
    const names = ['C1', 'P1', 'P2', 'OR1', 'W1', 'OL1'];
    expect(controlsActionLog(c, names)).toEqual([
      { dateTime: START + h(1), link: 'P2', setting: 1, rule: 'OPEN' },
      { dateTime: START + h(3), link: 'P2', setting: 0, rule: 'SHUT' },
    ]);
  });

  test("order of simultaneous actions follows SWMM's reused action list", () => {
    const { c, net } = setup('RULE R\nIF NODE SU1 DEPTH > 1\nTHEN PUMP P2 STATUS = ON\nAND WEIR W1 SETTING = 1\nELSE PUMP P2 STATUS = OFF\nAND WEIR W1 SETTING = 0');
    const names = ['C1', 'P1', 'P2', 'OR1', 'W1', 'OL1'];
    net.linkTargetSetting.fill(0.5);
    depthM(net, 'SU1', 2);
    evalAt(c, net, 1); // first time: new list entries go to the head → file order
    depthM(net, 'SU1', 0);
    evalAt(c, net, 2); // entries reused from the head in evaluation (reverse) order
    expect(controlsActionLog(c, names).map((a) => `${a.link}=${a.setting}`)).toEqual(['P2=1', 'W1=1', 'W1=0', 'P2=0']);
  });

  test('no log when REPORT CONTROLS is off (actions still taken)', () => {
    const { c, net } = setup('RULE R\nIF SIMULATION TIME >= 0\nTHEN PUMP P2 STATUS = OFF');
    c.logEnabled = false;
    expect(evalAt(c, net, 0)).toBe(1);
    expect(c.logCount).toBe(0);
  });

  test('the log grows past its initial capacity', () => {
    const { c, net } = setup('RULE R\nIF SIMULATION TIME >= 0\nTHEN ORIFICE OR1 SETTING = 0\nELSE ORIFICE OR1 SETTING = 1');
    for (let k = 0; k < 40; k++) {
      net.linkTargetSetting[net.linkIndex('OR1')] = 0.5;
      evalAt(c, net, k);
    }
    expect(c.logCount).toBe(40);
    expect(controlsActionLog(c, ['C1', 'P1', 'P2', 'OR1', 'W1', 'OL1'])[39]).toEqual({ dateTime: START + h(39), link: 'OR1', setting: 0, rule: 'R' });
  });
});

describe('rule clock (RULE_STEP)', () => {
  test('steps are cut to land on rule times; rules run at 0 and every RULE_STEP', () => {
    const { c, net } = setup('RULE R\nIF SIMULATION TIME >= 0\nTHEN ORIFICE OR1 SETTING = 0\nELSE ORIFICE OR1 SETTING = 1');
    expect(c.ruleStepS).toBe(300);
    const evaluatedAt: number[] = [];
    let t = 0;
    while (t < 900000) {
      const dt = controlsLimitStep(c, t, 70);
      net.linkTargetSetting[net.linkIndex('OR1')] = 0.5;
      if (controlsAtStepStart(c, net, START, t, dt) > 0) evaluatedAt.push(t / 1000);
      t += 1000 * dt;
      controlsAtStepEnd(c, t);
    }
    expect(evaluatedAt).toEqual([0, 300, 600]);
    expect(c.ruleTimeMs).toBe(900000);
    expect(controlsLimitStep(c, 1140000, 70)).toBe(60);
    expect(controlsDue(c, 900000)).toBe(true);
    controlsReset(c);
    expect(c.ruleTimeMs).toBe(0);
    expect(c.logCount).toBe(0);
  });

  test('RULE_STEP 0: every step', () => {
    const { c, net } = setup('RULE R\nIF SIMULATION TIME >= 0\nTHEN ORIFICE OR1 SETTING = 0');
    (c as { ruleStepS: number }).ruleStepS = 0;
    expect(controlsLimitStep(c, 12345, 17)).toBe(17);
    expect(controlsDue(c, 12345)).toBe(true);
    expect(controlsAtStepStart(c, net, START, 12345, 17)).toBe(1);
  });
});
