// Runs: compose the scenario's .inp, queue it, and mirror the job's life in the database
// (queued → running with throttled progress → done with artefacts | failed with the reason).
import type { Repo, Run, Scenario } from '@haimian/db';
import { JobCancelledError, type JobQueue, type SimOutcome } from '@haimian/jobs';
import type { FastifyBaseLogger } from 'fastify';
import { applyChanges, ChangeError, withFullReport, type Change } from '../inp/changes.js';
import { ApiError, notFound } from '../lib/errors.js';

/** Progress is written at most this often per run (the worker already thins it out). */
const PROGRESS_WRITE_MS = 500;

export const INTERRUPTED = 'interrupted: the server stopped before this run finished; start it again';

export class RunService {
  private readonly active = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly repo: Repo,
    private readonly queue: JobQueue,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** The scenario's model text with its changes applied; 400 when a change does not fit the model. */
  async scenarioInp(scenario: Scenario): Promise<string> {
    const base = await this.repo.getModelInp(scenario.modelId);
    if (base === undefined) throw notFound('model', scenario.modelId);
    return composeInp(base, scenario.changes as Change[]);
  }

  async start(scenario: Scenario): Promise<Run> {
    if (this.stopping) throw new ApiError(409, 'CONFLICT', 'the server is shutting down');
    const inpText = withFullReport(await this.scenarioInp(scenario));
    const files = Object.fromEntries((await this.repo.getModelFiles(scenario.modelId)).map((f) => [f.name, f.content]));
    const run = await this.repo.createRun(scenario);
    const done = this.execute(run, inpText, files, `${scenario.name}.inp`).finally(() => this.active.delete(run.id));
    this.active.set(run.id, done);
    return run;
  }

  cancel(runId: string): boolean {
    return this.queue.cancel(runId);
  }

  /** Stop: cancel queued and running simulations (recorded as interrupted) and wait for their records. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    await this.queue.close();
    await this.idle();
  }

  /** Resolves when every run started so far has settled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.active.size) await Promise.allSettled([...this.active.values()]);
  }

  private async execute(run: Run, inpText: string, files: Record<string, Uint8Array>, inpName: string): Promise<void> {
    // All DB writes of one run go through one chain, so a late progress write never lands after "done".
    let chain: Promise<unknown> = Promise.resolve();
    const write = (f: () => Promise<unknown>) => {
      chain = chain.then(f).catch((err: unknown) => this.log.error({ err, runId: run.id }, 'run state write failed'));
      return chain;
    };
    let lastWrite = 0;
    let outcome: SimOutcome | undefined;
    let failure: string | undefined;
    try {
      outcome = await this.queue.submit(
        { id: run.id, inpText, inpName, files },
        {
          onStart: () => void write(() => this.repo.markRunning(run.id)),
          onProgress: (fraction) => {
            const now = Date.now();
            if (now - lastWrite < PROGRESS_WRITE_MS) return;
            lastWrite = now;
            void write(() => this.repo.setProgress(run.id, fraction));
          },
        },
      );
    } catch (err) {
      if (this.stopping) failure = INTERRUPTED;
      else if (err instanceof JobCancelledError) failure = 'run cancelled';
      else failure = `run could not be executed: ${err instanceof Error ? err.message : String(err)}`;
    }
    await write(async () => {
      if (failure || !outcome) return this.repo.failRun(run.id, failure ?? 'no outcome');
      const summary = { ...(outcome.summary ?? {}), warnings: outcome.warnings };
      if (!outcome.ok) {
        const first = outcome.errors[0];
        const msg = first ? `ERROR ${first.code}: ${first.message}${first.line ? ` (line ${first.line})` : ''}` : 'the engine reported a failure';
        return this.repo.failRun(run.id, msg, outcome.report, { ...summary, errors: outcome.errors });
      }
      const results = outcome.results ?? { error: outcome.resultsError ?? 'results unavailable' };
      return this.repo.finishRun(run.id, { report: outcome.report, output: outcome.output, results, summary });
    });
    this.log.info({ runId: run.id, ok: outcome?.ok ?? false, failure }, 'run settled');
  }
}

export function composeInp(base: string, changes: Change[]): string {
  try {
    return applyChanges(base, changes);
  } catch (err) {
    if (err instanceof ChangeError) throw new ApiError(400, 'INVALID_CHANGE', err.message, { index: err.index });
    throw err;
  }
}

export function assertRunDone(run: Run): void {
  if (run.status !== 'done') {
    throw new ApiError(409, 'RUN_NOT_FINISHED', `run ${run.id} is ${run.status}${run.error ? `: ${run.error}` : ''}`);
  }
}
