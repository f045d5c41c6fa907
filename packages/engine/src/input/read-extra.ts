// Validation of sections kept verbatim in model.extra (their physics come later).
import type { Fields } from './fields.js';
import type { ParseState } from './state.js';

export function validateExtraLine(_section: string, _f: Fields, _st: ParseState): void {}

export function endExtraSection(_section: string, _st: ParseState): void {}
