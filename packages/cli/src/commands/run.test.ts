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

  it('writes the consolidated LID table with --lid-table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'haimian-run-'));
    const inp = join(dir, 'lid.inp');
    // A 500 m² bioretention cell treating 40 % of the school's impervious runoff.
    const lid = [
      '[LID_CONTROLS]',
      'BioCell BC',
      'BioCell SURFACE 200 0.1 0.1 1.0 5',
      'BioCell SOIL 600 0.45 0.2 0.1 50 10 80',
      'BioCell STORAGE 300 0.75 10 0',
      'BioCell DRAIN 0 0.5 0 6',
      '',
      '[LID_USAGE]',
      'S4_School BioCell 1 500 20 0 40 0',
      '',
    ].join('\n');
    writeFileSync(inp, readFileSync(demo, 'utf8') + '\n' + lid);
    const csv = join(dir, 'lid.csv');
    const r = run(['run', inp, join(dir, 'lid.rpt'), join(dir, 'lid.out'), '--lid-table', csv]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^date,time,subcatchment,lid_control,inflow_mm_per_hr,/);
    expect(lines).toHaveLength(1 + 360);
    expect(lines[1]).toMatch(/^07\/20\/2024,00:01:00,S4_School,BioCell,/);
    const report = readFileSync(join(dir, 'lid.rpt'), 'latin1');
    const row = /\n  S4_School\s+BioCell\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(report);
    expect(row).not.toBeNull();
    // The cell receives 40 % of the school's impervious runoff plus its own rain: far more than 63.4 mm.
    expect(Number(row![1])).toBeGreaterThan(300);
  });

  it('fails clearly when the input file does not exist', () => {
    const r = run(['run', '/nonexistent/model.inp', '/tmp/x.rpt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot open file/);
  });
});
