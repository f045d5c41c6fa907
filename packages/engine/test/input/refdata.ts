// Locating the shared SWMM reference models (outside the repo). Tests skip, with one
// printed line, when the folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..', '..', '..');
export const refRoot = path.resolve(repoRoot, '..', 'shared', 'swmm-reference');
export const haveRef = existsSync(path.join(refRoot, 'index.json'));
if (!haveRef) console.log(`swmm-reference not found at ${refRoot}: reference-model input tests skipped`);

export interface RefModel {
  id: string;
  inp: string;
  run_inp: string;
  rpt_json: string;
  data_files: string[];
  flow_units: string;
  counts: Record<string, number>;
  orig_rpt_errors?: string[] | null;
}

export function refModels(): RefModel[] {
  if (!haveRef) return [];
  return (JSON.parse(readFileSync(path.join(refRoot, 'index.json'), 'utf8')) as { models: RefModel[] }).models;
}

export function readRef(rel: string): string {
  return readFileSync(path.join(refRoot, rel), 'latin1');
}

/** The model's data files, keyed by base name, as a caller would inject them. */
export function refFiles(m: RefModel): Record<string, string> {
  const files: Record<string, string> = {};
  for (const d of m.data_files) files[path.basename(d)] = readRef(d);
  return files;
}

/** Deep copy without `line` properties (source positions differ after rewriting). */
export function withoutLines(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutLines);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'line') out[k] = withoutLines(x);
    return out;
  }
  return v;
}
