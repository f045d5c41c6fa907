// Turns a finished run's state into the report's data (user units) and the binary output's
// header: the glue between the physics modules' statistics and output/report.ts.
import type { EngineError } from './api.js';
import type { Model } from './model/types.js';
import type { UnitFactors } from './model/units.js';
import type { FinalOptions } from './input/finalize.js';
import type { RainFileStats } from './input/rainfile.js';
import type { RunoffDriver } from './hydrology/runoff-driver.js';
import { runoffContinuity, runoffSubcatchSummary } from './hydrology/runoff.js';
import { ROUTE_DYNWAVE, LINK_CONDUIT, LINK_PUMP, LINK_OUTLET, type Network } from './hydraulics/network.js';
import { routingSummary, type Routing } from './hydraulics/routing.js';
import { dynwaveSummary } from './hydraulics/dynwave-summary.js';
import { controlsActionLog, type Controls } from './hydraulics/controls.js';
import { lidPerformanceSummary, type LidState } from './hydrology/lid.js';
import type { OutHeader } from './output/binary.js';
import type { AnalysisOptions, ReportData, VolDepth, RainFileStation, InputSummary, GeometryTableSummary } from './output/report.js';
import { XSECT_SHAPE_NAMES, XS_IRREGULAR, XS_CUSTOM } from './hydraulics/xsect.js';
import { lidControlSummary } from './hydrology/lid.js';
import type { QualityRun } from './quality/quality-run.js';
import { gwContinuity, gwSummary, type Groundwater } from './hydrology/groundwater.js';
import { rdiiSummary, type Rdii } from './hydrology/rdii.js';
import { XS_STREET } from './hydraulics/xsect.js';
import { buildStreets, readStreets } from './hydraulics/street.js';
import { streetFlowSummary, type InletState } from './hydraulics/inlet.js';
import { pollutantListOf } from './quality/quality-input.js';

export interface ReportedObjects {
  subcatchments: number[];
  nodes: number[];
  links: number[];
}

const ROUTING_NAME: Record<string, string> = { STEADY: 'STEADY', KINWAVE: 'KINWAVE', DYNWAVE: 'DYNWAVE' };



/** The header of the binary output for the reported objects. */
export function outHeaderFor(
  model: Model, net: Network | null, uf: UnitFactors, fin: FinalOptions, rep: ReportedObjects, pollutants: OutHeader['pollutants'] = [],
): OutHeader {
  const L = uf.length;
  const nodeIdx = rep.nodes;
  const linkIdx = rep.links;
  const linkType = (j: number): number => net!.linkType[j]!;
  // One report step before the first reported period (§11.4).
  const stepDays = fin.reportStepS / 86400;
  let start = fin.startDateTime;
  if (fin.startDateTime + stepDays <= fin.reportStartDateTime) {
    start = fin.startDateTime + (Math.floor((fin.reportStartDateTime - fin.startDateTime) / stepDays) - 1) * stepDays;
  }
  return {
    flowUnits: model.options.flowUnits,
    subcatchIds: rep.subcatchments.map((i) => model.subcatchments[i]!.name),
    nodeIds: nodeIdx.map((i) => net!.nodeNames[i]!),
    linkIds: linkIdx.map((j) => net!.linkNames[j]!),
    pollutants,
    subcatchAreas: rep.subcatchments.map((i) => model.subcatchments[i]!.area),
    nodeTypes: nodeIdx.map((i) => net!.nodeType[i]!),
    nodeInverts: nodeIdx.map((i) => net!.nodeInvertFt[i]! * L),
    nodeFullDepths: nodeIdx.map((i) => net!.nodeFullDepthFt[i]! * L),
    linkTypes: linkIdx.map((j) => linkType(j)),
    linkOffsets1: linkIdx.map((j) => (linkType(j) === LINK_PUMP ? 0 : net!.linkOffset1Ft[j]! * L)),
    linkOffsets2: linkIdx.map((j) => (linkType(j) === LINK_PUMP ? 0 : net!.linkOffset2Ft[j]! * L)),
    linkFullDepths: linkIdx.map((j) => {
      const t = linkType(j);
      if (t === LINK_PUMP || t === LINK_OUTLET) return 0;
      return (net!.linkXsect[j]?.yFull ?? 0) * L;
    }),
    linkLengths: linkIdx.map((j) => (linkType(j) === LINK_CONDUIT ? net!.conduitLengthFt[net!.linkSub[j]!]! * L : 0)),
    startDateTime: start,
    reportStepSec: fin.reportStepS,
  };
}

function analysisOptions(model: Model, fin: FinalOptions, doRunoff: boolean, routes: boolean, quality: boolean): AnalysisOptions {
  const o = model.options;
  const dw = fin.routing === 'DYNWAVE';
  return {
    rainfallRunoff: doRunoff,
    rdii: !model.options.ignoreRdii && (model.extra['[HYDROGRAPHS]']?.lines.length ?? 0) > 0,
    snowmelt: !model.options.ignoreSnowmelt && (model.extra['[SNOWPACKS]']?.lines.length ?? 0) > 0,
    groundwater: !model.options.ignoreGroundwater && (model.extra['[AQUIFERS]']?.lines.length ?? 0) > 0,
    flowRouting: routes,
    pondingAllowed: routes ? o.allowPonding : null,
    waterQuality: quality,
    infiltrationMethod: doRunoff ? o.infiltration : null,
    routingMethod: routes ? ROUTING_NAME[fin.routing] ?? fin.routing : null,
    surchargeMethod: routes && dw ? o.surchargeMethod : null,
    startDateTime: fin.startDateTime,
    endDateTime: fin.endDateTime,
    antecedentDryDays: o.dryDays,
    reportStepSec: fin.reportStepS,
    wetStepSec: doRunoff ? fin.wetStepS : null,
    dryStepSec: doRunoff ? fin.dryStepS : null,
    routingStepSec: routes ? fin.routingStepS : null,
    variableStep: routes && dw ? o.variableStep > 0 : null,
    maxTrials: routes && dw ? fin.maxTrials : null,
    threads: routes && dw ? o.threads : null,
    headTolerance: routes && dw ? fin.headToleranceFt * (model.options.flowUnits === 'CMS' || model.options.flowUnits === 'LPS' || model.options.flowUnits === 'MLD' ? 0.3048 : 1) : null,
  };
}

export interface ReportInputs {
  model: Model;
  uf: UnitFactors;
  fin: FinalOptions;
  drv: RunoffDriver;
  net: Network | null;
  routing: Routing | null;
  warnings: string[];
  errors: EngineError[];
  rainStats: { gage: string; station: string; stats: RainFileStats; intervalS: number }[];
  controls: Controls | null;
  lids: LidState | null;
  quality?: QualityRun | null;
  /** Aquifers (Groundwater Continuity and Summary). */
  gw?: Groundwater | null;
  /** RDII generator (the Rainfall Dependent I/I block). */
  rdii?: Rdii | null;
  /** Street inlets (Street Flow Summary statistics). */
  inlets?: InletState | null;
}

/** SWMM's report for a run that stopped on input errors. */
export function buildErrorReport(model: Model | null, errors: EngineError[], warnings: string[]): ReportData {
  return {
    flowUnits: model?.options.flowUnits ?? 'CFS',
    title: model?.title ?? [],
    warnings: warnings.filter((w) => /^WARNING \d+/.test(w)),
    errors: errors.map((e) => ({ message: swmmErrorLine(e), inputLine: null })),
  };
}

function swmmErrorLine(e: EngineError): string {
  const text = e.message.startsWith('ERROR') ? e.message : `ERROR ${e.code}: ${e.message}`;
  return e.line && !/line \d+/.test(text) ? `${text} (${e.file ?? 'input'} line ${e.line})` : text;
}

export function buildReportData(x: ReportInputs): ReportData {
  const { model, fin, drv, net, routing: r } = x;
  const doRunoff = drv.doRunoff;
  const routes = r !== null && net !== null;
  // Without links SWMM reports "Flow Routing ... NO" and no node/link tables, yet still passes runoff
  // through the outfalls and prints the Flow Routing Continuity table.
  const hasLinks = routes && net.nLinks > 0;
  const data: ReportData = {
    flowUnits: model.options.flowUnits,
    title: model.title,
    warnings: x.warnings.filter((w) => /^WARNING \d+/.test(w)),
    options: analysisOptions(model, fin, doRunoff, hasLinks, !!x.quality),
  };
  if (x.errors.length > 0) data.errors = x.errors.map((e) => ({ message: swmmErrorLine(e), inputLine: null }));
  if (x.rainStats.length > 0) {
    data.rainFiles = x.rainStats.map(
      (s): RainFileStation => ({
        stationId: s.station,
        firstDate: s.stats.firstDate,
        lastDate: s.stats.lastDate,
        recordingFreqMin: Math.round(s.intervalS / 60),
        periodsWithPrecip: s.stats.periodsWithPrecip,
        periodsMissing: s.stats.periodsMissing,
        periodsMalfunctioning: s.stats.periodsMalfunc,
      }),
    );
  }
  const continuity = model.report.continuity;
  if (x.rdii) data.rdii = rdiiSummary(x.rdii, x.uf);
  if (model.report.input) data.input = inputSummary(model, net, x.lids, drv);
  if (model.report.controls && hasLinks) data.controlActions = x.controls ? controlsActionLog(x.controls, net.linkNames) : [];

  if (doRunoff) {
    const rc = runoffContinuity(drv.ro);
    const vd = (row: { volume: number; depth: number }): VolDepth => [row.volume, row.depth];
    if (continuity) {
      data.runoffContinuity = {
        initialLidStorage: rc.ft3.initStorage > 0 ? vd(rc.initialLidStorage) : null,
        totalPrecipitation: vd(rc.totalPrecipitation),
        outfallRunon: rc.ft3.runon > 0 ? vd(rc.outfallRunon) : null,
        evaporationLoss: vd(rc.evaporationLoss),
        infiltrationLoss: vd(rc.infiltrationLoss),
        surfaceRunoff: vd(rc.surfaceRunoff),
        lidDrainage: rc.ft3.drains > 0 ? vd(rc.lidDrainage) : null,
        finalStorage: vd(rc.finalStorage),
        initialSnowCover: rc.snow ? vd(rc.snow.initialCover) : null,
        snowRemoved: rc.snow ? vd(rc.snow.removed) : null,
        finalSnowCover: rc.snow ? vd(rc.snow.finalCover) : null,
        continuityErrorPct: rc.continuityErrorPct,
      };
    }
    data.subcatchRunoff = runoffSubcatchSummary(drv.ro).map((s) => ({
      id: s.name,
      precip: s.totalPrecip,
      runon: s.totalRunon,
      evap: s.totalEvap,
      infil: s.totalInfil,
      impervRunoff: s.impervRunoff,
      pervRunoff: s.pervRunoff,
      totalRunoff: s.totalRunoffDepth,
      totalRunoffVol: s.totalRunoffVolume,
      peakRunoff: s.peakRunoff,
      runoffCoeff: s.runoffCoeff,
    }));
    if (x.lids) data.lidPerformance = lidPerformanceSummary(x.lids, drv.ro);
    if (x.gw) {
      const gc = gwContinuity(x.gw);
      if (continuity || gc.continuityErrorPct > 10) data.groundwaterContinuity = gc;
      // Averages are over the whole runoff period.
      data.groundwater = gwSummary(x.gw, drv.newRunoffMs / 1000);
    }
  }

  if (routes) addRoutingTables(data, model, net, r, continuity, hasLinks);
  if (hasLinks) addStreetFlow(data, model, net, r, x.inlets ?? null);
  if (x.quality) addQualityTables(data, x.quality, continuity, doRunoff, routes, hasLinks);
  // IGNORE_QUALITY: SWMM still lists the pollutants (with zero loads) in the Outfall Loading Summary.
  else if (model.options.ignoreQuality && hasLinks) data.pollutants = pollutantListOf(model);
  return data;
}

/** Street Flow Summary (SWMM 5.2): every STREET conduit, with its inlet's capture statistics. */
function addStreetFlow(data: ReportData, model: Model, net: Network, r: Routing, inlets: InletState | null): void {
  if ((model.extra['[STREETS]']?.lines.length ?? 0) === 0) return;
  const byName = new Map(readStreets(model, net.ucf.length).streets.map((s) => [s.name.toUpperCase(), s] as const));
  const linkStreet = model.links.map((l) => (l.xsect?.shape.toUpperCase() === 'STREET' && l.xsect.ref ? byName.get(l.xsect.ref.toUpperCase()) ?? null : null));
  data.streetFlow = streetFlowSummary(inlets, net, linkStreet, r.stats.linkMaxFlow, r.stats.linkMaxDepth);
}

/** Quality tables (digest §10.3, §10.5): continuity tables print when asked for or when off by more than 10 %. */
function addQualityTables(data: ReportData, quality: QualityRun, continuity: boolean, doRunoff: boolean, routes: boolean, hasLinks: boolean): void {
  const qd = quality.reportData();
  data.pollutants = qd.pollutants;
  if (doRunoff && qd.runoffQualityContinuity && (continuity || qd.runoffQualityMaxErrorPct > 10)) {
    data.runoffQualityContinuity = qd.runoffQualityContinuity;
  }
  if (doRunoff && qd.subcatchWashoff) data.subcatchWashoff = qd.subcatchWashoff;
  if (!routes) return;
  if (qd.qualityRoutingContinuity && (continuity || qd.qualityRoutingMaxErrorPct > 10)) {
    data.qualityRoutingContinuity = qd.qualityRoutingContinuity;
  }
  if (!hasLinks) return;
  if (data.outfallLoading && qd.outfallLoads) {
    data.outfallLoading.rows.forEach((row, k) => (row.loads = qd.outfallLoads!.loads[k] ?? []));
    data.outfallLoading.system.loads = qd.outfallLoads.system;
  }
  if (qd.linkPollutantLoad) data.linkPollutantLoad = qd.linkPollutantLoad;
}

function addRoutingTables(data: ReportData, model: Model, net: Network, r: Routing, continuity: boolean, hasLinks: boolean): void {
  const sum = routingSummary(r);
  if (continuity) data.flowRoutingContinuity = sum.flowRoutingContinuity;
  if (!hasLinks) return;
  const dws = r.dw ? dynwaveSummary(net, r.dw) : null;
  if (model.report.flowStats && net.nLinks > 0) {
    if (net.routeModel === ROUTE_DYNWAVE) data.highestContinuityErrors = sum.highestContinuityErrors;
    if (dws) {
      if (model.options.variableStep > 0) data.timeStepCritical = dws.timeStepCritical;
      data.nonconverging = dws.nonconverging;
    }
    data.flowInstability = sum.flowInstability;
    data.routingSteps = dws ? { ...sum.routingSteps, stepFrequencies: dws.stepFrequencies } : sum.routingSteps;
  }
  if (dws) data.flowClassification = dws.flowClassification;
  data.nodeDepth = sum.nodeDepth;
  data.nodeInflow = sum.nodeInflow;
  if (net.routeModel === ROUTE_DYNWAVE) data.nodeSurcharge = sum.nodeSurcharge;
  data.nodeFlooding = sum.nodeFlooding;
  if (sum.storageVolume.length > 0) data.storageVolume = sum.storageVolume;
  if (sum.outfallLoading.rows.length > 0) data.outfallLoading = sum.outfallLoading;
  data.linkFlow = sum.linkFlow.map((row) => {
    // Outlets and dummy conduits print no ratio columns at all (undefined), others blank (null) columns.
    if (row.type === 'OUTLET' || row.type === 'DUMMY') return { id: row.id, type: row.type, maxFlow: row.maxFlow, timeOfMaxDays: row.timeOfMaxDays };
    return row;
  });
  data.conduitSurcharge = sum.conduitSurcharge;
  if (sum.pumping.length > 0) {
    data.pumping = sum.pumping.map((p) => ({ ...p, pctTimeOffCurveLow: p.pctOffCurveLow, pctTimeOffCurveHigh: p.pctOffCurveHigh }));
  }
}

function countLines(model: Model, section: string): number {
  return model.extra[section]?.lines.length ?? 0;
}

/** Names defined by the first token of a section's lines (pollutants, land uses). */
function namesIn(model: Model, section: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of model.extra[section]?.lines ?? []) {
    const n = l.tokens[0];
    if (n && !seen.has(n.toUpperCase())) {
      seen.add(n.toUpperCase());
      out.push(n);
    }
  }
  return out;
}

/** [REPORT] INPUT YES: the input summary tables SWMM prints before the results. */
function inputSummary(model: Model, net: Network | null, lids: LidState | null, drv: RunoffDriver): InputSummary {
  const L = model.options.flowUnits === 'CMS' || model.options.flowUnits === 'LPS' || model.options.flowUnits === 'MLD' ? 0.3048 : 1;
  const pollutantLines = model.extra['[POLLUTANTS]']?.lines ?? [];
  const withInflow = new Set<string>();
  for (const i of model.inflows) withInflow.add(i.node.toUpperCase());
  for (const d of model.dwf) withInflow.add(d.node.toUpperCase());
  for (const l of model.extra['[RDII]']?.lines ?? []) if (l.tokens[0]) withInflow.add(l.tokens[0].toUpperCase());
  const sum: InputSummary = {
    elementCount: {
      rainGages: model.gages.length,
      subcatchments: model.subcatchments.length,
      nodes: model.nodes.length,
      links: model.links.length,
      pollutants: pollutantLines.length,
      landUses: namesIn(model, '[LANDUSES]').length,
    },
  };
  if (pollutantLines.length > 0) {
    sum.pollutants = pollutantLines.map((l) => {
      const t = l.tokens;
      const co = t[7] && t[7] !== '*' ? { name: t[7], fraction: Number(t[8] ?? 0) } : null;
      return {
        name: t[0]!,
        units: (t[1] ?? 'MG/L').toUpperCase() as 'MG/L' | 'UG/L' | '#/L',
        pptConcen: Number(t[2] ?? 0),
        gwConcen: Number(t[3] ?? 0),
        kdecayPerDay: Number(t[5] ?? 0),
        coPollutant: co,
      };
    });
  }
  if (countLines(model, '[LANDUSES]') > 0) {
    sum.landUses = (model.extra['[LANDUSES]']?.lines ?? []).map((l) => ({
      name: l.tokens[0]!,
      sweepIntervalDays: Number(l.tokens[1] ?? 0),
      maxRemovalPct: Number(l.tokens[2] ?? 0) * 100,
      lastSweptDays: Number(l.tokens[3] ?? 0),
    }));
  }
  if (model.gages.length > 0) {
    sum.rainGages = model.gages.map((g) => ({
      name: g.name,
      dataSource: g.source.kind === 'TIMESERIES' ? g.source.series : g.source.file,
      dataType: g.form,
      recordingIntervalMin: Math.round(g.intervalS / 60),
    }));
  }
  if (model.subcatchments.length > 0) {
    sum.subcatchments = model.subcatchments.map((sc) => ({
      name: sc.name,
      area: sc.area,
      width: sc.width,
      imperviousPct: sc.pctImperv,
      slopePct: sc.pctSlope,
      rainGage: sc.gage,
      outlet: sc.outlet,
    }));
    if (lids) sum.lidControls = lidControlSummary(lids, drv.ro);
  }
  if (net && model.nodes.length > 0) {
    sum.nodes = model.nodes.map((n, i) => ({
      name: n.name,
      type: n.kind,
      invertElev: n.invertElev,
      maxDepth: net.nodeFullDepthFt[i]! * L,
      pondedArea: n.pondedArea,
      externalInflow: withInflow.has(n.name.toUpperCase()),
    }));
  }
  if (net && model.links.length > 0) {
    sum.links = model.links.map((lk, j) => {
      let type: string = lk.kind;
      if (lk.kind === 'PUMP') {
        const t = net.pumpType[net.linkSub[j]!]!;
        type = t === 0 ? 'IDEAL PUMP' : `TYPE${t} PUMP`;
      }
      const row: NonNullable<InputSummary['links']>[number] = { name: lk.name, fromNode: lk.fromNode, toNode: lk.toNode, type };
      if (lk.kind === 'CONDUIT') {
        const k = net.linkSub[j]!;
        // As SWMM prints them: a conduit reversed for DW keeps its user (negative) slope, and an
        // irregular (transect) conduit shows the transect's main-channel n that it flows with.
        const slopePct = net.conduitSlope[k]! * net.linkDirection[j]! * 100;
        row.conduit = { length: net.conduitLengthFt[k]! * L, slopePct, roughness: net.conduitRoughness[k]! };
      }
      return row;
    });
    const crossSections: NonNullable<InputSummary['crossSections']> = [];
    const transects: GeometryTableSummary[] = [];
    const shapes: GeometryTableSummary[] = [];
    const seen = new Set<string>();
    model.links.forEach((lk, j) => {
      if (lk.kind !== 'CONDUIT') return;
      const xs = net.linkXsect[j];
      if (!xs) return;
      const k = net.linkSub[j]!;
      const code = net.linkShape[j]!;
      const named = code === XS_IRREGULAR || code === XS_CUSTOM || code === XS_STREET;
      const shape = named ? (lk.xsect?.ref ?? '') : XSECT_SHAPE_NAMES[code] ?? lk.xsect?.shape ?? '';
      crossSections.push({
        conduit: lk.name,
        shape,
        fullDepth: xs.yFull * L,
        fullArea: xs.aFull * L * L,
        hydRad: xs.rFull * L,
        maxWidth: xs.wMax * L,
        barrels: net.conduitBarrels[k]!,
        fullFlow: net.linkQFullCfs[j]! * net.ucf.flow,
      });
      const tbl = code === XS_IRREGULAR ? xs.transect : code === XS_CUSTOM ? xs.shapeTable : null;
      if (tbl && named && !seen.has(shape.toUpperCase())) {
        seen.add(shape.toUpperCase());
        const entry = { name: shape, area: tbl.areaTbl.subarray(1), hydRad: tbl.hradTbl.subarray(1), width: tbl.widthTbl.subarray(1) };
        (code === XS_IRREGULAR ? transects : shapes).push(entry);
      }
    });
    sum.crossSections = crossSections;
    if (transects.length > 0) sum.transects = transects;
    if (shapes.length > 0) sum.shapes = shapes;
    // Every [STREETS] entry, in input order, whether or not a conduit uses it.
    const streets = buildStreets(model, net.ucf.length).streets;
    if (streets.length > 0) {
      sum.streets = streets.map((s) => ({ name: s.name, area: s.table.areaTbl.subarray(1), hydRad: s.table.hradTbl.subarray(1), width: s.table.widthTbl.subarray(1) }));
    }
  }
  return sum;
}
