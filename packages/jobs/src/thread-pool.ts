// JobQueue on a piscina pool of worker threads: one simulation per thread at a time, extra jobs wait in
// piscina's queue. Cancelling a running job terminates its thread (the engine keeps no shared state).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { JobCancelledError, type JobHandlers, type JobQueue, type SimJob, type SimOutcome } from './types.js';
import type { WorkerMessage, WorkerTask } from './worker.js';

export interface ThreadPoolOptions {
  /** Simulation threads; default: cores − 1 (at least 1), keeping one core for the HTTP server. */
  threads?: number;
  /** Worker module; default: the compiled worker.js next to this file (or in dist/ when running from src/). */
  workerFile?: string;
}

function defaultWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const sibling = here.replace(/thread-pool\.(ts|js)$/, 'worker.js');
  if (existsSync(sibling)) return sibling;
  // Running the TypeScript source (tests): use the build output.
  const built = here.replace(/[\\/]src[\\/]thread-pool\.ts$/, '/dist/worker.js');
  if (existsSync(built)) return built;
  throw new Error(`@haimian/jobs worker not found (${sibling}); run \`tsc -b\` first`);
}

export class ThreadPoolQueue implements JobQueue {
  private readonly pool: Piscina<WorkerTask, SimOutcome>;
  private readonly running = new Map<string, AbortController>();
  private closed = false;

  constructor(options: ThreadPoolOptions = {}) {
    const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
    this.pool = new Piscina({
      filename: options.workerFile ?? defaultWorkerFile(),
      minThreads: 0,
      maxThreads: threads,
      // Keep a thread warm for a while: loading the engine module costs more than a small simulation.
      idleTimeout: 60_000,
      concurrentTasksPerWorker: 1,
    });
  }

  get pending(): number {
    return this.running.size;
  }

  async submit(job: SimJob, handlers: JobHandlers = {}): Promise<SimOutcome> {
    if (this.closed) throw new Error('job queue is closed');
    if (this.running.has(job.id)) throw new Error(`job ${job.id} is already queued`);
    const abort = new AbortController();
    this.running.set(job.id, abort);
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (m: WorkerMessage) => {
      if (m.type === 'start') handlers.onStart?.();
      else if (m.type === 'progress') handlers.onProgress?.(m.fraction);
    });
    try {
      const task: WorkerTask = { ...job, port: port2 };
      return await this.pool.run(task, { transferList: [port2], signal: abort.signal });
    } catch (err) {
      if (abort.signal.aborted) throw new JobCancelledError(job.id);
      throw err;
    } finally {
      port1.close();
      this.running.delete(job.id);
    }
  }

  cancel(jobId: string): boolean {
    const abort = this.running.get(jobId);
    if (!abort) return false;
    abort.abort();
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const a of this.running.values()) a.abort();
    await this.pool.destroy();
  }
}
