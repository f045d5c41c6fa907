import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangeList, type Change } from '../inp/changes.js';
import { checkInp } from '../services/models.js';
import { composeInp } from '../services/runs.js';
import { ApiError, notFound } from '../lib/errors.js';
import type { AppContext } from '../context.js';
import { Id, ProjectParams, ScenarioParams } from './schemas.js';

const ScenarioCreate = z.object({
  name: z.string().trim().min(1).max(200),
  modelId: Id,
  baseScenarioId: Id.optional().describe("start from this scenario's changes when `changes` is omitted"),
  changes: ChangeList.optional(),
});
const ScenarioPatch = z
  .object({ name: z.string().trim().min(1).max(200).optional(), changes: ChangeList.optional() })
  .refine((p) => p.name !== undefined || p.changes !== undefined, { message: 'give name and/or changes' });

export const scenarioRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const { repo } = ctx;
  const tags = ['scenarios'];

  /** The changes must apply to the model and give an .inp the engine accepts. */
  async function checkChanges(modelId: string, changes: Change[]): Promise<void> {
    if (changes.length === 0) return;
    const base = await repo.getModelInp(modelId);
    if (base === undefined) throw notFound('model', modelId);
    const text = composeInp(base, changes);
    const files = Object.fromEntries((await repo.getModelFiles(modelId)).map((f) => [f.name, f.content]));
    checkInp(text, 'scenario.inp', files);
  }

  app.post('/projects/:projectId/scenarios', { schema: { tags, summary: 'Create a scenario (model + changes)', params: ProjectParams, body: ScenarioCreate } }, async (req, reply) => {
    const { projectId } = req.params;
    if (!(await repo.getProject(projectId))) throw notFound('project', projectId);
    const model = await repo.getModel(req.body.modelId);
    if (!model || model.projectId !== projectId) throw notFound('model', req.body.modelId);
    let changes = req.body.changes;
    if (changes === undefined && req.body.baseScenarioId) {
      const base = await repo.getScenario(req.body.baseScenarioId);
      if (!base || base.projectId !== projectId) throw notFound('scenario', req.body.baseScenarioId);
      changes = base.changes as Change[];
    }
    await checkChanges(model.id, changes ?? []);
    reply.code(201);
    return repo.createScenario({ projectId, modelId: model.id, name: req.body.name, changes: changes ?? [] });
  });

  app.get('/scenarios/:scenarioId', { schema: { tags, summary: 'A scenario', params: ScenarioParams } }, async (req) => {
    const s = await repo.getScenario(req.params.scenarioId);
    if (!s) throw notFound('scenario', req.params.scenarioId);
    return s;
  });

  app.patch('/scenarios/:scenarioId', { schema: { tags, summary: 'Rename a scenario or replace its changes', params: ScenarioParams, body: ScenarioPatch } }, async (req) => {
    const s = await repo.getScenario(req.params.scenarioId);
    if (!s) throw notFound('scenario', req.params.scenarioId);
    if (req.body.changes !== undefined) {
      if (s.isBaseline && req.body.changes.length > 0) throw new ApiError(409, 'CONFLICT', 'the baseline scenario has no changes: create a scenario to change the model');
      await checkChanges(s.modelId, req.body.changes);
    }
    return (await repo.updateScenario(s.id, req.body))!;
  });

  app.delete('/scenarios/:scenarioId', { schema: { tags, summary: 'Delete a scenario and its runs', params: ScenarioParams } }, async (req, reply) => {
    const s = await repo.getScenario(req.params.scenarioId);
    if (!s) throw notFound('scenario', req.params.scenarioId);
    if (s.isBaseline) throw new ApiError(409, 'CONFLICT', 'the baseline scenario belongs to its model and cannot be deleted');
    for (const r of await repo.listRuns(s.projectId)) if (r.scenarioId === s.id && (r.status === 'queued' || r.status === 'running')) ctx.runs.cancel(r.id);
    await repo.deleteScenario(s.id);
    reply.code(204);
  });

  app.get('/scenarios/:scenarioId/inp', { schema: { tags, summary: 'The .inp of the scenario: base model with its changes applied', params: ScenarioParams } }, async (req, reply) => {
    const s = await repo.getScenario(req.params.scenarioId);
    if (!s) throw notFound('scenario', req.params.scenarioId);
    reply.type('text/plain; charset=utf-8');
    return ctx.runs.scenarioInp(s);
  });
};
