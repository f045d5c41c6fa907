// Conversion factors between the engine's internal US units (ft, ft², ft³, cfs, ft/s, s)
// and the user's units. Every factor converts INTERNAL → USER (multiply on output,
// divide on input), as in SWMM, so numbers match SWMM's to the last digit.
import type { FlowUnits } from './types.js';

export type UnitSystem = 'US' | 'SI';

export function unitSystemOf(flowUnits: FlowUnits): UnitSystem {
  return flowUnits === 'CMS' || flowUnits === 'LPS' || flowUnits === 'MLD' ? 'SI' : 'US';
}

/** cfs → user flow unit. Note CMS uses 0.02832 (not 0.028317), as SWMM does. */
export const FLOW_FACTOR: Readonly<Record<FlowUnits, number>> = {
  CFS: 1.0,
  GPM: 448.831,
  MGD: 0.64632,
  CMS: 0.02832,
  LPS: 28.317,
  MLD: 2.4466,
};

/** Binary-output flow-unit codes. */
export const FLOW_UNITS_CODE: Readonly<Record<FlowUnits, number>> = { CFS: 0, GPM: 1, MGD: 2, CMS: 3, LPS: 4, MLD: 5 };

/** Internal→user factors for one model (frozen, shared by reference; no mutable module state). */
export interface UnitFactors {
  system: UnitSystem;
  flowUnits: FlowUnits;
  /** ft/s → in/hr | mm/hr */
  rainfall: number;
  /** ft → in | mm */
  rainDepth: number;
  /** ft/s → in/day | mm/day */
  evapRate: number;
  /** ft → ft | m */
  length: number;
  /** ft² → acre | hectare */
  landArea: number;
  /** ft³ → ft³ | m³ */
  volume: number;
  /** mph | km/hr */
  windSpeed: number;
  /** °F | °C (scale only) */
  temperature: number;
  /** mg → lb | kg */
  mass: number;
  /** ft/s → cfs/acre | cms/ha */
  gwFlow: number;
  /** cfs → user flow */
  flow: number;
}

export function unitFactors(flowUnits: FlowUnits): UnitFactors {
  const si = unitSystemOf(flowUnits) === 'SI';
  return Object.freeze({
    system: si ? 'SI' : 'US',
    flowUnits,
    rainfall: si ? 1097280 : 43200,
    rainDepth: si ? 304.8 : 12,
    evapRate: si ? 26334720 : 1036800,
    length: si ? 0.3048 : 1.0,
    landArea: si ? 0.92903e-5 : 2.2956e-5,
    volume: si ? 0.02832 : 1.0,
    windSpeed: si ? 1.608 : 1.0,
    temperature: si ? 1.8 : 1.0,
    mass: si ? 1.0e-6 : 2.203e-6,
    gwFlow: si ? 3048 : 43560,
    flow: FLOW_FACTOR[flowUnits],
  });
}

// Physical and numerical constants (digest §0.2).
export const GRAVITY_FT_S2 = 32.2;
export const PHI_MANNING = 1.486;
export const MANNING_OVERLAND = 1.49;
export const TINY = 1e-6;
export const ZERO = 1e-10;
export const BIG = 1e10;
export const MISSING = -1e10;
export const FUDGE = 0.0001;
export const MIN_RUNOFF_FT_S = 2.31481e-8;
export const MIN_RUNOFF_FLOW_CFS = 0.001;
export const MIN_TOTAL_DEPTH_FT = 0.004167;
export const FLOW_TOL_CFS = 1e-5;
export const L_PER_FT3 = 28.317;
export const M3_PER_FT3 = 0.028317;
export const MM_PER_INCH = 25.4;
export const MGD_PER_CFS = 0.64632;
export const MLD_PER_CFS = 2.4466;
export const SEC_PER_DAY = 86400;
export const KW_PER_HP = 0.7457;
