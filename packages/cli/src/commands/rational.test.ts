import { describe, expect, it } from 'vitest';
import { register } from './rational.js';
import { runCli } from '../../test/design-harness.js';

const near = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);
const E4 = ['rational', '--formula', 'beijing', '--period', '3', '--t1', '10', '--t2', '8', '--psi', '0.65', '--area', '12'];

describe('haimian rational', () => {
  it('E4: q = 273.691 L/(s·hm²), Q = 2134.79 L/s; with n and I, E4b chooses DN1350', async () => {
    const r = await runCli(register, [...E4, '--n', '0.013', '--slope', '0.002', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    near(j.qLpsPerHa, 273.691, 5e-4);
    near(j.flowLps, 2134.79, 5e-3);
    near(j.pipe.requiredDiameterM, 1.2946, 5e-5);
    expect(j.pipe.chosen.dnMm).toBe(1350);
    near(j.pipe.chosen.flowCms, 2.38696, 5e-6);
    near(j.pipe.smaller.flowCms, 1.74357, 5e-6);
  });
  it('text output', async () => {
    const r = await runCli(register, [...E4, '--n', '0.013', '--slope', '0.002']);
    expect(r.stdout).toMatch(/Q = q·ψ·F = 273\.691 × 0\.65 × 12 = 2134\.79 L\/s/);
    expect(r.stdout).toMatch(/DN1200: capacity 1\.74357 m³\/s < Q \(insufficient\)/);
    expect(r.stdout).toMatch(/choose DN1350/);
  });
  it('rejects bad input', async () => {
    expect((await runCli(register, [...E4.slice(0, 9), '--psi', '1.4', '--area', '12'])).stderr).toMatch(/--psi must be at most 1/);
    expect((await runCli(register, [...E4, '--n', '0.013'])).stderr).toMatch(/needs both --n and --slope/);
    const neg = await runCli(register, ['rational', '--formula', 'beijing', '--period', '3', '--t1', '-10', '--psi', '0.6', '--area', '2']);
    expect(neg.code).toBe(1);
    expect(neg.stderr).toMatch(/--t1 must be at least 0/);
    expect((await runCli(register, ['rational', '--formula', 'nowhere', '--period', '3', '--t1', '10', '--psi', '0.6', '--area', '2'])).stderr).toMatch(/unknown storm formula/);
  });
});
