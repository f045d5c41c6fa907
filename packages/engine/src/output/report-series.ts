// Time-series tables for objects listed in [REPORT] (§10.6 of the algorithms digest).
//
// SWMM prints these only when it does not keep its binary output file, so none of the
// reference reports contains them: this layout follows SWMM 5.2's documented columns
// but has not been checked against a reference report.

import { fmtF, formatDate, formatTimeOfDay, padLeft } from './format.js';
import { heading } from './report-input.js';
import type { ReportBlock, ReportData, TimeSeriesTable } from './report.js';
import { unitLabels } from './report.js';

function seriesTable(kind: string, t: TimeSeriesTable, names: string[], unitsLine: string[]): string[] {
  const width = 24 + 10 * names.length;
  const rule = '  ' + '-'.repeat(width);
  let l1 = '                        ';
  let l2 = '  Date        Time      ';
  for (let c = 0; c < names.length; c++) {
    l1 += padLeft(names[c]!, 10);
    l2 += padLeft(unitsLine[c]!, 10);
  }
  const out = ['  ', '  <<< ' + kind + ' ' + t.id + ' >>>', rule, l1, l2, rule];
  for (let k = 0; k < t.dateTimes.length; k++) {
    const d = t.dateTimes[k]!;
    let line = '  ' + formatDate(d) + '  ' + formatTimeOfDay(d);
    for (const col of t.columns) line += fmtF(col[k] ?? 0, 10, 3);
    out.push(line);
  }
  return out;
}

/** Append the Subcatchment / Node / Link Results sections. */
export function writeTimeSeries(blocks: ReportBlock[], data: ReportData): void {
  const ts = data.timeSeries;
  if (!ts) return;
  const u = unitLabels(data.flowUnits);
  const pol = data.pollutants ?? [];
  const polNames = pol.map((p) => p.name);
  const polUnits = pol.map((p) => p.concUnits.toLowerCase());
  const len = u.si ? 'meters' : 'feet';

  if (ts.subcatchments && ts.subcatchments.length > 0) {
    const body = heading('Subcatchment Results');
    for (const t of ts.subcatchments) {
      const names = ['Precip.', 'Losses', 'Runoff'];
      const units = [u.si ? 'mm/hr' : 'in/hr', u.si ? 'mm/hr' : 'in/hr', u.flow];
      if (t.hasSnow) names.push('Snow Depth'), units.push(u.si ? 'mm' : 'inches');
      if (t.hasGroundwater) names.push('GW Elev.', 'GW Flow'), units.push(len, u.flow);
      body.push(...seriesTable('Subcatchment', t, [...names, ...polNames], [...units, ...polUnits]));
    }
    blocks.push({ lead: ['  '], body, trail: ['  '] });
  }
  if (ts.nodes && ts.nodes.length > 0) {
    const body = heading('Node Results');
    for (const t of ts.nodes) {
      body.push(...seriesTable('Node', t, ['Inflow', 'Flooding', 'Depth', 'Head', ...polNames], [u.flow, u.flow, len, len, ...polUnits]));
    }
    blocks.push({ lead: ['  '], body, trail: ['  '] });
  }
  if (ts.links && ts.links.length > 0) {
    const body = heading('Link Results');
    for (const t of ts.links) {
      body.push(
        ...seriesTable('Link', t, ['Flow', 'Velocity', 'Depth', 'Capacity/', ...polNames], [u.flow, u.si ? 'm/sec' : 'ft/sec', len, 'Setting', ...polUnits]),
      );
    }
    blocks.push({ lead: ['  '], body, trail: ['  '] });
  }
}
