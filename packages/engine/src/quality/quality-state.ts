// The water-quality state of one simulation: struct-of-arrays columns in SWMM's internal
// units (ft, ft², ft³, cfs, s; concentrations in the pollutant's own units, mg/L, µg/L or
// #/L; surface buildup in lb or kg, or counts). Built once by createQuality (quality.ts);
// the step functions in surface.ts and qualrouting.ts only read and write these arrays.
import type { UnitFactors } from '../model/units.js';
import type { TreatmentState } from './treatment.js';

// ---- Runoff Quality Continuity categories (lb, kg or counts), LT_N per pollutant.
export const LT_INIT = 0;
export const LT_BUILDUP = 1;
export const LT_DEPOSITION = 2;
export const LT_SWEEPING = 3;
export const LT_INFIL = 4;
export const LT_BMP = 5;
export const LT_RUNOFF = 6;
/** Ponded mass written off when a surface dried (added to "Remaining Buildup"). */
export const LT_FINAL = 7;
export const LT_N = 8;

// ---- Quality Routing Continuity categories (flow × concentration, i.e. cfs·mg/L), QT_N per pollutant.
export const QT_DW = 0;
export const QT_WW = 1;
export const QT_GW = 2;
export const QT_II = 3;
export const QT_EX = 4;
export const QT_FLOOD = 5;
export const QT_OUT = 6;
export const QT_REACTED = 7;
export const QT_SEEP = 8;
/** Mass (ft³·mg/L) left in an element that dried out this step (added to the final stored mass). */
export const QT_FINAL = 9;
export const QT_N = 10;

/** A time series as a lookup table (day numbers → values) with a moving cursor. */
export interface QualSeries {
  readonly t: Float64Array;
  readonly v: Float64Array;
}

export interface QualityState {
  readonly uf: UnitFactors;
  readonly startDateTime: number;
  /** Pollutants, land uses, subcatchments, nodes, links, outfalls, storage units. */
  readonly nP: number;
  readonly nLu: number;
  readonly nS: number;
  readonly nN: number;
  readonly nK: number;
  readonly nOut: number;

  // ---- pollutants
  readonly names: readonly string[];
  /** CONC_MG, CONC_UG, CONC_COUNT. */
  readonly concUnits: Int8Array;
  /** Concentration mass → report mass (lb/kg per mg, per µg; 1 for counts). */
  readonly mcf: Float64Array;
  readonly cRain: Float64Array;
  readonly cGw: Float64Array;
  readonly cRdii: Float64Array;
  /** First-order decay (1/s). */
  readonly kDecay: Float64Array;
  readonly cDwf: Float64Array;
  readonly cInit: Float64Array;
  readonly snowOnly: Uint8Array;
  readonly coPollut: Int32Array;
  readonly coFrac: Float64Array;

  // ---- land uses and their functions ([lu·nP + p])
  readonly luSweepInterval: Float64Array;
  readonly luAvailability: Float64Array;
  readonly luSweepDays0: Float64Array;
  readonly buFunc: Int8Array;
  readonly buC1: Float64Array;
  readonly buC2: Float64Array;
  readonly buC3: Float64Array;
  readonly buMaxDays: Float64Array;
  readonly buPerCurb: Uint8Array;
  /** EXT buildup: index into `series`, −1 none. */
  readonly buSeries: Int32Array;
  readonly woFunc: Int8Array;
  /** Washoff coefficient already in SWMM's internal form (EXP /3600, RC ×UCF(FLOW)^C2, EMC ×28.317). */
  readonly woCoeff: Float64Array;
  readonly woExpon: Float64Array;
  readonly woSweep: Float64Array;
  readonly woBmp: Float64Array;
  readonly series: readonly QualSeries[];
  readonly seriesCursor: Int32Array;

  // ---- subcatchments
  /** Land-use fractions [j·nLu + lu]. */
  readonly landFrac: Float64Array;
  /** Curb length (user units). */
  readonly curb: Float64Array;
  /** Initial buildup per acre/hectare from [LOADINGS] [j·nP + p]. */
  readonly initLoading: Float64Array;
  /** Surface buildup [ (j·nLu + lu)·nP + p ] (lb, kg or counts). */
  readonly buildup: Float64Array;
  /** Date-time a land use was last swept [j·nLu + lu]. */
  readonly lastSwept: Float64Array;
  /** Area-weighted BMP removal fraction of ponded-water loads [j·nP + p]. */
  readonly avgBmp: Float64Array;
  /** Pollutant mass in ponded water (concentration mass, e.g. mg) [j·nP + p]. */
  readonly pondedQual: Float64Array;
  /** Washoff concentration at the start / end of the last runoff step [j·nP + p]. */
  readonly oldQual: Float64Array;
  readonly newQual: Float64Array;
  /** Cumulative washoff load (lb, kg or counts) for the Subcatchment Washoff Summary [j·nP + p]. */
  readonly totalLoad: Float64Array;
  /** Runon mass rate received this step (mass/s) [j·nP + p]. */
  readonly runonW: Float64Array;
  /** Runon rate received this step (ft/s over the non-LID area), as the runoff side computes it. */
  readonly runonRate: Float64Array;
  /** Average ponded depth over the non-LID area at the start of the step (ft). */
  readonly depthStart: Float64Array;
  /** Outflow load of the subcatchment being computed (scratch, concentration mass) [p]. */
  readonly outflowLoad: Float64Array;
  /** LID water balance: each unit's cumulative exfiltration at the previous step (ft). */
  readonly lidPrevInfil: Float64Array;
  /** Runoff Quality Continuity totals [p·LT_N + LT_*]. */
  readonly loadTotals: Float64Array;

  // ---- conveyance system
  readonly nodeOldQual: Float64Array;
  /** During a routing step first the inflow mass-rate accumulator, then the new concentration. */
  readonly nodeNewQual: Float64Array;
  readonly linkOldQual: Float64Array;
  readonly linkNewQual: Float64Array;
  /** Σ |q|·c·Δt carried by each link (cfs·mg/L·s) [k·nP + p]. */
  readonly linkTotalLoad: Float64Array;
  /** Hydraulic residence time of each storage unit (s). */
  readonly storageHrt: Float64Array;
  /** Σ inflow·c·Δt of each outfall after the report start (cfs·mg/L·s) [o·nP + p]. */
  readonly outfallLoad: Float64Array;
  /** Subcatchment receiving each outfall's discharge (RouteTo), −1 none. */
  readonly outfallTarget: Int32Array;
  /** Volume (ft³) and mass (ft³·mg/L) sent onto that subcatchment since the last runoff step. */
  readonly outfallVRouted: Float64Array;
  readonly outfallWRouted: Float64Array;
  /** Quality Routing Continuity totals and this step's rates [p·QT_N + QT_*]. */
  readonly qualTotals: Float64Array;
  readonly stepQual: Float64Array;
  /** Mass stored in nodes and links at the start (ft³·mg/L) [p]. */
  readonly initStoredMass: Float64Array;

  // ---- lateral inflows of pollutants
  /** Nodes with any [INFLOWS] line, with the index of their FLOW entry in LateralInflows (−1 none). */
  readonly extNode: Int32Array;
  readonly extFlowEntry: Int32Array;
  /** Pollutant entries of extNode[e] are extPolStart[e] .. extPolStart[e+1]−1. */
  readonly extPolStart: Int32Array;
  readonly extPol: Int32Array;
  readonly extIsConcen: Uint8Array;
  /** 1 for CONCEN; Mfactor/28.317 for MASS (loads are kept as flow × concentration). */
  readonly extCf: Float64Array;
  readonly extSeries: Int32Array;
  readonly extSFactor: Float64Array;
  readonly extBaseline: Float64Array;
  readonly extPattern: Int32Array;
  /** DWF pollutant entries of DWF FLOW entry k: dwfPolStart[k] .. dwfPolStart[k+1]−1. */
  readonly dwfPolStart: Int32Array;
  readonly dwfPol: Int32Array;
  readonly dwfAvg: Float64Array;
  /** Four slots per entry by pattern type (monthly, daily, hourly, weekend), −1 none. */
  readonly dwfPat: Int32Array;
  readonly patType: Int8Array;
  /** 24 factor slots per pattern. */
  readonly patFactor: Float64Array;

  readonly treat: TreatmentState | null;

  /** Calendar cache for the step date (month 0..11 of `calDay`), refreshed once per day. */
  calDay: number;
  calMonth: number;
  calDayOfYear: number;
  /** Routing steps taken (the first one has no previous half step). */
  routingSteps: number;
}
