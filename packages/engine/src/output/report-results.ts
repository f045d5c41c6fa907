// Analysis Options, run-time notes, continuity tables and flow statistics blocks.

import { fmtD, fmtF, formatDate, formatHms, formatTimeOfDay, padLeft, padRight } from './format.js';
import { block, heading } from './report-input.js';
import type { AnalysisOptions, ReportBlock, ReportData, ReportPollutant, StatEntry, VolDepth, VolVol } from './report.js';
import { loadUnits, unitLabels } from './report.js';

/** `label ......` padded with dots to `width` characters (one space after the label). */
export function dotted(label: string, width: number): string {
  const n = width - label.length - 1;
  return label + ' ' + (n > 0 ? '.'.repeat(n) : '');
}

/** What SWMM prints for a rain file date it never found. */
const NO_DATE = '***********';

const yesNo = (b: boolean): string => (b ? 'YES' : 'NO');

function optionsBlock(o: AnalysisOptions, flowUnits: string, si: boolean): string[] {
  const out = heading('Analysis Options');
  out.push('  Flow Units ............... ' + flowUnits);
  out.push('  Process Models:');
  out.push('    Rainfall/Runoff ........ ' + yesNo(o.rainfallRunoff));
  out.push('    RDII ................... ' + yesNo(o.rdii));
  out.push('    Snowmelt ............... ' + yesNo(o.snowmelt));
  out.push('    Groundwater ............ ' + yesNo(o.groundwater));
  out.push('    Flow Routing ........... ' + yesNo(o.flowRouting));
  if (o.pondingAllowed != null) out.push('    Ponding Allowed ........ ' + yesNo(o.pondingAllowed));
  out.push('    Water Quality .......... ' + yesNo(o.waterQuality));
  if (o.infiltrationMethod != null) out.push('  Infiltration Method ...... ' + o.infiltrationMethod);
  if (o.routingMethod != null) out.push('  Flow Routing Method ...... ' + o.routingMethod);
  if (o.surchargeMethod != null) out.push('  Surcharge Method ......... ' + o.surchargeMethod);
  out.push('  Starting Date ............ ' + formatDate(o.startDateTime) + ' ' + formatTimeOfDay(o.startDateTime));
  out.push('  Ending Date .............. ' + formatDate(o.endDateTime) + ' ' + formatTimeOfDay(o.endDateTime));
  out.push('  Antecedent Dry Days ...... ' + fmtF(o.antecedentDryDays, 0, 1));
  out.push('  Report Time Step ......... ' + formatHms(o.reportStepSec));
  if (o.wetStepSec != null) out.push('  Wet Time Step ............ ' + formatHms(o.wetStepSec));
  if (o.dryStepSec != null) out.push('  Dry Time Step ............ ' + formatHms(o.dryStepSec));
  if (o.routingStepSec != null) out.push('  Routing Time Step ........ ' + fmtF(o.routingStepSec, 0, 2) + ' sec');
  if (o.variableStep != null) out.push('  Variable Time Step ....... ' + yesNo(o.variableStep));
  if (o.maxTrials != null) out.push('  Maximum Trials ........... ' + fmtD(o.maxTrials, 0));
  if (o.threads != null) out.push('  Number of Threads ........ ' + fmtD(o.threads, 0));
  if (o.headTolerance != null) out.push('  Head Tolerance ........... ' + fmtF(o.headTolerance, 0, 6) + (si ? ' m' : ' ft'));
  return out;
}

function volumeTable(
  title: string,
  col1: string,
  col2: string,
  unit1: string,
  unit2: string,
  dash2: string,
  rows: Array<[string, VolDepth | VolVol | null | undefined]>,
  errorPct: number,
): string[] {
  const out = [
    '  **************************' + padLeft(col1, 14) + padLeft(col2, 14),
    '  ' + padRight(title, 26) + padLeft(unit1, 14) + padLeft(unit2, 14),
    '  **************************' + '     ---------' + dash2,
  ];
  for (const [label, v] of rows) {
    if (!v) continue;
    out.push('  ' + dotted(label, 26) + fmtF(v[0], 14, 3) + fmtF(v[1], 14, 3));
  }
  out.push('  ' + dotted('Continuity Error (%)', 26) + fmtF(errorPct, 14, 3));
  return out;
}

/** Quality continuity, in groups of at most 5 pollutants per table. */
function qualityTables(title: string, pollutants: ReportPollutant[], si: boolean, rows: Array<[string, number[]]>): string[][] {
  const tables: string[][] = [];
  for (let p1 = 0; p1 < pollutants.length; p1 += 5) {
    const p2 = Math.min(p1 + 5, pollutants.length);
    let l1 = '  **************************';
    let l2 = '  ' + padRight(title, 26);
    let l3 = '  **************************';
    for (let p = p1; p < p2; p++) {
      const pol = pollutants[p]!;
      l1 += padLeft(pol.name, 14);
      l2 += padLeft(loadUnits(pol, si), 14);
      l3 += '    ----------';
    }
    const out = [l1, l2, l3];
    for (const [label, values] of rows) {
      let line = '  ' + dotted(label, 26);
      for (let p = p1; p < p2; p++) line += fmtF(values[p] ?? 0, 14, 3);
      out.push(line);
    }
    tables.push(out);
  }
  return tables;
}

function statLines(entries: StatEntry[], percent: boolean): string[] {
  return entries.map((e) => '  ' + e.kind + ' ' + e.id + ' (' + fmtF(e.value, 0, percent ? 2 : 0) + (percent ? '%)' : ')'));
}

/** Append Analysis Options through the Routing Time Step Summary. */
export function writeAnalysisBlocks(blocks: ReportBlock[], data: ReportData): void {
  const u = unitLabels(data.flowUnits);
  const si = u.si;
  if (data.options) blocks.push(block(optionsBlock(data.options, data.flowUnits, si)));

  if (data.rainFiles && data.rainFiles.length > 0) {
    const body = [
      ...heading('Rainfall File Summary'),
      '  Station    First        Last         Recording   Periods    Periods    Periods',
      '  ID         Date         Date         Frequency  w/Precip    Missing    Malfunc.',
      '  -------------------------------------------------------------------------------',
    ];
    for (const r of data.rainFiles) {
      body.push(
        '  ' +
          padRight(r.stationId, 10) +
          ' ' +
          (r.firstDate === null ? NO_DATE : formatDate(r.firstDate)) +
          '   ' +
          (r.lastDate === null ? NO_DATE : formatDate(r.lastDate)) +
          '   ' +
          fmtD(r.recordingFreqMin, 5) +
          ' min' +
          fmtD(r.periodsWithPrecip, 10) +
          ' ' +
          fmtD(r.periodsMissing, 10) +
          ' ' +
          fmtD(r.periodsMalfunctioning, 10),
        '',
      );
    }
    blocks.push(block(body));
  }

  if (data.controlActions) {
    const body = heading('Control Actions Taken');
    for (const a of data.controlActions) {
      body.push(
        '   ' + formatDate(a.dateTime) + ': ' + formatTimeOfDay(a.dateTime) + ' Link ' + a.link + ' setting changed to ' + fmtF(a.setting, 6, 2) + ' by Control ' + a.rule,
      );
    }
    blocks.push({ lead: ['  '], body, trail: [''] });
  }

  if (data.errors) {
    for (const e of data.errors) {
      if (e.inputLine != null) blocks.push({ lead: ['  '], body: ['  ' + e.message, '  ' + e.inputLine], trail: [''] });
      else blocks.push({ lead: ['  '], body: ['  ' + e.message], trail: [] });
    }
  }

  const volUnit = si ? 'hectare-m' : 'acre-feet';
  const depthUnit = si ? 'mm' : 'inches';
  const vol6Unit = si ? '10^6 ltr' : '10^6 gal';

  if (data.rdii) {
    const r = data.rdii;
    blocks.push(
      block([
        '  **********************' + padLeft('Volume', 17) + padLeft('Volume', 14),
        '  Rainfall Dependent I/I' + padLeft(volUnit, 17) + padLeft(vol6Unit, 14),
        '  **********************' + '        ---------' + '     ---------',
        '  ' + dotted('Sewershed Rainfall', 25) + fmtF(r.sewershedRainfall[0], 14, 3) + fmtF(r.sewershedRainfall[1], 14, 3),
        '  ' + dotted('RDII Produced', 25) + fmtF(r.rdiiProduced[0], 14, 3) + fmtF(r.rdiiProduced[1], 14, 3),
        '  ' + dotted('RDII Ratio', 25) + fmtF(r.rdiiRatio, 14, 3),
      ]),
    );
  }

  if (data.runoffContinuity) {
    const c = data.runoffContinuity;
    blocks.push(
      block(
        volumeTable(
          'Runoff Quantity Continuity',
          'Volume',
          'Depth',
          volUnit,
          depthUnit,
          '       -------',
          [
            ['Initial LID Storage', c.initialLidStorage],
            ['Initial Snow Cover', c.initialSnowCover],
            ['Total Precipitation', c.totalPrecipitation],
            ['Outfall Runon', c.outfallRunon],
            ['Evaporation Loss', c.evaporationLoss],
            ['Infiltration Loss', c.infiltrationLoss],
            ['Surface Runoff', c.surfaceRunoff],
            ['LID Drainage', c.lidDrainage],
            ['Snow Removed', c.snowRemoved],
            ['Final Snow Cover', c.finalSnowCover],
            ['Final Storage', c.finalStorage],
          ],
          c.continuityErrorPct,
        ),
      ),
    );
  }

  const pollutants = data.pollutants ?? [];
  if (data.runoffQualityContinuity && pollutants.length > 0) {
    const q = data.runoffQualityContinuity;
    for (const t of qualityTables('Runoff Quality Continuity', pollutants, si, [
      ['Initial Buildup', q.initialBuildup],
      ['Surface Buildup', q.surfaceBuildup],
      ['Wet Deposition', q.wetDeposition],
      ['Sweeping Removal', q.sweepingRemoval],
      ['Infiltration Loss', q.infiltrationLoss],
      ['BMP Removal', q.bmpRemoval],
      ['Surface Runoff', q.surfaceRunoff],
      ['Remaining Buildup', q.remainingBuildup],
      ['Continuity Error (%)', q.continuityErrorPct],
    ]))
      blocks.push(block(t));
  }

  if (data.groundwaterContinuity) {
    const g = data.groundwaterContinuity;
    blocks.push(
      block(
        volumeTable(
          'Groundwater Continuity',
          'Volume',
          'Depth',
          volUnit,
          depthUnit,
          '       -------',
          [
            ['Initial Storage', g.initialStorage],
            ['Infiltration', g.infiltration],
            ['Upper Zone ET', g.upperZoneET],
            ['Lower Zone ET', g.lowerZoneET],
            ['Deep Percolation', g.deepPercolation],
            ['Groundwater Flow', g.groundwaterFlow],
            ['Final Storage', g.finalStorage],
          ],
          g.continuityErrorPct,
        ),
      ),
    );
  }

  if (data.flowRoutingContinuity) {
    const f = data.flowRoutingContinuity;
    blocks.push(
      block(
        volumeTable(
          'Flow Routing Continuity',
          'Volume',
          'Volume',
          volUnit,
          vol6Unit,
          '     ---------',
          [
            ['Dry Weather Inflow', f.dryWeatherInflow],
            ['Wet Weather Inflow', f.wetWeatherInflow],
            ['Groundwater Inflow', f.groundwaterInflow],
            ['RDII Inflow', f.rdiiInflow],
            ['External Inflow', f.externalInflow],
            ['External Outflow', f.externalOutflow],
            ['Flooding Loss', f.floodingLoss],
            ['Evaporation Loss', f.evaporationLoss],
            ['Exfiltration Loss', f.exfiltrationLoss],
            ['Initial Stored Volume', f.initialStoredVolume],
            ['Final Stored Volume', f.finalStoredVolume],
          ],
          f.continuityErrorPct,
        ),
      ),
    );
  }

  if (data.qualityRoutingContinuity && pollutants.length > 0) {
    const q = data.qualityRoutingContinuity;
    for (const t of qualityTables('Quality Routing Continuity', pollutants, si, [
      ['Dry Weather Inflow', q.dryWeatherInflow],
      ['Wet Weather Inflow', q.wetWeatherInflow],
      ['Groundwater Inflow', q.groundwaterInflow],
      ['RDII Inflow', q.rdiiInflow],
      ['External Inflow', q.externalInflow],
      ['External Outflow', q.externalOutflow],
      ['Flooding Loss', q.floodingLoss],
      ['Exfiltration Loss', q.exfiltrationLoss],
      ['Mass Reacted', q.massReacted],
      ['Initial Stored Mass', q.initialStoredMass],
      ['Final Stored Mass', q.finalStoredMass],
      ['Continuity Error (%)', q.continuityErrorPct],
    ]))
      blocks.push(block(t));
  }

  if (data.highestContinuityErrors && data.highestContinuityErrors.length > 0) {
    blocks.push(block([...heading('Highest Continuity Errors'), ...statLines(data.highestContinuityErrors, true)]));
  }
  if (data.timeStepCritical) {
    const lines = data.timeStepCritical.length > 0 ? statLines(data.timeStepCritical, true) : ['  None'];
    blocks.push(block([...heading('Time-Step Critical Elements'), ...lines]));
  }
  if (data.flowInstability) {
    const lines = data.flowInstability.length > 0 ? statLines(data.flowInstability, false) : ['  All links are stable.'];
    blocks.push(block([...heading('Highest Flow Instability Indexes'), ...lines]));
  }
  if (data.nonconverging) {
    const lines = data.nonconverging.length > 0 ? statLines(data.nonconverging, true) : ['  Convergence obtained at all time steps.'];
    blocks.push(block([...heading('Most Frequent Nonconverging Nodes'), ...lines]));
  }
  if (data.routingSteps) {
    const r = data.routingSteps;
    const body = [
      ...heading('Routing Time Step Summary'),
      '  Minimum Time Step           :' + fmtF(r.minStepSec, 9, 2) + ' sec',
      '  Average Time Step           :' + fmtF(r.avgStepSec, 9, 2) + ' sec',
      '  Maximum Time Step           :' + fmtF(r.maxStepSec, 9, 2) + ' sec',
      '  % of Time in Steady State   :' + fmtF(r.pctSteadyState, 9, 2),
      '  Average Iterations per Step :' + fmtF(r.avgIterations, 9, 2),
      '  % of Steps Not Converging   :' + fmtF(r.pctNotConverging, 9, 2),
    ];
    if (r.stepFrequencies && r.stepFrequencies.length > 0) {
      body.push('  Time Step Frequencies       :');
      for (const f of r.stepFrequencies) {
        body.push('  ' + fmtF(f.fromSec, 9, 3) + ' - ' + fmtF(f.toSec, 6, 3) + ' sec      :' + fmtF(f.pct, 9, 2) + ' %');
      }
    }
    blocks.push(block(body));
  }
}
