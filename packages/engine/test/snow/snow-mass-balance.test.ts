// Property: whatever the weather and the snowpack parameters, snow is neither created nor
// lost — precipitation plus the initial cover equals losses, runoff, plowed snow and the
// final cover (Runoff Quantity Continuity error stays at solver-noise level). Precipitation
// and melt stop 4 h before the end: runoff still draining when a run ends leaves a small
// continuity error of its own (as in SWMM), which is not what this test is about.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runModel } from '../../src/index.js';

function continuityError(rpt: string): number {
  const line = rpt.split(/\r?\n/).find((l) => l.includes('Continuity Error (%)'));
  return line ? Number(line.trim().split(/\s+/).pop()) : NaN;
}

const pack = fc.record({
  cmin: fc.double({ min: 0.001, max: 0.05, noNaN: true }),
  cextra: fc.double({ min: 0, max: 0.05, noNaN: true }),
  tbase: fc.double({ min: 28, max: 36, noNaN: true }),
  fwf: fc.double({ min: 0, max: 0.3, noNaN: true }),
  sd0: fc.double({ min: 0, max: 3, noNaN: true }),
  fw0: fc.double({ min: 0, max: 0.3, noNaN: true }),
  last: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('snowmelt mass balance (property)', () => {
  it('closes for random temperatures, precipitation and pack parameters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 15, max: 50, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.double({ min: 0, max: 0.4, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 100 }),
        pack, pack, pack,
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 0.3, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (temps, rain, imperv, plowable, impervious, pervious, weplow, sfrac) => {
          const line = (name: string, p: typeof plowable, lastFactor: number): string =>
            `P ${name} ${p.cmin} ${p.cmin + p.cextra} ${p.tbase} ${p.fwf} ${p.sd0} ${p.fw0} ${p.last * lastFactor}`;
          const inp = `[OPTIONS]
FLOW_UNITS CFS
INFILTRATION HORTON
START_DATE 02/01/2021
START_TIME 00:00
END_DATE 02/01/2021
END_TIME 12:00
REPORT_STEP 01:00
WET_STEP 00:05
DRY_STEP 00:05
ROUTING_STEP 0:05:00
[TEMPERATURE]
TIMESERIES T
WINDSPEED MONTHLY 5 5 5 5 5 5 5 5 5 5 5 5
SNOWMELT 34 0.5 0.6 0 45 0
ADC IMPERVIOUS 0.2 0.35 0.5 0.6 0.7 0.8 0.85 0.9 0.95 1.0
ADC PERVIOUS 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0
[RAINGAGES]
G INTENSITY 1:00 1.1 TIMESERIES R
[SUBCATCHMENTS]
S G O 5 ${imperv} 400 2 0 P
[SUBAREAS]
S 0.015 0.2 0.05 0.1 25 OUTLET
[INFILTRATION]
S 1.0 0.1 2 7 0
[SNOWPACKS]
${line('PLOWABLE', plowable, 1)}
${line('IMPERVIOUS', impervious, 2)}
${line('PERVIOUS', pervious, 2)}
P REMOVAL ${weplow} ${sfrac.join(' ')} 0
[OUTFALLS]
O 0 FREE
[TIMESERIES]
${[...temps, 15, 15, 15, 15, 15].map((t, h) => `T 02/01/2021 ${h}:00 ${t}`).join('\n')}
${[...rain, 0].map((r, h) => `R 02/01/2021 ${h}:00 ${r}`).join('\n')}
[REPORT]
INPUT NO
`;
          const res = runModel(inp);
          expect(res.errors).toEqual([]);
          expect(Math.abs(continuityError(res.report))).toBeLessThan(0.5);
        },
      ),
      { numRuns: 40, seed: 20261122 },
    );
  });
});
