// Public API of the Haimian engine. Only re-exports live here.
export const ENGINE_VERSION = '0.1.0';
export type { EngineError, InjectedFiles, OpenOptions, RunOptions, RunSummary, RunResult } from './api.js';
