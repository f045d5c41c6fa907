import { describe, expect, it } from 'vitest';
import { register } from './size.js';
import { runCli } from '../../test/design-harness.js';

const near = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);
const json = async (args: string[]) => {
  const r = await runCli(register, args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('haimian size', () => {
  it('volume: E5 V = 343.56 m³', async () => {
    const j = await json(['size', 'volume', '--depth', '33.6', '--phi', '0.51125', '--area', '2', '--json']);
    near(j.volumeM3, 343.56, 1e-9);
    near(j.unitAreaM3PerHa, 171.78, 1e-9);
  });
  it('bioretention: E6 A = 443.48 m²', async () => {
    const j = await json(['size', 'bioretention', '--inflow', '142.8', '--ponding', '0.25', '--k', '1e-5', '--contributing', '5000', '--json']);
    near(j.areaM2, 443.478, 5e-4);
    near(j.areaRatio, 0.0887, 5e-5);
  });
  it('swale: E8 Q = 25.49 L/s', async () => {
    const r = await runCli(register, ['size', 'swale', '--bottom', '0.6', '--side', '3', '--depth', '0.2', '--slope', '0.01', '--n', '0.24']);
    expect(r.stdout).toMatch(/v = 0\.1062 m\/s, Q = 0\.02549 m³\/s \(25\.49 L\/s\)/);
  });
  it('tanks: E11 1008 m³ and 1296 m³', async () => {
    near((await json(['size', 'tank', '--depth', '6', '--area', '20', '--psi', '0.7', '--beta', '1.2', '--json'])).volumeM3, 1008, 1e-9);
    near((await json(['size', 'tank', '--fill-hours', '0.5', '--ratio', '5', '--ratio0', '2', '--dry-flow', '0.2', '--beta', '1.2', '--json'])).volumeM3, 1296, 1e-9);
  });
  it('cistern with first flush', async () => {
    const j = await json(['size', 'cistern', '--area', '0.1', '--phi', '0.85', '--depth', '33.6', '--first-flush', '2', '--json']);
    near(j.tankM3, 26.56, 1e-9);
  });
  it('rejects bad input', async () => {
    expect((await runCli(register, ['size', 'volume', '--depth', '-3', '--phi', '0.5', '--area', '1'])).stderr).toMatch(/--depth must be at least 0/);
    expect((await runCli(register, ['size', 'bioretention', '--inflow', '100', '--ponding', '0', '--k', '1e-5'])).stderr).toMatch(/--ponding must be greater than 0/);
    expect((await runCli(register, ['size', 'tank', '--fill-hours', '0.5', '--ratio', '2', '--ratio0', '5', '--dry-flow', '0.2'])).stderr).toMatch(/interception ratio/);
    expect((await runCli(register, ['size', 'swale', '--bottom', '0.6', '--side', '3', '--depth', 'x', '--slope', '0.01', '--n', '0.24'])).stderr).toMatch(/--depth must be a number/);
  });
});
