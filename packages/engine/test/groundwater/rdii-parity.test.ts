// The "Rainfall Dependent I/I" block of the one reference model with RDII. The model itself also
// needs snowmelt, so only the RDII generator (which does not depend on it) runs here.
import { describe, expect, it } from 'vitest';
import { createRdii, rdiiSummary } from '../../src/hydrology/rdii.js';
import { finalizeOptions } from '../../src/input/finalize.js';
import { parseInp } from '../../src/input/parse.js';
import { unitFactors } from '../../src/model/units.js';
import { loadIndex, readRef, referenceAvailable } from '../parity/reference.js';

const available = referenceAvailable();
if (!available) console.log('rdii parity: ../shared/swmm-reference not found — skipped.');

describe.runIf(available)('RDII volumes against EPA SWMM 5.2.4', () => {
  it('greenville_all_features_si: sewershed rainfall, RDII produced and ratio', () => {
    const m = loadIndex().find((x) => x.id === 'greenville_all_features_si')!;
    const model = parseInp(readRef(m.run_inp, 'latin1'), { fileName: 'g.inp' }).model!;
    const fin = finalizeOptions(model, 'g.inp').options;
    const uf = unitFactors(model.options.flowUnits);
    const nodes = new Map(model.nodes.map((n, i) => [n.name.toUpperCase(), i] as const));
    const gages = new Map(model.gages.map((g, i) => [g.name.toUpperCase(), i] as const));
    const r = createRdii(model, uf, fin.wetStepS, fin.totalDurationS, {
      nodeIndex: (s) => nodes.get(s.toUpperCase()) ?? -1,
      gageIndex: (s) => gages.get(s.toUpperCase()) ?? -1,
    });
    expect(r.errors).toEqual([]);
    const s = rdiiSummary(r.rdii!, uf);
    const rpt = readRef(m.rpt, 'latin1');
    const row = (label: string): number[] => {
      const line = rpt.split(/\r?\n/).find((l) => l.trim().startsWith(label))!;
      return line.trim().split(/\s{2,}/).slice(1).map(Number);
    };
    // Printed to 3 decimals: agree within one unit of the last digit.
    const [rain1, rain2] = row('Sewershed Rainfall');
    const [ii1, ii2] = row('RDII Produced');
    expect(Math.abs(s.sewershedRainfall[0] - rain1!)).toBeLessThanOrEqual(0.0011);
    expect(Math.abs(s.sewershedRainfall[1] - rain2!)).toBeLessThanOrEqual(0.0011);
    expect(Math.abs(s.rdiiProduced[0] - ii1!)).toBeLessThanOrEqual(0.0011);
    expect(Math.abs(s.rdiiProduced[1] - ii2!)).toBeLessThanOrEqual(0.0011);
    expect(Math.abs(s.rdiiRatio - row('RDII Ratio')[0]!)).toBeLessThanOrEqual(0.0011);
  });
});
