// Force mains under dynamic wave (digest §7.15): full-pipe friction by Hazen-Williams or
// Darcy-Weisbach, and the equivalent Manning n used while the main runs partly full.
//
// Internal units: ft, ft/s. The D-W roughness height is the FORCE_MAIN Geom2 (in or mm)
// converted to ft by the caller; the H-W C factor is dimensionless.
import { GRAVITY_FT_S2 } from '../model/units.js';

export const FM_HAZEN_WILLIAMS = 0;
export const FM_DARCY_WEISBACH = 1;

/** Kinematic viscosity of water (ft²/s) for the Reynolds number. */
const VISCOSITY_FT2_S = 1.1e-5;

/**
 * Darcy-Weisbach friction factor for roughness height e (ft), hydraulic radius r (ft) and
 * Reynolds number re: laminar 64/Re up to 2000, Swamee-Jain above 4000, linear between
 * 0.032 at Re = 2000 and the turbulent value at 4000 (SWMM's transition rule).
 */
export function darcyFrictionFactor(eFt: number, rFt: number, re: number): number {
  if (re < 10) re = 10;
  if (re <= 2000) return 64 / re;
  if (re < 4000) {
    const f4000 = swameeJain(eFt, rFt, 4000);
    return 0.032 + ((f4000 - 0.032) * (re - 2000)) / 2000;
  }
  return swameeJain(eFt, rFt, re);
}

function swameeJain(eFt: number, rFt: number, re: number): number {
  const t = Math.log10(eFt / (3.7 * 4 * rFt) + 5.74 / Math.pow(re, 0.9));
  return 0.25 / (t * t);
}

/**
 * Equivalent Manning n of a force main of diameter dFt and slope s (partly full flow):
 * H-W `1.067/C·(D/S)^0.04`; D-W `√(f/185)·D^(1/6)` with the fully turbulent friction factor.
 */
export function forceMainEquivN(eqn: number, coeff: number, dFt: number, slope: number): number {
  if (eqn === FM_HAZEN_WILLIAMS) {
    const s = Math.abs(slope) > 0 ? Math.abs(slope) : 1e-6;
    return (1.067 / coeff) * Math.pow(dFt / s, 0.04);
  }
  const f = darcyFrictionFactor(coeff, dFt / 4, 1e12);
  return Math.sqrt(f / 185) * Math.pow(dFt, 1 / 6);
}

/**
 * Friction term coefficient of the DW momentum equation for a full force main
 * (the `dq1/Δt` of digest §7.7.3 step 9): velocity v (ft/s), hydraulic radius r (ft),
 * lengthening factor lf (modLength / actual length).
 */
export function forceMainFrictionCoeff(eqn: number, coeff: number, vFtS: number, rFt: number, lf: number): number {
  const v = Math.abs(vFtS);
  if (rFt <= 0) return 0;
  if (eqn === FM_HAZEN_WILLIAMS) {
    const k = GRAVITY_FT_S2 / Math.pow(1.318 * coeff * Math.pow(lf, 0.54), 1.852);
    return (k * Math.pow(v, 0.852)) / Math.pow(rFt, 1.1667);
  }
  const re = (4 * rFt * v) / VISCOSITY_FT2_S;
  const f = darcyFrictionFactor(coeff, rFt, re);
  return (f * v) / (8 * lf * rFt);
}
