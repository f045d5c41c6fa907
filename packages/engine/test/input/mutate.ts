// Mutations of .inp text used by the parser fuzz test.
import fc from 'fast-check';

// small and medium models keep each case fast; they cover every section kind
export const IDS = [
  'epa_example1', 'epa_detention_pond', 'epa_lid_model', 'epa_groundwater', 'epa_pump_control', 'epa_culvert',
  'epa_divider', 'epa_outlet', 'epa_example7_dual_drainage', 'nrt_bioretention', 'nrt_events_example', 'nrt_ncdc_format',
  'nrt_storage_shapes', 'nrt_type5_pumps', 'nrt_control_rules_steady', 'swc13_green_roofs_3yr', 'master_gw_lids',
  'swmmio_curve_number', 'pyswmm_treatment', 'lid_green_roof_w_wo', 'epa_inlet_drains',
];

export const GARBAGE = [
  '', '*', '"', '""', ';', '[', '[X]', '[JUNCTIONS]', 'NaN', 'Infinity', '-Infinity', '1e999', '-1', '0', '-0', '1e-400',
  '9'.repeat(400), 'ÄÖü', '\t', 'YES', 'NO', 'FILE', 'TIMESERIES', '12/31/1999', '02/30/2001', '25:00', '99:99',
  '0x1F', '1,5', '.', '-', '+', 'e5', '1e', 'ALL', 'NONE', 'RULE', 'IF', 'THEN', 'X1', 'GR', 'NC', 'CIRCULAR', 'IRREGULAR',
];

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'token'; at: number; tok: number; value: string }
  | { kind: 'truncate'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('token' as const), at: fc.nat(), tok: fc.nat({ max: 12 }),
    value: fc.oneof(fc.constantFrom(...GARBAGE), fc.string({ maxLength: 12 })),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

export function mutate(text: string, muts: Mutation[]): string {
  let lines = text.split('\n');
  for (const m of muts) {
    const n = lines.length;
    if (n === 0) break;
    switch (m.kind) {
      case 'delete': lines.splice(m.at % n, 1); break;
      case 'duplicate': lines.splice(m.at % n, 0, lines[m.at % n]!); break;
      case 'swap': {
        const a = m.a % n;
        const b = m.b % n;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        break;
      }
      case 'token': {
        const i = m.at % n;
        const toks = lines[i]!.split(/\s+/);
        toks[m.tok % Math.max(1, toks.length)] = m.value;
        lines[i] = toks.join(' ');
        break;
      }
      case 'truncate': {
        const joined = lines.join('\n');
        lines = joined.slice(0, m.at % (joined.length + 1)).split('\n');
        break;
      }
    }
  }
  return lines.join('\n');
}

