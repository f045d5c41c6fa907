// haimian decompose: allocate a district α target to plots (CSV id,land_use,area_ha[,base,min,max]).
import type { Command } from 'commander';
import { LAND_USE_CAPACITY, decomposeTarget, provenanceLabel } from '@haimian/design';
import type { Plot } from '@haimian/design';
import { design, fail, fmt, out, pct, printJson, rate, readText } from './design-util.js';

function parsePlots(text: string, file: string): Plot[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (lines.length === 0) fail(`${file} is empty: expected a header id,land_use,area_ha`);
  const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
  const col = (n: string) => header.indexOf(n);
  for (const need of ['id', 'land_use', 'area_ha']) if (col(need) < 0) fail(`${file}: header has no column ${need} (columns found: ${header.join(', ')})`);
  if (lines.length < 2) fail(`${file} has a header but no plots`);
  return lines.slice(1).map((l, i) => {
    const c = l.split(',').map((x) => x.trim());
    const numAt = (name: string, required: boolean) => {
      const j = col(name);
      if (j < 0 || c[j] === undefined || c[j] === '') {
        if (required) fail(`${file} line ${i + 2}: missing ${name}`);
        return undefined;
      }
      const v = Number(c[j]);
      if (!Number.isFinite(v)) fail(`${file} line ${i + 2}: ${name} "${c[j]}" is not a number`);
      return v;
    };
    return { id: c[col('id')]!, landUse: c[col('land_use')]!, areaHa: numAt('area_ha', true)!, base: numAt('base', false), min: numAt('min', false), max: numAt('max', false) };
  });
}

export function runDecompose(file: string, o: { target?: string; json?: boolean }): void {
  const target = rate(o.target, '--target');
  const plots = parsePlots(readText(file, 'plots CSV'), file);
  const d = design(() => decomposeTarget(plots, target));
  if (o.json) return printJson({ ...d, defaults: LAND_USE_CAPACITY.provenance });
  const lines = [`district target ${pct(target)} over ${plots.length} plots — ${d.feasible ? `allocated, area-weighted α = ${pct(d.districtAlpha, 4)}` : `NOT reachable: all plots at their maximum give ${pct(d.districtAlpha)}`}`, '  plot         land use       area (hm²)     α'];
  for (const p of d.plots) lines.push(`  ${p.id.padEnd(12)} ${p.landUse.padEnd(14)} ${fmt(p.areaHa, 3).padStart(10)} ${pct(p.alpha).padStart(9)}${p.atLimit ? ` (at ${p.atLimit})` : ''}`);
  lines.push(`land-use limits ${provenanceLabel(LAND_USE_CAPACITY.provenance)}`);
  out(lines.join('\n'));
  if (!d.feasible) process.exitCode = 2;
}

export function register(program: Command): void {
  program
    .command('decompose')
    .description('allocate a district annual runoff volume control rate target to plots (area-weighted)')
    .argument('<plots.csv>', 'CSV columns id,land_use,area_ha and optional base,min,max')
    .requiredOption('--target <alpha>', 'district target, e.g. 0.8 or 80%')
    .option('--json', 'print JSON')
    .action((file: string, o: { target?: string; json?: boolean }) => runDecompose(file, o));
}
