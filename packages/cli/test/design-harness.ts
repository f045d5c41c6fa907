// Runs one CLI command in-process the way main.ts does (same commander setup, real argv, real files), capturing
// stdout/stderr and the exit code: "haimian: <message>" + 1 for errors thrown by a command, commander's own
// code for usage errors. Also a spawn helper for the built binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(register: (p: Command) => void, argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const program = new Command();
  program.name('haimian').exitOverride().configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  register(program);
  const origOut = process.stdout.write.bind(process.stdout);
  const origErr = process.stderr.write.bind(process.stderr);
  const prevExit = process.exitCode;
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  let code = 0;
  try {
    await program.parseAsync(argv, { from: 'user' });
    code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) code = e.exitCode;
    else {
      stderr += `haimian: ${e instanceof Error ? e.message : String(e)}\n`;
      code = 1;
    }
  } finally {
    process.stdout.write = origOut;
    process.stderr.write = origErr;
    process.exitCode = prevExit;
  }
  return { code, stdout, stderr };
}

export const cliRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(cliRoot, '..', '..');
const bin = path.join(cliRoot, 'bin', 'haimian.js');

/** True when the built CLI contains the given command module (after `npx tsc -b`). */
export function builtWith(command: string): boolean {
  return existsSync(path.join(cliRoot, 'dist', 'commands', `${command}.js`)) && existsSync(path.join(repoRoot, 'packages', 'design', 'dist', 'index.js'));
}

export function spawnCli(args: string[]): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'haimian-cli-'));
}

export function writeTemp(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}
