import { describe, expect, it } from 'vitest';
import { register } from './decompose.js';
import { runCli, tempDir, writeTemp } from '../../test/design-harness.js';

describe('haimian decompose', () => {
  const dir = tempDir();
  const plots = writeTemp(dir, 'plots.csv', 'id,land_use,area_ha\nA,residential,10\nB,road,4\nC,park,3\nD,commercial,5\n');
  it('allocates plot targets whose area-weighted mean is the district target', async () => {
    const r = await runCli(register, ['decompose', plots, '--target', '0.8', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const mean = j.plots.reduce((s: number, p: { alpha: number; areaHa: number }) => s + p.alpha * p.areaHa, 0) / 22;
    expect(Math.abs(mean - 0.8)).toBeLessThan(1e-12);
    expect(j.feasible).toBe(true);
    expect(j.defaults.tag).toBe('D');
  });
  it('says when a target is out of reach (exit code 2)', async () => {
    const r = await runCli(register, ['decompose', plots, '--target', '0.97']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/NOT reachable/);
  });
  it('rejects bad plot files', async () => {
    expect((await runCli(register, ['decompose', writeTemp(dir, 'e.csv', ''), '--target', '0.8'])).stderr).toMatch(/is empty/);
    expect((await runCli(register, ['decompose', writeTemp(dir, 'h.csv', 'id,use,area\nA,x,1\n'), '--target', '0.8'])).stderr).toMatch(/no column land_use/);
    expect((await runCli(register, ['decompose', writeTemp(dir, 'u.csv', 'id,land_use,area_ha\nA,airport,1\n'), '--target', '0.8'])).stderr).toMatch(/unknown land use "airport"/);
    expect((await runCli(register, ['decompose', writeTemp(dir, 'n.csv', 'id,land_use,area_ha\nA,park,-1\n'), '--target', '0.8'])).stderr).toMatch(/area must be > 0/);
  });
});
