// Shared pieces of the dynamic-wave tests: locating ../shared/swmm-reference, running a
// routing-only model (with its control rules) and collecting report-time series, and the
// cell comparison with the tolerances.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInp } from '../../src/input/index.js';
import type { Model } from '../../src/model/types.js';
import { runRoutingOnly, type RoutingRunResult } from '../../src/hydraulics/routing-driver.js';
import { NODE_VARS, NODE_INFLOW, LINK_VARS, LINK_FLOW, type RoutingSummary, type Routing } from '../../src/hydraulics/routing.js';
import { Simulation } from '../../src/simulation.js';
import type { EngineError } from '../../src/api.js';
import type { DynwaveSummary } from '../../src/hydraulics/dynwave-summary.js';
import type { Network } from '../../src/hydraulics/network.js';
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

/** Report-time series of a run. */
export interface DwSeries {
  net: Network;
  linkFlows: Float64Array[];
  nodeInflows: Float64Array[];
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

const num = (x: string | number | undefined): number => Number(x);

/**
 * Cells comparing a finished run with SWMM's report and series, with the tolerances
 * (continuity rows 0.5 % of the largest term, depths/peaks 2 %, volumes 1 %, flooded
 * volumes 2 % or 0.01 of the column maximum, hours 5 %, series 2 % of the peak).
 */
export function compareWithSwmm(sum: RoutingSummary, dws: DynwaveSummary, ref: RefJson, run: DwSeries, id: string): Cell[] {
  const cells: Cell[] = [];
  // ---- continuity
  const cont = ref.continuity['Flow Routing Continuity']!.rows;
  const c = sum.flowRoutingContinuity;
  const pairs: [string, readonly [number, number]][] = [
    ['Dry Weather Inflow', c.dryWeatherInflow], ['Wet Weather Inflow', c.wetWeatherInflow],
    ['External Inflow', c.externalInflow], ['External Outflow', c.externalOutflow], ['Flooding Loss', c.floodingLoss],
    ['Evaporation Loss', c.evaporationLoss], ['Exfiltration Loss', c.exfiltrationLoss],
    ['Initial Stored Volume', c.initialStoredVolume], ['Final Stored Volume', c.finalStoredVolume],
  ];
  let largest = 0;
  for (const [name] of pairs) largest = Math.max(largest, Math.abs(cont[name]?.[0] ?? 0));
  for (const [name, v] of pairs) {
    const r = cont[name];
    if (r) cells.push({ what: `continuity ${name}`, ours: v[0], ref: r[0]!, rel: 0, abs: Math.max(0.005 * largest, 0.0015) });
  }
  cells.push({ what: 'continuity error %', ours: c.continuityErrorPct, ref: cont['Continuity Error (%)']![0]!, rel: 0, abs: 0.1 });

  const byId = <T extends { id: string }>(rows: T[]): Map<string, T> => new Map(rows.map((x) => [x.id, x]));
  // ---- nodes
  const depth = byId(sum.nodeDepth);
  for (const r of ref.tables['Node Depth Summary']?.rows ?? []) {
    const o = depth.get(String(r[0]));
    if (!o) continue;
    cells.push({ what: `node ${r[0]} max depth`, ours: o.maxDepth, ref: num(r[3]), rel: 0.02, abs: 0.011 });
  }
  const inflow = byId(sum.nodeInflow);
  for (const r of ref.tables['Node Inflow Summary']?.rows ?? []) {
    const o = inflow.get(String(r[0]));
    if (!o) continue;
    cells.push({ what: `node ${r[0]} total inflow volume`, ours: o.totalInflowVol, ref: num(r[7]), rel: 0.01, abs: 0.0015 });
    cells.push({ what: `node ${r[0]} max total inflow`, ours: o.maxTotalInflow, ref: num(r[3]), rel: 0.02, abs: 0.011 });
  }
  const surch = byId(sum.nodeSurcharge);
  for (const r of ref.tables['Node Surcharge Summary']?.rows ?? []) {
    const o = surch.get(String(r[0]));
    cells.push({ what: `node ${r[0]} hours surcharged`, ours: o ? o.hoursSurcharged : 0, ref: num(r[2]), rel: 0.05, abs: 0.011 });
  }
  const flood = byId(sum.nodeFlooding.rows);
  const floodRows = ref.tables['Node Flooding Summary']?.rows ?? [];
  let floodMax = 0;
  for (const r of floodRows) floodMax = Math.max(floodMax, num(r[5]));
  for (const r of floodRows) {
    const o = flood.get(String(r[0]));
    cells.push({ what: `node ${r[0]} flood volume`, ours: o ? o.totalFloodVol : 0, ref: num(r[5]), rel: 0.02, abs: Math.max(0.01 * floodMax, 0.0015) });
    cells.push({ what: `node ${r[0]} hours flooded`, ours: o ? o.hoursFlooded : 0, ref: num(r[1]), rel: 0.05, abs: 0.011 });
  }
  const stor = byId(sum.storageVolume);
  for (const r of ref.tables['Storage Volume Summary']?.rows ?? []) {
    const o = stor.get(String(r[0]));
    if (!o) continue;
    cells.push({ what: `storage ${r[0]} avg volume`, ours: o.avgVolume, ref: num(r[1]), rel: 0.01, abs: 0.0015 });
    cells.push({ what: `storage ${r[0]} max volume`, ours: o.maxVolume, ref: num(r[5]), rel: 0.01, abs: 0.0015 });
    cells.push({ what: `storage ${r[0]} max outflow`, ours: o.maxOutflow, ref: num(r[9]), rel: 0.02, abs: 0.011 });
  }
  const outf = byId(sum.outfallLoading.rows);
  for (const r of ref.tables['Outfall Loading Summary']?.rows ?? []) {
    const o = outf.get(String(r[0]));
    if (!o) continue;
    cells.push({ what: `outfall ${r[0]} volume`, ours: o.totalVolume, ref: num(r[4]), rel: 0.01, abs: 0.0015 });
    cells.push({ what: `outfall ${r[0]} max flow`, ours: o.maxFlow, ref: num(r[3]), rel: 0.02, abs: 0.011 });
  }
  // ---- links
  const links = byId(sum.linkFlow);
  for (const r of ref.tables['Link Flow Summary']?.rows ?? []) {
    const o = links.get(String(r[0]));
    if (o) cells.push({ what: `link ${r[0]} max flow`, ours: o.maxFlow, ref: num(r[2]), rel: 0.02, abs: 0.011 });
  }
  const csurch = byId(sum.conduitSurcharge);
  for (const r of ref.tables['Conduit Surcharge Summary']?.rows ?? []) {
    const o = csurch.get(String(r[0]));
    const names = ['both ends', 'upstream', 'dnstream', 'above full flow', 'capacity limited'];
    const vals = o ? [o.hoursFullBothEnds, o.hoursFullUpstream, o.hoursFullDnstream, o.hoursAboveFullNormalFlow, o.hoursCapacityLimited] : [0, 0, 0, 0, 0];
    for (let m = 0; m < 5; m++) cells.push({ what: `conduit ${r[0]} hours full ${names[m]}`, ours: vals[m]!, ref: num(r[m + 1]), rel: 0.05, abs: 0.011 });
  }
  const pumps = byId(sum.pumping);
  for (const r of ref.tables['Pumping Summary']?.rows ?? []) {
    const o = pumps.get(String(r[0]));
    if (!o) continue;
    cells.push({ what: `pump ${r[0]} volume`, ours: o.totalVolume, ref: num(r[6]), rel: 0.01, abs: 0.0015 });
    cells.push({ what: `pump ${r[0]} % utilized`, ours: o.pctUtilized, ref: num(r[1]), rel: 0.02, abs: 0.1 });
    cells.push({ what: `pump ${r[0]} energy`, ours: o.powerUsageKwh, ref: num(r[7]), rel: 0.02, abs: 0.011 });
  }
  // ---- flow classification (fractions of time, printed with 2 decimals)
  const fc = byId(dws.flowClassification);
  for (const r of ref.tables['Flow Classification Summary']?.rows ?? []) {
    const o = fc.get(String(r[0]));
    if (!o) continue;
    const vals = [o.dry, o.upDry, o.downDry, o.subCrit, o.supCrit, o.upCrit, o.downCrit, o.normLtd, o.inletCtrl];
    const names = ['dry', 'up dry', 'down dry', 'sub crit', 'sup crit', 'up crit', 'down crit', 'norm ltd', 'inlet ctrl'];
    for (let m = 0; m < 9; m++) cells.push({ what: `conduit ${r[0]} fraction ${names[m]}`, ours: vals[m]!, ref: num(r[m + 2]), rel: 0, abs: 0.05 });
  }
  // ---- routing time-step summary and Courant-critical elements (text blocks)
  const rts = ref.text['Routing Time Step Summary'] ?? [];
  const val = (prefix: string): number | null => {
    const l = rts.find((x) => x.startsWith(prefix));
    return l ? Number(l.split(':')[1]!.replace('sec', '').trim()) : null;
  };
  const rs = sum.routingSteps;
  const stepChecks: [string, number][] = [['Average Time Step', rs.avgStepSec], ['Maximum Time Step', rs.maxStepSec],
    ['Average Iterations per Step', rs.avgIterations], ['% of Steps Not Converging', rs.pctNotConverging]];
  for (const [name, ours] of stepChecks) {
    const r = val(name);
    if (r !== null) cells.push({ what: `routing steps ${name}`, ours, ref: r, rel: 0.01, abs: 0.1 });
  }
  const freq = rts.slice(rts.indexOf('Time Step Frequencies       :') + 1).filter((l) => l.includes('sec'));
  if (rts.includes('Time Step Frequencies       :')) {
    for (let b = 0; b < freq.length; b++) {
      const pct = Number(freq[b]!.split(':')[1]!.replace('%', '').trim());
      cells.push({ what: `time step frequency bin ${b + 1}`, ours: dws.stepFrequencies?.[b]?.pct ?? NaN, ref: pct, rel: 0, abs: 1 });
    }
  }
  for (const l of ref.text['Time-Step Critical Elements'] ?? []) {
    const m = /^(Node|Link) (\S+) \(([\d.]+)%\)$/.exec(l.trim());
    if (!m) continue;
    const o = dws.timeStepCritical.find((x) => x.kind === m[1] && x.id === m[2]);
    cells.push({ what: `time-step critical ${m[1]} ${m[2]} %`, ours: o ? o.value : 0, ref: Number(m[3]), rel: 0, abs: 2 });
  }

  // ---- series at the reporting times
  const net = run.net;
  const lcsv = refCsv(id, 'links');
  if (lcsv) {
    for (let c2 = 0; c2 < lcsv.columns.length; c2++) {
      const j = net.linkNames.indexOf(lcsv.columns[c2]!);
      if (j < 0) continue;
      cells.push(seriesCell(`link ${lcsv.columns[c2]} flow series`, run.linkFlows.map((v) => v[j]!), lcsv.values.map((v) => v[c2]!), 0.02));
    }
  }
  const ocsv = refCsv(id, 'outfalls');
  if (ocsv) {
    for (let c2 = 0; c2 < ocsv.columns.length; c2++) {
      const i = net.nodeNames.indexOf(ocsv.columns[c2]!);
      if (i < 0) continue;
      cells.push(seriesCell(`outfall ${ocsv.columns[c2]} inflow series`, run.nodeInflows.map((v) => v[i]!), ocsv.values.map((v) => v[c2]!), 0.02));
    }
  }
  return cells;
}


/** The Simulation internals a parity test reads (private in TypeScript, plain properties at run time). */
interface SimInternals {
  routing: Routing | null;
  net: Network | null;
  nodeVals: Float32Array;
  linkVals: Float32Array;
  clock: { reportMs: number };
  errors: EngineError[];
}

export interface FullRun {
  routing: Routing;
  series: DwSeries;
  errors: EngineError[];
}

function snapshot(sim: SimInternals, out: DwSeries): void {
  const net = sim.net!;
  const lf = new Float64Array(net.nLinks);
  for (let j = 0; j < lf.length; j++) lf[j] = sim.linkVals[LINK_VARS * j + LINK_FLOW]!;
  const ni = new Float64Array(net.nNodes);
  for (let i = 0; i < ni.length; i++) ni[i] = sim.nodeVals[NODE_VARS * i + NODE_INFLOW]!;
  out.linkFlows.push(lf);
  out.nodeInflows.push(ni);
}

/**
 * Run a reference model through the full main loop, collecting report-time series.
 * Returns null while simulation.ts refuses FLOW_ROUTING DYNWAVE (error 901).
 */
export function runFullModel(id: string): FullRun | null {
  const dir = path.join(REF_DIR, id);
  const names = readdirSync(dir);
  const file = names.includes(`${id}_ref.inp`) ? `${id}_ref.inp` : `${id}.inp`;
  const files: Record<string, string> = {};
  for (const f of names) if (f.endsWith('.dat') || f.endsWith('.txt')) files[f] = readFileSync(path.join(dir, f), 'latin1');
  const sim = Simulation.open(readFileSync(path.join(dir, file), 'utf8'), { files, fileName: file });
  const s = sim as unknown as SimInternals;
  if (!sim.ok && s.errors.some((e) => e.code === 901)) return null;
  if (!sim.ok || !s.routing || !s.net) return { routing: s.routing!, series: { net: s.net!, linkFlows: [], nodeInflows: [] }, errors: s.errors };
  const series: DwSeries = { net: s.net, linkFlows: [], nodeInflows: [] };
  // A reporting period is written inside step() when the report clock moves on.
  let reportMs = s.clock.reportMs;
  while (sim.step()) {
    if (s.clock.reportMs !== reportMs) {
      reportMs = s.clock.reportMs;
      snapshot(s, series);
    }
  }
  if (s.clock.reportMs !== reportMs) snapshot(s, series);
  return { routing: s.routing, series, errors: s.errors };
}
