// parseInp(writeInp(parseInp(x).model)) equals the first model (line numbers aside)
// for every reference model.
import { describe, expect, it } from 'vitest';
import { parseInp, writeInp } from '../../src/input/index.js';
import { haveRef, readRef, refFiles, refModels, withoutLines } from './refdata.js';

const models = refModels();

// the run files, plus the published originals where they differ and SWMM accepts them
const cases = models.flatMap((m) => {
  const out: [string, string, typeof m][] = [[m.id, m.run_inp, m]];
  if (m.inp !== m.run_inp && !m.orig_rpt_errors) out.push([`${m.id} (published)`, m.inp, m]);
  return out;
});

describe.skipIf(!haveRef)('round trip through writeInp', () => {
  it.each(cases)('%s', (_id, file, m) => {
    const files = refFiles(m);
    const a = parseInp(readRef(file), { files });
    expect(a.errors).toEqual([]);
    const text = writeInp(a.model!);
    const b = parseInp(text, { files, fileName: 'rewritten.inp' });
    expect(b.errors).toEqual([]);
    expect(withoutLines(b.model)).toEqual(withoutLines(a.model));
    // writing again gives the same text (the writer is a fixed point after one pass)
    expect(writeInp(b.model!)).toBe(text);
  });
});
