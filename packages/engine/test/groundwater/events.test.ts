// Routing events through the whole engine: a constant 1 cfs inflow into a junction draining by
// one conduit to an outfall (a dry subcatchment keeps the runoff clock going), routed only from
// 2:00 to 4:00 of a 6-hour run. Outside the event
// nothing enters or leaves the network and its state stays frozen (as SWMM 5.2.4 reports it).
import { describe, expect, it } from 'vitest';
import { readOut, runModel } from '../../src/index.js';
import { parseReport } from '../parity/rpt-parse.js';

const INP = (events: string): string => `[TITLE]
events test
[OPTIONS]
FLOW_UNITS CFS
FLOW_ROUTING KINWAVE
START_DATE 01/01/2020
START_TIME 00:00
END_DATE 01/01/2020
END_TIME 06:00
REPORT_STEP 00:15:00
WET_STEP 00:05:00
DRY_STEP 01:00:00
ROUTING_STEP 30
[RAINGAGES]
RG INTENSITY 1:00 1.0 TIMESERIES R
[TIMESERIES]
R 0:00 0
[SUBCATCHMENTS]
S1 RG J1 1 50 100 1 0
[SUBAREAS]
S1 0.01 0.1 0.05 0.05 25 OUTLET
[INFILTRATION]
S1 3 0.5 4 7 0
[JUNCTIONS]
J1 10 5 0 0 0
[OUTFALLS]
O1 9 FREE
[CONDUITS]
C1 J1 O1 400 0.013 0 0 0 0
[XSECTIONS]
C1 CIRCULAR 1.5 0 0 0 1
[INFLOWS]
J1 FLOW "" FLOW 1.0 1.0 1.0
[EVENTS]
${events}
[REPORT]
NODES ALL
LINKS ALL
`;

describe('routing events (hand-checked)', () => {
  it('routes only inside the event; outside, inflow is 0 and the state is frozen', () => {
    const res = runModel(INP('01/01/2020 02:00 01/01/2020 04:00'), { inpName: 'ev.inp' });
    expect(res.errors).toEqual([]);
    const out = readOut(res.output);
    const lat = out.getSeries('node', 0, 3); // J1 lateral inflow
    const outfallIn = out.getSeries('node', 1, 4);
    const flow = out.getSeries('link', 0, 0);
    const sysOutflow = out.getSeries('system', 0, 11);
    expect(lat.length).toBe(24);
    // Periods end at 0:15 … 6:00; the event covers the steps starting 2:00 … 3:59:30.
    for (let k = 1; k <= 8; k++) {
      expect(lat[k - 1]).toBe(0);
      expect(flow[k - 1]).toBe(0);
      expect(sysOutflow[k - 1]).toBe(0);
    }
    for (let k = 9; k <= 16; k++) expect(lat[k - 1]).toBeCloseTo(1, 6);
    expect(flow[15]!).toBeGreaterThan(0.99);
    // After the event: no lateral inflow, no system outflow, but the last routed state is kept.
    for (let k = 17; k <= 24; k++) {
      expect(lat[k - 1]).toBe(0);
      expect(sysOutflow[k - 1]).toBe(0);
      expect(flow[k - 1]).toBe(flow[15]);
      expect(outfallIn[k - 1]).toBe(outfallIn[15]);
    }
    // The event is the same as a 2-hour run with no events, shifted by two hours: same flows,
    // same continuity table (1 cfs for 7200 s = 0.165 acre-ft in).
    const twoHours = runModel(INP('').replace('END_TIME 06:00', 'END_TIME 02:00'), { inpName: 'ev2.inp' });
    expect(twoHours.errors).toEqual([]);
    const flow2 = readOut(twoHours.output).getSeries('link', 0, 0);
    for (let k = 1; k <= 8; k++) expect(flow[k + 7]).toBeCloseTo(flow2[k - 1]!, 5);
    const fr = parseReport(res.report).continuity['Flow Routing Continuity']!.rows;
    const fr2 = parseReport(twoHours.report).continuity['Flow Routing Continuity']!.rows;
    expect(fr['External Inflow']![0]).toBeCloseTo(7200 / 43560, 3);
    for (const [row, v] of Object.entries(fr2)) {
      if (row.startsWith('Continuity Error')) expect(fr[row]![0]).toBeCloseTo(v[0]!, 2);
      else expect(fr[row]).toEqual(v);
    }
  });

  it('takes long steps between events (statistics count routed steps only)', () => {
    const res = runModel(INP('01/01/2020 02:00 01/01/2020 04:00'), { inpName: 'ev.inp' });
    // 2 h routed at 30 s = 240 steps; the other 4 h take a few dozen long or fixed steps.
    expect(res.summary!.routingSteps).toBeLessThan(240 + 120);
    const rpt = res.report;
    expect(rpt).toMatch(/Maximum Time Step\s+:\s+30\.00 sec/);
    const allDay = runModel(INP('01/01/2020 00:00 01/01/2020 06:00'), { inpName: 'ev.inp' });
    expect(allDay.summary!.routingSteps).toBe(720);
  });
});
