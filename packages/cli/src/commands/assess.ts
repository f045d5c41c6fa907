// haimian assess: GB/T 51345-2018 arithmetic over monitoring data, each result judged with its clause.
import type { Command } from 'commander';
import { assessSsRemoval, controlRateZone, fitStatistics, monitoredControlRate, peakReduction, provenanceLabel } from '@haimian/design';
import type { Judgement } from '@haimian/design';
import { design, fail, fmt, num, out, pct, printJson, rate, readNumericCsv, readText } from './design-util.js';

function verdict(j: Judgement, valueText: string): string {
  return `${j.pass ? 'PASS' : 'FAIL'}: ${valueText} ${j.comparison} ${fmt(j.threshold, 4)} — ${j.clause} ${provenanceLabel(j.provenance)}`;
}

export function runAssessAlpha(file: string, o: { area?: string; target?: string; zone?: string; json?: boolean }): void {
  const area = num(o.area, '--area', { gt: 0 });
  if (o.target && o.zone) fail('give --target or --zone, not both');
  const zone = o.zone ? design(() => controlRateZone(o.zone!)) : undefined;
  const target = o.target ? rate(o.target, '--target') : zone?.alphaMin;
  const cols = readNumericCsv(readText(file, 'events CSV'), ['rain_mm', 'outflow_m3'], file);
  const events = cols.rain_mm!.map((r, i) => ({ rainMm: r, outflowM3: cols.outflow_m3![i]! }));
  const r = design(() => monitoredControlRate(events, area, { targetAlpha: target, zoneLabel: zone ? `the zone ${zone.zone} lower limit ${pct(zone.alphaMin, 0)}` : undefined }));
  if (o.json) return printJson({ events: events.length, areaHa: area, ...r });
  const lines = [`${events.length} events, F = ${area} hm²: rain volume ${fmt(r.rainVolumeM3, 2)} m³, outflow ${fmt(r.outflowM3, 2)} m³`, `α = 1 − V_out/V_rain = ${fmt(r.alpha, 6)} (${pct(r.alpha)})`];
  if (r.judgement) lines.push(verdict(r.judgement, `α = ${fmt(r.alpha, 4)}`));
  out(lines.join('\n'));
}

export function runAssessFit(file: string, o: { observed: string; simulated: string; json?: boolean }): void {
  const cols = readNumericCsv(readText(file, 'series CSV'), [o.observed, o.simulated], file);
  const f = design(() => fitStatistics(cols[o.observed]!, cols[o.simulated]!));
  if (o.json) return printJson(f);
  out(
    [
      `${f.n} pairs: NSE = ${fmt(f.nse, 4)}, RMSE = ${fmt(f.rmse, 4)}, R² = ${fmt(f.r2, 4)}, PBIAS = ${fmt(f.pbiasPct, 2)} %, volume error ${pct(f.volumeError)}, peak error ${pct(f.peakError)}, peak shift ${f.peakShift} step(s)`,
      verdict(f.judgement, `NSE = ${fmt(f.nse, 4)}`),
    ].join('\n'),
  );
}

export function runAssessPeak(o: { before?: string; after?: string; json?: boolean }): void {
  const r = design(() => peakReduction(num(o.before, '--before', { gt: 0 }), num(o.after, '--after', { min: 0 })));
  if (o.json) return printJson(r);
  out([`peak reduction ${pct(r.reduction)}`, verdict(r.judgement, `peak ${o.after}`)].join('\n'));
}

export function runAssessSs(file: string, o: { dt?: string; project: string; json?: boolean }): void {
  const dt = num(o.dt, '--dt', { gt: 0 });
  if (o.project !== 'new' && o.project !== 'retrofit') fail(`--project must be new or retrofit (got ${o.project})`);
  const c = readNumericCsv(readText(file, 'samples CSV'), ['q_in_lps', 'c_in_mgl', 'q_out_lps', 'c_out_mgl'], file);
  const r = design(() => assessSsRemoval([{ inflow: { flowLps: c.q_in_lps!, concMgL: c.c_in_mgl! }, outflow: { flowLps: c.q_out_lps!, concMgL: c.c_out_mgl! }, dtS: dt }], o.project as 'new' | 'retrofit'));
  if (o.json) return printJson(r);
  out([`SS load in ${fmt(r.loadInKg, 4)} kg, out ${fmt(r.loadOutKg, 4)} kg: removal ${pct(r.removal)}`, verdict(r.judgement, `removal = ${fmt(r.removal, 4)}`)].join('\n'));
}

export function register(program: Command): void {
  const assess = program.command('assess').description('GB/T 51345-2018 assessment arithmetic over monitoring data (pass/fail with clause)');
  assess
    .command('alpha')
    .description('project α = 1 − ΣV_out/Σ(10·p·F) from monitored events (CSV columns rain_mm,outflow_m3)')
    .argument('<events.csv>')
    .option('--area <hm2>', 'catchment area F (hm²)')
    .option('--target <alpha>', 'threshold α (e.g. 0.75 or 75%)')
    .option('--zone <I..V>', 'use the lower limit of a control-rate zone as the threshold')
    .option('--json', 'print JSON')
    .action((file: string, o) => runAssessAlpha(file, o));
  assess
    .command('fit')
    .description('Nash–Sutcliffe and other fit statistics of a calibration (CSV with observed and simulated columns)')
    .argument('<series.csv>')
    .option('--observed <column>', 'observed column', 'observed')
    .option('--simulated <column>', 'simulated column', 'simulated')
    .option('--json', 'print JSON')
    .action((file: string, o) => runAssessFit(file, o));
  assess
    .command('peak')
    .description('outflow peak vs the pre-development / pre-retrofit peak')
    .option('--before <flow>', 'reference peak')
    .option('--after <flow>', 'peak after development / retrofit (same unit)')
    .option('--json', 'print JSON')
    .action((o) => runAssessPeak(o));
  assess
    .command('ss')
    .description('SS load removal from sampled inflow/outflow (CSV columns q_in_lps,c_in_mgl,q_out_lps,c_out_mgl)')
    .argument('<samples.csv>')
    .option('--dt <s>', 'sampling interval (s)')
    .option('--project <kind>', 'new (≥ 70 %) or retrofit (≥ 40 %)', 'new')
    .option('--json', 'print JSON')
    .action((file: string, o) => runAssessSs(file, o));
}
