// Number parsing as SWMM's getDouble: the whole token must be a decimal floating-point
// number (C strtod without hex/inf/nan). Scanned by hand: no regex backtracking.

/** True when `s` is a complete decimal number: [+-]digits[.digits][(e|E)[+-]digits]. */
export function isNumberToken(s: string): boolean {
  const n = s.length;
  let i = 0;
  if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
  let digits = 0;
  while (i < n && isDigit(s.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(s.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return false;
  if (i < n && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
    i++;
    if (i < n && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45)) i++;
    let ed = 0;
    while (i < n && isDigit(s.charCodeAt(i))) {
      i++;
      ed++;
    }
    if (ed === 0) return false;
  }
  return i === n;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Parse a number token; undefined when invalid or not finite. */
export function parseNumber(s: string | undefined): number | undefined {
  if (s === undefined || !isNumberToken(s)) return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** Integer as SWMM reads it: a double truncated after adding ±0.01 (so 2.999 → 3). */
export function parseInteger(s: string | undefined): number | undefined {
  const v = parseNumber(s);
  if (v === undefined) return undefined;
  return v >= 0 ? Math.trunc(v + 0.01) : Math.trunc(v - 0.01);
}

/** Shortest text that parses back to exactly `v` (used by the writer). */
export function formatNumber(v: number): string {
  if (Object.is(v, -0)) return '0';
  const s = String(v);
  // String() may give exponent forms like "1e-7", which SWMM's strtod also accepts.
  return s;
}
