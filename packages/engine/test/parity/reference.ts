// Access to ../shared/swmm-reference (EPA SWMM 5.2.4 models and results). Never copied into the repo.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../../../..');
export const REFERENCE_DIR = resolve(REPO_ROOT, '..', 'shared', 'swmm-reference');

export interface ReferenceModel {
  id: string;
  dir: string;
  run_inp: string;
  rpt: string;
  rpt_json: string;
  data_files: string[];
  features: string[];
  flow_units: string;
  routing: string;
  duration_hours: number;
  report_step_s: number;
  n_periods: number;
  first_time: string;
  csv: Record<string, { file: string; columns?: string[] } | undefined>;
  runswmm_wall_s_median_of_5?: number;
  [k: string]: unknown;
}

export function referenceAvailable(): boolean {
  return existsSync(join(REFERENCE_DIR, 'index.json'));
}

export function loadIndex(): ReferenceModel[] {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, 'index.json'), 'utf8')).models as ReferenceModel[];
}

/** Text of a reference file; reports are Latin-1 (SWMM prints "ft³" as byte 0xB3). */
export function readRef(relPath: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  const p = join(REFERENCE_DIR, relPath);
  if (p.endsWith('.gz')) return gunzipSync(readFileSync(p)).toString(encoding);
  return readFileSync(p, encoding);
}

/** The external files a model needs, keyed by base name (as the .inp names them). */
export function dataFiles(m: ReferenceModel): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of m.data_files ?? []) files[basename(f)] = readRef(f, 'latin1');
  return files;
}

/** Physics that later issues bring; a model needing any of them is out of the current scope. */
export const OUT_OF_SCOPE_FEATURES: string[] = [];

export function missingPhysics(m: ReferenceModel): string[] {
  return m.features.filter((f) => OUT_OF_SCOPE_FEATURES.includes(f));
}

export interface CsvSeries {
  times: string[];
  columns: string[];
  values: number[][];
}

export function readCsv(relPath: string): CsvSeries {
  const lines = readRef(relPath).trim().split(/\r?\n/);
  const columns = lines[0]!.split(',').slice(1);
  const times: string[] = [];
  const values: number[][] = columns.map(() => []);
  for (let i = 1; i < lines.length; i++) {
    const parts = lines[i]!.split(',');
    times.push(parts[0]!);
    for (let c = 0; c < columns.length; c++) values[c]!.push(Number(parts[c + 1]));
  }
  return { times, columns, values };
}
