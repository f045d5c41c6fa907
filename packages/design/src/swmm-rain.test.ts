import { describe, expect, it } from 'vitest';
import { formatClock, formatSwmmRain, insertDailyRainIntoInp, insertStormIntoInp, rainUnitsOfInp, timeseriesLines } from './swmm-rain.js';
import { chicagoHyetograph } from './chicago.js';
import { findStormFormula } from './storm-formulas.js';
import { expectRel } from '../test/golden.js';

const storm = chicagoHyetograph({ params: findStormFormula('beijing').pieces[0]!, periodYears: 3, durationMin: 120, stepMin: 5, peakRatio: 0.4 });
const series = { gageName: 'DS', seriesName: 'DS_P3', stepMin: 5, depthsMm: storm.depthsMm };

/** Reads the values of a series back from .inp text. */
function seriesValues(text: string, name: string): { time: string; value: number }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/))
    .filter((t) => t[0] === name && t.length === 3)
    .map((t) => ({ time: t[1]!, value: Number(t[2]) }));
}

describe('SWMM rain text', () => {
  it('clock format', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(5)).toBe('0:05');
    expect(formatClock(125)).toBe('2:05');
    expect(formatClock(0.5)).toBe('0:00:30');
  });
  it('INTENSITY series in mm/h integrates back to the design depth', () => {
    const v = seriesValues(formatSwmmRain(series), 'DS_P3');
    expect(v).toHaveLength(25);
    expect(v[0]!.time).toBe('0:00');
    expect(v[9]!.time).toBe('0:45');
    expect(v[24]).toEqual({ time: '2:00', value: 0 });
    const depth = v.slice(0, 24).reduce((s, x) => s + (x.value * 5) / 60, 0);
    expectRel(depth, storm.idfDepthMm, 1e-9);
    expect(formatSwmmRain(series)).toMatch(/^\[RAINGAGES\][\s\S]*DS\s+INTENSITY\s+0:05\s+1\.0\s+TIMESERIES DS_P3[\s\S]*\[TIMESERIES\]/);
  });
  it('VOLUME and CUMULATIVE forms, inches', () => {
    const vol = seriesValues(timeseriesLines({ ...series, format: 'VOLUME', units: 'in' }).join('\n'), 'DS_P3');
    expectRel(vol.reduce((s, x) => s + x.value, 0) * 25.4, storm.idfDepthMm, 1e-9);
    const cum = seriesValues(timeseriesLines({ ...series, format: 'CUMULATIVE' }).join('\n'), 'DS_P3');
    expect(cum).toHaveLength(24);
    expect(cum[0]!.time).toBe('0:05');
    expectRel(cum[23]!.value, storm.idfDepthMm, 1e-9);
  });
  it('rejects names SWMM cannot read', () => {
    expect(() => formatSwmmRain({ ...series, gageName: 'my gage' })).toThrow(/one word/);
  });
});

const INP = `[TITLE]
demo

[OPTIONS]
FLOW_UNITS           CMS
START_DATE           01/01/2020

[RAINGAGES]
;;Name Format Interval SCF Source
RG1              INTENSITY 1:00     1.0      TIMESERIES TS1

[SUBCATCHMENTS]
;;Name Gage Outlet Area
S1               RG1              J1               4        50       100      0.5      0   ; roof
S2               RG1              J1               2        10       100      0.5      0

[TIMESERIES]
TS1              0:00       5
TS1              1:00       0

[REPORT]
SUBCATCHMENTS ALL
`;

describe('insertion into an .inp', () => {
  it('adds gage and series, keeps other lines, reassigns subcatchments', () => {
    const r = insertStormIntoInp(INP, series);
    expect(r.units).toBe('mm');
    expect(r.reassignedSubcatchments).toEqual(['S1', 'S2']);
    expect(r.inpText).toContain('TS1              0:00       5');
    expect(r.inpText).toMatch(/\nRG1 .*TIMESERIES TS1\n/);
    expect(r.inpText).toMatch(/\nDS .*TIMESERIES DS_P3\n/);
    expect(r.inpText).toMatch(/\nS1\s+DS\s+J1\s+4\s+50\s+100\s+0\.5\s+0 ; roof\n/);
    expect(seriesValues(r.inpText, 'DS_P3')).toHaveLength(25);
    // The new series sits inside [TIMESERIES], before [REPORT].
    expect(r.inpText.indexOf('DS_P3     ')).toBeLessThan(r.inpText.indexOf('[REPORT]'));
    expect(r.inpText.indexOf('\nDS_P3')).toBeGreaterThan(r.inpText.indexOf('[TIMESERIES]'));
  });
  it('is idempotent: inserting twice replaces, not duplicates', () => {
    const once = insertStormIntoInp(INP, series).inpText;
    const twice = insertStormIntoInp(once, series);
    expect(twice.inpText).toBe(once);
    expect(twice.notes.join()).toMatch(/replaced 25 existing line\(s\) in \[TIMESERIES\]/);
  });
  it('writes inches for US models and creates missing sections; keeps CRLF', () => {
    const us = '[OPTIONS]\r\nFLOW_UNITS CFS\r\n\r\n[SUBCATCHMENTS]\r\nA RG J 1 50 10 1 0\r\n';
    expect(rainUnitsOfInp(us)).toBe('in');
    const r = insertStormIntoInp(us, series, { assignToSubcatchments: false });
    expect(r.units).toBe('in');
    expect(r.reassignedSubcatchments).toEqual([]);
    expect(r.inpText).toContain('\r\n[RAINGAGES]\r\n');
    expect(r.inpText).not.toMatch(/[^\r]\n/);
    const v = seriesValues(r.inpText, 'DS_P3');
    expectRel(v.slice(0, 24).reduce((s, x) => s + (x.value * 5) / 60, 0) * 25.4, storm.idfDepthMm, 1e-9);
  });
  it('default units are SWMM’s default CFS → inches', () => {
    expect(rainUnitsOfInp('[TITLE]\nx\n')).toBe('in');
  });
});

describe('daily rainfall → continuous-simulation input', () => {
  const daily = { dates: ['2001-01-01', '2001-01-02', '2001-01-03', '2001-01-04', '2001-01-05'], rainMm: [0, 12.5, 4, 0, NaN] };
  it('writes a dated VOLUME series, closes wet spells with a zero, sets the period', () => {
    const r = insertDailyRainIntoInp(INP, daily, { gageName: 'DAY' });
    expect(r.totalMm).toBe(16.5);
    expect(r.missingDays).toBe(1);
    const s = r.inpText.split('\n').filter((l) => l.startsWith('DAY_series '));
    expect(s.map((l) => l.trim().split(/\s+/).slice(1).join(' '))).toEqual(['01/02/2001 00:00 12.5', '01/03/2001 00:00 4', '01/04/2001 00:00 0']);
    expect(r.inpText).toMatch(/\nDAY\s+VOLUME\s+24:00\s+1\.0\s+TIMESERIES DAY_series\n/);
    expect(r.inpText).toMatch(/\nSTART_DATE\s+01\/01\/2001\n/);
    expect(r.inpText).toMatch(/\nEND_DATE\s+01\/06\/2001\n/);
    expect(r.inpText).toMatch(/\nREPORT_START_DATE\s+01\/01\/2001\n/);
    expect(r.inpText).toMatch(/\nS1\s+DAY\s+J1/);
    expect(r.inpText.match(/START_DATE/g)).toHaveLength(2); // START_DATE and REPORT_START_DATE, old START_DATE replaced
    expect(r.notes.join()).toMatch(/1 missing day/);
  });
  it('converts to inches for US models and rejects unordered dates', () => {
    const r = insertDailyRainIntoInp('[OPTIONS]\nFLOW_UNITS CFS\n', { dates: ['2001-01-01'], rainMm: [25.4] });
    expect(r.inpText).toMatch(/DailyRain_series\s+01\/01\/2001 00:00 1\n/);
    expect(() => insertDailyRainIntoInp(INP, { dates: ['2001-01-02', '2001-01-01'], rainMm: [1, 1] })).toThrow(/dates must increase/);
  });
});
