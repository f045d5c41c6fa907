import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../lib/errors.js';
import type { AppContext } from '../context.js';
import { ProjectCreate, ProjectParams, ProjectPatch } from './schemas.js';

export const projectRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const { repo } = ctx;
  const tags = ['projects'];

  app.get('/projects', { schema: { tags, summary: 'List projects' } }, async () => repo.listProjects());

  app.post('/projects', { schema: { tags, summary: 'Create a project', body: ProjectCreate } }, async (req, reply) => {
    reply.code(201);
    return repo.createProject(req.body);
  });

  app.get('/projects/:projectId', { schema: { tags, summary: 'A project with its models and scenarios', params: ProjectParams } }, async (req) => {
    const project = await repo.getProject(req.params.projectId);
    if (!project) throw notFound('project', req.params.projectId);
    const [models, scenarios] = await Promise.all([repo.listModels(project.id), repo.listScenarios(project.id)]);
    return { ...project, models, scenarios };
  });

  app.patch('/projects/:projectId', { schema: { tags, summary: 'Rename / describe a project', params: ProjectParams, body: ProjectPatch } }, async (req) => {
    const p = await repo.updateProject(req.params.projectId, req.body);
    if (!p) throw notFound('project', req.params.projectId);
    return p;
  });

  app.delete('/projects/:projectId', { schema: { tags, summary: 'Delete a project and everything in it', params: ProjectParams } }, async (req, reply) => {
    // Stop its simulations first so they don't finish into deleted rows.
    const project = await repo.getProject(req.params.projectId);
    if (!project) throw notFound('project', req.params.projectId);
    for (const r of await repo.listRuns(project.id)) if (r.status === 'queued' || r.status === 'running') ctx.runs.cancel(r.id);
    await repo.deleteProject(project.id);
    reply.code(204);
  });

  app.get('/projects/:projectId/scenarios', { schema: { tags, summary: "A project's scenarios", params: ProjectParams } }, async (req) => {
    if (!(await repo.getProject(req.params.projectId))) throw notFound('project', req.params.projectId);
    return repo.listScenarios(req.params.projectId);
  });

  app.get('/projects/:projectId/runs', { schema: { tags, summary: "A project's runs", params: ProjectParams } }, async (req) => {
    if (!(await repo.getProject(req.params.projectId))) throw notFound('project', req.params.projectId);
    return repo.listRuns(req.params.projectId);
  });
};
