import { describe, expect, it } from 'vitest';
import { register } from './site-check.js';
import { runCli, tempDir, writeTemp } from '../../test/design-harness.js';

const near = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);

const E5 = {
  name: 'E5 Beijing site',
  targetAlpha: 0.85,
  city: 'Beijing',
  surfaces: [
    { name: 'hard roof', areaHa: 0.5, surface: 'hard-roof' },
    { name: 'green roof', areaHa: 0.1, surface: 'green-roof' },
    { name: 'roads + plaza', areaM2: 4500, phi: 0.85 },
    { name: 'permeable paving', areaHa: 0.25, phi: 0.3 },
    { name: 'green space', areaHa: 0.7, surface: 'green' },
  ],
  facilities: [
    { type: 'sunken-green', areaM2: 1500, depthM: 0.1 },
    { type: 'bioretention', areaM2: 400, pondingDepthM: 0.25, kMps: 1e-5 },
    { type: 'cistern', volumeM3: 60 },
  ],
};

describe('haimian site-check', () => {
  const dir = tempDir();
  it('E5 (digest §5.9): V = 343.56 m³, provided 338.8 m³, fails by 4.76 m³, H_eq = 33.1345 mm, α ≈ 84.63 %', async () => {
    const f = writeTemp(dir, 'e5.json', JSON.stringify(E5));
    const r = await runCli(register, ['site-check', f, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    near(j.phi, 0.51125, 1e-12);
    near(j.requiredM3, 343.56, 1e-9);
    near(j.providedM3, 338.8, 1e-9);
    near(j.shortfallM3, 4.76, 1e-9);
    expect(j.pass).toBe(false);
    near(j.equivalentDepthMm, 33.1345, 5e-5);
    near(j.achievedAlpha, 0.84631, 5e-6);
    expect(j.alphaSource).toMatch(/北京 Beijing \[R\]/);
    const t = await runCli(register, ['site-check', f]);
    expect(t.stdout).toMatch(/FAIL, shortfall 4\.76 m³/);
    expect(t.stdout).toMatch(/achieved α ≈ 84\.63 % \(table interpolation\)/);
  });
  it('with a daily rainfall CSV the α is exact', async () => {
    const rain = writeTemp(dir, 'rain.csv', 'date,rain_mm\n2020-01-01,10\n2020-01-02,40\n2020-01-03,0\n2020-01-04,25\n');
    const f = writeTemp(dir, 'e5b.json', JSON.stringify({ ...E5, city: undefined, rainCsv: 'rain.csv', targetAlpha: 0.8 }));
    const j = JSON.parse((await runCli(register, ['site-check', f, '--json'])).stdout);
    // α(H) = (10 + 2H)/75 on [10, 25] → H(0.8) = 25.
    near(j.designRainfallMm, 25, 1e-12);
    expect(j.alphaApproximate).toBe(false);
    expect(j.alphaSource).toBe('daily rainfall curve');
  });
  it('rejects bad project files', async () => {
    expect((await runCli(register, ['site-check', writeTemp(dir, 'bad.json', '{ surfaces: ')])).stderr).toMatch(/is not valid JSON/);
    expect((await runCli(register, ['site-check', writeTemp(dir, 'none.json', '{"surfaces": []}')])).stderr).toMatch(/"surfaces" must be a non-empty array/);
    expect((await runCli(register, ['site-check', writeTemp(dir, 'neg.json', JSON.stringify({ ...E5, surfaces: [{ name: 'x', areaHa: -1, phi: 0.5 }] }))])).stderr).toMatch(/x needs areaHa/);
    expect((await runCli(register, ['site-check', writeTemp(dir, 'lava.json', JSON.stringify({ ...E5, surfaces: [{ areaHa: 1, surface: 'lava' }] }))])).stderr).toMatch(/unknown surface "lava"/);
    expect((await runCli(register, ['site-check', writeTemp(dir, 'noh.json', JSON.stringify({ ...E5, city: undefined }))])).stderr).toMatch(/needs a daily-rain curve or an α–H table/);
  });
});
