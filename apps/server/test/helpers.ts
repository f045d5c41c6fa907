// Test wiring: an app on a fresh database (SQLite, or PostgreSQL when TEST_DATABASE_URL is set) with either the
// real thread pool or a stand-in queue that returns a fixed outcome (to test the server's run handling on its own).
import type { OpenDatabase, TestBackend } from '@haimian/db';
import type { JobHandlers, JobQueue, SimJob, SimOutcome } from '@haimian/jobs';
import { computeResults, readOut } from '@haimian/jobs';
import { buildApp } from '../src/app.js';
import { sampleOut } from '../../../packages/jobs/test/out-writer.js';

export type TestApp = Awaited<ReturnType<typeof buildApp>> & { odb: OpenDatabase; queue: JobQueue };

export async function makeApp(backend: TestBackend, opts: { queue?: JobQueue; maxUploadBytes?: number } = {}): Promise<TestApp> {
  const odb = await backend.open();
  const queue = opts.queue ?? new StubQueue();
  const app = await buildApp({ repo: odb.repo, dialect: odb.dialect, queue, maxUploadBytes: opts.maxUploadBytes, webDist: '/nonexistent' });
  await app.ready();
  return Object.assign(app, { odb, queue });
}

export async function closeApp(app: TestApp): Promise<void> {
  await app.ctx.runs.idle();
  await app.close();
  await app.queue.close();
  await app.odb.close();
}

/** A JobQueue that "simulates" instantly: start, two progress reports, then a fixed outcome (or a failure). */
export class StubQueue implements JobQueue {
  readonly jobs: SimJob[] = [];
  pending = 0;
  constructor(private readonly outcome: (job: SimJob) => SimOutcome = okOutcome) {}
  async submit(job: SimJob, h: JobHandlers = {}): Promise<SimOutcome> {
    this.jobs.push(job);
    this.pending++;
    try {
      await new Promise((r) => setTimeout(r, 5));
      h.onStart?.();
      h.onProgress?.(0.5);
      await new Promise((r) => setTimeout(r, 5));
      return this.outcome(job);
    } finally {
      this.pending--;
    }
  }
  cancel(): boolean {
    return false;
  }
  async close(): Promise<void> {}
}

export function okOutcome(job: SimJob): SimOutcome {
  const output = sampleOut();
  return {
    ok: true,
    report: `REPORT for ${job.id}\n`,
    output,
    errors: [],
    warnings: ['WARNING 04: minimum elevation drop used for Conduit C1'],
    summary: { flowUnits: 'LPS', runoffContinuityErrorPct: -0.1, routingContinuityErrorPct: 0.2, totalPrecipVolume: 0.004, totalRunoffVolume: 0.0007, routingSteps: 10 },
    results: computeResults(readOut(output), null),
  };
}

export function failedOutcome(): SimOutcome {
  return {
    ok: false,
    report: 'ERROR 209: undefined object J9 at line 12 of input file\n',
    output: new Uint8Array(),
    errors: [{ code: 209, message: 'undefined object J9', line: 12, section: '[CONDUITS]', token: 'J9' }],
    warnings: [],
    summary: null,
    results: null,
  };
}

export async function waitFor<T>(f: () => Promise<T | undefined>, timeoutMs = 30_000, stepMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Multipart body by hand (no form-data dependency): parts are [fieldName, fileName | null, content]. */
export function multipart(parts: [string, string | null, string | Uint8Array][]): { body: Buffer; contentType: string } {
  const boundary = '----haimian' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const [field, file, content] of parts) {
    const disp = `form-data; name="${field}"` + (file !== null ? `; filename="${file}"` : '');
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${file !== null ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`));
    chunks.push(typeof content === 'string' ? Buffer.from(content) : Buffer.from(content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
