// Public API of the .inp reader/writer (re-exported by the engine's index).
export { parseInp, emptyModel, type ParseOptions, type ParseResult } from './parse.js';
export { writeInp } from './writer.js';
export { finalizeOptions, usedGages, type FinalOptions, type FinalizeResult } from './finalize.js';
export { ERROR_TEXT, WARNING_TEXT, errorText, warningText, formatSwmmError, makeError } from './errors.js';
export { findFile } from './files.js';
export { readRainFile, type RainFileData, type RainFileFormat, type RainFileResult, type RainFileStats } from './rainfile.js';
export { parseTimeseriesFile, type TsFileResult } from './tsfile.js';
