import { describe, expect, it } from 'vitest';
import { register } from './control-rate.js';
import { builtWith, runCli, spawnCli, tempDir, writeTemp } from '../../test/design-harness.js';

const near = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);
const E1 = [0.5, 1.2, 2.0, 3.5, 5.0, 7.8, 10.2, 12.0, 15.5, 18.0, 22.4, 25.0, 30.1, 36.0, 41.7, 48.3, 55.0, 62.5, 80.0, 120.0, 2.1, 4.4, 6.6, 9.0, 1.8, 14.0, 27.5, 33.3];

function dailyCsv(values: number[], start = Date.UTC(1990, 0, 1)): string {
  return ['date,rain_mm', ...values.map((v, i) => `${new Date(start + i * 86_400_000).toISOString().slice(0, 10)},${v}`)].join('\n') + '\n';
}

function e1Long(): number[] {
  let x = 20240101;
  const next = () => (x = (48271 * x) % 2147483647);
  const days: number[] = [];
  for (let i = 0; i < 10950; i++) {
    const u1 = next();
    const u2 = next();
    days.push(u1 % 4 === 0 ? (u2 % 1000) ** 2 / 10000 : 0);
  }
  return days;
}

describe('haimian control-rate', () => {
  const dir = tempDir();
  const e1 = writeTemp(dir, 'e1.csv', dailyCsv(E1));
  it('E1: --target 0.85 --json gives H = 53.5037 mm, 24 retained days and the curve', async () => {
    const r = await runCli(register, ['control-rate', e1, '--target', '0.85', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    near(j.designRainfallMm, 53.5037, 5e-5);
    expect(j.retainedDays).toBe(24);
    expect(j.discardedDays).toBe(4);
    expect(j.curve.hMm).toHaveLength(25);
    expect(j.curve.alpha[24]).toBe(1);
    near(j.table.find((t: { alpha: number }) => t.alpha === 0.7).hMm, 33.79, 5e-5);
    expect(j.warnings.join()).toMatch(/at least 30 years/);
  });
  it('E1-long 30-year record: H(0.85) = 57.3290070 mm, α(20) = 0.423593245', async () => {
    const f = writeTemp(dir, 'long.csv', dailyCsv(e1Long()));
    const r = await runCli(register, ['control-rate', f, '--target', '85%', '--depth', '20', '--json', '--points', '50']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    near(j.designRainfallMm, 57.329007, 5e-7);
    near(j.alphaAtDepth.alpha, 0.423593245, 5e-10);
    expect(j.retainedDays).toBe(2340);
    expect(j.curve.hMm).toHaveLength(50);
  });
  it('text output and the zone check', async () => {
    const r = await runCli(register, ['control-rate', e1, '--target', '0.85', '--zone', 'III']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/design rainfall for α = 85 %: H = 53\.5 mm/);
    expect(r.stdout).toMatch(/zone Ⅲ: 75 % ≤ α ≤ 85 % \[R\]/);
  });
  it('user-named columns and sub-daily rows', async () => {
    const f = writeTemp(dir, 'hourly.csv', 'station,time,p\nA,2020-07-01 01:00,10\nA,2020-07-01 02:00,5\nA,2020-07-02 03:00,1.5\nA,2020-07-03 00:00,30\n');
    const r = await runCli(register, ['control-rate', f, '--target', '0.5', '--date-column', 'time', '--rain-column', 'p', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.retainedDays).toBe(2); // 15 and 30 mm; 1.5 mm day discarded
    near(j.designRainfallMm, 11.25, 1e-12); // α(H) = 2H/45 on [0, 15]
    expect(j.warnings.join()).toMatch(/sub-daily rows were summed/);
  });
  it.each([
    ['empty.csv', '', /the CSV is empty/],
    ['header.csv', 'date,rain_mm\n', /header but no data rows/],
    ['cols.csv', 'day,mm\n2020-01-01,3\n', /header has no column date and rain_mm/],
    ['bad.csv', 'date,rain_mm\n2020-01-01,3\n2020-01-02,x\n', /line 3: rain value "x" is not a number/],
    ['neg.csv', 'date,rain_mm\n2020-01-01,-3\n', /line 2: rain value -3 is negative/],
    ['date.csv', 'date,rain_mm\n01/02/2020,3\n', /line 2: cannot read the date/],
    ['dry.csv', 'date,rain_mm\n2020-01-01,1\n2020-01-02,2\n', /no rain day exceeds 2 mm/],
  ])('rejects %s with a clear message', async (name, text, msg) => {
    const f = writeTemp(dir, name, text);
    const r = await runCli(register, ['control-rate', f, '--target', '0.85']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(msg);
  });
  it('rejects bad targets and missing files', async () => {
    expect((await runCli(register, ['control-rate', e1, '--target', '85'])).stderr).toMatch(/fraction \(0\.85\) or a percentage \(85%\)/);
    expect((await runCli(register, ['control-rate', e1, '--target', '-0.2'])).stderr).toMatch(/must lie in \(0, 1\]/);
    expect((await runCli(register, ['control-rate', '/nope.csv', '--target', '0.8'])).stderr).toMatch(/cannot read rainfall CSV \/nope\.csv: no such file/);
    const noTarget = await runCli(register, ['control-rate', e1]);
    expect(noTarget.code).toBe(1);
    expect(noTarget.stderr).toMatch(/--target/);
  });
});

describe.skipIf(!builtWith('control-rate'))('haimian control-rate (built binary)', () => {
  it('runs as a user would', () => {
    const dir = tempDir();
    const f = writeTemp(dir, 'rain.csv', dailyCsv(E1));
    const r = spawnCli(['control-rate', f, '--target', '0.85', '--json']);
    expect(r.code).toBe(0);
    near(JSON.parse(r.stdout).designRainfallMm, 53.5037, 5e-5);
    const bad = spawnCli(['control-rate', writeTemp(dir, 'empty.csv', ''), '--target', '0.85']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^haimian: the CSV is empty/);
  });
});
