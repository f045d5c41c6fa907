// The two published files that SWMM 5.2.4 rejects give the same error codes here.
import { describe, expect, it } from 'vitest';
import { formatSwmmError, parseInp } from '../../src/input/index.js';
import { haveRef, readRef, refFiles, refModels } from './refdata.js';

describe.skipIf(!haveRef)('SWMM error parity on failing originals', () => {
  const byId = new Map(refModels().map((m) => [m.id, m]));

  it('epa_lid_model.inp: ERROR 205 for the three LID lines in [REPORT]', () => {
    const m = byId.get('epa_lid_model')!;
    const r = parseInp(readRef(m.inp), { fileName: 'epa_lid_model.inp' });
    expect(r.model).toBeNull();
    expect(r.errors.map((e) => [e.code, e.line, e.section, e.token])).toEqual([
      [205, 238, '[REPORT]', 'LID'],
      [205, 239, '[REPORT]', 'LID'],
      [205, 240, '[REPORT]', 'LID'],
    ]);
    // SWMM's own text, as in epa_lid_model_orig.rpt
    const rpt = readRef('models/epa_lid_model/epa_lid_model_orig.rpt');
    for (const e of r.errors) expect(rpt).toContain(formatSwmmError(e));
    expect(r.errors[0]!.file).toBe('epa_lid_model.inp');
  });

  it('nrt_ncdc_format.inp: ERROR 156 ambiguous station ID for Rain Gage 2', () => {
    const m = byId.get('nrt_ncdc_format')!;
    const r = parseInp(readRef(m.inp), { fileName: 'nrt_ncdc_format.inp', files: refFiles(m) });
    expect(r.model).toBeNull();
    expect(r.errors.map((e) => [e.code, e.token, e.section])).toEqual([[156, '2', '[RAINGAGES]']]);
    const rpt = readRef('models/nrt_ncdc_format/nrt_ncdc_format_orig.rpt');
    expect(rpt).toContain(formatSwmmError(r.errors[0]!));
  });
});
