import { describe, expect, it } from 'vitest';
import { register } from './recurrence.js';
import { runCli } from '../../test/design-harness.js';

describe('haimian recurrence', () => {
  it('a city of 3 million is "large": pipes 2–5 a central, waterlogging 30–50 a', async () => {
    const r = await runCli(register, ['recurrence', '--population', '3000000', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.cityClass).toBe('large');
    expect(j.pipes.central).toEqual([2, 5]);
    expect(j.pipes.underpass).toEqual([20, 30]);
    expect(j.waterlogging.periodYears).toEqual([30, 50]);
    expect(j.pipesProvenance.tag).toBe('R');
    const t = await runCli(register, ['recurrence', '--city-class', 'megacity']);
    expect(t.stdout).toMatch(/waterlogging prevention \[C\] GB 51222-2017.*: 100 a/);
  });
  it('rejects bad input', async () => {
    expect((await runCli(register, ['recurrence'])).stderr).toMatch(/give --population/);
    expect((await runCli(register, ['recurrence', '--population', '-5'])).stderr).toMatch(/--population must be at least 0/);
    expect((await runCli(register, ['recurrence', '--city-class', 'huge'])).stderr).toMatch(/--city-class must be one of/);
  });
});
