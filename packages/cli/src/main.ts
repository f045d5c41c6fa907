// Haimian CLI entry point: one sub-command per module under commands/.
import { Command } from 'commander';
import { ENGINE_VERSION } from '@haimian/engine';
import { registerCommands } from './commands/index.js';

const program = new Command();
program.name('haimian').description('Haimian (海绵) sponge-city engine and design tools').version(ENGINE_VERSION);
registerCommands(program);
program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`haimian: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
