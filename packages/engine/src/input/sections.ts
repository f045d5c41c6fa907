// The .inp sections: canonical name, the prefix SWMM matches, and how we keep them.
// 'typed' sections are parsed into the Model; 'extra' ones are validated and kept as
// RawSection (their physics come later); 'gui' ones are map/display data.
import { keywordMatches } from './keywords.js';

export type SectionKind = 'typed' | 'extra' | 'gui';

export interface SectionInfo {
  /** Canonical upper-case name with brackets, e.g. "[CONDUITS]". */
  name: string;
  /** Prefix matched against the header token (SWMM's keyword). */
  prefix: string;
  kind: SectionKind;
}

function s(name: string, prefix: string, kind: SectionKind): SectionInfo {
  return { name, prefix, kind };
}

/** In SWMM's matching order (longer keywords first where one is a prefix of another). */
export const SECTIONS: readonly SectionInfo[] = [
  s('[TITLE]', '[TITLE', 'typed'),
  s('[OPTIONS]', '[OPTION', 'typed'),
  s('[FILES]', '[FILE', 'extra'),
  s('[RAINGAGES]', '[RAINGAGE', 'typed'),
  s('[TEMPERATURE]', '[TEMPERATURE', 'extra'),
  s('[EVAPORATION]', '[EVAP', 'typed'),
  s('[SUBCATCHMENTS]', '[SUBCATCHMENT', 'typed'),
  s('[SUBAREAS]', '[SUBAREA', 'typed'),
  s('[INFILTRATION]', '[INFIL', 'typed'),
  s('[AQUIFERS]', '[AQUIFER', 'extra'),
  s('[GROUNDWATER]', '[GROUNDWATER', 'extra'),
  s('[SNOWPACKS]', '[SNOWPACK', 'extra'),
  s('[JUNCTIONS]', '[JUNC', 'typed'),
  s('[OUTFALLS]', '[OUTFALL', 'typed'),
  s('[STORAGE]', '[STORAGE', 'typed'),
  s('[DIVIDERS]', '[DIVIDER', 'typed'),
  s('[CONDUITS]', '[CONDUIT', 'typed'),
  s('[PUMPS]', '[PUMP', 'typed'),
  s('[ORIFICES]', '[ORIFICE', 'typed'),
  s('[WEIRS]', '[WEIR', 'typed'),
  s('[OUTLETS]', '[OUTLET', 'typed'),
  s('[XSECTIONS]', '[XSECT', 'typed'),
  s('[TRANSECTS]', '[TRANSECT', 'typed'),
  s('[LOSSES]', '[LOSS', 'typed'),
  s('[CONTROLS]', '[CONTROL', 'extra'),
  s('[POLLUTANTS]', '[POLLUT', 'extra'),
  s('[LANDUSES]', '[LANDUSE', 'extra'),
  s('[BUILDUP]', '[BUILDUP', 'extra'),
  s('[WASHOFF]', '[WASHOFF', 'extra'),
  s('[COVERAGES]', '[COVERAGE', 'extra'),
  s('[INFLOWS]', '[INFLOW', 'typed'),
  s('[DWF]', '[DWF', 'typed'),
  s('[PATTERNS]', '[PATTERN', 'typed'),
  s('[RDII]', '[RDII', 'extra'),
  s('[HYDROGRAPHS]', '[HYDROGRAPH', 'extra'),
  s('[LOADINGS]', '[LOADING', 'extra'),
  s('[TREATMENT]', '[TREATMENT', 'extra'),
  s('[CURVES]', '[CURVE', 'typed'),
  s('[TIMESERIES]', '[TIMESERIES', 'typed'),
  s('[REPORT]', '[REPORT', 'typed'),
  s('[COORDINATES]', '[COORDINATE', 'gui'),
  s('[VERTICES]', '[VERTICES', 'gui'),
  s('[POLYGONS]', '[POLYGON', 'gui'),
  s('[LABELS]', '[LABEL', 'extra'),
  s('[SYMBOLS]', '[SYMBOL', 'gui'),
  s('[BACKDROP]', '[BACKDROP', 'extra'),
  s('[TAGS]', '[TAG', 'extra'),
  s('[PROFILES]', '[PROFILE', 'extra'),
  s('[MAP]', '[MAP', 'gui'),
  s('[LID_CONTROLS]', '[LID_CONTROL', 'extra'),
  s('[LID_USAGE]', '[LID_USAGE', 'extra'),
  s('[GWF]', '[GWF', 'extra'),
  s('[ADJUSTMENTS]', '[ADJUSTMENT', 'extra'),
  s('[EVENTS]', '[EVENT', 'extra'),
  s('[STREETS]', '[STREET', 'extra'),
  s('[INLET_USAGE]', '[INLET_USAGE', 'extra'),
  s('[INLETS]', '[INLET', 'extra'),
];

/** The section a header token names, or undefined. */
export function findSection(token: string): SectionInfo | undefined {
  for (const sec of SECTIONS) if (keywordMatches(token, sec.prefix)) return sec;
  return undefined;
}

export function sectionInfo(name: string): SectionInfo | undefined {
  return SECTIONS.find((x) => x.name === name);
}
