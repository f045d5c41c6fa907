// The engine's public contract. Apps (CLI, server, web worker) code against these types only.
// Implementation lives in simulation.ts; see CONTEXT.md.

/** A coded, user-facing error (SWMM-style numbered input/run errors). */
export interface EngineError {
  /** SWMM-compatible error number, e.g. 200 (input), 209 (undefined object). */
  code: number;
  /** Human message: what is wrong and what was expected. */
  message: string;
  /** Name of the file the error is in (the .inp name or an injected file name). */
  file?: string;
  /** 1-based line number in that file. */
  line?: number;
  /** Section such as "[CONDUITS]". */
  section?: string;
  /** The offending token. */
  token?: string;
}

/** Files the model refers to (rain files, external time series), injected by the caller: the engine does no I/O. */
export type InjectedFiles = Record<string, string | Uint8Array>;

export interface OpenOptions {
  /** File name used in error messages (default "model.inp"). */
  inpName?: string;
  /** External files by the name used in the .inp (also matched by base name). */
  files?: InjectedFiles;
}

export interface RunOptions extends OpenOptions {
  /** Called now and then with the fraction (0..1) of simulated time done. */
  onProgress?: (fraction: number) => void;
  /** Stop early when this returns true (checked every routing step batch). */
  shouldStop?: () => boolean;
}

/** Headline numbers of a finished run, in the model's user units. */
export interface RunSummary {
  flowUnits: string;
  runoffContinuityErrorPct: number | null;
  routingContinuityErrorPct: number | null;
  /** Total precipitation volume (user volume units: acre-ft or ha-m as SWMM prints). */
  totalPrecipVolume: number | null;
  totalRunoffVolume: number | null;
  routingSteps: number;
  wallSeconds?: number;
}

export interface RunResult {
  ok: boolean;
  /** SWMM 5.2-layout status report. Present also on failure (it lists the errors). */
  report: string;
  /** SWMM binary output file bytes (empty when the run failed). */
  output: Uint8Array;
  errors: EngineError[];
  warnings: string[];
  summary: RunSummary | null;
  /** Extra text files the model asked for, keyed by the name it gave (e.g. LID detailed report files). */
  files?: Record<string, string>;
  /** Consolidated results of every LID unit per reporting step (CSV), when the model has LIDs. */
  lidResultsCsv?: string;
}
