// Property test: mutated reference files (lines deleted, duplicated, swapped, tokens
// replaced by garbage, text truncated) never make the parser throw or hang; it returns
// either a model or coded errors, never an internal error; any model it accepts
// survives a write/re-parse round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInp, writeInp } from '../../src/input/index.js';
import { haveRef, readRef, refFiles, refModels, withoutLines } from './refdata.js';
import { IDS, mutate, mutation } from './mutate.js';

describe.skipIf(!haveRef)('parser fuzzing on mutated reference files', () => {
  const models = refModels().filter((m) => IDS.includes(m.id));
  const sources = models.map((m) => ({ id: m.id, text: readRef(m.run_inp), files: refFiles(m) }));

  it('never throws; returns a model or coded errors; accepted models round-trip', () => {
    fc.assert(
      fc.property(fc.nat({ max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (k, muts) => {
        const src = sources[k]!;
        const text = mutate(src.text, muts);
        const r = parseInp(text, { files: src.files });
        expect(r.model === null).toBe(r.errors.length > 0);
        for (const e of r.errors) {
          expect(e.code).not.toBe(401);
          expect(typeof e.message).toBe('string');
          expect(e.code).toBeGreaterThan(0);
        }
        if (r.model) {
          const again = parseInp(writeInp(r.model), { files: src.files });
          expect(again.errors).toEqual([]);
          // sectionOrder records first occurrences only, so a file that repeats a section
          // header out of order can come back with the sections regrouped
          const strip = (m: unknown) => ({ ...(withoutLines(m) as object), sectionOrder: [] });
          expect(strip(again.model)).toEqual(strip(r.model));
        }
      }),
      { numRuns: 1200, seed: 20261122 },
    );
  });

  it('never throws on arbitrary text, including binary junk', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.uint8Array({ maxLength: 200 }), (s, bytes) => {
        const junk = String.fromCharCode(...bytes);
        for (const t of [s, `[OPTIONS]\n${s}`, `[CONDUITS]\n${junk}`, junk]) {
          const r = parseInp(t);
          expect(r.model === null).toBe(r.errors.length > 0);
          for (const e of r.errors) expect(e.code).not.toBe(401);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
