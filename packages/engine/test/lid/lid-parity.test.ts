// LID parity with EPA SWMM 5.2.4 (../shared/swmm-reference): every reference model with LIDs
// whose runoff side needs only the physics built so far (no groundwater, snow) runs through
// the runoff-only loop with its LID units attached (its routing does not feed back into runoff:
// subcatchments drain to outfalls or to routed nodes that never return water to them).
//
// Compared, with the tolerances (each widened to half a unit of the last printed digit):
// - LID Performance Summary: cells within 1 % or 1 % of the row's largest term; continuity
//   error within 0.05 percentage points;
// - Runoff Quantity Continuity: rows within 0.5 % of the table's largest term;
// - Subcatchment Runoff Summary: 1 % (peaks 2 %);
// - detailed LID report files: identical text;
// - subcatchment runoff series (surface runoff + LID drain): max |Δ| ≤ 0.1 % of the peak (the
//   emulated routing clock uses ROUTING_STEP; SWMM's variable dynamic-wave steps could move the
//   runoff interpolation point, but on these models they do not).
import { afterAll, describe, expect, it } from 'vitest';
import { lidPerformanceSummary, lidReportFileTexts } from '../../src/hydrology/lid.js';
import { OUT_SUB_RUNOFF, SUBCATCH_OUT_VARS } from '../../src/hydrology/runoff.js';
import { parseInp } from '../../src/input/index.js';
import { dataFiles, loadIndex, readCsv, readRef, referenceAvailable, type ReferenceModel } from '../parity/reference.js';
import { rainRecordsFromFiles, rawTitleLine, runWithLids } from './run-lid.js';

/** Reference models with LIDs whose runoff side is in scope. */
const LID_PARITY_MODELS = [
  'nrt_porous_pavement', 'epa_lid_model', 'swc13_green_roofs_3yr', 'swc17_all_lids_3yr',
  'lid_green_roof_w_wo', 'lid_rain_garden_w_wo', 'nrt_bioretention',
];

interface RptJson {
  continuity: Record<string, { rows: Record<string, number[]> } | undefined>;
  tables: Record<string, { rows: (string | number)[][] } | undefined>;
}

interface Row {
  id: string;
  lid: string;
  continuity: string;
  summary: string;
  files: string;
  series: string;
  ok: boolean;
}
const table: Row[] = [];

const index = referenceAvailable() ? loadIndex() : [];
const models = LID_PARITY_MODELS.map((id) => index.find((m) => m.id === id)).filter((m): m is ReferenceModel => !!m);
if (!referenceAvailable()) console.log('LID parity: ../shared/swmm-reference not found — skipping reference comparisons');

describe.skipIf(models.length === 0)('LID parity with SWMM 5.2.4', () => {
  afterAll(() => {
    const lines = table.map((r) =>
      `${r.ok ? 'pass' : 'FAIL'}  ${r.id.padEnd(24)} LID ${r.lid.padEnd(40)} continuity ${r.continuity.padEnd(36)} summary ${r.summary.padEnd(40)} files ${r.files.padEnd(14)} series ${r.series}`);
    console.log(`LID parity (${table.length} models; worst cell as |Δ|/tolerance, mine/ref)\n${lines.join('\n')}`);
  });

  it.each(models.map((m) => [m.id, m] as const))('%s', (id, m) => {
    const text = readRef(m.run_inp, 'latin1');
    const parsed = parseInp(text, { fileName: `${id}.inp`, externalFiles: 'ignore' });
    expect(parsed.errors).toEqual([]);
    const model = parsed.model!;
    const res = runWithLids(model, {
      rainRecordsByGage: rainRecordsFromFiles(model, dataFiles(m)), collectSeries: true, titleLine: rawTitleLine(text),
    });
    expect(res.lid.errors).toEqual([]);
    const st = res.lid.state!;
    const ref = JSON.parse(readRef(m.rpt_json)) as RptJson;
    const problems: string[] = [];
    const block: string[] = [`${id}:`];

    // ---- LID Performance Summary
    const perf = lidPerformanceSummary(st, res.driver.ro);
    const refPerf = ref.tables['LID Performance Summary']!.rows;
    expect(perf.length).toBe(refPerf.length);
    let worstL = 0;
    let worstLName = '';
    perf.forEach((r, i) => {
      const rr = refPerf[i]!;
      expect([r.subcatchment, r.lidControl]).toEqual([String(rr[0]), String(rr[1])]);
      const mine = [r.totalInflow, r.evapLoss, r.infilLoss, r.surfaceOutflow, r.drainOutflow, r.initialStorage, r.finalStorage];
      const refs = rr.slice(2, 9).map(Number);
      const largest = Math.max(...refs.map(Math.abs));
      const cols = ['inflow', 'evap', 'infil', 'surface', 'drain', 'initial', 'final'];
      mine.forEach((v, k) => {
        const tol = Math.max(0.01 * Math.abs(refs[k]!), 0.01 * largest, 0.005 + 1e-9);
        const ratio = Math.abs(v - refs[k]!) / tol;
        if (ratio > worstL) [worstL, worstLName] = [ratio, `${r.lidControl} ${cols[k]} ${v.toFixed(3)}/${refs[k]}`];
        if (ratio > 1) problems.push(`LID ${r.subcatchment}/${r.lidControl} ${cols[k]}: ${v} vs ${refs[k]}`);
      });
      const ce = Number(rr[9]);
      if (Math.abs(r.continuityErrorPct - ce) > 0.05) problems.push(`LID ${r.lidControl} continuity error ${r.continuityErrorPct} vs ${ce}`);
      block.push(`  ${r.subcatchment.padEnd(16)} ${r.lidControl.padEnd(22)} ${[...mine, r.continuityErrorPct].map((v) => v.toFixed(2).padStart(8)).join('')}`);
      block.push(`  ${''.padEnd(16)} ${'(SWMM)'.padEnd(22)} ${rr.slice(2).map((v) => Number(v).toFixed(2).padStart(8)).join('')}`);
    });

    // ---- Runoff Quantity Continuity
    const rows = ref.continuity['Runoff Quantity Continuity']!.rows;
    const c = res.continuity;
    const mineC: Record<string, number> = {
      'Initial LID Storage': c.initialLidStorage.volume,
      'Total Precipitation': c.totalPrecipitation.volume,
      'Evaporation Loss': c.evaporationLoss.volume,
      'Infiltration Loss': c.infiltrationLoss.volume,
      'Surface Runoff': c.surfaceRunoff.volume,
      'LID Drainage': c.lidDrainage.volume,
      'Final Storage': c.finalStorage.volume,
    };
    const largestC = Math.max(...Object.entries(rows).filter(([k]) => !k.startsWith('Continuity')).map(([, v]) => Math.abs(v[0]!)));
    let worstC = 0;
    let worstCName = '';
    for (const [name, v] of Object.entries(mineC)) {
      const r = rows[name]?.[0] ?? 0; // rows SWMM leaves out are zero
      const tol = Math.max(0.005 * largestC, 0.0005 + 1e-9);
      const ratio = Math.abs(v - r) / tol;
      if (ratio > worstC) [worstC, worstCName] = [ratio, `${name} ${v.toFixed(4)}/${r}`];
      if (ratio > 1) problems.push(`continuity ${name}: ${v} vs ${r}`);
    }
    const ceRef = rows['Continuity Error (%)']![0]!;
    if (Math.abs(c.continuityErrorPct - ceRef) > 0.0051) problems.push(`continuity error ${c.continuityErrorPct} vs ${ceRef}`);

    // ---- Subcatchment Runoff Summary (rows by name; SWMM lists only subcatchments with area)
    const sum = ref.tables['Subcatchment Runoff Summary']!.rows;
    let worstS = 0;
    let worstSName = '';
    const cols = ['precip', 'runon', 'evap', 'infil', 'imperv', 'perv', 'runoff depth', 'runoff volume', 'peak', 'coeff'];
    for (const r of sum) {
      const s = res.summary.find((x) => x.name === String(r[0]));
      if (!s) {
        problems.push(`summary: no subcatchment ${r[0]}`);
        continue;
      }
      const v = [s.totalPrecip, s.totalRunon, s.totalEvap, s.totalInfil, s.impervRunoff, s.pervRunoff, s.totalRunoffDepth, s.totalRunoffVolume, s.peakRunoff, s.runoffCoeff];
      for (let k = 0; k < v.length; k++) {
        const rv = Number(r[k + 1]);
        const rel = k === 8 ? 0.02 : k === 9 ? 0 : 0.01;
        const half = k === 9 ? 0.0005 : 0.005;
        const tol = Math.max(rel * Math.abs(rv), half + 1e-9);
        const ratio = Math.abs(v[k]! - rv) / tol;
        if (ratio > worstS) [worstS, worstSName] = [ratio, `${s.name} ${cols[k]} ${v[k]!.toFixed(4)}/${rv}`];
        if (ratio > 1) problems.push(`summary ${s.name} ${cols[k]}: ${v[k]} vs ${rv}`);
      }
    }

    // ---- detailed report files
    const texts = lidReportFileTexts(st);
    const refFiles = Object.keys(texts);
    let fileNote = 'none';
    for (const name of refFiles) {
      const refText = readRef(`${m.dir}/${name}`, 'latin1');
      const a = texts[name]!.split('\n');
      const b = refText.split('\n');
      let diff = -1;
      for (let i = 0; i < Math.max(a.length, b.length) && diff < 0; i++) if (a[i] !== b[i]) diff = i;
      fileNote = diff < 0 ? `identical (${b.length})` : `line ${diff + 1} differs`;
      if (diff >= 0) problems.push(`${name} line ${diff + 1}: ${JSON.stringify(a[diff])} vs ${JSON.stringify(b[diff])}`);
    }

    // ---- subcatchment runoff series
    let worstSeries = 0;
    const nameIndex = new Map(res.driver.ro.names.map((nm, j) => [nm.toLowerCase(), j] as const));
    const csv = readCsv(m.csv['subcatchments']!.file);
    expect(res.subSeries.length).toBe(csv.times.length);
    csv.columns.forEach((col, ci) => {
      const j = nameIndex.get(col.toLowerCase())!;
      const refVals = csv.values[ci]!;
      const peak = Math.max(...refVals.map(Math.abs), 1e-12);
      let maxd = 0;
      for (let p = 0; p < refVals.length; p++) maxd = Math.max(maxd, Math.abs(res.subSeries[p]![SUBCATCH_OUT_VARS * j + OUT_SUB_RUNOFF]! - refVals[p]!));
      worstSeries = Math.max(worstSeries, maxd / peak);
      if (maxd > 0.001 * peak) problems.push(`runoff series ${col}: max |Δ| ${maxd} (peak ${peak})`);
    });

    console.log(block.join('\n'));
    table.push({
      id,
      lid: `${worstL.toFixed(2)} ${worstLName}`,
      continuity: `${worstC.toFixed(2)} ${worstCName}`,
      summary: `${worstS.toFixed(2)} ${worstSName}`,
      files: fileNote,
      series: worstSeries.toExponential(1),
      ok: problems.length === 0,
    });
    expect(problems).toEqual([]);
  });
});
