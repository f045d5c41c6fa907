// Rain data files of the reference models: the counts SWMM prints in its
// "Rainfall File Summary", and the old and new NCDC formats read identically.
import { describe, expect, it } from 'vitest';
import { parseInp, readRainFile } from '../../src/input/index.js';
import { formatDate } from '../../src/time/datetime.js';
import { haveRef, readRef, refFiles, refModels } from './refdata.js';

describe.skipIf(!haveRef)('reference rain files', () => {
  const byId = new Map(refModels().map((m) => [m.id, m]));

  function gagesOf(id: string) {
    const m = byId.get(id)!;
    const files = refFiles(m);
    const model = parseInp(readRef(m.run_inp), { files }).model!;
    return model.gages
      .filter((g) => g.source.kind === 'FILE')
      .map((g) => {
        const name = (g.source as { file: string }).file;
        return readRainFile(files[name.replace(/^.*[\\/]/, '')]!, g);
      });
  }

  it.each([
    ['nrt_ncdc_format', 'NWS_ONLINE_60', 170, '01/10/2013', '06/29/2013'],
    ['nrt_events_example', 'NWS_SPACE', 1131, '01/06/1998', '01/31/2000'],
    ['swc13_green_roofs_3yr', 'STANDARD', 1497, '01/01/2004', '12/27/2006'],
  ] as const)('%s: %s, %i periods from %s to %s', (id, format, periods, first, last) => {
    for (const r of gagesOf(id)) {
      expect(r.errors).toEqual([]);
      const d = r.data!;
      expect(d.format).toBe(format);
      expect(d.intervalS).toBe(3600);
      expect(d.stats.periodsWithPrecip).toBe(periods);
      expect(d.stats.periodsMissing).toBe(0);
      expect(formatDate(d.stats.firstDate!)).toBe(first);
      expect(formatDate(d.stats.lastDate!)).toBe(last);
    }
  });

  it('old (hundredths) and new (decimal inches) NCDC files give identical records', () => {
    const [a, b] = gagesOf('nrt_ncdc_format');
    expect(a!.data!.times).toEqual(b!.data!.times);
    expect(a!.data!.depthsIn).toEqual(b!.data!.depthsIn);
    expect(a!.data!.depthsIn[0]).toBe(Math.fround(0.1));
  });
});
