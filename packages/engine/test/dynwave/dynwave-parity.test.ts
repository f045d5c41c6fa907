// Dynamic wave routing against EPA SWMM 5.2.4 (shared/swmm-reference): every routing-only
// reference model that needs DW, structures or control rules is run and its summary tables
// and report-time series compared with SWMM's, with the issue's tolerances:
//   continuity rows within 0.5 % of the largest term; max depths and peak flows 2 %;
//   per-object volumes 1 %; flooded volumes 2 % (or 0.01 of the column's largest value);
//   hours flooded / surcharged 5 %; link and outfall series within 2 % of their peak.
// A table of every model, its worst cell and PASS/FAIL is printed.
import { describe, expect, test } from 'vitest';
import { routingSummary, type RoutingSummary } from '../../src/hydraulics/routing.js';
import { dynwaveSummary, type DynwaveSummary } from '../../src/hydraulics/dynwave-summary.js';
import {
  HAVE_REF, REF_DIR, refJson, refModel, refCsv, runDw, excess, seriesCell, type Cell, type RefJson, type DwRun,
} from './helpers.js';

if (!HAVE_REF) console.log(`dynwave parity: ${REF_DIR} not found — SWMM reference tests skipped`);

/** Structures / methods each model covers (for the printed table). */
const MODELS: { id: string; covers: string }[] = [
  { id: 'epa_culvert', covers: 'culvert inlet control, tabular storage, roadway weir, fixed outfall' },
  { id: 'epa_outlet', covers: 'tabular/functional outlets, dummy conduits, flooding, EXTRAN surcharge' },
  { id: 'extran5_storage_orifice', covers: 'storage, side orifice, EXTRAN surcharge, flooding' },
  { id: 'nrt_storage_shapes', covers: 'conical/pyramidal/tabular storage, bottom orifices' },
  { id: 'nrt_type5_pumps', covers: 'type 5 pumps, variable speed rules' },
  { id: 'epa_pump_control', covers: 'type 2 pump, PID rules, DWF' },
  { id: 'nrt_gate_control', covers: 'orifice gates with close rate, TIMEOPEN rule curve' },
];

const num = (x: string | number | undefined): number => Number(x);

function compare(sum: RoutingSummary, dws: DynwaveSummary, ref: RefJson, run: DwRun, id: string): Cell[] {
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
    const vals = [o.dry, o.upDry, o.dnDry, o.subCrit, o.supCrit, o.upCrit, o.dnCrit, o.normLtd, o.inletCtrl];
    const names = ['dry', 'up dry', 'down dry', 'sub crit', 'sup crit', 'up crit', 'down crit', 'norm ltd', 'inlet ctrl'];
    for (let m = 0; m < 9; m++) cells.push({ what: `conduit ${r[0]} fraction ${names[m]}`, ours: vals[m]!, ref: num(r[m + 2]), rel: 0, abs: 0.05 });
  }
  // ---- series at the reporting times
  const net = run.res.net!;
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

describe.skipIf(!HAVE_REF)('dynamic wave parity with SWMM 5.2.4 (routing-only models)', () => {
  const lines: string[] = [];
  for (const m of MODELS) {
    test(m.id, () => {
      const model = refModel(m.id);
      const run = runDw(model);
      expect(run.res.errors).toEqual([]);
      const r = run.res.routing!;
      const sum = routingSummary(r);
      const dws = dynwaveSummary(r.net, r.dw!);
      const ref = refJson(m.id);
      const cells = compare(sum, dws, ref, run, m.id);
      const worst = cells.reduce((a, b) => (excess(b) > excess(a) ? b : a));
      const bad = cells.filter((x) => excess(x) > 1e-9);
      const cont = ref.continuity['Flow Routing Continuity']!.rows['Continuity Error (%)']![0]!;
      lines.push(
        `${m.id.padEnd(26)} ${String(cells.length).padStart(5)} cells  CE ${sum.flowRoutingContinuity.continuityErrorPct.toFixed(3).padStart(7)} % ` +
        `(SWMM ${cont.toFixed(3)})  worst: ${worst.what} ${worst.ours.toPrecision(5)} vs ${worst.ref}  ${bad.length === 0 ? 'PASS' : `FAIL ${bad.length}`}`,
      );
      for (const b of bad) console.log(`  ${m.id} ${b.what}: ours ${b.ours.toPrecision(6)} SWMM ${b.ref}`);
      expect(bad.map((b) => b.what)).toEqual([]);
    });
  }
  test('summary table', () => {
    console.log(`dynamic wave parity (${MODELS.length} models):\n${lines.join('\n')}`);
    expect(lines.length).toBe(MODELS.length);
  });
});
