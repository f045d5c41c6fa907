import { describe, expect, it } from 'vitest';
import type { RainGage } from '../model/types.js';
import { encodeDate, formatDate, formatTime } from '../time/datetime.js';
import { readRainFile } from './rainfile.js';

function gage(over: Partial<RainGage> & { station?: string; units?: 'IN' | 'MM'; startDate?: number } = {}): RainGage {
  const source: RainGage['source'] = { kind: 'FILE', file: 'rain.dat', station: over.station ?? 'STA1', units: over.units ?? 'IN' };
  if (over.startDate !== undefined) source.startDate = over.startDate;
  return { line: 1, name: 'G1', form: over.form ?? 'VOLUME', intervalS: over.intervalS ?? 3600, snowCatchFactor: 1, source, intervalText: '1:00' };
}

const stamp = (t: number): string => `${formatDate(t)} ${formatTime(t)}`;

describe('standard user-prepared rain files', () => {
  it('keeps every line of the station, converts intensity to depth and mm to inches', () => {
    const text = ['STA1 2020 1 1 0 0 0.0', 'OTHER 2020 1 1 0 30 9.9', 'STA1 2020 1 1 0 15 2.0', 'sta1 2020 1 1 0 30 1.0'].join('\n');
    const r = readRainFile(text, gage({ form: 'INTENSITY', intervalS: 900, units: 'MM' }));
    expect(r.errors).toEqual([]);
    const d = r.data!;
    expect(d.format).toBe('STANDARD');
    expect(d.intervalS).toBe(900);
    expect(d.times.map(stamp)).toEqual(['01/01/2020 00:00:00', '01/01/2020 00:15:00', '01/01/2020 00:30:00']);
    // 2 mm/hr over 15 min = 0.5 mm = 0.019685 in
    expect(d.depthsIn[1]).toBeCloseTo(0.5 / 25.4, 6);
    expect(d.depthsIn[2]).toBeCloseTo(0.25 / 25.4, 6);
    expect(d.stats.periodsWithPrecip).toBe(3);
  });

  it('turns cumulative readings into increments and restarts on a decrease', () => {
    const text = ['STA1 2020 1 1 1 0 0.1', 'STA1 2020 1 1 2 0 0.3', 'STA1 2020 1 1 3 0 0.2'].join('\n');
    const d = readRainFile(text, gage({ form: 'CUMULATIVE' })).data!;
    expect(d.depthsIn[0]).toBeCloseTo(0.1, 6);
    expect(d.depthsIn[1]).toBeCloseTo(0.2, 6);
    expect(d.depthsIn[2]).toBeCloseTo(0.2, 6);
  });

  it('skips records before the gage start date; rejects out-of-order lines (318)', () => {
    const text = ['STA1 2020 1 1 1 0 0.1', 'STA1 2020 1 3 1 0 0.3'].join('\n');
    const d = readRainFile(text, gage({ startDate: encodeDate(2020, 1, 2) })).data!;
    expect(d.times.map(stamp)).toEqual(['01/03/2020 01:00:00']);
    const bad = readRainFile(['STA1 2020 1 3 1 0 0.1', 'STA1 2020 1 1 1 0 0.3'].join('\n'), gage());
    expect(bad.data).toBeNull();
    expect(bad.errors.map((e) => [e.code, e.line])).toEqual([[318, 2]]);
  });

  it('reports an unknown format (319) and a station without data (321)', () => {
    expect(readRainFile('hello world\n', gage()).errors[0]!.code).toBe(319);
    expect(readRainFile('XX 2020 1 1 1 0 0.1\n', gage()).errors[0]!.code).toBe(321);
  });
});

describe('NWS / NCDC formats', () => {
  const sp = (s: string, n: number): string => s.padStart(n, ' ');
  // DSI-3240 space delimited: 16-character groups " hhmm vvvvvv f f"
  function spaceLine(y: number, m: number, d: number, groups: [string, number, string][]): string {
    let s = `310301 01 HPCP HI ${y} ${String(m).padStart(2, '0')} ${String(d).padStart(2, '0')}`;
    for (const [hhmm, v, flag] of groups) s += ` ${hhmm} ${sp(String(v).padStart(5, '0'), 6)} ${flag || ' '}  `;
    return s;
  }

  it('space delimited: hundredths of an inch, end-of-hour stamps shifted back, daily total ignored', () => {
    const text = [
      'COOPID CD ELEM UN YEAR MO DA TIME HOUR01 F F',
      spaceLine(1998, 1, 6, [['0500', 1, ''], ['0600', 0, ''], ['0700', 12, ''], ['2500', 13, '']]),
    ].join('\n');
    const d = readRainFile(text, gage({ station: '310301', intervalS: 900 })).data!;
    expect(d.format).toBe('NWS_SPACE');
    expect(d.intervalS).toBe(3600);
    expect(d.times.map(stamp)).toEqual(['01/06/1998 04:00:00', '01/06/1998 06:00:00']);
    expect(d.depthsIn).toEqual([Math.fround(0.01), Math.fround(0.12)]);
  });

  it('accumulated values are spread over the accumulation period; missing values are counted', () => {
    const text = [
      'COOPID CD ELEM UN YEAR MO DA TIME HOUR01 F F',
      spaceLine(1998, 1, 6, [['0100', 0, 'a'], ['0300', 30, 'A'], ['0500', 99999, 'M']]),
    ].join('\n');
    const d = readRainFile(text, gage({ station: '310301' })).data!;
    expect(d.times.map(stamp)).toEqual(['01/06/1998 00:00:00', '01/06/1998 01:00:00', '01/06/1998 02:00:00']);
    expect(d.depthsIn).toEqual([Math.fround(0.1), Math.fround(0.1), Math.fround(0.1)]);
    expect(d.stats).toMatchObject({ periodsWithPrecip: 3, periodsMissing: 1 });
    // SWMM records the end of an accumulated run as the last date
    expect(stamp(d.stats.lastDate!)).toBe('01/06/1998 03:00:00');
  });

  it('TD-3240 fixed-width tape records', () => {
    // HPD + station(6) + division(2) + element(4) + units(2) + yyyy mm 00dd nnn, then 12-char values
    const line = 'HPD31030101HPCPHI199801000600' + '2' + '0500000025  ' + '0600000000  ';
    const d = readRainFile(line, gage()).data!;
    expect(d.format).toBe('NWS_TAPE');
    expect(d.times.map(stamp)).toEqual(['01/06/1998 04:00:00']);
    expect(d.depthsIn).toEqual([Math.fround(0.25)]);
  });

  it('comma delimited records', () => {
    const line = '310301,01,HPCP,HI,1998,01,06,0500,000007, , ,0600,000003, , ';
    const d = readRainFile(line, gage()).data!;
    expect(d.format).toBe('NWS_COMMA');
    expect(d.times.map(stamp)).toEqual(['01/06/1998 04:00:00', '01/06/1998 05:00:00']);
    expect(d.depthsIn).toEqual([Math.fround(0.07), Math.fround(0.03)]);
  });

  it('NCDC online 15-minute file with hour 00:00 meaning 24:00 of the previous day', () => {
    const text = [
      'STATION           DATE           QPCP     Measurement Flag Quality Flag ',
      '----------------- -------------- -------- ---------------- ------------ ',
      '      COOP:134101 20130111 00:00 0.25                                   ',
      '      COOP:134101 20130111 00:15 0.50                                   ',
    ].join('\n');
    const d = readRainFile(text, gage()).data!;
    expect(d.format).toBe('NWS_ONLINE_15');
    expect(d.intervalS).toBe(900);
    expect(d.times.map(stamp)).toEqual(['01/10/2013 23:45:00', '01/11/2013 00:00:00']);
    expect(d.depthsIn).toEqual([Math.fround(0.25), Math.fround(0.5)]);
  });
});

describe('Canadian formats', () => {
  it('CMC hourly: tenths of a millimetre, 24 values of 7 characters', () => {
    let line = '1234567' + '2001' + '06' + '15' + '123';
    for (let h = 0; h < 24; h++) line += (h === 3 ? '   254' : '     0') + ' ';
    const d = readRainFile(line, gage()).data!;
    expect(d.format).toBe('CMC_HLY');
    // value for hour 4 (ending) starts at 03:00
    expect(d.times.map(stamp)).toEqual(['06/15/2001 02:00:00']);
    expect(d.depthsIn[0]).toBeCloseTo(1.0, 6);
  });
});
