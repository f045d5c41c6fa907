// Design recurrence periods: storm pipes (GB 50014-2021, digest §4.4) and waterlogging prevention
// (GB 51222-2017 Table 3.2.3, digest §4.5), plus the city-size classes by urban resident population.
import type { ProvenancedTable } from './provenance.js';

export type CityClass = 'megacity' | 'very-large' | 'large' | 'medium-small';
export type PipeAreaType = 'central' | 'non-central' | 'key-central' | 'underpass';

const CITY_CLASS_NAMES: Record<CityClass, string> = {
  megacity: '超大城市 (≥ 10 million)',
  'very-large': '特大城市 (5–10 million)',
  large: '大城市 (1–5 million)',
  'medium-small': '中等城市和小城市 (< 1 million)',
};

/** City class from urban resident population ("以上包括本数，以下不包括本数": lower bounds inclusive). */
export function cityClassFromPopulation(population: number): CityClass {
  if (!(population >= 0)) throw new RangeError(`population must be >= 0 (got ${population})`);
  if (population >= 10_000_000) return 'megacity';
  if (population >= 5_000_000) return 'very-large';
  if (population >= 1_000_000) return 'large';
  return 'medium-small';
}

export const CITY_CLASSES: ProvenancedTable<{ cityClass: CityClass; name: string; minPopulation: number }> = {
  id: 'gb51222-city-classes',
  title: 'City size classes by urban resident population',
  provenance: { tag: 'V', source: 'GB 51222-2017', clause: 'note to Table 3.2.3' },
  rows: [
    { cityClass: 'megacity', name: CITY_CLASS_NAMES.megacity, minPopulation: 10_000_000 },
    { cityClass: 'very-large', name: CITY_CLASS_NAMES['very-large'], minPopulation: 5_000_000 },
    { cityClass: 'large', name: CITY_CLASS_NAMES.large, minPopulation: 1_000_000 },
    { cityClass: 'medium-small', name: '中等城市 (0.5–1 million) 和小城市 (< 0.5 million)', minPopulation: 0 },
  ],
};

export interface PipePeriodRow {
  /** Megacity and very large cities share a row in GB 50014. */
  cityClasses: readonly CityClass[];
  central: readonly [number, number];
  nonCentral: readonly [number, number];
  keyCentral: readonly [number, number];
  underpass: readonly [number, number];
}

export const PIPE_RECURRENCE_GB50014: ProvenancedTable<PipePeriodRow> = {
  id: 'gb50014-pipe-recurrence',
  title: '雨水管渠设计重现期 (years), GB 50014-2021',
  provenance: {
    tag: 'R',
    source: 'GB 50014-2021 (2014 revision values; 2021 edition assumed unchanged)',
    note: 'central-city column [C] (news summary of the 2014 revision), other cells [R]; periods assume an annual-maximum formula and full-pipe gravity flow',
  },
  rows: [
    { cityClasses: ['megacity', 'very-large'], central: [3, 5], nonCentral: [2, 3], keyCentral: [5, 10], underpass: [30, 50] },
    { cityClasses: ['large'], central: [2, 5], nonCentral: [2, 3], keyCentral: [5, 10], underpass: [20, 30] },
    { cityClasses: ['medium-small'], central: [2, 3], nonCentral: [2, 3], keyCentral: [3, 5], underpass: [10, 20] },
  ],
};

/** Pipe design recurrence period range (years) for a city class and area type. */
export function pipeRecurrencePeriod(cityClass: CityClass, area: PipeAreaType): readonly [number, number] {
  const row = PIPE_RECURRENCE_GB50014.rows.find((r) => r.cityClasses.includes(cityClass));
  if (!row) throw new RangeError(`unknown city class ${cityClass}`);
  const key = ({ central: 'central', 'non-central': 'nonCentral', 'key-central': 'keyCentral', underpass: 'underpass' } as const)[area];
  if (!key) throw new RangeError(`unknown area type ${area} (central, non-central, key-central, underpass)`);
  return row[key];
}

export interface WaterloggingRow {
  cityClass: CityClass;
  periodYears: readonly [number, number];
  criterion: string;
}

const CRITERION = 'ground floors of residences and commercial/industrial buildings not flooded; water depth on one traffic lane ≤ 15 cm';

export const WATERLOGGING_RECURRENCE_GB51222: ProvenancedTable<WaterloggingRow> = {
  id: 'gb51222-waterlogging-recurrence',
  title: '内涝防治设计重现期 (years), GB 51222-2017 Table 3.2.3 (also GB 50014-2021)',
  provenance: { tag: 'C', source: 'GB 51222-2017', clause: 'Table 3.2.3 (clauses 3.2.1–3.2.3 and notes [V], values [C])' },
  rows: [
    { cityClass: 'megacity', periodYears: [100, 100], criterion: CRITERION },
    { cityClass: 'very-large', periodYears: [50, 100], criterion: CRITERION },
    { cityClass: 'large', periodYears: [30, 50], criterion: CRITERION },
    { cityClass: 'medium-small', periodYears: [20, 30], criterion: CRITERION },
  ],
};

/** Waterlogging design recurrence period range (years) and surface-water criterion. */
export function waterloggingRecurrencePeriod(cityClass: CityClass): WaterloggingRow {
  const row = WATERLOGGING_RECURRENCE_GB51222.rows.find((r) => r.cityClass === cityClass);
  if (!row) throw new RangeError(`unknown city class ${cityClass}`);
  return row;
}

/** Maximum drain-down time after rain stops under the waterlogging design storm (hours). */
export const DRAIN_DOWN_TIME_GB50014: ProvenancedTable<{ area: string; hours: readonly [number, number] }> = {
  id: 'gb50014-drain-down-time',
  title: 'Maximum drain-down time after the waterlogging design storm (GB 50014-2021)',
  provenance: { tag: 'R', source: 'GB 50014-2021', note: 'unverified table; transport hubs 0.5 h is [X]' },
  rows: [
    { area: 'central city 中心城区', hours: [1, 3] },
    { area: 'non-central 非中心城区', hours: [1.5, 4] },
    { area: 'key central areas 中心城区的重要地区', hours: [0.5, 2] },
  ],
};

export function cityClassName(c: CityClass): string {
  return CITY_CLASS_NAMES[c];
}
