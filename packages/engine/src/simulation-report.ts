// Turns a finished run's state into the report's data (user units) and the binary output's
// header: the glue between the physics modules' statistics and output/report.ts.
import type { EngineError } from './api.js';
import type { Model } from './model/types.js';
import type { UnitFactors } from './model/units.js';
import type { FinalOptions } from './input/finalize.js';
import type { RainFileStats } from './input/rainfile.js';
import type { RunoffDriver } from './hydrology/runoff-driver.js';
import { runoffContinuity, runoffSubcatchSummary } from './hydrology/runoff.js';
import {
  ROUTE_DYNWAVE, ROUTE_STEADY, NODE_JUNCTION, NODE_OUTFALL, NODE_STORAGE, NODE_DIVIDER, LINK_CONDUIT, LINK_PUMP,
  LINK_ORIFICE, LINK_WEIR, LINK_OUTLET, ORIFICE_BOTTOM, type Network,
} from './hydraulics/network.js';
import { routingFinish, nodeFlowBalanceError, type Routing } from './hydraulics/routing.js';
import { XS_DUMMY, XS_IRREGULAR } from './hydraulics/xsect.js';
import type { OutHeader } from './output/binary.js';
import type {
  AnalysisOptions, ReportData, StatEntry, VolDepth, VolVol, NodeDepthRow, NodeInflowRow, NodeFloodingRow,
  StorageVolumeRow, OutfallLoadingRow, LinkFlowRow, ConduitSurchargeRow, PumpingRow, RainFileStation,
} from './output/report.js';

export interface ReportedObjects {
  subcatchments: number[];
  nodes: number[];
  links: number[];
}

const NODE_TYPE_NAME = ['JUNCTION', 'OUTFALL', 'STORAGE', 'DIVIDER'];
const LINK_TYPE_NAME = ['CONDUIT', 'PUMP', 'ORIFICE', 'WEIR', 'OUTLET'];
const ROUTING_NAME: Record<string, string> = { STEADY: 'STEADY', KINWAVE: 'KINWAVE', DYNWAVE: 'DYNWAVE' };

function nodeTypeName(t: number): string {
  return NODE_TYPE_NAME[t === NODE_JUNCTION ? 0 : t === NODE_OUTFALL ? 1 : t === NODE_STORAGE ? 2 : t === NODE_DIVIDER ? 3 : 0]!;
}

/** 10⁶ gal (US) or 10⁶ L (SI) per ft³, as SWMM's summary tables use. */
function vcfOf(uf: UnitFactors): number {
  return uf.system === 'SI' ? 28.317e-6 : 7.48e-6;
}

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
  const { model, uf, fin, drv, net, routing: r } = x;
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
  }

  if (routes) addRoutingTables(data, model, uf, fin, net, r, continuity);
  return data;
}

function addRoutingTables(data: ReportData, model: Model, uf: UnitFactors, fin: FinalOptions, net: Network, r: Routing, continuity: boolean): void {
  const fc = routingFinish(r);
  const vcf = vcfOf(uf);
  const s = r.stats;
  const Q = uf.flow;
  const L = uf.length;
  const dw = net.routeModel === ROUTE_DYNWAVE;
  const acreFt = uf.length * uf.landArea;
  const mgal = (uf.system === 'SI' ? 2.4466 : 0.64632) / 86400;
  const vv = (ft3: number): VolVol => [ft3 * acreFt, ft3 * mgal];
  if (continuity) {
    data.flowRoutingContinuity = {
      dryWeatherInflow: vv(fc.dryWeatherInflow),
      wetWeatherInflow: vv(fc.wetWeatherInflow),
      groundwaterInflow: vv(fc.groundwaterInflow),
      rdiiInflow: vv(fc.rdiiInflow),
      externalInflow: vv(fc.externalInflow),
      externalOutflow: vv(fc.externalOutflow),
      floodingLoss: vv(fc.floodingLoss),
      evaporationLoss: vv(fc.evaporationLoss),
      exfiltrationLoss: vv(fc.exfiltrationLoss),
      initialStoredVolume: vv(fc.initialStorage),
      finalStoredVolume: vv(fc.finalStorage),
      continuityErrorPct: fc.errorPct,
    };
  }
  const reportStart = fin.reportStartDateTime;
  const elapsed = (date: number): number => Math.max(0, date - reportStart);
  const steps = Math.max(s.steps, 1);

  if (model.report.flowStats && net.nLinks > 0) {
    data.flowInstability = flowInstability(net, r);
    data.routingSteps = {
      minStepSec: Number.isFinite(s.minStepS) ? s.minStepS : s.maxStepS,
      avgStepSec: s.steps > 0 ? s.timeS / s.steps : 0,
      maxStepSec: s.maxStepS,
      pctSteadyState: (100 * s.steadyStateSteps) / steps,
      avgIterations: s.iterationsSum / steps,
      pctNotConverging: (100 * s.nonConvergingSteps) / steps,
    };
  }

  const nodeDepth: NodeDepthRow[] = [];
  const nodeInflow: NodeInflowRow[] = [];
  const flooding: NodeFloodingRow[] = [];
  const storage: StorageVolumeRow[] = [];
  const outfalls: OutfallLoadingRow[] = [];
  let sysFreq = 0;
  let sysAvg = 0;
  let sysVol = 0;
  for (let i = 0; i < net.nNodes; i++) {
    const id = net.nodeNames[i]!;
    const t = net.nodeType[i]!;
    const maxDepth = s.nodeMaxDepth[i]! * L;
    nodeDepth.push({
      id,
      type: nodeTypeName(t),
      avgDepth: (s.nodeDepthSum[i]! / steps) * L,
      maxDepth,
      maxHGL: maxDepth + net.nodeInvertFt[i]! * L,
      timeOfMaxDays: elapsed(s.nodeMaxDepthDate[i]!),
      reportedMaxDepth: s.nodeMaxRptDepth[i]!,
    });
    const fb = nodeFlowBalanceError(r, i);
    nodeInflow.push({
      id,
      type: nodeTypeName(t),
      maxLateralInflow: s.nodeMaxLatFlow[i]! * Q,
      maxTotalInflow: s.nodeMaxInflow[i]! * Q,
      timeOfMaxDays: elapsed(s.nodeMaxInflowDate[i]!),
      lateralInflowVol: s.nodeLatFlowVolFt3[i]! * vcf,
      totalInflowVol: r.nodeInflowVolFt3[i]! * vcf,
      flowBalanceError: fb.absolute ? fb.value * (uf.system === 'SI' ? 28.317 : 7.48) : fb.value,
      flowBalanceErrorIsVolume: fb.absolute,
    });
    if (t !== NODE_OUTFALL && s.nodeTimeFloodedS[i]! > 0) {
      flooding.push({
        id,
        hoursFlooded: Math.max(0.01, s.nodeTimeFloodedS[i]! / 3600),
        maxRate: s.nodeMaxOverflow[i]! * Q,
        timeOfMaxDays: elapsed(s.nodeMaxOverflowDate[i]!),
        totalFloodVol: s.nodeVolFloodedFt3[i]! * vcf,
        maxPonded: dw ? Math.max(0, (s.nodeMaxDepth[i]! - net.nodeFullDepthFt[i]!) * L) : (s.nodeMaxPondedVolFt3[i]! * uf.volume) / 1000,
      });
    }
    if (t === NODE_STORAGE) {
      const k = net.nodeSub[i]!;
      const full = net.nodeFullVolumeFt3[i]!;
      const avg = s.storageVolSum[k]! / steps;
      const inflow = r.nodeInflowVolFt3[i]!;
      storage.push({
        id,
        avgVolume: (avg * uf.volume) / 1000,
        avgPctFull: full > 0 ? (100 * avg) / full : 0,
        evapPctLoss: inflow > 0 ? (100 * s.storageEvapLossFt3[k]!) / inflow : 0,
        exfilPctLoss: inflow > 0 ? (100 * s.storageExfilLossFt3[k]!) / inflow : 0,
        maxVolume: (s.storageMaxVol[k]! * uf.volume) / 1000,
        maxPctFull: full > 0 ? (100 * s.storageMaxVol[k]!) / full : 0,
        timeOfMaxDays: elapsed(s.storageMaxVolDate[k]!),
        maxOutflow: s.storageMaxFlow[k]! * Q,
      });
    }
    if (t === NODE_OUTFALL) {
      const k = net.nodeSub[i]!;
      const periods = s.outfallPeriods[k]!;
      const freq = (100 * periods) / steps;
      const avg = periods > 0 ? (s.outfallFlowSum[k]! / periods) * Q : 0;
      const vol = r.nodeInflowVolFt3[i]! * vcf;
      outfalls.push({ id, flowFreqPct: freq, avgFlow: avg, maxFlow: s.outfallMaxFlow[k]! * Q, totalVolume: vol, loads: [] });
      sysFreq += freq;
      sysAvg += avg;
      sysVol += vol;
    }
  }
  data.nodeDepth = nodeDepth;
  data.nodeInflow = nodeInflow;
  data.nodeFlooding = { pondedDepth: dw, rows: flooding };
  if (storage.length > 0) data.storageVolume = storage;
  if (outfalls.length > 0) {
    data.outfallLoading = {
      rows: outfalls,
      system: {
        flowFreqPct: sysFreq / outfalls.length,
        avgFlow: sysAvg,
        maxFlow: s.maxOutfallFlowCfs * Q,
        totalVolume: sysVol,
        loads: [],
      },
    };
  }

  const links: LinkFlowRow[] = [];
  const surcharge: ConduitSurchargeRow[] = [];
  const pumps: PumpingRow[] = [];
  for (let j = 0; j < net.nLinks; j++) {
    const id = net.linkNames[j]!;
    const t = net.linkType[j]!;
    const maxFlow = s.linkMaxFlow[j]! * Q;
    const row: LinkFlowRow = { id, type: LINK_TYPE_NAME[t]!, maxFlow, timeOfMaxDays: elapsed(s.linkMaxFlowDate[j]!) };
    const xs = net.linkXsect[j];
    if (t === LINK_CONDUIT) {
      const k = net.linkSub[j]!;
      if (net.linkShape[j] === XS_DUMMY) row.type = 'DUMMY';
      else {
        if (net.linkShape[j] === XS_IRREGULAR) row.type = 'CHANNEL';
        const qFull = net.linkQFullCfs[j]! * net.conduitBarrels[k]!;
        row.maxVelocity = s.linkMaxVeloc[j]! * L;
        row.maxOverFullFlow = qFull > 0 ? s.linkMaxFlow[j]! / qFull : 0;
        row.maxOverFullDepth = xs && xs.yFull > 0 ? s.linkMaxDepth[j]! / xs.yFull : 0;
      }
      const up = s.linkTimeFullUpS[j]!;
      const dn = s.linkTimeFullDnS[j]!;
      const both = s.linkTimeSurchargedS[j]!;
      const norm = s.linkTimeFullFlowS[j]!;
      if (both > 0 || up > 0 || dn > 0 || norm > 0) {
        surcharge.push({
          id,
          hoursFullBothEnds: Math.max(0.01, both / 3600),
          hoursFullUpstream: Math.max(0.01, up / 3600),
          hoursFullDnstream: Math.max(0.01, dn / 3600),
          hoursAboveFullNormalFlow: Math.max(0.01, norm / 3600),
          hoursCapacityLimited: Math.max(0.01, s.linkTimeCapacityLimitedS[j]! / 3600),
        });
      }
    } else if (t === LINK_PUMP) {
      const qMax = net.linkQFullCfs[j]!;
      row.maxVelocity = null;
      row.maxOverFullFlow = qMax > 0 ? s.linkMaxFlow[j]! / qMax : 0;
      const k = net.linkSub[j]!;
      const active = s.pumpUtilizedS[k]!;
      pumps.push({
        id,
        pctUtilized: s.timeS > 0 ? (100 * active) / s.timeS : 0,
        startUps: s.pumpStartUps[k]!,
        minFlow: 0,
        avgFlow: s.pumpPeriods[k]! > 0 ? (s.pumpFlowSum[k]! / s.pumpPeriods[k]!) * Q : 0,
        maxFlow: s.pumpMaxFlow[k]! * Q,
        totalVolume: s.pumpVolumeFt3[k]! * vcf,
        powerUsageKwh: s.pumpEnergyKwh[k]!,
        pctTimeOffCurveLow: active > 0 ? (100 * s.pumpOffCurveLowS[k]!) / active : 0,
        pctTimeOffCurveHigh: active > 0 ? (100 * s.pumpOffCurveHighS[k]!) / active : 0,
      });
    } else if (t === LINK_ORIFICE || t === LINK_WEIR) {
      row.maxVelocity = null;
      row.maxOverFullFlow = null;
      const bottom = t === LINK_ORIFICE && net.orificeType[net.linkSub[j]!] === ORIFICE_BOTTOM;
      row.maxOverFullDepth = !bottom && xs && xs.yFull > 0 ? s.linkMaxDepth[j]! / xs.yFull : null;
    }
    links.push(row);
  }
  data.linkFlow = links;
  data.conduitSurcharge = surcharge;
  if (pumps.length > 0) data.pumping = pumps;
  void ROUTE_STEADY;
}

/** Highest Flow Instability Indexes (§10.4): flow turns per link, top 5 above 1. */
function flowInstability(net: Network, r: Routing): StatEntry[] {
  const n = r.stats.steps;
  if (n <= 2) return [];
  const denom = (2 / 3) * (n - 2);
  const entries: { j: number; value: number }[] = [];
  for (let j = 0; j < net.nLinks; j++) {
    const idx = (r.stats.linkFlowTurns[j]! * 100) / denom;
    if (idx > 1) entries.push({ j, value: idx });
  }
  entries.sort((a, b) => b.value - a.value || a.j - b.j);
  const top = entries.slice(0, 5);
  // [as-is] SWMM prints "All links are stable." when the top-ranked link is the first link.
  if (top.length === 0 || top[0]!.j === 0) return [];
  return top.map((e) => ({ kind: 'Link', id: net.linkNames[e.j]!, value: e.value }));
}
