// External inflows and dry weather flow: series interpolation (0 outside the series),
// baseline patterns, and DWF pattern factors by month / day / hour / weekend.
import { describe, expect, test } from 'vitest';
import { buildNetwork } from '../../src/hydraulics/network.js';
import { buildLateralInflows, externalInflowCfs, dwfInflowCfs, addExternalInflows, addDryWeatherInflows } from '../../src/hydraulics/inflows.js';
import { createRouting, routingBeginStep, MB_DW_INFLOW, MB_EX_INFLOW, MB_OUTFLOW } from '../../src/hydraulics/routing.js';
import { encodeDate, encodeTime } from '../../src/time/datetime.js';
import { modelOf } from './helpers.js';

const SECTIONS = `
[JUNCTIONS]
J1 10 5 0 0 0
J2 10 5 0 0 0
[OUTFALLS]
O1 9 FREE NO
[CONDUITS]
C1 J1 O1 100 0.013 0 0 0 0
C2 J2 O1 100 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 1 0 0 0 1
C2 CIRCULAR 1 0 0 0 1
[TIMESERIES]
TS 1:00 2
TS 3:00 6
[PATTERNS]
MON MONTHLY 1 2 3 4 5 6 7 8 9 10 11 12
DAY DAILY 0.5 1 1 1 1 1 1.5
HR HOURLY 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2
WKD WEEKEND 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3 3
[INFLOWS]
J1 FLOW TS FLOW 1.0 2.0 0.5 HR
J2 FLOW "" FLOW 1.0 1.0 -4
[DWF]
J1 FLOW 10 "MON" "DAY" "HR" "WKD"
J2 FLOW 1 "" "" "HR"
`;

function setup(flowUnits = 'CFS') {
  const m = modelOf({ flowUnits, sections: SECTIONS });
  const net = buildNetwork(m).net!;
  const b = buildLateralInflows(m, net);
  expect(b.errors).toEqual([]);
  return { m, net, inf: b.inflows };
}

// 2021-01-01 is a Friday.
const at = (month: number, day: number, h: number, min = 0): number => encodeDate(2021, month, day) + encodeTime(h, min, 0);

describe('external inflows', () => {
  test('scaled series (0 outside its range) plus the baseline times its pattern', () => {
    const { inf } = setup();
    // series starts 1 h after the simulation start: before it only the baseline flows
    expect(externalInflowCfs(inf, 0, at(1, 1, 0, 30))).toBeCloseTo(0.5, 12);
    // 2:00 → series 4 (× scale 2) + baseline 0.5
    expect(externalInflowCfs(inf, 0, at(1, 1, 2))).toBeCloseTo(8.5, 6);
    // 23:00: past the series end (0) and the hourly baseline pattern doubles the baseline
    expect(externalInflowCfs(inf, 0, at(1, 1, 23, 30))).toBeCloseTo(1, 12);
  });

  test('flows are converted from user units; negative inflows count as system outflow', () => {
    const { m, net, inf } = setup('CMS');
    expect(externalInflowCfs(inf, 0, at(1, 1, 2))).toBeCloseTo(8.5 / 0.02832, 5);
    const r = createRouting(net, m.options.reportStartDateTime);
    routingBeginStep(r, 30);
    addExternalInflows(inf, r, at(1, 1, 2));
    expect(r.stepTotals[MB_EX_INFLOW]).toBeCloseTo(8.5 / 0.02832, 5);
    expect(r.stepTotals[MB_OUTFLOW]).toBeCloseTo(4 / 0.02832, 9);
    expect(net.nodeNewLatFlow[1]).toBeCloseTo(-4 / 0.02832, 9);
  });
});

describe('dry weather flow', () => {
  test('average × monthly × daily × hourly on weekdays, × weekend factors on Saturday/Sunday', () => {
    const { m, net, inf } = setup();
    // Friday 1 Jan, 23:xx: 10 × Jan 1 × Fri 1 × hour-23 2
    const r = createRouting(net, m.options.reportStartDateTime);
    routingBeginStep(r, 30);
    addDryWeatherInflows(inf, r, at(1, 1, 23, 15));
    expect(net.nodeNewLatFlow[0]).toBeCloseTo(20, 12);
    expect(net.nodeNewLatFlow[1]).toBeCloseTo(2, 12);
    expect(r.stepTotals[MB_DW_INFLOW]).toBeCloseTo(22, 12);
    // dwfInflowCfs(k, month0, day0, hour): Saturday 2 Jan 10:00 → 10 × 1 × 1.5 × weekend 3
    expect(dwfInflowCfs(inf, 0, 0, 6, 10)).toBeCloseTo(45, 12);
    // Sunday in March → 10 × 3 × 0.5 × 3
    expect(dwfInflowCfs(inf, 0, 2, 0, 5)).toBeCloseTo(45, 12);
    // the node with only an hourly pattern ignores the weekend
    expect(dwfInflowCfs(inf, 1, 2, 0, 23)).toBeCloseTo(2, 12);
  });
});
