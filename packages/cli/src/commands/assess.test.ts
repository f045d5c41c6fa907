import { describe, expect, it } from 'vitest';
import { register } from './assess.js';
import { runCli, tempDir, writeTemp } from '../../test/design-harness.js';

const near = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);

describe('haimian assess', () => {
  const dir = tempDir();
  const events = writeTemp(dir, 'events.csv', 'rain_mm,outflow_m3\n3.2,0\n8.5,0\n15.0,0\n22.4,0\n41.0,96.0\n5.5,0\n63.0,420.0\n12.0,0\n28.6,12.5\n2.0,0\n');
  it('alpha: E12 α = 0.824884, judged against zone Ⅲ lower limit', async () => {
    const j = JSON.parse((await runCli(register, ['assess', 'alpha', events, '--area', '1.5', '--zone', 'III', '--json'])).stdout);
    near(j.alpha, 0.824884, 5e-7);
    expect(j.judgement.pass).toBe(true);
    expect(j.judgement.threshold).toBe(0.75);
    const t = await runCli(register, ['assess', 'alpha', events, '--area', '1.5', '--target', '90%']);
    expect(t.stdout).toMatch(/α = 1 − V_out\/V_rain = 0\.824884/);
    expect(t.stdout).toMatch(/FAIL: α = 0\.8249 >= 0\.9 — .*\[R\] GB\/T 51345-2018/);
  });
  it('fit: E13 NSE = 0.961 passes ≥ 0.5', async () => {
    const f = writeTemp(dir, 'fit.csv', 'time,obs,sim\n1,1.0,1.2\n2,3.0,2.7\n3,5.0,4.6\n4,4.0,4.3\n5,2.0,2.1\n');
    const j = JSON.parse((await runCli(register, ['assess', 'fit', f, '--observed', 'obs', '--simulated', 'sim', '--json'])).stdout);
    near(j.nse, 0.961, 1e-12);
    expect(j.judgement.pass).toBe(true);
    const t = await runCli(register, ['assess', 'fit', f, '--observed', 'obs', '--simulated', 'sim']);
    expect(t.stdout).toMatch(/PASS: NSE = 0\.961 >= 0\.5/);
  });
  it('ss: EMC example removal 0.914938 (new project, ≥ 70 %)', async () => {
    const f = writeTemp(dir, 'ss.csv', 'q_in_lps,c_in_mgl,q_out_lps,c_out_mgl\n10,300,0,0\n30,250,5,60\n50,180,15,50\n30,120,15,40\n10,100,10,40\n');
    const j = JSON.parse((await runCli(register, ['assess', 'ss', f, '--dt', '300', '--json'])).stdout);
    near(j.removal, 0.914938, 5e-7);
    near(j.loadInKg, 7.23, 1e-12);
    expect(j.judgement.pass).toBe(true);
  });
  it('peak', async () => {
    const r = await runCli(register, ['assess', 'peak', '--before', '120', '--after', '130']);
    expect(r.stdout).toMatch(/peak reduction -8\.33 %/);
    expect(r.stdout).toMatch(/FAIL/);
  });
  it('rejects malformed input', async () => {
    expect((await runCli(register, ['assess', 'alpha', writeTemp(dir, 'e.csv', ''), '--area', '1'])).stderr).toMatch(/is empty/);
    expect((await runCli(register, ['assess', 'alpha', writeTemp(dir, 'h.csv', 'rain,out\n1,2\n'), '--area', '1'])).stderr).toMatch(/header has no column rain_mm, outflow_m3/);
    expect((await runCli(register, ['assess', 'alpha', writeTemp(dir, 'x.csv', 'rain_mm,outflow_m3\n5,abc\n'), '--area', '1'])).stderr).toMatch(/line 2: column outflow_m3 value "abc" is not a number/);
    expect((await runCli(register, ['assess', 'alpha', events, '--area', '-1'])).stderr).toMatch(/--area must be greater than 0/);
    expect((await runCli(register, ['assess', 'ss', events, '--dt', '300'])).stderr).toMatch(/header has no column q_in_lps/);
    const r = await runCli(register, ['assess', 'fit', writeTemp(dir, 'c.csv', 'observed,simulated\n2,1\n2,3\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/constant: NSE undefined/);
  });
});
