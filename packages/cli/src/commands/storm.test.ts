import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { register } from './storm.js';
import { builtWith, runCli, spawnCli, tempDir, writeTemp } from '../../test/design-harness.js';

const E3 = ['storm', '--formula', 'beijing', '--period', '3', '--duration', '120', '--step', '5', '--peak', '0.4'];
const near = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);

const MODEL = `[OPTIONS]
FLOW_UNITS LPS

[RAINGAGES]
RG1 INTENSITY 1:00 1.0 TIMESERIES TS1

[SUBCATCHMENTS]
S1 RG1 J1 4 50 100 0.5 0
S2 RG1 J1 2 10 100 0.5 0

[TIMESERIES]
TS1 0:00 5
TS1 1:00 0
`;

describe('haimian storm', () => {
  it('--json gives the E3 storm (digest §3.2)', async () => {
    const r = await runCli(register, [...E3, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    near(j.totalDepthMm, 63.3205852, 5e-8);
    expect(j.depthsMm).toHaveLength(24);
    near(j.depthsMm[9], 13.0173, 5e-5);
    near(j.depthsMm[0], 0.9185, 5e-5);
    expect(j.formula.provenance.tag).toBe('C');
    near(j.depthsMm.reduce((s: number, d: number) => s + d, 0), j.totalDepthMm, 1e-9);
  });
  it('--params gives the same storm as the library formula (A in L/(s·hm²))', async () => {
    const r = await runCli(register, ['storm', '--params', '2001,0.811,8,0.711', '--period', '2', '--duration', '60', '--step', '1', '--peak', '0.5', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    near(j.totalDepthMm, 44.5282526, 5e-8);
    near(j.depthsMm[29], 2.9000016, 5e-8);
    expect(j.formula.provenance.tag).toBe('X');
  });
  it('prints a SWMM [RAINGAGES] + [TIMESERIES] block whose intensities integrate to the total', async () => {
    const r = await runCli(register, E3);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\[RAINGAGES\]\n.*\nDesignStorm\s+INTENSITY\s+0:05\s+1\.0\s+TIMESERIES DesignStorm_P3_T120/);
    const vals = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('DesignStorm_P3_T120 '))
      .map((l) => Number(l.trim().split(/\s+/)[2]));
    expect(vals).toHaveLength(25);
    near(vals.slice(0, 24).reduce((s, v) => s + (v * 5) / 60, 0), 63.3205852, 1e-6);
    expect(r.stdout).toMatch(/total depth 63\.3206 mm/);
  });
  it('--inp/--out inserts the storm into a model and points the subcatchments at it', async () => {
    const dir = tempDir();
    const inp = writeTemp(dir, 'model.inp', MODEL);
    const outFile = path.join(dir, 'model-storm.inp');
    const r = await runCli(register, [...E3, '--inp', inp, '--out', outFile, '--gage', 'P3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/inserted gage P3.*\(mm\), total 63\.3206 mm/);
    expect(r.stdout).toMatch(/2 subcatchment\(s\) now use gage P3/);
    const text = readFileSync(outFile, 'utf8');
    expect(text).toMatch(/\nS1\s+P3\s+J1/);
    expect(text).toMatch(/\nS2\s+P3\s+J1/);
    expect(text).toContain('TS1 0:00 5');
    expect(text.split('\n').filter((l) => l.startsWith('P3_P3_T120 '))).toHaveLength(25);
  });
  it('--list shows the library with provenance tags', async () => {
    const r = await runCli(register, ['storm', '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^beijing\s+Beijing classic/m);
    expect(r.stdout).toMatch(/\[X\]/);
  });
  it.each([
    [['--duration', '-120'], /--duration must be greater than 0 \(got -120\)/],
    [['--step', '7'], /duration 120 min is not a whole multiple of the time step 7 min/],
    [['--peak', '1.5'], /--peak must be at most 1/],
    [['--period', 'abc'], /--period must be a number/],
  ])('rejects bad input %j', async (extra, msg) => {
    const args = [...E3];
    for (let i = 0; i < extra.length; i += 2) {
      const k = args.indexOf(extra[i]!);
      if (k >= 0) args[k + 1] = extra[i + 1]!;
      else args.push(extra[i]!, extra[i + 1]!);
    }
    const r = await runCli(register, args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(msg);
    expect(r.stdout).toBe('');
  });
  it('rejects unknown and unverified formulas and malformed --params', async () => {
    const unknown = await runCli(register, ['storm', '--formula', 'atlantis', '--period', '3', '--duration', '60', '--step', '5']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/haimian: unknown storm formula "atlantis"; known formulas: beijing/);
    const unverified = await runCli(register, ['storm', '--formula', 'beijing-db11-zone2-long', '--period', '3', '--duration', '60', '--step', '5']);
    expect(unverified.code).toBe(1);
    expect(unverified.stderr).toMatch(/unverified .*--allow-unverified/);
    const ok = await runCli(register, ['storm', '--formula', 'beijing-db11-zone2-long', '--allow-unverified', '--period', '3', '--duration', '60', '--step', '5', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).warnings.join()).toMatch(/\[X\]/);
    const bad = await runCli(register, ['storm', '--params', '2001,0.8,8', '--period', '3', '--duration', '60', '--step', '5']);
    expect(bad.stderr).toMatch(/--params needs four comma-separated numbers/);
    const none = await runCli(register, ['storm', '--period', '3', '--duration', '60', '--step', '5']);
    expect(none.stderr).toMatch(/give --formula NAME/);
    const missing = await runCli(register, [...E3, '--inp', '/nonexistent/model.inp']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read model \/nonexistent\/model\.inp: no such file/);
  });
});

describe.skipIf(!builtWith('storm'))('haimian storm (built binary)', () => {
  it('runs as a user would', () => {
    const r = spawnCli([...E3, '--json']);
    expect(r.code).toBe(0);
    near(JSON.parse(r.stdout).totalDepthMm, 63.3205852, 5e-8);
    const bad = spawnCli([...E3.slice(0, 5), '--duration', '-5', '--step', '5']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^haimian: --duration must be greater than 0/);
  });
});
if (!builtWith('storm')) console.log('packages/cli/dist has no storm command yet (run npx tsc -b): skipping the spawned-binary test');
