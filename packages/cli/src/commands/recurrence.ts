// haimian recurrence: design recurrence periods for storm pipes (GB 50014) and waterlogging (GB 51222).
import type { Command } from 'commander';
import { PIPE_RECURRENCE_GB50014, WATERLOGGING_RECURRENCE_GB51222, cityClassFromPopulation, cityClassName, pipeRecurrencePeriod, provenanceLabel, waterloggingRecurrencePeriod } from '@haimian/design';
import type { CityClass } from '@haimian/design';
import { fail, num, out, printJson } from './design-util.js';

const CLASSES: CityClass[] = ['megacity', 'very-large', 'large', 'medium-small'];

export function runRecurrence(o: { population?: string; cityClass?: string; json?: boolean }): void {
  if ((o.population === undefined) === (o.cityClass === undefined)) fail('give --population <people> or --city-class megacity|very-large|large|medium-small');
  let cls: CityClass;
  if (o.population !== undefined) cls = cityClassFromPopulation(num(o.population, '--population', { min: 0 }));
  else {
    if (!CLASSES.includes(o.cityClass as CityClass)) fail(`--city-class must be one of ${CLASSES.join(', ')} (got ${o.cityClass})`);
    cls = o.cityClass as CityClass;
  }
  const pipes = {
    central: pipeRecurrencePeriod(cls, 'central'),
    nonCentral: pipeRecurrencePeriod(cls, 'non-central'),
    keyCentral: pipeRecurrencePeriod(cls, 'key-central'),
    underpass: pipeRecurrencePeriod(cls, 'underpass'),
  };
  const wl = waterloggingRecurrencePeriod(cls);
  if (o.json) return printJson({ cityClass: cls, name: cityClassName(cls), pipes, pipesProvenance: PIPE_RECURRENCE_GB50014.provenance, waterlogging: wl, waterloggingProvenance: WATERLOGGING_RECURRENCE_GB51222.provenance });
  const r = (x: readonly [number, number]) => (x[0] === x[1] ? `${x[0]} a` : `${x[0]}–${x[1]} a`);
  out(
    [
      `city class: ${cityClassName(cls)}`,
      `storm pipes ${provenanceLabel(PIPE_RECURRENCE_GB50014.provenance)}:`,
      `  central city ${r(pipes.central)}; non-central ${r(pipes.nonCentral)}; key central areas ${r(pipes.keyCentral)}; underpasses / sunken plazas ${r(pipes.underpass)}`,
      `waterlogging prevention ${provenanceLabel(WATERLOGGING_RECURRENCE_GB51222.provenance)}: ${r(wl.periodYears)}`,
      `  criterion: ${wl.criterion}`,
    ].join('\n'),
  );
}

export function register(program: Command): void {
  program
    .command('recurrence')
    .description('design recurrence periods: storm pipes (GB 50014) and waterlogging prevention (GB 51222) by city size')
    .option('--population <people>', 'urban resident population')
    .option('--city-class <class>', 'megacity | very-large | large | medium-small')
    .option('--json', 'print JSON')
    .action((o) => runRecurrence(o));
}
