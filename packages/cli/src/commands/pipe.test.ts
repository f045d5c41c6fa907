import { describe, expect, it } from 'vitest';
import { register } from './pipe.js';
import { runCli } from '../../test/design-harness.js';

const near = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);

describe('haimian pipe', () => {
  it('E4b sizing: D_req = 1.2946 m → DN1350', async () => {
    const r = await runCli(register, ['pipe', '--flow', '2.13479', '--n', '0.013', '--slope', '0.002', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    near(j.requiredDiameterM, 1.2946, 5e-5);
    expect(j.chosen.dnMm).toBe(1350);
  });
  it('capacity of DN600 at I = 0.003 and the DN300 velocity warning', async () => {
    const r = await runCli(register, ['pipe', '--diameter', '0.6', '--n', '0.013', '--slope', '0.003', '--json']);
    const j = JSON.parse(r.stdout);
    near(j.velocityMps, 1.18945, 5e-6);
    near(j.flowCms, 0.336308, 5e-7);
    const t = await runCli(register, ['pipe', '--diameter', '0.3', '--n', '0.013', '--slope', '0.003']);
    expect(t.stdout).toMatch(/v = 0\.7493 m\/s[\s\S]*below the 0\.75 m\/s minimum/);
  });
  it('rejects bad input', async () => {
    expect((await runCli(register, ['pipe', '--n', '0.013', '--slope', '0.002'])).stderr).toMatch(/give either --flow/);
    expect((await runCli(register, ['pipe', '--flow', '-1', '--n', '0.013', '--slope', '0.002'])).stderr).toMatch(/--flow must be greater than 0/);
    expect((await runCli(register, ['pipe', '--flow', '1', '--n', '0.013', '--slope', '0'])).stderr).toMatch(/--slope must be greater than 0/);
  });
});
