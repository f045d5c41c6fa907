// `npm run bench`: runs the engine on the reference models in scope and prints, per model,
// simulated duration, wall time, routing steps and steps per second, next to EPA SWMM's own
// wall time from index.json. A script, not a test: timings never gate CI.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Simulation } from '@haimian/engine';

interface IndexModel {
  id: string;
  run_inp: string;
  data_files?: string[];
  features: string[];
  duration_hours: number;
  runswmm_wall_s_median_of_5?: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const refDir = process.env.HAIMIAN_REFERENCE_DIR ?? resolve(here, '../../../..', 'shared', 'swmm-reference');
// Physics not yet in the engine; grows smaller as issues land.
const UNSUPPORTED = (process.env.HAIMIAN_BENCH_EXCLUDE ?? '').split(',');

function read(rel: string): string {
  const p = join(refDir, rel);
  return p.endsWith('.gz') ? gunzipSync(readFileSync(p)).toString('latin1') : readFileSync(p, 'latin1');
}

function main(): void {
  if (!existsSync(join(refDir, 'index.json'))) {
    console.log(`bench: reference models not found at ${refDir}; nothing to run.`);
    return;
  }
  const filter = process.argv.slice(2);
  const models = (JSON.parse(readFileSync(join(refDir, 'index.json'), 'utf8')).models as IndexModel[]).filter(
    (m) => (filter.length === 0 || filter.includes(m.id)) && !m.features.some((f) => UNSUPPORTED.includes(f)),
  );
  const rows: string[][] = [['model', 'sim hours', 'wall s', 'SWMM s', 'x SWMM', 'routing steps', 'steps/s', 'avg step s']];
  for (const m of models) {
    const files: Record<string, string> = {};
    for (const f of m.data_files ?? []) files[basename(f)] = read(f);
    const text = read(m.run_inp);
    const reps = 3;
    let best = Infinity;
    let steps = 0;
    let simSeconds = 0;
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      const sim = Simulation.open(text, { inpName: basename(m.run_inp), files });
      if (!sim.ok) {
        console.log(`${m.id}: ${sim.errors.map((e) => `ERROR ${e.code}: ${e.message}`).join('; ')}`);
        break;
      }
      while (sim.step()) {
        /* run to the end */
      }
      sim.finish();
      best = Math.min(best, (performance.now() - t0) / 1000);
      steps = sim.routingSteps;
      simSeconds = sim.elapsedSeconds;
    }
    if (!Number.isFinite(best)) continue;
    const swmm = m.runswmm_wall_s_median_of_5;
    rows.push([
      m.id,
      (simSeconds / 3600).toFixed(1),
      best.toFixed(3),
      swmm !== undefined ? swmm.toFixed(3) : '-',
      swmm ? (best / swmm).toFixed(2) : '-',
      String(steps),
      (steps / best).toFixed(0),
      steps ? (simSeconds / steps).toFixed(2) : '-',
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  '));
}

main();
