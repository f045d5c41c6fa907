// Messages between the page and the what-if engine worker.
import type { EngineError, RunSummary } from '@haimian/engine';

export interface QuickRunRequest {
  type: 'run';
  id: number;
  inpText: string;
  files?: Record<string, string | Uint8Array>;
}

export type QuickRunMessage =
  | { type: 'progress'; id: number; fraction: number }
  | {
      type: 'done';
      id: number;
      ok: boolean;
      report: string;
      output: Uint8Array;
      errors: EngineError[];
      warnings: string[];
      summary: RunSummary | null;
      wallMs: number;
    }
  | { type: 'error'; id: number; code: 'ENGINE_NOT_READY' | 'ENGINE_CRASHED' | 'CANCELLED'; message: string };
