// [CONTROLS] section → compiled control rules (digest §1.16, §7.12; SWMM 5.2 syntax).
//
//   VARIABLE name = OBJECT id ATTRIBUTE | SIMULATION ATTRIBUTE
//   EXPRESSION name = <math expression of VARIABLE names>
//   RULE name
//   IF  <premise>           premise: lhs relation rhs
//   AND | OR <premise>        lhs: OBJECT id ATTRIBUTE | SIMULATION ATTRIBUTE | variable | expression
//   THEN <action>             rhs: a value | OBJECT id ATTRIBUTE | variable
//   AND  <action>           action: OBJECT id STATUS|SETTING = value | CURVE c | TIMESERIES ts | PID kp ki kd
//   ELSE <action> …
//   PRIORITY p
//
// Keywords match as SWMM matches them (case-insensitive; a keyword matches a token it is a
// prefix of). Errors carry SWMM's numbers: 203 too few items, 205 invalid keyword, 209
// undefined object, 211 invalid number, 213 invalid date/time, 217 clause invalid or out
// of sequence, 233 invalid math expression. Names (rules, variables, expressions) are
// matched case-insensitively and exactly.
//
// The result is a struct of typed arrays; the evaluator (controls.ts) keeps its run state in
// the same object, so one parse serves one simulation.
import type { EngineError } from '../api.js';
import type { Model, RawSection } from '../model/types.js';
import { makeError } from '../input/errors.js';
import { findKeyword } from '../input/keywords.js';
import { parseNumber } from '../input/numbers.js';
import { parseDate, parseTime } from '../input/dates.js';
import { dayOfYear } from '../time/datetime.js';
import { compileExpression, type ExprProgram } from './controls-expr.js';

// ---------------------------------------------------------------- codes

export const OBJ_GAGE = 0;
export const OBJ_NODE = 1;
export const OBJ_LINK = 2;
export const OBJ_CONDUIT = 3;
export const OBJ_PUMP = 4;
export const OBJ_ORIFICE = 5;
export const OBJ_WEIR = 6;
export const OBJ_OUTLET = 7;
export const OBJ_SIMULATION = 8;
const OBJECT_WORDS = ['GAGE', 'NODE', 'LINK', 'CONDUIT', 'PUMP', 'ORIFICE', 'WEIR', 'OUTLET', 'SIMULATION'];

export const A_DEPTH = 0;
export const A_MAXDEPTH = 1;
export const A_HEAD = 2;
export const A_VOLUME = 3;
export const A_INFLOW = 4;
export const A_FLOW = 5;
export const A_FULLFLOW = 6;
export const A_FULLDEPTH = 7;
export const A_STATUS = 8;
export const A_SETTING = 9;
export const A_LENGTH = 10;
export const A_SLOPE = 11;
export const A_VELOCITY = 12;
export const A_TIMEOPEN = 13;
export const A_TIMECLOSED = 14;
export const A_TIME = 15;
export const A_DATE = 16;
export const A_CLOCKTIME = 17;
export const A_DAYOFYEAR = 18;
export const A_DAY = 19;
export const A_MONTH = 20;
/** Gage attributes: rainfall intensity; past-n-hour totals are A_PASTRAIN + n. */
export const A_INTENSITY = 32;
export const A_PASTRAIN = 32;
/** Expression on the left side (no attribute). */
export const A_NONE = -1;
// Order matters: prefix matching takes the first keyword a token starts with.
const ATTRIBUTE_WORDS = [
  'DEPTH', 'MAXDEPTH', 'HEAD', 'VOLUME', 'INFLOW', 'FLOW', 'FULLFLOW', 'FULLDEPTH', 'STATUS', 'SETTING',
  'LENGTH', 'SLOPE', 'VELOCITY', 'TIMEOPEN', 'TIMECLOSED', 'TIME', 'DATE', 'CLOCKTIME', 'DAYOFYEAR', 'DAY', 'MONTH',
];
/** Hours of past rainfall a gage keeps (SWMM's MAXPASTRAIN). */
export const MAX_PAST_RAIN_HOURS = 48;

export const REL_EQ = 0;
export const REL_NE = 1;
export const REL_LT = 2;
export const REL_LE = 3;
export const REL_GT = 4;
export const REL_GE = 5;
const RELATION_WORDS = ['=', '<>', '<', '<=', '>', '>='];

/** Action setting sources. */
export const ACT_VALUE = 0;
export const ACT_CURVE = 1;
export const ACT_SERIES = 2;
export const ACT_PID = 3;

const CLAUSE_WORDS = ['RULE', 'IF', 'AND', 'OR', 'THEN', 'ELSE', 'PRIORITY', 'VARIABLE', 'EXPRESSION'];
const C_RULE = 0;
const C_IF = 1;
const C_AND = 2;
const C_OR = 3;
const C_THEN = 4;
const C_ELSE = 5;
const C_PRIORITY = 6;
const C_VARIABLE = 7;
const C_EXPRESSION = 8;

/** Value SWMM uses for "no value" (a premise variable unavailable for its object). */
export const MISSING = -1e10;

// ---------------------------------------------------------------- compiled rules

/**
 * Compiled rules plus their run state. Premises, actions and named variables are columns
 * indexed by their own counters; each rule owns contiguous ranges of them.
 */
export interface Controls {
  readonly nRules: number;
  readonly ruleNames: readonly string[];
  readonly rulePriority: Float64Array;
  /** Premises of rule r: [rulePremStart[r], rulePremStart[r+1]). */
  readonly rulePremStart: Int32Array;
  /** THEN actions of rule r: [ruleThenStart[r], ruleElseStart[r]); ELSE: [ruleElseStart[r], ruleThenStart[r+1]). */
  readonly ruleThenStart: Int32Array;
  readonly ruleElseStart: Int32Array;

  // ---- premises
  readonly nPremises: number;
  /** 1 for an OR clause, 0 for IF/AND. */
  readonly premOr: Uint8Array;
  /** Expression index on the left side, or −1. */
  readonly premExpr: Int32Array;
  readonly premLObj: Int8Array;
  readonly premLIdx: Int32Array;
  readonly premLAttr: Int8Array;
  readonly premRel: Int8Array;
  /** 1 when the right side is a variable (premR*), else premValue. */
  readonly premRhsVar: Uint8Array;
  readonly premRObj: Int8Array;
  readonly premRIdx: Int32Array;
  readonly premRAttr: Int8Array;
  /** Right-side value in the user's units (times and dates in days). */
  readonly premValue: Float64Array;

  // ---- named variables and expressions
  readonly varNames: readonly string[];
  readonly varObj: Int8Array;
  readonly varIdx: Int32Array;
  readonly varAttr: Int8Array;
  readonly exprNames: readonly string[];
  readonly exprs: readonly ExprProgram[];

  // ---- actions, in evaluation order (SWMM evaluates a branch's actions last-written first)
  readonly nActions: number;
  readonly actRule: Int32Array;
  readonly actLink: Int32Array;
  readonly actKind: Int8Array;
  /** Curve or time-series index (by model order) for ACT_CURVE / ACT_SERIES. */
  readonly actRef: Int32Array;
  /** Setting to apply: fixed for ACT_VALUE, recomputed for the others. */
  readonly actValue: Float64Array;
  readonly actFixed: Float64Array;
  readonly actKp: Float64Array;
  readonly actKi: Float64Array;
  readonly actKd: Float64Array;
  /** PID errors one and two evaluations back. */
  readonly actE1: Float64Array;
  readonly actE2: Float64Array;
  /** 1 when the controlled link is a pump (PID settings are not capped at 1). */
  readonly actIsPump: Uint8Array;
  /** Source line of each action (for messages). */
  readonly actLine: Int32Array;

  // ---- run state (see controls.ts)
  /** Date-time values of the evaluation in progress. */
  readonly now: { dateTime: number; date: number; time: number; elapsedDays: number };
  /** Left/right values of the last plain relational test (SWMM's ControlValue / SetPoint). */
  controlValue: number;
  setPoint: number;
  /** Pending action list (action indexes), in SWMM's list order; nSlots persists across evaluations. */
  readonly slots: Int32Array;
  nSlots: number;
  nFilled: number;
  /** Scratch for expression evaluation. */
  readonly varValues: Float64Array;
  readonly exprStack: Float64Array;
  /** RULE_STEP (s; 0 = every routing step) and the routing time (ms) of the last rule evaluation slot. */
  readonly ruleStepS: number;
  ruleTimeMs: number;
  /** Calendar values cached for the current whole day. */
  calDay: number;
  calMonth: number;
  calDayOfWeek: number;
  calDayOfYear: number;
  /** Whether actions are logged (REPORT CONTROLS YES). */
  logEnabled: boolean;
  logCount: number;
  logDate: Float64Array;
  logLink: Int32Array;
  logRule: Int32Array;
  logValue: Float64Array;
  /** Optional rain-gage state for GAGE premises (see ControlGageView in controls.ts). */
  gages: {
    readonly rainfall: Float64Array;
    readonly used: Uint8Array;
    readonly pastRain: Float64Array | null;
  } | null;
}

export interface ControlsParseOptions {
  /** File name for error messages. */
  fileName?: string;
  /** Override the rule step (s); default the model's RULE_STEP option. */
  ruleStepS?: number;
}

export interface ControlsParseResult {
  controls: Controls;
  /** Coded errors (SWMM numbers), each with line, token and what was expected. */
  errors: EngineError[];
  /** SWMM-worded warnings, e.g. "WARNING 11: non-matching attributes in Control Rule R1". */
  warnings: string[];
}

// ---------------------------------------------------------------- parser

interface PremiseRec {
  or: boolean;
  expr: number;
  lObj: number;
  lIdx: number;
  lAttr: number;
  rel: number;
  rhsVar: boolean;
  rObj: number;
  rIdx: number;
  rAttr: number;
  value: number;
}

interface ActionRec {
  link: number;
  kind: number;
  ref: number;
  value: number;
  kp: number;
  ki: number;
  kd: number;
  isPump: boolean;
  line: number;
}

interface RuleRec {
  name: string;
  priority: number;
  premises: PremiseRec[];
  then: ActionRec[];
  els: ActionRec[];
}

interface VarRef {
  obj: number;
  idx: number;
  attr: number;
}

class LineError {
  constructor(readonly code: number, readonly token: string | undefined, readonly expected: string) {}
}

function fail(code: number, token: string | undefined, expected: string): never {
  throw new LineError(code, token, expected);
}

function nameIndex(names: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const k = names[i]!.toUpperCase();
    if (!m.has(k)) m.set(k, i);
  }
  return m;
}

/** C atoi: optional blanks and sign, then leading digits (0 when none). */
function atoi(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number.parseInt(m[1]!, 10) : 0;
}

const STATE_NONE = -1;

class ControlsParser {
  readonly errors: EngineError[] = [];
  readonly warnings: string[] = [];
  readonly rules: RuleRec[] = [];
  private readonly ruleNameSet = new Set<string>();
  readonly vars: VarRef[] = [];
  readonly varNames: string[] = [];
  readonly exprs: ExprProgram[] = [];
  readonly exprNames: string[] = [];
  private state = STATE_NONE;
  private readonly nodes: Map<string, number>;
  private readonly links: Map<string, number>;
  private readonly gages: Map<string, number>;
  private readonly curves: Map<string, number>;
  private readonly series: Map<string, number>;
  private readonly linkKinds: readonly string[];
  private line = 0;

  constructor(model: Model, private readonly fileName: string | undefined) {
    this.nodes = nameIndex(model.nodes.map((n) => n.name));
    this.links = nameIndex(model.links.map((l) => l.name));
    this.gages = nameIndex(model.gages.map((g) => g.name));
    this.curves = nameIndex(model.curves.map((c) => c.name));
    this.series = nameIndex(model.timeseries.map((s) => s.name));
    this.linkKinds = model.links.map((l) => l.kind);
  }

  parseLine(line: number, tok: readonly string[]): void {
    this.line = line;
    try {
      this.clause(tok);
    } catch (e) {
      if (!(e instanceof LineError)) throw e;
      const site: { line: number; section: string; file?: string } = { line, section: '[CONTROLS]' };
      if (this.fileName !== undefined) site.file = this.fileName;
      this.errors.push(makeError(e.code, e.token, site, e.expected));
    }
  }

  private clause(tok: readonly string[]): void {
    if (tok.length < 2) fail(203, undefined, 'a clause keyword followed by its items');
    const kw = findKeyword(tok[0], CLAUSE_WORDS);
    if (kw < 0) fail(205, tok[0], `a clause keyword: ${CLAUSE_WORDS.join(' ')}`);
    if (kw === C_VARIABLE) return this.variable(tok);
    if (kw === C_EXPRESSION) return this.expression(tok);
    if (kw === C_RULE) {
      // A duplicate name starts no rule (later clauses then attach to the previous one);
      // otherwise the rule starts even when the line is faulty, as in SWMM.
      const up = tok[1]!.toUpperCase();
      if (this.ruleNameSet.has(up)) fail(207, tok[1], 'a rule name not used before');
      this.ruleNameSet.add(up);
      this.rules.push({ name: tok[1]!, priority: 0, premises: [], then: [], els: [] });
      this.state = C_RULE;
      if (tok.length > 2) fail(217, tok[2], 'RULE followed by one name');
      return;
    }
    const rule = this.rules[this.rules.length - 1];
    const order = 'RULE, IF, AND/OR, THEN, AND, ELSE, AND, PRIORITY in that order';
    if (!rule) fail(217, tok[0], `a RULE line before ${tok[0]}`);
    switch (kw) {
      case C_IF:
        if (this.state !== C_RULE) fail(217, tok[0], order);
        this.state = C_IF;
        rule.premises.push(this.premise(tok, false));
        return;
      case C_AND:
        if (this.state === C_IF) rule.premises.push(this.premise(tok, false));
        else if (this.state === C_THEN) rule.then.push(this.action(tok));
        else if (this.state === C_ELSE) rule.els.push(this.action(tok));
        else fail(217, tok[0], order);
        return;
      case C_OR:
        if (this.state !== C_IF) fail(217, tok[0], order);
        rule.premises.push(this.premise(tok, true));
        return;
      case C_THEN:
        if (this.state !== C_IF) fail(217, tok[0], order);
        this.state = C_THEN;
        rule.then.push(this.action(tok));
        return;
      case C_ELSE:
        if (this.state !== C_THEN) fail(217, tok[0], order);
        this.state = C_ELSE;
        rule.els.push(this.action(tok));
        return;
      case C_PRIORITY: {
        if (this.state !== C_THEN && this.state !== C_ELSE) fail(217, tok[0], order);
        this.state = C_PRIORITY;
        const p = parseNumber(tok[1]);
        if (p === undefined) fail(211, tok[1], 'a number for the priority');
        rule.priority = p;
        if (tok.length > 2) fail(217, tok[2], 'PRIORITY followed by one number');
        return;
      }
    }
  }

  private varIndexOf(name: string): number {
    const up = name.toUpperCase();
    for (let i = 0; i < this.varNames.length; i++) if (this.varNames[i]!.toUpperCase() === up) return i;
    return -1;
  }

  private exprIndexOf(name: string): number {
    const up = name.toUpperCase();
    for (let i = 0; i < this.exprNames.length; i++) if (this.exprNames[i]!.toUpperCase() === up) return i;
    return -1;
  }

  /** VARIABLE name = OBJECT id ATTRIBUTE | SIMULATION ATTRIBUTE */
  private variable(tok: readonly string[]): void {
    if (tok.length < 5) fail(203, undefined, 'VARIABLE name = OBJECT id ATTRIBUTE (or SIMULATION ATTRIBUTE)');
    const name = tok[1]!;
    if (ATTRIBUTE_WORDS.includes(name.toUpperCase())) fail(205, name, 'a variable name that is not an attribute keyword');
    if (!tok[2]!.startsWith('=')) fail(205, tok[2], "'='");
    if (findKeyword(tok[3], ['SIMULATION']) < 0 && tok.length < 6) fail(203, undefined, 'VARIABLE name = OBJECT id ATTRIBUTE');
    const v = this.variableRef(tok, 3);
    this.vars.push({ obj: v.obj, idx: v.idx, attr: v.attr });
    this.varNames.push(name);
  }

  /** EXPRESSION name = <math expression> (the expression is the rest of the line). */
  private expression(tok: readonly string[]): void {
    if (tok.length < 4) fail(203, undefined, 'EXPRESSION name = <math expression>');
    const name = tok[1]!;
    const text = tok.slice(3).join(' ');
    const r = compileExpression(text, (n) => this.varIndexOf(n));
    if ('error' in r) fail(233, text, `a math expression of VARIABLE names (${r.error} at position ${r.at + 1})`);
    this.exprs.push(r.program);
    this.exprNames.push(name);
  }

  /** OBJECT id ATTRIBUTE (or SIMULATION ATTRIBUTE) starting at tok[k]; returns the last token index used. */
  private variableRef(tok: readonly string[], k: number): VarRef & { end: number } {
    const obj = findKeyword(tok[k], OBJECT_WORDS);
    if (obj < 0) fail(205, tok[k], `an object type: ${OBJECT_WORDS.join(' ')}`);
    let n = k + 1;
    let idx = -1;
    if (obj !== OBJ_SIMULATION) {
      if (n >= tok.length) fail(203, undefined, `the name of a ${OBJECT_WORDS[obj]!.toLowerCase()} after ${tok[k]}`);
      const id = tok[n]!;
      const found = (obj === OBJ_GAGE ? this.gages : obj === OBJ_NODE ? this.nodes : this.links).get(id.toUpperCase());
      if (found === undefined) fail(209, id, `the name of a ${obj === OBJ_GAGE ? 'rain gage' : obj === OBJ_NODE ? 'node' : 'link'}`);
      idx = found;
      n++;
    }
    if (n >= tok.length) fail(203, undefined, `an attribute after ${tok[n - 1]}`);
    const at = tok[n]!;
    let attr: number;
    if (obj === OBJ_GAGE) {
      if (findKeyword(at, ['INTENSITY']) === 0) attr = A_INTENSITY;
      else {
        const h = atoi(at);
        if (h < 1 || h > MAX_PAST_RAIN_HOURS) fail(205, at, `INTENSITY or nHR_PRECIP with n = 1..${MAX_PAST_RAIN_HOURS}`);
        attr = A_PASTRAIN + h;
      }
    } else {
      attr = findKeyword(at, ATTRIBUTE_WORDS);
      if (attr < 0) fail(205, at, 'an attribute keyword');
      const allowed = allowedAttributes(obj);
      // TIMEOPEN / TIMECLOSED are accepted for every link object type
      const linkTime = obj !== OBJ_NODE && obj !== OBJ_SIMULATION && (attr === A_TIMEOPEN || attr === A_TIMECLOSED);
      if (!linkTime && !allowed.includes(attr)) {
        fail(205, at, `an attribute of ${OBJECT_WORDS[obj]}: ${allowed.map((a) => ATTRIBUTE_WORDS[a]).join(' ')}`);
      }
    }
    const objCode = obj === OBJ_GAGE ? OBJ_GAGE : obj === OBJ_NODE ? OBJ_NODE : obj === OBJ_SIMULATION ? OBJ_SIMULATION : OBJ_LINK;
    return { obj: objCode, idx, attr, end: n };
  }

  private premise(tok: readonly string[], isOr: boolean): PremiseRec {
    if (tok.length < 4) fail(203, undefined, 'a premise: OBJECT id ATTRIBUTE relation value');
    const p: PremiseRec = {
      or: isOr, expr: -1, lObj: -1, lIdx: -1, lAttr: A_NONE, rel: 0, rhsVar: false, rObj: -1, rIdx: -1, rAttr: A_NONE, value: 0,
    };
    let n = 1;
    const e = this.exprIndexOf(tok[1]!);
    if (e >= 0) p.expr = e;
    else {
      const v = this.varIndexOf(tok[1]!);
      if (v >= 0) {
        const nv = this.vars[v]!;
        p.lObj = nv.obj;
        p.lIdx = nv.idx;
        p.lAttr = nv.attr;
      } else {
        const r = this.variableRef(tok, 1);
        p.lObj = r.obj;
        p.lIdx = r.idx;
        p.lAttr = r.attr;
        n = r.end;
      }
    }
    n++;
    if (n >= tok.length) fail(203, undefined, `a relation (${RELATION_WORDS.join(' ')}) and a value`);
    const rel = RELATION_WORDS.indexOf(tok[n]!);
    if (rel < 0) fail(205, tok[n], `a relation: ${RELATION_WORDS.join(' ')}`);
    p.rel = rel;
    n++;
    if (n >= tok.length) fail(203, undefined, `a value after the relation ${tok[n - 1]}`);
    const rv = this.varIndexOf(tok[n]!);
    if (rv >= 0) {
      const nv = this.vars[rv]!;
      p.rhsVar = true;
      p.rObj = nv.obj;
      p.rIdx = nv.idx;
      p.rAttr = nv.attr;
    } else if (findKeyword(tok[n], OBJECT_WORDS) >= 0) {
      let r: VarRef & { end: number };
      try {
        r = this.variableRef(tok, n);
      } catch (err) {
        // SWMM reports any fault in a right-hand-side variable as error 217
        if (err instanceof LineError) fail(217, err.token ?? tok[n], `a valid right-hand side: ${err.expected}`);
        throw err;
      }
      p.rhsVar = true;
      p.rObj = r.obj;
      p.rIdx = r.idx;
      p.rAttr = r.attr;
      n = r.end;
      if (p.expr < 0 && p.lAttr !== p.rAttr) {
        const name = this.rules[this.rules.length - 1]?.name ?? '';
        this.warnings.push(`WARNING 11: non-matching attributes in Control Rule ${name}`);
      }
    } else {
      p.value = premiseValue(tok[n]!, p.lAttr);
    }
    n++;
    if (n < tok.length && findKeyword(tok[n], CLAUSE_WORDS) >= 0) fail(217, tok[n], 'one clause per line');
    return p;
  }

  private action(tok: readonly string[]): ActionRec {
    if (tok.length < 6) fail(203, undefined, 'an action: OBJECT id STATUS|SETTING = value');
    const obj = findKeyword(tok[1], OBJECT_WORDS);
    if (obj !== OBJ_LINK && obj !== OBJ_CONDUIT && obj !== OBJ_PUMP && obj !== OBJ_ORIFICE && obj !== OBJ_WEIR && obj !== OBJ_OUTLET) {
      fail(205, tok[1], 'CONDUIT, PUMP, ORIFICE, WEIR or OUTLET');
    }
    const id = tok[2]!;
    const link = this.links.get(id.toUpperCase());
    if (link === undefined) fail(209, id, 'the name of a link');
    const kind = this.linkKinds[link]!;
    if (obj !== OBJ_LINK && kind !== OBJECT_WORDS[obj]) fail(209, id, `the name of a ${OBJECT_WORDS[obj]!.toLowerCase()} (${id} is a ${kind.toLowerCase()})`);
    const attr = findKeyword(tok[3], ATTRIBUTE_WORDS);
    if (attr < 0) fail(205, tok[3], 'STATUS or SETTING');
    const a: ActionRec = { link, kind: ACT_VALUE, ref: -1, value: 1, kp: 0, ki: 0, kd: 0, isPump: kind === 'PUMP', line: this.line };
    // Field 4 is taken to be '=' without checking it, as SWMM does ("SETTING PID 0.1 0 0"
    // therefore sets 0.1).
    if (obj === OBJ_CONDUIT) {
      if (attr !== A_STATUS) fail(205, tok[3], 'STATUS for a conduit');
      const s = findKeyword(tok[5], ['CLOSED', 'OPEN']);
      if (s < 0) fail(205, tok[5], 'OPEN or CLOSED');
      a.value = s;
    } else if (obj === OBJ_PUMP) {
      if (attr === A_STATUS) {
        const s = findKeyword(tok[5], ['OFF', 'ON']);
        if (s < 0) fail(205, tok[5], 'ON or OFF');
        a.value = s;
      } else if (attr === A_SETTING) this.actionSetting(tok, a);
      else fail(205, tok[3], 'STATUS or SETTING for a pump');
    } else if (obj === OBJ_ORIFICE || obj === OBJ_WEIR || obj === OBJ_OUTLET) {
      if (attr !== A_SETTING) fail(205, tok[3], `SETTING for ${OBJECT_WORDS[obj]!.toLowerCase()}s`);
      this.actionSetting(tok, a);
      if (a.kind === ACT_VALUE && (a.value < 0 || a.value > 1)) fail(211, tok[5], 'a setting between 0 and 1');
    } else {
      fail(205, tok[1], 'CONDUIT, PUMP, ORIFICE, WEIR or OUTLET (LINK cannot be acted on)');
    }
    const n = a.kind === ACT_PID ? 9 : a.kind === ACT_CURVE || a.kind === ACT_SERIES ? 7 : 6;
    if (n < tok.length && findKeyword(tok[n], CLAUSE_WORDS) >= 0) fail(217, tok[n], 'one clause per line');
    return a;
  }

  private actionSetting(tok: readonly string[], a: ActionRec): void {
    const k = findKeyword(tok[5], ['CURVE', 'TIMESERIES', 'PID']);
    if (k >= 0 && tok.length < 7) fail(203, undefined, `a name or values after ${tok[5]}`);
    if (k === 0) {
      const c = this.curves.get(tok[6]!.toUpperCase());
      if (c === undefined) fail(209, tok[6], 'the name of a curve');
      a.kind = ACT_CURVE;
      a.ref = c;
    } else if (k === 1) {
      const s = this.series.get(tok[6]!.toUpperCase());
      if (s === undefined) fail(209, tok[6], 'the name of a time series');
      a.kind = ACT_SERIES;
      a.ref = s;
    } else if (k === 2) {
      if (tok.length < 9) fail(203, undefined, 'PID kp ki kd');
      const v = [0, 0, 0];
      for (let m = 6; m <= 8; m++) {
        const x = parseNumber(tok[m]);
        if (x === undefined) fail(211, tok[m], `a number for PID ${['kp', 'ki', 'kd'][m - 6]}`);
        v[m - 6] = x;
      }
      a.kind = ACT_PID;
      a.kp = v[0]!;
      a.ki = v[1]!;
      a.kd = v[2]!;
      a.value = v[0]!;
    } else {
      const x = parseNumber(tok[5]);
      if (x === undefined) fail(211, tok[5], 'a number, CURVE name, TIMESERIES name or PID kp ki kd');
      a.value = x;
    }
  }
}

/** Attributes each object type allows in premises (digest §7.12). */
function allowedAttributes(obj: number): readonly number[] {
  switch (obj) {
    case OBJ_NODE: return [A_DEPTH, A_MAXDEPTH, A_HEAD, A_VOLUME, A_INFLOW];
    case OBJ_LINK:
    case OBJ_CONDUIT: return [A_STATUS, A_DEPTH, A_FULLFLOW, A_FULLDEPTH, A_FLOW, A_LENGTH, A_SLOPE, A_VELOCITY];
    case OBJ_PUMP: return [A_FLOW, A_SETTING, A_STATUS];
    case OBJ_ORIFICE:
    case OBJ_WEIR:
    case OBJ_OUTLET: return [A_FLOW, A_SETTING];
    default: return [A_TIME, A_DATE, A_CLOCKTIME, A_DAY, A_MONTH, A_DAYOFYEAR];
  }
}

/** A premise's right-hand value, read according to the left side's attribute. */
function premiseValue(token: string, attr: number): number {
  switch (attr) {
    case A_STATUS: {
      const s = findKeyword(token, ['OFF', 'ON']);
      if (s >= 0) return s;
      const c = findKeyword(token, ['CLOSED', 'OPEN']);
      if (c >= 0) return c;
      return fail(205, token, 'ON, OFF, OPEN or CLOSED');
    }
    case A_TIME:
    case A_CLOCKTIME:
    case A_TIMEOPEN:
    case A_TIMECLOSED: {
      const t = parseTime(token);
      if (t === undefined) fail(213, token, 'a time as hh:mm[:ss] or decimal hours');
      return t;
    }
    case A_DATE: {
      const d = parseDate(token);
      if (d === undefined) fail(213, token, 'a date as month/day/year');
      return d;
    }
    case A_DAY: {
      const v = parseNumber(token);
      if (v === undefined) fail(211, token, 'a day of the week 1 (Sunday) to 7');
      if (v < 1 || v > 7) fail(213, token, 'a day of the week 1 (Sunday) to 7');
      return v;
    }
    case A_MONTH: {
      const v = parseNumber(token);
      if (v === undefined) fail(211, token, 'a month 1 to 12');
      if (v < 1 || v > 12) fail(213, token, 'a month 1 to 12');
      return v;
    }
    case A_DAYOFYEAR: {
      // month/day (read in the non-leap year 1947, as SWMM does) or a day number 1..365
      const d = parseDate(`${token.slice(0, 6)}/1947`);
      if (d !== undefined) return dayOfYear(d);
      const v = parseNumber(token);
      if (v === undefined || v < 1 || v > 365) fail(213, token, 'a day of year as month/day or 1 to 365');
      return v;
    }
    default: {
      const v = parseNumber(token);
      if (v === undefined) fail(211, token, 'a number');
      return v;
    }
  }
}

/** Compile the [CONTROLS] section of a model. A missing section gives empty controls. */
export function parseControls(raw: RawSection | undefined, model: Model, opts: ControlsParseOptions = {}): ControlsParseResult {
  const p = new ControlsParser(model, opts.fileName);
  for (const l of raw?.lines ?? []) {
    if (l.tokens.length === 0) continue;
    p.parseLine(l.line, l.tokens);
  }
  const controls = buildControls(p, opts.ruleStepS ?? model.options.ruleStepS, model.report.controls);
  return { controls, errors: p.errors, warnings: p.warnings };
}

function buildControls(p: ControlsParser, ruleStepS: number, logEnabled: boolean): Controls {
  const rules = p.rules;
  const nRules = rules.length;
  let nPrem = 0;
  let nAct = 0;
  for (const r of rules) {
    nPrem += r.premises.length;
    nAct += r.then.length + r.els.length;
  }
  const c: Controls = {
    nRules,
    ruleNames: rules.map((r) => r.name),
    rulePriority: Float64Array.from(rules.map((r) => r.priority)),
    rulePremStart: new Int32Array(nRules + 1),
    ruleThenStart: new Int32Array(nRules + 1),
    ruleElseStart: new Int32Array(nRules),
    nPremises: nPrem,
    premOr: new Uint8Array(nPrem),
    premExpr: new Int32Array(nPrem),
    premLObj: new Int8Array(nPrem),
    premLIdx: new Int32Array(nPrem),
    premLAttr: new Int8Array(nPrem),
    premRel: new Int8Array(nPrem),
    premRhsVar: new Uint8Array(nPrem),
    premRObj: new Int8Array(nPrem),
    premRIdx: new Int32Array(nPrem),
    premRAttr: new Int8Array(nPrem),
    premValue: new Float64Array(nPrem),
    varNames: p.varNames.slice(),
    varObj: Int8Array.from(p.vars.map((v) => v.obj)),
    varIdx: Int32Array.from(p.vars.map((v) => v.idx)),
    varAttr: Int8Array.from(p.vars.map((v) => v.attr)),
    exprNames: p.exprNames.slice(),
    exprs: p.exprs.slice(),
    nActions: nAct,
    actRule: new Int32Array(nAct),
    actLink: new Int32Array(nAct),
    actKind: new Int8Array(nAct),
    actRef: new Int32Array(nAct),
    actValue: new Float64Array(nAct),
    actFixed: new Float64Array(nAct),
    actKp: new Float64Array(nAct),
    actKi: new Float64Array(nAct),
    actKd: new Float64Array(nAct),
    actE1: new Float64Array(nAct),
    actE2: new Float64Array(nAct),
    actIsPump: new Uint8Array(nAct),
    actLine: new Int32Array(nAct),
    now: { dateTime: 0, date: 0, time: 0, elapsedDays: 0 },
    controlValue: 0,
    setPoint: 0,
    slots: new Int32Array(nAct),
    nSlots: 0,
    nFilled: 0,
    varValues: new Float64Array(p.vars.length),
    exprStack: new Float64Array(Math.max(1, ...p.exprs.map((e) => e.maxDepth))),
    ruleStepS,
    ruleTimeMs: 0,
    calDay: Number.NaN,
    calMonth: 0,
    calDayOfWeek: 0,
    calDayOfYear: 0,
    logEnabled,
    logCount: 0,
    logDate: new Float64Array(16),
    logLink: new Int32Array(16),
    logRule: new Int32Array(16),
    logValue: new Float64Array(16),
    gages: null,
  };
  let ip = 0;
  let ia = 0;
  const putAction = (r: number, a: ActionRec): void => {
    c.actRule[ia] = r;
    c.actLink[ia] = a.link;
    c.actKind[ia] = a.kind;
    c.actRef[ia] = a.ref;
    c.actValue[ia] = a.value;
    c.actFixed[ia] = a.value;
    c.actKp[ia] = a.kp;
    c.actKi[ia] = a.ki;
    c.actKd[ia] = a.kd;
    c.actIsPump[ia] = a.isPump ? 1 : 0;
    c.actLine[ia] = a.line;
    ia++;
  };
  for (let r = 0; r < nRules; r++) {
    const rule = rules[r]!;
    c.rulePremStart[r] = ip;
    for (const q of rule.premises) {
      c.premOr[ip] = q.or ? 1 : 0;
      c.premExpr[ip] = q.expr;
      c.premLObj[ip] = q.lObj;
      c.premLIdx[ip] = q.lIdx;
      c.premLAttr[ip] = q.lAttr;
      c.premRel[ip] = q.rel;
      c.premRhsVar[ip] = q.rhsVar ? 1 : 0;
      c.premRObj[ip] = q.rObj;
      c.premRIdx[ip] = q.rIdx;
      c.premRAttr[ip] = q.rAttr;
      c.premValue[ip] = q.value;
      ip++;
    }
    // SWMM prepends each action to its branch list, so a branch runs last-written first.
    c.ruleThenStart[r] = ia;
    for (let k = rule.then.length - 1; k >= 0; k--) putAction(r, rule.then[k]!);
    c.ruleElseStart[r] = ia;
    for (let k = rule.els.length - 1; k >= 0; k--) putAction(r, rule.els[k]!);
  }
  c.rulePremStart[nRules] = ip;
  c.ruleThenStart[nRules] = ia;
  return c;
}
