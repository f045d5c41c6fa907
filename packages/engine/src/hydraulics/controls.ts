// Control rule evaluation (digest §7.12, §2.4): premises over the network state, THEN/ELSE
// actions, priorities, modulated settings (curve, time series, PID), the rule clock
// (RULE_STEP) and the "Control Actions Taken" log.
//
// How a main loop uses it (SWMM's order, §2.2 / §2.4):
//   once:      const { controls, errors } = parseControls(model.extra['[CONTROLS]'], model)
//              controls.gages = { rainfall, used, pastRain }      (only if GAGE premises are used)
//   step size: dtS = controlsLimitStep(controls, newRoutingTimeMs, dtS)   (RULE_STEP > 0 lands on rule times)
//   per routing step, right after routingBeginStep (which sets pump targets from start-up/
//   shut-off depths and moves the last lateral inflows to nodeOldLatFlow) and before
//   routingExecuteStep applies the changed settings:
//              controlsAtStepStart(controls, net, startDateTime, newRoutingTimeMs, dtS)
//   after the routing clock advanced:
//              controlsAtStepEnd(controls, newRoutingTimeMs)
//   report:    controlsActionLog(controls, net.linkNames)
//
// Values compared in premises are in the user's units, as in the .inp. Evaluation reads
// typed-array columns through ControlNetView (the routing Network satisfies it) and
// allocates nothing.
import { xsectAreaOfDepth, type Xsect } from './xsect.js';
import { LINK_CONDUIT, LINK_PUMP, LINK_ORIFICE, LINK_WEIR, type Network } from './network.js';
import { dateOfElapsedMs, dayOfWeek, dayOfYear, monthOf } from '../time/datetime.js';
import { evalExpression } from './controls-expr.js';
import {
  type Controls, MISSING, MAX_PAST_RAIN_HOURS,
  OBJ_GAGE, OBJ_NODE, OBJ_LINK,
  A_DEPTH, A_MAXDEPTH, A_HEAD, A_VOLUME, A_INFLOW, A_FLOW, A_FULLFLOW, A_FULLDEPTH, A_STATUS, A_SETTING,
  A_LENGTH, A_SLOPE, A_VELOCITY, A_TIMEOPEN, A_TIMECLOSED, A_TIME, A_DATE, A_CLOCKTIME, A_DAYOFYEAR, A_DAY,
  A_MONTH, A_INTENSITY,
  REL_EQ, REL_NE, REL_LT, REL_LE, REL_GT, REL_GE,
  ACT_VALUE, ACT_CURVE, ACT_SERIES, ACT_PID,
} from './controls-parse.js';

export {
  parseControls, MISSING, MAX_PAST_RAIN_HOURS,
  type Controls, type ControlsParseOptions, type ControlsParseResult,
} from './controls-parse.js';

/** The network columns premises and actions use (internal units; routing's Network satisfies it). */
export interface ControlNetView {
  /** Internal → user factors. */
  readonly ucf: { readonly length: number; readonly flow: number; readonly volume: number };
  readonly nodeNewDepth: Float64Array;
  readonly nodeInvertFt: Float64Array;
  readonly nodeFullDepthFt: Float64Array;
  readonly nodeNewVolume: Float64Array;
  /**
   * Lateral inflow of the last completed step (cfs): what SWMM's INFLOW premise reads. Rules
   * are evaluated after routingBeginStep, which has moved that value here from nodeNewLatFlow.
   */
  readonly nodeOldLatFlow: Float64Array;
  /** Link type codes of network.ts (LINK_CONDUIT, LINK_PUMP, …). */
  readonly linkType: Int8Array;
  /** Index within the link's own type (conduit k for conduit columns). */
  readonly linkSub: Int32Array;
  readonly linkNewFlow: Float64Array;
  readonly linkNewDepth: Float64Array;
  readonly linkSetting: Float64Array;
  /** Written by controlsEvaluate. */
  readonly linkTargetSetting: Float64Array;
  /** Date-time of the last switch between zero and nonzero setting. */
  readonly linkTimeLastSet: Float64Array;
  readonly linkQFullCfs: Float64Array;
  readonly linkDirection: Int8Array;
  readonly linkXsect: readonly (Xsect | null)[];
  readonly conduitLengthFt: Float64Array;
  readonly conduitSlope: Float64Array;
  readonly conduitBarrels: Float64Array;
  /** Curves and time series in model order (user units; series times are date-times). */
  readonly curves: readonly { readonly x: Float64Array; readonly y: Float64Array }[];
  readonly series: readonly { readonly t: Float64Array; readonly v: Float64Array }[];
}

/** The routing network as the rules see it (also a compile-time check that it fits the view). */
export function controlViewOf(net: Network): ControlNetView {
  return net;
}

/**
 * Rain-gage state for GAGE premises, in model gage order and user units: current intensity
 * (in/hr or mm/hr), SWMM's "used" flag, and past hourly rain depths with stride
 * PAST_RAIN_STRIDE — entry g·stride + h is the depth in the h-th previous whole hour
 * (h = 1..48; entry 0 is the hour in progress and is not counted). Without this view a
 * GAGE premise has no value (false).
 */
export interface ControlGageView {
  readonly rainfall: Float64Array;
  readonly used: Uint8Array;
  readonly pastRain: Float64Array | null;
}
export const PAST_RAIN_STRIDE = MAX_PAST_RAIN_HOURS + 1;

/** One logged control action (the report's "Control Actions Taken" line). */
export interface ControlActionRecord {
  dateTime: number;
  link: string;
  setting: number;
  rule: string;
}

const SEC_PER_DAY = 86400;
/** PID: relative error only when the raw error exceeds this (SWMM's TINY). */
const PID_TINY = 1e-6;
/** PID: errors that stop changing reset the history; smaller updates are dropped. */
const PID_TOL = 0.0001;
const FUDGE = 0.0001;

/** Evaluation context for one call (kept in locals/fields, not closures). */
interface Now {
  dateTime: number;
  date: number;
  time: number;
  elapsedDays: number;
}

function updateCalendar(c: Controls, day: number): void {
  c.calDay = day;
  c.calMonth = monthOf(day);
  c.calDayOfWeek = dayOfWeek(day);
  c.calDayOfYear = dayOfYear(day);
}

function gageValue(c: Controls, g: number, attr: number): number {
  const gv = c.gages;
  if (gv === null || g < 0) return MISSING;
  if (!gv.used[g]) return 0;
  if (attr === A_INTENSITY) return gv.rainfall[g]!;
  const pr = gv.pastRain;
  if (pr === null) return MISSING;
  const hours = attr - A_INTENSITY;
  let sum = 0;
  const base = g * PAST_RAIN_STRIDE;
  for (let h = 1; h <= hours; h++) sum += pr[base + h]!;
  return sum;
}

/** Value of an OBJECT/attribute variable in user units, or MISSING (digest §7.12). */
function variableValue(c: Controls, net: ControlNetView, now: Now, obj: number, idx: number, attr: number): number {
  if (obj === OBJ_GAGE) return gageValue(c, idx, attr);
  const i = obj === OBJ_NODE ? idx : -1;
  const j = obj === OBJ_LINK ? idx : -1;
  switch (attr) {
    case A_TIME: return now.elapsedDays;
    case A_DATE: return now.date;
    case A_CLOCKTIME: return now.time;
    case A_DAY: return c.calDayOfWeek;
    case A_MONTH: return c.calMonth;
    case A_DAYOFYEAR: return c.calDayOfYear;
    case A_STATUS: {
      if (j < 0) return MISSING;
      const t = net.linkType[j];
      return t === LINK_CONDUIT || t === LINK_PUMP ? net.linkSetting[j]! : MISSING;
    }
    case A_SETTING: {
      if (j < 0) return MISSING;
      const t = net.linkType[j];
      return t === LINK_PUMP || t === LINK_ORIFICE || t === LINK_WEIR ? net.linkSetting[j]! : MISSING;
    }
    case A_FLOW:
      return j < 0 ? MISSING : net.linkDirection[j]! * net.linkNewFlow[j]! * net.ucf.flow;
    case A_FULLFLOW:
    case A_FULLDEPTH:
    case A_VELOCITY:
    case A_LENGTH:
    case A_SLOPE: {
      if (j < 0 || net.linkType[j] !== LINK_CONDUIT) return MISSING;
      const k = net.linkSub[j]!;
      switch (attr) {
        case A_FULLFLOW: return net.linkQFullCfs[j]! * net.ucf.flow;
        case A_FULLDEPTH: return (net.linkXsect[j]?.yFull ?? 0) * net.ucf.length;
        case A_VELOCITY: return conduitVelocity(net, j, k) * net.ucf.length;
        case A_LENGTH: return net.conduitLengthFt[k]! * net.ucf.length;
        default: return net.conduitSlope[k]!;
      }
    }
    case A_DEPTH:
      if (j >= 0) return net.linkNewDepth[j]! * net.ucf.length;
      if (i >= 0) return net.nodeNewDepth[i]! * net.ucf.length;
      return MISSING;
    case A_MAXDEPTH: return i >= 0 ? net.nodeFullDepthFt[i]! * net.ucf.length : MISSING;
    case A_HEAD: return i >= 0 ? (net.nodeNewDepth[i]! + net.nodeInvertFt[i]!) * net.ucf.length : MISSING;
    case A_VOLUME: return i >= 0 ? net.nodeNewVolume[i]! * net.ucf.volume : MISSING;
    case A_INFLOW: return i >= 0 ? net.nodeOldLatFlow[i]! * net.ucf.flow : MISSING;
    case A_TIMEOPEN:
      if (j < 0 || net.linkSetting[j]! <= 0) return MISSING;
      return now.dateTime - net.linkTimeLastSet[j]!;
    case A_TIMECLOSED:
      if (j < 0 || net.linkSetting[j]! > 0) return MISSING;
      return now.dateTime - net.linkTimeLastSet[j]!;
    default: return MISSING;
  }
}

/**
 * Per-barrel velocity (ft/s) from the latest flow and depth; 0 at depths ≤ 0.01 ft.
 * [as-is] Not multiplied by the link direction (digest §12.2).
 */
function conduitVelocity(net: ControlNetView, j: number, k: number): number {
  const y = net.linkNewDepth[j]!;
  if (y <= 0.01) return 0;
  const xs = net.linkXsect[j];
  if (!xs) return 0;
  const a = xsectAreaOfDepth(xs, y);
  return a > FUDGE ? net.linkNewFlow[j]! / net.conduitBarrels[k]! / a : 0;
}

function expressionValue(c: Controls, net: ControlNetView, now: Now, e: number): number {
  const prog = c.exprs[e]!;
  const vars = prog.vars;
  for (let m = 0; m < vars.length; m++) {
    const v = vars[m]!;
    c.varValues[v] = variableValue(c, net, now, c.varObj[v]!, c.varIdx[v]!, c.varAttr[v]!);
  }
  return evalExpression(prog, c.varValues, c.exprStack);
}

/** Plain comparison; records the compared values as the controller value and set point. */
function compareValues(c: Controls, lhs: number, rel: number, rhs: number): boolean {
  c.setPoint = rhs;
  c.controlValue = lhs;
  switch (rel) {
    case REL_EQ: return lhs === rhs;
    case REL_NE: return lhs !== rhs;
    case REL_LT: return lhs < rhs;
    case REL_LE: return lhs <= rhs;
    case REL_GT: return lhs > rhs;
    case REL_GE: return lhs >= rhs;
    default: return false;
  }
}

/** Time comparison: = and <> use a window of ± half a step; the others compare plainly. */
function compareTimes(c: Controls, lhs: number, rel: number, rhs: number, halfStep: number): boolean {
  if (rel === REL_EQ) return lhs >= rhs - halfStep && lhs < rhs + halfStep;
  if (rel === REL_NE) return lhs < rhs - halfStep || lhs >= rhs + halfStep;
  return compareValues(c, lhs, rel, rhs);
}

function evaluatePremise(c: Controls, net: ControlNetView, now: Now, p: number, halfStep: number): boolean {
  const e = c.premExpr[p]!;
  const attr = c.premLAttr[p]!;
  const lhs = e >= 0
    ? expressionValue(c, net, now, e)
    : variableValue(c, net, now, c.premLObj[p]!, c.premLIdx[p]!, attr);
  const rhs = c.premRhsVar[p]
    ? variableValue(c, net, now, c.premRObj[p]!, c.premRIdx[p]!, c.premRAttr[p]!)
    : c.premValue[p]!;
  if (lhs === MISSING || rhs === MISSING) return false;
  const rel = c.premRel[p]!;
  if (e < 0) {
    if (attr === A_TIME || attr === A_CLOCKTIME) return compareTimes(c, lhs, rel, rhs, halfStep);
    if (attr === A_TIMEOPEN || attr === A_TIMECLOSED) {
      const r = compareTimes(c, lhs, rel, rhs, halfStep);
      c.controlValue = lhs * 24; // hours, for curves and PID
      return r;
    }
  }
  return compareValues(c, lhs, rel, rhs);
}

function curveValue(x: Float64Array, y: Float64Array, v: number): number {
  const n = x.length;
  if (n === 0) return 0;
  if (v <= x[0]!) return y[0]!;
  for (let i = 1; i < n; i++) {
    if (v <= x[i]!) {
      const dx = x[i]! - x[i - 1]!;
      if (Math.abs(dx) < 1e-20) return (y[i - 1]! + y[i]!) / 2;
      return y[i - 1]! + ((v - x[i - 1]!) * (y[i]! - y[i - 1]!)) / dx;
    }
  }
  return y[n - 1]!;
}

/** Series value at a date-time: linear between entries, end values held beyond the ends. */
function seriesValue(t: Float64Array, v: Float64Array, date: number): number {
  const n = t.length;
  if (n === 0) return 0;
  if (date <= t[0]!) return v[0]!;
  if (date >= t[n - 1]!) return v[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! < date) lo = mid;
    else hi = mid;
  }
  const dx = t[hi]! - t[lo]!;
  if (Math.abs(dx) < 1e-20) return (v[lo]! + v[hi]!) / 2;
  return v[lo]! + ((date - t[lo]!) * (v[hi]! - v[lo]!)) / dx;
}

/**
 * PID controller (recursive form): relative error between the set point and the
 * controller value of the last plain premise; dtDays is the routing step in days.
 */
function pidSetting(c: Controls, net: ControlNetView, a: number, dtDays: number): number {
  const dtMin = dtDays * 1440;
  let e0 = c.setPoint - c.controlValue;
  if (Math.abs(e0) > PID_TINY) e0 = c.setPoint !== 0 ? e0 / c.setPoint : e0 / c.controlValue;
  if (Math.abs(e0 - c.actE1[a]!) < PID_TOL) {
    c.actE2[a] = 0;
    c.actE1[a] = 0;
  }
  const e1 = c.actE1[a]!;
  const e2 = c.actE2[a]!;
  const ki = c.actKi[a]!;
  const p = e0 - e1;
  const i = ki === 0 ? 0 : (e0 * dtMin) / ki;
  const d = (c.actKd[a]! * (e0 - 2 * e1 + e2)) / dtMin;
  let update = c.actKp[a]! * (p + i + d);
  if (Math.abs(update) < PID_TOL) update = 0;
  let setting = net.linkTargetSetting[c.actLink[a]!]! + update;
  c.actE2[a] = e1;
  c.actE1[a] = e0;
  if (setting < 0) setting = 0;
  if (!c.actIsPump[a] && setting > 1) setting = 1;
  return setting;
}

function updateActionValue(c: Controls, net: ControlNetView, a: number, dateTime: number, dtDays: number): void {
  switch (c.actKind[a]) {
    case ACT_CURVE: {
      const cv = net.curves[c.actRef[a]!]!;
      c.actValue[a] = curveValue(cv.x, cv.y, c.controlValue);
      break;
    }
    case ACT_SERIES: {
      const s = net.series[c.actRef[a]!]!;
      c.actValue[a] = seriesValue(s.t, s.v, dateTime);
      break;
    }
    case ACT_PID:
      c.actValue[a] = pidSetting(c, net, a, dtDays);
      break;
  }
}

/**
 * Add an action to the pending list: one entry per link, replaced only by an action of a
 * rule with strictly higher priority. The list keeps SWMM's order (entries reused from
 * the head, new ones put first) because that is the order actions are logged in.
 */
function listAction(c: Controls, a: number): void {
  const link = c.actLink[a]!;
  const prio = c.rulePriority[c.actRule[a]!]!;
  const slots = c.slots;
  for (let s = 0; s < c.nFilled; s++) {
    const b = slots[s]!;
    if (c.actLink[b] === link) {
      if (prio > c.rulePriority[c.actRule[b]!]!) slots[s] = a;
      return;
    }
  }
  if (c.nFilled < c.nSlots) {
    slots[c.nFilled++] = a;
    return;
  }
  for (let s = c.nSlots; s > 0; s--) slots[s] = slots[s - 1]!;
  slots[0] = a;
  c.nSlots++;
  c.nFilled++;
}

function grown<T extends Float64Array | Int32Array>(old: T, fresh: T): T {
  fresh.set(old);
  return fresh;
}

/** Append to the action log (capacity doubles when full: amortised, only when actions are logged). */
function logAction(c: Controls, dateTime: number, link: number, value: number, rule: number): void {
  if (c.logCount === c.logDate.length) {
    const cap = 2 * c.logCount;
    c.logDate = grown(c.logDate, new Float64Array(cap));
    c.logLink = grown(c.logLink, new Int32Array(cap));
    c.logRule = grown(c.logRule, new Int32Array(cap));
    c.logValue = grown(c.logValue, new Float64Array(cap));
  }
  const n = c.logCount++;
  c.logDate[n] = dateTime;
  c.logLink[n] = link;
  c.logRule[n] = rule;
  c.logValue[n] = value;
}

/**
 * Evaluate every rule at a date-time and write the winning actions into
 * net.linkTargetSetting. Returns the number of links whose target changed.
 * @param currentDateTime SWMM date-time at the start of the routing step
 * @param elapsedDays     currentDateTime − simulation start (days)
 * @param dtS             routing step (s): the window of TIME/CLOCKTIME "=" tests and the PID step
 */
export function controlsEvaluate(c: Controls, net: ControlNetView, currentDateTime: number, elapsedDays: number, dtS: number): number {
  if (c.nRules === 0) return 0;
  const date = Math.floor(currentDateTime);
  if (date !== c.calDay) updateCalendar(c, date);
  const now = c.now;
  now.dateTime = currentDateTime;
  now.date = date;
  now.time = currentDateTime - date;
  now.elapsedDays = elapsedDays;
  const dtDays = dtS / SEC_PER_DAY;
  const halfStep = dtDays / 2;
  c.nFilled = 0;

  for (let r = 0; r < c.nRules; r++) {
    // Running result: an OR clause is tested only while the result is false; an IF/AND
    // clause ends the rule's evaluation when the result is already false.
    let result = true;
    const pEnd = c.rulePremStart[r + 1]!;
    for (let p = c.rulePremStart[r]!; p < pEnd; p++) {
      if (c.premOr[p]) {
        if (!result) result = evaluatePremise(c, net, now, p, halfStep);
      } else {
        if (!result) break;
        result = evaluatePremise(c, net, now, p, halfStep);
      }
    }
    const aStart = result ? c.ruleThenStart[r]! : c.ruleElseStart[r]!;
    const aEnd = result ? c.ruleElseStart[r]! : c.ruleThenStart[r + 1]!;
    for (let a = aStart; a < aEnd; a++) {
      // modulated values (and PID history) update even for actions later overruled
      updateActionValue(c, net, a, currentDateTime, dtDays);
      listAction(c, a);
    }
  }

  let count = 0;
  for (let s = 0; s < c.nFilled; s++) {
    const a = c.slots[s]!;
    const j = c.actLink[a]!;
    const v = c.actValue[a]!;
    if (net.linkTargetSetting[j] !== v) {
      net.linkTargetSetting[j] = v;
      // modulated (curve, series, PID) changes are not logged, as in SWMM 5.1.011+
      if (c.logEnabled && c.actKind[a] === ACT_VALUE) logAction(c, currentDateTime, j, v, c.actRule[a]!);
      count++;
    }
  }
  return count;
}

// ---------------------------------------------------------------- rule clock

/** Shorten a routing step (s) so it ends on the next rule time when RULE_STEP > 0. */
export function controlsLimitStep(c: Controls, newRoutingTimeMs: number, stepS: number): number {
  if (c.ruleStepS <= 0 || c.nRules === 0) return stepS;
  const nextRuleMs = c.ruleTimeMs + 1000 * c.ruleStepS;
  if (newRoutingTimeMs + 1000 * stepS >= nextRuleMs) return (nextRuleMs - newRoutingTimeMs) / 1000;
  return stepS;
}

/** True when rules are due at the start of the step beginning at newRoutingTimeMs. */
export function controlsDue(c: Controls, newRoutingTimeMs: number): boolean {
  return c.ruleStepS <= 0 || Math.abs(newRoutingTimeMs - c.ruleTimeMs) < 1;
}

/**
 * At the start of a routing step (routing clock still at its start, newRoutingTimeMs):
 * evaluate the rules if due. Returns the number of target settings changed.
 */
export function controlsAtStepStart(
  c: Controls, net: ControlNetView, startDateTime: number, newRoutingTimeMs: number, dtS: number,
): number {
  if (c.nRules === 0 || !controlsDue(c, newRoutingTimeMs)) return 0;
  const date = dateOfElapsedMs(startDateTime, newRoutingTimeMs);
  return controlsEvaluate(c, net, date, date - startDateTime, dtS);
}

/** After the routing clock advanced to newRoutingTimeMs: move the rule clock when a rule time was reached. */
export function controlsAtStepEnd(c: Controls, newRoutingTimeMs: number): void {
  if (c.ruleStepS <= 0) return;
  if (Math.abs(newRoutingTimeMs - (c.ruleTimeMs + 1000 * c.ruleStepS)) < 1) c.ruleTimeMs += 1000 * c.ruleStepS;
}

// ---------------------------------------------------------------- state and report

/** Attach rain-gage state for GAGE premises. */
export function controlsSetGages(c: Controls, gages: ControlGageView | null): void {
  c.gages = gages;
}

/** Reset run state (PID history, modulated values, rule clock, log) for a fresh run. */
export function controlsReset(c: Controls): void {
  c.actValue.set(c.actFixed);
  c.actE1.fill(0);
  c.actE2.fill(0);
  c.controlValue = 0;
  c.setPoint = 0;
  c.nSlots = 0;
  c.nFilled = 0;
  c.ruleTimeMs = 0;
  c.logCount = 0;
}

/** Logged actions for the report ("Control Actions Taken"), in the order they were taken. */
export function controlsActionLog(c: Controls, linkNames: readonly string[]): ControlActionRecord[] {
  const out: ControlActionRecord[] = [];
  for (let n = 0; n < c.logCount; n++) {
    out.push({
      dateTime: c.logDate[n]!,
      link: linkNames[c.logLink[n]!] ?? '',
      setting: c.logValue[n]!,
      rule: c.ruleNames[c.logRule[n]!] ?? '',
    });
  }
  return out;
}
