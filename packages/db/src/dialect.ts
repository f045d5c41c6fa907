// Everything that differs between SQLite and PostgreSQL lives here, so migrations and repositories stay portable.
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** Column type for binary content (.out files, uploaded rain files). */
export function binaryType(dialect: DialectName): 'blob' | 'bytea' {
  return dialect === 'sqlite' ? 'blob' : 'bytea';
}

/** Both drivers return Node Buffers for binary columns; hand out plain Uint8Array views. */
export function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError('expected binary column value');
}

/** Drivers want Buffers on the way in (pg does not accept bare Uint8Array for bytea in every version). */
export function fromBytes(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export interface SqliteOptions {
  /** File path, or ':memory:'. */
  filename: string;
}

export interface PostgresOptions {
  connectionString: string;
  /** Schema to create and use (search_path); tests use a fresh one per run. Default "public". */
  schema?: string;
  /** Pool size; default 10. */
  max?: number;
}

export async function openSqlite(opts: SqliteOptions): Promise<Kysely<Database>> {
  const { default: SQLite } = await import('better-sqlite3');
  const database = new SQLite(opts.filename);
  // WAL: readers don't block the writer, and a killed process leaves a consistent file.
  if (opts.filename !== ':memory:') database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgres(opts: PostgresOptions): Promise<Kysely<Database>> {
  const { default: pg } = await import('pg');
  const schema = opts.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  if (schema !== 'public') {
    const client = new pg.Client({ connectionString: opts.connectionString });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    options: `-c search_path="${schema}"`,
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Drop a whole schema (tests clean up after themselves). */
export async function dropPostgresSchema(connectionString: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema) || schema === 'public') throw new Error(`refusing to drop schema ${schema}`);
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export { sql };
