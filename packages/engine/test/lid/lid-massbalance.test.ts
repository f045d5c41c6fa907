// Property: for random valid LID designs of every type, on random subcatchments and storms,
// each unit's water balance closes (SWMM's LID continuity error, which lags the final storage
// by one step for the single-pass types, stays small) and the runoff continuity stays small.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lidPerformanceSummary } from '../../src/hydrology/lid.js';
import { parseInp } from '../../src/input/index.js';
import { runWithLids } from './run-lid.js';

const n = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });

/** One LID control of each type with random layer parameters (user units, US). */
const lidDesigns = fc.record({
  berm: n(0, 12), veg: n(0, 0.3), rough: n(0, 0.3), slope: n(0, 5),
  soilT: n(4, 24), por: n(0.4, 0.55), fc: n(0.15, 0.3), wp: n(0.05, 0.1), ks: n(0.1, 5), kslope: n(5, 50), suct: n(2, 6),
  storT: n(6, 36), vr: n(0.3, 0.8), seep: n(0, 1), clog: n(0, 50),
  drainC: n(0, 2), drainN: n(0.3, 1), offset: n(0, 6),
  paveT: n(3, 8), paveVr: n(0.1, 0.2), paveImp: n(0, 0.5), perm: n(20, 200),
});

type Design = typeof lidDesigns extends fc.Arbitrary<infer T> ? T : never;

function controls(d: Design): string {
  const surf = (b: number, rough: number) => `${b.toFixed(3)} ${d.veg.toFixed(3)} ${rough.toFixed(3)} ${d.slope.toFixed(3)} 5`;
  const soil = `${d.soilT.toFixed(2)} ${d.por.toFixed(3)} ${d.fc.toFixed(3)} ${d.wp.toFixed(3)} ${d.ks.toFixed(3)} ${d.kslope.toFixed(2)} ${d.suct.toFixed(2)}`;
  const stor = `${d.storT.toFixed(2)} ${d.vr.toFixed(3)} ${d.seep.toFixed(3)} ${d.clog.toFixed(2)}`;
  const drain = `${d.drainC.toFixed(3)} ${d.drainN.toFixed(3)} ${d.offset.toFixed(2)} 6`;
  return [
    'BC BC', `BC SURFACE ${surf(d.berm, d.rough)}`, `BC SOIL ${soil}`, `BC STORAGE ${stor}`, `BC DRAIN ${drain}`,
    'RG RG', `RG SURFACE ${surf(d.berm, d.rough)}`, `RG SOIL ${soil}`,
    'GR GR', `GR SURFACE ${surf(d.berm / 4, d.rough)}`, `GR SOIL ${soil}`, 'GR DRAINMAT 2 0.5 0.1',
    'IT IT', `IT SURFACE ${surf(d.berm, d.rough)}`, `IT STORAGE ${stor}`, `IT DRAIN ${drain}`,
    'PP PP', `PP SURFACE ${surf(d.berm / 4, d.rough)}`, `PP PAVEMENT ${d.paveT.toFixed(2)} ${d.paveVr.toFixed(3)} ${d.paveImp.toFixed(3)} ${d.perm.toFixed(1)} ${d.clog.toFixed(1)}`,
    `PP STORAGE ${stor}`, `PP DRAIN ${drain}`,
    'RB RB', 'RB STORAGE 36 1 0 0', `RB DRAIN ${d.drainC.toFixed(3)} 0.5 0 1`,
    'VS VS', `VS SURFACE ${Math.max(d.berm, 1).toFixed(2)} 0 ${Math.max(d.rough, 0.05).toFixed(3)} ${Math.max(d.slope, 0.5).toFixed(2)} 4`,
    'RD RD', `RD SURFACE ${(d.berm / 10).toFixed(3)} 0 ${d.rough.toFixed(3)} ${d.slope.toFixed(3)} 0`, `RD DRAIN ${d.drainC.toFixed(3)} 0 0 0`,
  ].join('\n');
}

function inp(d: Design, rain: number[], imperv: number, fromImp: number): string {
  const ts = rain.map((r, h) => `R1 ${h} ${r.toFixed(3)}`).join('\n');
  const types = ['BC', 'RG', 'GR', 'IT', 'PP', 'RB', 'VS', 'RD'];
  return `[OPTIONS]
FLOW_UNITS CFS
INFILTRATION GREEN_AMPT
FLOW_ROUTING KINWAVE
START_DATE 06/01/2020
END_DATE 06/01/2020
END_TIME 12:00:00
REPORT_STEP 00:15:00
WET_STEP 00:01:00
DRY_STEP 00:10:00
ROUTING_STEP 0:01:00
[EVAPORATION]
CONSTANT 0.2
[RAINGAGES]
G1 INTENSITY 1:00 1.0 TIMESERIES R1
[SUBCATCHMENTS]
${types.map((t) => `S${t} G1 O1 1 ${imperv.toFixed(1)} 200 2 0`).join('\n')}
[SUBAREAS]
${types.map((t) => `S${t} 0.015 0.2 0.05 0.1 25 OUTLET`).join('\n')}
[INFILTRATION]
${types.map((t) => `S${t} 3.5 0.4 0.25`).join('\n')}
[LID_CONTROLS]
${controls(d)}
[LID_USAGE]
${types.map((t) => `S${t} ${t} 4 ${t === 'RB' ? 10 : 500} ${t === 'RB' ? 0 : 20} 0 ${fromImp.toFixed(1)} 0`).join('\n')}
[OUTFALLS]
O1 0 FREE
[TIMESERIES]
${ts}
`;
}

describe('LID water balance (property)', () => {
  it('every unit and the runoff system conserve water', () => {
    fc.assert(
      fc.property(lidDesigns, fc.array(n(0, 3), { minLength: 1, maxLength: 4 }), n(0, 100), n(0, 100), (d, rain, imperv, fromImp) => {
        const parsed = parseInp(inp(d, rain, imperv, fromImp));
        expect(parsed.errors).toEqual([]);
        const res = runWithLids(parsed.model!);
        expect(res.lid.errors).toEqual([]);
        for (const r of lidPerformanceSummary(res.lid.state!, res.driver.ro)) {
          const vals = [r.totalInflow, r.evapLoss, r.infilLoss, r.surfaceOutflow, r.drainOutflow, r.finalStorage];
          for (const v of vals) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(-1e-9);
          }
          // Closure within 1 % of the water that came in (plus 0.01 in of lag in the final storage).
          const inflow = r.totalInflow + r.initialStorage;
          const out = r.evapLoss + r.infilLoss + r.surfaceOutflow + r.drainOutflow + r.finalStorage;
          expect(Math.abs(inflow - out)).toBeLessThanOrEqual(0.01 * inflow + 0.01);
        }
        expect(Math.abs(res.continuity.continuityErrorPct)).toBeLessThan(1);
      }),
      { numRuns: 25, seed: 20260101 },
    );
  }, 120000);
});
