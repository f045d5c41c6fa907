// haimian tables: every parameter table shipped with the design methods, with its provenance tag and source.
import type { Command } from 'commander';
import { PROVENANCE_TAGS, provenanceLabel, shippedTables } from '@haimian/design';
import { out, printJson } from './design-util.js';

export function runTables(o: { json?: boolean }): void {
  const rows = shippedTables();
  if (o.json) return printJson({ tags: PROVENANCE_TAGS, tables: rows });
  const lines = rows.map((t) => `${t.id.padEnd(40)} ${provenanceLabel(t.provenance)}\n${''.padEnd(40)} ${t.title}`);
  lines.push('', 'tags:', ...Object.entries(PROVENANCE_TAGS).map(([k, v]) => `  [${k}] ${v}`));
  out(lines.join('\n'));
}

export function register(program: Command): void {
  program
    .command('tables')
    .description('list the design parameter tables with their provenance tags ([V] [C] [R] [D] [X])')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) => runTables(o));
}
