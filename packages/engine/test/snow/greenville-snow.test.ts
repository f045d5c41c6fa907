// The one reference model with snowpacks (greenville_all_features_si, SI units): air
// temperature and area-weighted snow depth against EPA SWMM 5.2.4's binary output, period by
// period. (The model's routing tables are checked by the parity suite.)
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../parity/rpt-parse.js';
import { readOut, runModel } from '../../src/index.js';
import { dataFiles, loadIndex, readCsv, readRef, referenceAvailable } from '../parity/reference.js';

const available = referenceAvailable();
if (!available) console.log('snow: ../shared/swmm-reference not found — greenville snow series test skipped.');

describe.runIf(available)('snowmelt vs SWMM 5.2.4 (greenville_all_features_si)', () => {
  it('air temperature and snow depth series', () => {
    const m = loadIndex().find((x) => x.id === 'greenville_all_features_si')!;
    const run = runModel(readRef(m.run_inp, 'latin1'), { inpName: basename(m.run_inp), files: dataFiles(m) });
    expect(run.errors).toEqual([]);
    const out = readOut(run.output);
    const temp = out.getSeries('system', 0, 0);
    const snow = out.getSeries('system', 0, 2);
    const ref = readCsv(m.csv.system!.file);
    const cT = ref.columns.indexOf('air_temp');
    const cS = ref.columns.indexOf('snow_depth');
    expect(temp.length).toBe(ref.times.length);
    let maxSnow = 0;
    for (let k = 0; k < ref.times.length; k++) {
      expect(temp[k]).toBeCloseTo(ref.values[cT]![k]!, 4);
      const s = ref.values[cS]![k]!;
      maxSnow = Math.max(maxSnow, s);
      expect(Math.abs(snow[k]! - s), `${ref.times[k]}`).toBeLessThanOrEqual(1e-5 + 1e-5 * s);
    }
    // The pack first grows under snowfall (0.1 → about 1 mm) and then melts out.
    expect(maxSnow).toBeGreaterThan(1);
    expect(ref.values[cS]![ref.times.length - 1]).toBe(0);
    // Snow rows of the Runoff Quantity Continuity table, as printed (the packs cover the
    // non-LID part of each subcatchment, so the LID area holds no snow).
    const ours = parseReport(run.report).continuity['Runoff Quantity Continuity']!.rows;
    const theirs = parseReport(readRef(m.rpt, 'latin1')).continuity['Runoff Quantity Continuity']!.rows;
    for (const row of ['Initial Snow Cover', 'Snow Removed', 'Final Snow Cover']) expect(ours[row]).toEqual(theirs[row]);
    expect(Math.abs(ours['Continuity Error (%)']![0]! - theirs['Continuity Error (%)']![0]!)).toBeLessThanOrEqual(0.005);
  }, 60000);
});
