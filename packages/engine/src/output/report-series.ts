// Time-series tables for the objects listed in [REPORT] SUBCATCHMENTS/NODES/LINKS.
//
// SWMM prints them after the summary tables, reading the values back from its binary
// file, so none of the reference reports (which all keep a binary file) contains them:
// this layout has not been compared with a SWMM report.

import { fmtF, formatDate, formatTimeOfDay, padLeft } from './format.js';
import { heading } from './report-input.js';
import type { ReportBlock, ReportData } from './report.js';
import { unitLabels } from './report.js';

const dash = (n: number): string => '-'.repeat(n);

function when(d: number): string {
  return '  ' + padLeft(formatDate(d), 11) + ' ' + padLeft(formatTimeOfDay(d), 8);
}

/** Append the Subcatchment / Node / Link Time Series Results sections. */
export function writeTimeSeries(blocks: ReportBlock[], data: ReportData): void {
  const ts = data.timeSeries;
  if (!ts) return;
  const u = unitLabels(data.flowUnits);
  const pols = data.pollutants ?? [];
  const names = pols.map((p) => padLeft(p.name, 10)).join('');
  const units = pols.map((p) => padLeft(p.concUnits, 10)).join('');
  const polDash = dash(10 * pols.length);
  const len = u.si ? 'meters' : 'feet';

  if (ts.subcatchments && ts.subcatchments.length > 0) {
    const snow = !!ts.hasSnowmelt;
    const gw = !!ts.hasGroundwater;
    const rule = '  ' + dash(51) + (snow ? dash(12) : '') + (gw ? dash(20) : '') + polDash;
    const h1 = '  Date        Time        Precip.    Losses    Runoff' + (snow ? '  Snow Depth' : '') + (gw ? '  GW Elev.   GW Flow' : '') + names;
    const rate = u.si ? 'mm/hr' : 'in/hr';
    const h2 =
      '                            ' +
      rate +
      '     ' +
      rate +
      ' ' +
      padLeft(u.flow, 9) +
      (snow ? (u.si ? '     mmeters' : '      inches') : '') +
      (gw ? padLeft(len, 10) + ' ' + padLeft(u.flow, 9) : '') +
      units;
    const body = heading('Subcatchment Time Series Results');
    for (const s of ts.subcatchments) {
      body.push('  ', '  <<< Subcatchment ' + s.id + ' >>>', rule, h1, h2, rule);
      for (let k = 0; k < s.dateTimes.length; k++) {
        let line = when(s.dateTimes[k]!) + ' ' + fmtF(s.precip[k]!, 10, 3) + fmtF(s.losses[k]!, 10, 3) + fmtF(s.runoff[k]!, 10, 4);
        if (snow) line += '  ' + fmtF(s.snowDepth?.[k] ?? 0, 10, 3);
        if (gw) line += fmtF(s.gwElev?.[k] ?? 0, 10, 3) + fmtF(s.gwFlow?.[k] ?? 0, 10, 4);
        for (let p = 0; p < pols.length; p++) line += fmtF(s.quality?.[p]?.[k] ?? 0, 10, 3);
        body.push(line);
      }
      body.push('  ');
    }
    blocks.push({ lead: ['  '], body, trail: [] });
  }

  const rule64 = '  ' + dash(64) + polDash;
  const row4 = (d: number, a: number, b: number, c: number, e: number, q: ReadonlyArray<ArrayLike<number>> | null | undefined, k: number): string => {
    let line = when(d) + '  ' + fmtF(a, 9, 3) + ' ' + fmtF(b, 9, 3) + ' ' + fmtF(c, 9, 3) + ' ' + fmtF(e, 9, 3);
    for (let p = 0; p < pols.length; p++) line += ' ' + fmtF(q?.[p]?.[k] ?? 0, 9, 3);
    return line;
  };

  if (ts.nodes && ts.nodes.length > 0) {
    const h1 = '                           Inflow  Flooding     Depth      Head' + names;
    const h2 = '  Date        Time      ' + [u.flow, u.flow, len, len].map((x) => padLeft(x, 9)).join(' ') + units;
    const body = heading('Node Time Series Results');
    for (const n of ts.nodes) {
      body.push('  ', '  <<< Node ' + n.id + ' >>>', rule64, h1, h2, rule64);
      for (let k = 0; k < n.dateTimes.length; k++) {
        body.push(row4(n.dateTimes[k]!, n.inflow[k]!, n.flooding[k]!, n.depth[k]!, n.head[k]!, n.quality, k));
      }
      body.push('  ');
    }
    blocks.push({ lead: ['  '], body, trail: [] });
  }

  if (ts.links && ts.links.length > 0) {
    const h1 = '                             Flow  Velocity     Depth  Capacity/' + names;
    const h2 =
      '  Date        Time     ' +
      padLeft(u.flow, 10) +
      (u.si ? '     m/sec    meters   Setting ' : '    ft/sec      feet   Setting ') +
      pols.map((p) => ' ' + padLeft(p.concUnits, 9)).join('');
    const body = heading('Link Time Series Results');
    for (const l of ts.links) {
      body.push('  ', '  <<< Link ' + l.id + ' >>>', rule64, h1, h2, rule64);
      for (let k = 0; k < l.dateTimes.length; k++) {
        body.push(row4(l.dateTimes[k]!, l.flow[k]!, l.velocity[k]!, l.depth[k]!, l.capacity[k]!, l.quality, k));
      }
      body.push('  ');
    }
    blocks.push({ lead: ['  '], body, trail: [] });
  }
}
