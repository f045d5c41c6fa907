// Each command module exports register(program). Add one import + one call per command.
import type { Command } from 'commander';

export function registerCommands(program: Command): void {
  void program;
}
