// Calendar lookups for the step date (sweeping season, DWF and inflow patterns) without
// allocating per step: the month and day of year are decoded once per calendar day and
// cached in the quality state.
import { dayOfYear, monthOf } from '../time/datetime.js';
import type { QualityState } from './quality-state.js';

const DATE_DELTA = 693594;

function refresh(q: QualityState, date: number): void {
  const d = Math.floor(date);
  if (d === q.calDay) return;
  q.calDay = d;
  q.calMonth = monthOf(date) - 1;
  q.calDayOfYear = dayOfYear(date);
}

/** Day of year 1..366. */
export function calendarDayOfYear(q: QualityState, date: number): number {
  refresh(q, date);
  return q.calDayOfYear;
}

/** Month 0..11. */
export function calendarMonth0(q: QualityState, date: number): number {
  refresh(q, date);
  return q.calMonth;
}

/** Day of week 0 = Sunday … 6 = Saturday. */
export function dayOfWeek0(date: number): number {
  return (Math.floor(date) + DATE_DELTA) % 7;
}

/** Hour 0..23 (time of day rounded to the second, as SWMM decodes it). */
export function hour0(date: number): number {
  let secs = Math.floor((date - Math.floor(date)) * 86400 + 0.5);
  if (secs >= 86400) secs = 86399;
  return Math.floor(secs / 3600);
}
