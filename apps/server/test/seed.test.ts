import { testBackends } from '@haimian/db';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../src/inp/changes.js';
import { DEMO_LID_CHANGES, seedDemo, templateText } from '../src/services/templates.js';

for (const backend of testBackends()) {
  describe.skipIf(!backend.available)(`demo seed on ${backend.name}`, () => {
    it('seeds the Beijing project once: model, baseline and an LID scenario', async () => {
      const odb = await backend.open();
      try {
        expect(await seedDemo(odb.repo)).toBe(true);
        expect(await seedDemo(odb.repo)).toBe(false);
        const [project, ...more] = await odb.repo.listProjects();
        expect(more).toEqual([]);
        const [model] = await odb.repo.listModels(project!.id);
        expect(model).toMatchObject({ name: 'beijing-block', flowUnits: 'LPS', counts: { subcatchments: 8, nodes: 7, links: 6 } });
        const scenarios = await odb.repo.listScenarios(project!.id);
        expect(scenarios.map((s) => [s.isBaseline, s.changes.length])).toEqual([[true, 0], [false, 3]]);
      } finally {
        await odb.close();
      }
    });
  });
}

describe('demo LID scenario', () => {
  it('puts 6 % bioretention on the two north roof blocks and pervious paving on half the plaza', async () => {
    const text = applyChanges((await templateText('beijing-block'))!, DEMO_LID_CHANGES);
    const usage = text.split('\n').slice(text.split('\n').indexOf('[LID_USAGE]') + 2).filter((l) => l.trim()).map((l) => l.trim().split(/\s+/).slice(0, 4));
    expect(usage).toEqual([
      ['S1_Roofs_NW', 'BC_demo', '1', '1440'],
      ['S2_Roofs_NE', 'BC_demo', '1', '1440'],
      ['S8_Plaza', 'PP_demo', '1', '2400'],
    ]);
  });
});
