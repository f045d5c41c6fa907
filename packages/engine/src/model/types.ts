// The parsed model: what the .inp says, in the USER's units, objects in file order.
// This is the contract between the parser (input/), the .inp writer, the platform, and
// the builder that turns it into the simulation's internal state (ft, cfs, s).
// Keeping user units here makes .inp round-trips and UI display lossless; unit
// conversion happens once, in the builder.

/** Where a record came from, for error messages raised after parsing (validation, build). */
export interface SourceRef {
  /** 1-based line in the .inp. */
  line: number;
}

export type FlowUnits = 'CFS' | 'GPM' | 'MGD' | 'CMS' | 'LPS' | 'MLD';
export type InfiltrationMethod = 'HORTON' | 'MODIFIED_HORTON' | 'GREEN_AMPT' | 'MODIFIED_GREEN_AMPT' | 'CURVE_NUMBER';
export type RoutingMethod = 'NONE' | 'STEADY' | 'KINWAVE' | 'DYNWAVE';

/** Day number as in SWMM (days since 30-Dec-1899, fraction = time of day). */
export type DateTime = number;

export interface Options {
  flowUnits: FlowUnits;
  infiltration: InfiltrationMethod;
  routing: RoutingMethod;
  linkOffsets: 'DEPTH' | 'ELEVATION';
  forceMainEquation: 'H-W' | 'D-W';
  /** Start/end/report-start as day numbers (date + time). */
  startDateTime: DateTime;
  endDateTime: DateTime;
  reportStartDateTime: DateTime;
  sweepStartDay: number;
  sweepEndDay: number;
  dryDays: number;
  /** Steps in seconds (already parsed by SWMM's rules; routing step may be fractional). */
  wetStepS: number;
  dryStepS: number;
  routingStepS: number;
  ruleStepS: number;
  reportStepS: number;
  lengtheningStepS: number;
  allowPonding: boolean;
  inertialDamping: 'NONE' | 'PARTIAL' | 'FULL';
  normalFlowLimited: 'SLOPE' | 'FROUDE' | 'BOTH' | 'NONE';
  variableStep: number;
  /** User units (ft² or m²); 0 = default. */
  minSurfArea: number;
  /** Fraction (the .inp gives percent). */
  minSlope: number;
  skipSteadyState: boolean;
  ignoreRainfall: boolean;
  ignoreSnowmelt: boolean;
  ignoreGroundwater: boolean;
  ignoreRdii: boolean;
  ignoreRouting: boolean;
  ignoreQuality: boolean;
  maxTrials: number;
  /** User length units; 0 = default. */
  headTolerance: number;
  /** Fractions (the .inp gives percent). */
  sysFlowTol: number;
  latFlowTol: number;
  minimumStepS: number;
  threads: number;
  surchargeMethod: 'EXTRAN' | 'SLOT';
  /** Every option line as written (upper-cased key → raw value tokens), for round trip. */
  raw: Record<string, string[]>;
}

export type RainForm = 'INTENSITY' | 'VOLUME' | 'CUMULATIVE';
export interface RainGage extends SourceRef {
  name: string;
  form: RainForm;
  /** Recording interval in seconds (SWMM rounding/truncation rules already applied). */
  intervalS: number;
  snowCatchFactor: number;
  source:
    | { kind: 'TIMESERIES'; series: string }
    | { kind: 'FILE'; file: string; station: string; units: 'IN' | 'MM'; startDate?: DateTime };
  /** Raw interval token, kept for round trip. */
  intervalText: string;
}

export interface Evaporation {
  kind: 'CONSTANT' | 'MONTHLY' | 'TIMESERIES' | 'TEMPERATURE' | 'FILE';
  /** CONSTANT: [value]; MONTHLY: 12 values; FILE: 12 pan coefficients (default 1). User units (in/day | mm/day). */
  values: number[];
  series?: string;
  recoveryPattern?: string;
  dryOnly: boolean;
}

export interface Subcatchment extends SourceRef {
  name: string;
  /** Rain gage name; '' = none (written `*`). */
  gage: string;
  /** Node or subcatchment name (resolved by the builder). */
  outlet: string;
  /** acres or hectares */
  area: number;
  pctImperv: number;
  /** ft or m */
  width: number;
  /** percent */
  pctSlope: number;
  curbLength: number;
  snowPack?: string;
  /** From [SUBAREAS]; absent when the subcatchment has no [SUBAREAS] line. */
  subareas?: Subareas;
  /** From [INFILTRATION]; absent → no infiltration. */
  infiltration?: InfiltrationParams;
}

export interface Subareas extends SourceRef {
  nImperv: number;
  nPerv: number;
  /** in or mm */
  sImperv: number;
  sPerv: number;
  pctZero: number;
  routeTo: 'OUTLET' | 'IMPERVIOUS' | 'PERVIOUS';
  pctRouted: number;
}

/** Parameters as given (user units); `method` is the line's own method or the global option. */
export interface InfiltrationParams extends SourceRef {
  method: InfiltrationMethod;
  /** The numbers p1..p5 as written (user units). */
  values: number[];
  /** True when the line named its method explicitly (5.2 syntax). */
  explicitMethod: boolean;
}

// ---------------------------------------------------------------- nodes
export type NodeKind = 'JUNCTION' | 'OUTFALL' | 'DIVIDER' | 'STORAGE';

interface NodeBase extends SourceRef {
  name: string;
  /** ft or m */
  invertElev: number;
  maxDepth: number;
  initDepth: number;
  surDepth: number;
  /** ft² or m² */
  pondedArea: number;
}
export interface Junction extends NodeBase {
  kind: 'JUNCTION';
}
export interface Outfall extends NodeBase {
  kind: 'OUTFALL';
  outfallType: 'FREE' | 'NORMAL' | 'FIXED' | 'TIDAL' | 'TIMESERIES';
  fixedStage?: number;
  /** Tidal curve or time series name. */
  stageData?: string;
  gated: boolean;
  routeTo?: string;
}
export interface Divider extends NodeBase {
  kind: 'DIVIDER';
  /** '' = none (written `*`). */
  divertedLink: string;
  dividerType: 'CUTOFF' | 'TABULAR' | 'WEIR' | 'OVERFLOW';
  /** CUTOFF: [qMin]; WEIR: [qMin, dMax, cW]; user units. */
  params: number[];
  curve?: string;
}
export type StorageShape = 'TABULAR' | 'FUNCTIONAL' | 'CYLINDRICAL' | 'CONICAL' | 'PARABOLIC' | 'PYRAMIDAL';
export interface Storage extends NodeBase {
  kind: 'STORAGE';
  shape: StorageShape;
  /** FUNCTIONAL: [A, B, C]; shaped: [L, W, Z]; TABULAR: []. */
  shapeParams: number[];
  curve?: string;
  fEvap: number;
  /** [] none, [ksat] constant seepage, [suction, ksat, imd] Green-Ampt. User units. */
  seepage: number[];
}
export type Node = Junction | Outfall | Divider | Storage;

// ---------------------------------------------------------------- links
export type LinkKind = 'CONDUIT' | 'PUMP' | 'ORIFICE' | 'WEIR' | 'OUTLET';

interface LinkBase extends SourceRef {
  name: string;
  fromNode: string;
  toNode: string;
  /** Offsets as written (depth or elevation per LINK_OFFSETS); null = `*`. User length units. */
  inOffset: number | null;
  outOffset: number | null;
  xsect?: CrossSection;
}
export interface Conduit extends LinkBase {
  kind: 'CONDUIT';
  length: number;
  roughness: number;
  initFlow: number;
  maxFlow: number;
  losses?: Losses;
}
export interface Pump extends LinkBase {
  kind: 'PUMP';
  /** null = ideal pump (`*`). */
  curve: string | null;
  initStatusOn: boolean;
  startupDepth: number;
  shutoffDepth: number;
}
export interface Orifice extends LinkBase {
  kind: 'ORIFICE';
  orificeType: 'SIDE' | 'BOTTOM';
  dischargeCoeff: number;
  gated: boolean;
  /** hours */
  closeTimeH: number;
}
export interface Weir extends LinkBase {
  kind: 'WEIR';
  weirType: 'TRANSVERSE' | 'SIDEFLOW' | 'V-NOTCH' | 'TRAPEZOIDAL' | 'ROADWAY';
  dischargeCoeff: number;
  gated: boolean;
  endContractions: number;
  endCoeff: number;
  canSurcharge: boolean;
  roadWidth: number;
  roadSurface?: 'PAVED' | 'GRAVEL';
  coeffCurve?: string;
}
export interface Outlet extends LinkBase {
  kind: 'OUTLET';
  outletType: 'FUNCTIONAL/DEPTH' | 'FUNCTIONAL/HEAD' | 'TABULAR/DEPTH' | 'TABULAR/HEAD';
  coeff: number;
  expon: number;
  curve?: string;
  gated: boolean;
}
export type Link = Conduit | Pump | Orifice | Weir | Outlet;

export interface CrossSection extends SourceRef {
  /** SWMM keyword, upper case (CIRCULAR, RECT_OPEN, IRREGULAR, CUSTOM, STREET, ...). */
  shape: string;
  /** User length units. */
  geom: [number, number, number, number];
  barrels: number;
  culvertCode: number;
  /** IRREGULAR: transect name; CUSTOM: shape curve name; STREET: street name. */
  ref?: string;
}

export interface Losses extends SourceRef {
  kEntry: number;
  kExit: number;
  kAvg: number;
  flapGate: boolean;
  /** in/hr or mm/hr */
  seepageRate: number;
}

export interface Transect extends SourceRef {
  name: string;
  nLeft: number;
  nRight: number;
  nChannel: number;
  xLeftBank: number;
  xRightBank: number;
  meander: number;
  stationFactor: number;
  elevOffset: number;
  /** Station–elevation pairs as written (before factor/offset). */
  stations: number[];
  elevations: number[];
}

// ---------------------------------------------------------------- tables
export type CurveType =
  | 'STORAGE' | 'DIVERSION' | 'TIDAL' | 'RATING' | 'CONTROL' | 'SHAPE' | 'WEIR'
  | 'PUMP1' | 'PUMP2' | 'PUMP3' | 'PUMP4' | 'PUMP5';
export interface Curve extends SourceRef {
  name: string;
  type: CurveType;
  x: number[];
  y: number[];
}

export interface TimeSeries extends SourceRef {
  name: string;
  /** Day numbers (absolute; dateless entries are offsets from the simulation start). */
  times: DateTime[];
  values: number[];
  /** Set when the series comes from an external file (its name as written). */
  file?: string;
  /**
   * True when no entry carried a date, i.e. times are offsets from the simulation start
   * (START_DATE + START_TIME at parse time); the .inp writer then writes hours again.
   */
  relative?: boolean;
}

export interface Pattern extends SourceRef {
  name: string;
  type: 'MONTHLY' | 'DAILY' | 'HOURLY' | 'WEEKEND';
  factors: number[];
}

export interface ExternalInflow extends SourceRef {
  node: string;
  /** 'FLOW' or a pollutant name. */
  constituent: string;
  /** '' when none. */
  series: string;
  type: 'FLOW' | 'CONCEN' | 'MASS';
  mFactor: number;
  sFactor: number;
  baseline: number;
  baselinePattern?: string;
}

export interface DryWeatherFlow extends SourceRef {
  node: string;
  constituent: string;
  average: number;
  patterns: string[];
}

export interface ReportOptions {
  input: boolean;
  continuity: boolean;
  flowStats: boolean;
  controls: boolean;
  averages: boolean;
  /** 'ALL', 'NONE', or a list of names (accumulated over lines). */
  subcatchments: 'ALL' | 'NONE' | string[];
  nodes: 'ALL' | 'NONE' | string[];
  links: 'ALL' | 'NONE' | string[];
  /** Always [] from the parser: SWMM 5.2.4 rejects `LID` lines in [REPORT] (error 205); LID reports are set in [LID_USAGE]. */
  lids: { lid: string; subcatchment: string; file: string }[];
  /** DISABLED YES|NO (no report at all); absent = not given. */
  disabled?: boolean;
}

/** A section whose physics are outside this engine's current scope, kept verbatim (and typed where parsed). */
export interface RawSection {
  /** Section keyword as written, with brackets, e.g. "[LID_CONTROLS]". */
  name: string;
  /** Data lines (comments stripped), with their line numbers. */
  lines: { line: number; text: string; tokens: string[] }[];
}

export interface Coordinates {
  /** Node coordinates (map units). */
  nodes: Record<string, [number, number]>;
  /** Link vertices, in order. */
  vertices: Record<string, [number, number][]>;
  /** Subcatchment polygons. */
  polygons: Record<string, [number, number][]>;
  gages: Record<string, [number, number]>;
  map?: { dimensions?: [number, number, number, number]; units?: string };
}

export interface Model {
  title: string[];
  options: Options;
  gages: RainGage[];
  evaporation: Evaporation;
  subcatchments: Subcatchment[];
  /** All nodes in file order (junctions, outfalls, dividers, storage share one index). */
  nodes: Node[];
  /** All links in file order (conduits, pumps, orifices, weirs, outlets share one index). */
  links: Link[];
  transects: Transect[];
  curves: Curve[];
  timeseries: TimeSeries[];
  patterns: Pattern[];
  inflows: ExternalInflow[];
  dwf: DryWeatherFlow[];
  report: ReportOptions;
  coordinates: Coordinates;
  /**
   * Sections parsed for later physics (LID, quality, groundwater, RDII, snow, controls, events,
   * streets/inlets, adjustments, temperature, files, tags, labels…): kept for round trip and
   * typed by their own modules when those land. Keyed by upper-case section name with brackets.
   */
  extra: Record<string, RawSection>;
  /** Order of sections as they appeared in the file, for a faithful .inp writer. */
  sectionOrder: string[];
}
