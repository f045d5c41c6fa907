// `node apps/server/dist/main.js`: open the database (migrating it), recover from a previous crash, seed the demo,
// start the simulation threads and serve the API and web app.
import { openDatabase } from '@haimian/db';
import { ThreadPoolQueue } from '@haimian/jobs';
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import { INTERRUPTED } from './services/runs.js';
import { seedDemo } from './services/templates.js';

async function main(): Promise<void> {
  const config = configFromEnv();
  const database = await openDatabase({ url: config.databaseUrl, sqliteFile: config.sqliteFile });
  const queue = new ThreadPoolQueue({ threads: config.jobThreads });
  const app = await buildApp({
    repo: database.repo,
    dialect: database.dialect,
    queue,
    maxUploadBytes: config.maxUploadBytes,
    webDist: config.webDist,
    logger: { level: config.logLevel },
  });
  const interrupted = await database.repo.failInterruptedRuns(INTERRUPTED);
  if (interrupted) app.log.warn({ runs: interrupted }, 'runs left unfinished by a previous server were marked failed');
  if (config.seedDemo && (await seedDemo(database.repo))) app.log.info('seeded the Beijing demo project');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.ctx.runs.shutdown(); // running simulations are recorded as interrupted
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  const where = database.dialect === 'sqlite' ? `SQLite ${config.sqliteFile}` : 'PostgreSQL';
  process.stdout.write(`\nHaimian is running at http://localhost:${config.port}/  (API docs: http://localhost:${config.port}/api/docs, database: ${where})\n\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`haimian server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
