// Every shipped parameter table must carry a provenance tag and source (issue 5 acceptance).
import { describe, expect, it } from 'vitest';
import * as api from './index.js';
import { PROVENANCE_TAGS, provenanceLabel, provenanceProblems } from './provenance.js';

/** Exported values that look like shipped tables: {rows, provenance?} objects, formulas, or arrays of formulas. */
function exportedTables(): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [name, value] of Object.entries(api)) {
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (v && typeof v === 'object' && 'pieces' in v) out.push([`${name}[${i}]`, v]);
      });
    } else if ('rows' in value || 'pieces' in value) out.push([name, value]);
  }
  return out;
}

describe('provenance of shipped tables', () => {
  const tables = exportedTables();
  it('finds the tables', () => {
    expect(tables.length).toBeGreaterThanOrEqual(18);
  });
  it.each(tables)('%s has a valid tag and a source', (_name, table) => {
    const p = (table as { provenance?: unknown }).provenance as Parameters<typeof provenanceProblems>[0];
    expect(provenanceProblems(p)).toEqual([]);
  });
  it('every exported table is in the shippedTables() registry the CLI lists', () => {
    const ids = new Set(api.shippedTables().map((t) => t.id));
    for (const [name, t] of tables) {
      const id = 'pieces' in (t as object) ? `storm-formula:${(t as { id: string }).id}` : (t as { id: string }).id;
      expect(ids.has(id), `${name} (${id}) missing from shippedTables()`).toBe(true);
    }
    for (const t of api.shippedTables()) expect(provenanceProblems(t.provenance)).toEqual([]);
  });
  it('assessment rules carry their own clause and tag', () => {
    for (const r of api.ASSESSMENT_RULES.rows) {
      expect(r.clause.length).toBeGreaterThan(0);
      expect(provenanceProblems(r.provenance)).toEqual([]);
    }
  });
  it('the check itself fails on missing or bad provenance', () => {
    expect(provenanceProblems(undefined)).toEqual(['missing provenance']);
    expect(provenanceProblems({ tag: 'Q' as never, source: 'x' })).toEqual(['bad tag Q']);
    expect(provenanceProblems({ tag: 'R', source: ' ' })).toEqual(['missing source']);
  });
  it('labels say how far to trust a table', () => {
    expect(Object.keys(PROVENANCE_TAGS)).toEqual(['V', 'C', 'R', 'D', 'X']);
    expect(provenanceLabel({ tag: 'R', source: 'GB 50014-2021', clause: '4.1' })).toBe('[R] GB 50014-2021, 4.1 (provisional)');
    expect(provenanceLabel({ tag: 'X', source: 's' })).toMatch(/unverified/);
  });
});
