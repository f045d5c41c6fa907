// Importing models: decode, validate with the engine's parser, describe (units, counts), store with a baseline.
import type { Repo } from '@haimian/db';
import { validateInp } from '@haimian/jobs';
import { ApiError } from '../lib/errors.js';
import { countObjects } from '../inp/objects.js';
import { flowUnits, parseInp } from '../inp/sections.js';

/** .inp files from Chinese tools are often GB18030; accept UTF-8 first, then GB18030. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new ApiError(400, 'INVALID_INP', 'the .inp file is neither UTF-8 nor GB18030 text');
    }
  }
}

/** Checks an .inp text; throws 400 INVALID_INP with the engine's coded errors. */
export function checkInp(inpText: string, inpName: string, files?: Record<string, string | Uint8Array>): void {
  if (inpText.includes('\u0000')) {
    throw new ApiError(400, 'INVALID_INP', `${inpName} is binary, not an .inp text file`, [{ code: 200, message: 'binary content', file: inpName, line: 1 }]);
  }
  const inp = parseInp(inpText);
  if (inp.sections.length === 0) {
    throw new ApiError(400, 'INVALID_INP', `${inpName} has no [SECTION] headers: not a SWMM input file`, [
      { code: 200, message: 'no [SECTION] header found', file: inpName, line: 1 },
    ]);
  }
  const v = validateInp(inpText, { inpName, files });
  if (!v.ok) {
    const first = v.errors[0]!;
    const where = first.line ? ` (line ${first.line}${first.section ? `, ${first.section}` : ''})` : '';
    throw new ApiError(400, 'INVALID_INP', `${inpName}: ERROR ${first.code}: ${first.message}${where}`, v.errors);
  }
}

export async function importModel(
  repo: Repo,
  input: { projectId: string; name: string; inpText: string; files?: { name: string; content: Uint8Array }[] },
) {
  const files = Object.fromEntries((input.files ?? []).map((f) => [f.name, f.content]));
  checkInp(input.inpText, `${input.name}.inp`, files);
  const inp = parseInp(input.inpText);
  return repo.createModelWithBaseline({
    projectId: input.projectId,
    name: input.name,
    inpText: input.inpText,
    flowUnits: flowUnits(inp),
    counts: countObjects(inp),
    files: input.files,
  });
}
