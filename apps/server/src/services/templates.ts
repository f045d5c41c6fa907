// Bundled model templates (demo models shipped in the repository).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Repo } from '@haimian/db';
import type { Change } from '../inp/changes.js';
import { importModel } from './models.js';

const DEMO_DIR = fileURLToPath(new URL('../../../../packages/engine/demo/', import.meta.url));

export interface Template {
  id: string;
  name: string;
  description: string;
  file: string;
}

export const TEMPLATES: Template[] = [
  {
    id: 'beijing-block',
    name: '北京居住街区 Beijing residential block',
    description:
      'An 11 ha residential block in north Beijing: 8 subcatchments (roofs, roads, plaza, school, sports field), 6 storm sewers to one outfall, Horton infiltration, kinematic-wave routing, 3-year 2-hour Chicago design storm (63 mm). WGS84 coordinates.',
    file: 'beijing-block.inp',
  },
];

export async function templateText(id: string): Promise<string | undefined> {
  const t = TEMPLATES.find((x) => x.id === id);
  return t ? readFile(DEMO_DIR + t.file, 'utf8') : undefined;
}

/** The demo scenario seeded next to the baseline: bioretention next to the roofs, permeable paving on the plaza. */
export const DEMO_LID_CHANGES: Change[] = [
  { kind: 'addLid', subcatchment: 'S1_Roofs_NW', lidName: 'BC_demo', lidType: 'BC', areaPct: 6, number: 1 },
  { kind: 'addLid', subcatchment: 'S2_Roofs_NE', lidName: 'BC_demo', lidType: 'BC', areaPct: 6, number: 1 },
  { kind: 'addLid', subcatchment: 'S8_Plaza', lidName: 'PP_demo', lidType: 'PP', areaPct: 50, number: 1 },
];

/** First start: a Beijing demo project with the baseline and one LID scenario, in one transaction. Does nothing when projects exist. */
export async function seedDemo(repo: Repo): Promise<boolean> {
  if ((await repo.listProjects()).length > 0) return false;
  const text = await templateText('beijing-block');
  if (!text) return false;
  await repo.transaction(async (r) => {
    const project = await r.createProject({
      name: '北京街区海绵改造示范 Beijing block sponge retrofit (demo)',
      description: '示范项目：一个北京居住街区的基线与低影响开发（LID）改造情景对比。Demo: baseline vs. LID retrofit of a Beijing residential block.',
    });
    const { model } = await importModel(r, { projectId: project.id, name: 'beijing-block', inpText: text });
    await r.createScenario({ projectId: project.id, modelId: model.id, name: '生物滞留+透水铺装 Bioretention + permeable paving', changes: DEMO_LID_CHANGES });
  });
  return true;
}
