// Page-side handle of the engine worker: one worker per run, terminated when done or cancelled, so a runaway
// simulation can always be stopped.
import type { QuickRunMessage, QuickRunRequest } from './protocol';

export type QuickRunOutcome = Extract<QuickRunMessage, { type: 'done' | 'error' }>;

export interface QuickRunHandle {
  promise: Promise<QuickRunOutcome>;
  cancel: () => void;
}

let nextId = 1;

export function startQuickRun(inpText: string, onProgress: (fraction: number) => void): QuickRunHandle {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  const id = nextId++;
  let settle: (o: QuickRunOutcome) => void = () => {};
  const promise = new Promise<QuickRunOutcome>((resolve) => {
    settle = resolve;
  });
  worker.onmessage = (e: MessageEvent<QuickRunMessage>) => {
    const msg = e.data;
    if (msg.id !== id) return;
    if (msg.type === 'progress') onProgress(msg.fraction);
    else {
      worker.terminate();
      settle(msg);
    }
  };
  worker.onerror = (e) => {
    worker.terminate();
    settle({ type: 'error', id, code: 'ENGINE_CRASHED', message: e.message || 'worker failed to start' });
  };
  const req: QuickRunRequest = { type: 'run', id, inpText };
  worker.postMessage(req);
  return {
    promise,
    cancel: () => {
      worker.terminate();
      settle({ type: 'error', id, code: 'CANCELLED', message: 'cancelled' });
    },
  };
}
