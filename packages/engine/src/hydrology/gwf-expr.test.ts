import { describe, expect, it } from 'vitest';
import { compileGwfExpression, evalGwfExpression, gwfKind, GWF_DEEP, GWF_LATERAL, GWV_COUNT, GWV_HCB, GWV_HGW, GWV_THETA } from './gwf-expr.js';

describe('[GWF] expressions', () => {
  it('evaluates with the groundwater variables, any case', () => {
    const p = compileGwfExpression('0.5 * (hgw - HCB) ^ 2 + step(Theta - 0.3)')!;
    const vars = new Float64Array(GWV_COUNT);
    vars[GWV_HGW] = 5;
    vars[GWV_HCB] = 2;
    vars[GWV_THETA] = 0.35;
    // [as-is] SWMM's grammar gives * / ^ one precedence, left to right: (0.5·3)^2 + 1.
    expect(evalGwfExpression(p, vars, new Float64Array(p.maxDepth))).toBeCloseTo(1.5 ** 2 + 1, 12);
  });

  it('rejects unknown variables and syntax errors', () => {
    expect(compileGwfExpression('HGW * Q')).toBeNull();
    expect(compileGwfExpression('(HGW')).toBeNull();
  });

  it('recognises LATERAL and DEEP by prefix, as SWMM', () => {
    expect(gwfKind('LATERAL')).toBe(GWF_LATERAL);
    expect(gwfKind('lat')).toBe(GWF_LATERAL);
    expect(gwfKind('Deep')).toBe(GWF_DEEP);
    expect(gwfKind('SIDE')).toBe(0);
  });
});
