// Runoff-side water quality on hand-checkable models: initial buildup by function, dry-weather
// buildup, washoff by EMC / rating curve / exponential function, co-pollutants, street sweeping.
import { describe, expect, it } from 'vitest';
import { options, pavedCatchment, pipeToOutfall, row, run } from './helpers.js';

const RQC = 'Runoff Quality Continuity';

function qualityModel(sections: string, opts: string[] = [], catchment = pavedCatchment()): string {
  return `[TITLE]\nquality test\n\n${options(opts)}\n${catchment}\n${pipeToOutfall}\n${sections}\n[REPORT]\nSUBCATCHMENTS ALL\nNODES ALL\nLINKS ALL\n`;
}

describe('initial buildup', () => {
  it('follows each buildup function over DRY_DAYS, per acre or per curb length', () => {
    const m = qualityModel(`
[POLLUTANTS]
SAT  MG/L 0 0 0 0
POW  MG/L 0 0 0 0
EXP  MG/L 0 0 0 0
CURB MG/L 0 0 0 0
LOAD MG/L 0 0 0 0

[LANDUSES]
Res

[COVERAGES]
S1 Res 100

[LOADINGS]
S1 LOAD 12.5

[BUILDUP]
Res SAT  SAT 50 0 2 AREA
Res POW  POW 100 10 0.5 AREA
Res EXP  EXP 80 0.5 0 AREA
Res CURB POW 100 10 0.5 CURB
Res LOAD SAT 50 0 2 AREA
`, ['DRY_DAYS 4']);
    const r = run(m);
    expect(r.errors).toEqual([]);
    const init = row(r.rpt, RQC, 'Initial Buildup');
    // 10 acres: SAT 50·4/(2+4) lb/ac; POW min(100, 10·4^0.5); EXP 80(1 − e^−2); per 100 ft of curb; [LOADINGS] 12.5 lb/ac.
    expect(init[0]).toBeCloseTo((50 * 4) / 6 * 10, 2);
    expect(init[1]).toBeCloseTo(20 * 10, 2);
    expect(init[2]).toBeCloseTo(80 * (1 - Math.exp(-2)) * 10, 2);
    expect(init[3]).toBeCloseTo(20 * 100, 2);
    expect(init[4]).toBeCloseTo(125, 2);
    expect(r.report).toContain('Water Quality .......... YES');
  });

  it('keeps building up in dry steps: age grows by the elapsed time', () => {
    const m = qualityModel(`
[POLLUTANTS]
TSS MG/L 0 0 0 0

[LANDUSES]
Res

[COVERAGES]
S1 Res 100

[BUILDUP]
Res TSS SAT 50 0 2 AREA
`, ['DRY_DAYS 5', 'END_DATE 01/03/2020', 'END_TIME 00:00:00'], pavedCatchment({ rainInHr: 0 }));
    const r = run(m);
    expect(r.errors).toEqual([]);
    // 5 dry days at the start, 2 more during the run: 50·t/(2+t) lb/ac over 10 acres.
    expect(row(r.rpt, RQC, 'Initial Buildup')[0]).toBeCloseTo(((50 * 5) / 7) * 10, 2);
    expect(row(r.rpt, RQC, 'Remaining Buildup')[0]).toBeCloseTo(((50 * 7) / 9) * 10, 2);
    expect(row(r.rpt, RQC, 'Surface Buildup')[0]).toBeCloseTo(((50 * 7) / 9 - (50 * 5) / 7) * 10, 2);
  });
});

describe('washoff', () => {
  it('EMC: runoff carries the event mean concentration; the load is booked as buildup', () => {
    const m = qualityModel(`
[POLLUTANTS]
TSS  MG/L 0 0 0 0
Lead UG/L 0 0 0 0 NO TSS 0.5

[LANDUSES]
Res

[COVERAGES]
S1 Res 100

[WASHOFF]
Res TSS EMC 10 0 0 0
`);
    const r = run(m);
    expect(r.errors).toEqual([]);
    const wash = r.out.getSeries('subcatchment', 0, 8);
    const lead = r.out.getSeries('subcatchment', 0, 9);
    const runoff = r.out.getSeries('subcatchment', 0, 4);
    for (let k = 0; k < wash.length; k++) {
      if (runoff[k]! > 0) {
        expect(wash[k]).toBeCloseTo(10, 5);
        // The co-pollutant gets half of TSS's load, in its own mass unit (µg per mg).
        expect(lead[k]).toBeCloseTo(5, 5);
      } else expect(wash[k]).toBe(0);
    }
    // No buildup function: washoff is balanced by "Surface Buildup"; nothing remains.
    const built = row(r.rpt, RQC, 'Surface Buildup');
    const runoffLoad = row(r.rpt, RQC, 'Surface Runoff');
    expect(built[0]).toBeGreaterThan(1);
    expect(built[0]).toBeCloseTo(runoffLoad[0]!, 3);
    // 10 mg/L over the runoff volume: 2 in over 10 acres = 72 600 ft³.
    expect(runoffLoad[0]).toBeCloseTo(10 * 72600 * 28.317 * 2.203e-6, 1);
    expect(row(r.rpt, RQC, 'Remaining Buildup')[0]).toBe(0);
  });

  it('rating curve: washoff rate C1·Q^C2 (C2 = 1 gives C1/28.317 mg/L in CFS units)', () => {
    const m = qualityModel(`
[POLLUTANTS]
TSS MG/L 0 0 0 0

[LANDUSES]
Res

[COVERAGES]
S1 Res 100

[WASHOFF]
Res TSS RC 56.634 1 0 0
`);
    const r = run(m);
    expect(r.errors).toEqual([]);
    const wash = r.out.getSeries('subcatchment', 0, 8);
    const runoff = r.out.getSeries('subcatchment', 0, 4);
    let n = 0;
    for (let k = 0; k < wash.length; k++) {
      if (runoff[k]! <= 0) continue;
      expect(wash[k]).toBeCloseTo(2, 5);
      n++;
    }
    expect(n).toBeGreaterThan(4);
  });

  it('exponential: each step washes off C1·r^C2·B·Δt/3600 of the buildup', () => {
    const m = qualityModel(`
[POLLUTANTS]
TSS MG/L 0 0 0 0

[LANDUSES]
Res

[COVERAGES]
S1 Res 100

[LOADINGS]
S1 TSS 100

[WASHOFF]
Res TSS EXP 0.5 1 0 0
`);
    const r = run(m);
    expect(r.errors).toEqual([]);
    // 1 in/hr for 2 h in 5-minute steps: 24 washoff steps of x = 0.5·1·300/3600.
    const x = (0.5 * 300) / 3600;
    const remaining = 1000 * Math.pow(1 - x, 24);
    expect(row(r.rpt, RQC, 'Initial Buildup')[0]).toBeCloseTo(1000, 3);
    expect(row(r.rpt, RQC, 'Remaining Buildup')[0]).toBeCloseTo(remaining, 2);
    expect(row(r.rpt, RQC, 'Surface Runoff')[0]).toBeCloseTo(1000 - remaining, 2);
    expect(r.rpt.tables['Subcatchment Washoff Summary']!.rows[0]![1]).toBeCloseTo(1000 - remaining, 2);
  });

  it('BMP removal takes its share of the washoff load', () => {
    const m = qualityModel(`
[POLLUTANTS]
TSS MG/L 0 0 0 0

[LANDUSES]
Res

[COVERAGES]
S1 Res 100

[WASHOFF]
Res TSS EMC 10 0 0 40
`);
    const r = run(m);
    expect(r.errors).toEqual([]);
    const bmp = row(r.rpt, RQC, 'BMP Removal')[0]!;
    const out = row(r.rpt, RQC, 'Surface Runoff')[0]!;
    expect(bmp / (bmp + out)).toBeCloseTo(0.4, 3);
    const wash = r.out.getSeries('subcatchment', 0, 8);
    expect(Math.max(...wash)).toBeCloseTo(6, 5);
  });
});

describe('count pollutants', () => {
  it('report log10 of their totals ("LogN")', () => {
    const m = qualityModel(`
[POLLUTANTS]
FC #/L 0 0 0 0

[LANDUSES]
Res

[COVERAGES]
S1 Res 100

[WASHOFF]
Res FC EMC 1000 0 0 0
`);
    const r = run(m);
    expect(r.errors).toEqual([]);
    expect(r.report).toContain('LogN');
    // 1000 per litre over 72 600 ft³ of runoff.
    const logN = Math.log10(1000 * 72600 * 28.317);
    expect(row(r.rpt, RQC, 'Surface Runoff')[0]).toBeCloseTo(logN, 2);
    expect(r.rpt.tables['Subcatchment Washoff Summary']!.rows[0]![1]).toBeCloseTo(logN, 2);
    expect(row(r.rpt, 'Quality Routing Continuity', 'Wet Weather Inflow')[0]).toBeCloseTo(logN, 2);
  });
});

describe('wet deposition', () => {
  it('rain concentration reaches the runoff when nothing is built up', () => {
    const m = qualityModel(`
[POLLUTANTS]
N MG/L 2.5 0 0 0
`);
    const r = run(m);
    expect(r.errors).toEqual([]);
    // 2 in of rain over 10 acres at 2.5 mg/L, all of it running off.
    const dep = 2.5 * 72600 * 28.317 * 2.203e-6;
    expect(row(r.rpt, RQC, 'Wet Deposition')[0]).toBeCloseTo(dep, 2);
    expect(row(r.rpt, RQC, 'Surface Runoff')[0]).toBeCloseTo(dep, 2);
    const wash = r.out.getSeries('subcatchment', 0, 8);
    expect(Math.max(...wash)).toBeCloseTo(2.5, 4);
  });
});

describe('street sweeping', () => {
  it('removes availability × efficiency of the buildup once per interval, in dry steps', () => {
    const m = qualityModel(`
[POLLUTANTS]
TSS MG/L 0 0 0 0

[LANDUSES]
Street 1 0.6 1

[COVERAGES]
S1 Street 100

[LOADINGS]
S1 TSS 100

[WASHOFF]
Street TSS EMC 0 0 50 0
`, ['END_DATE 01/02/2020', 'END_TIME 12:00:00'], pavedCatchment({ rainInHr: 0 }));
    const r = run(m);
    expect(r.errors).toEqual([]);
    // Swept at the start (last swept 1 day before) and a day later: 1000·(1 − 0.3)².
    expect(row(r.rpt, RQC, 'Sweeping Removal')[0]).toBeCloseTo(1000 - 490, 2);
    expect(row(r.rpt, RQC, 'Remaining Buildup')[0]).toBeCloseTo(490, 2);
  });
});
