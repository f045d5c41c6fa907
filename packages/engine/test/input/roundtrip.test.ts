// parseInp(writeInp(parseInp(x).model)) equals the first model (line numbers aside)
// for every reference model.
import { describe, expect, it } from 'vitest';
import { parseInp, writeInp } from '../../src/input/index.js';
import { haveRef, readRef, refFiles, refModels, withoutLines } from './refdata.js';

const models = refModels();

describe.skipIf(!haveRef)('round trip through writeInp', () => {
  it.each(models.map((m) => [m.id, m] as const))('%s', (_id, m) => {
    const files = refFiles(m);
    const a = parseInp(readRef(m.run_inp), { files });
    expect(a.errors).toEqual([]);
    const text = writeInp(a.model!);
    const b = parseInp(text, { files, fileName: 'rewritten.inp' });
    expect(b.errors).toEqual([]);
    expect(withoutLines(b.model)).toEqual(withoutLines(a.model));
    // writing again gives the same text (the writer is a fixed point after one pass)
    expect(writeInp(b.model!)).toBe(text);
  });
});
