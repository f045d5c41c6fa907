// Permeable pavement and green roofs count towards α only through their lower runoff coefficient, never as
// storage (digest §5.2); this module checks their geometry rules and gives their φ contribution.
import { rangeCheck } from './rules.js';

export function permeablePavementCheck(p: { areaHa: number; phi?: number; brickThicknessMm?: number; overBasement?: boolean; coverOverBasementMm?: number }): { weightedArea: number; storageM3: 0; checks: string[] } {
  const phi = p.phi ?? 0.2;
  if (!(phi >= 0.08 && phi <= 0.45)) throw new RangeError(`permeable paving φ must lie in 0.08–0.45 (got ${phi})`);
  const checks: string[] = [];
  if (p.brickThicknessMm !== undefined) {
    const c = rangeCheck('brick thickness', p.brickThicknessMm, 60, 80, 'mm');
    if (c) checks.push(c);
  }
  if (p.overBasement && (p.coverOverBasementMm ?? 0) < 600) checks.push('over basements the cover must be ≥ 600 mm plus a drainage layer [R Guideline 2014]');
  return { weightedArea: phi * p.areaHa, storageM3: 0, checks };
}

export function greenRoofCheck(g: { areaHa: number; phi?: number; substrateMm: number; roofSlopeDeg?: number; type?: 'simple' | 'garden' }): { weightedArea: number; storageM3: 0; checks: string[] } {
  const phi = g.phi ?? 0.35;
  if (!(phi >= 0 && phi <= 1)) throw new RangeError(`φ must lie in [0, 1] (got ${phi})`);
  const checks: string[] = [];
  if ((g.type ?? 'simple') === 'simple' && g.substrateMm > 150) checks.push(`simple green roof substrate ${g.substrateMm} mm exceeds 150 mm [R Guideline 2014]`);
  if (g.roofSlopeDeg !== undefined && g.roofSlopeDeg > 15) checks.push(`roof pitch ${g.roofSlopeDeg}° exceeds 15° [R Guideline 2014]`);
  if (g.substrateMm < 300 && phi < 0.3) checks.push('the Guideline φ 0.30–0.40 applies to substrate ≥ 300 mm; thinner substrates shed more [R]');
  return { weightedArea: phi * g.areaHa, storageM3: 0, checks };
}
