// The Fastify application: plugins (OpenAPI docs, multipart, static web app), routes under /api, one error format.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { DialectName, Repo } from '@haimian/db';
import { engineCapabilities, type JobQueue } from '@haimian/jobs';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiError } from './lib/errors.js';
import type { AppContext } from './context.js';
import { designRoutes } from './routes/design.js';
import { modelRoutes } from './routes/models.js';
import { projectRoutes } from './routes/projects.js';
import { runRoutes } from './routes/runs.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { ResultsService } from './services/results.js';
import { RunService } from './services/runs.js';

export const SERVER_VERSION = '0.1.0';

export interface AppOptions {
  repo: Repo;
  dialect: DialectName;
  queue: JobQueue;
  maxUploadBytes?: number;
  /** Directory of the built web app, served at / when it exists. */
  webDist?: string;
  logger?: boolean | { level: string };
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance & { ctx: AppContext }> {
  const maxUpload = opts.maxUploadBytes ?? 20 * 1024 * 1024;
  // Per-request lines only at debug level: the web app polls run status, which would flood an info log.
  const level = typeof opts.logger === 'object' ? opts.logger.level : 'info';
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: maxUpload,
    logController: new LogController({ disableRequestLogging: level !== 'debug' && level !== 'trace' }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const runs = new RunService(opts.repo, opts.queue, app.log);
  const ctx: AppContext = { repo: opts.repo, dialect: opts.dialect, runs, results: new ResultsService(opts.repo) };

  await app.register(fastifyMultipart, { limits: { fileSize: maxUpload, files: 21, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Haimian platform API',
        description: 'Projects, SWMM models, scenarios (LID units, parameter edits, design storms), simulation runs and results. Contract: docs/platform-api.md.',
        version: SERVER_VERSION,
      },
      tags: ['projects', 'models', 'scenarios', 'runs', 'design', 'system'].map((name) => ({ name })),
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.statusCode).send(err.toBody());
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({ path: `${err.validationContext ?? ''}${v.instancePath}`, message: v.message }));
      const message = issues.map((i) => `${i.path || 'request'}: ${i.message}`).join('; ');
      return reply.code(400).send(new ApiError(400, 'VALIDATION_ERROR', message, issues).toBody());
    }
    const status = err.statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send(new ApiError(413, 'PAYLOAD_TOO_LARGE', `upload larger than the limit of ${Math.round(maxUpload / 1048576)} MB`).toBody());
    }
    if (status >= 400 && status < 500) return reply.code(status).send({ error: { code: 'VALIDATION_ERROR', message: err.message } });
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(new ApiError(500, 'INTERNAL_ERROR', 'internal error; see the server log').toBody());
  });

  await app.register(
    async (api) => {
      api.get('/health', { schema: { tags: ['system'], summary: 'Liveness, database kind, versions' } }, async () => ({
        ok: true,
        db: opts.dialect,
        version: SERVER_VERSION,
        engine: engineCapabilities(),
      }));
      await api.register(projectRoutes(ctx));
      await api.register(modelRoutes(ctx));
      await api.register(scenarioRoutes(ctx));
      await api.register(runRoutes(ctx));
      await api.register(designRoutes(ctx));
    },
    { prefix: '/api' },
  );

  const web = opts.webDist && existsSync(join(opts.webDist, 'index.html')) ? opts.webDist : undefined;
  if (web) await app.register(fastifyStatic, { root: web, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/api' || req.method !== 'GET') {
      return reply.code(404).send(new ApiError(404, 'NOT_FOUND', `no route ${req.method} ${path}`).toBody());
    }
    // Client-side routes of the single-page app.
    if (web) return reply.sendFile('index.html');
    return reply
      .code(200)
      .type('text/html; charset=utf-8')
      .send('<!doctype html><meta charset="utf-8"><title>Haimian</title><p>The web app is not built (apps/web/dist). The API is at <a href="/api/docs">/api/docs</a>.</p>');
  });

  return Object.assign(app, { ctx });
}
