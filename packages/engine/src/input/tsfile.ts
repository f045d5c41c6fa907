// External time-series files ([TIMESERIES] Name FILE path): one entry per line,
// `[date] time value`, ';' comments. Dateless entries use the last date seen, starting
// with the simulation start (as for in-file series).
import { parseDate, parseTime } from './dates.js';
import { parseNumber } from './numbers.js';
import { tokenize } from './tokenizer.js';

export interface TsFileResult {
  times: number[];
  values: number[];
  /** First bad line (1-based) and token, when the file is invalid. */
  error?: { line: number; token: string; expected: string };
}

export function parseTimeseriesFile(text: string, startDateTime: number): TsFileResult {
  const times: number[] = [];
  const values: number[] = [];
  let lastDate = startDateTime;
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const raw = text.slice(pos, end);
    lineNo++;
    pos = end + 1;
    const tok = tokenize(raw);
    if (tok.length === 0) {
      if (end >= text.length) break;
      continue;
    }
    let k = 0;
    const d = tok.length >= 3 ? parseDate(tok[0]) : undefined;
    if (d !== undefined) {
      lastDate = d;
      k = 1;
    }
    const t = parseTime(tok[k]);
    if (t === undefined) return { times, values, error: { line: lineNo, token: tok[k] ?? '', expected: 'a time as hh:mm or decimal hours' } };
    const v = parseNumber(tok[k + 1]);
    if (v === undefined) return { times, values, error: { line: lineNo, token: tok[k + 1] ?? '', expected: 'a number' } };
    times.push(lastDate + t);
    values.push(v);
    if (end >= text.length) break;
  }
  return { times, values };
}
