import { describe, expect, it } from 'vitest';
import { addSeconds, dayOfWeek, decodeDate, decodeTime, encodeDate, encodeTime, formatDate } from './datetime.js';

describe('SWMM day numbers', () => {
  it('matches the Delphi/Excel epoch', () => {
    expect(encodeDate(1899, 12, 30)).toBe(0);
    expect(encodeDate(1900, 1, 1)).toBe(2);
    expect(encodeDate(2000, 1, 1)).toBe(36526);
    expect(encodeDate(1998, 1, 1)).toBe(35796);
  });
  it('round-trips every day over four centuries', () => {
    for (let n = encodeDate(1800, 1, 1); n < encodeDate(2200, 1, 1); n += 1) {
      const d = decodeDate(n);
      expect(encodeDate(d.year, d.month, d.day)).toBe(n);
    }
  });
  it('rejects impossible dates', () => {
    expect(encodeDate(2021, 2, 29)).toBeNaN();
    expect(encodeDate(2020, 13, 1)).toBeNaN();
  });
  it('day of week: 1 Jan 2000 was a Saturday (7)', () => {
    expect(dayOfWeek(encodeDate(2000, 1, 1))).toBe(7);
  });
  it('adds seconds after rounding the time of day', () => {
    const t = encodeDate(2020, 6, 1) + encodeTime(23, 59, 59) + 0.3 / 86400;
    const u = addSeconds(t, 1);
    expect(decodeDate(u)).toEqual({ year: 2020, month: 6, day: 2 });
    expect(decodeTime(u)).toEqual({ hour: 0, minute: 0, second: 0 });
    expect(formatDate(u)).toBe('06/02/2020');
  });
});
