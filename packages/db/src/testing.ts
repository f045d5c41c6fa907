// Helpers for test suites (here and in apps/server): the same tests run against SQLite and, when
// TEST_DATABASE_URL points at a PostgreSQL server, against PostgreSQL in a fresh schema that is dropped afterwards.
import { randomBytes } from 'node:crypto';
import { dropPostgresSchema } from './dialect.js';
import { isPostgresUrl, openDatabase, type OpenDatabase } from './index.js';
import type { DialectName } from './dialect.js';

export interface TestBackend {
  name: DialectName;
  /** False when the backend can't be used here (the suite should skip, after printing `skipReason` once). */
  available: boolean;
  skipReason?: string;
  /** Opens a fresh, migrated, empty database; `close()` also removes it. */
  open(options?: { sqliteFile?: string }): Promise<OpenDatabase>;
}

let printed = false;

export function testBackends(): TestBackend[] {
  const url = process.env.TEST_DATABASE_URL;
  const pgAvailable = isPostgresUrl(url);
  if (!pgAvailable && !printed) {
    printed = true;
    console.log('TEST_DATABASE_URL is not set: PostgreSQL variants of the database tests are skipped (CI sets it).');
  }
  return [
    {
      name: 'sqlite',
      available: true,
      open: (o) => openDatabase({ sqliteFile: o?.sqliteFile ?? ':memory:' }),
    },
    {
      name: 'postgres',
      available: pgAvailable,
      skipReason: pgAvailable ? undefined : 'TEST_DATABASE_URL not set',
      async open() {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const opened = await openDatabase({ url, pgSchema: schema });
        return {
          ...opened,
          async close() {
            await opened.close();
            await dropPostgresSchema(url!, schema);
          },
        };
      },
    },
  ];
}
