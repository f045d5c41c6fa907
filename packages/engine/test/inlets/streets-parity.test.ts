// The Street Summary and Street Flow Summary tables against EPA SWMM 5.2.4's reports.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runModel } from '../../src/index.js';
import { dataFiles, loadIndex, readRef, referenceAvailable } from '../parity/reference.js';

const available = referenceAvailable();
if (!available) console.log('inlets: ../shared/swmm-reference not found — street/inlet parity tests skipped.');

/** The numbers of each street's Area/Hrad/Width blocks in a report's Street Summary. */
function streetSummary(rpt: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const lines = rpt.split(/\r?\n/);
  let i = lines.findIndex((l) => l.trim() === 'Street Summary');
  if (i < 0) return out;
  let name = '';
  for (i++; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l.startsWith('****') && name) break;
    const m = /^Street (\S+)/.exec(l);
    if (m) {
      name = m[1]!;
      out.set(name, []);
    } else if (name && /^[\d.\s]+$/.test(l) && l !== '') out.get(name)!.push(...l.split(/\s+/).map(Number));
  }
  return out;
}

/** Street Flow Summary rows: name → numbers (and texts) after the name. */
function streetFlow(rpt: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const lines = rpt.split(/\r?\n/);
  const i = lines.findIndex((l) => l.trim() === 'Street Flow Summary');
  if (i < 0) return out;
  let dashes = 0;
  for (let k = i + 1; k < lines.length; k++) {
    const l = lines[k]!.trim();
    if (/^-{20,}$/.test(l)) {
      dashes++;
      continue;
    }
    if (dashes < 2) continue;
    if (l === '') break;
    const t = l.split(/\s+/);
    out.set(t[0]!, t.slice(1));
  }
  return out;
}

describe.runIf(available)('streets and inlets vs SWMM 5.2.4', () => {
  const models = available ? loadIndex().filter((m) => m.features.includes('inlets')) : [];
  for (const m of models) {
    it(`${m.id}: Street Summary tables and Street Flow Summary`, () => {
      const res = runModel(readRef(m.run_inp, 'latin1'), { inpName: basename(m.run_inp), files: dataFiles(m) });
      expect(res.errors).toEqual([]);
      const ref = readRef(m.rpt, 'latin1');
      const ours = streetSummary(res.report);
      const theirs = streetSummary(ref);
      expect([...ours.keys()]).toEqual([...theirs.keys()]);
      for (const [name, vals] of theirs) {
        expect(vals.length).toBe(150);
        const o = ours.get(name)!;
        // Printed to 4 decimals: equal to the last digit.
        for (let k = 0; k < vals.length; k++) expect(Math.abs(o[k]! - vals[k]!)).toBeLessThanOrEqual(0.00011);
      }
      const fo = streetFlow(res.report);
      const fr = streetFlow(ref);
      expect(fr.size).toBeGreaterThan(0);
      expect([...fo.keys()]).toEqual([...fr.keys()]);
      let worst = 0;
      for (const [id, r] of fr) {
        const o = fo.get(id)!;
        expect(o.length).toBe(r.length);
        for (let k = 0; k < r.length; k++) {
          const a = Number(o[k]);
          const b = Number(r[k]);
          if (!Number.isFinite(b)) {
            expect(o[k]).toBe(r[k]); // inlet design, location
            continue;
          }
          // Flows, spreads and depths within 2 %; percentages within 1 point.
          const tol = k >= 6 && k <= 9 ? 1 : Math.max(0.02 * Math.abs(b), 0.011);
          const d = Math.abs(a - b) / tol;
          if (d > worst) worst = d;
          expect(Math.abs(a - b), `${id} column ${k}`).toBeLessThanOrEqual(tol);
        }
      }
      console.log(`${m.id}: ${fr.size} streets, worst Street Flow Summary cell at ${(worst * 100).toFixed(0)}% of tolerance`);
    }, 60000);
  }
});
