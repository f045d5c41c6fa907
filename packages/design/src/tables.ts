// Registry of every parameter table the package ships, so tests and the CLI can list them with provenance.
import type { Provenance } from './provenance.js';
import { STORM_FORMULAS } from './storm-formulas.js';
import { CONTROL_RATE_ZONES, GUIDELINE_CITY_DESIGN_RAINFALL, LOCAL_CITY_DESIGN_RAINFALL, POLICY_TARGETS } from './control-rate-tables.js';
import { COMPOSITE_PSI_GB50014, PLANNING_PSI_GB50318, SURFACE_COEFFICIENTS } from './runoff-coefficient.js';
import { MANNING_N_PIPES, PIPE_VELOCITY_LIMITS, STANDARD_DN } from './pipe.js';
import { CITY_CLASSES, DRAIN_DOWN_TIME_GB50014, PIPE_RECURRENCE_GB50014, WATERLOGGING_RECURRENCE_GB51222 } from './recurrence.js';
import { FACILITY_RULES } from './facilities/rules.js';
import { LAND_USE_CAPACITY } from './target-decomposition.js';
import { SS_REMOVAL_RATES } from './ss-removal.js';
import { ASSESSMENT_RULES } from './assessment/rules.js';

export interface ShippedTable {
  id: string;
  title: string;
  provenance: Provenance;
  size: number;
}

/** Every shipped table and storm formula, each with its provenance. */
export function shippedTables(): ShippedTable[] {
  const tables = [
    CONTROL_RATE_ZONES,
    GUIDELINE_CITY_DESIGN_RAINFALL,
    LOCAL_CITY_DESIGN_RAINFALL,
    POLICY_TARGETS,
    SURFACE_COEFFICIENTS,
    COMPOSITE_PSI_GB50014,
    PLANNING_PSI_GB50318,
    MANNING_N_PIPES,
    PIPE_VELOCITY_LIMITS,
    STANDARD_DN,
    CITY_CLASSES,
    PIPE_RECURRENCE_GB50014,
    WATERLOGGING_RECURRENCE_GB51222,
    DRAIN_DOWN_TIME_GB50014,
    FACILITY_RULES,
    LAND_USE_CAPACITY,
    SS_REMOVAL_RATES,
    ASSESSMENT_RULES,
  ];
  const rows: ShippedTable[] = tables.map((t) => ({ id: t.id, title: t.title, provenance: t.provenance, size: t.rows.length }));
  for (const f of STORM_FORMULAS) rows.push({ id: `storm-formula:${f.id}`, title: f.name, provenance: f.provenance, size: f.pieces.length });
  for (const r of ASSESSMENT_RULES.rows) rows.push({ id: `assessment-rule:${r.id}`, title: r.item, provenance: r.provenance, size: 1 });
  return rows;
}
