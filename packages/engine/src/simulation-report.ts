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
import { controlsActionLog, type Controls } from './hydraulics/controls.js';
import { lidPerformanceSummary, type LidState } from './hydrology/lid.js';
import type { OutHeader } from './output/binary.js';
import type { AnalysisOptions, ReportData, VolDepth, RainFileStation } from './output/report.js';

export interface ReportedObjects {
  subcatchments: number[];
  nodes: number[];
  links: number[];
}

const ROUTING_NAME: Record<string, string> = { STEADY: 'STEADY', KINWAVE: 'KINWAVE', DYNWAVE: 'DYNWAVE' };



/** The header of the binary output for the reported objects. */
export function outHeaderFor(model: Model, net: Network | null, uf: UnitFactors, fin: FinalOptions, rep: ReportedObjects): OutHeader {
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
    pollutants: [],
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

function analysisOptions(model: Model, fin: FinalOptions, doRunoff: boolean, routes: boolean): AnalysisOptions {
  const o = model.options;
  const dw = fin.routing === 'DYNWAVE';
  return {
    rainfallRunoff: doRunoff,
    rdii: false,
    snowmelt: false,
    groundwater: false,
    flowRouting: routes,
    pondingAllowed: routes ? o.allowPonding : null,
    waterQuality: false,
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
  const data: ReportData = {
    flowUnits: model.options.flowUnits,
    title: model.title,
    warnings: x.warnings.filter((w) => /^WARNING \d+/.test(w)),
    options: analysisOptions(model, fin, doRunoff, routes),
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
  if (model.report.controls && routes) data.controlActions = x.controls ? controlsActionLog(x.controls, net.linkNames) : [];

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
  }

  if (routes) addRoutingTables(data, model, net, r, continuity);
  return data;
}

function addRoutingTables(data: ReportData, model: Model, net: Network, r: Routing, continuity: boolean): void {
  const sum = routingSummary(r);
  if (continuity) data.flowRoutingContinuity = sum.flowRoutingContinuity;
  if (model.report.flowStats && net.nLinks > 0) {
    if (net.routeModel === ROUTE_DYNWAVE) data.highestContinuityErrors = sum.highestContinuityErrors;
    data.flowInstability = sum.flowInstability;
    data.routingSteps = sum.routingSteps;
  }
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
