// Guideline 2014 facility design rules (digest §5.6), as data for checks and a selection wizard.
import type { ProvenancedTable } from '../provenance.js';

export interface FacilityRule {
  facility: string;
  geometry: string;
  rules: string;
}

export const FACILITY_RULES: ProvenancedTable<FacilityRule> = {
  id: 'guideline-facility-rules',
  title: 'LID facility design rules (Guideline 2014)',
  provenance: { tag: 'R', source: 'Guideline 2014', clause: 'digest §5.6' },
  rows: [
    { facility: 'permeable-pavement', geometry: 'bricks 60–80 mm; graded-gravel base/sub-base', rules: 'plazas, parking, sidewalks, light-traffic roads; drain pipes in the base on poorly infiltrating soils; over basements cover ≥ 600 mm plus drainage layer' },
    { facility: 'green-roof', geometry: 'simple type substrate ≤ 150 mm; garden type > 600 mm where trees', rules: 'flat roofs and pitched ≤ 15°; roof load and waterproofing checked' },
    { facility: 'sunken-green', geometry: 'sunken depth 100–200 mm', rules: 'overflow inlet 50–100 mm above the green surface' },
    { facility: 'bioretention', geometry: 'ponding 200–300 mm + 100 mm freeboard; mulch 50–100 mm; media 250–1200 mm; gravel 250–300 mm with DN100–150 perforated pipe', rules: 'area ≈ 5–10 % of the contributing area; liner near buildings or contaminated soils' },
    { facility: 'infiltration-pond', geometry: 'side slope ≤ 1:3; bottom to overflow ≥ 0.6 m', rules: 'empty within 24 h; pretreatment (forebay)' },
    { facility: 'wet-pond', geometry: 'permanent pool 0.8–2.5 m', rules: 'detention volume drains in 24–48 h; only storage above the permanent pool counts' },
    { facility: 'wetland', geometry: 'outlet pool 0.8–1.2 m, ≈ 10 % of total volume', rules: 'detention volume drains within 24 h' },
    { facility: 'cistern', geometry: 'volume by the volume method or by demand (GB 50400)', rules: 'first flush roofs 2–3 mm, ground 3–5 mm without local data' },
    { facility: 'detention', geometry: 'detention zone 0.6–3 m (pond)', rules: 'peak control only: not counted towards α' },
    { facility: 'grass-swale', geometry: 'inverted parabola, triangle or trapezoid; side slope ≤ 1:3', rules: 'longitudinal slope ≤ 4 %; velocity < 0.8 m/s; Manning n 0.2–0.3; vegetation 100–200 mm' },
    { facility: 'infiltration-trench', geometry: 'perforation 1–3 %; gravel surround wrapped in geotextile (overlap ≥ 200 mm)', rules: 'cover ≥ 700 mm under carriageways' },
    { facility: 'vegetated-buffer', geometry: 'slope 2–6 %; width ≥ 2 m', rules: '' },
    { facility: 'first-flush', geometry: 'roof 2–3 mm, ground 3–5 mm without local data (GB 50400)', rules: '' },
  ],
};

/** A soft check: returns a message when x is outside [lo, hi]. */
export function rangeCheck(label: string, x: number, lo: number, hi: number, unit: string, tag = 'R'): string | null {
  if (x < lo || x > hi) return `${label} ${x} ${unit} is outside the recommended ${lo}–${hi} ${unit} [${tag} Guideline 2014]`;
  return null;
}
