// Property test: random valid tree networks (junctions draining to one outfall through
// circular conduits, optional storage units, random surcharge method, ponding and time step)
// loaded with a storm hydrograph run to completion under dynamic wave with a flow-routing
// continuity error below 1 %. Steps follow SWMM practice: the variable (Courant) step, and a
// short fixed step with the Preissmann slot, whose explicit node update in a surcharged
// junction is unstable (and loses mass in SWMM too) at long steps.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseInp } from '../../src/input/index.js';
import { runRoutingOnly } from '../../src/hydraulics/routing-driver.js';

interface NetSpec {
  /** parent[i] < i for node i ≥ 1; node 0 drains to the outfall. */
  parents: number[];
  diameters: number[];
  /** Each pipe is at least this fraction of the diameter that carries its upstream peak when full. */
  sizing: number[];
  lengths: number[];
  drops: number[];
  storage: boolean[];
  peaks: number[];
  slot: boolean;
  ponding: boolean;
  variable: boolean;
  step: number;
  maxDepth: number;
}

const specArb: fc.Arbitrary<NetSpec> = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({
    parents: fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 })))),
    diameters: fc.array(fc.double({ min: 0.75, max: 4, noNaN: true }), { minLength: n, maxLength: n }),
    sizing: fc.array(fc.double({ min: 0.6, max: 1.5, noNaN: true }), { minLength: n, maxLength: n }),
    lengths: fc.array(fc.double({ min: 80, max: 600, noNaN: true }), { minLength: n, maxLength: n }),
    drops: fc.array(fc.double({ min: 0.05, max: 4, noNaN: true }), { minLength: n, maxLength: n }),
    storage: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    peaks: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 40, noNaN: true })), { minLength: n, maxLength: n }),
    slot: fc.boolean(),
    ponding: fc.boolean(),
    variable: fc.constant(true),
    step: fc.constantFrom(5, 10, 20),
    maxDepth: fc.double({ min: 4, max: 12, noNaN: true }),
  }),
);

/** Write the network as a SWMM input file: node i drains to its parent (node 0 to the outfall). */
function inpOf(s: NetSpec): string {
  const n = s.parents.length;
  // Invert elevations: each node sits `drop` above its parent's invert.
  const inv = new Array<number>(n).fill(0);
  const outInv = 100;
  for (let i = 0; i < n; i++) inv[i] = (i === 0 ? outInv : inv[s.parents[i]!]!) + s.drops[i]!;
  // Cumulative peak inflow through each conduit (children have larger indexes).
  const qPeak = s.peaks.slice();
  for (let i = n - 1; i > 0; i--) qPeak[s.parents[i]!] = qPeak[s.parents[i]!]! + qPeak[i]!;
  // Valid designs: no pipe far smaller than the Manning full-flow size for its peak
  // (surcharge and flooding still happen when the sizing factor is below 1).
  const diam = s.diameters.map((d, i) => {
    const len = s.lengths[i]!;
    const slope = s.drops[i]! / len;
    const dReq = Math.pow((qPeak[i]! * 0.013) / (0.4644 * Math.sqrt(slope)), 3 / 8);
    return Math.max(d, s.sizing[i]! * dReq);
  });
  const name = (i: number): string => `N${i}`;
  const down = (i: number): string => (i === 0 ? 'OUT' : name(s.parents[i]!));
  const lines: string[] = [];
  lines.push('[OPTIONS]', 'FLOW_UNITS CFS', 'FLOW_ROUTING DYNWAVE', 'LINK_OFFSETS DEPTH',
    `ALLOW_PONDING ${s.ponding ? 'YES' : 'NO'}`, 'START_DATE 01/01/2021', 'START_TIME 00:00:00',
    'END_DATE 01/01/2021', 'END_TIME 03:00:00', 'REPORT_STEP 00:15:00', 'WET_STEP 00:05:00', 'DRY_STEP 01:00:00',
    `ROUTING_STEP ${s.slot ? 2 : s.step}`, `VARIABLE_STEP ${s.variable ? 0.75 : 0}`, `SURCHARGE_METHOD ${s.slot ? 'SLOT' : 'EXTRAN'}`,
    'MINIMUM_STEP 0.5');
  lines.push('[JUNCTIONS]');
  for (let i = 0; i < n; i++) {
    if (!s.storage[i]) lines.push(`${name(i)} ${inv[i]!.toFixed(3)} ${s.maxDepth.toFixed(2)} 0 0 ${s.ponding ? 200 : 0}`);
  }
  lines.push('[OUTFALLS]', `OUT ${outInv} FREE NO`);
  lines.push('[STORAGE]');
  for (let i = 0; i < n; i++) {
    if (s.storage[i]) lines.push(`${name(i)} ${inv[i]!.toFixed(3)} ${s.maxDepth.toFixed(2)} 0 FUNCTIONAL 0 0 500 0 0`);
  }
  lines.push('[CONDUITS]');
  for (let i = 0; i < n; i++) lines.push(`C${i} ${name(i)} ${down(i)} ${s.lengths[i]!.toFixed(1)} 0.013 0 0 0 0`);
  lines.push('[XSECTIONS]');
  for (let i = 0; i < n; i++) lines.push(`C${i} CIRCULAR ${diam[i]!.toFixed(2)} 0 0 0 1`);
  lines.push('[TIMESERIES]');
  // A triangular storm hydrograph (unit peak at 1 h, over by 2 h), scaled per node.
  lines.push('STORM 0:00 0', 'STORM 0:30 0.2', 'STORM 1:00 1', 'STORM 1:30 0.4', 'STORM 2:00 0');
  lines.push('[INFLOWS]');
  for (let i = 0; i < n; i++) if (s.peaks[i]! > 0) lines.push(`${name(i)} FLOW STORM FLOW 1.0 ${s.peaks[i]!.toFixed(2)}`);
  return lines.join('\n') + '\n';
}

describe('dynamic wave property', () => {
  test('random tree networks with a storm keep flow-routing continuity within 1 %', () => {
    fc.assert(
      fc.property(specArb, (s) => {
        const parsed = parseInp(inpOf(s), { fileName: 'random.inp' });
        expect(parsed.errors).toEqual([]);
        const res = runRoutingOnly(parsed.model!);
        expect(res.errors).toEqual([]);
        expect(Math.abs(res.continuity!.errorPct)).toBeLessThan(1);
      }),
      { numRuns: 20, seed: 20260522 },
    );
  });
});
