// Server configuration from the environment (defaults give the one-command local set-up).
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerConfig {
  host: string;
  port: number;
  /** postgres://… → PostgreSQL; otherwise the SQLite file below. */
  databaseUrl?: string;
  sqliteFile: string;
  /** Largest accepted upload / JSON body, bytes. */
  maxUploadBytes: number;
  /** Simulation worker threads. */
  jobThreads?: number;
  /** Built web app to serve at / (skipped when absent). */
  webDist: string;
  /** Seed the Beijing demo project when the database has no projects. */
  seedDemo: boolean;
  logLevel: string;
}

function int(v: string | undefined, fallback: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    host: env.HOST || 'localhost',
    port: int(env.PORT, 8080),
    databaseUrl: env.DATABASE_URL || undefined,
    sqliteFile: env.SQLITE_FILE || `${REPO_ROOT}data/haimian.sqlite`,
    maxUploadBytes: int(env.MAX_UPLOAD_MB, 20) * 1024 * 1024,
    jobThreads: env.JOB_THREADS ? int(env.JOB_THREADS, 1) : undefined,
    webDist: env.WEB_DIST || `${REPO_ROOT}apps/web/dist`,
    seedDemo: env.SEED_DEMO !== '0',
    logLevel: env.LOG_LEVEL || 'info',
  };
}
