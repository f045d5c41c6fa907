// Runoff-side parity with EPA SWMM 5.2.4 (../shared/swmm-reference): every reference model
// whose runoff needs only the physics built so far (no LID, groundwater or snow) is run
// through the runoff-only driver and compared with SWMM's Runoff Quantity Continuity table,
// Subcatchment Runoff Summary and the subcatchment / system time series.
//
// Tolerances (issue targets): continuity rows 0.5 %, per-subcatchment depths and volumes
// 1 %, peaks 2 % — each widened to half a unit of the last digit SWMM printed, since the
// report rounds (e.g. 0.06 × 10⁶ gal). Series: max |Δ| ≤ 0.1 % of the series peak.
import { afterAll, describe, expect, it } from 'vitest';
import type { RainRecords } from '../../src/hydrology/climate.js';
import { runRunoffOnly, type RunoffOnlyResult } from '../../src/hydrology/runoff-driver.js';
import { OUT_SUB_RUNOFF, OUT_SYS_EVAP, OUT_SYS_INFIL, OUT_SYS_PET, OUT_SYS_RAINFALL, OUT_SYS_RUNOFF, SUBCATCH_OUT_VARS } from '../../src/hydrology/runoff.js';
import { parseInp } from '../../src/input/index.js';
import type { Model } from '../../src/model/types.js';
import { loadIndex, readCsv, readRef, referenceAvailable, type ReferenceModel } from '../parity/reference.js';
import { readDsi3240Spaced, readNcdcOnlineHourly } from './ncdc-records.js';

const EXCLUDED = ['lid', 'groundwater', 'snowmelt'];

interface RptJson {
  continuity: Record<string, { rows: Record<string, number[]> } | undefined>;
  tables: Record<string, { rows: (string | number)[][] } | undefined>;
}

/** |mine − ref| within a relative tolerance, or half a unit of the printed last digit. */
function within(mine: number, ref: number, rel: number, halfUnit: number): boolean {
  return Math.abs(mine - ref) <= Math.max(rel * Math.abs(ref), halfUnit + 1e-9);
}

/** Rain-file records for a FILE gage from the injected reference file (test-local readers). */
function rainRecords(model: Model, m: ReferenceModel): Record<string, RainRecords> {
  const out: Record<string, RainRecords> = {};
  for (const g of model.gages) {
    if (g.source.kind !== 'FILE') continue;
    const base = g.source.file.replace(/^.*[\\/]/, '');
    const text = readRef(`${m.dir}/${base}`, 'latin1');
    out[g.name] = text.includes('COOP:') ? readNcdcOnlineHourly(text) : readDsi3240Spaced(text, g.source.station);
  }
  return out;
}

interface Row {
  id: string;
  cePct: string;
  worstContinuity: string;
  worstSummary: string;
  seriesMaxRel: string;
  ok: boolean;
}
const table: Row[] = [];

const models = referenceAvailable()
  ? loadIndex().filter((m) => m.features.includes('runoff') && !m.features.some((f) => EXCLUDED.includes(f)))
  : [];
if (!referenceAvailable()) console.log('runoff parity: ../shared/swmm-reference not found — skipping reference comparisons');

describe.skipIf(models.length === 0)('runoff parity with SWMM 5.2.4', () => {
  afterAll(() => {
    const lines = table.map((r) =>
      `${r.ok ? 'pass' : 'FAIL'}  ${r.id.padEnd(28)} CE ${r.cePct.padEnd(16)} continuity ${r.worstContinuity.padEnd(34)} summary ${r.worstSummary.padEnd(44)} series ${r.seriesMaxRel}`);
    console.log(`Runoff parity (${table.length} models; worst cell as |Δ|/tolerance)\n${lines.join('\n')}`);
  });

  it.each(models.map((m) => [m.id, m] as const))('%s', (id, m) => {
    const parsed = parseInp(readRef(m.run_inp, 'latin1'), { fileName: `${id}.inp`, externalFiles: 'ignore' });
    expect(parsed.errors).toEqual([]);
    const model = parsed.model!;
    const res: RunoffOnlyResult = runRunoffOnly(model, { rainRecordsByGage: rainRecords(model, m), collectSeries: true });
    expect(res.driver.cl.errors).toEqual([]);
    expect(res.driver.ro.errors).toEqual([]);
    const ref = JSON.parse(readRef(m.rpt_json)) as RptJson;
    const problems: string[] = [];

    // ---- Runoff Quantity Continuity (volume column, acre-ft / ha-m, 3 decimals)
    const rows = ref.continuity['Runoff Quantity Continuity']!.rows;
    const c = res.continuity;
    const mine: Record<string, number> = {
      'Total Precipitation': c.totalPrecipitation.volume,
      'Evaporation Loss': c.evaporationLoss.volume,
      'Infiltration Loss': c.infiltrationLoss.volume,
      'Surface Runoff': c.surfaceRunoff.volume,
      'Final Storage': c.finalStorage.volume,
    };
    let worstC = 0;
    let worstCName = '';
    for (const [name, v] of Object.entries(mine)) {
      const r = rows[name]![0]!;
      const tol = Math.max(0.005 * Math.abs(r), 0.0005 + 1e-9);
      const ratio = Math.abs(v - r) / tol;
      if (ratio > worstC) [worstC, worstCName] = [ratio, `${name} ${v.toFixed(4)}/${r}`];
      if (ratio > 1) problems.push(`continuity ${name}: ${v} vs ${r}`);
    }
    const ceRef = rows['Continuity Error (%)']![0]!;
    if (Math.abs(c.continuityErrorPct - ceRef) > 0.0051) problems.push(`continuity error ${c.continuityErrorPct} vs ${ceRef}`);

    // ---- Subcatchment Runoff Summary (depths 2 decimals, 10^6 gal 2 decimals, peak 2, coeff 3)
    const sum = ref.tables['Subcatchment Runoff Summary']!.rows;
    expect(sum.length).toBe(res.summary.length);
    let worstS = 0;
    let worstSName = '';
    const cols = ['precip', 'runon', 'evap', 'infil', 'imperv', 'perv', 'runoff depth', 'runoff volume', 'peak', 'coeff'];
    res.summary.forEach((s, j) => {
      const r = sum[j]!;
      expect(String(r[0])).toBe(s.name);
      const v = [s.totalPrecip, s.totalRunon, s.totalEvap, s.totalInfil, s.impervRunoff, s.pervRunoff, s.totalRunoffDepth, s.totalRunoffVolume, s.peakRunoff, s.runoffCoeff];
      for (let k = 0; k < v.length; k++) {
        const rv = Number(r[k + 1]);
        const rel = k === 8 ? 0.02 : k === 9 ? 0 : 0.01;
        const half = k === 9 ? 0.0005 : 0.005;
        const tol = Math.max(rel * Math.abs(rv), half + 1e-9);
        const ratio = Math.abs(v[k]! - rv) / tol;
        if (ratio > worstS) [worstS, worstSName] = [ratio, `${s.name} ${cols[k]} ${v[k]!.toFixed(4)}/${rv}`];
        if (!within(v[k]!, rv, rel, half)) problems.push(`summary ${s.name} ${cols[k]}: ${v[k]} vs ${rv}`);
      }
    });

    // ---- time series at reporting times
    let worstSeries = 0;
    const nameIndex = new Map(res.driver.ro.names.map((nm, j) => [nm.toLowerCase(), j] as const));
    const subCsv = readCsv(m.csv['subcatchments']!.file);
    expect(res.subSeries.length).toBe(subCsv.times.length);
    subCsv.columns.forEach((col, ci) => {
      const j = nameIndex.get(col.toLowerCase())!;
      const refVals = subCsv.values[ci]!;
      const peak = Math.max(...refVals.map(Math.abs), 1e-12);
      let maxd = 0;
      refVals.forEach((rv, p) => {
        maxd = Math.max(maxd, Math.abs(res.subSeries[p]![SUBCATCH_OUT_VARS * j + OUT_SUB_RUNOFF]! - rv));
      });
      worstSeries = Math.max(worstSeries, maxd / peak);
      if (maxd > 0.001 * peak) problems.push(`runoff series ${col}: max |Δ| ${maxd} (peak ${peak})`);
    });
    const sysCsv = readCsv(m.csv['system']!.file);
    // The reported infiltration is the latest runoff step's rate; which step is "latest" at a
    // reporting time depends on the routing clock (DW variable steps overshoot it), so it is
    // compared only where routing steps end exactly on reporting times.
    const sysVars: [string, number][] = [['rainfall', OUT_SYS_RAINFALL], ['runoff', OUT_SYS_RUNOFF], ['evap_rate', OUT_SYS_EVAP], ['pet', OUT_SYS_PET]];
    if (m.routing !== 'DYNWAVE') sysVars.push(['infil_loss', OUT_SYS_INFIL]);
    for (const [col, k] of sysVars) {
      const refVals = sysCsv.values[sysCsv.columns.indexOf(col)]!;
      const peak = Math.max(...refVals.map(Math.abs));
      let maxd = 0;
      refVals.forEach((rv, p) => {
        maxd = Math.max(maxd, Math.abs(res.sysSeries[p]![k]! - rv));
      });
      if (peak > 0) worstSeries = Math.max(worstSeries, maxd / peak);
      if (maxd > 0.001 * peak + 1e-7) problems.push(`system ${col}: max |Δ| ${maxd} (peak ${peak})`);
    }

    table.push({
      id,
      cePct: `${c.continuityErrorPct.toFixed(3)}/${ceRef.toFixed(3)}`,
      worstContinuity: `${worstC.toFixed(2)} ${worstCName}`,
      worstSummary: `${worstS.toFixed(2)} ${worstSName}`,
      seriesMaxRel: worstSeries.toExponential(1),
      ok: problems.length === 0,
    });
    expect(problems).toEqual([]);
  });
});
