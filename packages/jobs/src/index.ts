// @haimian/jobs public API.
export type { SimJob, SimOutcome, JobHandlers, JobQueue } from './types.js';
export { JobCancelledError } from './types.js';
export { ThreadPoolQueue, type ThreadPoolOptions } from './thread-pool.js';
export { engineCapabilities, validateInp, parseModel, EngineUnavailableError, type Validation } from './engine-adapter.js';
export { readOut, dayToIso, OutFileError, type OutFile, type OutObjectKind, SUBCATCH_VARS, NODE_VARS, LINK_VARS, SYSTEM_VARS } from './out-reader.js';
export { computeResults, type RunResults } from './results.js';
