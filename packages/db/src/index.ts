// @haimian/db public API: open a database (SQLite file by default, PostgreSQL when given a postgres:// URL),
// migrate it, and get a Repo.
import type { Kysely } from 'kysely';
import { dropPostgresSchema, openPostgres, openSqlite, type DialectName } from './dialect.js';
import { migrateToLatest } from './migrations.js';
import { Repo } from './repo.js';
import type { Database } from './schema.js';

export type { DialectName } from './dialect.js';
export type { Database, RunStatus } from './schema.js';
export type { Project, ModelInfo, Scenario, Run, NewModel, RunOutputs } from './repo.js';
export { Repo } from './repo.js';
export { migrateToLatest } from './migrations.js';
export { dropPostgresSchema } from './dialect.js';

export interface DatabaseConfig {
  /** postgres:// or postgresql:// URL → PostgreSQL; otherwise ignored. */
  url?: string;
  /** SQLite file (default 'data/haimian.sqlite'); ':memory:' for tests. */
  sqliteFile?: string;
  /** PostgreSQL schema (created if missing). */
  pgSchema?: string;
  /** Clock for timestamps (tests). */
  now?: () => Date;
}

export interface OpenDatabase {
  dialect: DialectName;
  /** PostgreSQL schema in use (undefined for SQLite). */
  pgSchema?: string;
  db: Kysely<Database>;
  repo: Repo;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** Open, migrate and wrap the database. */
export async function openDatabase(config: DatabaseConfig = {}): Promise<OpenDatabase> {
  let dialect: DialectName;
  let db: Kysely<Database>;
  if (isPostgresUrl(config.url)) {
    dialect = 'postgres';
    db = await openPostgres({ connectionString: config.url, schema: config.pgSchema });
  } else {
    dialect = 'sqlite';
    const filename = config.sqliteFile ?? 'data/haimian.sqlite';
    if (filename !== ':memory:') {
      const { mkdirSync } = await import('node:fs');
      const { dirname } = await import('node:path');
      mkdirSync(dirname(filename), { recursive: true });
    }
    db = await openSqlite({ filename });
  }
  try {
    await migrateToLatest(db, dialect, config.pgSchema);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { dialect, pgSchema: dialect === 'postgres' ? (config.pgSchema ?? 'public') : undefined, db, repo: new Repo(db, config.now), close: () => db.destroy() };
}
export { testBackends, type TestBackend } from './testing.js';
