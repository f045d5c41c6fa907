// haimian sim-alpha: annual runoff volume control rate achieved in a (continuous) simulation, per subcatchment
// and in total, read from a SWMM 5.2-layout status report; optionally compared with a run without LIDs.
import type { Command } from 'commander';
import { alphaFromReport, compareLidScenarios } from '@haimian/design';
import { design, fmt, out, pct, printJson, readText } from './design-util.js';

interface SimAlphaOptions {
  without?: string;
  underdrainControlled?: boolean;
  json?: boolean;
}

export function runSimAlpha(report: string, o: SimAlphaOptions): void {
  const text = readText(report, 'report');
  const opts = { underdrainControlled: o.underdrainControlled };
  if (o.without) {
    const c = design(() => compareLidScenarios(text, readText(o.without!, 'report'), opts));
    if (o.json) return printJson(c);
    const lines = [`α with LIDs ${pct(c.withLid.alpha)}, without ${pct(c.withoutLid.alpha)}: gain ${fmt(100 * c.gain, 2)} points`, '  subcatchment        with     without    gain'];
    for (const s of c.subcatchments) lines.push(`  ${s.name.padEnd(16)} ${pct(s.withLid).padStart(9)} ${pct(s.withoutLid).padStart(9)} ${fmt(100 * s.gain, 2).padStart(7)}`);
    out(lines.concat(c.withLid.notes.map((n) => `note: ${n}`)).join('\n'));
    return;
  }
  const r = design(() => alphaFromReport(text, opts));
  if (o.json) return printJson(r);
  const lines = [
    `total precipitation ${r.precipVolume} ${r.volumeUnit}, surface runoff ${r.runoffVolume}${r.lidDrainageVolume ? `, LID drainage ${r.lidDrainageVolume}` : ''} ${r.volumeUnit}`,
    `α = ${fmt(r.alpha, 6)} (${pct(r.alpha)})${r.outfallAlpha !== null ? `; at the outfalls (outflow + flooding) ${pct(r.outfallAlpha)}` : ''}`,
  ];
  if (r.subcatchments.length) {
    lines.push('  subcatchment          α   runoff coeff');
    for (const s of r.subcatchments) lines.push(`  ${s.name.padEnd(16)} ${pct(s.alpha).padStart(9)}   ${fmt(s.runoffCoeff, 3)}`);
  }
  out(lines.concat(r.notes.map((n) => `note: ${n}`)).join('\n'));
}

export function register(program: Command): void {
  program
    .command('sim-alpha')
    .description('achieved annual runoff volume control rate α = 1 − V_out/V_rain from a SWMM 5.2 status report (run a multi-year rain series)')
    .argument('<report.rpt>', 'status report of the model run (EPA SWMM 5.2 or haimian)')
    .option('--without <report.rpt>', 'report of the same model without its LIDs, for comparison')
    .option('--underdrain-controlled', 'count LID underdrain outflow as controlled (default: it leaves the site)')
    .option('--json', 'print JSON')
    .action((report: string, o: SimAlphaOptions) => runSimAlpha(report, o));
}
