// Unit labels from the model's FLOW_UNITS: SWMM reports in SI for CMS/LPS/MLD and US customary otherwise.

export type UnitSystem = 'SI' | 'US';

export function unitSystem(flowUnits: string | undefined): UnitSystem {
  return ['CMS', 'LPS', 'MLD'].includes((flowUnits ?? '').toUpperCase()) ? 'SI' : 'US';
}

export function unitLabels(flowUnits: string | undefined) {
  const si = unitSystem(flowUnits) === 'SI';
  return {
    flow: (flowUnits ?? (si ? 'CMS' : 'CFS')).toUpperCase(),
    depth: si ? 'mm' : 'in',
    // SWMM's runoff-continuity table prints volumes in hectare-metres (SI) or acre-feet (US).
    volume: si ? 'ha·m' : 'ac·ft',
    outfallVolume: si ? '10⁶ L' : '10⁶ gal',
  };
}
