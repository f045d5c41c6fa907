// `haimian run` as a user runs it: a real process, real files, exit codes and messages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readOut } from '@haimian/engine';

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, '../../bin/haimian.js');
const demo = resolve(here, '../../../engine/demo/beijing-block.inp');

function run(args: string[], cwd?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('haimian run', () => {
  it('runs the demo model and writes a SWMM report and binary output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haimian-run-'));
    const rpt = join(dir, 'demo.rpt');
    const out = join(dir, 'demo.out');
    const r = run(['run', demo, rpt, out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Simulation complete/);
    const report = readFileSync(rpt, 'latin1');
    expect(report).toContain('EPA STORM WATER MANAGEMENT MODEL - VERSION 5.2 (Build 5.2.4)');
    expect(report).toContain('Runoff Quantity Continuity');
    expect(report).toContain('Flow Routing Continuity');
    // 6 hours at a 1-minute report step.
    const o = readOut(new Uint8Array(readFileSync(out)));
    expect(o.nPeriods).toBe(360);
    expect(o.ids.subcatchments).toHaveLength(8);
    // Rain over the block is 63.4 mm (the storm's depth): the report's precipitation depth says so.
    const m = /Total Precipitation \.+\s+([\d.]+)\s+([\d.]+)/.exec(report);
    expect(Number(m![2])).toBeCloseTo(63.4, 0);
  });

  it('fails with the file, line and expectation for a bad .inp', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haimian-run-'));
    const inp = join(dir, 'bad.inp');
    writeFileSync(inp, readFileSync(demo, 'utf8').replace(/^(J1\s+)47\.00/m, '$1forty'));
    const r = run(['run', inp, join(dir, 'bad.rpt')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/ERROR \d+/);
    expect(r.stderr).toMatch(/bad\.inp/);
    expect(r.stderr).toMatch(/line \d+/);
    expect(r.stderr).toMatch(/forty/);
    expect(existsSync(join(dir, 'bad.rpt'))).toBe(true);
  });

  it('fails clearly when the input file does not exist', () => {
    const r = run(['run', '/nonexistent/model.inp', '/tmp/x.rpt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot open file/);
  });
});
