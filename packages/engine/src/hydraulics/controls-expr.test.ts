import { describe, expect, test } from 'vitest';
import { compileExpression, evalExpression } from './controls-expr.js';

const VARS = ['Q1', 'Q2', 'Depth_3'];
const varIndex = (n: string): number => VARS.findIndex((v) => v.toUpperCase() === n.toUpperCase());

function run(text: string, values: number[] = [0, 0, 0]): number {
  const r = compileExpression(text, varIndex);
  if ('error' in r) throw new Error(`${text}: ${r.error}`);
  const stack = new Float64Array(r.program.maxDepth);
  return evalExpression(r.program, Float64Array.from(values), stack);
}

function error(text: string): string {
  const r = compileExpression(text, varIndex);
  return 'error' in r ? r.error : 'compiled';
}

describe('control-rule math expressions', () => {
  test('arithmetic with variables (nrt_control_rules_steady form)', () => {
    expect(run('(Q1 + Q2)/2 - Depth_3', [3, 5, 1.5])).toBe(2.5);
    expect(run('q1*q2', [3, 5, 0])).toBe(15);
  });

  test("'*', '/' and '^' share one precedence level, left to right (as SWMM)", () => {
    expect(run('2*3^2')).toBe(36); // (2*3)^2
    expect(run('2^3*2')).toBe(16);
    expect(run('8/2/2')).toBe(2);
    expect(run('1 + 2*3')).toBe(7);
    expect(run('10 - 4 - 3')).toBe(3);
  });

  test('unary signs and negative literals', () => {
    expect(run('-Q1*2', [3, 0, 0])).toBe(-6);
    expect(run('+Q1', [3, 0, 0])).toBe(3);
    expect(run('(-3)*2')).toBe(-6);
    // '-' + digit at the start is a negative literal, and x^y is 0 for x <= 0
    expect(run('-2^2')).toBe(0);
    expect(run('-Q1^2', [2, 0, 0])).toBe(-4);
    expect(run('0^2')).toBe(0);
  });

  test('functions with SWMM domain guards', () => {
    expect(run('SQRT(16) + abs(-2)')).toBe(6);
    expect(run('sqrt(-4)')).toBe(0);
    expect(run('log(0)')).toBe(0);
    expect(run('LOG(EXP(2))')).toBeCloseTo(2, 14);
    expect(run('log10(1000)')).toBeCloseTo(3, 14);
    expect(run('log10(0)')).toBe(0);
    expect(run('cot(0)')).toBe(0);
    expect(run('sgn(-3) + sgn(0) + sgn(5)')).toBe(0);
    expect(run('step(0) + step(0.1)')).toBe(1);
    expect(run('acot(0)')).toBeCloseTo(Math.PI / 2, 15);
    expect(run('tanh(0.5)')).toBeCloseTo(Math.tanh(0.5), 15);
    expect(run('cosh(1) - sinh(1)')).toBeCloseTo(Math.exp(-1), 15);
    expect(run('1.5e2 + .5')).toBe(150.5);
  });

  test('program lists each variable once and its stack depth', () => {
    const r = compileExpression('Q1 + Q1*Q2 - (Q2/(Q1+1))', varIndex);
    if ('error' in r) throw new Error(r.error);
    expect([...r.program.vars]).toEqual([0, 1]);
    expect(r.program.maxDepth).toBe(4);
  });

  test('invalid expressions are rejected with a reason', () => {
    expect(error('Q1 +')).toMatch(/operand expected/);
    expect(error('(Q1 + Q2')).toMatch(/missing '\)'/);
    expect(error('Q1 + Q2)')).toMatch(/unbalanced/);
    expect(error('Q1 + Q9')).toMatch(/unknown variable Q9/);
    expect(error('SQRT 4')).toMatch(/'\(' expected after function SQRT/);
    expect(error('Q1 # 2')).toMatch(/unexpected character '#'/);
    expect(error('Q1 Q2')).toMatch(/operator expected/);
    expect(error('Q1 * -2')).toMatch(/operand expected/);
    expect(error('1e+')).toMatch(/unexpected character/);
  });
});
