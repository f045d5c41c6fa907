// haimian rational: design peak flow by the rational method, optionally with full-pipe sizing.
import type { Command } from 'commander';
import { provenanceLabel, rationalFlow, selectPipe } from '@haimian/design';
import { design, fail, fmt, formulaFromOptions, num, optNum, out, printJson } from './design-util.js';

interface RationalOptions {
  formula?: string;
  params?: string;
  allowUnverified?: boolean;
  period?: string;
  t1?: string;
  t2: string;
  psi?: string;
  area?: string;
  n?: string;
  slope?: string;
  metal?: boolean;
  json?: boolean;
}

export function runRational(o: RationalOptions): void {
  const formula = formulaFromOptions(o);
  const period = num(o.period, '--period', { gt: 0 });
  const t1 = num(o.t1, '--t1', { min: 0 });
  const t2 = num(o.t2, '--t2', { min: 0 });
  const psi = num(o.psi, '--psi', { gt: 0, max: 1 });
  const area = num(o.area, '--area', { gt: 0 });
  const n = optNum(o.n, '--n', { gt: 0 });
  const slope = optNum(o.slope, '--slope', { gt: 0 });
  if ((n === undefined) !== (slope === undefined)) fail('pipe sizing needs both --n and --slope');
  const r = design(() => rationalFlow({ formula, periodYears: period, inletTimeMin: t1, pipeTimeMin: t2, psi, areaHa: area }));
  const pipe = n !== undefined && slope !== undefined ? design(() => selectPipe(r.flowCms, n, slope, { metal: o.metal })) : null;
  if (o.json) {
    printJson({ formula: { id: formula.id, provenance: formula.provenance }, periodYears: period, ...r, pipe });
    return;
  }
  const lines = [
    `formula ${formula.id} ${provenanceLabel(formula.provenance)}`,
    `t = t1 + t2 = ${fmt(t1, 2)} + ${fmt(t2, 2)} = ${fmt(r.durationMin, 2)} min, P = ${period} a`,
    `q = ${fmt(r.qLpsPerHa, 3)} L/(s·hm²)`,
    `Q = q·ψ·F = ${fmt(r.qLpsPerHa, 3)} × ${psi} × ${area} = ${fmt(r.flowLps, 2)} L/s (${fmt(r.flowCms, 4)} m³/s)`,
  ];
  if (pipe) {
    lines.push(`full-pipe Manning, n = ${n}, I = ${slope}: D_req = ${fmt(pipe.requiredDiameterM, 4)} m`);
    if (pipe.smaller) lines.push(`  DN${pipe.smaller.dnMm}: capacity ${fmt(pipe.smaller.flowCms, 5)} m³/s < Q (insufficient)`);
    lines.push(`  DN${pipe.chosen.dnMm}: capacity ${fmt(pipe.chosen.flowCms, 5)} m³/s, v = ${fmt(pipe.chosen.velocityMps, 4)} m/s → choose DN${pipe.chosen.dnMm}`);
    lines.push('  (recompute t2 with the chosen velocity for the pipes downstream)');
  }
  for (const w of [...r.warnings, ...(pipe?.warnings ?? [])]) lines.push(`warning: ${w}`);
  out(lines.join('\n'));
}

export function register(program: Command): void {
  program
    .command('rational')
    .description('rational-method design flow Q = q·ψ·F (GB 50014), optionally sizing a full-flowing pipe')
    .option('--formula <name>', 'library storm formula id (haimian storm --list)')
    .option('--params <A,C,b,n>', 'user formula q = A(1 + C lg P)/(t + b)^n, L/(s·hm²)')
    .option('--allow-unverified', 'allow library formulas tagged [X]')
    .option('--period <years>', 'design return period P (a)')
    .option('--t1 <min>', 'inlet (surface) time, 5–15 min')
    .option('--t2 <min>', 'pipe travel time upstream (min)', '0')
    .option('--psi <psi>', 'composite peak-flow runoff coefficient ψ')
    .option('--area <hm2>', 'catchment area F (hm²)')
    .option('--n <n>', 'Manning n of the pipe (with --slope: size the pipe)')
    .option('--slope <I>', 'pipe slope (m/m)')
    .option('--metal', 'metal pipe (10 m/s velocity limit instead of 5 m/s)')
    .option('--json', 'print JSON')
    .action((o: RationalOptions) => runRational(o));
}
