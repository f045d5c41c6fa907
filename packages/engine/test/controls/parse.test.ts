// Parsing [CONTROLS]: every reference model's rules compile without errors (and to the
// right structure), and faulty clauses give SWMM's error numbers with line and token.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseInp } from '../../src/input/index.js';
import { parseControls } from '../../src/hydraulics/controls.js';
import {
  ACT_CURVE, ACT_PID, ACT_SERIES, ACT_VALUE, A_TIME, A_TIMEOPEN, OBJ_SIMULATION, OBJ_LINK, REL_EQ, REL_GT,
} from '../../src/hydraulics/controls-parse.js';
import { compile, rawSection, testModel } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const refDir = path.resolve(here, '..', '..', '..', '..', '..', 'shared', 'swmm-reference', 'models');
const haveRef = existsSync(refDir);
if (!haveRef) console.log(`controls: ${refDir} not found — reference-model parsing tests skipped`);

const REF_MODELS = [
  'epa_pump_control', 'epa_divider', 'nrt_gate_control', 'nrt_type5_pumps', 'nrt_control_rules_steady',
  'greenville_all_features_si',
];

function refControls(id: string) {
  const text = readFileSync(path.join(refDir, id, `${id}.inp`), 'latin1');
  const r = parseInp(text, { fileName: `${id}.inp`, externalFiles: 'ignore' });
  expect(r.errors).toEqual([]);
  const model = r.model!;
  return { model, ...parseControls(model.extra['[CONTROLS]'], model, { fileName: `${id}.inp` }) };
}

describe.skipIf(!haveRef)('reference models', () => {
  for (const id of REF_MODELS) {
    test(`${id}: [CONTROLS] compiles without errors`, () => {
      const r = refControls(id);
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect(r.controls.nRules).toBeGreaterThan(0);
    });
  }

  test('epa_pump_control: "SETTING PID 0.1 0 0" is a plain setting of 0.1 (field 4 is taken as "=")', () => {
    const { controls: c, model } = refControls('epa_pump_control');
    expect(c.ruleNames).toEqual(['PUMP1A', 'PUMP1B', 'PUMP1C']);
    expect([...c.rulePriority]).toEqual([2, 1, 1]);
    expect([...c.actKind]).toEqual([ACT_VALUE, ACT_VALUE, ACT_VALUE]);
    expect([...c.actValue]).toEqual([1, 0, 0.1]);
    expect(model.links[c.actLink[2]!]!.name).toBe('PUMP1');
    expect(c.logEnabled).toBe(true);
  });

  test('nrt_gate_control: TIME premises in days, TIMEOPEN premise, CURVE action', () => {
    const { controls: c, model } = refControls('nrt_gate_control');
    expect([...c.premLObj]).toEqual([OBJ_SIMULATION, OBJ_SIMULATION, OBJ_LINK]);
    expect([...c.premLAttr]).toEqual([A_TIME, A_TIME, A_TIMEOPEN]);
    expect([...c.premRel]).toEqual([REL_EQ, REL_EQ, REL_GT]);
    expect(c.premValue[0]).toBe(0);
    expect(c.premValue[1]).toBeCloseTo(1 / 1440, 15);
    expect(c.premValue[2]).toBe(0);
    expect([...c.actKind]).toEqual([ACT_VALUE, ACT_VALUE, ACT_CURVE]);
    expect(model.curves[c.actRef[2]!]!.name.toUpperCase()).toBe('GATE_RATE');
  });

  test('nrt_control_rules_steady: three variables, one expression, THEN and ELSE', () => {
    const { controls: c } = refControls('nrt_control_rules_steady');
    expect(c.varNames).toEqual(['Q1', 'Q2', 'Q3']);
    expect(c.exprNames).toEqual(['Net_Inflow']);
    expect(c.premExpr[0]).toBe(0);
    expect(c.premValue[0]).toBe(0.1);
    expect([c.ruleThenStart[0], c.ruleElseStart[0], c.ruleThenStart[1]]).toEqual([0, 1, 2]);
    expect([...c.actValue]).toEqual([1, 0.5]);
    expect(c.ruleStepS).toBe(300);
  });

  test('nrt_type5_pumps: mixed-case keywords, two actions in one rule (evaluated last first)', () => {
    const { controls: c, model } = refControls('nrt_type5_pumps');
    expect(c.ruleNames).toEqual(['1']);
    expect([...c.actLink].map((j) => model.links[j]!.name)).toEqual(['2', '1']);
    expect([...c.actValue]).toEqual([1.2, 1.2]);
  });

  test('greenville_all_features_si: eight pump rules with PRIORITY 0.000000 (SI depths)', () => {
    const { controls: c } = refControls('greenville_all_features_si');
    expect(c.nRules).toBe(8);
    expect([...c.rulePriority]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(c.premValue[0]).toBe(0.6096);
    expect(c.logEnabled).toBe(false);
  });
});

describe('compiled structure', () => {
  test('PID, TIMESERIES and CURVE actions keep their parameters', () => {
    const { c, model } = compile([
      'RULE R1', 'IF NODE SU1 DEPTH > 1', 'THEN PUMP P1 SETTING = PID 0.5 2 0.1', 'AND WEIR W1 SETTING = TIMESERIES ts1',
      'ELSE ORIFICE OR1 SETTING = CURVE gate', 'PRIORITY 3',
    ].join('\n'));
    // THEN actions are stored last-written first
    expect([...c.actKind]).toEqual([ACT_SERIES, ACT_PID, ACT_CURVE]);
    expect([c.actKp[1], c.actKi[1], c.actKd[1]]).toEqual([0.5, 2, 0.1]);
    expect([...c.actIsPump]).toEqual([0, 1, 0]);
    const first = model.extra['[CONTROLS]']!.lines[0]!.line;
    expect([...c.actLine].map((l) => l - first + 1)).toEqual([4, 3, 5]);
    expect(c.rulePriority[0]).toBe(3);
  });

  test('missing section → no rules; keywords match by prefix and in any case', () => {
    const model = testModel();
    expect(parseControls(undefined, model).controls.nRules).toBe(0);
    const r = parseControls(rawSection(['rules R', 'iF node SU1 depths > 1', 'tHEN pumps P1 STATUS = OFFLINE']), model);
    expect(r.errors).toEqual([]);
    expect([...r.controls.actValue]).toEqual([0]);
  });
});

describe('errors: SWMM numbers, line, token and what was expected', () => {
  const model = testModel();
  function errs(lines: string[]) {
    return parseControls(rawSection(lines), model, { fileName: 'x.inp' }).errors;
  }
  function one(lines: string[], code: number, token: string | undefined, line: number) {
    const e = errs(lines);
    expect(e.map((x) => [x.code, x.token, x.line])).toEqual([[code, token, line]]);
    expect(e[0]!.section).toBe('[CONTROLS]');
    expect(e[0]!.file).toBe('x.inp');
    expect(e[0]!.message).toMatch(/expected/);
    return e[0]!;
  }
  const R = ['RULE R', 'IF NODE SU1 DEPTH > 1'];

  test('clause sequence (217) and unknown clause keywords (205)', () => {
    one(['IF NODE SU1 DEPTH > 1'], 217, 'IF', 1);
    one(['RULE R extra'], 217, 'extra', 1);
    one(['RULE R', 'THEN PUMP P1 STATUS = ON'], 217, 'THEN', 2);
    one(['RULE R', 'IF NODE SU1 DEPTH > 1', 'ELSE PUMP P1 STATUS = ON'], 217, 'ELSE', 3);
    one(['RULE R', 'IF NODE SU1 DEPTH > 1', 'PRIORITY 1'], 217, 'PRIORITY', 3);
    one([...R, 'THEN PUMP P1 STATUS = ON', 'OR NODE J1 DEPTH > 1'], 217, 'OR', 4);
    one([...R, 'THEN PUMP P1 STATUS = ON', 'PRIORITY 1', 'AND PUMP P2 STATUS = ON'], 217, 'AND', 5);
    one(['WHEN NODE SU1 DEPTH > 1'], 205, 'WHEN', 1);
    one(['RULE'], 203, undefined, 1);
    one(['RULE R', 'IF NODE SU1 DEPTH > 1 THEN PUMP P1 STATUS = ON'], 217, 'THEN', 2);
    one([...R, 'THEN PUMP P1 STATUS = ON AND PUMP P2 STATUS = ON'], 217, 'AND', 3);
    one([...R, 'THEN PUMP P1 STATUS = ON', 'PRIORITY 1 2'], 217, '2', 4);
  });

  test('duplicate rule names (207); later clauses then fall out of sequence', () => {
    const e = errs(['RULE R', 'IF NODE SU1 DEPTH > 1', 'THEN PUMP P1 STATUS = ON', 'RULE r', 'IF NODE SU1 DEPTH > 2']);
    expect(e.map((x) => [x.code, x.token, x.line])).toEqual([[207, 'r', 4], [217, 'IF', 5]]);
  });

  test('premises: objects, attributes, relations, values', () => {
    one(['RULE R', 'IF NODE NOPE DEPTH > 1'], 209, 'NOPE', 2);
    one(['RULE R', 'IF GAGE RG9 INTENSITY > 1'], 209, 'RG9', 2);
    one(['RULE R', 'IF TANK SU1 DEPTH > 1'], 205, 'TANK', 2);
    one(['RULE R', 'IF NODE SU1 FLOW > 1'], 205, 'FLOW', 2);
    one(['RULE R', 'IF PUMP P1 DEPTH > 1'], 205, 'DEPTH', 2);
    one(['RULE R', 'IF SIMULATION DEPTH > 1'], 205, 'DEPTH', 2);
    one(['RULE R', 'IF GAGE RG1 49HR > 1'], 205, '49HR', 2);
    one(['RULE R', 'IF NODE SU1 DEPTH >> 1'], 205, '>>', 2);
    one(['RULE R', 'IF NODE SU1 DEPTH > deep'], 211, 'deep', 2);
    one(['RULE R', 'IF NODE SU1 DEPTH'], 203, undefined, 2);
    one(['RULE R', 'IF NODE SU1 DEPTH >'], 203, undefined, 2);
    one(['RULE R', 'IF SIMULATION TIME = 1:99'], 213, '1:99', 2);
    one(['RULE R', 'IF SIMULATION DATE = 13/01/2021'], 213, '13/01/2021', 2);
    one(['RULE R', 'IF SIMULATION DAY = 8'], 213, '8', 2);
    one(['RULE R', 'IF SIMULATION MONTH = June'], 211, 'June', 2);
    one(['RULE R', 'IF SIMULATION DAYOFYEAR = 02/30'], 213, '02/30', 2);
    one(['RULE R', 'IF PUMP P1 STATUS = MAYBE'], 205, 'MAYBE', 2);
    // any fault in a right-hand-side variable is error 217
    one(['RULE R', 'IF NODE SU1 DEPTH > NODE NOPE DEPTH'], 217, 'NOPE', 2);
  });

  test('actions', () => {
    one([...R, 'THEN PUMP OR1 STATUS = ON'], 209, 'OR1', 3);
    one([...R, 'THEN PUMP NOPE STATUS = ON'], 209, 'NOPE', 3);
    one([...R, 'THEN NODE SU1 STATUS = ON'], 205, 'NODE', 3);
    one([...R, 'THEN LINK P1 STATUS = ON'], 205, 'LINK', 3);
    one([...R, 'THEN CONDUIT C1 SETTING = 0.5'], 205, 'SETTING', 3);
    one([...R, 'THEN CONDUIT C1 STATUS = SHUT'], 205, 'SHUT', 3);
    one([...R, 'THEN PUMP P1 STATUS = MAYBE'], 205, 'MAYBE', 3);
    one([...R, 'THEN PUMP P1 FLOW = 2'], 205, 'FLOW', 3);
    one([...R, 'THEN PUMP P1 SPEED = 2'], 205, 'SPEED', 3);
    one([...R, 'THEN ORIFICE OR1 SETTING = 1.5'], 211, '1.5', 3);
    one([...R, 'THEN WEIR W1 SETTING = -0.1'], 211, '-0.1', 3);
    one([...R, 'THEN OUTLET OL1 SETTING = half'], 211, 'half', 3);
    one([...R, 'THEN ORIFICE OR1 SETTING = CURVE NOPE'], 209, 'NOPE', 3);
    one([...R, 'THEN ORIFICE OR1 SETTING = TIMESERIES NOPE'], 209, 'NOPE', 3);
    one([...R, 'THEN ORIFICE OR1 SETTING = CURVE'], 203, undefined, 3);
    one([...R, 'THEN PUMP P1 SETTING = PID 1 0'], 203, undefined, 3);
    one([...R, 'THEN PUMP P1 SETTING = PID 1 x 0'], 211, 'x', 3);
    one([...R, 'THEN PUMP P1 STATUS ='], 203, undefined, 3);
    one([...R, 'THEN PUMP P1 STATUS = ON', 'PRIORITY high'], 211, 'high', 4);
  });

  test('variables and expressions', () => {
    one(['VARIABLE DEPTH = NODE SU1 DEPTH'], 205, 'DEPTH', 1);
    one(['VARIABLE v == NODE SU1 DEPTH'.replace('==', ':')], 205, ':', 1);
    one(['VARIABLE v = NODE SU1'], 203, undefined, 1);
    one(['VARIABLE v = NODE NOPE DEPTH'], 209, 'NOPE', 1);
    one(['VARIABLE v = SIMULATION FLOW'], 205, 'FLOW', 1);
    one(['EXPRESSION e ='], 203, undefined, 1);
    const e = one(['VARIABLE d = NODE SU1 DEPTH', 'EXPRESSION e = (d + 1'], 233, '(d + 1', 2);
    expect(e.message).toMatch(/missing '\)'/);
    one(['EXPRESSION e = q9 * 2'], 233, 'q9 * 2', 1);
    // names must be defined before use: a later variable is unknown to a premise
    one(['RULE R', 'IF v > 1', 'THEN PUMP P1 STATUS = ON', 'VARIABLE v = NODE SU1 DEPTH'], 205, 'v', 2);
  });

  test('one error per line; the rest of the section is still read', () => {
    const e = errs([
      'RULE A', 'IF NODE NOPE DEPTH > 1', 'THEN PUMP P1 STATUS = ON',
      'RULE B', 'IF NODE SU1 DEPTH > 1', 'THEN ORIFICE OR1 SETTING = 2',
    ]);
    expect(e.map((x) => [x.code, x.line])).toEqual([[209, 2], [211, 6]]);
  });
});
