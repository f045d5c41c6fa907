// Property test: the whole engine (parse → build → simulate → report) never throws and never
// hangs on models with extreme or odd numbers; it either runs or returns coded errors.
// Numbers are mutated rather than text so most cases get past the parser and exercise the physics.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runModel } from '../../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const demo = readFileSync(resolve(here, '../../demo/beijing-block.inp'), 'utf8');
const lidDemo = demo + [
  '', '[LID_CONTROLS]', 'Cell BC', 'Cell SURFACE 200 0.1 0.1 1.0 5', 'Cell SOIL 600 0.45 0.2 0.1 50 10 80',
  'Cell STORAGE 300 0.75 10 0', 'Cell DRAIN 1 0.5 0 6', 'Barrel RB', 'Barrel STORAGE 1000 0.75 0 0',
  'Barrel DRAIN 5 0.5 0 6', '', '[LID_USAGE]', 'S4_School Cell 1 500 20 0 40 0', 'S1_Roofs_NW Barrel 10 2 0 0 30 0', '',
].join('\n');

// Only data lines of physical sections: the clock options stay sane so every case is short.
const SECTIONS = ['[SUBCATCHMENTS]', '[SUBAREAS]', '[INFILTRATION]', '[JUNCTIONS]', '[OUTFALLS]', '[CONDUITS]', '[XSECTIONS]', '[TIMESERIES]', '[LID_CONTROLS]', '[LID_USAGE]'];
const VALUES = ['0', '-1', '1e-9', '1e9', '1e30', '0.0001', '99999', '-0.5', '3.5', '100'];

function numericSlots(text: string): { line: number; tok: number }[] {
  const lines = text.split('\n');
  const slots: { line: number; tok: number }[] = [];
  let inSection = false;
  lines.forEach((l, i) => {
    const t = l.trim();
    if (t.startsWith('[')) inSection = SECTIONS.includes(t.toUpperCase());
    else if (inSection && t && !t.startsWith(';')) {
      t.split(/\s+/).forEach((tok, k) => {
        if (k > 0 && Number.isFinite(Number(tok))) slots.push({ line: i, tok: k });
      });
    }
  });
  return slots;
}

function mutate(text: string, picks: { slot: number; value: number }[]): string {
  const lines = text.split('\n');
  const slots = numericSlots(text);
  for (const p of picks) {
    const s = slots[p.slot % slots.length]!;
    const toks = lines[s.line]!.trim().split(/\s+/);
    toks[s.tok] = VALUES[p.value % VALUES.length]!;
    lines[s.line] = toks.join(' ');
  }
  return lines.join('\n');
}

describe('engine never throws or hangs', () => {
  it('on models with extreme numbers', () => {
    let ran = 0;
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.record({ slot: fc.nat(), value: fc.nat() }), { minLength: 1, maxLength: 4 }),
        (withLid, picks) => {
          const text = mutate(withLid ? lidDemo : demo, picks);
          let calls = 0;
          // A step budget keeps every case short even if a mutation made the model stiff.
          const res = runModel(text, { inpName: 'fuzz.inp', shouldStop: () => ++calls > 15 });
          expect(typeof res.report).toBe('string');
          if (res.ok) {
            ran++;
            expect(res.output.length).toBeGreaterThan(0);
          } else {
            for (const e of res.errors) {
              expect(e.code).toBeGreaterThan(0);
              expect(e.message.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 200, seed: 42 },
    );
    // Most mutated models are still valid and really run.
    expect(ran).toBeGreaterThan(50);
  });
});
