// Parity with EPA SWMM 5.2.4 on every reference model the engine can run today. Each model's
// report tables are compared cell by cell (compare.ts); the printed table lists every model
// with its worst cell, and models needing physics that is not in the engine yet say so.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runModel, readOut } from '../../src/index.js';
import { compareReports, type ModelComparison } from './compare.js';
import { parseReport } from './rpt-parse.js';
import { dataFiles, loadIndex, missingPhysics, readCsv, readRef, referenceAvailable, type ReferenceModel } from './reference.js';

const TABLES = [
  'Runoff Quantity Continuity',
  'Flow Routing Continuity',
  'Subcatchment Runoff Summary',
  'Node Depth Summary',
  'Node Inflow Summary',
  'Node Flooding Summary',
  'Node Surcharge Summary',
  'Conduit Surcharge Summary',
  'Outfall Loading Summary',
  'Link Flow Summary',
  'Street Flow Summary',
  'Storage Volume Summary',
  'Pumping Summary',
  'LID Performance Summary',
  'Groundwater Continuity',
  'Groundwater Summary',
  'Runoff Quality Continuity',
  'Quality Routing Continuity',
  'Subcatchment Washoff Summary',
  'Link Pollutant Load Summary',
];

interface Row {
  id: string;
  status: string;
  cells: number;
  worst: string;
}

/**
 * Cells where a model is known to differ beyond tolerance, with the reason. They are printed and
 * counted, never hidden: a failing cell not listed here fails the suite, and a listed one that
 * starts to pass is reported so the entry can be removed.
 */
const KNOWN_DEVIATIONS: Record<string, { reason: string; cells: string[] }> = {
  greenville_all_features_si: {
    reason:
      'dynamic-wave start-up and low-flow differences in a few small links (runoff, snow, groundwater, RDII and every ' +
      'continuity table match SWMM); see docs/known-deviations.md',
    cells: [
      // A 1-LPS spike at the first routing steps while node 348 is nearly dry (ours 30.55, SWMM 38.96 LPS).
      'Link Flow Summary / 348OF / max |flow|',
      // 5.21 vs 5.01 m³ accumulated through a wide, mostly dry irregular channel with a flap gate (R74).
      'Node Inflow Summary / 83 / total inflow volume',
    ],
  },
};

const available = referenceAvailable();
if (!available) console.log('parity: ../shared/swmm-reference not found — SWMM parity tests skipped.');

describe.runIf(available)('parity with EPA SWMM 5.2.4', () => {
  const models = available ? loadIndex() : [];
  const rows: Row[] = [];
  const results = new Map<string, { cmp: ModelComparison; out: Uint8Array; ok: boolean; errors: string }>();

  for (const m of models) {
    const missing = missingPhysics(m);
    if (missing.length > 0) {
      rows.push({ id: m.id, status: `out of scope (needs ${missing.join(', ')})`, cells: 0, worst: '' });
      continue;
    }
    it(`${m.id}`, () => {
      const res = runModel(readRef(m.run_inp, 'latin1'), { inpName: basename(m.run_inp), files: dataFiles(m) });
      const errors = res.errors.map((e) => `${e.code}: ${e.message}`).join('; ');
      expect(errors).toBe('');
      const cmp = compareReports(parseReport(res.report), parseReport(readRef(m.rpt, 'latin1')), TABLES);
      results.set(m.id, { cmp, out: res.output, ok: res.ok, errors });
      const w = cmp.worst;
      rows.push({
        id: m.id,
        status: cmp.failures.length === 0 ? 'pass' : `FAIL (${cmp.failures.length} cells)`,
        cells: cmp.cells,
        worst: w ? `${w.where}: ours ${w.ours} ref ${w.ref} (${(w.ratio * 100).toFixed(0)}% of tolerance)` : '',
      });
      if (cmp.failures.length > 0) {
        console.log(`${m.id} failures:\n` + cmp.failures.slice(0, 15).map((f) => `  ${f.where}: ours ${f.ours} ref ${f.ref}`).join('\n'));
      }
      const known = KNOWN_DEVIATIONS[m.id];
      const unexpected = cmp.failures.filter((f) => !known?.cells.includes(f.where));
      if (known && cmp.failures.length > 0) rows[rows.length - 1]!.status = `known deviation (${cmp.failures.length} cells)`;
      if (known) console.log(`${m.id}: ${cmp.failures.length} known deviating cells — ${known.reason}`);
      expect(unexpected.map((f) => f.where)).toEqual([]);
      checkBinaryOutput(m, res.output, res.report);
      const series = compareSeries(m, res.output);
      if (series.length > 0) console.log(`${m.id} series mismatches:\n  ` + series.slice(0, 10).join('\n  '));
      expect(series).toEqual([]);
    });
  }

  it('prints the parity table', () => {
    rows.sort((a, b) => a.id.localeCompare(b.id));
    const lines = rows.map((r) => `${r.id.padEnd(28)} ${r.status.padEnd(22)} ${String(r.cells).padStart(5)}  ${r.worst}`);
    console.log(`\nParity with EPA SWMM 5.2.4 (${rows.length} models)\n` + lines.join('\n'));
    expect(rows.length).toBe(models.length);
  });
});

/** Our .out, read back by our reader, must agree with our .rpt on what both hold. */
function checkBinaryOutput(m: ReferenceModel, bytes: Uint8Array, report: string): void {
  const out = readOut(bytes);
  const rpt = parseReport(report);
  expect(out.nPeriods).toBe(m.n_periods);
  expect(out.reportStepSec).toBe(m.report_step_s);
  // Reported node depths never exceed the report's maximum (the report's maxima are over routing steps).
  const depthTable = rpt.tables['Node Depth Summary'];
  if (depthTable && out.ids.nodes.length > 0) {
    for (let k = 0; k < out.ids.nodes.length; k++) {
      const row = depthTable.rows.find((r) => String(r[0]).toUpperCase() === out.ids.nodes[k]!.toUpperCase());
      if (!row) continue;
      const series = out.getSeries('node', k, 0);
      let mx = 0;
      for (const v of series) mx = Math.max(mx, v);
      // "Reported Max Depth" is the max of the depths written at reporting times: equal to ours.
      expect(Math.abs(mx - (row[7] as number))).toBeLessThanOrEqual(0.006);
    }
  }
}

const SERIES_KINDS: { csv: string; kind: 'system' | 'node' | 'link' | 'subcatchment'; variable: number }[] = [
  { csv: 'subcatchments', kind: 'subcatchment', variable: 4 },
  { csv: 'outfalls', kind: 'node', variable: 4 },
  { csv: 'links', kind: 'link', variable: 0 },
  { csv: 'system', kind: 'system', variable: -1 },
  // Columns "node:pollutant"; the variable is the first pollutant slot of a node (6), plus the pollutant index.
  { csv: 'outfalls_quality', kind: 'node', variable: 6 },
];

/**
 * Our .out series against the series SWMM wrote to its own .out (the reference CSVs):
 * per column, the volume (sum over periods) within 1 % and the peak within 2 %, each with
 * an allowance of 0.1 % of the series peak for single-precision noise.
 */
function compareSeries(m: ReferenceModel, bytes: Uint8Array): string[] {
  const out = readOut(bytes);
  const problems: string[] = [];
  for (const sk of SERIES_KINDS) {
    const spec = m.csv[sk.csv];
    if (!spec) continue;
    const ref = readCsv(spec.file);
    if (ref.times.length !== out.nPeriods) {
      problems.push(`${sk.csv}: ${out.nPeriods} periods, SWMM ${ref.times.length}`);
      continue;
    }
    const ids = sk.kind === 'subcatchment' ? out.ids.subcatchments : sk.kind === 'node' ? out.ids.nodes : sk.kind === 'link' ? out.ids.links : [];
    ref.columns.forEach((col, c) => {
      let ours: Float32Array;
      if (sk.kind === 'system') ours = out.getSeries('system', 0, c);
      else {
        // Quality columns are "node:pollutant" (names may hold ':' themselves, so split at the last one).
        const cut = sk.csv === 'outfalls_quality' ? col.lastIndexOf(':') : -1;
        const id = cut >= 0 ? col.slice(0, cut) : col;
        const pollutant = cut >= 0 ? col.slice(cut + 1) : undefined;
        const k = ids.findIndex((x) => x.toUpperCase() === id.toUpperCase());
        const pi = pollutant === undefined ? 0 : out.ids.pollutants.findIndex((x) => x.toUpperCase() === pollutant.toUpperCase());
        if (k < 0 || pi < 0) {
          problems.push(`${sk.csv}: ${col} not in our output`);
          return;
        }
        ours = out.getSeries(sk.kind, k, sk.variable + pi);
      }
      const r = ref.values[c]!;
      let sumO = 0, sumR = 0, maxO = 0, maxR = 0;
      for (let i = 0; i < r.length; i++) {
        sumO += ours[i]!;
        sumR += r[i]!;
        maxO = Math.max(maxO, Math.abs(ours[i]!));
        maxR = Math.max(maxR, Math.abs(r[i]!));
      }
      const noise = 0.001 * Math.max(maxR, maxO) + 1e-9;
      if (Math.abs(sumO - sumR) > 0.01 * Math.abs(sumR) + noise * r.length) problems.push(`${sk.csv} ${col}: volume ${sumO.toPrecision(6)} vs SWMM ${sumR.toPrecision(6)}`);
      // A pump's flow sampled at reporting times depends on where its on/off cycle falls; its true peak
      // is judged in the Pumping and Link Flow summaries, so only its volume is judged here.
      const switched = sk.kind === 'link' && (spec as { link_types?: string[] }).link_types?.[c] === 'PUMP';
      if (!switched && Math.abs(maxO - maxR) > 0.02 * maxR + noise) problems.push(`${sk.csv} ${col}: peak ${maxO.toPrecision(6)} vs SWMM ${maxR.toPrecision(6)}`);
    });
  }
  return problems;
}
