// Area-based result of the assessment (digest §7.1, §7.6): a district complies only when every 考核 item passes;
// R = compliant area / built-up area. Also the ecological shoreline ratio (item 5).
import type { Judgement } from './rules.js';
import { assessmentRule, judge } from './rules.js';

export type ItemStatus = 'pass' | 'fail' | 'not-assessable';

export interface District {
  id: string;
  areaKm2: number;
  /** Status of each 考核 item. */
  items: Record<string, ItemStatus>;
}

export function builtUpAreaResult(districts: readonly District[], builtUpAreaKm2: number): { ratio: number; compliantKm2: number; compliant: string[]; failing: string[]; notAssessable: string[] } {
  if (!(builtUpAreaKm2 > 0)) throw new RangeError(`built-up area must be > 0 km² (got ${builtUpAreaKm2})`);
  let area = 0;
  let sum = 0;
  const compliant: string[] = [];
  const failing: string[] = [];
  const notAssessable: string[] = [];
  for (const d of districts) {
    if (!(d.areaKm2 >= 0)) throw new RangeError(`district ${d.id}: area must be >= 0 km²`);
    sum += d.areaKm2;
    const st = Object.values(d.items);
    if (st.length > 0 && st.every((s) => s === 'pass')) {
      compliant.push(d.id);
      area += d.areaKm2;
    } else if (st.includes('fail')) failing.push(d.id);
    // not-assessable counts as not compliant but is reported separately.
    else notAssessable.push(d.id);
  }
  if (sum > builtUpAreaKm2 * (1 + 1e-12)) throw new RangeError(`districts (${sum} km²) exceed the built-up area (${builtUpAreaKm2} km²)`);
  return { ratio: area / builtUpAreaKm2, compliantKm2: area, compliant, failing, notAssessable };
}

/** Ecological shoreline ratio = ecological / (total − excluded production & flood-control shorelines). */
export function shorelineRatio(totalKm: number, excludedKm: number, ecologicalKm: number): { ratio: number; judgement: Judgement } {
  const base = totalKm - excludedKm;
  if (!(base > 0)) throw new RangeError('total shoreline minus excluded shoreline must be > 0');
  if (!(ecologicalKm >= 0 && ecologicalKm <= base)) throw new RangeError('ecological shoreline must lie between 0 and the assessed length');
  const ratio = ecologicalKm / base;
  return { ratio, judgement: judge(ratio, assessmentRule('shoreline')) };
}
