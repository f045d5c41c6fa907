// Date, time-of-day and time-step parsing (digest §1.2). All results are SWMM day
// numbers or fractions of a day, computed with the calendar in ../time/datetime.ts.
import { encodeDate, monthFromName } from '../time/datetime.js';
import { parseNumber } from './numbers.js';

const SECS_PER_DAY = 86400;

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Split on the first separator kind found ('/' or '-'); undefined when none. */
function splitDate(s: string): string[] | undefined {
  const sep = s.includes('/') ? '/' : s.includes('-') ? '-' : '';
  if (!sep) return undefined;
  return s.split(sep);
}

function parseMonth(s: string): number {
  if (isDigits(s)) return Number(s);
  if (s.length >= 3) return monthFromName(s);
  return 0;
}

function fullYear(y: number): number {
  // two-digit years, as SWMM's date parser treats them
  if (y < 50) return y + 2000;
  if (y < 100) return y + 1900;
  return y;
}

/** "MM/DD/YYYY" (or with '-', month may be a name like JAN) → day number; undefined if invalid. */
export function parseDate(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const parts = splitDate(s);
  if (!parts || parts.length !== 3) return undefined;
  const [ms, ds, ys] = parts as [string, string, string];
  if (!isDigits(ds) || !isDigits(ys) || ds.length > 2 || ys.length > 4) return undefined;
  const m = parseMonth(ms);
  const d = Number(ds);
  const y = fullYear(Number(ys));
  const v = encodeDate(y, m, d);
  return Number.isNaN(v) ? undefined : v;
}

/** "MM/DD" → day of year (non-leap year, as SWMM uses 1947); undefined if invalid. */
export function parseMonthDay(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const parts = splitDate(s);
  if (!parts || parts.length !== 2) return undefined;
  const m = parseMonth(parts[0]!);
  const ds = parts[1]!;
  if (!isDigits(ds) || ds.length > 2) return undefined;
  const v = encodeDate(1947, m, Number(ds));
  if (Number.isNaN(v)) return undefined;
  return v - encodeDate(1947, 1, 1) + 1;
}

/**
 * Time of day or duration: "hh:mm[:ss]" or decimal hours ("6.5" = 6:30). Returns days
 * (may exceed 1 for durations). Hours are not limited to 23 (time series offsets).
 */
export function parseTime(s: string | undefined): number | undefined {
  if (!s) return undefined;
  let t = s;
  // tolerate an AM/PM suffix glued to the time
  let ampm = 0;
  const up = t.toUpperCase();
  if (up.endsWith('AM')) {
    ampm = 1;
    t = t.slice(0, -2);
  } else if (up.endsWith('PM')) {
    ampm = 2;
    t = t.slice(0, -2);
  }
  if (!t.includes(':')) {
    if (ampm) return undefined;
    const h = parseNumber(t);
    if (h === undefined || h < 0) return undefined;
    return h / 24;
  }
  const parts = t.split(':');
  if (parts.length < 2 || parts.length > 3) return undefined;
  for (const p of parts) if (!isDigits(p)) return undefined;
  let h = Number(parts[0]);
  const m = Number(parts[1]);
  const sec = parts.length === 3 ? Number(parts[2]) : 0;
  if (m > 59 || sec > 59) return undefined;
  if (ampm) {
    if (h < 1 || h > 12) return undefined;
    if (ampm === 1 && h === 12) h = 0;
    else if (ampm === 2 && h < 12) h += 12;
  }
  return (h * 3600 + m * 60 + sec) / SECS_PER_DAY;
}

/** Days → whole seconds as SWMM decodes a time (whole days + time of day rounded to the second). */
export function daysToSeconds(t: number): number {
  const days = Math.floor(t);
  const secs = Math.floor((t - days) * SECS_PER_DAY + 0.5);
  return days * SECS_PER_DAY + secs;
}

/** WET/DRY/REPORT/RULE_STEP: "hh:mm:ss" or decimal HOURS → integer seconds. */
export function parseStepSeconds(s: string | undefined): number | undefined {
  const t = parseTime(s);
  return t === undefined ? undefined : daysToSeconds(t);
}

/** ROUTING_STEP / LENGTHENING_STEP: plain (decimal) SECONDS, else "hh:mm:ss". */
export function parseSecondsOrTime(s: string | undefined): number | undefined {
  const v = parseNumber(s);
  if (v !== undefined) return v;
  if (s === undefined || !s.includes(':')) return undefined;
  const t = parseTime(s);
  return t === undefined ? undefined : daysToSeconds(t);
}
