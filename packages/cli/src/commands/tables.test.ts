import { describe, expect, it } from 'vitest';
import { register } from './tables.js';
import { runCli } from '../../test/design-harness.js';

describe('haimian tables', () => {
  it('lists every shipped table with a tag and a source', async () => {
    const r = await runCli(register, ['tables', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j.tags)).toEqual(['V', 'C', 'R', 'D', 'X']);
    expect(j.tables.length).toBeGreaterThan(20);
    for (const t of j.tables) {
      expect(['V', 'C', 'R', 'D', 'X']).toContain(t.provenance.tag);
      expect(t.provenance.source.length).toBeGreaterThan(0);
    }
    const text = await runCli(register, ['tables']);
    expect(text.stdout).toMatch(/gb51222-waterlogging-recurrence\s+\[C\] GB 51222-2017/);
    expect(text.stdout).toMatch(/\[X\] could not be verified/);
  });
});
