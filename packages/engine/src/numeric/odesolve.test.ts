import { describe, expect, it } from 'vitest';
import { createOdeWorkspace, ODE_OK, ODE_TOO_MANY_STEPS, odeIntegrate, type OdeSystem } from './odesolve.js';

class Decay implements OdeSystem {
  k = 1;
  derivs(_x: number, y: Float64Array, d: Float64Array): void {
    d[0] = -this.k * y[0]!;
  }
}

class Oscillator implements OdeSystem {
  derivs(_x: number, y: Float64Array, d: Float64Array): void {
    d[0] = y[1]!;
    d[1] = -y[0]!;
  }
}

/** Draining nonlinear reservoir dd/dt = -α d^(5/3), the runoff equation with no inflow. */
class Reservoir implements OdeSystem {
  alpha = 0.01;
  derivs(_x: number, y: Float64Array, d: Float64Array): void {
    d[0] = -this.alpha * Math.pow(Math.max(y[0]!, 0), 5 / 3);
  }
}

class Wiggle implements OdeSystem {
  derivs(x: number, _y: Float64Array, d: Float64Array): void {
    d[0] = Math.cos(1000 * x);
  }
}

describe('Cash–Karp integrator', () => {
  it('exponential decay: y(1) = e^-1', () => {
    const ws = createOdeWorkspace(1);
    const y = Float64Array.of(1);
    expect(odeIntegrate(ws, y, 1, 0, 1, 1e-8, 1, new Decay())).toBe(ODE_OK);
    expect(y[0]).toBeCloseTo(Math.exp(-1), 8);
  });

  it('meets a loose relative tolerance (1e-4, as runoff uses) to about 1e-5', () => {
    const ws = createOdeWorkspace(1);
    const y = Float64Array.of(2);
    const sys = new Decay();
    sys.k = 3;
    expect(odeIntegrate(ws, y, 1, 0, 2, 1e-4, 2, sys)).toBe(ODE_OK);
    const exact = 2 * Math.exp(-6);
    expect(Math.abs(y[0]! - exact) / exact).toBeLessThan(1e-3);
    expect(ws.steps).toBeGreaterThan(1);
  });

  it('harmonic oscillator returns to its start after one period (2-D system)', () => {
    const ws = createOdeWorkspace(2);
    const y = Float64Array.of(1, 0);
    expect(odeIntegrate(ws, y, 2, 0, 2 * Math.PI, 1e-9, 0.5, new Oscillator())).toBe(ODE_OK);
    expect(y[0]).toBeCloseTo(1, 6);
    expect(y[1]).toBeCloseTo(0, 6);
  });

  it('integrates backwards when x2 < x1', () => {
    const ws = createOdeWorkspace(1);
    const y = Float64Array.of(Math.exp(-1));
    expect(odeIntegrate(ws, y, 1, 1, 0, 1e-8, 1, new Decay())).toBe(ODE_OK);
    expect(y[0]).toBeCloseTo(1, 8);
  });

  it('nonlinear reservoir drains as d(t) = (d0^(-2/3) + (2/3)·α·t)^(-3/2)', () => {
    const ws = createOdeWorkspace(1);
    const sys = new Reservoir();
    const d0 = 0.1;
    const t = 900;
    const y = Float64Array.of(d0);
    expect(odeIntegrate(ws, y, 1, 0, t, 1e-6, t, sys)).toBe(ODE_OK);
    const exact = Math.pow(Math.pow(d0, -2 / 3) + (2 / 3) * sys.alpha * t, -1.5);
    expect(y[0]).toBeCloseTo(exact, 7);
  });

  it('gives up after 10 000 steps and leaves the state untouched', () => {
    const ws = createOdeWorkspace(1);
    const y = Float64Array.of(5);
    expect(odeIntegrate(ws, y, 1, 0, 20000, 1e-12, 1, new Wiggle())).toBe(ODE_TOO_MANY_STEPS);
    expect(y[0]).toBe(5);
  });
});
