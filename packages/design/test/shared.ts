// Locates ../shared (reference models) relative to the repository; tests that need it skip when it is absent.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const referenceDir = path.join(sharedDir, 'swmm-reference', 'models');
export const haveShared = existsSync(referenceDir);
if (!haveShared) console.log(`../shared/swmm-reference not found at ${referenceDir}: skipping tests that read reference reports`);

export function readReference(model: string, file: string): string {
  return readFileSync(path.join(referenceDir, model, file), 'utf8');
}
