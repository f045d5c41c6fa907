// Bulk state getters agree with what the binary output stores for the same instant.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Simulation, readOut } from '../../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const demo = readFileSync(resolve(here, '../../demo/beijing-block.inp'), 'utf8');

describe('Simulation bulk getters', () => {
  it('return the state the last reporting period records', () => {
    const sim = Simulation.open(demo, { inpName: 'demo.inp' });
    expect(sim.errors).toEqual([]);
    // Stop at the storm peak (about 0:48 with r = 0.4 over 2 h) and compare with the report period written there.
    while (sim.elapsedSeconds < 48 * 60 && sim.step()) {
      /* step */
    }
    const depths = sim.nodeDepths();
    const heads = sim.nodeHeads();
    const flows = sim.linkFlows();
    const runoff = sim.subcatchRunoff();
    const ids = sim.ids;
    expect(depths).toHaveLength(ids.nodes.length);
    expect(flows).toHaveLength(ids.links.length);
    expect(runoff).toHaveLength(ids.subcatchments.length);
    const res = sim.finish();
    const out = readOut(res.output);
    const k = 47; // period ending at 0:48 (1-minute report step)
    const p = out.getPeriod(k);
    for (let i = 0; i < ids.nodes.length; i++) {
      expect(depths[i]).toBeCloseTo(p.nodes[6 * i]!, 4);
      expect(heads[i]).toBeCloseTo(p.nodes[6 * i + 1]!, 3);
    }
    let peakFlow = 0;
    for (let j = 0; j < ids.links.length; j++) {
      expect(flows[j]).toBeCloseTo(p.links[5 * j]!, 3);
      peakFlow = Math.max(peakFlow, Math.abs(flows[j]!));
    }
    // Mid-storm the network carries real flow (LPS): not a trivially zero comparison.
    expect(peakFlow).toBeGreaterThan(100);
    expect(Math.max(...runoff)).toBeGreaterThan(10);
  });
});
