import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDate, encodeDate, encodeTime } from '../time/datetime.js';
import {
  fmtD,
  fmtE,
  fmtF,
  fmtG,
  formatDate,
  formatElapsed,
  formatHms,
  formatTimeOfDay,
  padLeft,
  padRight,
  sprintf,
} from './format.js';

const encodeDateTime = (y: number, mo: number, d: number, h = 0, mi = 0, sec = 0): number => encodeDate(y, mo, d) + encodeTime(h, mi, sec);


// Expected strings are what glibc's printf prints for the same arguments.
describe('fmtF (%w.pf)', () => {
  it('pads and rounds like printf', () => {
    expect(fmtF(3.14159, 10, 3)).toBe('     3.142');
    expect(fmtF(229103.12, 9, 2)).toBe('229103.12');
    expect(fmtF(1174239.21, 9, 2)).toBe('1174239.21'); // width is a minimum
    expect(fmtF(0, 14, 3)).toBe('         0.000');
    expect(fmtF(-0.272, 14, 3)).toBe('        -0.272');
  });
  it('breaks exact binary ties to even, as glibc does', () => {
    expect(fmtF(0.125, 0, 2)).toBe('0.12');
    expect(fmtF(0.375, 0, 2)).toBe('0.38');
    expect(fmtF(2.5, 0, 0)).toBe('2');
    expect(fmtF(3.5, 0, 0)).toBe('4');
    expect(fmtF(0.5, 0, 0)).toBe('0');
    expect(fmtF(-2.5, 0, 0)).toBe('-2');
    expect(fmtF(1.25, 0, 1)).toBe('1.2');
  });
  it('rounds non-ties by the exact binary value', () => {
    expect(fmtF(1.005, 0, 2)).toBe('1.00'); // 1.00499999999999989...
    expect(fmtF(2.675, 0, 2)).toBe('2.67');
    expect(fmtF(0.35, 0, 1)).toBe('0.3'); // 0.34999999999999997...
    expect(fmtF(0.45, 0, 1)).toBe('0.5'); // 0.45000000000000001...
  });
  it('keeps the sign of small negatives and negative zero', () => {
    expect(fmtF(-0.0001, 0, 3)).toBe('-0.000');
    expect(fmtF(-0, 8, 2)).toBe('   -0.00');
  });
  it('prints non-finite values like glibc', () => {
    expect(fmtF(NaN, 5, 2)).toBe('  nan');
    expect(fmtF(Infinity, 0, 2)).toBe('inf');
    expect(fmtF(-Infinity, 0, 2)).toBe('-inf');
  });
  it('agrees with toFixed except on exact ties (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, p) => {
        const s = fmtF(x, 0, p);
        const js = x.toFixed(p);
        const scaled = Math.abs(x) * 10 ** p;
        const maybeTie = Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6;
        if (!maybeTie && !(Object.is(x, -0) || (x < 0 && Number(js) === 0))) expect(s).toBe(js);
        // Either way the value printed is within half a unit of the last place.
        expect(Math.abs(Number(s) - x)).toBeLessThanOrEqual(0.5 * 10 ** -p + 1e-9 * Math.max(1, Math.abs(x)));
      }),
    );
  });
});

describe('fmtE (%w.pe) and fmtG (%w.pg)', () => {
  it('writes two-digit exponents', () => {
    expect(fmtE(12345.678, 14, 3)).toBe('     1.235e+04');
    expect(fmtE(0, 0, 3)).toBe('0.000e+00');
    expect(fmtE(-1.5e-7, 0, 2)).toBe('-1.50e-07');
    expect(fmtE(1e100, 0, 1)).toBe('1.0e+100');
    expect(fmtE(2.5, 0, 0)).toBe('2e+00');
    expect(fmtE(3.5, 0, 0)).toBe('4e+00');
  });
  it('chooses fixed or exponent form and strips zeros like %g', () => {
    expect(fmtG(0.000447, 12, 3)).toBe('    0.000447');
    expect(fmtG(1.33, 12, 3)).toBe('        1.33');
    expect(fmtG(0, 12, 3)).toBe('           0');
    expect(fmtG(0.79, 0, 3)).toBe('0.79');
    expect(fmtG(100, 0, 3)).toBe('100');
    expect(fmtG(1000, 0, 3)).toBe('1e+03');
    expect(fmtG(1234567, 0, 3)).toBe('1.23e+06');
    expect(fmtG(0.0001, 0, 3)).toBe('0.0001');
    expect(fmtG(0.00001, 0, 3)).toBe('1e-05');
    expect(fmtG(9995, 0, 3)).toBe('1e+04'); // tie rounds to even, carrying into the exponent
    expect(fmtG(-0.5, 0, 3)).toBe('-0.5');
    expect(fmtG(123.456, 0, 0)).toBe('1e+02');
  });
});

describe('integers, strings and sprintf', () => {
  it('formats %d, %s, %-s', () => {
    expect(fmtD(42, 5)).toBe('   42');
    expect(fmtD(-3.7, 0)).toBe('-3');
    expect(padLeft('CFS', 9)).toBe('      CFS');
    expect(padRight('CONDUIT', 12)).toBe('CONDUIT     ');
    expect(padRight('NC_Bioretention_North', 16)).toBe('NC_Bioretention_North');
  });
  it('handles the conversions the report uses', () => {
    expect(sprintf('  %-20s %-8s%9.2f%9.2f', 'Outlet', 'JUNCTION', 0.46, 1.16)).toBe('  Outlet               JUNCTION     0.46     1.16');
    expect(sprintf('%12.3g|%14.3e|%5d|%05d|%-5d|%%|%.3s', 0.0558, 12345.678, 7, -7, 7, 'abcdef')).toBe('      0.0558|     1.235e+04|    7|-0007|7    |%|abc');
    expect(() => sprintf('%q', 1)).toThrow(/unsupported/);
  });
});

describe('dates', () => {
  it('encodes and decodes SWMM day numbers', () => {
    expect(encodeDateTime(1899, 12, 30)).toBe(0);
    expect(encodeDateTime(1998, 1, 1)).toBe(35796);
    expect(encodeDateTime(2000, 3, 1)).toBe(36586);
    expect(decodeDate(35796)).toEqual({ year: 1998, month: 1, day: 1 });
    expect(decodeDate(36585)).toEqual({ year: 2000, month: 2, day: 29 });
    expect(formatDate(encodeDateTime(2013, 6, 29, 23, 59, 59))).toBe('06/29/2013');
    expect(formatTimeOfDay(encodeDateTime(2013, 6, 29, 23, 59, 59))).toBe('23:59:59');
  });
  it('round-trips every day of four centuries (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 120000 }), (d) => {
        const { year, month, day } = decodeDate(d);
        expect(encodeDateTime(year, month, day)).toBe(d);
      }),
    );
  });
  it('formats durations and elapsed maxima', () => {
    expect(formatHms(3600)).toBe('01:00:00');
    expect(formatHms(30)).toBe('00:00:30');
    expect(formatElapsed(4 / 24 + 1 / 1440, 6)).toBe('     0  04:01');
    expect(formatElapsed(0.9999999, 4)).toBe('   0  00:00'); // rounds to 24:00, which SWMM prints as 00:00
    expect(formatHms(86400)).toBe('00:00:00');
    expect(formatElapsed(4 / 24 + 1 / 1440 - 1e-12, 6)).toBe('     0  04:01'); // seconds are rounded first
    expect(formatElapsed(2 + 59.6 / 86400, 7)).toBe('      2  00:01'); // 60 s after rounding
    expect(formatElapsed(-1, 6)).toBe('     0  00:00');
  });
});
