// Shared pieces of the dynamic-wave tests: locating ../shared/swmm-reference, running a
// routing-only model (with its control rules) and collecting report-time series, and the
// cell comparison with the tolerances.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInp } from '../../src/input/index.js';
import type { Model } from '../../src/model/types.js';
import { runRoutingOnly, type RoutingRunResult } from '../../src/hydraulics/routing-driver.js';
import { NODE_VARS, NODE_INFLOW, LINK_VARS, LINK_FLOW } from '../../src/hydraulics/routing.js';
import { parseControls, controlsAtStepStart, controlsAtStepEnd } from '../../src/hydraulics/controls.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..', '..');
export const REF_DIR = path.resolve(repoRoot, '..', 'shared', 'swmm-reference', 'models');
export const HAVE_REF = existsSync(REF_DIR);

export type Row = (string | number)[];
export interface RefJson {
  continuity: Record<string, { rows: Record<string, number[]> }>;
  tables: Record<string, { rows: Row[] } | undefined>;
  text: Record<string, string[] | undefined>;
}

export function refJson(id: string): RefJson {
  return JSON.parse(readFileSync(path.join(REF_DIR, id, `${id}_rpt.json`), 'utf8')) as RefJson;
}

export function refModel(id: string): Model {
  const file = existsSync(path.join(REF_DIR, id, `${id}_ref.inp`)) ? `${id}_ref.inp` : `${id}.inp`;
  const parsed = parseInp(readFileSync(path.join(REF_DIR, id, file), 'utf8'), { fileName: file });
  if (!parsed.model) throw new Error(`${id}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  return parsed.model;
}

/** A reference CSV: time stamps and named columns. */
export interface Csv { times: string[]; columns: string[]; values: number[][] }

export function refCsv(id: string, kind: 'links' | 'outfalls'): Csv | null {
  const p = path.join(REF_DIR, id, `${id}_${kind}.csv`);
  if (!existsSync(p)) return null;
  const lines = readFileSync(p, 'utf8').trim().split('\n');
  const columns = lines[0]!.split(',').slice(1);
  const times: string[] = [];
  const values: number[][] = [];
  for (const l of lines.slice(1)) {
    const v = l.split(',');
    times.push(v[0]!);
    values.push(v.slice(1).map(Number));
  }
  return { times, columns, values };
}

export interface DwRun {
  res: RoutingRunResult;
  /** Per report period: link flows and outfall total inflows (user units), by object index. */
  linkFlows: Float64Array[];
  nodeInflows: Float64Array[];
}

/** Run a routing-only model, with its [CONTROLS] rules, collecting report-time series. */
export function runDw(model: Model): DwRun {
  const cp = parseControls(model.extra['[CONTROLS]'], model);
  if (cp.errors.length > 0) throw new Error(cp.errors.map((e) => e.message).join('; '));
  const ctl = cp.controls;
  const start = model.options.startDateTime;
  const linkFlows: Float64Array[] = [];
  const nodeInflows: Float64Array[] = [];
  const res = runRoutingOnly(model, {
    controls(r, _date, ms) {
      controlsAtStepEnd(ctl, ms);
      controlsAtStepStart(ctl, r.net, start, ms, model.options.routingStepS);
    },
    onReport(_date, nv, lv, r) {
      const lf = new Float64Array(r.net.nLinks);
      for (let j = 0; j < lf.length; j++) lf[j] = lv[LINK_VARS * j + LINK_FLOW]!;
      const ni = new Float64Array(r.net.nNodes);
      for (let i = 0; i < ni.length; i++) ni[i] = nv[NODE_VARS * i + NODE_INFLOW]!;
      linkFlows.push(lf);
      nodeInflows.push(ni);
    },
  });
  return { res, linkFlows, nodeInflows };
}

/** One compared cell: |ours − ref| ≤ max(rel·|ref|, abs). */
export interface Cell { what: string; ours: number; ref: number; rel: number; abs: number }

export const excess = (c: Cell): number => Math.abs(c.ours - c.ref) - Math.max(c.rel * Math.abs(c.ref), c.abs);

/** Largest |ours − ref| of a series relative to the series' peak |ref|. */
export function seriesCell(what: string, ours: number[], ref: number[], rel: number): Cell {
  let peak = 0;
  let worst = 0;
  let at = 0;
  for (let t = 0; t < ref.length; t++) {
    peak = Math.max(peak, Math.abs(ref[t]!));
    const d = Math.abs((ours[t] ?? NaN) - ref[t]!);
    if (!(d <= worst)) {
      worst = d;
      at = t;
    }
  }
  // Expressed as a cell whose "ours" is the worst point and whose tolerance is rel·peak.
  return { what: `${what} (worst at period ${at + 1})`, ours: ours[at] ?? NaN, ref: ref[at] ?? NaN, rel: 0, abs: Math.max(rel * peak, 0.002) };
}
