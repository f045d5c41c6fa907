// Public API of the Haimian engine. Only re-exports live here.
export const ENGINE_VERSION = '0.1.0';
export type { EngineError, InjectedFiles, OpenOptions, RunOptions, RunSummary, RunResult } from './api.js';
export { Simulation, runModel, unsupportedPhysics, ERR_UNSUPPORTED } from './simulation.js';
export { parseInp, writeInp, finalizeOptions } from './input/index.js';
export { formatReport, type ReportData } from './output/report.js';
export { readOut, OutFileError, type OutFile } from './output/outreader.js';
export type { Model } from './model/types.js';
