import type { Model } from '../model/types.js';
export function writeInp(_model: Model): string {
  return '';
}
