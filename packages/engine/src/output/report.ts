// SWMM 5.2-layout status report (.rpt) from plain data.
//
// The simulation fills a ReportData (every number already in the user's units, i.e.
// converted with SWMM's UCF factors) and formatReport lays it out exactly as EPA SWMM
// 5.2.4 does: same section order, titles, column headers, number formats and notes.
// Each section is optional: leave it undefined (or null) and it is not printed. The doc
// comment of each field says when SWMM prints it, so the caller can apply the same rule.
//
// Encoding: the report contains "³" (in "1000 ft³"); SWMM writes it as the single
// Latin-1 byte 0xB3. Encode the returned string as latin1 to get SWMM's exact bytes.

import { writeInputSummary } from './report-input.js';
import { writeAnalysisBlocks } from './report-results.js';
import { writeSummaryTables } from './report-tables.js';
import { writeTimeSeries } from './report-series.js';

export type FlowUnitsName = 'CFS' | 'GPM' | 'MGD' | 'CMS' | 'LPS' | 'MLD';
export type ConcUnitsName = 'MG/L' | 'UG/L' | '#/L';

/** A pollutant as the report's quality columns need it. */
export interface ReportPollutant {
  name: string;
  /** Concentration units; '#/L' makes loads print as log10 counts ("LogN"). */
  concUnits: ConcUnitsName;
}

// ---------------------------------------------------------------------------
// Input summary ([REPORT] INPUT YES)

export interface InputSummary {
  elementCount: {
    rainGages: number;
    subcatchments: number;
    nodes: number;
    links: number;
    pollutants: number;
    landUses: number;
  };
  /** Printed when there are pollutants. */
  pollutants?: Array<{
    name: string;
    units: ConcUnitsName;
    /** Rainfall concentration. */
    pptConcen: number;
    /** Groundwater concentration. */
    gwConcen: number;
    /** First-order decay coefficient, 1/days. */
    kdecayPerDay: number;
    /** Co-pollutant name and fraction, when one is defined. */
    coPollutant?: { name: string; fraction: number } | null;
  }> | null;
  /** Printed when there are land uses. */
  landUses?: Array<{ name: string; sweepIntervalDays: number; maxRemovalPct: number; lastSweptDays: number }> | null;
  /** Printed when there are rain gages. */
  rainGages?: Array<{
    name: string;
    /** Time series name, or the rain file name. */
    dataSource: string;
    /** 'INTENSITY', 'VOLUME' or 'CUMULATIVE'; null for a gage that reads a rain file (SWMM then prints only the file name). */
    dataType?: string | null;
    recordingIntervalMin?: number | null;
  }> | null;
  /** Printed when there are subcatchments. */
  subcatchments?: Array<{
    name: string;
    /** acres or hectares */
    area: number;
    /** ft or m */
    width: number;
    imperviousPct: number;
    slopePct: number;
    rainGage: string;
    /** Outlet node or subcatchment name. */
    outlet: string;
  }> | null;
  /** Printed when there are LID units (right after the subcatchment summary). */
  lidControls?: Array<{
    subcatchment: string;
    lidControl: string;
    units: number;
    /** ft² or m² */
    unitArea: number;
    /** ft or m */
    unitWidth: number;
    areaCoveredPct: number;
    imperviousTreatedPct: number;
    perviousTreatedPct: number;
  }> | null;
  /** Printed when there are nodes. */
  nodes?: Array<{
    name: string;
    /** 'JUNCTION', 'OUTFALL', 'STORAGE', 'DIVIDER' */
    type: string;
    invertElev: number;
    maxDepth: number;
    /** ft² or m² */
    pondedArea: number;
    /** Prints "Yes" when the node has external, dry weather or RDII inflow. */
    externalInflow: boolean;
  }> | null;
  /** Printed when there are links (the title row always; rows for each link). */
  links?: Array<{
    name: string;
    fromNode: string;
    toNode: string;
    /** 'CONDUIT', 'ORIFICE', 'WEIR', 'OUTLET', or a pump label such as 'TYPE4 PUMP' / 'IDEAL PUMP'. */
    type: string;
    /** Conduits only: length (ft/m), slope (%), Manning roughness. */
    conduit?: { length: number; slopePct: number; roughness: number } | null;
  }> | null;
  /** Printed when there are links: one row per conduit. */
  crossSections?: Array<{
    conduit: string;
    /** Shape keyword ('CIRCULAR', 'TRAPEZOIDAL', ...) or the transect / shape-curve name. */
    shape: string;
    fullDepth: number;
    fullArea: number;
    hydRad: number;
    maxWidth: number;
    barrels: number;
    /** Full normal flow, flow units. */
    fullFlow: number;
  }> | null;
  /** Custom shape curves used by conduits ("Shape Summary"). */
  shapes?: GeometryTableSummary[] | null;
  /** Transects ("Transect Summary"). */
  transects?: GeometryTableSummary[] | null;
  /** Street cross-sections ("Street Summary"). */
  streets?: GeometryTableSummary[] | null;
}

/** Relative geometry tables (50 values each, for depths 1/50 .. 50/50 of full). */
export interface GeometryTableSummary {
  name: string;
  area: ArrayLike<number>;
  hydRad: ArrayLike<number>;
  width: ArrayLike<number>;
}

// ---------------------------------------------------------------------------
// Analysis options and run-time notes

export interface AnalysisOptions {
  rainfallRunoff: boolean;
  rdii: boolean;
  snowmelt: boolean;
  groundwater: boolean;
  flowRouting: boolean;
  /** Printed only when flow routing is on. */
  pondingAllowed?: boolean | null;
  waterQuality: boolean;
  /** e.g. 'HORTON'; printed when rainfall/runoff is simulated. */
  infiltrationMethod?: string | null;
  /** e.g. 'KINWAVE'; printed when flow routing is on. */
  routingMethod?: string | null;
  /** 'EXTRAN' or 'SLOT'; printed for dynamic wave only. */
  surchargeMethod?: string | null;
  /** SWMM date-time numbers (days since 30-Dec-1899). */
  startDateTime: number;
  endDateTime: number;
  antecedentDryDays: number;
  reportStepSec: number;
  /** Printed when rainfall/runoff is simulated. */
  wetStepSec?: number | null;
  dryStepSec?: number | null;
  /** Printed when flow routing is on. */
  routingStepSec?: number | null;
  /** Dynamic wave only. */
  variableStep?: boolean | null;
  maxTrials?: number | null;
  threads?: number | null;
  /** ft or m; dynamic wave only. */
  headTolerance?: number | null;
}

export interface RainFileStation {
  stationId: string;
  /** SWMM date-time numbers; null when the file had no data (prints asterisks). */
  firstDate: number | null;
  lastDate: number | null;
  recordingFreqMin: number;
  periodsWithPrecip: number;
  periodsMissing: number;
  periodsMalfunctioning: number;
}

export interface ControlAction {
  /** SWMM date-time number of the action. */
  dateTime: number;
  link: string;
  setting: number;
  rule: string;
}

export interface ReportError {
  /** Full message, e.g. "ERROR 156: ambiguous station ID for Rain Gage 2." */
  message: string;
  /** For input errors: the offending input line, printed under the message. */
  inputLine?: string | null;
}

// ---------------------------------------------------------------------------
// Continuity tables. A row left undefined/null is not printed; SWMM's rules are noted.

/** Runoff Quantity Continuity: [volume (acre-ft / hectare-m), depth (in / mm)] pairs. */
export interface RunoffContinuity {
  /** SWMM prints it when > 0. */
  initialLidStorage?: VolDepth | null;
  /** Printed when snowpacks exist. */
  initialSnowCover?: VolDepth | null;
  totalPrecipitation: VolDepth;
  /** Printed when > 0. */
  outfallRunon?: VolDepth | null;
  evaporationLoss: VolDepth;
  infiltrationLoss: VolDepth;
  surfaceRunoff: VolDepth;
  /** Printed when > 0. */
  lidDrainage?: VolDepth | null;
  /** Printed when snowpacks exist. */
  snowRemoved?: VolDepth | null;
  finalSnowCover?: VolDepth | null;
  finalStorage: VolDepth;
  continuityErrorPct: number;
}
export type VolDepth = readonly [volume: number, depth: number];
export type VolVol = readonly [volume: number, volume10e6: number];

export interface GroundwaterContinuity {
  initialStorage: VolDepth;
  infiltration: VolDepth;
  upperZoneET: VolDepth;
  lowerZoneET: VolDepth;
  deepPercolation: VolDepth;
  groundwaterFlow: VolDepth;
  finalStorage: VolDepth;
  continuityErrorPct: number;
}

/** Flow Routing Continuity: [acre-ft or hectare-m, 10^6 gal or 10^6 ltr]. */
export interface FlowRoutingContinuity {
  dryWeatherInflow: VolVol;
  wetWeatherInflow: VolVol;
  groundwaterInflow: VolVol;
  rdiiInflow: VolVol;
  externalInflow: VolVol;
  externalOutflow: VolVol;
  floodingLoss: VolVol;
  evaporationLoss: VolVol;
  exfiltrationLoss: VolVol;
  initialStoredVolume: VolVol;
  finalStoredVolume: VolVol;
  continuityErrorPct: number;
}

/** Runoff Quality Continuity: one value per pollutant (lbs, kg or log10 count). */
export interface RunoffQualityContinuity {
  initialBuildup: number[];
  surfaceBuildup: number[];
  wetDeposition: number[];
  sweepingRemoval: number[];
  infiltrationLoss: number[];
  bmpRemoval: number[];
  surfaceRunoff: number[];
  remainingBuildup: number[];
  continuityErrorPct: number[];
}

export interface QualityRoutingContinuity {
  dryWeatherInflow: number[];
  wetWeatherInflow: number[];
  groundwaterInflow: number[];
  rdiiInflow: number[];
  externalInflow: number[];
  externalOutflow: number[];
  floodingLoss: number[];
  exfiltrationLoss: number[];
  massReacted: number[];
  initialStoredMass: number[];
  finalStoredMass: number[];
  continuityErrorPct: number[];
}

/** Rainfall Dependent I/I block (printed when RDII exists). */
export interface RdiiSummary {
  /** [acre-ft or hectare-m, 10^6 gal or 10^6 ltr] */
  sewershedRainfall: VolVol;
  rdiiProduced: VolVol;
  rdiiRatio: number;
}

// ---------------------------------------------------------------------------
// Flow statistics

/** One entry of the "Highest ..." lists. */
export interface StatEntry {
  kind: 'Node' | 'Link';
  id: string;
  /** Percent (continuity error, critical-step share, non-convergence) or instability index. */
  value: number;
}

export interface RoutingStepSummary {
  minStepSec: number;
  avgStepSec: number;
  maxStepSec: number;
  pctSteadyState: number;
  avgIterations: number;
  pctNotConverging: number;
  /** Dynamic wave with variable step: 5 intervals, from the largest step down. */
  stepFrequencies?: Array<{ fromSec: number; toSec: number; pct: number }> | null;
}

// ---------------------------------------------------------------------------
// Summary tables (rows in the user's units; times of maxima in elapsed days since the
// report start).

export interface SubcatchRunoffRow {
  id: string;
  /** in or mm */
  precip: number;
  runon: number;
  evap: number;
  infil: number;
  impervRunoff: number;
  pervRunoff: number;
  totalRunoff: number;
  /** 10^6 gal or 10^6 ltr */
  totalRunoffVol: number;
  /** flow units */
  peakRunoff: number;
  runoffCoeff: number;
}

export interface LidPerformanceRow {
  subcatchment: string;
  lidControl: string;
  /** in or mm over the LID unit area */
  totalInflow: number;
  evapLoss: number;
  infilLoss: number;
  surfaceOutflow: number;
  drainOutflow: number;
  initialStorage: number;
  finalStorage: number;
  continuityErrorPct: number;
}

export interface GroundwaterRow {
  id: string;
  /** in or mm */
  totalInfil: number;
  totalEvap: number;
  totalLowerSeepage: number;
  totalLateralOutflow: number;
  /** flow units */
  maxLateralOutflow: number;
  avgUpperMoisture: number;
  /** ft or m */
  avgWaterTable: number;
  finalUpperMoisture: number;
  finalWaterTable: number;
}

export interface LoadRow {
  id: string;
  /** One load per pollutant: lbs, kg, or log10 count. */
  loads: ArrayLike<number>;
}

export interface NodeDepthRow {
  id: string;
  /** 'JUNCTION', 'OUTFALL', 'STORAGE', 'DIVIDER' */
  type: string;
  avgDepth: number;
  maxDepth: number;
  maxHGL: number;
  timeOfMaxDays: number;
  reportedMaxDepth: number;
}

export interface NodeInflowRow {
  id: string;
  type: string;
  maxLateralInflow: number;
  maxTotalInflow: number;
  timeOfMaxDays: number;
  /** 10^6 gal or 10^6 ltr */
  lateralInflowVol: number;
  totalInflowVol: number;
  /** Percent; or, when `flowBalanceErrorIsVolume`, the absolute difference in gal or ltr. */
  flowBalanceError: number;
  /** SWMM prints the volume difference (with a "gal"/"ltr" suffix) when the node's outflow is < 1 ft³. */
  flowBalanceErrorIsVolume?: boolean;
}

export interface NodeSurchargeRow {
  id: string;
  type: string;
  hoursSurcharged: number;
  maxHeightAboveCrown: number;
  minDepthBelowRim: number;
}

export interface NodeFloodingRow {
  id: string;
  hoursFlooded: number;
  maxRate: number;
  timeOfMaxDays: number;
  /** 10^6 gal or 10^6 ltr */
  totalFloodVol: number;
  /** Dynamic wave: maximum ponded depth (ft/m); otherwise maximum ponded volume (1000 ft³/m³). */
  maxPonded: number;
}

export interface StorageVolumeRow {
  id: string;
  /** 1000 ft³ or 1000 m³ */
  avgVolume: number;
  avgPctFull: number;
  evapPctLoss: number;
  exfilPctLoss: number;
  maxVolume: number;
  maxPctFull: number;
  timeOfMaxDays: number;
  maxOutflow: number;
}

export interface OutfallLoadingRow {
  id: string;
  flowFreqPct: number;
  avgFlow: number;
  maxFlow: number;
  /** 10^6 gal or 10^6 ltr */
  totalVolume: number;
  loads: ArrayLike<number>;
}

export interface StreetFlowRow {
  id: string;
  peakFlow: number;
  /** ft or m */
  maxSpread: number;
  maxDepth: number;
  /** Present when the street has an inlet. */
  inlet?: {
    design: string;
    location: 'ON-GRADE' | 'ON-SAG';
    count: number;
    /** Capture statistics; SWMM leaves them out when the street never had flow. */
    stats?: {
      peakFlowCapturePct: number;
      avgFlowCapturePct: number;
      bypassFreqPct: number;
      backflowFreqPct: number;
      /** flow units */
      peakCapturePerInlet: number;
      peakBypassFlow: number;
    } | null;
  } | null;
}

export interface LinkFlowRow {
  id: string;
  /** 'CONDUIT', 'CHANNEL', 'DUMMY', 'PUMP', 'ORIFICE', 'WEIR', 'OUTLET' */
  type: string;
  maxFlow: number;
  timeOfMaxDays: number;
  // The last three columns: the line runs up to the last one that is not undefined, and
  // null prints a blank column. SWMM 5.2.4: conduits print all three; pumps
  // (null, ratio); weirs and orifices (null, null, depth ratio or null when it has none);
  // outlets and dummy conduits nothing.
  /** Conduits (values above 50 print as ">50.00"). */
  maxVelocity?: number | null;
  /** Conduits: max flow / full flow; pumps: max flow / max curve flow. */
  maxOverFullFlow?: number | null;
  /** Max depth / full depth. */
  maxOverFullDepth?: number | null;
}

export interface FlowClassRow {
  id: string;
  adjustedOverActualLength: number;
  /** Fractions of time: dry, up dry, down dry, sub crit, sup crit, up crit, down crit, norm ltd, inlet ctrl. */
  dry: number;
  upDry: number;
  downDry: number;
  subCrit: number;
  supCrit: number;
  upCrit: number;
  downCrit: number;
  normLtd: number;
  inletCtrl: number;
}

export interface ConduitSurchargeRow {
  id: string;
  hoursFullBothEnds: number;
  hoursFullUpstream: number;
  hoursFullDnstream: number;
  hoursAboveFullNormalFlow: number;
  hoursCapacityLimited: number;
}

export interface PumpingRow {
  id: string;
  pctUtilized: number;
  startUps: number;
  minFlow: number;
  avgFlow: number;
  maxFlow: number;
  /** 10^6 gal or 10^6 ltr */
  totalVolume: number;
  powerUsageKwh: number;
  pctTimeOffCurveLow: number;
  pctTimeOffCurveHigh: number;
}

// ---------------------------------------------------------------------------
// Time series tables for objects listed in [REPORT] (SWMM prints them after the summary
// tables; it does so from its binary file, i.e. Float32 values). One value per period.

export interface SubcatchSeries {
  id: string;
  /** SWMM date-time of each reporting period. */
  dateTimes: ArrayLike<number>;
  /** in/hr or mm/hr */
  precip: ArrayLike<number>;
  /** Evaporation (per day) / 24 + infiltration, in/hr or mm/hr. */
  losses: ArrayLike<number>;
  /** flow units */
  runoff: ArrayLike<number>;
  /** in or mm; printed when the section has snowmelt. */
  snowDepth?: ArrayLike<number> | null;
  /** ft or m, and flow units; printed when the section has groundwater. */
  gwElev?: ArrayLike<number> | null;
  gwFlow?: ArrayLike<number> | null;
  /** One series per pollutant of ReportData.pollutants. */
  quality?: ReadonlyArray<ArrayLike<number>> | null;
}

export interface NodeSeries {
  id: string;
  dateTimes: ArrayLike<number>;
  inflow: ArrayLike<number>;
  flooding: ArrayLike<number>;
  depth: ArrayLike<number>;
  head: ArrayLike<number>;
  quality?: ReadonlyArray<ArrayLike<number>> | null;
}

export interface LinkSeries {
  id: string;
  dateTimes: ArrayLike<number>;
  flow: ArrayLike<number>;
  velocity: ArrayLike<number>;
  depth: ArrayLike<number>;
  /** Fraction full for conduits, setting for other links. */
  capacity: ArrayLike<number>;
  quality?: ReadonlyArray<ArrayLike<number>> | null;
}

export interface TimeSeriesSection {
  /** Snowmelt is simulated (adds the Snow Depth column to every subcatchment table). */
  hasSnowmelt?: boolean;
  /** Groundwater is simulated (adds GW Elev. and GW Flow columns). */
  hasGroundwater?: boolean;
  subcatchments?: SubcatchSeries[] | null;
  nodes?: NodeSeries[] | null;
  links?: LinkSeries[] | null;
}

// ---------------------------------------------------------------------------

export interface ReportData {
  flowUnits: FlowUnitsName;
  /** Pollutants (empty when there are none or quality is ignored). */
  pollutants?: ReportPollutant[];
  /** [TITLE] lines as read (SWMM prints each followed by one space). */
  title: string[];
  /** "WARNING nn: ..." lines found while reading and checking the input. */
  warnings?: string[];
  /** [REPORT] INPUT YES. */
  input?: InputSummary | null;
  options?: AnalysisOptions | null;
  /** Printed when rain files are used. */
  rainFiles?: RainFileStation[] | null;
  /** [REPORT] CONTROLS YES: the heading prints even when no action was taken. */
  controlActions?: ControlAction[] | null;
  /** Errors; when present SWMM prints no result sections. */
  errors?: ReportError[] | null;
  rdii?: RdiiSummary | null;
  /** Each continuity table prints when [REPORT] CONTINUITY YES (default). */
  runoffContinuity?: RunoffContinuity | null;
  runoffQualityContinuity?: RunoffQualityContinuity | null;
  groundwaterContinuity?: GroundwaterContinuity | null;
  flowRoutingContinuity?: FlowRoutingContinuity | null;
  qualityRoutingContinuity?: QualityRoutingContinuity | null;
  /** Dynamic wave only; not printed when empty (SWMM lists nodes with |error| > 1 %). */
  highestContinuityErrors?: StatEntry[] | null;
  /** Dynamic wave with variable step; an empty list prints "None". */
  timeStepCritical?: StatEntry[] | null;
  /** Routed links; an empty list prints "All links are stable.". */
  flowInstability?: StatEntry[] | null;
  /** Dynamic wave; an empty list prints "Convergence obtained at all time steps.". */
  nonconverging?: StatEntry[] | null;
  routingSteps?: RoutingStepSummary | null;
  subcatchRunoff?: SubcatchRunoffRow[] | null;
  lidPerformance?: LidPerformanceRow[] | null;
  groundwater?: GroundwaterRow[] | null;
  /** Subcatchment Washoff Summary (with pollutants) plus its System total row. */
  subcatchWashoff?: { rows: LoadRow[]; system: ArrayLike<number> } | null;
  nodeDepth?: NodeDepthRow[] | null;
  nodeInflow?: NodeInflowRow[] | null;
  /** Dynamic wave only; an empty list prints "No nodes were surcharged.". */
  nodeSurcharge?: NodeSurchargeRow[] | null;
  /** An empty list prints "No nodes were flooded.". `pondedDepth` true under dynamic wave. */
  nodeFlooding?: { pondedDepth: boolean; rows: NodeFloodingRow[] } | null;
  storageVolume?: StorageVolumeRow[] | null;
  outfallLoading?: { rows: OutfallLoadingRow[]; system: Omit<OutfallLoadingRow, 'id'> } | null;
  streetFlow?: StreetFlowRow[] | null;
  linkFlow?: LinkFlowRow[] | null;
  /** Dynamic wave only. */
  flowClassification?: FlowClassRow[] | null;
  /** An empty list prints "No conduits were surcharged.". */
  conduitSurcharge?: ConduitSurchargeRow[] | null;
  pumping?: PumpingRow[] | null;
  linkPollutantLoad?: LoadRow[] | null;
  timeSeries?: TimeSeriesSection | null;
  /** The closing lines; omitted when absent (the engine does not read the clock). */
  footer?: { analysisBegun: string; analysisEnded: string; elapsed: string } | null;
}

/** Lines of one report block and the lines SWMM writes around it. */
export interface ReportBlock {
  lead: string[];
  body: string[];
  trail: string[];
}

/** Unit labels derived from the flow units. */
export interface UnitLabels {
  si: boolean;
  flow: string;
  /** Flow format decimals where SWMM uses 3 for MGD/CMS and 2 otherwise. */
  flowDecimals: number;
}

export function unitLabels(flowUnits: FlowUnitsName): UnitLabels {
  const si = flowUnits === 'CMS' || flowUnits === 'LPS' || flowUnits === 'MLD';
  return { si, flow: flowUnits, flowDecimals: flowUnits === 'MGD' || flowUnits === 'CMS' ? 3 : 2 };
}

/** Mass unit label of a pollutant's loads: lbs, kg, or LogN for counts. */
export function loadUnits(p: ReportPollutant, si: boolean): string {
  if (p.concUnits === '#/L') return 'LogN';
  return si ? 'kg' : 'lbs';
}

/**
 * The report's bytes as SWMM writes them: one byte per character (Latin-1), so "³" is
 * 0xB3. Characters outside Latin-1 (only possible in user-supplied names) become "?".
 */
export function reportBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 256 ? c : 63;
  }
  return out;
}

const LOGO = '  EPA STORM WATER MANAGEMENT MODEL - VERSION 5.2 (Build 5.2.4)';
const LOGO_RULE = '  ------------------------------------------------------------';

/** Lay out a full SWMM 5.2 status report. */
export function formatReport(data: ReportData): string {
  const blocks: ReportBlock[] = [];
  const head = ['', LOGO, LOGO_RULE, ''];
  for (const t of data.title) head.push('  ' + t + ' ');
  for (const w of data.warnings ?? []) head.push('  ' + w);
  blocks.push({ lead: [], body: head, trail: [] });

  if (data.input) writeInputSummary(blocks, data);
  writeAnalysisBlocks(blocks, data);
  writeSummaryTables(blocks, data);
  if (data.timeSeries) writeTimeSeries(blocks, data);

  const out: string[] = [];
  for (const b of blocks) {
    for (const l of b.lead) out.push(l);
    for (const l of b.body) out.push(l);
    for (const l of b.trail) out.push(l);
  }
  if (data.footer) {
    out.push('');
    out.push('  Analysis begun on:  ' + data.footer.analysisBegun);
    out.push('  Analysis ended on:  ' + data.footer.analysisEnded);
    out.push('  Total elapsed time: ' + data.footer.elapsed);
  }
  return out.join('\n');
}
