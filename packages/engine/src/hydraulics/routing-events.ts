// Routing events ([EVENTS], SWMM 5.2): flow routing is performed only inside the listed
// periods; runoff is computed throughout. Between events a routing step adds no lateral inflow
// and routes nothing — the network's state stays frozen (outflow 0, stored volume constant) —
// and may be as long as the time to the next runoff or reporting time (digest §2.2 item 1,
// §2.4 item 4).
//
// Events are sorted by start; an event overlapping the next one ends where that one starts;
// a sentinel event far in the future follows the last one.
import type { EngineError } from '../api.js';
import type { Model } from '../model/types.js';
import { makeError } from '../input/errors.js';
import { parseDate, parseTime } from '../input/dates.js';
import { dateOfElapsedMs } from '../time/datetime.js';

/** A date-time (days) later than any simulation. */
const BIG_DATE = 1e10;

export interface RoutingEvents {
  /** Event starts and ends (date-times), sorted, followed by the sentinel. */
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly n: number;
  /** Index of the current or next event. */
  next: number;
  /** The last routing step began outside every event. */
  between: boolean;
}

/** Read [EVENTS] (`startDate startTime endDate endTime` per line); null when the section is empty. */
export function readRoutingEvents(model: Model, fileName?: string): { events: RoutingEvents | null; errors: EngineError[] } {
  const errors: EngineError[] = [];
  const list: [number, number][] = [];
  const section = '[EVENTS]';
  for (const ln of model.extra[section]?.lines ?? []) {
    const t = ln.tokens;
    const site = { file: fileName, line: ln.line, section };
    if (t.length < 4) {
      errors.push(makeError(203, undefined, site, 'start date, start time, end date and end time'));
      continue;
    }
    const d0 = parseDate(t[0]);
    const t0 = parseTime(t[1]);
    const d1 = parseDate(t[2]);
    const t1 = parseTime(t[3]);
    const bad = d0 === undefined ? 0 : t0 === undefined ? 1 : d1 === undefined ? 2 : t1 === undefined ? 3 : -1;
    if (bad >= 0) {
      errors.push(makeError(213, t[bad], site, bad % 2 === 0 ? 'a date' : 'a time'));
      continue;
    }
    const s = d0! + t0!;
    const e = d1! + t1!;
    if (s >= e) {
      errors.push(makeError(213, `${t[2]} ${t[3]}`, site, 'an event end after its start'));
      continue;
    }
    list.push([s, e]);
  }
  if (list.length === 0) return { events: null, errors };
  list.sort((a, b) => a[0] - b[0]);
  const n = list.length;
  const start = new Float64Array(n + 1);
  const end = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    start[i] = list[i]![0];
    end[i] = list[i]![1];
  }
  for (let i = 0; i < n - 1; i++) if (end[i]! > start[i + 1]!) end[i] = start[i + 1]!;
  start[n] = BIG_DATE;
  end[n] = BIG_DATE + 1;
  return { events: { start, end, n, next: 0, between: true }, errors };
}

/**
 * At the start of a routing step (`stepStartDate`, SWMM's current date): move past events that
 * have ended and say whether the step falls between events.
 */
export function eventsBeginStep(ev: RoutingEvents, stepStartDate: number): boolean {
  if (stepStartDate < ev.start[ev.next]!) ev.between = true;
  else if (stepStartDate >= ev.end[ev.next]!) {
    ev.next++;
    ev.between = true;
  } else ev.between = false;
  return ev.between;
}

/**
 * The routing step to take while between events (s), or 0 to use the regular step. After a
 * step that began between events, the next one may reach the next runoff or reporting time if
 * that is still before the next event; otherwise the fixed ROUTING_STEP is used while it ends
 * before the event.
 */
export function eventsRoutingStep(
  ev: RoutingEvents, routingMs: number, newRunoffMs: number, reportMs: number, fixedStepS: number, startDateTime: number,
): number {
  if (!ev.between) return 0;
  const nextEvent = ev.start[ev.next]!;
  const nextMs = Math.min(newRunoffMs, reportMs);
  const date1 = dateOfElapsedMs(startDateTime, routingMs);
  const date2 = dateOfElapsedMs(startDateTime, nextMs);
  if (date2 > date1 && date2 < nextEvent) return (nextMs - routingMs) / 1000;
  if (dateOfElapsedMs(startDateTime, routingMs + 1000 * fixedStepS) < nextEvent) return fixedStepS;
  return 0;
}
