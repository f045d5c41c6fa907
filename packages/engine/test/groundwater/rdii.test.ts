// RDII through the whole engine (digest §9.2): one hour of rain on a 10-acre sewershed whose
// short-term unit hydrograph is a triangle (R 0.1, T 1 h, K 2 → 3 h base). The expected flows
// come from the triangle itself, evaluated at the middle of each 15-minute rain interval.
import { describe, expect, it } from 'vitest';
import { readOut, runModel } from '../../src/index.js';
import { parseReport } from '../parity/rpt-parse.js';

function rdiiInp(hydrographs: string[], extra = ''): string {
  return `[TITLE]
rdii test
[OPTIONS]
FLOW_UNITS CFS
FLOW_ROUTING KINWAVE
START_DATE 01/01/2020
START_TIME 00:00
END_DATE 01/01/2020
END_TIME 06:00
REPORT_STEP 00:15:00
WET_STEP 00:15:00
DRY_STEP 01:00:00
ROUTING_STEP 60
${extra}
[RAINGAGES]
RG INTENSITY 1:00 1.0 TIMESERIES R
[TIMESERIES]
R 0:00 1.0
R 1:00 0
[HYDROGRAPHS]
UH1 RG
${hydrographs.join('\n')}
[RDII]
J UH1 10
[OUTFALLS]
J 0 FREE
[REPORT]
NODES ALL
`;
}

/** Triangular unit hydrograph (per hour) with peak at tp and base tb (hours). */
function uh(t: number, tp: number, tb: number): number {
  const qp = 2 / tb;
  if (t >= tb) return 0;
  return t <= tp ? (qp * t) / tp : qp * (1 - (t - tp) / (tb - tp));
}

/** cfs per in/hr of RDII over 10 acres (SWMM's acre is 1/2.2956e-5 ft²). */
const CFS_PER_INHR = 10 / 2.2956e-5 / 43200;

describe('RDII (hand-checked)', () => {
  it('a one-hour pulse gives the triangular response, one RDII step late, and its volume', () => {
    const res = runModel(rdiiInp(['UH1 ALL SHORT 0.1 1 2']), { inpName: 'rdii.inp' });
    expect(res.errors).toEqual([]);
    // RDII at the n-th 15-min time: each earlier rain interval m (0.25 in) weighted by the
    // ordinate at the middle of its age. The .out lateral inflow at report time k·15 min is the
    // value of the routing step that started one minute earlier, i.e. RDII step k − 1.
    const rdiiAt = (n: number): number => {
      let s = 0;
      for (let m = 0; m < Math.min(4, n); m++) s += 0.25 * uh((n - m - 0.5) * 0.25, 1, 3);
      return 0.1 * s * CFS_PER_INHR;
    };
    const lat = readOut(res.output).getSeries('node', 0, 3);
    expect(lat.length).toBe(24);
    for (let k = 1; k <= 24; k++) expect(lat[k - 1]!).toBeCloseTo(rdiiAt(k - 1), 5);
    expect(Math.max(...lat)).toBeCloseTo(0.1 * 0.25 * (uh(1.625, 1, 3) + uh(1.375, 1, 3) + uh(1.125, 1, 3) + uh(0.875, 1, 3)) * CFS_PER_INHR, 5);

    // The midpoint rule is exact for this triangle: RDII = R × rain = 0.1 in over 10 acres.
    const rpt = parseReport(res.report);
    expect(res.report).toMatch(/RDII \.+ YES/);
    const block = res.report.split('\n').filter((l) => /Sewershed Rainfall|RDII Produced|RDII Ratio/.test(l));
    // 1 in on 10 acres = 0.833 acre-ft = 0.272 Mgal; RDII a tenth of it.
    expect(block.map((l) => l.trim().split(/\s{2,}/).slice(1).map(Number))).toEqual([[0.833, 0.272], [0.083, 0.027], [0.1]]);
    const fr = rpt.continuity['Flow Routing Continuity']!.rows;
    expect(fr['RDII Inflow']![0]).toBeCloseTo(10 * 0.1 / 12, 3);
    expect(fr['External Outflow']![0]).toBeCloseTo(10 * 0.1 / 12, 3);
  });

  it('an initial abstraction takes the first 0.3 in of rain', () => {
    const res = runModel(rdiiInp(['UH1 ALL SHORT 0.1 1 2 0.3 0 0']), { inpName: 'rdii.inp' });
    expect(res.errors).toEqual([]);
    // Excess per 15-min interval: 0, 0.2, 0.25, 0.25 in.
    const excess = [0, 0.2, 0.25, 0.25];
    const lat = readOut(res.output).getSeries('node', 0, 3);
    for (let k = 1; k <= 24; k++) {
      const n = k - 1;
      let s = 0;
      for (let m = 0; m < Math.min(4, n); m++) s += excess[m]! * uh((n - m - 0.5) * 0.25, 1, 3);
      expect(lat[k - 1]!).toBeCloseTo(0.1 * s * CFS_PER_INHR, 5);
    }
    const fr = parseReport(res.report).continuity['Flow Routing Continuity']!.rows;
    expect(fr['RDII Inflow']![0]).toBeCloseTo((10 * 0.1 * 0.7) / 12, 3);
  });

  it('monthly parameters apply to rain of their month; IGNORE_RDII turns RDII off', () => {
    // Only a February unit hydrograph: January rain makes no RDII.
    const feb = runModel(rdiiInp(['UH1 FEB SHORT 0.1 1 2']), { inpName: 'rdii.inp' });
    expect(feb.errors).toEqual([]);
    expect(Math.max(...readOut(feb.output).getSeries('node', 0, 3))).toBe(0);
    const off = runModel(rdiiInp(['UH1 ALL SHORT 0.1 1 2'], 'IGNORE_RDII YES'), { inpName: 'rdii.inp' });
    expect(off.errors).toEqual([]);
    expect(off.report).toMatch(/RDII \.+ NO/);
    expect(off.report).not.toMatch(/Rainfall Dependent I\/I/);
    expect(Math.max(...readOut(off.output).getSeries('node', 0, 3))).toBe(0);
  });

  it('reports bad unit hydrographs and RDII lines with SWMM codes', () => {
    const codes = (h: string[], rdii = 'J UH1 10'): number[] =>
      runModel(rdiiInp(h).replace('J UH1 10', rdii), { inpName: 'rdii.inp' }).errors.map((e) => e.code);
    expect(codes(['UH1 ALL SHORT 0.1 1 0'])).toContain(151); // K = 0: time base = time to peak
    expect(codes(['UH1 ALL SHORT -0.1 1 2'])).toContain(211); // the parser rejects a negative R
    expect(codes(['UH1 ALL SHORT 0.6 1 2', 'UH1 ALL MEDIUM 0.6 2 2'])).toContain(153); // Σ R > 1
    expect(codes(['UH1 SOMETIME SHORT 0.1 1 2'])).toContain(205);
    expect(codes(['UH1 ALL SHORT 0.1 x 2'])).toContain(211);
    expect(codes(['UH1 ALL SHORT 0.1'])).toContain(203);
    expect(codes(['UH1 ALL SHORT 0.1 1 2'], 'NOWHERE UH1 10')).toContain(209);
    expect(codes(['UH1 ALL SHORT 0.1 1 2'], 'J UH9 10')).toContain(209);
    expect(codes(['UH1 ALL SHORT 0.1 1 2'], 'J UH1 -1')).toContain(211);
  });
});
