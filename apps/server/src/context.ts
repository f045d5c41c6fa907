import type { DialectName, Repo } from '@haimian/db';
import type { RunService } from './services/runs.js';
import type { ResultsService } from './services/results.js';

/** What the routes need, wired once by buildApp. */
export interface AppContext {
  repo: Repo;
  dialect: DialectName;
  runs: RunService;
  results: ResultsService;
}
