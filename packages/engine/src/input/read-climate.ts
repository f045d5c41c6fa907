// [RAINGAGES] and [EVAPORATION] (digest §1.5, §1.6).
import type { RainForm, RainGage } from '../model/types.js';
import { Fields } from './fields.js';
import { parseNumber } from './numbers.js';
import { parseTime } from './dates.js';
import type { ParseState } from './state.js';

export const RAIN_FORMS: readonly RainForm[] = ['INTENSITY', 'VOLUME', 'CUMULATIVE'];

/**
 * Recording interval in seconds. Time-series gages round to the nearest second; file
 * gages given in decimal hours are truncated (SWMM's two code paths).
 */
export function gageIntervalSeconds(text: string, isFile: boolean): number | undefined {
  const t = parseTime(text);
  if (t === undefined) return undefined;
  const secs = t * 86400;
  if (isFile && parseNumber(text) !== undefined) return Math.trunc(secs);
  return Math.floor(secs + 0.5);
}

export function readGage(f: Fields, st: ParseState): void {
  f.need(5);
  const name = st.ctx.canon('gage', f.tok(0)!);
  const form = f.kw(1, RAIN_FORMS);
  const intervalText = f.tok(2)!;
  const src = f.kw(4, ['TIMESERIES', 'FILE'] as const);
  const intervalS = gageIntervalSeconds(intervalText, src === 'FILE');
  if (intervalS === undefined) f.fail(213, intervalText, 'a recording interval as hh:mm or decimal hours');
  if (intervalS <= 0) f.fail(211, intervalText, 'a recording interval > 0');
  const scf = f.num(3, { min: 0 });
  let gage: RainGage;
  if (src === 'TIMESERIES') {
    f.need(6);
    const series = f.ref(5, 'timeseries');
    gage = { line: f.line.line, name, form, intervalS, snowCatchFactor: scf, source: { kind: 'TIMESERIES', series }, intervalText };
  } else {
    f.need(8);
    const units = f.kw(7, ['IN', 'MM'] as const);
    const source: RainGage['source'] = { kind: 'FILE', file: f.tok(5)!, station: f.tok(6)!, units };
    if (f.n > 8) source.startDate = f.date(8);
    gage = { line: f.line.line, name, form, intervalS, snowCatchFactor: scf, source, intervalText };
  }
  st.model.gages.push(gage);
}

const EVAP_WORDS = ['CONSTANT', 'MONTHLY', 'TIMESERIES', 'TEMPERATURE', 'FILE', 'RECOVERY', 'DRY_ONLY'] as const;

export function readEvaporation(f: Fields, st: ParseState): void {
  const ev = st.model.evaporation;
  const key = f.kw(0, EVAP_WORDS);
  switch (key) {
    case 'RECOVERY':
      f.need(2);
      ev.recoveryPattern = f.ref(1, 'pattern');
      return;
    case 'DRY_ONLY':
      f.need(2);
      ev.dryOnly = f.yesNo(1);
      return;
    case 'CONSTANT': {
      f.need(2);
      const v = f.num(1, { min: 0 });
      setEvap(st, 'CONSTANT', [v]);
      return;
    }
    case 'MONTHLY': {
      f.need(13);
      const vals: number[] = [];
      for (let i = 1; i <= 12; i++) vals.push(f.num(i, { min: 0 }));
      setEvap(st, 'MONTHLY', vals);
      return;
    }
    case 'TIMESERIES': {
      f.need(2);
      const series = f.ref(1, 'timeseries');
      setEvap(st, 'TIMESERIES', []);
      ev.series = series;
      return;
    }
    case 'TEMPERATURE':
      setEvap(st, 'TEMPERATURE', []);
      return;
    case 'FILE': {
      // optional monthly pan coefficients, default 1
      const vals: number[] = [];
      for (let i = 1; i <= 12; i++) vals.push(f.optNum(i, 1, { min: 0 }));
      setEvap(st, 'FILE', vals);
      return;
    }
  }
}

function setEvap(st: ParseState, kind: ParseState['model']['evaporation']['kind'], values: number[]): void {
  const ev = st.model.evaporation;
  ev.kind = kind;
  ev.values = values;
  if (kind !== 'TIMESERIES') delete ev.series;
}

