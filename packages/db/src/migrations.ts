// Schema migrations, run at every start (idempotent: Kysely's Migrator records what has been applied).
// Add new migrations at the end with a sortable name; never edit an applied one.
import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import { binaryType, type DialectName } from './dialect.js';

function migrationList(dialect: DialectName): Record<string, Migration> {
  const bin = binaryType(dialect);
  return {
    '0001_init': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('projects')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('models')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('inp_text', 'text', (c) => c.notNull())
          .addColumn('flow_units', 'text', (c) => c.notNull())
          .addColumn('counts_json', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('models_project').on('models').column('project_id').execute();
        await db.schema
          .createTable('model_files')
          .addColumn('model_id', 'text', (c) => c.notNull().references('models.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('content', bin, (c) => c.notNull())
          .addPrimaryKeyConstraint('model_files_pk', ['model_id', 'name'])
          .execute();
        await db.schema
          .createTable('scenarios')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
          .addColumn('model_id', 'text', (c) => c.notNull().references('models.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('is_baseline', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('changes_json', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('scenarios_project').on('scenarios').column('project_id').execute();
        await db.schema
          .createTable('runs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
          .addColumn('scenario_id', 'text', (c) => c.notNull().references('scenarios.id').onDelete('cascade'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
          .addColumn('error', 'text')
          .addColumn('summary_json', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('started_at', 'text')
          .addColumn('finished_at', 'text')
          .execute();
        await db.schema.createIndex('runs_project').on('runs').column('project_id').execute();
        await db.schema.createIndex('runs_scenario').on('runs').column('scenario_id').execute();
        await db.schema.createIndex('runs_status').on('runs').column('status').execute();
        await db.schema
          .createTable('run_artifacts')
          .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('content_text', 'text')
          .addColumn('content_bytes', bin)
          .addPrimaryKeyConstraint('run_artifacts_pk', ['run_id', 'name'])
          .execute();
      },
      async down(db: Kysely<any>) {
        for (const t of ['run_artifacts', 'runs', 'scenarios', 'model_files', 'models', 'projects']) {
          await db.schema.dropTable(t).ifExists().execute();
        }
      },
    },
  };
}

/** Apply all pending migrations; throws with the failing migration's error. Returns the names applied now. */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName, pgSchema = 'public'): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationList(dialect) };
  // PostgreSQL: name the schema, or the migrator may see another schema's bookkeeping tables and skip creating its own.
  const migrator = new Migrator({ db, provider, ...(dialect === 'postgres' ? { migrationTableSchema: pgSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
