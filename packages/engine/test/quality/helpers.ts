// Small .inp models for water-quality tests, run end to end (parser, main loop, report, .out).
import { runModel, readOut } from '../../src/index.js';
import { parseReport, type ParsedReport } from '../parity/rpt-parse.js';

/** Options every test model shares; `extra` lines are appended (later keys win in SWMM). */
export function options(extra: string[] = []): string {
  return [
    '[OPTIONS]',
    'FLOW_UNITS CFS',
    'INFILTRATION HORTON',
    'FLOW_ROUTING KINWAVE',
    'START_DATE 01/01/2020',
    'START_TIME 00:00:00',
    'REPORT_START_DATE 01/01/2020',
    'REPORT_START_TIME 00:00:00',
    'END_DATE 01/01/2020',
    'END_TIME 06:00:00',
    'WET_STEP 00:05:00',
    'DRY_STEP 01:00:00',
    'ROUTING_STEP 60',
    'REPORT_STEP 00:15:00',
    ...extra,
  ].join('\n');
}

export interface QualityRunResult {
  report: string;
  rpt: ParsedReport;
  out: ReturnType<typeof readOut>;
  errors: string[];
}

export function run(inp: string): QualityRunResult {
  const res = runModel(inp, { inpName: 'q.inp' });
  const errors = res.errors.map((e) => `${e.code}: ${e.message}`);
  return { report: res.report, rpt: parseReport(res.report), out: res.ok ? readOut(res.output) : (null as never), errors };
}

/** A continuity row of a parsed report (one value per pollutant). */
export function row(r: ParsedReport, table: string, name: string): number[] {
  const t = r.continuity[table];
  if (!t) throw new Error(`no ${table} in the report`);
  const v = t.rows[name];
  if (!v) throw new Error(`no row ${name} in ${table}`);
  return v;
}

/**
 * One impervious subcatchment (no depression storage, no roughness: runoff leaves within the step) draining
 * to J1, under constant rain for `hours` (one rain record lasting one recording interval).
 */
export function pavedCatchment(opts: { areaAc?: number; rainInHr?: number; hours?: number } = {}): string {
  const area = opts.areaAc ?? 10;
  const rain = opts.rainInHr ?? 1;
  const hours = opts.hours ?? 2;
  return `
[RAINGAGES]
RG INTENSITY ${hours}:00 1.0 TIMESERIES RAIN

[SUBCATCHMENTS]
S1 RG J1 ${area} 100 500 1 100

[SUBAREAS]
S1 0 0.1 0 0.1 100 OUTLET

[INFILTRATION]
S1 3 0.5 4 7 0

[TIMESERIES]
RAIN 0:00 ${rain}
`;
}

/** J1 → conduit C1 → outfall OUT. */
export const pipeToOutfall = `
[JUNCTIONS]
J1 100 5 0 0 0

[OUTFALLS]
OUT 90 FREE NO

[CONDUITS]
C1 J1 OUT 400 0.013 0 0 0 0

[XSECTIONS]
C1 CIRCULAR 2 0 0 0 1
`;
