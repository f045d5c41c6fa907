// Effective storage a project provides towards α (digest §5.2): what counts, what does not.
import { DEFAULT_INFILTRATION_TIME_S, infiltratedVolumeM3 } from './infiltration-credit.js';
import { rangeCheck } from './facilities/rules.js';
import { trenchStorage } from './facilities/infiltration-trench.js';

export type Facility =
  | { type: 'sunken-green'; id?: string; areaM2: number; depthM: number }
  | { type: 'bioretention'; id?: string; areaM2: number; pondingDepthM: number; kMps?: number; infiltrationTimeS?: number; countInfiltration?: boolean; extraVoidStorageM3?: number }
  | { type: 'infiltration-pond'; id?: string; volumeM3: number; kMps?: number; bottomAreaM2?: number; infiltrationTimeS?: number; countInfiltration?: boolean }
  | { type: 'infiltration-trench'; id?: string; lengthM: number; widthM: number; depthM: number; voidRatio: number; kMps: number; countInfiltration?: boolean }
  | { type: 'wet-pond' | 'wetland'; id?: string; volumeAbovePoolM3: number }
  | { type: 'cistern' | 'rain-barrel' | 'storage-tank'; id?: string; volumeM3: number }
  | { type: 'detention'; id?: string; volumeM3: number }
  | { type: 'permeable-pavement' | 'green-roof'; id?: string; areaM2: number };

export interface FacilityStorage {
  id: string;
  type: Facility['type'];
  storageM3: number;
  infiltrationCreditM3: number;
  effectiveM3: number;
  notes: string[];
}

/** Effective storage of one facility. */
export function facilityStorage(f: Facility, index = 0): FacilityStorage {
  const id = f.id ?? `${f.type}-${index + 1}`;
  const notes: string[] = [];
  const pos = (x: number, what: string) => {
    if (!(x >= 0)) throw new RangeError(`${id}: ${what} must be >= 0 (got ${x})`);
    return x;
  };
  let storage = 0;
  let credit = 0;
  switch (f.type) {
    case 'sunken-green': {
      storage = pos(f.areaM2, 'area') * pos(f.depthM, 'depth');
      const c = rangeCheck('sunken depth', f.depthM * 1000, 100, 200, 'mm');
      if (c) notes.push(c);
      if (f.depthM < 0.1) notes.push('sunken depth < 100 mm is not counted in the sunken-green ratio [R]');
      break;
    }
    case 'bioretention': {
      storage = pos(f.areaM2, 'area') * pos(f.pondingDepthM, 'ponding depth') + pos(f.extraVoidStorageM3 ?? 0, 'void storage');
      if (f.countInfiltration ?? f.kMps !== undefined) {
        if (f.kMps === undefined) throw new RangeError(`${id}: countInfiltration needs kMps`);
        credit = infiltratedVolumeM3(f.kMps, f.areaM2, f.infiltrationTimeS ?? DEFAULT_INFILTRATION_TIME_S);
      }
      break;
    }
    case 'infiltration-pond': {
      storage = pos(f.volumeM3, 'volume');
      if (f.countInfiltration ?? f.kMps !== undefined) {
        if (f.kMps === undefined || f.bottomAreaM2 === undefined) throw new RangeError(`${id}: infiltration credit needs kMps and bottomAreaM2`);
        credit = infiltratedVolumeM3(f.kMps, f.bottomAreaM2, f.infiltrationTimeS ?? DEFAULT_INFILTRATION_TIME_S);
      }
      break;
    }
    case 'infiltration-trench': {
      const t = trenchStorage(f);
      storage = t.storageM3;
      credit = t.infiltratedM3;
      break;
    }
    case 'wet-pond':
    case 'wetland':
      storage = pos(f.volumeAbovePoolM3, 'volume above the permanent pool');
      notes.push('only the volume above the permanent pool counts');
      break;
    case 'cistern':
    case 'rain-barrel':
    case 'storage-tank':
      storage = pos(f.volumeM3, 'volume');
      break;
    case 'detention':
      pos(f.volumeM3, 'volume');
      notes.push('detention (调节) volume serves peak shaving and is not counted towards α');
      break;
    case 'permeable-pavement':
    case 'green-roof':
      notes.push('counts only through its runoff coefficient φ, not as storage');
      break;
    default:
      throw new RangeError(`unknown facility type ${(f as { type: string }).type}`);
  }
  return { id, type: f.type, storageM3: storage, infiltrationCreditM3: credit, effectiveM3: storage + credit, notes };
}

/** Effective storage of a facility inventory, per facility and in total. */
export function providedStorage(facilities: readonly Facility[]): { facilities: FacilityStorage[]; totalM3: number } {
  const rows = facilities.map((f, i) => facilityStorage(f, i));
  return { facilities: rows, totalM3: rows.reduce((s, r) => s + r.effectiveM3, 0) };
}
