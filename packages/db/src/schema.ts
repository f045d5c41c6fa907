// Table types for Kysely. Portable column choices (see migrations.ts):
// ids are text UUIDs, timestamps ISO-8601 text (sorts lexicographically), booleans 0/1 integers,
// JSON documents as text — identical on SQLite and PostgreSQL. Only binary columns differ by dialect.
import type { Insertable, Selectable, Updateable } from 'kysely';

export interface ProjectsTable {
  id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface ModelsTable {
  id: string;
  project_id: string;
  name: string;
  inp_text: string;
  flow_units: string;
  /** JSON: { subcatchments, nodes, links, ... } */
  counts_json: string;
  created_at: string;
}

/** Extra files a model refers to (rain .dat, external time series), injected into the engine at run time. */
export interface ModelFilesTable {
  model_id: string;
  name: string;
  content: Uint8Array;
}

export interface ScenariosTable {
  id: string;
  project_id: string;
  model_id: string;
  name: string;
  is_baseline: number;
  /** JSON: Change[] */
  changes_json: string;
  created_at: string;
  updated_at: string;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface RunsTable {
  id: string;
  project_id: string;
  scenario_id: string;
  status: RunStatus;
  progress: number;
  error: string | null;
  /** JSON: engine RunSummary (+ warnings) */
  summary_json: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** Outputs of a finished run: 'report' (.rpt text), 'output' (.out bytes), 'results' (RunResults JSON text). */
export interface RunArtifactsTable {
  run_id: string;
  name: string;
  content_text: string | null;
  content_bytes: Uint8Array | null;
}

export interface Database {
  projects: ProjectsTable;
  models: ModelsTable;
  model_files: ModelFilesTable;
  scenarios: ScenariosTable;
  runs: RunsTable;
  run_artifacts: RunArtifactsTable;
}

export type ProjectRow = Selectable<ProjectsTable>;
export type ModelRow = Selectable<ModelsTable>;
export type ScenarioRow = Selectable<ScenariosTable>;
export type RunRow = Selectable<RunsTable>;
export type NewRun = Insertable<RunsTable>;
export type RunUpdate = Updateable<RunsTable>;
