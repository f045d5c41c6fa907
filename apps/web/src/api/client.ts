// Thin fetch wrappers over the platform REST API (docs/platform-api.md). Every call throws ApiError on a non-2xx
// answer, carrying the server's coded error so the UI can show it.
import type {
  Change, CompareResult, ModelInfo, ModelWithGeo, ObjectProps, Project, ProjectDetail, Run, RunResults,
  DesignStormPreview, DesignStormRequest, Scenario, Series, Template,
} from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const base = '/api';

async function request(path: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(base + path, init);
  if (!res.ok) {
    let code = `HTTP_${res.status}`;
    let message = res.statusText || code;
    let details: unknown;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
      if (body.error) {
        code = body.error.code ?? code;
        message = body.error.message ?? message;
        details = body.error.details;
      }
    } catch {
      // Non-JSON error bodies keep the HTTP status text.
    }
    throw new ApiError(res.status, code, message, details);
  }
  return res;
}

async function json<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await request(path, init);
  return (await res.json()) as T;
}

function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  return json<T>(path, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const enc = encodeURIComponent;

export const api = {
  listProjects: () => json<Project[]>('/projects'),
  createProject: (name: string, description?: string) => send<Project>('POST', '/projects', { name, description }),
  getProject: (id: string) => json<ProjectDetail>(`/projects/${enc(id)}`),
  listTemplates: () => json<Template[]>('/templates'),
  createModelFromTemplate: (projectId: string, name: string, templateId: string) =>
    send<ModelInfo>('POST', `/projects/${enc(projectId)}/models`, { name, templateId }),
  createModelFromText: (projectId: string, name: string, inpText: string) =>
    send<ModelInfo>('POST', `/projects/${enc(projectId)}/models`, { name, inpText }),
  /** Multipart upload: the .inp as "file", any other files (rain data…) after it. */
  uploadModel: (projectId: string, files: readonly File[], name?: string) => {
    const form = new FormData();
    if (name) form.append('name', name);
    const inp = files.find((f) => /\.inp$/i.test(f.name)) ?? files[0];
    if (inp) form.append('file', inp, inp.name);
    for (const f of files) if (f !== inp) form.append('extra', f, f.name);
    return json<ModelInfo>(`/projects/${enc(projectId)}/models`, { method: 'POST', body: form });
  },
  getModel: (id: string) => json<ModelWithGeo>(`/models/${enc(id)}`),
  getObject: (modelId: string, kind: string, name: string) =>
    json<ObjectProps>(`/models/${enc(modelId)}/objects/${enc(kind)}/${enc(name)}`),
  listScenarios: (projectId: string) => json<Scenario[]>(`/projects/${enc(projectId)}/scenarios`),
  createScenario: (projectId: string, body: { name: string; modelId: string; baseScenarioId?: string; changes?: Change[] }) =>
    send<Scenario>('POST', `/projects/${enc(projectId)}/scenarios`, body),
  updateScenario: (id: string, body: { name?: string; changes?: Change[] }) =>
    send<Scenario>('PATCH', `/scenarios/${enc(id)}`, body),
  deleteScenario: (id: string) => request(`/scenarios/${enc(id)}`, { method: 'DELETE' }).then(() => undefined),
  scenarioInp: async (id: string) => (await request(`/scenarios/${enc(id)}/inp`)).text(),
  startRun: (scenarioId: string) => send<Run>('POST', `/scenarios/${enc(scenarioId)}/runs`, {}),
  getRun: (id: string) => json<Run>(`/runs/${enc(id)}`),
  listRuns: (projectId: string) => json<Run[]>(`/projects/${enc(projectId)}/runs`),
  runResults: (id: string) => json<RunResults>(`/runs/${enc(id)}/results`),
  runSeries: (id: string, kind: string, name: string, variable: string) =>
    json<Series>(`/runs/${enc(id)}/series?kind=${enc(kind)}&name=${enc(name)}&variable=${enc(variable)}`),
  reportUrl: (id: string) => `${base}/runs/${enc(id)}/report`,
  designStorm: (body: DesignStormRequest) => send<DesignStormPreview>('POST', '/design/storm', body),
  compare: (runA: string, runB: string) => json<CompareResult>(`/compare?runA=${enc(runA)}&runB=${enc(runB)}`),
};
