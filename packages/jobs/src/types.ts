// The job contract between the platform and whatever runs simulations (threads now, a Redis queue later).
import type { EngineError, RunSummary } from '@haimian/engine';
import type { RunResults } from './results.js';

export interface SimJob {
  /** Caller's id for the job (the run id); used to cancel it. */
  id: string;
  inpText: string;
  /** File name used in engine messages. */
  inpName?: string;
  /** External files the .inp refers to (rain .dat etc.). */
  files?: Record<string, string | Uint8Array>;
}

export interface SimOutcome {
  ok: boolean;
  report: string;
  output: Uint8Array;
  errors: EngineError[];
  warnings: string[];
  summary: RunSummary | null;
  /** Derived headline results (null when the run failed or its output could not be read). */
  results: RunResults | null;
  /** Why `results` is null although the run succeeded. */
  resultsError?: string;
}

export interface JobHandlers {
  /** The job left the queue and a worker started simulating it. */
  onStart?: () => void;
  /** Fraction (0..1) of simulated time done; throttled by the worker. */
  onProgress?: (fraction: number) => void;
}

/**
 * A queue of simulations. `submit` resolves with the outcome (also for engine failures: ok=false with errors)
 * and rejects only when the job could not be executed (cancelled, worker crashed, queue closed).
 */
export interface JobQueue {
  submit(job: SimJob, handlers?: JobHandlers): Promise<SimOutcome>;
  /** Cancel a queued or running job; returns false when it is unknown (already finished). */
  cancel(jobId: string): boolean;
  /** Jobs submitted and not yet settled. */
  readonly pending: number;
  close(): Promise<void>;
}

export class JobCancelledError extends Error {
  constructor(id: string) {
    super(`job ${id} was cancelled`);
    this.name = 'JobCancelledError';
  }
}
