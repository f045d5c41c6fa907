// SWMM's calendar: a date-time is a floating day count from 30-Dec-1899 (integer part =
// date, fraction = time of day). Digest §0.3. Pure functions, no Date objects, so the
// engine is deterministic and timezone-free.

const DATE_DELTA = 693594;
const SECS_PER_DAY = 86400;
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day number of a calendar date (month 1..12). Returns NaN for an invalid date. */
export function encodeDate(year: number, month: number, day: number): number {
  if (!(year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  const y = year - 1;
  let doy = DAYS_BEFORE_MONTH[month - 1]! + day;
  if (month > 2 && isLeapYear(year)) doy += 1;
  return y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + doy - DATE_DELTA;
}

/** Fraction of a day for a time of day; NaN if out of range. */
export function encodeTime(h: number, m: number, s: number): number {
  if (!(h >= 0 && m >= 0 && m < 60 && s >= 0 && s < 60)) return NaN;
  return (h * 3600 + m * 60 + s) / SECS_PER_DAY;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Calendar date of a day number (integer part used). */
export function decodeDate(dateTime: number): CalendarDate {
  // Civil-from-days on the proleptic Gregorian calendar, anchored at 0001-01-01 = 1 - DATE_DELTA.
  let n = Math.floor(dateTime) + DATE_DELTA - 1; // days since 0001-01-01
  const n400 = Math.floor(n / 146097);
  n -= n400 * 146097;
  let n100 = Math.floor(n / 36524);
  if (n100 === 4) n100 = 3;
  n -= n100 * 36524;
  const n4 = Math.floor(n / 1461);
  n -= n4 * 1461;
  let n1 = Math.floor(n / 365);
  if (n1 === 4) n1 = 3;
  n -= n1 * 365;
  const year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
  let month = 1;
  for (;;) {
    const dim = daysInMonth(year, month);
    if (n < dim) break;
    n -= dim;
    month++;
  }
  return { year, month, day: n + 1 };
}

export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
}

/** Time of day of a date-time, rounded to the nearest whole second (as SWMM does). */
export function decodeTime(dateTime: number): ClockTime {
  const frac = dateTime - Math.floor(dateTime);
  let secs = Math.floor(frac * SECS_PER_DAY + 0.5);
  if (secs >= SECS_PER_DAY) secs = SECS_PER_DAY - 1;
  const hour = Math.floor(secs / 3600);
  secs -= hour * 3600;
  const minute = Math.floor(secs / 60);
  return { hour, minute, second: secs - minute * 60 };
}

/** Month 1..12 of a date-time. */
export function monthOf(dateTime: number): number {
  return decodeDate(dateTime).month;
}

/** Day of week, 1 = Sunday … 7 = Saturday. */
export function dayOfWeek(dateTime: number): number {
  return ((Math.floor(dateTime) + DATE_DELTA) % 7) + 1;
}

/** Day of year 1..366. */
export function dayOfYear(dateTime: number): number {
  const d = decodeDate(dateTime);
  return Math.floor(dateTime) - encodeDate(d.year, 1, 1) + 1;
}

/** Hour of day 0..23 of a date-time. */
export function hourOfDay(dateTime: number): number {
  return decodeTime(dateTime).hour;
}

/**
 * Add seconds to a date-time the way SWMM does: round the time of day to the nearest
 * whole second first, then add.
 */
export function addSeconds(dateTime: number, seconds: number): number {
  const day = Math.floor(dateTime);
  const secs = Math.floor((dateTime - day) * SECS_PER_DAY + 0.5);
  return day + (secs + seconds) / SECS_PER_DAY;
}

/** Date-time of an elapsed simulation time in ms (SWMM adds 1 ms against round-off). */
export function dateOfElapsedMs(startDateTime: number, elapsedMs: number): number {
  return addSeconds(startDateTime, (elapsedMs + 1) / 1000);
}

/** "MM/DD/YYYY" as SWMM prints dates. */
export function formatDate(dateTime: number): string {
  const d = decodeDate(dateTime);
  return `${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}/${d.year}`;
}

/** "HH:MM:SS" */
export function formatTime(dateTime: number): string {
  const t = decodeTime(dateTime);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}:${String(t.second).padStart(2, '0')}`;
}

/** 3-letter month name → 1..12, or 0. */
export function monthFromName(name: string): number {
  const i = MONTH_NAMES.indexOf(name.slice(0, 3).toUpperCase());
  return i < 0 ? 0 : i + 1;
}
