import { describe, expect, it } from 'vitest';
import { parseInp } from '../input/parse.js';
import { encodeDate, encodeTime } from '../time/datetime.js';
import { eventsBeginStep, eventsRoutingStep, readRoutingEvents } from './routing-events.js';

function events(lines: string[]) {
  const model = parseInp(`[OPTIONS]\nSTART_DATE 01/01/2020\nEND_DATE 01/10/2020\n[EVENTS]\n${lines.join('\n')}\n`).model!;
  return readRoutingEvents(model, 'e.inp');
}
const D = (d: number, h = 0): number => encodeDate(2020, 1, d) + encodeTime(h, 0, 0);

describe('routing events', () => {
  it('sorts events, cuts an overlapping one at the next start, ends with a far sentinel', () => {
    const { events: ev, errors } = events(['01/05/2020 0 01/06/2020 0', '01/02/2020 12:00 01/05/2020 06:00']);
    expect(errors).toEqual([]);
    expect(ev!.n).toBe(2);
    expect(Array.from(ev!.start.subarray(0, 2))).toEqual([D(2, 12), D(5)]);
    expect(Array.from(ev!.end.subarray(0, 2))).toEqual([D(5), D(6)]);
    expect(ev!.start[2]).toBeGreaterThan(1e9);
  });

  it('says whether each routing step starts between events', () => {
    const ev = events(['01/02/2020 0 01/03/2020 0', '01/05/2020 0 01/06/2020 0']).events!;
    expect(eventsBeginStep(ev, D(1, 12))).toBe(true);
    expect(eventsBeginStep(ev, D(2) + 1e-8)).toBe(false);
    expect(eventsBeginStep(ev, D(2, 23))).toBe(false);
    expect(eventsBeginStep(ev, D(3) + 1e-8)).toBe(true); // first event over
    expect(ev.next).toBe(1);
    expect(eventsBeginStep(ev, D(5, 1))).toBe(false);
    expect(eventsBeginStep(ev, D(7))).toBe(true);
    expect(ev.next).toBe(2);
  });

  it('between events steps to the next runoff or report time, then the fixed step near an event', () => {
    const ev = events(['01/01/2020 02:00 01/01/2020 03:00']).events!;
    const start = D(1);
    // From 0:00 with runoff at 1:00 and a report at 0:15: step to 0:15.
    expect(eventsRoutingStep(ev, 0, 3600e3, 900e3, 10, start)).toBe(900);
    // From 1:45 with the report at 2:00 = event start: the fixed step.
    expect(eventsRoutingStep(ev, 6300e3, 7200e3, 7200e3, 10, start)).toBe(10);
    // A fixed step that would cross the event start: the regular step (0 = not decided here).
    expect(eventsRoutingStep(ev, 7195e3, 7200e3, 7200e3, 10, start)).toBe(0);
    // Inside an event: the regular step.
    eventsBeginStep(ev, D(1, 2) + 1e-8);
    expect(eventsRoutingStep(ev, 7200e3, 7500e3, 8100e3, 10, start)).toBe(0);
  });

  it('rejects bad dates and events that end before they start (213) and short lines (203)', () => {
    // The parser refuses such lines first; the typed reader checks again for hand-built models.
    const model = parseInp('[OPTIONS]\nSTART_DATE 01/01/2020\nEND_DATE 01/10/2020\n[EVENTS]\n01/02/2020 0 01/03/2020 0\n').model!;
    const codes = (tokens: string[]): number[] => {
      model.extra['[EVENTS]']!.lines = [{ line: 4, text: tokens.join(' '), tokens }];
      return readRoutingEvents(model).errors.map((e) => e.code);
    };
    expect(codes(['01/05/2020', '0', '01/04/2020', '0'])).toEqual([213]);
    expect(codes(['01/05/2020', 'noon', '01/06/2020', '0'])).toEqual([213]);
    expect(codes(['01/05/2020', '0', '01/06/2020'])).toEqual([203]);
  });
});
