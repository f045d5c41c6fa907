// Shared helpers of the design commands (storm, control-rate, rational, pipe, site-check, assess, sim-alpha,
// tables, decompose): option parsing with clear messages, file I/O, output. The calculations live in
// @haimian/design; this file only turns user text into numbers and numbers into text.
import { readFileSync, writeFileSync } from 'node:fs';
import { findStormFormula, provenanceLabel, userFormula } from '@haimian/design';
import type { StormFormula } from '@haimian/design';

/** A user-facing error: main.ts prints "haimian: <message>" and exits 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function fail(message: string): never {
  throw new UsageError(message);
}

/** Parses a number option; `what` names it in messages ("--period"). */
export function num(value: string | undefined, what: string, check?: { min?: number; max?: number; gt?: number; lt?: number; integer?: boolean }): number {
  if (value === undefined || value.trim() === '') fail(`${what} needs a number`);
  const x = Number(value);
  if (!Number.isFinite(x)) fail(`${what} must be a number (got "${value}")`);
  if (check?.integer && !Number.isInteger(x)) fail(`${what} must be a whole number (got ${value})`);
  if (check?.gt !== undefined && !(x > check.gt)) fail(`${what} must be greater than ${check.gt} (got ${value})`);
  if (check?.lt !== undefined && !(x < check.lt)) fail(`${what} must be less than ${check.lt} (got ${value})`);
  if (check?.min !== undefined && x < check.min) fail(`${what} must be at least ${check.min} (got ${value})`);
  if (check?.max !== undefined && x > check.max) fail(`${what} must be at most ${check.max} (got ${value})`);
  return x;
}

export function optNum(value: string | undefined, what: string, check?: Parameters<typeof num>[2]): number | undefined {
  return value === undefined ? undefined : num(value, what, check);
}

/** A control rate given as a fraction (0.85) or a percentage ("85%"). */
export function rate(value: string | undefined, what: string): number {
  if (value === undefined) fail(`${what} needs a value such as 0.85 or 85%`);
  const pct = value.trim().endsWith('%');
  const x = num(pct ? value.trim().slice(0, -1) : value, what);
  const f = pct ? x / 100 : x;
  if (!pct && x > 1) fail(`${what} must be a fraction (0.85) or a percentage (85%), got ${value}`);
  if (!(f > 0 && f <= 1)) fail(`${what} must lie in (0, 1] (got ${value})`);
  return f;
}

export function readText(path: string, what = 'file'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(`cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

export function writeText(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    fail(`cannot write ${path}: ${(e as Error).message}`);
  }
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

/** Resolves --formula NAME or --params A,C,b,n; library formulas tagged [X] need --allow-unverified. */
export function formulaFromOptions(o: { formula?: string; params?: string; allowUnverified?: boolean }): StormFormula {
  if (o.formula && o.params) fail('give either --formula NAME or --params A,C,b,n, not both');
  if (o.params) {
    const parts = o.params.split(',').map((s) => s.trim());
    if (parts.length !== 4) fail(`--params needs four comma-separated numbers A,C,b,n (got "${o.params}")`);
    const [A, C, b, n] = parts.map((p, i) => num(p, `--params ${['A', 'C', 'b', 'n'][i]}`)) as [number, number, number, number];
    try {
      return userFormula(A, C, b, n);
    } catch (e) {
      fail((e as Error).message);
    }
  }
  if (!o.formula) fail('give --formula NAME (see `haimian storm --list`) or --params A,C,b,n');
  let f: StormFormula;
  try {
    f = findStormFormula(o.formula);
  } catch (e) {
    fail((e as Error).message);
  }
  if (f.provenance.tag === 'X' && !o.allowUnverified) {
    fail(`formula ${f.id} is unverified (${provenanceLabel(f.provenance)}); add --allow-unverified to use it anyway`);
  }
  return f;
}

/** Runs a design-library call, turning its RangeErrors into usage errors. */
export function design<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError || (e as Error).name === 'RainCsvError') fail((e as Error).message);
    throw e;
  }
}

export function fmt(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  return Number(x.toFixed(digits)).toString();
}

export function pct(x: number, digits = 2): string {
  return `${fmt(100 * x, digits)} %`;
}

/** Minimal CSV reader for the assessment inputs (header row + numeric columns). */
export function readNumericCsv(text: string, columns: readonly string[], file: string): Record<string, number[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (lines.length === 0) fail(`${file} is empty: expected a header with columns ${columns.join(', ')}`);
  const delim = [',', ';', '\t'].find((d) => lines[0]!.includes(d)) ?? ',';
  const header = lines[0]!.split(delim).map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const idx = columns.map((c) => header.indexOf(c.toLowerCase()));
  const missing = columns.filter((_, i) => idx[i]! < 0);
  if (missing.length) fail(`${file}: header has no column ${missing.join(', ')} (columns found: ${header.join(', ')})`);
  if (lines.length < 2) fail(`${file} has a header but no data rows`);
  const outCols: Record<string, number[]> = Object.fromEntries(columns.map((c) => [c, [] as number[]]));
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r]!.split(delim).map((c) => c.trim().replace(/^"|"$/g, ''));
    columns.forEach((c, i) => {
      const cell = cells[idx[i]!];
      const v = Number(cell);
      if (cell === undefined || cell === '' || !Number.isFinite(v)) fail(`${file} line ${r + 1}: column ${c} value "${cell ?? ''}" is not a number`);
      outCols[c]!.push(v);
    });
  }
  return outCols;
}
