// haimian sim-alpha: annual runoff volume control rate achieved in a (continuous) simulation, per subcatchment
// and in total, read from a SWMM 5.2-layout status report; optionally compared with a run without LIDs.
import type { Command } from 'commander';
import path from 'node:path';
import { runModel, type InjectedFiles, type RunOptions, type RunResult } from '@haimian/engine';
import { alphaFromReport, compareLidScenarios, insertDailyRainIntoInp, parseRainCsv, stripLidUsage } from '@haimian/design';
import { design, fail, fmt, out, pct, printJson, readText, writeText } from './design-util.js';

type RunModel = (inpText: string, options?: RunOptions) => RunResult | Promise<RunResult>;

/** Files named in [RAINGAGES] / [TIMESERIES] FILE entries, read relative to the model's folder. */
function externalFiles(inpText: string, inpPath: string): InjectedFiles {
  const files: InjectedFiles = {};
  let section = '';
  for (const raw of inpText.split(/\r?\n/)) {
    const line = raw.split(';')[0]!.trim();
    const head = /^\[([^\]]+)\]/.exec(line);
    if (head) {
      section = head[1]!.toUpperCase();
      continue;
    }
    if (section !== 'RAINGAGES' && section !== 'TIMESERIES') continue;
    // Quoted names may contain spaces.
    const tokens = line.match(/"[^"]*"|\S+/g) ?? [];
    const k = tokens.findIndex((t) => t.toUpperCase() === 'FILE');
    if (k < 0 || !tokens[k + 1]) continue;
    const name = tokens[k + 1]!.replace(/^"|"$/g, '');
    files[name] = readText(path.resolve(path.dirname(inpPath), name), 'external file');
  }
  return files;
}

async function runEngine(run: RunModel, inpText: string, inpPath: string, label: string): Promise<string> {
  const r = await run(inpText, { inpName: path.basename(inpPath), files: externalFiles(inpText, inpPath) });
  if (!r.ok) fail(`the ${label} run of ${inpPath} failed: ${r.errors.map((e) => `${e.code}: ${e.message}`).join('; ') || 'see its report'}`);
  return r.report;
}

/** Runs the model (and, when it has LIDs, the same model without them) and reports α from the engine's reports. */
export async function runSimAlphaModel(inpPath: string, o: SimAlphaOptions): Promise<void> {
  let inpText = readText(inpPath, 'model');
  if (o.rain) {
    const daily = design(() => parseRainCsv(readText(o.rain!, 'rainfall CSV'), { dateColumn: o.dateColumn, rainColumn: o.rainColumn }));
    const r = design(() => insertDailyRainIntoInp(inpText, daily, { gageName: 'DailyRain' }));
    inpText = r.inpText;
    const msg = [`daily rainfall ${o.rain}: ${daily.dates.length} days (${fmt(daily.years, 1)} years), ${fmt(r.totalMm, 1)} mm, all ${r.reassignedSubcatchments.length} subcatchment(s) on gage DailyRain`, ...daily.warnings, ...r.notes];
    process.stderr.write(msg.map((m) => `note: ${m}`).join('\n') + '\n');
  }
  if (o.writeInp) writeText(o.writeInp, inpText);
  if (o.run === false) {
    if (!o.writeInp) fail('--no-run needs --write-inp <file>');
    out(`wrote ${o.writeInp}`);
    return;
  }
  const run: RunModel = runModel;
  const withReport = await runEngine(run, inpText, inpPath, 'model');
  if (o.saveReport) writeText(o.saveReport, withReport);
  const stripped = stripLidUsage(inpText);
  if (stripped.removed === 0) return reportAlpha(withReport, o);
  const withoutReport = await runEngine(run, stripped.inpText, inpPath, 'without-LID');
  reportComparison(withReport, withoutReport, o);
}

interface SimAlphaOptions {
  inp?: string;
  rain?: string;
  dateColumn?: string;
  rainColumn?: string;
  writeInp?: string;
  run?: boolean;
  saveReport?: string;
  without?: string;
  underdrainControlled?: boolean;
  json?: boolean;
}

export async function runSimAlpha(report: string | undefined, o: SimAlphaOptions): Promise<void> {
  if (o.inp) {
    if (report) fail('give either a report file or --inp model.inp, not both');
    return runSimAlphaModel(o.inp, o);
  }
  if (!report) fail('give a status report file, or --inp model.inp to run the model');
  const text = readText(report, 'report');
  if (o.without) return reportComparison(text, readText(o.without, 'report'), o);
  reportAlpha(text, o);
}

function reportComparison(text: string, withoutText: string, o: SimAlphaOptions): void {
  const c = design(() => compareLidScenarios(text, withoutText, { underdrainControlled: o.underdrainControlled }));
  if (o.json) return printJson(c);
  const lines = [`α with LIDs ${pct(c.withLid.alpha)}, without ${pct(c.withoutLid.alpha)}: gain ${fmt(100 * c.gain, 2)} points`, '  subcatchment        with     without    gain'];
  for (const s of c.subcatchments) lines.push(`  ${s.name.padEnd(16)} ${pct(s.withLid).padStart(9)} ${pct(s.withoutLid).padStart(9)} ${fmt(100 * s.gain, 2).padStart(7)}`);
  out(lines.concat(c.withLid.notes.map((n) => `note: ${n}`)).join('\n'));
}

function reportAlpha(text: string, o: SimAlphaOptions): void {
  const r = design(() => alphaFromReport(text, { underdrainControlled: o.underdrainControlled }));
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
    .argument('[report.rpt]', 'status report of the model run (EPA SWMM 5.2 or haimian)')
    .option('--inp <model.inp>', 'run the model with the engine instead (and again without its [LID_USAGE], if any)')
    .option('--save-report <file>', 'with --inp: also write the engine report')
    .option('--rain <rain.csv>', 'with --inp: drive the model with this daily rainfall record (date,rain_mm) over its whole period')
    .option('--date-column <name>', 'date column of --rain', 'date')
    .option('--rain-column <name>', 'rain column of --rain (mm)', 'rain_mm')
    .option('--write-inp <file>', 'with --inp: write the model as run (e.g. with the daily rain inserted)')
    .option('--no-run', 'with --write-inp: only prepare the model, do not run it')
    .option('--without <report.rpt>', 'report of the same model without its LIDs, for comparison')
    .option('--underdrain-controlled', 'count LID underdrain outflow as controlled (default: it leaves the site)')
    .option('--json', 'print JSON')
    .action((report: string | undefined, o: SimAlphaOptions) => runSimAlpha(report, o));
}
