// haimian storm: Chicago design storm from a storm-intensity formula, as SWMM text or inserted into a model.
import type { Command } from 'commander';
import { STORM_FORMULAS, chicagoHyetograph, evaluateStorm, formatSwmmRain, insertStormIntoInp, provenanceLabel } from '@haimian/design';
import type { SwmmRainFormat } from '@haimian/design';
import { design, fail, fmt, formulaFromOptions, num, out, printJson, readText, writeText } from './design-util.js';

interface StormOptions {
  formula?: string;
  params?: string;
  period?: string;
  duration?: string;
  step?: string;
  peak: string;
  inp?: string;
  out?: string;
  gage: string;
  series?: string;
  format: string;
  keepGages?: boolean;
  allowUnverified?: boolean;
  json?: boolean;
  list?: boolean;
}

function listFormulas(json: boolean): void {
  if (json) {
    printJson(STORM_FORMULAS.map((f) => ({ id: f.id, name: f.name, region: f.region, pieces: f.pieces, validity: f.validity, provenance: f.provenance })));
    return;
  }
  for (const f of STORM_FORMULAS) out(`${f.id.padEnd(26)} ${f.name}\n${''.padEnd(26)} ${provenanceLabel(f.provenance)}`);
  out('User formulas: --params A,C,b,n for q = A(1 + C lg P)/(t + b)^n in L/(s·hm²).');
}

export function runStorm(o: StormOptions): void {
  if (o.list) return listFormulas(!!o.json);
  const formula = formulaFromOptions(o);
  const period = num(o.period, '--period', { gt: 0 });
  const duration = num(o.duration, '--duration', { gt: 0 });
  const step = num(o.step, '--step', { gt: 0 });
  const peak = num(o.peak, '--peak', { min: 0, max: 1 });
  const format = o.format.toUpperCase();
  if (format !== 'INTENSITY' && format !== 'VOLUME' && format !== 'CUMULATIVE') fail(`--format must be INTENSITY, VOLUME or CUMULATIVE (got ${o.format})`);
  if (o.out && !o.inp && o.json) fail('--json prints the storm; use --out with --inp to write a model');
  // Multi-piece formulas: the whole storm uses the piece valid for its total duration.
  const ev = design(() => evaluateStorm(formula, period, duration));
  const storm = design(() => chicagoHyetograph({ params: ev.params, periodYears: period, durationMin: duration, stepMin: step, peakRatio: peak }));
  const seriesName = o.series ?? `${o.gage}_P${period}_T${duration}`;
  const rain = { gageName: o.gage, seriesName, stepMin: step, depthsMm: storm.depthsMm, format: format as SwmmRainFormat, comment: `Chicago storm, ${formula.id}, P = ${period} a, T = ${duration} min, dt = ${step} min, r = ${peak}, total ${fmt(storm.totalDepthMm, 4)} mm` };
  const warnings = [...ev.warnings];
  if (formula.provenance.tag === 'X' || formula.provenance.tag === 'R') warnings.push(`formula ${provenanceLabel(formula.provenance)}`);

  if (o.inp) {
    const inpText = readText(o.inp, 'model');
    const r = design(() => insertStormIntoInp(inpText, rain, { assignToSubcatchments: !o.keepGages }));
    if (o.out) writeText(o.out, r.inpText);
    else out(r.inpText);
    const msg = [`inserted gage ${o.gage} / series ${seriesName} (${r.units === 'in' ? 'inches' : 'mm'}), total ${fmt(storm.totalDepthMm, 4)} mm`];
    if (r.reassignedSubcatchments.length) msg.push(`${r.reassignedSubcatchments.length} subcatchment(s) now use gage ${o.gage}`);
    msg.push(...r.notes, ...warnings);
    if (o.out) out(msg.join('\n'));
    else process.stderr.write(msg.join('\n') + '\n');
    return;
  }
  if (o.json) {
    printJson({
      formula: { id: formula.id, name: formula.name, provenance: formula.provenance, params: ev.params },
      periodYears: period,
      durationMin: duration,
      stepMin: step,
      peakRatio: peak,
      peakTimeMin: storm.peakTimeMin,
      totalDepthMm: storm.totalDepthMm,
      idfDepthMm: storm.idfDepthMm,
      peakIntensityMmPerMin: storm.peakIntensityMmPerMin,
      depthsMm: storm.depthsMm,
      intensitiesMmPerH: storm.intensitiesMmPerH,
      cumulativeMm: storm.cumulativeMm,
      warnings,
    });
    return;
  }
  const head = [
    `;; Chicago design storm — formula ${formula.id}: ${formula.name}`,
    `;; provenance ${provenanceLabel(formula.provenance)}`,
    `;; P = ${period} a, T = ${duration} min, step ${step} min, peak ratio ${peak} (peak at ${fmt(storm.peakTimeMin, 2)} min)`,
    `;; total depth ${fmt(storm.totalDepthMm, 4)} mm (= formula depth over ${duration} min), peak block ${storm.peakBlock + 1}: ${fmt(storm.depthsMm[storm.peakBlock]!, 4)} mm`,
    ...warnings.map((w) => `;; warning: ${w}`),
    '',
  ].join('\n');
  const text = head + formatSwmmRain(rain);
  if (o.out) {
    writeText(o.out, text);
    out(`wrote ${o.out}: gage ${o.gage}, series ${seriesName}, total ${fmt(storm.totalDepthMm, 4)} mm`);
  } else out(text);
}

export function register(program: Command): void {
  program
    .command('storm')
    .description('Chicago design storm from a storm-intensity formula, as SWMM [RAINGAGES]+[TIMESERIES] text or inserted into a model')
    .option('--formula <name>', 'library formula id (see --list)')
    .option('--params <A,C,b,n>', 'user formula q = A(1 + C lg P)/(t + b)^n, q in L/(s·hm²)')
    .option('--period <years>', 'return period P (a)')
    .option('--duration <min>', 'storm duration T (min)')
    .option('--step <min>', 'time step (min); T must be a whole multiple')
    .option('--peak <r>', 'peak position r = t_peak/T, 0…1', '0.4')
    .option('--inp <model.inp>', 'insert the storm into this model')
    .option('--out <file>', 'write the result to a file instead of stdout')
    .option('--gage <name>', 'rain gage name', 'DesignStorm')
    .option('--series <name>', 'time series name (default <gage>_P<P>_T<T>)')
    .option('--format <fmt>', 'INTENSITY (mm/h or in/h), VOLUME or CUMULATIVE', 'INTENSITY')
    .option('--keep-gages', 'with --inp: do not point the subcatchments at the new gage')
    .option('--allow-unverified', 'allow library formulas tagged [X]')
    .option('--json', 'print the storm as JSON (totalDepthMm, depthsMm, …)')
    .option('--list', 'list the formula library with provenance')
    .action((o: StormOptions) => runStorm(o));
}
