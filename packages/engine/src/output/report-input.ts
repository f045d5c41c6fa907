// Input summary sections of the report ([REPORT] INPUT YES): Element Count through
// Street Summary, in SWMM 5.2's order and layout.

import { fmtD, fmtF, padLeft, padRight } from './format.js';
import type { GeometryTableSummary, InputSummary, ReportBlock, ReportData } from './report.js';

/** The three-line starred heading SWMM puts over a section. */
export function heading(title: string, starCount = title.length): string[] {
  const stars = '  ' + '*'.repeat(starCount);
  return [stars, '  ' + title, stars];
}

/** A block with SWMM's usual blank-ish separator lines ("  ") before and after. */
export function block(body: string[]): ReportBlock {
  return { lead: ['  '], body, trail: ['  '] };
}

function elementCount(inp: InputSummary): string[] {
  const c = inp.elementCount;
  return [
    ...heading('Element Count'),
    '  Number of rain gages ...... ' + c.rainGages,
    '  Number of subcatchments ... ' + c.subcatchments,
    '  Number of nodes ........... ' + c.nodes,
    '  Number of links ........... ' + c.links,
    '  Number of pollutants ...... ' + c.pollutants,
    '  Number of land uses ....... ' + c.landUses,
  ];
}

function pollutantSummary(rows: NonNullable<InputSummary['pollutants']>): string[] {
  const out = [
    ...heading('Pollutant Summary'),
    '                               Ppt.      GW         Kdecay',
    '  Name                 Units   Concen.   Concen.    1/days    CoPollutant',
    '  -----------------------------------------------------------------------',
  ];
  for (const p of rows) {
    let line =
      '  ' + padRight(p.name, 20) + ' ' + padLeft(p.units, 5) + fmtF(p.pptConcen, 10, 2) + fmtF(p.gwConcen, 10, 2) + fmtF(p.kdecayPerDay, 10, 2);
    if (p.coPollutant) line += '    ' + p.coPollutant.name + '  (' + fmtF(p.coPollutant.fraction, 0, 2) + ')';
    out.push(line);
  }
  return out;
}

function landuseSummary(rows: NonNullable<InputSummary['landUses']>): string[] {
  const out = [
    ...heading('Landuse Summary'),
    '                         Sweeping   Maximum      Last',
    '  Name                   Interval   Removal     Swept',
    '  ---------------------------------------------------',
  ];
  for (const l of rows) {
    out.push('  ' + padRight(l.name, 20) + ' ' + fmtF(l.sweepIntervalDays, 10, 2) + fmtF(l.maxRemovalPct, 10, 2) + fmtF(l.lastSweptDays, 10, 2));
  }
  return out;
}

function raingageSummary(rows: NonNullable<InputSummary['rainGages']>): string[] {
  const out = [
    ...heading('Raingage Summary'),
    '                                                      Data       Recording',
    '  Name                 Data Source                    Type       Interval ',
    '  ------------------------------------------------------------------------',
  ];
  for (const g of rows) {
    let line = '  ' + padRight(g.name, 20) + ' ' + padRight(g.dataSource, 30);
    // Gages reading a rain file show only the file name.
    if (g.dataType != null) line += ' ' + padRight(g.dataType, 10) + ' ' + fmtD(g.recordingIntervalMin ?? 0, 3) + ' min.';
    out.push(line);
  }
  return out;
}

function subcatchSummary(rows: NonNullable<InputSummary['subcatchments']>): string[] {
  const out = [
    ...heading('Subcatchment Summary'),
    '  Name                       Area     Width   %Imperv    %Slope Rain Gage            Outlet              ',
    '  -----------------------------------------------------------------------------------------------------------',
  ];
  for (const s of rows) {
    out.push(
      '  ' +
        padRight(s.name, 20) +
        ' ' +
        fmtF(s.area, 10, 2) +
        fmtF(s.width, 10, 2) +
        fmtF(s.imperviousPct, 10, 2) +
        fmtF(s.slopePct, 10, 4) +
        ' ' +
        padRight(s.rainGage, 20) +
        ' ' +
        padRight(s.outlet, 20),
    );
  }
  return out;
}

function lidControlSummary(rows: NonNullable<InputSummary['lidControls']>): string[] {
  const out = [
    ...heading('LID Control Summary'),
    '                                   No. of        Unit        Unit      % Area    % Imperv      % Perv',
    '  Subcatchment     LID Control      Units        Area       Width     Covered     Treated     Treated',
    '  ---------------------------------------------------------------------------------------------------',
  ];
  for (const r of rows) {
    out.push(
      '  ' +
        padRight(r.subcatchment, 16) +
        ' ' +
        padRight(r.lidControl, 16) +
        fmtD(r.units, 6) +
        [r.unitArea, r.unitWidth, r.areaCoveredPct, r.imperviousTreatedPct, r.perviousTreatedPct].map((x) => '  ' + fmtF(x, 10, 2)).join(''),
    );
  }
  return out;
}

function nodeSummary(rows: NonNullable<InputSummary['nodes']>): string[] {
  const out = [
    ...heading('Node Summary'),
    '                                           Invert      Max.    Ponded    External',
    '  Name                 Type                 Elev.     Depth      Area    Inflow  ',
    '  -------------------------------------------------------------------------------',
  ];
  for (const n of rows) {
    out.push(
      '  ' +
        padRight(n.name, 20) +
        ' ' +
        padRight(n.type, 16) +
        fmtF(n.invertElev, 10, 2) +
        fmtF(n.maxDepth, 10, 2) +
        fmtF(n.pondedArea, 10, 1) +
        (n.externalInflow ? '    Yes' : ''),
    );
  }
  return out;
}

function linkSummary(rows: NonNullable<InputSummary['links']>): string[] {
  const out = [
    ...heading('Link Summary'),
    '  Name             From Node        To Node          Type            Length    %Slope Roughness',
    '  ---------------------------------------------------------------------------------------------',
  ];
  for (const l of rows) {
    let line = '  ' + padRight(l.name, 16) + ' ' + padRight(l.fromNode, 16) + ' ' + padRight(l.toNode, 16) + ' ' + padRight(l.type, 12);
    if (l.conduit) line += fmtF(l.conduit.length, 10, 1) + fmtF(l.conduit.slopePct, 10, 4) + fmtF(l.conduit.roughness, 10, 4);
    out.push(line);
  }
  return out;
}

function crossSectionSummary(rows: NonNullable<InputSummary['crossSections']>): string[] {
  const out = [
    ...heading('Cross Section Summary'),
    '                                        Full     Full     Hyd.     Max.   No. of     Full',
    '  Conduit          Shape               Depth     Area     Rad.    Width  Barrels     Flow',
    '  ---------------------------------------------------------------------------------------',
  ];
  for (const x of rows) {
    out.push(
      '  ' +
        padRight(x.conduit, 16) +
        ' ' +
        padRight(x.shape, 16) +
        ' ' +
        fmtF(x.fullDepth, 8, 2) +
        ' ' +
        fmtF(x.fullArea, 8, 2) +
        ' ' +
        fmtF(x.hydRad, 8, 2) +
        ' ' +
        fmtF(x.maxWidth, 8, 2) +
        '      ' +
        fmtD(x.barrels, 3) +
        ' ' +
        fmtF(x.fullFlow, 8, 2),
    );
  }
  return out;
}

function geometryTables(title: string, label: string, tables: GeometryTableSummary[]): string[] {
  const out = heading(title);
  for (const t of tables) {
    out.push('', '  ' + label + ' ' + t.name);
    pushTable(out, '  Area:  ', t.area);
    pushTable(out, '  Hrad:  ', t.hydRad);
    pushTable(out, '  Width: ', t.width);
  }
  return out;
}

function pushTable(out: string[], caption: string, values: ArrayLike<number>): void {
  out.push(caption);
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i % 5 === 0) {
      if (i > 0) out.push(line);
      line = '          ';
    }
    line += fmtF(values[i]!, 10, 4) + ' ';
  }
  if (values.length > 0) out.push(line);
}

/** Append the input summary blocks (Element Count ... Street Summary). */
export function writeInputSummary(blocks: ReportBlock[], data: ReportData): void {
  const inp = data.input;
  if (!inp) return;
  blocks.push(block(elementCount(inp)));
  if (inp.pollutants && inp.pollutants.length > 0) blocks.push(block(pollutantSummary(inp.pollutants)));
  if (inp.landUses && inp.landUses.length > 0) blocks.push(block(landuseSummary(inp.landUses)));
  if (inp.rainGages && inp.rainGages.length > 0) blocks.push(block(raingageSummary(inp.rainGages)));
  if (inp.subcatchments && inp.subcatchments.length > 0) {
    const hasLid = !!inp.lidControls && inp.lidControls.length > 0;
    // SWMM writes the LID table straight after the subcatchment rows, with raw newlines
    // instead of its usual "  " separator lines.
    blocks.push({ lead: ['  '], body: subcatchSummary(inp.subcatchments), trail: hasLid ? [] : ['  '] });
    if (hasLid) blocks.push({ lead: ['', ''], body: lidControlSummary(inp.lidControls!), trail: ['  '] });
  }
  if (inp.nodes && inp.nodes.length > 0) blocks.push(block(nodeSummary(inp.nodes)));
  if (inp.links && inp.links.length > 0) {
    blocks.push(block(linkSummary(inp.links)));
    blocks.push(block(crossSectionSummary(inp.crossSections ?? [])));
  }
  if (inp.shapes && inp.shapes.length > 0) blocks.push(block(geometryTables('Shape Summary', 'Shape', inp.shapes)));
  if (inp.transects && inp.transects.length > 0) blocks.push(block(geometryTables('Transect Summary', 'Transect', inp.transects)));
  if (inp.streets && inp.streets.length > 0) blocks.push(block(geometryTables('Street Summary', 'Street', inp.streets)));
}
