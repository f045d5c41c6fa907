// Piscina worker: one simulation per call, in its own thread. Progress goes back through a MessagePort.
import type { MessagePort } from 'node:worker_threads';
import { runModel } from './engine-adapter.js';
import { readOut } from './out-reader.js';
import { computeResults } from './results.js';
import type { SimJob, SimOutcome } from './types.js';

export interface WorkerTask extends SimJob {
  port: MessagePort;
}

export type WorkerMessage = { type: 'start' } | { type: 'progress'; fraction: number };

/** Send at most every PROGRESS_MIN_MS or every PROGRESS_MIN_STEP of progress: the main thread writes it to the DB. */
const PROGRESS_MIN_MS = 200;
const PROGRESS_MIN_STEP = 0.02;

export default function simulate(task: WorkerTask): SimOutcome {
  const { port } = task;
  const send = (m: WorkerMessage) => port.postMessage(m);
  try {
    send({ type: 'start' });
    let lastSent = -1;
    let lastTime = 0;
    const onProgress = (fraction: number) => {
      const now = Date.now();
      if (fraction - lastSent >= PROGRESS_MIN_STEP || now - lastTime >= PROGRESS_MIN_MS) {
        lastSent = fraction;
        lastTime = now;
        send({ type: 'progress', fraction });
      }
    };
    const res = runModel(task.inpText, { inpName: task.inpName, files: task.files, onProgress });
    const outcome: SimOutcome = { ...res, results: null };
    if (res.ok && res.output.byteLength > 0) {
      try {
        outcome.results = computeResults(readOut(res.output), res.summary);
      } catch (err) {
        outcome.resultsError = err instanceof Error ? err.message : String(err);
      }
    }
    return outcome;
  } finally {
    port.close();
  }
}
