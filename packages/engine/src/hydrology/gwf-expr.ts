// Custom groundwater flow expressions of [GWF] (digest §9.1): `Subcatch LATERAL|DEEP expr`.
// The text is compiled once into a postfix program by the engine's safe expression compiler
// (SWMM's math-expression grammar and function guards; no eval) and evaluated with a
// preallocated stack and variable array, so evaluating it inside the aquifer ODE allocates
// nothing.
//
// The compiler lives with the control rules (hydraulics/controls-expr.ts) because they were
// the first users; it is a pure string → program function with no network knowledge, the one
// hydraulics module hydrology imports.
import { compileExpression, evalExpression, type ExprProgram } from '../hydraulics/controls-expr.js';

/** Variables a [GWF] expression may use, in user units (SWMM's names and order). */
export const GWF_VARIABLES = ['HGW', 'HSW', 'HCB', 'HGS', 'KS', 'K', 'THETA', 'PHI', 'FI', 'FU', 'A'] as const;
/** Water table height above the aquifer bottom (ft or m). */
export const GWV_HGW = 0;
/** Surface water height above the aquifer bottom (ft or m). */
export const GWV_HSW = 1;
/** Threshold (channel bottom) height above the aquifer bottom (ft or m). */
export const GWV_HCB = 2;
/** Ground surface height above the aquifer bottom (ft or m). */
export const GWV_HGS = 3;
/** Saturated hydraulic conductivity (in/hr or mm/hr). */
export const GWV_KS = 4;
/** Unsaturated conductivity at the current moisture (in/hr or mm/hr). */
export const GWV_K = 5;
/** Upper zone moisture content. */
export const GWV_THETA = 6;
/** Porosity. */
export const GWV_PHI = 7;
/** Infiltration into the upper zone (in/hr or mm/hr). */
export const GWV_FI = 8;
/** Percolation from the upper to the lower zone (in/hr or mm/hr). */
export const GWV_FU = 9;
/** Subcatchment area (acres or hectares). */
export const GWV_A = 10;
export const GWV_COUNT = GWF_VARIABLES.length;

export const GWF_LATERAL = 1;
export const GWF_DEEP = 2;

function gwfVariableIndex(name: string): number {
  return (GWF_VARIABLES as readonly string[]).indexOf(name.toUpperCase());
}

/** Compile a [GWF] expression; null on a syntax error or an unknown variable. */
export function compileGwfExpression(text: string): ExprProgram | null {
  const r = compileExpression(text, gwfVariableIndex);
  return 'program' in r ? r.program : null;
}

/** Which flow a [GWF] line's second token names: SWMM matches the prefixes LAT and DEEP. */
export function gwfKind(token: string): number {
  const up = token.toUpperCase();
  if (up.startsWith('LAT')) return GWF_LATERAL;
  if (up.startsWith('DEEP')) return GWF_DEEP;
  return 0;
}

/**
 * Evaluate a compiled expression. `vars` holds GWV_COUNT values (user units); `stack` must have
 * at least `program.maxDepth` slots.
 */
export function evalGwfExpression(program: ExprProgram, vars: Float64Array, stack: Float64Array): number {
  return evalExpression(program, vars, stack);
}

export type { ExprProgram };
