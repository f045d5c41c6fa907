// Reference tables for the annual runoff volume control rate (digest §1.5, §1.6, §1.8).
import type { ProvenancedTable } from './provenance.js';

export interface ZoneRow {
  zone: 'Ⅰ' | 'Ⅱ' | 'Ⅲ' | 'Ⅳ' | 'Ⅴ';
  alphaMin: number;
  alphaMax: number;
}

/** Mainland zones and their α range; GB/T 51345 uses the lower limit as the pass threshold for new areas. */
export const CONTROL_RATE_ZONES: ProvenancedTable<ZoneRow> = {
  id: 'control-rate-zones',
  title: '年径流总量控制率分区 (annual runoff volume control rate zones)',
  provenance: { tag: 'R', source: 'Guideline 2014 (海绵城市建设技术指南)', clause: 'zone map 我国大陆地区年径流总量控制率分区图', note: 'zone polygons not available; the user picks the zone' },
  rows: [
    { zone: 'Ⅰ', alphaMin: 0.85, alphaMax: 0.9 },
    { zone: 'Ⅱ', alphaMin: 0.8, alphaMax: 0.85 },
    { zone: 'Ⅲ', alphaMin: 0.75, alphaMax: 0.85 },
    { zone: 'Ⅳ', alphaMin: 0.7, alphaMax: 0.85 },
    { zone: 'Ⅴ', alphaMin: 0.6, alphaMax: 0.85 },
  ],
};

/** Looks a zone up by roman numeral (Ⅰ…Ⅴ, or ASCII I…V, or 1…5). */
export function controlRateZone(zone: string): ZoneRow {
  const ascii: Record<string, ZoneRow['zone']> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ', V: 'Ⅴ', '1': 'Ⅰ', '2': 'Ⅱ', '3': 'Ⅲ', '4': 'Ⅳ', '5': 'Ⅴ' };
  const key = ascii[zone.trim().toUpperCase()] ?? zone.trim();
  const row = CONTROL_RATE_ZONES.rows.find((r) => r.zone === key);
  if (!row) throw new RangeError(`unknown control-rate zone "${zone}" (use I, II, III, IV or V)`);
  return row;
}

export interface CityDesignRainfall {
  city: string;
  /** Control rate → design rainfall (mm). */
  points: readonly { alpha: number; hMm: number }[];
  /** Provenance of this row when it differs from the table's (e.g. Beijing 85 % is [C]). */
  note?: string;
}

const g = (a60: number, a70: number, a75: number, a80: number, a85: number) => [
  { alpha: 0.6, hMm: a60 },
  { alpha: 0.7, hMm: a70 },
  { alpha: 0.75, hMm: a75 },
  { alpha: 0.8, hMm: a80 },
  { alpha: 0.85, hMm: a85 },
];

/** Guideline 2014 table 我国部分城市年径流总量控制率对应的设计降雨量值一览表 (~30 years of daily data). */
export const GUIDELINE_CITY_DESIGN_RAINFALL: ProvenancedTable<CityDesignRainfall> = {
  id: 'guideline-city-design-rainfall',
  title: '我国部分城市年径流总量控制率对应的设计降雨量值 (design rainfall by city)',
  provenance: {
    tag: 'R',
    source: 'Guideline 2014 city table as commonly reproduced',
    note: 'individual cells may be mis-transcribed in circulating copies; the local sponge-city special plan or §1.2 statistics from local data are authoritative. Beijing 85 % = 33.6 mm is [C].',
  },
  rows: [
    { city: '北京 Beijing', points: g(14.0, 19.4, 22.8, 27.3, 33.6), note: '85 % = 33.6 mm [C]: also used by public Beijing planning code' },
    { city: '天津 Tianjin', points: g(14.9, 20.9, 25.0, 30.4, 37.8) },
    { city: '上海 Shanghai', points: g(13.4, 18.7, 22.2, 26.7, 33.0) },
    { city: '广州 Guangzhou', points: g(18.4, 25.2, 29.7, 35.5, 43.4) },
    { city: '武汉 Wuhan', points: g(17.6, 24.5, 29.2, 35.2, 43.3) },
    { city: '南京 Nanjing', points: g(14.7, 20.5, 24.6, 29.7, 36.6) },
    { city: '杭州 Hangzhou', points: g(12.7, 17.8, 21.1, 25.2, 30.7) },
    { city: '重庆 Chongqing', points: g(12.2, 17.4, 20.9, 25.5, 31.9) },
    { city: '郑州 Zhengzhou', points: g(14.0, 19.5, 23.1, 27.8, 34.3) },
    { city: '济南 Jinan', points: g(16.7, 23.2, 27.7, 33.5, 41.3) },
    { city: '哈尔滨 Harbin', points: g(9.1, 12.7, 15.1, 18.2, 22.2) },
    { city: '乌鲁木齐 Urumqi', points: g(5.8, 7.8, 9.1, 10.8, 13.0) },
    { city: '海口 Haikou', points: g(23.5, 33.1, 40.0, 49.5, 63.4) },
  ],
};

/** Local statistics published elsewhere (not the Guideline table); weakly sourced. */
export const LOCAL_CITY_DESIGN_RAINFALL: ProvenancedTable<CityDesignRainfall> = {
  id: 'local-city-design-rainfall',
  title: 'Local design rainfall statistics (not from the Guideline table)',
  provenance: { tag: 'X', source: 'values embedded in a public sponge calculator (Suzhou) and a public script citing Shenzhen statistics', note: 'not verified; do not use as authoritative' },
  rows: [
    {
      city: '苏州 Suzhou',
      points: [
        { alpha: 0.6, hMm: 12.7 },
        { alpha: 0.65, hMm: 14.9 },
        { alpha: 0.7, hMm: 17.5 },
        { alpha: 0.75, hMm: 20.8 },
        { alpha: 0.8, hMm: 25.1 },
        { alpha: 0.85, hMm: 30.9 },
      ],
    },
    {
      city: '深圳 Shenzhen',
      points: [
        { alpha: 0.5, hMm: 16.9 },
        { alpha: 0.6, hMm: 23.1 },
        { alpha: 0.7, hMm: 31.3 },
        { alpha: 0.75, hMm: 36.4 },
        { alpha: 0.8, hMm: 43.3 },
        { alpha: 0.85, hMm: 52.2 },
      ],
    },
  ],
};

/** Finds a city row in the shipped tables (matches Chinese or English name, case-insensitive). */
export function findCityDesignRainfall(name: string): { row: CityDesignRainfall; table: ProvenancedTable<CityDesignRainfall> } {
  const q = name.trim().toLowerCase();
  for (const table of [GUIDELINE_CITY_DESIGN_RAINFALL, LOCAL_CITY_DESIGN_RAINFALL]) {
    const row = table.rows.find((r) => r.city.toLowerCase().split(' ').includes(q) || r.city.toLowerCase() === q);
    if (row) return { row, table };
  }
  throw new RangeError(`no design-rainfall table for city "${name}"`);
}

/** Policy targets (§1.8). */
export const POLICY_TARGETS: ProvenancedTable<{ item: string; value: number; unit: string }> = {
  id: 'policy-targets',
  title: '国办发〔2015〕75号 sponge-city targets',
  provenance: { tag: 'V', source: '国办发〔2015〕75号', clause: 'digest §1.8' },
  rows: [
    { item: 'share of rainfall absorbed and used on site', value: 0.7, unit: 'fraction' },
    { item: 'share of built-up area meeting the target by 2020', value: 0.2, unit: 'fraction' },
    { item: 'share of built-up area meeting the target by 2030', value: 0.8, unit: 'fraction' },
  ],
};
