// Field readers for one data line. Each reader validates one token and, on failure,
// records SWMM's coded error and abandons the rest of the line (SWMM reports one error
// per line). The abandon is a private sentinel exception caught by the section loop.
import type { Namespace, ParseContext } from './context.js';
import { findKeyword, NO_YES } from './keywords.js';
import { parseNumber, parseInteger } from './numbers.js';
import { parseDate, parseTime } from './dates.js';
import type { InputLine } from './tokenizer.js';

/** Thrown to abandon a line after its error has been recorded. */
export class LineAbort {
  readonly abort = true;
}

export interface NumOpts {
  /** value must be ≥ min */
  min?: number;
  /** value must be > gt */
  gt?: number;
  /** value must be ≤ max */
  max?: number;
  /** value must be < lt */
  lt?: number;
}

function describe(o: NumOpts | undefined): string {
  const parts: string[] = [];
  if (o?.gt !== undefined) parts.push(`> ${o.gt}`);
  if (o?.min !== undefined) parts.push(`>= ${o.min}`);
  if (o?.lt !== undefined) parts.push(`< ${o.lt}`);
  if (o?.max !== undefined) parts.push(`<= ${o.max}`);
  return parts.length ? `a number ${parts.join(' and ')}` : 'a number';
}

const NS_LABEL: Record<Namespace, string> = {
  gage: 'rain gage', subcatch: 'subcatchment', node: 'node', link: 'link', pollutant: 'pollutant',
  landuse: 'land use', pattern: 'time pattern', curve: 'curve', timeseries: 'time series',
  transect: 'transect', aquifer: 'aquifer', unithyd: 'unit hydrograph', snowpack: 'snow pack',
  lid: 'LID control', street: 'street', inlet: 'inlet',
};

export function nsLabel(ns: Namespace): string {
  return NS_LABEL[ns];
}

export class Fields {
  readonly t: string[];
  constructor(
    readonly ctx: ParseContext,
    readonly line: InputLine,
    /** Field layout shown when too few items are given. */
    readonly format = '',
  ) {
    this.t = line.tokens;
  }

  get n(): number {
    return this.t.length;
  }

  tok(i: number): string | undefined {
    return this.t[i];
  }

  fail(code: number, token: string | undefined, expected?: string): never {
    this.ctx.err(code, token, this.line, expected);
    throw new LineAbort();
  }

  /** Error 203 unless at least `count` tokens. */
  need(count: number): void {
    if (this.t.length < count) {
      this.fail(203, undefined, `at least ${count} fields${this.format ? `: ${this.format}` : ''}`);
    }
  }

  num(i: number, o?: NumOpts): number {
    const s = this.t[i];
    if (s === undefined) this.fail(203, undefined, `${describe(o)} in field ${i + 1}${this.format ? ` (${this.format})` : ''}`);
    const v = parseNumber(s);
    if (
      v === undefined ||
      (o?.min !== undefined && v < o.min) ||
      (o?.gt !== undefined && !(v > o.gt)) ||
      (o?.max !== undefined && v > o.max) ||
      (o?.lt !== undefined && !(v < o.lt))
    ) {
      this.fail(211, s, describe(o));
    }
    return v;
  }

  /** Number when the token exists (and is not `*` when `star`), else `def`. */
  optNum(i: number, def: number, o?: NumOpts, star = false): number {
    const s = this.t[i];
    if (s === undefined || (star && s === '*')) return def;
    return this.num(i, o);
  }

  int(i: number, o?: NumOpts): number {
    const s = this.t[i];
    if (s === undefined) this.fail(203, undefined, `an integer in field ${i + 1}`);
    const v = parseInteger(s);
    if (
      v === undefined ||
      (o?.min !== undefined && v < o.min) ||
      (o?.gt !== undefined && !(v > o.gt)) ||
      (o?.max !== undefined && v > o.max)
    ) {
      this.fail(211, s, `an integer${o ? ' ' + describe(o).replace('a number ', '') : ''}`);
    }
    return v;
  }

  kwIndex(i: number, list: readonly string[]): number {
    const s = this.t[i];
    if (s === undefined) this.fail(203, undefined, `one of ${list.join(', ')} in field ${i + 1}`);
    const k = findKeyword(s, list);
    if (k < 0) this.fail(205, s, `one of ${list.join(', ')}`);
    return k;
  }

  kw<T extends string>(i: number, list: readonly T[]): T {
    return list[this.kwIndex(i, list)]!;
  }

  optKw<T extends string>(i: number, list: readonly T[], def: T, star = false): T {
    const s = this.t[i];
    if (s === undefined || (star && s === '*')) return def;
    return this.kw(i, list);
  }

  yesNo(i: number): boolean {
    return this.kwIndex(i, NO_YES) === 1;
  }

  optYesNo(i: number, def: boolean, star = false): boolean {
    const s = this.t[i];
    if (s === undefined || (star && s === '*')) return def;
    return this.yesNo(i);
  }

  /** A reference to a defined object; returns its canonical spelling. */
  ref(i: number, ns: Namespace): string {
    const s = this.t[i];
    if (s === undefined) this.fail(203, undefined, `a ${NS_LABEL[ns]} name in field ${i + 1}`);
    const e = this.ctx.find(ns, s);
    if (!e) this.fail(209, s, `the name of a ${NS_LABEL[ns]} defined in the file`);
    return e.name;
  }

  /** A reference to one of several namespaces (first that matches). */
  refAny(i: number, nss: readonly Namespace[]): { ns: Namespace; name: string } {
    const s = this.t[i];
    if (s === undefined) this.fail(203, undefined, `a name in field ${i + 1}`);
    for (const ns of nss) {
      const e = this.ctx.find(ns, s);
      if (e) return { ns, name: e.name };
    }
    this.fail(209, s, `the name of a ${nss.map((x) => NS_LABEL[x]).join(' or ')}`);
  }

  /** Optional reference: undefined when the token is missing, empty, or `*` (if `star`). */
  optRef(i: number, ns: Namespace, star = true): string | undefined {
    const s = this.t[i];
    if (s === undefined || s === '' || (star && s === '*')) return undefined;
    return this.ref(i, ns);
  }

  date(i: number): number {
    const s = this.t[i];
    const v = parseDate(s);
    if (v === undefined) this.fail(s === undefined ? 203 : 213, s, 'a date as MM/DD/YYYY');
    return v;
  }

  time(i: number): number {
    const s = this.t[i];
    const v = parseTime(s);
    if (v === undefined) this.fail(s === undefined ? 203 : 213, s, 'a time as hh:mm[:ss] or decimal hours');
    return v;
  }
}

/** Run `fn` for a line, turning a LineAbort into "line skipped". Returns true on success. */
export function guarded(fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    if (e instanceof LineAbort) return false;
    throw e;
  }
}
