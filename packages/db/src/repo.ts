// Repository: the platform's storage operations in domain terms (camelCase objects, parsed JSON).
// Every operation that writes more than one row runs in one transaction, so a failure leaves nothing half-saved.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { fromBytes, toBytes } from './dialect.js';
import type { Database, ModelRow, ProjectRow, RunRow, RunStatus, ScenarioRow } from './schema.js';

export interface Project {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export interface ModelInfo {
  id: string;
  projectId: string;
  name: string;
  flowUnits: string;
  counts: Record<string, number>;
  createdAt: string;
}

export interface Scenario<C = unknown> {
  id: string;
  projectId: string;
  modelId: string;
  name: string;
  isBaseline: boolean;
  changes: C[];
  createdAt: string;
  updatedAt: string;
}

export interface Run {
  id: string;
  projectId: string;
  scenarioId: string;
  status: RunStatus;
  progress: number;
  error?: string;
  summary?: unknown;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface NewModel {
  projectId: string;
  name: string;
  inpText: string;
  flowUnits: string;
  counts: Record<string, number>;
  files?: { name: string; content: Uint8Array }[];
}

export interface RunOutputs {
  report: string;
  output: Uint8Array;
  /** Derived results (RunResults JSON) stored alongside, so listings don't re-read the .out. */
  results: unknown;
  summary: unknown;
}

const toProject = (r: ProjectRow): Project => ({
  id: r.id,
  name: r.name,
  description: r.description,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toModel = (r: Omit<ModelRow, 'inp_text'>): ModelInfo => ({
  id: r.id,
  projectId: r.project_id,
  name: r.name,
  flowUnits: r.flow_units,
  counts: JSON.parse(r.counts_json) as Record<string, number>,
  createdAt: r.created_at,
});

const toScenario = (r: ScenarioRow): Scenario => ({
  id: r.id,
  projectId: r.project_id,
  modelId: r.model_id,
  name: r.name,
  isBaseline: Number(r.is_baseline) === 1,
  changes: JSON.parse(r.changes_json) as unknown[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRun = (r: RunRow): Run => {
  const run: Run = {
    id: r.id,
    projectId: r.project_id,
    scenarioId: r.scenario_id,
    status: r.status,
    progress: Number(r.progress),
    createdAt: r.created_at,
  };
  if (r.error != null) run.error = r.error;
  if (r.summary_json != null) run.summary = JSON.parse(r.summary_json);
  if (r.started_at != null) run.startedAt = r.started_at;
  if (r.finished_at != null) run.finishedAt = r.finished_at;
  return run;
};

const MODEL_INFO_COLUMNS = ['id', 'project_id', 'name', 'flow_units', 'counts_json', 'created_at'] as const;

export class Repo {
  constructor(
    readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Runs `fn` in one transaction with a Repo bound to it (all or nothing across several operations). */
  async transaction<T>(fn: (repo: Repo) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new Repo(trx, this.now)));
  }

  /** One transaction, reusing the current one when this Repo is already bound to a transaction. */
  private tx<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this.db);
    return this.db.transaction().execute(fn);
  }

  // ---- projects ----
  async listProjects(): Promise<Project[]> {
    const rows = await this.db.selectFrom('projects').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toProject);
  }

  async getProject(id: string): Promise<Project | undefined> {
    const row = await this.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProject(row);
  }

  async createProject(input: { name: string; description?: string }): Promise<Project> {
    const t = this.stamp();
    const row: ProjectRow = { id: randomUUID(), name: input.name, description: input.description ?? '', created_at: t, updated_at: t };
    await this.db.insertInto('projects').values(row).execute();
    return toProject(row);
  }

  async updateProject(id: string, patch: { name?: string; description?: string }): Promise<Project | undefined> {
    const set: Partial<ProjectRow> = { updated_at: this.stamp() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.description !== undefined) set.description = patch.description;
    const res = await this.db.updateTable('projects').set(set).where('id', '=', id).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return undefined;
    return this.getProject(id);
  }

  /** Deletes the project and (by cascade) its models, scenarios, runs and artefacts. */
  async deleteProject(id: string): Promise<boolean> {
    const res = await this.db.deleteFrom('projects').where('id', '=', id).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  // ---- models ----
  /** Stores a model, its extra files and its baseline scenario together (all or nothing). */
  async createModelWithBaseline(input: NewModel, baselineName = 'Baseline'): Promise<{ model: ModelInfo; baseline: Scenario }> {
    return this.tx(async (trx) => {
      const t = this.stamp();
      const model: ModelRow = {
        id: randomUUID(),
        project_id: input.projectId,
        name: input.name,
        inp_text: input.inpText,
        flow_units: input.flowUnits,
        counts_json: JSON.stringify(input.counts),
        created_at: t,
      };
      await trx.insertInto('models').values(model).execute();
      for (const f of input.files ?? []) {
        await trx.insertInto('model_files').values({ model_id: model.id, name: f.name, content: fromBytes(f.content) }).execute();
      }
      const scenario: ScenarioRow = {
        id: randomUUID(),
        project_id: input.projectId,
        model_id: model.id,
        name: baselineName,
        is_baseline: 1,
        changes_json: '[]',
        created_at: t,
        updated_at: t,
      };
      await trx.insertInto('scenarios').values(scenario).execute();
      await trx.updateTable('projects').set({ updated_at: t }).where('id', '=', input.projectId).execute();
      return { model: toModel(model), baseline: toScenario(scenario) };
    });
  }

  async listModels(projectId: string): Promise<ModelInfo[]> {
    const rows = await this.db
      .selectFrom('models')
      .select(MODEL_INFO_COLUMNS)
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toModel);
  }

  async getModel(id: string): Promise<ModelInfo | undefined> {
    const row = await this.db.selectFrom('models').select(MODEL_INFO_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toModel(row);
  }

  async getModelInp(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('models').select('inp_text').where('id', '=', id).executeTakeFirst();
    return row?.inp_text;
  }

  async getModelFiles(id: string): Promise<{ name: string; content: Uint8Array }[]> {
    const rows = await this.db.selectFrom('model_files').select(['name', 'content']).where('model_id', '=', id).orderBy('name').execute();
    return rows.map((r) => ({ name: r.name, content: toBytes(r.content) }));
  }

  // ---- scenarios ----
  async listScenarios(projectId: string): Promise<Scenario[]> {
    const rows = await this.db
      .selectFrom('scenarios')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .orderBy('is_baseline', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toScenario);
  }

  async getScenario(id: string): Promise<Scenario | undefined> {
    const row = await this.db.selectFrom('scenarios').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toScenario(row);
  }

  async createScenario(input: { projectId: string; modelId: string; name: string; changes: unknown[] }): Promise<Scenario> {
    const t = this.stamp();
    const row: ScenarioRow = {
      id: randomUUID(),
      project_id: input.projectId,
      model_id: input.modelId,
      name: input.name,
      is_baseline: 0,
      changes_json: JSON.stringify(input.changes),
      created_at: t,
      updated_at: t,
    };
    await this.db.insertInto('scenarios').values(row).execute();
    return toScenario(row);
  }

  async updateScenario(id: string, patch: { name?: string; changes?: unknown[] }): Promise<Scenario | undefined> {
    const set: Partial<ScenarioRow> = { updated_at: this.stamp() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.changes !== undefined) set.changes_json = JSON.stringify(patch.changes);
    const res = await this.db.updateTable('scenarios').set(set).where('id', '=', id).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return undefined;
    return this.getScenario(id);
  }

  async deleteScenario(id: string): Promise<boolean> {
    const res = await this.db.deleteFrom('scenarios').where('id', '=', id).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  // ---- runs ----
  async createRun(scenario: { id: string; projectId: string }): Promise<Run> {
    const row: RunRow = {
      id: randomUUID(),
      project_id: scenario.projectId,
      scenario_id: scenario.id,
      status: 'queued',
      progress: 0,
      error: null,
      summary_json: null,
      created_at: this.stamp(),
      started_at: null,
      finished_at: null,
    };
    await this.db.insertInto('runs').values(row).execute();
    return toRun(row);
  }

  async getRun(id: string): Promise<Run | undefined> {
    const row = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRun(row);
  }

  async listRuns(projectId: string): Promise<Run[]> {
    const rows = await this.db.selectFrom('runs').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toRun);
  }

  async listRunsByStatus(statuses: RunStatus[]): Promise<Run[]> {
    const rows = await this.db.selectFrom('runs').selectAll().where('status', 'in', statuses).orderBy('created_at').execute();
    return rows.map(toRun);
  }

  /** queued → running. Returns false when the run no longer exists or is not queued. */
  async markRunning(id: string): Promise<boolean> {
    const res = await this.db
      .updateTable('runs')
      .set({ status: 'running', started_at: this.stamp(), progress: 0 })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) > 0;
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.db
      .updateTable('runs')
      .set({ progress: Math.min(1, Math.max(0, progress)) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  /** Stores the artefacts and marks the run done, in one transaction. */
  async finishRun(id: string, out: RunOutputs): Promise<boolean> {
    return this.tx(async (trx) => {
      const res = await trx
        .updateTable('runs')
        .set({ status: 'done', progress: 1, summary_json: JSON.stringify(out.summary ?? null), finished_at: this.stamp(), error: null })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      await this.putArtifacts(trx, id, [
        { name: 'report', text: out.report },
        { name: 'output', bytes: out.output },
        { name: 'results', text: JSON.stringify(out.results) },
      ]);
      return true;
    });
  }

  /** Marks the run failed, keeping the engine's report (which lists the errors) when there is one. */
  async failRun(id: string, error: string, report?: string, summary?: unknown): Promise<boolean> {
    return this.tx(async (trx) => {
      const res = await trx
        .updateTable('runs')
        .set({ status: 'failed', error, finished_at: this.stamp(), summary_json: summary === undefined ? null : JSON.stringify(summary) })
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) return false;
      if (report) await this.putArtifacts(trx, id, [{ name: 'report', text: report }]);
      return true;
    });
  }

  /** At start-up: runs a previous (killed) server left queued or running can't finish; mark them failed. */
  async failInterruptedRuns(message: string): Promise<number> {
    const res = await this.db
      .updateTable('runs')
      .set({ status: 'failed', error: message, finished_at: this.stamp() })
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  private async putArtifacts(trx: Kysely<Database>, runId: string, items: { name: string; text?: string; bytes?: Uint8Array }[]): Promise<void> {
    for (const it of items) {
      await trx.deleteFrom('run_artifacts').where('run_id', '=', runId).where('name', '=', it.name).execute();
      await trx
        .insertInto('run_artifacts')
        .values({
          run_id: runId,
          name: it.name,
          content_text: it.text ?? null,
          content_bytes: it.bytes ? fromBytes(it.bytes) : null,
        })
        .execute();
    }
  }

  async getArtifactText(runId: string, name: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('run_artifacts').select('content_text').where('run_id', '=', runId).where('name', '=', name).executeTakeFirst();
    return row?.content_text ?? undefined;
  }

  async getArtifactBytes(runId: string, name: string): Promise<Uint8Array | undefined> {
    const row = await this.db.selectFrom('run_artifacts').select('content_bytes').where('run_id', '=', runId).where('name', '=', name).executeTakeFirst();
    return row?.content_bytes == null ? undefined : toBytes(row.content_bytes);
  }
}
