// The catalogue of coded input errors and warnings, numbered and worded as in SWMM 5.2
// so reports read the same. `%s` is replaced by the offending token / object name.
// Messages in EngineError add where (file, line, section) and what was expected.
import type { EngineError } from '../api.js';

export const ERROR_TEXT: Readonly<Record<number, string>> = {
  // ---- object validation (raised after reading)
  108: 'ambiguous outlet ID name for Subcatchment %s.',
  109: 'invalid parameter values for Aquifer %s.',
  111: 'invalid length for Conduit %s.',
  113: 'invalid roughness for Conduit %s.',
  114: 'invalid number of barrels for Conduit %s.',
  117: 'no cross section defined for Link %s.',
  119: 'invalid cross section for Link %s.',
  121: 'missing or invalid pump curve assigned to Pump %s.',
  122: 'startup depth not higher than shutoff depth for Pump %s.',
  136: 'Divider %s has invalid diversion link.',
  137: 'Weir Divider %s has invalid parameters.',
  138: 'Node %s has initial depth greater than maximum depth.',
  156: 'ambiguous station ID for Rain Gage %s.',
  157: 'inconsistent rainfall format for Rain Gage %s.',
  159: 'recording interval greater than time series interval for Rain Gage %s.',
  171: 'Curve %s has invalid or out of sequence data.',
  173: 'Time Series %s has its data out of sequence.',
  183: 'no type specified for LID %s.',
  184: 'missing layer for LID %s.',
  185: 'invalid parameter value for LID %s.',
  187: 'LID area exceeds total area for Subcatchment %s.',
  188: 'LID capture area exceeds total impervious area for Subcatchment %s.',
  191: 'simulation start date comes after ending date.',
  193: 'report start date comes after ending date.',
  195: 'reporting time step or duration is less than routing time step.',
  // ---- input-file errors (reported "at line N of [SECTION] section")
  200: 'one or more errors in input file.',
  201: 'too many characters in input line',
  203: 'too few items',
  205: 'invalid keyword %s',
  207: 'duplicate ID name %s',
  209: 'undefined object %s',
  211: 'invalid number %s',
  213: 'invalid date/time %s',
  217: 'control rule clause invalid or out of sequence',
  219: 'data provided for unidentified transect',
  221: 'transect station out of sequence',
  223: 'Transect %s has too few stations.',
  225: 'Transect %s has too many stations.',
  227: 'Transect %s has no Manning\'s N.',
  229: 'Transect %s has invalid overbank locations.',
  231: 'Transect %s has no depth.',
  233: 'invalid math expression',
  235: 'invalid infiltration parameters',
  // ---- external files
  317: 'cannot open rainfall data file %s.',
  318: 'the following line is out of sequence in rainfall data file %s.',
  319: 'unknown format for rainfall data file %s.',
  321: 'no data in rainfall data file for Rain Gage %s.',
  361: 'could not open external file used for Time Series %s.',
  363: 'invalid data in external file used for Time Series %s.',
  401: 'general system error.',
};

export const WARNING_TEXT: Readonly<Record<number, string>> = {
  1: 'wet weather time step reduced to recording interval for Rain Gage %s',
  6: 'dry weather time step increased to the wet weather time step',
  7: 'routing time step reduced to the wet weather time step',
  9: 'time series interval greater than recording interval for Rain Gage %s',
};

/** Codes whose SWMM text ends with "at line N of [SECTION] section:". */
export function isLineError(code: number): boolean {
  return (code >= 201 && code <= 235 && code !== 223 && code !== 225 && code !== 227 && code !== 229 && code !== 231) || code === 318;
}

function fill(template: string, arg: string): string {
  return template.includes('%s') ? template.replace('%s', arg) : template;
}

/** SWMM's text for an error code with its argument (no "ERROR nnn:" prefix, no location). */
export function errorText(code: number, arg = ''): string {
  return fill(ERROR_TEXT[code] ?? 'unknown error %s', arg).replace(/ {2,}/g, ' ').trim();
}

/** "WARNING 01: …" line as SWMM prints it. */
export function warningText(code: number, arg = ''): string {
  return `WARNING ${String(code).padStart(2, '0')}: ${fill(WARNING_TEXT[code] ?? '', arg)}`;
}

/**
 * The error as SWMM prints it, e.g.
 * "ERROR 205: invalid keyword LID at line 238 of [REPORT] section:".
 */
export function formatSwmmError(e: EngineError): string {
  let s = `ERROR ${e.code}: ${errorText(e.code, e.token ?? '')}`;
  if (e.line !== undefined && e.section && isLineError(e.code) && e.code !== 318) {
    s += ` at line ${e.line} of ${e.section} section:`;
  }
  return s;
}

export interface ErrorSite {
  file?: string;
  line?: number;
  section?: string;
}

/**
 * Build a coded error. `arg` fills SWMM's %s (token or object name); `expected` says what
 * would have been valid; both go into the human message together with the location.
 */
export function makeError(code: number, arg: string | undefined, site: ErrorSite, expected?: string): EngineError {
  let message = errorText(code, arg ?? '');
  if (message.endsWith('.')) message = message.slice(0, -1);
  if (site.line !== undefined) {
    message += ` at line ${site.line}`;
    if (site.section) message += ` of ${site.section}`;
  } else if (site.section) message += ` in ${site.section}`;
  if (site.file) message += site.line !== undefined || site.section ? ` of ${site.file}` : ` in ${site.file}`;
  if (expected) message += ` (expected ${expected})`;
  const e: EngineError = { code, message };
  if (site.file !== undefined) e.file = site.file;
  if (site.line !== undefined) e.line = site.line;
  if (site.section !== undefined) e.section = site.section;
  if (arg !== undefined) e.token = arg;
  return e;
}
