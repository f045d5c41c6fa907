// Injected external files: the engine never touches the disk; callers pass file contents
// keyed by the name used in the .inp. Lookup tries the exact name, then the base name
// (quotes, leading ".\" or "./" and directories removed), case-insensitively.
import type { InjectedFiles } from '../api.js';

export function baseName(name: string): string {
  let s = name.trim();
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) s = s.slice(1, -1);
  const cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
  return cut >= 0 ? s.slice(cut + 1) : s;
}

function decode(v: string | Uint8Array): string {
  if (typeof v === 'string') return v;
  // latin1: one char per byte, never fails, keeps ASCII rain/time-series files exact
  let out = '';
  for (let i = 0; i < v.length; i += 8192) {
    out += String.fromCharCode(...v.subarray(i, Math.min(i + 8192, v.length)));
  }
  return out;
}

/** The text of an injected file, or undefined when it was not provided. */
export function findFile(files: InjectedFiles | undefined, name: string): { key: string; text: string } | undefined {
  if (!files) return undefined;
  const direct = files[name];
  if (direct !== undefined) return { key: name, text: decode(direct) };
  const want = baseName(name).toUpperCase();
  if (!want) return undefined;
  for (const key of Object.keys(files)) {
    if (baseName(key).toUpperCase() === want) return { key, text: decode(files[key]!) };
  }
  return undefined;
}
