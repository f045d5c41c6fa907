// Unit labels from the model's FLOW_UNITS: SWMM reports in SI for CMS/LPS/MLD and US customary otherwise.

export type UnitSystem = 'SI' | 'US';

export function unitSystem(flowUnits: string | undefined): UnitSystem {
  return ['CMS', 'LPS', 'MLD'].includes((flowUnits ?? '').toUpperCase()) ? 'SI' : 'US';
}

/** Labels for result numbers; the run's own `units` (from the server) win over what FLOW_UNITS implies. */
export function unitLabels(flowUnits: string | undefined, runUnits?: { flow: string; volume: string; depth: string }) {
  const si = unitSystem(runUnits?.flow ?? flowUnits) === 'SI';
  const volume = runUnits?.volume ?? (si ? 'm3' : 'ft3');
  return {
    flow: (runUnits?.flow ?? flowUnits ?? (si ? 'CMS' : 'CFS')).toUpperCase(),
    depth: runUnits?.depth ?? (si ? 'mm' : 'in'),
    volume: volume === 'm3' ? 'm³' : volume === 'ft3' ? 'ft³' : volume,
  };
}
