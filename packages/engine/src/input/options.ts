// [OPTIONS] (digest §1.4): defaults, one parser per keyword, and the map from typed
// fields back to the keywords that set them (used by the writer to keep the user's
// own text for unchanged options).
import type { Options, FlowUnits, InfiltrationMethod, RoutingMethod } from '../model/types.js';
import { encodeDate } from '../time/datetime.js';
import { Fields } from './fields.js';
import { parseMonthDay, parseSecondsOrTime, parseStepSeconds } from './dates.js';
import { NO_YES } from './keywords.js';

export const FLOW_UNITS: readonly FlowUnits[] = ['CFS', 'GPM', 'MGD', 'CMS', 'LPS', 'MLD'];
export const INFIL_METHODS: readonly InfiltrationMethod[] = [
  'HORTON', 'MODIFIED_HORTON', 'GREEN_AMPT', 'MODIFIED_GREEN_AMPT', 'CURVE_NUMBER',
];
const ROUTING_WORDS = ['NONE', 'STEADY', 'KINWAVE', 'XKINWAVE', 'DYNWAVE', 'NF', 'KW', 'EKW', 'DW'] as const;
const ROUTING_MAP: Record<(typeof ROUTING_WORDS)[number], RoutingMethod> = {
  NONE: 'NONE', STEADY: 'STEADY', KINWAVE: 'KINWAVE', XKINWAVE: 'KINWAVE', DYNWAVE: 'DYNWAVE',
  NF: 'STEADY', KW: 'KINWAVE', EKW: 'KINWAVE', DW: 'DYNWAVE',
};

/** SWMM's "no date given" marker: a huge negative day number. */
export const NO_DATE = -693594;

/** Default options (SWMM 5.2 defaults). */
export function defaultOptions(): Options {
  const start = encodeDate(2004, 1, 1);
  return {
    flowUnits: 'CFS',
    infiltration: 'HORTON',
    routing: 'DYNWAVE',
    linkOffsets: 'DEPTH',
    forceMainEquation: 'H-W',
    startDateTime: start,
    endDateTime: start,
    reportStartDateTime: start,
    sweepStartDay: 1,
    sweepEndDay: 365,
    dryDays: 0,
    wetStepS: 300,
    dryStepS: 3600,
    routingStepS: 20,
    ruleStepS: 0,
    reportStepS: 900,
    lengtheningStepS: 0,
    allowPonding: false,
    inertialDamping: 'PARTIAL',
    normalFlowLimited: 'BOTH',
    variableStep: 0.75,
    minSurfArea: 0,
    minSlope: 0,
    skipSteadyState: false,
    ignoreRainfall: false,
    ignoreSnowmelt: false,
    ignoreGroundwater: false,
    ignoreRdii: false,
    ignoreRouting: false,
    ignoreQuality: false,
    maxTrials: 0,
    headTolerance: 0,
    sysFlowTol: 0.05,
    latFlowTol: 0.05,
    minimumStepS: 0.5,
    threads: 1,
    surchargeMethod: 'EXTRAN',
    raw: {},
  };
}

/** Date/time pieces kept while reading, combined by `combineDates`. */
export interface DateParts {
  startDate?: number;
  startTime?: number;
  endDate?: number;
  endTime?: number;
  reportDate?: number;
  reportTime?: number;
}

/** Option keywords in SWMM's matching order. */
export const OPTION_WORDS = [
  'FLOW_UNITS', 'INFILTRATION', 'FLOW_ROUTING', 'LINK_OFFSETS', 'FORCE_MAIN_EQUATION',
  'IGNORE_RAINFALL', 'IGNORE_SNOWMELT', 'IGNORE_GROUNDWATER', 'IGNORE_RDII', 'IGNORE_ROUTING', 'IGNORE_QUALITY',
  'ALLOW_PONDING', 'INERTIAL_DAMPING', 'NORMAL_FLOW_LIMITED', 'SKIP_STEADY_STATE',
  'START_DATE', 'START_TIME', 'END_DATE', 'END_TIME', 'REPORT_START_DATE', 'REPORT_START_TIME',
  'SWEEP_START', 'SWEEP_END', 'DRY_DAYS', 'WET_STEP', 'DRY_STEP', 'ROUTING_STEP', 'REPORT_STEP', 'RULE_STEP',
  'LENGTHENING_STEP', 'VARIABLE_STEP', 'MINIMUM_STEP', 'MIN_SURFAREA', 'MIN_SLOPE', 'MAX_TRIALS',
  'HEAD_TOLERANCE', 'SYS_FLOW_TOL', 'LAT_FLOW_TOL', 'TEMPDIR', 'THREADS', 'SURCHARGE_METHOD',
  'COMPATIBILITY', 'SLOPE_WEIGHTING',
] as const;
export type OptionWord = (typeof OPTION_WORDS)[number];

function yesNo(f: Fields): boolean {
  return f.kwIndex(1, NO_YES) === 1;
}

/**
 * Parse one option line into `o` (and `d` for date pieces). Errors are recorded on `f`
 * and abort the line (LineAbort), as for other sections.
 */
export function readOptionLine(f: Fields, o: Options, d: DateParts): void {
  if (f.n < 2) return; // SWMM ignores option lines without a value
  const key = f.kw(0, OPTION_WORDS);
  const v = f.tok(1)!;
  switch (key) {
    case 'FLOW_UNITS': o.flowUnits = f.kw(1, FLOW_UNITS); break;
    case 'INFILTRATION': o.infiltration = f.kw(1, INFIL_METHODS); break;
    case 'FLOW_ROUTING': o.routing = ROUTING_MAP[f.kw(1, ROUTING_WORDS)]; break;
    case 'LINK_OFFSETS': o.linkOffsets = f.kw(1, ['DEPTH', 'ELEVATION'] as const); break;
    case 'FORCE_MAIN_EQUATION': o.forceMainEquation = f.kw(1, ['H-W', 'D-W'] as const); break;
    case 'IGNORE_RAINFALL': o.ignoreRainfall = yesNo(f); break;
    case 'IGNORE_SNOWMELT': o.ignoreSnowmelt = yesNo(f); break;
    case 'IGNORE_GROUNDWATER': o.ignoreGroundwater = yesNo(f); break;
    case 'IGNORE_RDII': o.ignoreRdii = yesNo(f); break;
    case 'IGNORE_ROUTING': o.ignoreRouting = yesNo(f); break;
    case 'IGNORE_QUALITY': o.ignoreQuality = yesNo(f); break;
    case 'ALLOW_PONDING': o.allowPonding = yesNo(f); break;
    case 'INERTIAL_DAMPING': o.inertialDamping = f.kw(1, ['NONE', 'PARTIAL', 'FULL'] as const); break;
    case 'NORMAL_FLOW_LIMITED': o.normalFlowLimited = f.kw(1, ['SLOPE', 'FROUDE', 'BOTH', 'NONE'] as const); break;
    case 'SKIP_STEADY_STATE': o.skipSteadyState = yesNo(f); break;
    case 'START_DATE': d.startDate = f.date(1); break;
    case 'START_TIME': d.startTime = f.time(1); break;
    case 'END_DATE': d.endDate = f.date(1); break;
    case 'END_TIME': d.endTime = f.time(1); break;
    case 'REPORT_START_DATE': d.reportDate = f.date(1); break;
    case 'REPORT_START_TIME': d.reportTime = f.time(1); break;
    case 'SWEEP_START':
    case 'SWEEP_END': {
      const day = parseMonthDay(v);
      if (day === undefined) f.fail(213, v, 'a month/day as MM/DD');
      if (key === 'SWEEP_START') o.sweepStartDay = day;
      else o.sweepEndDay = day;
      break;
    }
    case 'DRY_DAYS': o.dryDays = f.num(1, { min: 0 }); break;
    case 'WET_STEP':
    case 'DRY_STEP':
    case 'REPORT_STEP':
    case 'RULE_STEP': {
      const s = parseStepSeconds(v);
      if (s === undefined) f.fail(213, v, 'a time step as hh:mm:ss or decimal hours');
      if (key === 'RULE_STEP' ? s < 0 : s <= 0) f.fail(211, v, key === 'RULE_STEP' ? 'a time step >= 0' : 'a time step > 0');
      if (key === 'WET_STEP') o.wetStepS = s;
      else if (key === 'DRY_STEP') o.dryStepS = s;
      else if (key === 'REPORT_STEP') o.reportStepS = s;
      else o.ruleStepS = s;
      break;
    }
    case 'ROUTING_STEP':
    case 'LENGTHENING_STEP': {
      const s = parseSecondsOrTime(v);
      if (s === undefined) f.fail(211, v, 'a number of seconds or hh:mm:ss');
      if (key === 'ROUTING_STEP') {
        if (!(s > 0)) f.fail(211, v, 'a routing step > 0 seconds');
        o.routingStepS = s;
      } else o.lengtheningStepS = Math.max(0, s);
      break;
    }
    case 'VARIABLE_STEP': o.variableStep = f.num(1, { min: 0, max: 2 }); break;
    case 'MINIMUM_STEP': o.minimumStepS = f.num(1, { min: 0 }); break;
    case 'MIN_SURFAREA': o.minSurfArea = f.num(1, { min: 0 }); break;
    case 'MIN_SLOPE': o.minSlope = f.num(1, { min: 0, lt: 100 }) / 100; break;
    case 'MAX_TRIALS': o.maxTrials = f.int(1, { min: 0 }); break;
    case 'HEAD_TOLERANCE': o.headTolerance = f.num(1, { min: 0 }); break;
    case 'SYS_FLOW_TOL': o.sysFlowTol = f.num(1, { min: 0 }) / 100; break;
    case 'LAT_FLOW_TOL': o.latFlowTol = f.num(1, { min: 0 }) / 100; break;
    case 'THREADS': o.threads = f.int(1, { min: 0 }); break;
    case 'SURCHARGE_METHOD': o.surchargeMethod = f.kw(1, ['EXTRAN', 'SLOT'] as const); break;
    case 'TEMPDIR':
    case 'COMPATIBILITY':
    case 'SLOPE_WEIGHTING':
      break; // accepted, no effect
  }
  o.raw[key] = f.t.slice(1);
}

/** Combine date pieces into the start/end/report-start day numbers (digest §1.4). */
export function combineDates(o: Options, d: DateParts): void {
  const startDate = d.startDate ?? encodeDate(2004, 1, 1);
  const startTime = d.startTime ?? 0;
  const endDate = d.endDate ?? startDate;
  const endTime = d.endTime ?? 0;
  o.startDateTime = startDate + startTime;
  o.endDateTime = endDate + endTime;
  // [as-is] a missing report date or time is SWMM's huge negative NO_DATE, so the sum
  // falls before the start and reporting starts with the simulation.
  const rep = (d.reportDate ?? NO_DATE) + (d.reportTime ?? NO_DATE);
  o.reportStartDateTime = Math.max(rep, o.startDateTime);
}

/**
 * Which typed fields each keyword controls (for the writer). Date/time keywords are
 * grouped: a change in startDateTime rewrites both START_DATE and START_TIME.
 */
export const OPTION_FIELDS: Record<OptionWord, (keyof Options)[]> = {
  FLOW_UNITS: ['flowUnits'], INFILTRATION: ['infiltration'], FLOW_ROUTING: ['routing'],
  LINK_OFFSETS: ['linkOffsets'], FORCE_MAIN_EQUATION: ['forceMainEquation'],
  IGNORE_RAINFALL: ['ignoreRainfall'], IGNORE_SNOWMELT: ['ignoreSnowmelt'], IGNORE_GROUNDWATER: ['ignoreGroundwater'],
  IGNORE_RDII: ['ignoreRdii'], IGNORE_ROUTING: ['ignoreRouting'], IGNORE_QUALITY: ['ignoreQuality'],
  ALLOW_PONDING: ['allowPonding'], INERTIAL_DAMPING: ['inertialDamping'], NORMAL_FLOW_LIMITED: ['normalFlowLimited'],
  SKIP_STEADY_STATE: ['skipSteadyState'],
  START_DATE: ['startDateTime'], START_TIME: ['startDateTime'],
  END_DATE: ['endDateTime'], END_TIME: ['endDateTime'],
  REPORT_START_DATE: ['reportStartDateTime'], REPORT_START_TIME: ['reportStartDateTime'],
  SWEEP_START: ['sweepStartDay'], SWEEP_END: ['sweepEndDay'], DRY_DAYS: ['dryDays'],
  WET_STEP: ['wetStepS'], DRY_STEP: ['dryStepS'], ROUTING_STEP: ['routingStepS'], REPORT_STEP: ['reportStepS'],
  RULE_STEP: ['ruleStepS'], LENGTHENING_STEP: ['lengtheningStepS'], VARIABLE_STEP: ['variableStep'],
  MINIMUM_STEP: ['minimumStepS'], MIN_SURFAREA: ['minSurfArea'], MIN_SLOPE: ['minSlope'], MAX_TRIALS: ['maxTrials'],
  HEAD_TOLERANCE: ['headTolerance'], SYS_FLOW_TOL: ['sysFlowTol'], LAT_FLOW_TOL: ['latFlowTol'],
  TEMPDIR: [], THREADS: ['threads'], SURCHARGE_METHOD: ['surchargeMethod'], COMPATIBILITY: [], SLOPE_WEIGHTING: [],
};

