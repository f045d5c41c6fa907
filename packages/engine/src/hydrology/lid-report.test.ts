// Detailed report file layout and dry-period thinning, the consolidated table and its CSV.
import { describe, expect, it } from 'vitest';
import { fmtFixed, LID_N_RESULTS, LidReportFile, LidResultsTable, lidResultsCsv, lidResultUnits } from './lid-report.js';

describe('fmtFixed', () => {
  it('formats like printf %w.df, keeping the sign of negative values', () => {
    expect(fmtFixed(1.23456, 8, 3)).toBe('   1.235');
    expect(fmtFixed(-0.0001, 8, 3)).toBe('  -0.000');
    expect(fmtFixed(0, 8, 4)).toBe('  0.0000');
    expect(fmtFixed(123456.5, 4, 1)).toBe('123456.5');
  });
});

describe('LidReportFile', () => {
  const v = (x: number): Float64Array => new Float64Array(LID_N_RESULTS).fill(x);

  it('writes SWMM header lines and one tab-separated line per step', () => {
    const f = new LidReportFile('a.txt', 'My project ', 'Cell', 'S1', false);
    f.addStep('01/02/2020 00:05:00', 5 / 60, v(1.5), 0, false);
    const lines = f.text().split('\n');
    expect(lines.slice(0, 5)).toEqual(['SWMM5 LID Report File', '', 'Project:  My project ', 'LID Unit: Cell in Subcatchment S1', '']);
    expect(lines[7]).toBe('Date        Time    \t    Hours\t    in/hr\t    in/hr\t    in/hr\t    in/hr\t    in/hr\t    in/hr\t    in/hr\t    in/hr\t   inches\t   inches\t  Content\t   inches');
    expect(lines[9]).toBe(' 01/02/2020 00:05:00\t    0.083\t    1.500\t   1.5000\t    1.500\t    1.500\t    1.500\t    1.500\t   1.500\t    1.500\t    1.500\t    1.500\t    1.500\t    1.500');
    expect(lines.length).toBe(10);
    expect(new LidReportFile('b.txt', 't', 'C', 'S', true).text()).toContain('    mm/hr\t');
  });

  it('keeps only the first and last line of a dry spell (the last once it is wet again)', () => {
    const f = new LidReportFile('a.txt', 't', 'C', 'S', false);
    const step = (h: number, dry: boolean): void => f.addStep(`t${h}`, h, v(dry ? 0 : 1), 0, dry);
    step(0.5, true); // a dry start counts as the middle of a dry spell (SWMM starts "already dry")
    step(1, true); // ... whose last line is written when the unit turns wet
    step(2, false);
    step(3, true); // first dry: written
    step(4, true);
    step(5, true); // last dry: written when wet returns
    step(6, false);
    step(7, true);
    const hours = f.text().split('\n').slice(9).map((l) => Number(l.split('\t')[1]));
    expect(hours).toEqual([1, 2, 3, 5, 6, 7]);
  });
});

describe('LidResultsTable', () => {
  it('stores periods beyond its planned capacity and writes one CSV row per period and unit', () => {
    const t = new LidResultsTable(
      [
        { index: 0, subcatchment: 'S1', lidControl: 'Cell', lidType: 'BC', number: 2, area: 200 },
        { index: 1, subcatchment: 'S,2', lidControl: 'Roof', lidType: 'GR', number: 1, area: 50 },
      ],
      'SI', 1,
    );
    for (let p = 0; p < 3; p++) {
      const o = t.beginPeriod(45000 + p / 24);
      for (let k = 0; k < 2 * LID_N_RESULTS; k++) t.buffer[o + k] = p * 100 + k;
    }
    expect(t.periods).toBe(3);
    expect(t.get(2, 1, 0)).toBe(2 * 100 + LID_N_RESULTS);
    expect(t.columnUnits).toEqual(lidResultUnits('SI'));
    const csv = lidResultsCsv(t, (d) => [`D${Math.round((d - 45000) * 24)}`, '00:00:00']).trim().split('\n');
    expect(csv[0]).toBe('date,time,subcatchment,lid_control,inflow_mm_per_hr,evap_mm_per_hr,surfaceInfil_mm_per_hr,pavePerc_mm_per_hr,'
      + 'soilPerc_mm_per_hr,exfil_mm_per_hr,surfaceOutflow_mm_per_hr,drain_mm_per_hr,surfaceDepth_mm,paveDepth_mm,soilMoisture_fraction,storageDepth_mm');
    expect(csv.length).toBe(1 + 3 * 2);
    expect(csv[4]).toBe(`D1,00:00:00,"S,2",Roof,${Array.from({ length: 12 }, (_, k) => 100 + 12 + k).join(',')}`);
  });
});
