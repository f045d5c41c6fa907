// Flow routing alone against EPA SWMM 5.2.4: models whose only inflows are external
// inflows and dry weather flow (no subcatchments) are run with the routing-only driver and
// their summary tables compared with SWMM's report (shared/swmm-reference). Control rules
// of two steady-flow models are reproduced by small hand-written stand-ins.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseInp } from '../../src/input/index.js';
import { runRoutingOnly, type RoutingRunOptions } from '../../src/hydraulics/routing-driver.js';
import { routingSummary, type RoutingSummary } from '../../src/hydraulics/routing.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..', '..');
const refDir = path.resolve(repoRoot, '..', 'shared', 'swmm-reference', 'models');
const haveRef = existsSync(refDir);
if (!haveRef) console.log(`routing parity: ${refDir} not found — SWMM reference tests skipped`);

type Row = (string | number)[];
interface RefTable { rows: Row[] }
interface RefJson {
  continuity: Record<string, { rows: Record<string, number[]> }>;
  tables: Record<string, RefTable>;
}

/** One compared cell: |ours − ref| ≤ max(rel·|ref|, abs). */
interface Cell { what: string; ours: number; ref: number; rel: number; abs: number }
const excess = (c: Cell): number => Math.abs(c.ours - c.ref) - Math.max(c.rel * Math.abs(c.ref), c.abs);

function compare(sum: RoutingSummary, ref: RefJson, checks: { flows: boolean }): Cell[] {
  const cells: Cell[] = [];
  const cont = ref.continuity['Flow Routing Continuity']!.rows;
  const c = sum.flowRoutingContinuity;
  const pairs: [string, readonly [number, number]][] = [
    ['Dry Weather Inflow', c.dryWeatherInflow], ['Wet Weather Inflow', c.wetWeatherInflow],
    ['External Inflow', c.externalInflow], ['External Outflow', c.externalOutflow], ['Flooding Loss', c.floodingLoss],
    ['Evaporation Loss', c.evaporationLoss], ['Exfiltration Loss', c.exfiltrationLoss],
    ['Initial Stored Volume', c.initialStoredVolume], ['Final Stored Volume', c.finalStoredVolume],
  ];
  for (const [name, v] of pairs) {
    const r = cont[name];
    if (r) cells.push({ what: `continuity ${name}`, ours: v[0], ref: r[0]!, rel: 0.01, abs: 0.0015 });
  }
  cells.push({ what: 'continuity error %', ours: c.continuityErrorPct, ref: cont['Continuity Error (%)']![0]!, rel: 0, abs: 0.5 });

  const byId = <T extends { id: string }>(rows: T[]): Map<string, T> => new Map(rows.map((x) => [x.id, x]));
  const depth = byId(sum.nodeDepth);
  for (const r of ref.tables['Node Depth Summary']?.rows ?? []) {
    const o = depth.get(String(r[0]));
    if (!o) continue;
    cells.push({ what: `node ${r[0]} max depth`, ours: o.maxDepth, ref: Number(r[3]), rel: 0.02, abs: 0.02 });
    cells.push({ what: `node ${r[0]} avg depth`, ours: o.avgDepth, ref: Number(r[2]), rel: 0.02, abs: 0.02 });
  }
  const inflow = byId(sum.nodeInflow);
  for (const r of ref.tables['Node Inflow Summary']?.rows ?? []) {
    const o = inflow.get(String(r[0]));
    if (!o) continue;
    cells.push({ what: `node ${r[0]} total inflow vol`, ours: o.totalInflowVol, ref: Number(r[7]), rel: 0.02, abs: 0.0015 });
    if (checks.flows) cells.push({ what: `node ${r[0]} max total inflow`, ours: o.maxTotalInflow, ref: Number(r[3]), rel: 0.02, abs: 0.02 });
  }
  const outf = byId(sum.outfallLoading.rows);
  for (const r of ref.tables['Outfall Loading Summary']?.rows ?? []) {
    const o = outf.get(String(r[0]));
    if (!o) continue;
    cells.push({ what: `outfall ${r[0]} volume`, ours: o.totalVolume, ref: Number(r[4]), rel: 0.01, abs: 0.0015 });
    if (checks.flows) cells.push({ what: `outfall ${r[0]} max flow`, ours: o.maxFlow, ref: Number(r[3]), rel: 0.02, abs: 0.02 });
  }
  const links = byId(sum.linkFlow);
  if (checks.flows) {
    for (const r of ref.tables['Link Flow Summary']?.rows ?? []) {
      const o = links.get(String(r[0]));
      if (o) cells.push({ what: `link ${r[0]} max flow`, ours: o.maxFlow, ref: Number(r[2]), rel: 0.02, abs: 0.02 });
    }
  }
  const flood = byId(sum.nodeFlooding.rows);
  for (const r of ref.tables['Node Flooding Summary']?.rows ?? []) {
    const o = flood.get(String(r[0]));
    cells.push({ what: `node ${r[0]} flood volume`, ours: o ? o.totalFloodVol : 0, ref: Number(r[5]), rel: 0.03, abs: 0.0015 });
  }
  for (const r of ref.tables['Node Flooding Summary']?.rows ?? []) {
    const o = flood.get(String(r[0]));
    cells.push({ what: `node ${r[0]} hours flooded`, ours: o ? o.hoursFlooded : 0, ref: Number(r[1]), rel: 0.02, abs: 0.02 });
  }
  const surch = byId(sum.conduitSurcharge);
  for (const r of ref.tables['Conduit Surcharge Summary']?.rows ?? []) {
    const o = surch.get(String(r[0]));
    const names = ['both ends', 'upstream', 'dnstream', 'above full flow', 'capacity limited'];
    const vals = o ? [o.hoursFullBothEnds, o.hoursFullUpstream, o.hoursFullDnstream, o.hoursAboveFullNormalFlow, o.hoursCapacityLimited] : [0, 0, 0, 0, 0];
    for (let m = 0; m < 5; m++) cells.push({ what: `conduit ${r[0]} hours ${names[m]}`, ours: vals[m]!, ref: Number(r[m + 1]), rel: 0.02, abs: 0.02 });
  }
  const stor = byId(sum.storageVolume);
  for (const r of ref.tables['Storage Volume Summary']?.rows ?? []) {
    const o = stor.get(String(r[0]));
    if (!o) continue;
    cells.push({ what: `storage ${r[0]} avg volume`, ours: o.avgVolume, ref: Number(r[1]), rel: 0.02, abs: 0.0015 });
    cells.push({ what: `storage ${r[0]} max volume`, ours: o.maxVolume, ref: Number(r[5]), rel: 0.02, abs: 0.0015 });
  }
  const pumps = byId(sum.pumping);
  for (const r of ref.tables['Pumping Summary']?.rows ?? []) {
    const o = pumps.get(String(r[0]));
    if (!o) continue;
    cells.push({ what: `pump ${r[0]} volume`, ours: o.totalVolume, ref: Number(r[6]), rel: 0.02, abs: 0.0015 });
    cells.push({ what: `pump ${r[0]} % utilized`, ours: o.pctUtilized, ref: Number(r[1]), rel: 0.02, abs: 0.1 });
    cells.push({ what: `pump ${r[0]} start-ups`, ours: o.startUps, ref: Number(r[2]), rel: 0.05, abs: 1 });
    cells.push({ what: `pump ${r[0]} energy`, ours: o.powerUsageKwh, ref: Number(r[7]), rel: 0.02, abs: 0.01 });
  }
  return cells;
}

interface Case { id: string; opts?: RoutingRunOptions; flows: boolean }

const CASES: Case[] = [
  { id: 'epa_divider_kw', flows: true },
  { id: 'pyswmm_treatment', flows: true },
  {
    // Rules PUMP1A/PUMP1B: pump on at wet-well depth ≥ 4 ft, off below 1 ft (every step).
    id: 'epa_divider',
    flows: true,
    opts: {
      controls(r) {
        const net = r.net;
        const su = net.nodeNames.indexOf('SU1');
        const p = net.linkNames.indexOf('PUMP1');
        const d = net.nodeNewDepth[su]!;
        if (d >= 4) net.linkTargetSetting[p] = 1;
        if (d < 1) net.linkTargetSetting[p] = 0;
      },
    },
  },
  {
    // Rule 1 at RULE_STEP 5 min: orifice 3 open fully while (Q1 + Q2)/2 − Q3 > 0.1 cfs, else half.
    id: 'nrt_control_rules_steady',
    flows: true,
    opts: {
      controls(r, _date, elapsedMs) {
        if (elapsedMs % 300000 !== 0) return;
        const net = r.net;
        const q = (name: string): number => net.linkNewFlow[net.linkNames.indexOf(name)]! * net.ucf.flow;
        net.linkTargetSetting[net.linkNames.indexOf('3')] = (q('1') + q('2')) / 2 - q('3') > 0.1 ? 1 : 0.5;
      },
    },
  },
];

describe.skipIf(!haveRef)('flow routing parity with SWMM 5.2.4 (routing-only models)', () => {
  for (const c of CASES) {
    test(c.id, () => {
      const dir = path.join(refDir, c.id);
      const parsed = parseInp(readFileSync(path.join(dir, `${c.id}.inp`), 'utf8'), { fileName: `${c.id}.inp` });
      expect(parsed.errors).toEqual([]);
      const res = runRoutingOnly(parsed.model!, c.opts);
      expect(res.errors).toEqual([]);
      const ref = JSON.parse(readFileSync(path.join(dir, `${c.id}_rpt.json`), 'utf8')) as RefJson;
      const cells = compare(routingSummary(res.routing!), ref, { flows: c.flows });
      const worst = cells.reduce((a, b) => (excess(b) > excess(a) ? b : a));
      const bad = cells.filter((x) => excess(x) > 1e-9);
      console.log(
        `routing parity ${c.id}: ${cells.length} cells, continuity ${res.continuity!.errorPct.toFixed(3)} % ` +
        `(SWMM ${ref.continuity['Flow Routing Continuity']!.rows['Continuity Error (%)']![0]}), worst ${worst.what}: ` +
        `${worst.ours.toPrecision(5)} vs ${worst.ref} — ${bad.length === 0 ? 'PASS' : `FAIL (${bad.length})`}`,
      );
      for (const b of bad) console.log(`  ${b.what}: ours ${b.ours.toPrecision(6)} SWMM ${b.ref}`);
      expect(bad.map((b) => b.what)).toEqual([]);
    });
  }
});
