// [CONTROLS] syntax check (digest §1.16): clause order (RULE, IF, AND/OR, THEN, AND,
// ELSE, AND, PRIORITY → error 217 when out of sequence), object names in premises and
// actions (209), relations (205). VARIABLE / EXPRESSION names may be used in premises.
import type { Namespace } from './context.js';
import type { Fields } from './fields.js';
import { findKeyword } from './keywords.js';
import type { ParseState } from './state.js';

export interface ControlState {
  stage: 'none' | 'rule' | 'if' | 'then' | 'else' | 'priority';
  /** Upper-case VARIABLE and EXPRESSION names. */
  names: Set<string>;
}

const CLAUSES = ['RULE', 'IF', 'AND', 'OR', 'THEN', 'ELSE', 'PRIORITY', 'VARIABLE', 'EXPRESSION'] as const;
const OBJECTS = ['GAGE', 'NODE', 'LINK', 'CONDUIT', 'PUMP', 'ORIFICE', 'WEIR', 'OUTLET', 'SIMULATION'] as const;
const RELATIONS = ['=', '<>', '<', '<=', '>', '>='];
const ACTION_OBJECTS = ['CONDUIT', 'PUMP', 'ORIFICE', 'WEIR', 'OUTLET'] as const;

function objNs(obj: string): Namespace {
  return obj === 'GAGE' ? 'gage' : obj === 'NODE' ? 'node' : 'link';
}

function relation(f: Fields, i: number): void {
  const s = f.tok(i);
  if (s === undefined) f.fail(203, undefined, 'a relation and a value');
  if (!RELATIONS.includes(s)) f.fail(205, s, `a relation: ${RELATIONS.join(' ')}`);
}

function premise(f: Fields, cs: ControlState): void {
  f.need(4);
  const t1 = f.tok(1)!;
  if (cs.names.has(t1.toUpperCase())) {
    relation(f, 2);
    return;
  }
  const obj = f.kw(1, OBJECTS);
  if (obj === 'SIMULATION') {
    relation(f, 3);
    if (f.n < 5) f.fail(203, undefined, 'a value after the relation');
    return;
  }
  f.need(6);
  f.ref(2, objNs(obj));
  relation(f, 4);
  // the right side may be another object's attribute: OBJ id attr
  const k = findKeyword(f.tok(5), OBJECTS);
  if (k >= 0 && f.n >= 7 && OBJECTS[k] !== 'SIMULATION') f.ref(6, objNs(OBJECTS[k]!));
}

function action(f: Fields): void {
  f.need(6);
  f.kw(1, ACTION_OBJECTS);
  f.ref(2, 'link');
  f.kw(3, ['STATUS', 'SETTING'] as const);
  // SWMM assumes field 5 is '=' without checking it ("SETTING PID 0.1 0 0" is accepted)
  const v = f.tok(5)!.toUpperCase();
  if (v === 'CURVE') {
    f.need(7);
    f.ref(6, 'curve');
  } else if (v === 'TIMESERIES') {
    f.need(7);
    f.ref(6, 'timeseries');
  } else if (v === 'PID') {
    f.need(9);
    f.num(6);
    f.num(7);
    f.num(8);
  }
}

export function validateControlLine(f: Fields, st: ParseState): void {
  const cs = st.controls;
  const clause = f.kw(0, CLAUSES);
  const seq = (): never => f.fail(217, f.tok(0), 'RULE, IF, AND/OR, THEN, AND, ELSE, AND, PRIORITY in that order');
  switch (clause) {
    case 'RULE':
      f.need(2);
      cs.stage = 'rule';
      return;
    case 'VARIABLE': {
      // VARIABLE name = OBJECT id attribute | SIMULATION attribute
      f.need(5);
      if (f.tok(2) !== '=') f.fail(205, f.tok(2), '=');
      const obj = f.kw(3, OBJECTS);
      if (obj !== 'SIMULATION') {
        f.need(6);
        f.ref(4, objNs(obj));
      }
      cs.names.add(f.tok(1)!.toUpperCase());
      return;
    }
    case 'EXPRESSION':
      f.need(4);
      if (f.tok(2) !== '=' && !f.tok(2)!.startsWith('=')) f.fail(205, f.tok(2), '=');
      cs.names.add(f.tok(1)!.toUpperCase());
      return;
    case 'IF':
      if (cs.stage !== 'rule') seq();
      cs.stage = 'if';
      premise(f, cs);
      return;
    case 'OR':
      if (cs.stage !== 'if') seq();
      premise(f, cs);
      return;
    case 'AND':
      if (cs.stage === 'if') premise(f, cs);
      else if (cs.stage === 'then' || cs.stage === 'else') action(f);
      else seq();
      return;
    case 'THEN':
      if (cs.stage !== 'if') seq();
      cs.stage = 'then';
      action(f);
      return;
    case 'ELSE':
      if (cs.stage !== 'then') seq();
      cs.stage = 'else';
      action(f);
      return;
    case 'PRIORITY':
      if (cs.stage !== 'then' && cs.stage !== 'else') seq();
      cs.stage = 'priority';
      f.need(2);
      f.num(1);
      return;
  }
}
