// The one place that touches @haimian/engine's functions. The engine is being built alongside the platform;
// this adapter looks its entry points up at run time so the platform compiles and reports clearly
// ("engine does not provide runModel yet") until they exist. Only this file changes when the engine's API does.
import * as engine from '@haimian/engine';
import type { EngineError, Model, OpenOptions, RunOptions, RunResult } from '@haimian/engine';

interface EngineEntryPoints {
  runModel(inpText: string, options?: RunOptions): RunResult;
  /** Parser: `parseModel` in the brief, `parseInp` (options `fileName`, `files`) in the engine's input module. */
  parseModel(inpText: string, options?: OpenOptions & { fileName?: string }): unknown;
  parseInp(inpText: string, options?: OpenOptions & { fileName?: string }): unknown;
}

const api = engine as unknown as Partial<EngineEntryPoints>;
const parse = api.parseModel ?? api.parseInp;

export class EngineUnavailableError extends Error {
  constructor(what: string) {
    super(`the simulation engine does not provide ${what} yet`);
    this.name = 'EngineUnavailableError';
  }
}

export function engineCapabilities(): { run: boolean; parse: boolean; version: string } {
  return { run: typeof api.runModel === 'function', parse: typeof parse === 'function', version: engine.ENGINE_VERSION };
}

export function runModel(inpText: string, options?: RunOptions): RunResult {
  if (typeof api.runModel !== 'function') throw new EngineUnavailableError('runModel');
  return api.runModel(inpText, options);
}

export interface Validation {
  ok: boolean;
  errors: EngineError[];
  /** False when the engine has no parser yet (the .inp was not checked). */
  checked: boolean;
}

function isEngineError(e: unknown): e is EngineError {
  return typeof e === 'object' && e !== null && typeof (e as EngineError).code === 'number' && typeof (e as EngineError).message === 'string';
}

/** Collect coded errors from whatever shape the parser reports them in (a result's `errors`, or a thrown error). */
function errorsOf(x: unknown): EngineError[] {
  if (typeof x !== 'object' || x === null) return [];
  const list = (x as { errors?: unknown }).errors;
  if (Array.isArray(list)) return list.filter(isEngineError);
  return isEngineError(x) ? [x] : [];
}

/** Parse the .inp with the engine's parser (no simulation) and return its coded errors. */
export function validateInp(inpText: string, options?: OpenOptions): Validation {
  if (typeof parse !== 'function') return { ok: true, errors: [], checked: false };
  try {
    const errors = errorsOf(parse(inpText, { ...options, fileName: options?.inpName }));
    return { ok: errors.length === 0, errors, checked: true };
  } catch (err) {
    const errors = errorsOf(err);
    if (errors.length === 0) {
      errors.push({ code: 200, message: err instanceof Error ? err.message : String(err), file: options?.inpName });
    }
    return { ok: false, errors, checked: true };
  }
}

/** The engine's parsed model (null when the engine has no parser or the text has errors). */
export function parseModel(inpText: string, options?: OpenOptions): Model | null {
  if (typeof parse !== 'function') return null;
  try {
    const r = parse(inpText, { ...options, fileName: options?.inpName }) as { model?: Model | null };
    return r?.model ?? null;
  } catch {
    return null;
  }
}
