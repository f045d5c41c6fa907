// Test driver: SWMM's runoff part of the main loop (routing clock emulated, no hydraulics)
// with LID units attached — what simulation.ts will do, for validating LIDs before it exists.
import type { RainRecords } from '../../src/hydrology/climate.js';
import { type AttachLidsResult, attachLids, lidSaveReportPeriod } from '../../src/hydrology/lid.js';
import { createRunoffDriver, type RunoffDriver, runoffCatchUp, runoffWeight } from '../../src/hydrology/runoff-driver.js';
import {
  runoffContinuity, runoffReportValues, runoffSubcatchSummary, type RunoffContinuity, SUBCATCH_OUT_VARS,
  type SubcatchRunoffSummaryRow,
} from '../../src/hydrology/runoff.js';
import { readRainFile } from '../../src/input/index.js';
import type { Model } from '../../src/model/types.js';
import { unitFactors } from '../../src/model/units.js';
import { dateOfElapsedMs } from '../../src/time/datetime.js';

export interface LidRunResult {
  driver: RunoffDriver;
  lid: AttachLidsResult;
  continuity: RunoffContinuity;
  summary: SubcatchRunoffSummaryRow[];
  periodDates: number[];
  subSeries: Float32Array[];
  sysSeries: Float32Array[];
}

/** Rain-file records of every FILE gage from injected file texts (keyed by base name). */
export function rainRecordsFromFiles(model: Model, files: Record<string, string>): Record<string, RainRecords> {
  const out: Record<string, RainRecords> = {};
  for (const g of model.gages) {
    if (g.source.kind !== 'FILE') continue;
    const base = g.source.file.replace(/^.*[\\/]/, '');
    const text = files[base];
    if (text === undefined) continue;
    const r = readRainFile(text, g);
    if (!r.data) throw new Error(`rain file ${base}: ${r.errors.map((e) => e.message).join('; ')}`);
    out[g.name] = { intervalS: r.data.intervalS, dates: r.data.times, depthsIn: r.data.depthsIn };
  }
  return out;
}

export function runWithLids(
  model: Model,
  opts: { rainRecordsByGage?: Record<string, RainRecords>; collectSeries?: boolean; titleLine?: string; routingStepS?: number } = {},
): LidRunResult {
  const uf = unitFactors(model.options.flowUnits);
  const nodeIndex = new Map(model.nodes.map((nd, i) => [nd.name.toLowerCase(), i] as const));
  const subIndex = new Map(model.subcatchments.map((s, i) => [s.name.toLowerCase(), i] as const));
  const nodeLookup = (name: string): number => nodeIndex.get(name.toLowerCase()) ?? -1;
  const subLookup = (name: string): number => subIndex.get(name.toLowerCase()) ?? -1;
  const drv = createRunoffDriver(model, uf, nodeLookup, opts.rainRecordsByGage);
  const lidOpts: Parameters<typeof attachLids>[5] = {};
  if (opts.titleLine !== undefined) lidOpts.titleLine = opts.titleLine;
  const lid = attachLids(model, drv.ro, uf, nodeLookup, subLookup, lidOpts);
  const o = model.options;
  const total = drv.totalDurationMs;
  const reportStepS = Math.min(o.reportStepS, total / 1000);
  const routes = model.nodes.length > 0 && !o.ignoreRouting && o.routing !== 'NONE';
  const routingStepS = opts.routingStepS ?? (routes ? Math.min(o.routingStepS, drv.wetStepS) : Math.min(drv.wetStepS, reportStepS));
  const res: LidRunResult = { driver: drv, lid, continuity: runoffContinuity(drv.ro), summary: [], periodDates: [], subSeries: [], sysSeries: [] };
  const subOut = new Float32Array(SUBCATCH_OUT_VARS * drv.ro.n);
  const sysOut = new Float32Array(15);
  let routingMs = 0;
  let reportMs = 1000 * reportStepS;
  while (routingMs < total) {
    let next = routingMs + 1000 * routingStepS;
    if (next > total) next = total;
    runoffCatchUp(drv, next, routingMs);
    routingMs = next;
    if (routingMs >= reportMs) {
      const date = dateOfElapsedMs(drv.startDateTime, reportMs);
      if (date >= o.reportStartDateTime && drv.doRunoff) {
        runoffReportValues(drv.ro, drv.cl, date, runoffWeight(drv, reportMs), subOut, sysOut);
        if (lid.state) lidSaveReportPeriod(lid.state, date);
        res.periodDates.push(date);
        if (opts.collectSeries) {
          res.subSeries.push(subOut.slice());
          res.sysSeries.push(sysOut.slice());
        }
      }
      reportMs += 1000 * reportStepS;
    }
  }
  res.continuity = runoffContinuity(drv.ro);
  res.summary = runoffSubcatchSummary(drv.ro);
  return res;
}

/** The first [TITLE] line as written (SWMM prints it verbatim in detailed report files). */
export function rawTitleLine(inp: string): string {
  const lines = inp.split(/\r?\n/);
  const at = lines.findIndex((l) => l.trim().toUpperCase() === '[TITLE]');
  if (at < 0) return '';
  const first = lines.slice(at + 1).find((l) => !l.trim().startsWith(';'));
  return first === undefined || first.trim().startsWith('[') ? '' : first;
}
