import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDatePart, parseRainCsv } from './rain-csv.js';

describe('rain CSV parser', () => {
  it('reads the default date,rain_mm layout', () => {
    const r = parseRainCsv('date,rain_mm\n2020-01-01,0\n2020-01-02,12.5\n2020-01-03,3\n');
    expect(r.dates).toEqual(['2020-01-01', '2020-01-02', '2020-01-03']);
    expect(r.rainMm).toEqual([0, 12.5, 3]);
    expect(r.aggregatedSubDaily).toBe(false);
    expect(r.warnings.join()).toMatch(/at least 30 years/);
  });
  it('accepts user-named columns, other delimiters, quotes and a BOM', () => {
    const r = parseRainCsv('\uFEFF"Station";"Day";"P (mm)"\n"A";"2020/01/01";"4.5"\nA;2020/01/02;7\n', { dateColumn: 'day', rainColumn: 'p (mm)' });
    expect(r.dates).toEqual(['2020-01-01', '2020-01-02']);
    expect(r.rainMm).toEqual([4.5, 7]);
    const tab = parseRainCsv('Date\tRAIN_MM\n2020-01-01\t1\n');
    expect(tab.rainMm).toEqual([1]);
    // Decimal commas are refused, not misread as two fields or as 4.
    expect(() => parseRainCsv('date;rain_mm\n2020-01-01;4,5\n')).toThrow(/line 2: rain value "4,5" is not a number/);
  });
  it('aggregates sub-daily rows per calendar day', () => {
    const text = 'time,p\n2021-07-01 00:00,1.5\n2021-07-01 12:30,2.5\n2021-07-02T01:00,0\n2021-07-02T02:00:00,4\n';
    const r = parseRainCsv(text, { dateColumn: 'time', rainColumn: 'p' });
    expect(r.dates).toEqual(['2021-07-01', '2021-07-02']);
    expect(r.rainMm).toEqual([4, 4]);
    expect(r.aggregatedSubDaily).toBe(true);
  });
  it('maps missing values and sentinels to missing, never rain', () => {
    const r = parseRainCsv('date,rain_mm\n2020-01-01,NA\n2020-01-02,\n2020-01-03,999.9\n2020-01-04,32766\n2020-01-06,5\n');
    expect(r.rainMm.slice(0, 4).every(Number.isNaN)).toBe(true);
    expect(r.rainMm[4]).toBe(5);
    expect(r.missingValues).toBe(4);
    expect(r.absentDays).toBe(1);
  });
  it('excludes flagged snow days', () => {
    const r = parseRainCsv('date,rain_mm,snow\n2020-01-01,8,1\n2020-01-02,6,0\n', { snowColumn: 'snow' });
    expect(r.rainMm[0]).toBeNaN();
    expect(r.rainMm[1]).toBe(6);
    expect(r.snowDaysExcluded).toBe(1);
  });
  it('record length in years', () => {
    const r = parseRainCsv('date,rain_mm\n1990-01-01,0\n2019-12-31,1\n');
    expect(r.years).toBe(30);
    expect(parseRainCsv('date,rain_mm\n2000-01-01,0\n2000-07-01,1\n').years).toBeCloseTo(183 / 365.25, 9);
    expect(r.warnings.join()).not.toMatch(/30 years/);
  });
  it('rejects what it cannot trust, with line numbers', () => {
    expect(() => parseRainCsv('')).toThrow(/empty/);
    expect(() => parseRainCsv('\n\n  \n')).toThrow(/empty/);
    expect(() => parseRainCsv('date,rain_mm\n')).toThrow(/no data rows/);
    expect(() => parseRainCsv('day,p\n2020-01-01,3\n')).toThrow(/line 1: header has no column date and rain_mm \(columns found: day, p\)/);
    expect(() => parseRainCsv('date,rain_mm\n2020-01-01,3\n2020-13-01,2\n')).toThrow(/line 3: cannot read the date "2020-13-01"/);
    expect(() => parseRainCsv('date,rain_mm\n2020-01-01,abc\n')).toThrow(/line 2: rain value "abc" is not a number/);
    expect(() => parseRainCsv('date,rain_mm\n2020-01-01,0.3T\n')).toThrow(/not a number/);
    expect(() => parseRainCsv('date,rain_mm\n2020-01-01,-4\n')).toThrow(/line 2: rain value -4 is negative/);
    expect(() => parseRainCsv('date,rain_mm\n2020-01-01\n')).toThrow(/line 2: expected at least 2 fields/);
  });
  it('date parsing', () => {
    expect(parseDatePart('20200229')).toEqual({ day: '2020-02-29', hasTime: false });
    expect(parseDatePart('2019-02-29')).toBeNull();
    expect(parseDatePart('2020.3.4 7:05')).toEqual({ day: '2020-03-04', hasTime: true });
    expect(parseDatePart('03/04/2020')).toBeNull();
  });
  it('never crashes on garbage: it parses or throws a RainCsvError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          parseRainCsv('date,rain_mm\n' + s);
        } catch (e) {
          expect((e as Error).name).toBe('RainCsvError');
        }
      }),
      { numRuns: 300 },
    );
  });
});
