// `haimian run model.inp model.rpt [model.out]` — mirrors SWMM's command-line runner.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { runModel, type InjectedFiles, type RunResult } from '@haimian/engine';

/** Every file in the model's folder that the .inp mentions by name, so the engine can resolve rain files etc. */
export function collectReferencedFiles(inpPath: string, inpText: string): InjectedFiles {
  const dir = dirname(resolve(inpPath));
  const files: InjectedFiles = {};
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return files;
  }
  const lower = inpText.toLowerCase();
  for (const name of names) {
    if (name === basename(inpPath)) continue;
    if (!lower.includes(name.toLowerCase())) continue;
    try {
      files[name] = readFileSync(resolve(dir, name), 'latin1');
    } catch {
      // Unreadable or a directory: the engine reports it as missing if the model needs it.
    }
  }
  return files;
}

export interface RunFilesResult {
  result: RunResult;
  wallSeconds: number;
}

export interface RunFilesOptions {
  onProgress?: (f: number) => void;
  /** Write the consolidated LID results table (CSV) here. */
  lidTablePath?: string;
}

export function runFiles(inpPath: string, rptPath: string, outPath: string | undefined, opts: RunFilesOptions = {}): RunFilesResult {
  const onProgress = opts.onProgress;
  const t0 = performance.now();
  const inpText = readFileSync(inpPath, 'latin1');
  const files = collectReferencedFiles(inpPath, inpText);
  const result = runModel(inpText, { inpName: basename(inpPath), files, onProgress });
  mkdirSync(dirname(resolve(rptPath)), { recursive: true });
  // SWMM writes its report in a single-byte code page ("ft³" is byte 0xB3); keep that so other tools read it alike.
  writeFileSync(rptPath, result.report, 'latin1');
  if (outPath && result.ok) {
    mkdirSync(dirname(resolve(outPath)), { recursive: true });
    writeFileSync(outPath, result.output);
  }
  // Extra files the model asked for (LID detailed reports) go beside the .inp, as SWMM resolves them.
  for (const [name, text] of Object.entries(result.files ?? {})) {
    writeFileSync(resolve(dirname(resolve(inpPath)), name), text, 'latin1');
  }
  if (opts.lidTablePath) {
    if (result.lidResultsCsv === undefined) throw new Error(`--lid-table: ${basename(inpPath)} has no LID units`);
    mkdirSync(dirname(resolve(opts.lidTablePath)), { recursive: true });
    writeFileSync(opts.lidTablePath, result.lidResultsCsv, 'utf8');
  }
  return { result, wallSeconds: (performance.now() - t0) / 1000 };
}

function progressPrinter(): ((f: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = -1;
  return (f: number) => {
    const pct = Math.floor(f * 100);
    if (pct === last) return;
    last = pct;
    process.stderr.write(`\r... Running simulation: ${String(pct).padStart(3)}% complete`);
    if (pct >= 100) process.stderr.write('\n');
  };
}

export function register(program: Command): void {
  program
    .command('run')
    .description('run a SWMM 5 model: writes the status report (.rpt) and, if named, the binary results (.out)')
    .argument('<inp>', 'SWMM input file (.inp)')
    .argument('<rpt>', 'report file to write (.rpt)')
    .argument('[out]', 'binary output file to write (.out)')
    .option('--lid-table <csv>', 'also write one table of every LID unit per reporting step (CSV)')
    .action((inp: string, rpt: string, out: string | undefined, flags: { lidTable?: string }) => {
      let res: RunFilesResult;
      try {
        res = runFiles(inp, rpt, out, { onProgress: progressPrinter(), lidTablePath: flags.lidTable });
      } catch (err) {
        const e = err as NodeJS.ErrnoException;
        process.stderr.write(`haimian: ${e.code === 'ENOENT' ? `cannot open file ${e.path ?? inp}` : e.message}\n`);
        process.exitCode = 1;
        return;
      }
      const { result, wallSeconds } = res;
      if (!result.ok) {
        for (const e of result.errors) {
          const where = [e.file, e.line ? `line ${e.line}` : '', e.section ?? ''].filter(Boolean).join(':');
          const located = e.line !== undefined && e.message.includes(`line ${e.line}`);
          process.stderr.write(`ERROR ${e.code}: ${e.message}${where && !located ? ` (${where})` : ''}\n`);
        }
        process.stderr.write(`haimian: run failed; see ${rpt}\n`);
        process.exitCode = 1;
        return;
      }
      const s = result.summary;
      process.stdout.write(
        `Simulation complete (${wallSeconds.toFixed(2)} s).` +
          (s?.runoffContinuityErrorPct != null ? `\nRunoff quantity continuity error ..... ${s.runoffContinuityErrorPct.toFixed(2)} %` : '') +
          (s?.routingContinuityErrorPct != null ? `\nFlow routing continuity error ........ ${s.routingContinuityErrorPct.toFixed(2)} %` : '') +
          `\nReport: ${rpt}${out ? `\nOutput: ${out}` : ''}\n`,
      );
      for (const w of result.warnings) process.stderr.write(`${w}\n`);
    });
}
