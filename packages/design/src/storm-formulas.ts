// Library of published storm-intensity formulas (digest §2.3, §2.4), each with its provenance.
// The digest only carries Beijing formulas; other cities must be entered as user parameter sets.
import type { StormFormula } from './storm-intensity.js';
import { paramsFromA } from './storm-intensity.js';

const db11Note = 'candidate parameters seen in public material (2012 presentation / a public script); the DB11/T 969-2016 clause text was not obtained — do not label results with that standard';

export const STORM_FORMULAS: readonly StormFormula[] = [
  {
    id: 'beijing',
    name: 'Beijing classic formula q = 2001(1 + 0.811 lg P)/(t + 8)^0.711',
    region: '北京 Beijing',
    pieces: [paramsFromA(2001, 0.811, 8, 0.711)],
    validity: { tMin: [0, 120], pYears: [0, 10] },
    provenance: {
      tag: 'C',
      source: 'design manuals and textbooks; also among the zone Ⅱ formulas of the 2012 DB11/T 969 preview presentation',
      clause: 'digest §2.3',
      note: 'validity range t ≤ 120 min, P ≤ 10 a is classical but not confirmed [X]',
    },
  },
  {
    id: 'beijing-db11-zone1-a',
    name: 'Beijing zone Ⅰ candidate A = 3064, C = 0.74, b = 11.35, n = 0.912',
    region: '北京 Beijing zone Ⅰ',
    pieces: [paramsFromA(3064, 0.74, 11.35, 0.912)],
    provenance: { tag: 'X', source: '2012 presentation previewing DB11/T 969, zone Ⅰ (range unknown)', clause: 'digest §2.4', note: db11Note },
  },
  {
    id: 'beijing-db11-zone1-b',
    name: 'Beijing zone Ⅰ candidate A = 2313, C = 1.091, b = 10, n = 0.759',
    region: '北京 Beijing zone Ⅰ',
    pieces: [paramsFromA(2313, 1.091, 10, 0.759)],
    provenance: { tag: 'X', source: '2012 presentation previewing DB11/T 969, zone Ⅰ (range unknown)', clause: 'digest §2.4', note: db11Note },
  },
  {
    id: 'beijing-db11-zone2-short',
    name: 'Beijing zone Ⅱ candidate "II-short" A = 591, C = 0.893, b = 1.859, n = 0.436',
    region: '北京 Beijing zone Ⅱ',
    pieces: [paramsFromA(591, 0.893, 1.859, 0.436)],
    provenance: { tag: 'X', source: 'public script attributing it to DB11/T 969-2016 zone Ⅱ', clause: 'digest §2.4', note: `${db11Note}; plausibly a short-duration formula (24-h depths far too large)` },
  },
  {
    id: 'beijing-db11-zone2-long',
    name: 'Beijing zone Ⅱ candidate "II-long" A = 1602, C = 1.037, b = 11.593, n = 0.681',
    region: '北京 Beijing zone Ⅱ',
    pieces: [paramsFromA(1602, 1.037, 11.593, 0.681)],
    provenance: { tag: 'X', source: 'public script attributing it to DB11/T 969-2016 zone Ⅱ', clause: 'digest §2.4', note: `${db11Note}; plausibly a long-duration formula` },
  },
  {
    id: 'beijing-db11-zone1-short',
    name: 'Beijing zone Ⅰ candidate "I-short" A = 1558, C = 0.955, b = 5.551, n = 0.835',
    region: '北京 Beijing zone Ⅰ',
    pieces: [paramsFromA(1558, 0.955, 5.551, 0.835)],
    provenance: { tag: 'X', source: 'public script attributing it to DB11/T 969-2016 zone Ⅰ', clause: 'digest §2.4', note: db11Note },
  },
  {
    id: 'beijing-db11-zone1-long',
    name: 'Beijing zone Ⅰ candidate "I-long" A = 2719, C = 0.96, b = 11.591, n = 0.902',
    region: '北京 Beijing zone Ⅰ',
    pieces: [paramsFromA(2719, 0.96, 11.591, 0.902)],
    provenance: { tag: 'X', source: 'public script attributing it to DB11/T 969-2016 zone Ⅰ', clause: 'digest §2.4', note: db11Note },
  },
];

/** Looks a formula up by id (case-insensitive); throws listing the known ids when absent. */
export function findStormFormula(id: string): StormFormula {
  const f = STORM_FORMULAS.find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!f) throw new RangeError(`unknown storm formula "${id}"; known formulas: ${STORM_FORMULAS.map((x) => x.id).join(', ')}`);
  return f;
}
