// Pure helpers that edit a scenario's change list (docs/platform-api.md `Change`).
import type { AddLidChange, Change, LidType, SetParamChange } from '../api/types';

/** Replaces any earlier edit of the same field of the same object, so a scenario holds one value per field. */
export function upsertSetParam(changes: readonly Change[], edit: SetParamChange): Change[] {
  const same = (c: Change) =>
    c.kind === 'setParam' && c.objectKind === edit.objectKind && c.name === edit.name && c.field === edit.field;
  return [...changes.filter((c) => !same(c)), edit];
}

/** Property values of one object as the scenario sees them: base values overlaid with the scenario's edits. */
export function overlayParams(
  base: Record<string, string | number>,
  changes: readonly Change[],
  objectKind: string,
  name: string,
): { values: Record<string, string | number>; edited: Set<string> } {
  const values = { ...base };
  const edited = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'setParam' && c.objectKind === objectKind && c.name === name) {
      values[c.field] = c.value;
      edited.add(c.field);
    }
  }
  return { values, edited };
}

/** A LID name not yet used in this scenario, e.g. "BC_S1" then "BC_S1_2". */
export function uniqueLidName(changes: readonly Change[], lidType: LidType, subcatchment: string): string {
  const used = new Set(changes.filter((c): c is AddLidChange => c.kind === 'addLid').map((c) => c.lidName));
  const stem = `${lidType}_${subcatchment}`.replace(/\s+/g, '_');
  if (!used.has(stem)) return stem;
  for (let k = 2; ; k++) if (!used.has(`${stem}_${k}`)) return `${stem}_${k}`;
}

/** Keeps numbers numeric when the field was numeric (the server writes them back into the .inp either way). */
export function parseFieldValue(raw: string, previous: string | number | undefined): string | number {
  const t = raw.trim();
  if (typeof previous === 'number' && t !== '' && Number.isFinite(Number(t))) return Number(t);
  return t;
}
