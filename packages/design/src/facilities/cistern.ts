// Rain barrel / cistern (雨水罐/蓄水池) sized by the volume method on its roof (digest §5.1, §5.6, §5.7).
// The first flush (roof 2–3 mm [R GB 50400]) is diverted before the tank; it is reported so the caller can
// make sure it is controlled elsewhere before counting it towards α [D].
import { captureVolumeM3 } from '../volume-method.js';
import { rangeCheck } from './rules.js';

export function sizeCistern(inp: { roofAreaHa: number; phi: number; hMm: number; firstFlushMm?: number }): { captureM3: number; firstFlushM3: number; tankM3: number; checks: string[] } {
  const capture = captureVolumeM3(inp.hMm, inp.phi, inp.roofAreaHa);
  const ff = inp.firstFlushMm ?? 0;
  if (!(ff >= 0)) throw new RangeError('first-flush depth must be >= 0 mm');
  const firstFlush = 10 * ff * inp.roofAreaHa;
  const checks: string[] = [];
  if (ff > 0) {
    const c = rangeCheck('roof first-flush depth', ff, 2, 3, 'mm');
    if (c) checks.push(c);
  }
  return { captureM3: capture, firstFlushM3: firstFlush, tankM3: Math.max(0, capture - firstFlush), checks };
}
