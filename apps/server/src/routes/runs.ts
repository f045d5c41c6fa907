import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../lib/errors.js';
import type { AppContext } from '../context.js';
import { assertRunDone } from '../services/runs.js';
import { compareResults } from '../services/results.js';
import { Id, RunParams, ScenarioParams } from './schemas.js';

export const runRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const { repo } = ctx;
  const tags = ['runs'];

  async function doneRun(runId: string) {
    const run = await repo.getRun(runId);
    if (!run) throw notFound('run', runId);
    assertRunDone(run);
    return run;
  }

  app.post(
    '/scenarios/:scenarioId/runs',
    { schema: { tags, summary: 'Start a simulation of the scenario (202, status queued)', params: ScenarioParams, body: z.object({}).passthrough().optional() } },
    async (req, reply) => {
      const s = await repo.getScenario(req.params.scenarioId);
      if (!s) throw notFound('scenario', req.params.scenarioId);
      const run = await ctx.runs.start(s);
      reply.code(202);
      return run;
    },
  );

  app.get('/runs/:runId', { schema: { tags, summary: 'Run status, progress and summary', params: RunParams } }, async (req) => {
    const run = await repo.getRun(req.params.runId);
    if (!run) throw notFound('run', req.params.runId);
    return run;
  });

  app.get('/runs/:runId/report', { schema: { tags, summary: 'The status report (.rpt) — also for failed runs when the engine wrote one', params: RunParams } }, async (req, reply) => {
    const run = await repo.getRun(req.params.runId);
    if (!run) throw notFound('run', req.params.runId);
    const text = await repo.getArtifactText(run.id, 'report');
    if (text === undefined) throw notFound('report of run', run.id);
    reply.type('text/plain; charset=utf-8');
    return text;
  });

  app.get('/runs/:runId/output', { schema: { tags, summary: 'The binary output (.out)', params: RunParams } }, async (req, reply) => {
    await doneRun(req.params.runId);
    const bytes = await repo.getArtifactBytes(req.params.runId, 'output');
    if (!bytes) throw notFound('output of run', req.params.runId);
    reply.type('application/octet-stream').header('content-disposition', `attachment; filename="${req.params.runId}.out"`);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  });

  app.get(
    '/runs/:runId/series',
    {
      schema: {
        tags,
        summary: 'One time series from the binary output',
        params: RunParams,
        querystring: z.object({
          kind: z.enum(['subcatchment', 'node', 'link', 'system']),
          name: z.string().min(1).optional(),
          variable: z.string().min(1).optional().describe('e.g. runoff, total_inflow, flow, depth, rainfall; default per kind'),
        }),
      },
    },
    async (req) => {
      await doneRun(req.params.runId);
      return ctx.results.series(req.params.runId, req.query.kind, req.query.name, req.query.variable);
    },
  );

  app.get('/runs/:runId/results', { schema: { tags, summary: 'Headline results: continuity, subcatchments, outfalls, event control rate', params: RunParams } }, async (req) => {
    await doneRun(req.params.runId);
    return ctx.results.results(req.params.runId);
  });

  app.get(
    '/compare',
    { schema: { tags, summary: 'Compare two finished runs (B relative to A)', querystring: z.object({ runA: Id, runB: Id }) } },
    async (req) => {
      await doneRun(req.query.runA);
      await doneRun(req.query.runB);
      const [a, b] = await Promise.all([ctx.results.results(req.query.runA), ctx.results.results(req.query.runB)]);
      return compareResults(a, b);
    },
  );
};
