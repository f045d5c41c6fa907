import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseModel } from '@haimian/jobs';
import { buildGeo, coordinatesFromModel } from '../inp/geo.js';
import { objectProps, resolveObject } from '../inp/objects.js';
import { parseInp } from '../inp/sections.js';
import { ApiError, badRequest, notFound } from '../lib/errors.js';
import type { AppContext } from '../context.js';
import { decodeText, importModel } from '../services/models.js';
import { TEMPLATES, templateText } from '../services/templates.js';
import { ModelCreateJson, ModelParams, ModelName, ProjectParams } from './schemas.js';

interface Upload {
  name?: string;
  inp?: { filename: string; bytes: Uint8Array };
  files: { name: string; content: Uint8Array }[];
}

const MAX_FILES = 20;
const SAFE_FILE = /^[^/\\\0]{1,200}$/;

async function readMultipart(req: FastifyRequest): Promise<Upload> {
  const up: Upload = { files: [] };
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'name' && typeof part.value === 'string') up.name = part.value.trim();
      continue;
    }
    const file = part as MultipartFile;
    const bytes = new Uint8Array(await file.toBuffer()); // throws 413 past the size limit
    const filename = file.filename || file.fieldname;
    if (!SAFE_FILE.test(filename)) throw badRequest(`invalid file name "${filename}"`);
    const isInp = file.fieldname === 'file' || (!up.inp && /\.inp$/i.test(filename));
    if (isInp && !up.inp) up.inp = { filename, bytes };
    else up.files.push({ name: filename, content: bytes });
    if (up.files.length > MAX_FILES) throw badRequest(`at most ${MAX_FILES} extra files`);
  }
  return up;
}

export const modelRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const { repo } = ctx;
  const tags = ['models'];

  app.get('/templates', { schema: { tags, summary: 'Bundled demo models' } }, async () =>
    TEMPLATES.map(({ id, name, description }) => ({ id, name, description })),
  );

  app.post(
    '/projects/:projectId/models',
    {
      schema: {
        tags,
        summary: 'Add a model: multipart upload (file = .inp, more files = rain data…), or JSON { name, inpText } / { name, templateId }',
        params: ProjectParams,
        consumes: ['multipart/form-data', 'application/json'],
      },
    },
    async (req, reply) => {
      const projectId = req.params.projectId;
      if (!(await repo.getProject(projectId))) throw notFound('project', projectId);
      let name: string;
      let inpText: string;
      let files: Upload['files'] = [];
      if (req.isMultipart()) {
        const up = await readMultipart(req);
        if (!up.inp) throw badRequest('multipart upload needs a "file" part with the .inp');
        inpText = decodeText(up.inp.bytes);
        name = up.name || up.inp.filename.replace(/\.inp$/i, '');
        const checked = ModelName.safeParse(name);
        if (!checked.success) throw badRequest('invalid model name', z.treeifyError(checked.error));
        files = up.files;
      } else {
        const parsed = ModelCreateJson.safeParse(req.body);
        if (!parsed.success) throw badRequest('body must be { name, inpText } or { name?, templateId }', parsed.error.issues);
        const body = parsed.data;
        if ('templateId' in body) {
          const text = await templateText(body.templateId);
          if (text === undefined) throw notFound('template', body.templateId);
          inpText = text;
          name = body.name ?? body.templateId;
        } else {
          inpText = body.inpText;
          name = body.name;
        }
      }
      const { model } = await importModel(repo, { projectId, name, inpText, files });
      reply.code(201);
      return model;
    },
  );

  app.get('/models/:modelId', { schema: { tags, summary: 'Model info with map geometry (GeoJSON)', params: ModelParams } }, async (req) => {
    const model = await repo.getModel(req.params.modelId);
    if (!model) throw notFound('model', req.params.modelId);
    const text = (await repo.getModelInp(model.id))!;
    // Prefer the engine's reading of the map sections; the server's own reader is the fallback.
    const parsed = parseModel(text);
    const inp = parseInp(text);
    return { ...model, geo: buildGeo(inp, parsed ? coordinatesFromModel(parsed.coordinates) : undefined) };
  });

  app.get('/models/:modelId/inp', { schema: { tags, summary: 'The model .inp text', params: ModelParams } }, async (req, reply) => {
    const text = await repo.getModelInp(req.params.modelId);
    if (text === undefined) throw notFound('model', req.params.modelId);
    reply.type('text/plain; charset=utf-8');
    return text;
  });

  app.get(
    '/models/:modelId/objects/:kind/:name',
    {
      schema: {
        tags,
        summary: 'Properties of one object (kind: subcatchment, node, link, gage, or junction/outfall/conduit/…)',
        params: ModelParams.extend({ kind: z.string().min(1).max(40), name: z.string().min(1).max(200) }),
      },
    },
    async (req) => {
      const text = await repo.getModelInp(req.params.modelId);
      if (text === undefined) throw notFound('model', req.params.modelId);
      const inp = parseInp(text);
      const ref = resolveObject(inp, req.params.kind, req.params.name);
      if (!ref) throw new ApiError(404, 'NOT_FOUND', `${req.params.kind} ${req.params.name} not found in model ${req.params.modelId}`);
      return { kind: ref.kind, name: ref.name, props: objectProps(inp, ref) };
    },
  );
};
