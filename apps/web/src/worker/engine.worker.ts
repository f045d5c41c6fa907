// Runs the pure-TS engine off the main thread for quick what-ifs. The engine package is imported from the
// workspace source; `runModel` is looked up at run time so this worker builds before the engine exports it and
// answers ENGINE_NOT_READY instead of failing to load.
import * as engine from '@haimian/engine';
import type { RunOptions, RunResult } from '@haimian/engine';
import type { QuickRunMessage, QuickRunRequest } from './protocol';

type RunModel = (inpText: string, options?: RunOptions) => RunResult | Promise<RunResult>;

const scope = self as unknown as {
  postMessage(msg: QuickRunMessage, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<QuickRunRequest>) => void) | null;
};

function findRunModel(): RunModel | null {
  const candidate: unknown = Reflect.get(engine, 'runModel');
  return typeof candidate === 'function' ? (candidate as RunModel) : null;
}

scope.onmessage = async (e) => {
  const req = e.data;
  if (req.type !== 'run') return;
  const runModel = findRunModel();
  if (!runModel) {
    scope.postMessage({ type: 'error', id: req.id, code: 'ENGINE_NOT_READY', message: `engine ${engine.ENGINE_VERSION} does not export runModel yet` });
    return;
  }
  const t0 = performance.now();
  let lastPost = 0;
  try {
    const result = await runModel(req.inpText, {
      inpName: 'scenario.inp',
      files: req.files,
      onProgress: (fraction) => {
        // Throttle: the engine may report every routing step.
        const now = performance.now();
        if (now - lastPost > 100) {
          lastPost = now;
          scope.postMessage({ type: 'progress', id: req.id, fraction });
        }
      },
    });
    const output = result.output instanceof Uint8Array ? result.output : new Uint8Array(0);
    scope.postMessage(
      {
        type: 'done',
        id: req.id,
        ok: result.ok,
        report: result.report,
        output,
        errors: result.errors,
        warnings: result.warnings,
        summary: result.summary,
        wallMs: performance.now() - t0,
      },
      output.byteLength > 0 ? [output.buffer as ArrayBuffer] : [],
    );
  } catch (err) {
    scope.postMessage({ type: 'error', id: req.id, code: 'ENGINE_CRASHED', message: err instanceof Error ? err.message : String(err) });
  }
};
