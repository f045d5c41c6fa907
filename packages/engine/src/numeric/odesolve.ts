// Adaptive 5th-order Runge–Kutta–Cash–Karp integrator with embedded 4th-order error
// estimate (digest §4.6). Used by the subcatchment nonlinear reservoir and, later, by
// groundwater. Step control follows SWMM's choices exactly (safety 0.9, grow exponent
// −0.2, shrink exponent −0.25, error-control threshold 1.89e-4, growth cap 5×, shrink
// floor 0.1×, 10 000 steps) because the step sequence changes the result in the 4th–5th
// significant digit and parity with SWMM is the goal.
//
// Allocation-free: the caller owns a workspace (one per simulation, sized for the largest
// system) and a system object whose `derivs` method reads whatever parameters it needs
// from its own fields — no closures are created per call.

/** A system of first-order ODEs dy/dx = f(x, y). */
export interface OdeSystem {
  /** Write dy/dx at (x, y) into `dydx` (first `n` entries). */
  derivs(x: number, y: Float64Array, dydx: Float64Array): void;
}

/** Scratch arrays for up to `capacity` equations. */
export interface OdeWorkspace {
  readonly capacity: number;
  readonly y: Float64Array;
  readonly dydx: Float64Array;
  readonly yscal: Float64Array;
  readonly ytemp: Float64Array;
  readonly yerr: Float64Array;
  readonly yarg: Float64Array;
  readonly k2: Float64Array;
  readonly k3: Float64Array;
  readonly k4: Float64Array;
  readonly k5: Float64Array;
  readonly k6: Float64Array;
  /** Accepted steps taken by the last call (diagnostics/tests). */
  steps: number;
}

export const ODE_OK = 0;
/** More than MAX_STEPS steps were needed. */
export const ODE_TOO_MANY_STEPS = 1;
/** The step size shrank until x + h == x. */
export const ODE_STEP_UNDERFLOW = 2;

const MAX_STEPS = 10000;
const SCALE_TINY = 1.0e-30;
const SAFETY = 0.9;
const PGROW = -0.2;
const PSHRINK = -0.25;
const ERRCON = 1.89e-4;

// Cash–Karp tableau.
const A2 = 0.2, A3 = 0.3, A4 = 0.6, A5 = 1.0, A6 = 0.875;
const B21 = 0.2;
const B31 = 3.0 / 40.0, B32 = 9.0 / 40.0;
const B41 = 0.3, B42 = -0.9, B43 = 1.2;
const B51 = -11.0 / 54.0, B52 = 2.5, B53 = -70.0 / 27.0, B54 = 35.0 / 27.0;
const B61 = 1631.0 / 55296.0, B62 = 175.0 / 512.0, B63 = 575.0 / 13824.0, B64 = 44275.0 / 110592.0, B65 = 253.0 / 4096.0;
const C1 = 37.0 / 378.0, C3 = 250.0 / 621.0, C4 = 125.0 / 594.0, C6 = 512.0 / 1771.0;
// Error coefficients = 5th-order weights minus embedded 4th-order weights.
const DC1 = C1 - 2825.0 / 27648.0, DC3 = C3 - 18575.0 / 48384.0, DC4 = C4 - 13525.0 / 55296.0;
const DC5 = -277.0 / 14336.0, DC6 = C6 - 0.25;

export function createOdeWorkspace(capacity: number): OdeWorkspace {
  const f = (): Float64Array => new Float64Array(capacity);
  return {
    capacity,
    y: f(), dydx: f(), yscal: f(), ytemp: f(), yerr: f(), yarg: f(),
    k2: f(), k3: f(), k4: f(), k5: f(), k6: f(),
    steps: 0,
  };
}

/** One Cash–Karp step of size h from (x, ws.y) with slope ws.dydx → ws.ytemp, ws.yerr. */
function cashKarpStep(ws: OdeWorkspace, n: number, x: number, h: number, sys: OdeSystem): void {
  const { y, dydx, yarg, k2, k3, k4, k5, k6, ytemp, yerr } = ws;
  for (let i = 0; i < n; i++) yarg[i] = y[i]! + B21 * h * dydx[i]!;
  sys.derivs(x + A2 * h, yarg, k2);
  for (let i = 0; i < n; i++) yarg[i] = y[i]! + h * (B31 * dydx[i]! + B32 * k2[i]!);
  sys.derivs(x + A3 * h, yarg, k3);
  for (let i = 0; i < n; i++) yarg[i] = y[i]! + h * (B41 * dydx[i]! + B42 * k2[i]! + B43 * k3[i]!);
  sys.derivs(x + A4 * h, yarg, k4);
  for (let i = 0; i < n; i++) yarg[i] = y[i]! + h * (B51 * dydx[i]! + B52 * k2[i]! + B53 * k3[i]! + B54 * k4[i]!);
  sys.derivs(x + A5 * h, yarg, k5);
  for (let i = 0; i < n; i++) {
    yarg[i] = y[i]! + h * (B61 * dydx[i]! + B62 * k2[i]! + B63 * k3[i]! + B64 * k4[i]! + B65 * k5[i]!);
  }
  sys.derivs(x + A6 * h, yarg, k6);
  for (let i = 0; i < n; i++) {
    ytemp[i] = y[i]! + h * (C1 * dydx[i]! + C3 * k3[i]! + C4 * k4[i]! + C6 * k6[i]!);
    yerr[i] = h * (DC1 * dydx[i]! + DC3 * k3[i]! + DC4 * k4[i]! + DC5 * k5[i]! + DC6 * k6[i]!);
  }
}

/**
 * Integrate `n` equations from x1 to x2 starting from `ystart` (updated in place on success).
 * `eps` is the relative tolerance, `h1` the first trial step.
 * Returns ODE_OK, or an error code — in which case `ystart` is left unchanged, as SWMM does.
 *
 * @example
 *   // dy/dx = -y, y(0)=1  →  y(1) = e^-1
 *   const ws = createOdeWorkspace(1); const y = Float64Array.of(1);
 *   odeIntegrate(ws, y, 1, 0, 1, 1e-8, 1, { derivs: (_x, yy, d) => { d[0] = -yy[0]!; } });
 */
export function odeIntegrate(
  ws: OdeWorkspace,
  ystart: Float64Array,
  n: number,
  x1: number,
  x2: number,
  eps: number,
  h1: number,
  sys: OdeSystem,
): number {
  const { y, dydx, yscal, ytemp, yerr } = ws;
  let x = x1;
  let h = x2 >= x1 ? Math.abs(h1) : -Math.abs(h1);
  for (let i = 0; i < n; i++) y[i] = ystart[i]!;
  ws.steps = 0;

  for (let step = 1; step <= MAX_STEPS; step++) {
    sys.derivs(x, y, dydx);
    // The error scale uses the trial step *before* it is clipped to the interval end.
    for (let i = 0; i < n; i++) yscal[i] = Math.abs(y[i]!) + Math.abs(dydx[i]! * h) + SCALE_TINY;
    if ((x + h - x2) * (x + h - x1) > 0.0) h = x2 - x;

    // Quality-controlled step: shrink until the error estimate is acceptable.
    let hnext: number;
    for (;;) {
      cashKarpStep(ws, n, x, h, sys);
      let errmax = 0.0;
      for (let i = 0; i < n; i++) {
        const e = Math.abs(yerr[i]! / yscal[i]!);
        if (e > errmax) errmax = e;
      }
      errmax /= eps;
      if (errmax > 1.0) {
        const htemp = SAFETY * h * Math.pow(errmax, PSHRINK);
        h = h >= 0.0 ? Math.max(htemp, 0.1 * h) : Math.min(htemp, 0.1 * h);
        if (x + h === x) return ODE_STEP_UNDERFLOW;
        continue;
      }
      hnext = errmax > ERRCON ? SAFETY * h * Math.pow(errmax, PGROW) : 5.0 * h;
      x += h;
      for (let i = 0; i < n; i++) y[i] = ytemp[i]!;
      ws.steps++;
      break;
    }

    if ((x - x2) * (x2 - x1) >= 0.0) {
      for (let i = 0; i < n; i++) ystart[i] = y[i]!;
      return ODE_OK;
    }
    if (Math.abs(hnext) <= 0.0) return ODE_STEP_UNDERFLOW;
    h = hnext;
  }
  return ODE_TOO_MANY_STEPS;
}
