// Each command module exports register(program). Add one import + one call per command.
import type { Command } from 'commander';
import { register as registerRun } from './run.js';
import { register as registerStorm } from './storm.js';
import { register as registerControlRate } from './control-rate.js';
import { register as registerRational } from './rational.js';
import { register as registerPipe } from './pipe.js';
import { register as registerSiteCheck } from './site-check.js';
import { register as registerAssess } from './assess.js';
import { register as registerSimAlpha } from './sim-alpha.js';
import { register as registerTables } from './tables.js';
import { register as registerDecompose } from './decompose.js';
import { register as registerSize } from './size.js';
import { register as registerRecurrence } from './recurrence.js';

export function registerCommands(program: Command): void {
  registerRun(program);
  void program;
  registerStorm(program);
  registerControlRate(program);
  registerRational(program);
  registerPipe(program);
  registerSiteCheck(program);
  registerAssess(program);
  registerSimAlpha(program);
  registerTables(program);
  registerDecompose(program);
  registerSize(program);
  registerRecurrence(program);
}
