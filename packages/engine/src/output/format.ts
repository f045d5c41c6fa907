// C printf-style fixed-width formatting, as SWMM 5.2's report writer uses it.
//
// JS's toFixed/toExponential compute the decimal digits from the exact binary value
// (as glibc does) but break exact ties upward, whereas glibc rounds exact ties to even
// ("%.0f" of 2.5 is "2", "%.2f" of 0.125 is "0.12"). These helpers fix the ties so that
// the text matches SWMM byte for byte. Negative zero prints a sign, as in C ("-0.000").
import { decodeDate } from '../time/datetime.js';

/** Digits looked at beyond the requested precision when testing for an exact tie. */
const TIE_LOOKAHEAD = 30;

function nonFinite(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  return x > 0 ? 'inf' : '-inf';
}

function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/** Digits of |x| with `prec` decimals, ties to even, no sign. */
function absFixed(a: number, prec: number): string {
  if (a >= 1e21) {
    // toFixed switches to exponent notation here; such values never occur in reports,
    // but keep the output well formed.
    const int = BigInt(Math.round(a)).toString();
    return prec > 0 ? int + '.' + '0'.repeat(prec) : int;
  }
  const s = a.toFixed(prec);
  // Cheap screen: only values whose scaled fraction is close to one half can be ties.
  const scaled = a * 10 ** prec;
  if (scaled < 1e15) {
    const frac = scaled - Math.floor(scaled);
    if (Math.abs(frac - 0.5) > Math.max(1e-7, scaled * 4e-16)) return s;
  }
  const look = Math.min(100, prec + TIE_LOOKAHEAD);
  if (look <= prec) return s;
  const exact = a.toFixed(look);
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + prec);
  if (tail.charCodeAt(0) !== 53 /* '5' */) return s;
  for (let i = 1; i < tail.length; i++) if (tail.charCodeAt(i) !== 48 /* '0' */) return s;
  // Exact tie: keep the truncated digits when their last digit is even.
  const truncated = prec > 0 ? exact.slice(0, dot + 1 + prec) : exact.slice(0, dot);
  const last = truncated.charCodeAt(truncated.length - 1) - 48;
  return last % 2 === 0 ? truncated : s;
}

/** Mantissa digits and exponent of |x| in %e style with `prec` decimals, ties to even. */
function absExp(a: number, prec: number): { mant: string; exp: number } {
  if (a === 0) return { mant: prec > 0 ? '0.' + '0'.repeat(prec) : '0', exp: 0 };
  let s = a.toExponential(prec);
  const look = Math.min(100, prec + TIE_LOOKAHEAD);
  const exact = a.toExponential(look);
  const eAt = exact.indexOf('e');
  const digits = exact.slice(0, eAt).replace('.', '');
  const tail = digits.slice(prec + 1);
  let tie = tail.charCodeAt(0) === 53;
  for (let i = 1; tie && i < tail.length; i++) if (tail.charCodeAt(i) !== 48) tie = false;
  if (tie) {
    const kept = digits.slice(0, prec + 1);
    if ((kept.charCodeAt(kept.length - 1) - 48) % 2 === 0) {
      s = (prec > 0 ? kept[0] + '.' + kept.slice(1) : kept) + exact.slice(eAt);
    }
  }
  const e = s.indexOf('e');
  return { mant: s.slice(0, e), exp: Number(s.slice(e + 1)) };
}

function expString(mant: string, exp: number): string {
  const ae = Math.abs(exp);
  return mant + (exp < 0 ? 'e-' : 'e+') + (ae < 10 ? '0' + ae : String(ae));
}

/** Right-justify `s` in `width` characters (C `%*s`); never truncates. */
export function padLeft(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

/** Left-justify `s` in `width` characters (C `%-*s`); never truncates. */
export function padRight(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** C `%<width>.<prec>f`. */
export function fmtF(x: number, width: number, prec: number): string {
  if (!Number.isFinite(x)) return padLeft(nonFinite(x), width);
  const body = absFixed(Math.abs(x), prec);
  return padLeft(isNegative(x) ? '-' + body : body, width);
}

/** C `%<width>.<prec>e` (exponent with at least two digits). */
export function fmtE(x: number, width: number, prec: number): string {
  if (!Number.isFinite(x)) return padLeft(nonFinite(x), width);
  const { mant, exp } = absExp(Math.abs(x), prec);
  const body = expString(mant, exp);
  return padLeft(isNegative(x) ? '-' + body : body, width);
}

function stripZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/** C `%<width>.<prec>g` (no `#` flag: trailing zeros removed). */
export function fmtG(x: number, width: number, prec: number): string {
  if (!Number.isFinite(x)) return padLeft(nonFinite(x), width);
  const p = prec === 0 ? 1 : prec;
  const a = Math.abs(x);
  const { mant, exp } = absExp(a, p - 1);
  let body: string;
  if (exp < p && exp >= -4) body = stripZeros(absFixed(a, p - 1 - exp));
  else body = expString(stripZeros(mant), exp);
  return padLeft(isNegative(x) ? '-' + body : body, width);
}

/** C `%<width>d` of a number truncated toward zero (as a C cast to int would). */
export function fmtD(n: number, width: number): string {
  if (!Number.isFinite(n)) return padLeft(nonFinite(n), width);
  return padLeft(String(Math.trunc(n)), width);
}

/**
 * A small printf for the conversions SWMM's report uses: `%[-][0][width][.prec](d|i|f|e|g|s|%)`.
 * Report code uses the dedicated helpers above in row loops; this is for one-off lines and tests.
 */
export function sprintf(fmt: string, ...args: Array<number | string>): string {
  const out: string[] = [];
  let argi = 0;
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out.push(fmt.slice(i));
      break;
    }
    out.push(fmt.slice(i, pct));
    let j = pct + 1;
    let left = false;
    let zero = false;
    for (;;) {
      const c = fmt[j];
      if (c === '-') left = true;
      else if (c === '0') zero = true;
      else break;
      j++;
    }
    let width = 0;
    while (j < fmt.length && fmt.charCodeAt(j) >= 48 && fmt.charCodeAt(j) <= 57) width = width * 10 + fmt.charCodeAt(j++) - 48;
    let prec = -1;
    if (fmt[j] === '.') {
      j++;
      prec = 0;
      while (j < fmt.length && fmt.charCodeAt(j) >= 48 && fmt.charCodeAt(j) <= 57) prec = prec * 10 + fmt.charCodeAt(j++) - 48;
    }
    const conv = fmt[j];
    j++;
    if (conv === '%') {
      out.push('%');
      i = j;
      continue;
    }
    const arg = args[argi++];
    let s: string;
    switch (conv) {
      case 'd':
      case 'i':
        s = fmtD(Number(arg), 0);
        break;
      case 'f':
        s = fmtF(Number(arg), 0, prec < 0 ? 6 : prec);
        break;
      case 'e':
        s = fmtE(Number(arg), 0, prec < 0 ? 6 : prec);
        break;
      case 'g':
        s = fmtG(Number(arg), 0, prec < 0 ? 6 : prec);
        break;
      case 's':
        s = String(arg);
        if (prec >= 0) s = s.slice(0, prec);
        break;
      default:
        throw new Error(`sprintf: unsupported conversion %${conv ?? ''}`);
    }
    if (left) s = padRight(s, width);
    else if (zero && conv !== 's' && s.length < width) {
      const sign = s[0] === '-' ? '-' : '';
      s = sign + '0'.repeat(width - s.length) + s.slice(sign.length);
    } else s = padLeft(s, width);
    out.push(s);
    i = j;
  }
  return out.join('');
}

// ---------------------------------------------------------------------------
// Dates: the calendar itself is time/datetime.ts; here only SWMM's printing conventions.

/**
 * Hours, minutes and seconds of the time-of-day part of a SWMM date-time: seconds are
 * rounded, and an hour that rounds up to 24 becomes 0 (SWMM does not carry into the date).
 */
export function timeOfDay(dateTime: number): { h: number; m: number; s: number } {
  const secs = Math.floor((dateTime - Math.floor(dateTime)) * 86400 + 0.5);
  const mins = Math.floor(secs / 60);
  const h = Math.floor(mins / 60);
  return { h: h > 23 ? 0 : h, m: mins % 60, s: secs % 60 };
}

function two(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** `MM/DD/YYYY` of a SWMM date-time. */
export function formatDate(dateTime: number): string {
  const { year, month, day } = decodeDate(dateTime);
  return two(month) + '/' + two(day) + '/' + padLeft(String(year), 4).replace(/ /g, '0');
}

/** `hh:mm:ss` time of day of a SWMM date-time. */
export function formatTimeOfDay(dateTime: number): string {
  const t = timeOfDay(dateTime);
  return two(t.h) + ':' + two(t.m) + ':' + two(t.s);
}

/** `hh:mm:ss` of a time step in seconds (as a time of day, like SWMM: a full day prints 00:00:00). */
export function formatHms(totalSeconds: number): string {
  return formatTimeOfDay(totalSeconds / 86400);
}

/**
 * The `days  hr:min` pair SWMM prints for the time of a maximum, from elapsed days since
 * the report start: whole days truncated, seconds of the day rounded, then minutes
 * truncated. `dayWidth` is the width of the day number (`%4d` in SWMM's tables).
 */
export function formatElapsed(elapsedDays: number, dayWidth: number): string {
  if (!(elapsedDays > 0)) return fmtD(0, dayWidth) + '  00:00';
  const t = timeOfDay(elapsedDays);
  return fmtD(Math.trunc(elapsedDays), dayWidth) + '  ' + two(t.h) + ':' + two(t.m);
}
