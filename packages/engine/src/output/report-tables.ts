// Summary tables of the report (Subcatchment Runoff Summary ... Link Pollutant Load
// Summary), with SWMM 5.2's column widths and number formats.

import { fmtD, fmtE, fmtF, fmtG, formatElapsed, padLeft, padRight } from './format.js';
import { block, heading } from './report-input.js';
import type { LoadRow, ReportBlock, ReportData, ReportPollutant } from './report.js';
import { loadUnits, unitLabels } from './report.js';

const dashes = (n: number): string => '  ' + '-'.repeat(n);

interface Units {
  si: boolean;
  flow: string;
  /** Decimals SWMM uses for flows in most tables: 3 for MGD and CMS, else 2. */
  fd: number;
  depth: string;
  vol6: string;
  lengthWord: string;
  lengthAbbr: string;
  velocity: string;
  vol1000: string;
}

function units(data: ReportData): Units {
  const u = unitLabels(data.flowUnits);
  return {
    si: u.si,
    flow: u.flow,
    fd: u.flowDecimals,
    depth: u.si ? 'mm' : 'in',
    vol6: u.si ? '10^6 ltr' : '10^6 gal',
    lengthWord: u.si ? 'Meters' : 'Feet',
    lengthAbbr: u.si ? 'm' : 'ft',
    velocity: u.si ? 'm/sec' : 'ft/sec',
    vol1000: u.si ? '1000 m\u00b3' : '1000 ft\u00b3',
  };
}

function subcatchRunoff(data: ReportData, u: Units): string[] {
  const rows = data.subcatchRunoff!;
  const out = [
    ...heading('Subcatchment Runoff Summary'),
    '  ',
    dashes(126),
    '                            Total      Total      Total      Total     Imperv       Perv      Total       Total     Peak  Runoff',
    '                           Precip      Runon       Evap      Infil     Runoff     Runoff     Runoff      Runoff   Runoff   Coeff',
    '  ' + padRight('Subcatchment', 20) + padLeft(u.depth, 11).repeat(7) + padLeft(u.vol6, 12) + padLeft(u.flow, 9),
    dashes(126),
  ];
  for (const r of rows) {
    out.push(
      '  ' +
        padRight(r.id, 20) +
        ' ' +
        fmtF(r.precip, 10, 2) +
        ' ' +
        fmtF(r.runon, 10, 2) +
        ' ' +
        fmtF(r.evap, 10, 2) +
        ' ' +
        fmtF(r.infil, 10, 2) +
        ' ' +
        fmtF(r.impervRunoff, 10, 2) +
        ' ' +
        fmtF(r.pervRunoff, 10, 2) +
        ' ' +
        fmtF(r.totalRunoff, 10, 2) +
        fmtF(r.totalRunoffVol, 12, 2) +
        ' ' +
        fmtF(r.peakRunoff, 8, 2) +
        fmtF(r.runoffCoeff, 8, 3),
    );
  }
  return out;
}

function lidPerformance(data: ReportData, u: Units): string[] {
  const out = [
    ...heading('LID Performance Summary'),
    '',
    dashes(116),
    '                                         Total      Evap     Infil   Surface    Drain    Initial     Final  Continuity',
    '                                        Inflow      Loss      Loss   Outflow   Outflow   Storage   Storage       Error',
    '  ' + padRight('Subcatchment', 16) + '  ' + padRight('LID Control', 16) + padLeft(u.depth, 10).repeat(7) + padLeft('%', 12),
    dashes(116),
  ];
  for (const r of data.lidPerformance!) {
    out.push(
      '  ' +
        padRight(r.subcatchment, 16) +
        '  ' +
        padRight(r.lidControl, 16) +
        fmtF(r.totalInflow, 10, 2) +
        fmtF(r.evapLoss, 10, 2) +
        fmtF(r.infilLoss, 10, 2) +
        fmtF(r.surfaceOutflow, 10, 2) +
        fmtF(r.drainOutflow, 10, 2) +
        fmtF(r.initialStorage, 10, 2) +
        fmtF(r.finalStorage, 10, 2) +
        '  ' +
        fmtF(r.continuityErrorPct, 10, 2),
    );
  }
  return out;
}

function groundwater(data: ReportData, u: Units): string[] {
  const d = padLeft(u.depth, 9);
  const l = padLeft(u.lengthAbbr, 9);
  const out = [
    ...heading('Groundwater Summary'),
    '  ',
    dashes(101),
    '                                            Total    Total  Maximum  Average  Average    Final    Final',
    '                          Total    Total    Lower  Lateral  Lateral    Upper    Water    Upper    Water',
    '                          Infil     Evap  Seepage  Outflow  Outflow   Moist.    Table   Moist.    Table',
    '  ' + padRight('Subcatchment', 20) + d + d + d + d + padLeft(u.flow, 9) + '         ' + l + '         ' + l,
    dashes(101),
  ];
  for (const r of data.groundwater!) {
    let s = '  ' + padRight(r.id, 20);
    for (const x of [
      r.totalInfil,
      r.totalEvap,
      r.totalLowerSeepage,
      r.totalLateralOutflow,
      r.maxLateralOutflow,
      r.avgUpperMoisture,
      r.avgWaterTable,
      r.finalUpperMoisture,
      r.finalWaterTable,
    ])
      s += ' ' + fmtF(x, 8, 2);
    out.push(s);
  }
  return out;
}

function loadHeader(out: string[], firstCol: string, pollutants: ReportPollutant[], si: boolean): void {
  let names = '  ' + ' '.repeat(20);
  let unitLine = '  ' + padRight(firstCol, 20);
  for (const p of pollutants) {
    names += padLeft(p.name, 14);
    unitLine += padLeft(loadUnits(p, si), 14);
  }
  const rule = dashes(20 + 14 * pollutants.length);
  out.push('  ', rule, names, unitLine, rule);
}

function loadLine(id: string, loads: ArrayLike<number>, n: number, expAbove: boolean): string {
  let line = '  ' + padRight(id, 20);
  for (let p = 0; p < n; p++) {
    const x = loads[p] ?? 0;
    line += expAbove && !(x < 10000) ? fmtE(x, 14, 3) : fmtF(x, 14, 3);
  }
  return line;
}

function washoff(data: ReportData, u: Units, pollutants: ReportPollutant[]): string[] {
  const w = data.subcatchWashoff!;
  const out = heading('Subcatchment Washoff Summary');
  loadHeader(out, 'Subcatchment', pollutants, u.si);
  for (const r of w.rows) out.push(loadLine(r.id, r.loads, pollutants.length, false));
  out.push(dashes(20 + 14 * pollutants.length));
  out.push(loadLine('System', w.system, pollutants.length, false));
  return out;
}

function linkLoads(rows: LoadRow[], u: Units, pollutants: ReportPollutant[]): string[] {
  const out = heading('Link Pollutant Load Summary');
  loadHeader(out, 'Link', pollutants, u.si);
  // Large link loads switch to exponent format so the column keeps its width.
  for (const r of rows) out.push(loadLine(r.id, r.loads, pollutants.length, true));
  return out;
}

function nodeDepth(data: ReportData, u: Units): string[] {
  const L = u.lengthWord;
  const out = [
    ...heading('Node Depth Summary'),
    '  ',
    dashes(81),
    '                                 Average  Maximum  Maximum  Time of Max    Reported',
    '                                   Depth    Depth      HGL   Occurrence   Max Depth',
    '  ' + padRight('Node', 20) + ' ' + padRight('Type', 8) + padLeft(L, 9) + padLeft(L, 9) + padLeft(L, 9) + '  days hr:min' + padLeft(L, 12),
    dashes(81),
  ];
  for (const r of data.nodeDepth!) {
    out.push(
      '  ' +
        padRight(r.id, 20) +
        ' ' +
        padRight(r.type, 9) +
        ' ' +
        fmtF(r.avgDepth, 7, 2) +
        '  ' +
        fmtF(r.maxDepth, 7, 2) +
        '  ' +
        fmtF(r.maxHGL, 7, 2) +
        '  ' +
        formatElapsed(r.timeOfMaxDays, 4) +
        '  ' +
        fmtF(r.reportedMaxDepth, 10, 2),
    );
  }
  return out;
}

function nodeInflow(data: ReportData, u: Units): string[] {
  const out = [
    ...heading('Node Inflow Summary'),
    '  ',
    dashes(97),
    '                                  Maximum  Maximum                  Lateral       Total        Flow',
    '                                  Lateral    Total  Time of Max      Inflow      Inflow     Balance',
    '                                   Inflow   Inflow   Occurrence      Volume      Volume       Error',
    '  ' +
      padRight('Node', 20) +
      ' ' +
      padRight('Type', 8) +
      padLeft(u.flow, 10) +
      padLeft(u.flow, 9) +
      '  days hr:min' +
      padLeft(u.vol6, 12) +
      padLeft(u.vol6, 12) +
      padLeft('Percent', 12),
    dashes(97),
  ];
  for (const r of data.nodeInflow!) {
    out.push(
      '  ' +
        padRight(r.id, 20) +
        ' ' +
        padRight(r.type, 9) +
        fmtF(r.maxLateralInflow, 9, u.fd) +
        fmtF(r.maxTotalInflow, 9, u.fd) +
        '  ' +
        formatElapsed(r.timeOfMaxDays, 4) +
        fmtG(r.lateralInflowVol, 12, 3) +
        fmtG(r.totalInflowVol, 12, 3) +
        fmtF(r.flowBalanceError, 12, 3) +
        (r.flowBalanceErrorIsVolume ? (u.si ? ' ltr' : ' gal') : ''),
    );
  }
  return out;
}

function nodeSurcharge(data: ReportData, u: Units): string[] {
  const rows = data.nodeSurcharge!;
  const out = [...heading('Node Surcharge Summary'), '  '];
  if (rows.length === 0) {
    out.push('  No nodes were surcharged.');
    return out;
  }
  out.push(
    '  Surcharging occurs when water rises above the top of the highest conduit.',
    dashes(69),
    '                                               Max. Height   Min. Depth',
    '                                   Hours       Above Crown    Below Rim',
    '  ' + padRight('Node', 20) + ' ' + padRight('Type', 8) + '  Surcharged' + padLeft(u.lengthWord, 15) + padLeft(u.lengthWord, 13),
    dashes(69),
  );
  for (const r of rows) {
    out.push(
      '  ' +
        padRight(r.id, 20) +
        ' ' +
        padRight(r.type, 9) +
        '  ' +
        fmtF(r.hoursSurcharged, 9, 2) +
        '      ' +
        fmtF(r.maxHeightAboveCrown, 9, 3) +
        '    ' +
        fmtF(r.minDepthBelowRim, 9, 3),
    );
  }
  return out;
}

function nodeFlooding(data: ReportData, u: Units): string[] {
  const f = data.nodeFlooding!;
  const out = [...heading('Node Flooding Summary'), '  '];
  if (f.rows.length === 0) {
    out.push('  No nodes were flooded.');
    return out;
  }
  out.push(
    '  Flooding refers to all water that overflows a node, whether it ponds or not.',
    dashes(74),
    '                                                             Total   Maximum',
    '                                 Maximum   Time of Max       Flood    Ponded',
    '                        Hours       Rate    Occurrence      Volume' + (f.pondedDepth ? '     Depth' : '    Volume'),
    '  ' + padRight('Node', 20) + padLeft('Flooded', 8) + padLeft(u.flow, 10) + '   days hr:min' + padLeft(u.vol6, 12) + padLeft(f.pondedDepth ? u.lengthWord : u.vol1000, 10),
    dashes(74),
  );
  for (const r of f.rows) {
    out.push(
      '  ' +
        padRight(r.id, 20) +
        ' ' +
        fmtF(r.hoursFlooded, 7, 2) +
        ' ' +
        fmtF(r.maxRate, 9, u.fd) +
        '   ' +
        formatElapsed(r.timeOfMaxDays, 4) +
        fmtF(r.totalFloodVol, 12, 3) +
        ' ' +
        fmtF(r.maxPonded, 9, 3),
    );
  }
  return out;
}

function storageVolume(data: ReportData, u: Units): string[] {
  const out = [
    ...heading('Storage Volume Summary'),
    '  ',
    dashes(96),
    '                         Average    Avg   Evap  Exfil     Maximum    Max    Time of Max    Maximum',
    '                          Volume   Pcnt   Pcnt   Pcnt      Volume   Pcnt     Occurrence    Outflow',
    '  ' + padRight('Storage Unit', 20) + padLeft(u.vol1000, 10) + '   Full   Loss   Loss' + padLeft(u.vol1000, 12) + '   Full    days hr:min' + padLeft(u.flow, 11),
    dashes(96),
  ];
  for (const r of data.storageVolume!) {
    out.push(
      '  ' +
        padRight(r.id, 20) +
        fmtF(r.avgVolume, 10, 3) +
        '  ' +
        fmtF(r.avgPctFull, 5, 1) +
        '  ' +
        fmtF(r.evapPctLoss, 5, 1) +
        '  ' +
        fmtF(r.exfilPctLoss, 5, 1) +
        '  ' +
        fmtF(r.maxVolume, 10, 3) +
        '  ' +
        fmtF(r.maxPctFull, 5, 1) +
        '    ' +
        formatElapsed(r.timeOfMaxDays, 4) +
        '  ' +
        fmtF(r.maxOutflow, 9, u.fd),
    );
  }
  return out;
}

function outfallLoading(data: ReportData, u: Units, pollutants: ReportPollutant[]): string[] {
  const o = data.outfallLoading!;
  const n = pollutants.length;
  let l1 = '                         Flow       Avg       Max       Total';
  let l2 = '                         Freq      Flow      Flow      Volume';
  let l3 = '  ' + padRight('Outfall Node', 20) + '   Pcnt' + padLeft(u.flow, 10) + padLeft(u.flow, 10) + padLeft(u.vol6, 12);
  for (const p of pollutants) {
    l1 += '         Total';
    l2 += padLeft(p.name, 14);
    l3 += padLeft(loadUnits(p, u.si), 14);
  }
  const rule = dashes(59 + 14 * n);
  const out = [...heading('Outfall Loading Summary'), '  ', rule, l1, l2, l3, rule];
  const line = (id: string, r: Omit<(typeof o.rows)[number], 'id'>): string => {
    let s = '  ' + padRight(id, 20) + fmtF(r.flowFreqPct, 7, 2) + ' ' + fmtF(r.avgFlow, 9, u.fd) + ' ' + fmtF(r.maxFlow, 9, u.fd) + fmtF(r.totalVolume, 12, 3);
    for (let p = 0; p < n; p++) s += fmtF(r.loads[p] ?? 0, 14, 3);
    return s;
  };
  for (const r of o.rows) out.push(line(r.id, r));
  out.push(rule, line('System', o.system));
  return out;
}

function streetFlow(data: ReportData, u: Units): string[] {
  const out = [
    ...heading('Street Flow Summary'),
    '  ',
    dashes(135),
    '                                                                                        Peak     Avg.   Bypass     Back     Peak     Peak',
    '                        Peak   Maximum   Maximum                                        Flow     Flow     Flow     Flow  Capture   Bypass',
    '                        Flow    Spread     Depth  Inlet             Inlet     Inlet  Capture  Capture     Freq     Freq  / Inlet     Flow',
    // SWMM 5.2.4 leaves "Count" out of the SI heading.
    '  ' +
      padRight('Street Conduit', 16) +
      padLeft(u.flow, 10) +
      padLeft(u.lengthAbbr, 10) +
      padLeft(u.lengthAbbr, 10) +
      '  Design            Location' +
      (u.si ? '       ' : '  Count') +
      '     Pcnt'.repeat(4) +
      padLeft(u.flow, 9) +
      padLeft(u.flow, 9),
    dashes(135),
  ];
  for (const r of data.streetFlow!) {
    let s = '  ' + padRight(r.id, 16) + ' ' + fmtF(r.peakFlow, 9, 3) + ' ' + fmtF(r.maxSpread, 9, 3) + ' ' + fmtF(r.maxDepth, 9, 3);
    const i = r.inlet;
    if (i) {
      s += '  ' + padRight(i.design, 16) + (i.location === 'ON-GRADE' ? '  ON-GRADE' : '  ON-SAG  ') + '  ' + fmtD(i.count, 5);
      const t = i.stats;
      if (t) {
        for (const x of [t.peakFlowCapturePct, t.avgFlowCapturePct, t.bypassFreqPct, t.backflowFreqPct, t.peakCapturePerInlet, t.peakBypassFlow])
          s += '  ' + fmtF(x, 7, 2);
      }
    }
    out.push(s);
  }
  return out;
}

function linkFlow(data: ReportData, u: Units): string[] {
  const out = [
    // SWMM's star rule over this title is three characters longer than the title.
    ...heading('Link Flow Summary', 20),
    '  ',
    dashes(77),
    '                                 Maximum  Time of Max   Maximum    Max/    Max/',
    '                                  |Flow|   Occurrence   |Veloc|    Full    Full',
    '  ' + padRight('Link', 20) + ' ' + padRight('Type', 7) + padLeft(u.flow, 10) + '  days hr:min' + padLeft(u.velocity, 10) + '    Flow   Depth',
    dashes(77),
  ];
  for (const r of data.linkFlow!) {
    let s = '  ' + padRight(r.id, 20) + ' ' + padRight(r.type, 7) + ' ' + fmtF(r.maxFlow, 9, u.fd) + '  ' + formatElapsed(r.timeOfMaxDays, 4);
    // The line runs up to the last column that is not undefined; null columns before it
    // are blank (pumps have no velocity, weirs and orifices no velocity or full-flow ratio).
    const vel = r.maxVelocity;
    const ff = r.maxOverFullFlow;
    const fd = r.maxOverFullDepth;
    if (vel !== undefined || ff !== undefined || fd !== undefined) {
      s += vel == null ? '          ' : vel > 50 ? '    >50.00' : '   ' + fmtF(vel, 7, 2);
      if (ff !== undefined || fd !== undefined) {
        s += ff == null ? '        ' : '  ' + fmtF(ff, 6, 2);
        if (fd !== undefined) s += fd === null ? '        ' : '  ' + fmtF(fd, 6, 2);
      }
    }
    out.push(s);
  }
  return out;
}

function flowClassification(data: ReportData): string[] {
  const out = [
    ...heading('Flow Classification Summary'),
    '  ',
    dashes(85),
    '                      Adjusted    ---------- Fraction of Time in Flow Class ---------- ',
    '                       /Actual         Up    Down  Sub   Sup   Up    Down  Norm  Inlet ',
    '  Conduit               Length    Dry  Dry   Dry   Crit  Crit  Crit  Crit  Ltd   Ctrl  ',
    dashes(85),
  ];
  for (const r of data.flowClassification!) {
    out.push(
      '  ' +
        padRight(r.id, 20) +
        '  ' +
        fmtF(r.adjustedOverActualLength, 6, 2) +
        ' ' +
        [r.dry, r.upDry, r.downDry, r.subCrit, r.supCrit, r.upCrit, r.downCrit, r.normLtd, r.inletCtrl].map((x) => '  ' + fmtF(x, 4, 2)).join(''),
    );
  }
  return out;
}

function conduitSurcharge(data: ReportData): string[] {
  const rows = data.conduitSurcharge!;
  const out = [...heading('Conduit Surcharge Summary'), '  '];
  if (rows.length === 0) {
    out.push('  No conduits were surcharged.');
    return out;
  }
  out.push(
    dashes(76),
    '                                                           Hours        Hours ',
    '                         --------- Hours Full --------   Above Full   Capacity',
    '  Conduit                Both Ends  Upstream  Dnstream   Normal Flow   Limited',
    dashes(76),
  );
  for (const r of rows) {
    out.push(
      '  ' +
        padRight(r.id, 20) +
        '    ' +
        fmtF(r.hoursFullBothEnds, 8, 2) +
        '  ' +
        fmtF(r.hoursFullUpstream, 8, 2) +
        '  ' +
        fmtF(r.hoursFullDnstream, 8, 2) +
        '  ' +
        fmtF(r.hoursAboveFullNormalFlow, 8, 2) +
        '     ' +
        fmtF(r.hoursCapacityLimited, 8, 2),
    );
  }
  return out;
}

function pumping(data: ReportData, u: Units): string[] {
  const out = [
    ...heading('Pumping Summary'),
    '  ',
    dashes(105),
    '                                                  Min       Avg       Max     Total     Power    % Time Off',
    '                        Percent   Number of      Flow      Flow      Flow    Volume     Usage    Pump Curve',
    '  ' +
      padRight('Pump', 20) +
      ' Utilized   Start-Ups' +
      padLeft(u.flow, 10) +
      padLeft(u.flow, 10) +
      padLeft(u.flow, 10) +
      padLeft(u.vol6, 10) +
      '     Kw-hr    Low   High',
    dashes(105),
  ];
  for (const r of data.pumping!) {
    out.push(
      '  ' +
        padRight(r.id, 20) +
        ' ' +
        fmtF(r.pctUtilized, 8, 2) +
        '  ' +
        fmtD(r.startUps, 10) +
        ' ' +
        fmtF(r.minFlow, 9, 2) +
        ' ' +
        fmtF(r.avgFlow, 9, 2) +
        ' ' +
        fmtF(r.maxFlow, 9, 2) +
        ' ' +
        fmtF(r.totalVolume, 9, 3) +
        ' ' +
        fmtF(r.powerUsageKwh, 9, 2) +
        ' ' +
        fmtF(r.pctTimeOffCurveLow, 6, 1) +
        ' ' +
        fmtF(r.pctTimeOffCurveHigh, 6, 1),
    );
  }
  return out;
}

/** Append the summary tables present in `data`, in SWMM's order. */
export function writeSummaryTables(blocks: ReportBlock[], data: ReportData): void {
  const u = units(data);
  const pollutants = data.pollutants ?? [];
  // A table is printed when its field is present (an empty list prints the heading and,
  // where SWMM has one, its "No ..." note); the caller applies SWMM's rules.
  if (data.subcatchRunoff) blocks.push(block(subcatchRunoff(data, u)));
  // SWMM writes this table with raw newlines around it rather than "  " lines.
  if (data.lidPerformance) blocks.push({ lead: [''], body: lidPerformance(data, u), trail: [] });
  if (data.groundwater) blocks.push(block(groundwater(data, u)));
  if (data.subcatchWashoff) blocks.push(block(washoff(data, u, pollutants)));
  if (data.nodeDepth) blocks.push(block(nodeDepth(data, u)));
  if (data.nodeInflow) blocks.push(block(nodeInflow(data, u)));
  if (data.nodeSurcharge) blocks.push(block(nodeSurcharge(data, u)));
  if (data.nodeFlooding) blocks.push(block(nodeFlooding(data, u)));
  if (data.storageVolume) blocks.push(block(storageVolume(data, u)));
  if (data.outfallLoading) blocks.push(block(outfallLoading(data, u, pollutants)));
  if (data.streetFlow) blocks.push(block(streetFlow(data, u)));
  if (data.linkFlow) blocks.push(block(linkFlow(data, u)));
  if (data.flowClassification) blocks.push(block(flowClassification(data)));
  if (data.conduitSurcharge) blocks.push(block(conduitSurcharge(data)));
  if (data.pumping) blocks.push(block(pumping(data, u)));
  if (data.linkPollutantLoad) blocks.push(block(linkLoads(data.linkPollutantLoad, u, pollutants)));
}
