// Treatment expressions at nodes (digest §8.6): "R = f(...)" gives a removal fraction of the
// inflow stream, "C = f(...)" an outflow concentration. Variables: FLOW (node inflow, user flow
// units), DEPTH (average of old/new depth, ft or m), AREA (average storage surface area, ft²
// or m²), HRT (storage residence time, hours), DT (step, s), a pollutant's name (its inflow
// concentration if that pollutant is removed by an R-type expression or has none here, else
// its mixed node concentration) and R_name (another pollutant's removal, evaluated first).
//
// Expressions are compiled once with the engine's safe expression compiler (the one control
// rules use: SWMM's grammar and function guards, no eval) into postfix programs; evaluation
// uses preallocated stacks and a variable array, and allocates nothing.
import type { EngineError } from '../api.js';
import { compileExpression, evalExpression, type ExprProgram } from '../hydraulics/controls-expr.js';

export const TREAT_NONE = 0;
export const TREAT_REMOVAL = 1;
export const TREAT_CONCEN = 2;

/** Variable slots before the pollutant concentrations. */
export const TV_HRT = 0;
export const TV_DT = 1;
export const TV_FLOW = 2;
export const TV_DEPTH = 3;
export const TV_AREA = 4;
const TV_N = 5;
const PROCESS_VARS = ['HRT', 'DT', 'FLOW', 'DEPTH', 'AREA'];

export interface TreatmentState {
  readonly nP: number;
  /** Treatment slot of each node, −1 when the node treats nothing. */
  readonly nodeSlot: Int32Array;
  /** [slot·nP + p]: TREAT_NONE / TREAT_REMOVAL / TREAT_CONCEN. */
  readonly type: Int8Array;
  readonly programs: readonly (ExprProgram | null)[];
  readonly stacks: readonly (Float64Array | null)[];
  /** Variable values: TV_* then nP concentrations then nP removals. */
  readonly vars: Float64Array;
  /** Removal of each pollutant at the node being treated (−1 = not yet, 10 = being evaluated). */
  readonly removal: Float64Array;
  /** Inflow concentrations of the node being treated. */
  readonly cin: Float64Array;
  /** Set when an expression referred to itself through R_ variables (SWMM then uses 0). */
  cyclic: boolean;
}

export interface TreatmentDefLike {
  node: number;
  pollutant: number;
  kind: 'R' | 'C';
  expr: string;
  line: number;
}

/** Compile every node's expressions; an expression that does not compile is error 233. */
export function buildTreatment(
  defs: readonly TreatmentDefLike[], nNodes: number, pollutantNames: readonly string[], fileName: string,
): { state: TreatmentState | null; errors: EngineError[] } {
  const errors: EngineError[] = [];
  if (defs.length === 0) return { state: null, errors };
  const nP = pollutantNames.length;
  const upper = pollutantNames.map((n) => n.toUpperCase());
  const varIndex = (name: string): number => {
    const u = name.toUpperCase();
    const k = PROCESS_VARS.indexOf(u);
    if (k >= 0) return k;
    const p = upper.indexOf(u);
    if (p >= 0) return TV_N + p;
    if (u.startsWith('R_')) {
      const r = upper.indexOf(u.slice(2));
      if (r >= 0) return TV_N + nP + r;
    }
    return -1;
  };
  const nodeSlot = new Int32Array(nNodes).fill(-1);
  let nSlots = 0;
  for (const d of defs) if (nodeSlot[d.node]! < 0) nodeSlot[d.node] = nSlots++;
  const type = new Int8Array(nSlots * nP);
  const programs: (ExprProgram | null)[] = new Array<ExprProgram | null>(nSlots * nP).fill(null);
  const stacks: (Float64Array | null)[] = new Array<Float64Array | null>(nSlots * nP).fill(null);
  for (const d of defs) {
    const c = compileExpression(d.expr, varIndex);
    if ('error' in c) {
      errors.push({
        code: 233, message: `invalid math expression ${d.kind} = ${d.expr.trim()}: ${c.error}`,
        file: fileName, line: d.line, section: '[TREATMENT]', token: d.expr.trim(),
      });
      continue;
    }
    const i = nodeSlot[d.node]! * nP + d.pollutant;
    // A later line for the same node and pollutant replaces the earlier one, as in SWMM.
    type[i] = d.kind === 'R' ? TREAT_REMOVAL : TREAT_CONCEN;
    programs[i] = c.program;
    stacks[i] = new Float64Array(Math.max(1, c.program.maxDepth));
  }
  return {
    state: {
      nP, nodeSlot, type, programs, stacks,
      vars: new Float64Array(TV_N + 2 * nP), removal: new Float64Array(nP), cin: new Float64Array(nP), cyclic: false,
    },
    errors,
  };
}

/** True when pollutant p has an expression at node i (then first-order decay is not applied there). */
export function treatmentHasExpression(t: TreatmentState, node: number, p: number): boolean {
  const s = t.nodeSlot[node]!;
  return s >= 0 && t.type[s * t.nP + p] !== TREAT_NONE;
}

/** Save node inflow concentrations (w = mass inflow rates, q = inflow ≥ 0) before mixing. */
export function treatmentSetInflow(t: TreatmentState, q: number, w: Float64Array, base: number): void {
  const cin = t.cin;
  for (let p = 0; p < t.nP; p++) cin[p] = q > 0 ? w[base + p]! / q : 0;
}

/** Removal of pollutant p at the node (slot) whose variables are loaded; recursive through R_ names. */
function removalOf(t: TreatmentState, slot: number, p: number, c: Float64Array, base: number): number {
  const R = t.removal;
  if (R[p]! > 1 || t.cyclic) {
    // Referred to while being evaluated: a cycle. SWMM evaluates it as 0.
    t.cyclic = true;
    return 0;
  }
  if (R[p]! >= 0) return R[p]!;
  R[p] = 10;
  const c0 = c[base + p]!;
  if (c0 === 0) {
    R[p] = 0;
    return 0;
  }
  const i = slot * t.nP + p;
  const prog = t.programs[i];
  if (!prog) {
    // Referred to (R_name) but without an expression here: no removal.
    R[p] = 0;
    return 0;
  }
  const vars = t.vars;
  // Removals this expression refers to are evaluated before it runs.
  const pv = prog.vars;
  for (let k = 0; k < pv.length; k++) {
    const v = pv[k]!;
    if (v >= TV_N + t.nP) vars[v] = removalOf(t, slot, v - TV_N - t.nP, c, base);
  }
  let r = evalExpression(prog, vars, t.stacks[i]!);
  if (r !== r) r = 0; // NaN from an illegal operation counts as 0
  if (r < 0) r = 0;
  if (t.type[i] === TREAT_REMOVAL) {
    if (r > 1) r = 1;
    R[p] = r;
  } else {
    if (r > c0) r = c0;
    R[p] = 1 - r / c0;
  }
  return R[p]!;
}

/**
 * Apply node i's treatment after mixing. `c` holds the mixed concentrations at c[base + p],
 * `cOld` the start-of-step ones, `vOld` the start-of-step volume (ft³), `q` the inflow (cfs, ≥ 0).
 * Process variables must already be in t.vars (TV_*). Adds the removed mass rate of each
 * pollutant to `reacted[p·stride + off]`.
 */
export function treatmentApply(
  t: TreatmentState, node: number, q: number, dtS: number, c: Float64Array, cOld: Float64Array, base: number, vOld: number,
  reacted: Float64Array, stride: number, off: number,
): void {
  const slot = t.nodeSlot[node]!;
  if (slot < 0) return;
  const nP = t.nP;
  const R = t.removal;
  const cin = t.cin;
  const vars = t.vars;
  t.cyclic = false;
  for (let p = 0; p < nP; p++) {
    R[p] = -1;
    // A pollutant's name means its inflow concentration unless it has a C-type expression here.
    vars[TV_N + p] = t.type[slot * nP + p] === TREAT_CONCEN ? c[base + p]! : cin[p]!;
  }
  for (let p = 0; p < nP; p++) {
    const ty = t.type[slot * nP + p]!;
    if (ty === TREAT_NONE) R[p] = 0;
    else if (ty === TREAT_REMOVAL && q <= 1e-10) R[p] = 0;
    else removalOf(t, slot, p, c, base);
  }
  for (let p = 0; p < nP; p++) {
    const r = R[p]!;
    if (r === 0) continue;
    const cNode = c[base + p]!;
    let cOut: number;
    if (t.type[slot * nP + p] === TREAT_REMOVAL) {
      cOut = cin[p] === 0 ? cNode : (1 - r) * cin[p]!;
      if (cOut > cNode) cOut = cNode;
    } else cOut = (1 - r) * cNode;
    // Mass lost accounts for the mass stored at the start of the step.
    let lost = (cin[p]! * q * dtS + cOld[base + p]! * vOld - cOut * (q * dtS + vOld)) / dtS;
    if (lost < 0) lost = 0;
    reacted[p * stride + off] = reacted[p * stride + off]! + lost;
    c[base + p] = cOut;
  }
}
