// Two simulations stepped alternately in one process must give exactly the bytes of two
// separate runs: proof that the engine keeps no module-level mutable state.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Simulation, runModel } from '../../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
// Every object reported, so the binary outputs carry all the state there is to compare.
const demo = readFileSync(resolve(here, '../../demo/beijing-block.inp'), 'utf8') + '\n[REPORT]\nSUBCATCHMENTS ALL\nNODES ALL\nLINKS ALL\n';

function variant(text: string): string {
  // Wetter soils on the same network, so the two runs really differ.
  const v = text.replace(/(^S\S+\s+)75(\s+)10\b/gm, '$140$25');
  expect(v).not.toBe(text);
  return v;
}

describe('simulations share no state', () => {
  it('interleaved runs equal separate runs, bit for bit', () => {
    const a = runModel(demo, { inpName: 'a.inp' });
    const bText = variant(demo);
    const b = runModel(bText, { inpName: 'b.inp' });
    expect(a.ok && b.ok).toBe(true);
    const sa = Simulation.open(demo, { inpName: 'a.inp' });
    const sb = Simulation.open(bText, { inpName: 'b.inp' });
    let moreA = true;
    let moreB = true;
    while (moreA || moreB) {
      if (moreA) moreA = sa.step();
      if (moreB) moreB = sb.step();
    }
    const ra = sa.finish();
    const rb = sb.finish();
    expect(Buffer.from(ra.output).equals(Buffer.from(a.output))).toBe(true);
    expect(Buffer.from(rb.output).equals(Buffer.from(b.output))).toBe(true);
    expect(ra.summary?.routingSteps).toBe(a.summary?.routingSteps);
    expect(ra.report).toBe(a.report);
    expect(rb.report).toBe(b.report);
    // The two models really differ, so equality above is not trivial.
    expect(Buffer.from(a.output).equals(Buffer.from(b.output))).toBe(false);
    expect(a.output.length).toBeGreaterThan(10_000);
  });
});
