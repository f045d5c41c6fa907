// haimian pipe: full-pipe Manning capacity of a diameter, or the DN needed for a flow.
import type { Command } from 'commander';
import { fullPipeCapacity, selectPipe } from '@haimian/design';
import { design, fail, fmt, num, optNum, out, printJson } from './design-util.js';

interface PipeOptions {
  flow?: string;
  diameter?: string;
  n?: string;
  slope?: string;
  metal?: boolean;
  json?: boolean;
}

export function runPipe(o: PipeOptions): void {
  const n = num(o.n, '--n', { gt: 0 });
  const slope = num(o.slope, '--slope', { gt: 0 });
  const flow = optNum(o.flow, '--flow', { gt: 0 });
  const dia = optNum(o.diameter, '--diameter', { gt: 0 });
  if ((flow === undefined) === (dia === undefined)) fail('give either --flow <m3/s> (size a pipe) or --diameter <m> (capacity of a pipe)');
  if (dia !== undefined) {
    const c = design(() => fullPipeCapacity(dia, n, slope));
    if (o.json) return printJson(c);
    out(`D = ${dia} m, n = ${n}, I = ${slope}: full-pipe v = ${fmt(c.velocityMps, 5)} m/s, Q = ${fmt(c.flowCms, 6)} m³/s`);
    if (c.velocityMps < 0.75) out('warning: below the 0.75 m/s minimum full-flow velocity [R GB 50014]');
    return;
  }
  const s = design(() => selectPipe(flow!, n, slope, { metal: o.metal }));
  if (o.json) return printJson(s);
  const lines = [`Q = ${flow} m³/s, n = ${n}, I = ${slope}: D_req = ${fmt(s.requiredDiameterM, 4)} m`];
  if (s.smaller) lines.push(`DN${s.smaller.dnMm}: capacity ${fmt(s.smaller.flowCms, 5)} m³/s (insufficient)`);
  lines.push(`DN${s.chosen.dnMm}: capacity ${fmt(s.chosen.flowCms, 5)} m³/s, v = ${fmt(s.chosen.velocityMps, 4)} m/s → choose DN${s.chosen.dnMm}`);
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  out(lines.join('\n'));
}

export function register(program: Command): void {
  program
    .command('pipe')
    .description('full-pipe Manning: capacity of a diameter (--diameter) or the standard DN for a flow (--flow)')
    .option('--flow <m3/s>', 'design flow to carry')
    .option('--diameter <m>', 'pipe diameter to evaluate')
    .option('--n <n>', 'Manning n (concrete 0.013–0.014, plastic 0.009–0.011)')
    .option('--slope <I>', 'pipe slope (m/m)')
    .option('--metal', 'metal pipe (10 m/s velocity limit)')
    .option('--json', 'print JSON')
    .action((o: PipeOptions) => runPipe(o));
}
