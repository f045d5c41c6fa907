// Layer flux equations of SWMM 5.2.4's eight LID types and the step integrator (digest §6.3).
//
// One LID unit is solved per call of `lidSolveUnit`: the four layer states
// x = [surface depth (ft), soil moisture θ, storage depth (ft), pavement water depth (ft)]
// advance over Δt by x_new = x_old + (ω·f_old + (1 − ω)·f(x))·Δt clipped to the layer
// bounds; ω = 0 with a single flux evaluation at the start-of-step state (explicit Euler) for
// every type except the vegetative swale (ω = 0.5, iterated to 0.00328 ft, at most 19 passes).
// Rates are per unit area (ft/s), depths in ft, internal US units throughout.
//
// All intermediate rates live in one `LidFluxWork` object per simulation (the same quantities
// SWMM keeps between its flux routines); nothing here allocates.

/** Layer indexes of the state vector. */
export const SURF = 0;
export const SOIL = 1;
export const STOR = 2;
export const PAVE = 3;
export const N_LAYERS = 4;

/** Type codes (SWMM's order). */
export const LID_BC = 0;
export const LID_RG = 1;
export const LID_GR = 2;
export const LID_IT = 3;
export const LID_PP = 4;
export const LID_RB = 5;
export const LID_VS = 6;
export const LID_RD = 7;

const BIG = 1e10;
const ZERO = 1e-10;
/** Swale iteration: stop when every layer moved ≤ 1 mm between passes. */
const STOP_TOL_FT = 0.00328;
/** modified Puls: passes 1..19 (SWMM's loop runs while steps < 20). */
const MAX_PASSES = 19;
const MANNING_EXP = 5.0 / 3.0;

/** An LID control in internal units with SWMM's derived constants (built once by lid.ts). */
export interface LidProc {
  readonly name: string;
  readonly type: number;
  // surface
  /** Berm height (ft). */
  readonly surfThick: number;
  readonly surfVoidFrac: number;
  readonly surfRoughness: number;
  /** fraction */
  readonly surfSlope: number;
  readonly surfSideSlope: number;
  readonly surfAlpha: number;
  /** Excess above the berm leaves at once. */
  readonly canOverflow: boolean;
  // pavement
  readonly paveThick: number;
  readonly paveVoidFrac: number;
  readonly paveImpervFrac: number;
  /** ft/s */
  readonly paveKsat: number;
  /** ft of treated inflow at full clogging (0 = no clogging). */
  readonly paveClogFactor: number;
  readonly paveRegenDays: number;
  readonly paveRegenDegree: number;
  // soil
  readonly soilThick: number;
  readonly soilPorosity: number;
  readonly soilFieldCap: number;
  readonly soilWiltPoint: number;
  readonly soilKsat: number;
  readonly soilKSlope: number;
  /** ft */
  readonly soilSuction: number;
  // storage (the drainage mat for green roofs)
  readonly storThick: number;
  readonly storVoidFrac: number;
  readonly storKsat: number;
  /** ft of inflow at full clogging (0 = no clogging). */
  readonly storClogFactor: number;
  readonly storCovered: boolean;
  // drain
  readonly drainCoeff: number;
  readonly drainExpon: number;
  readonly drainOffset: number;
  /** s */
  readonly drainDelay: number;
  readonly drainHOpen: number;
  readonly drainHClose: number;
  /** Control curve (multiplier vs head in user units), or null. */
  readonly drainCurveX: Float64Array | null;
  readonly drainCurveY: Float64Array | null;
  // green-roof drainage mat
  readonly matThick: number;
  readonly matVoidFrac: number;
  readonly matAlpha: number;
  /** Counts as pervious area (no storage layer or a storage that exfiltrates). */
  readonly isPervious: boolean;
}

/** Per-simulation scratch state of the flux routines (the quantities of one unit's step). */
export class LidFluxWork {
  // step inputs
  dt = 0;
  evapRate = 0;
  maxNativeInfil = BIG;
  /** Unit quantities copied in before the solve. */
  fullWidth = 0;
  unitArea = 0;
  oldDrainFlow = 0;
  dryTime = 0;
  /** Cumulative unit inflow (ft) — the storage clogging basis. */
  wbInflow = 0;
  volTreated = 0;
  nextRegenDay = 0;
  /** Elapsed days at the start of the step (pavement regeneration). */
  oldRunoffDays = 0;
  /** ft → in|mm and ft/s → in/hr|mm/hr (the drain equation is in user units). */
  ucfRainDepth = 12;
  ucfRainfall = 43200;

  // rates of the latest flux evaluation (ft/s) and layer volumes (ft)
  surfaceInflow = 0;
  surfaceInfil = 0;
  surfaceEvap = 0;
  surfaceOutflow = 0;
  surfaceVolume = 0;
  paveEvap = 0;
  pavePerc = 0;
  paveVolume = 0;
  soilEvap = 0;
  soilPerc = 0;
  soilVolume = 0;
  storageInflow = 0;
  storageExfil = 0;
  storageEvap = 0;
  storageDrain = 0;
  storageVolume = 0;

  readonly x = new Float64Array(N_LAYERS);
  readonly xOld = new Float64Array(N_LAYERS);
  readonly xPrev = new Float64Array(N_LAYERS);
  readonly xMin = new Float64Array(N_LAYERS);
  readonly xMax = new Float64Array(N_LAYERS);
  readonly f = new Float64Array(N_LAYERS);
  readonly fOld = new Float64Array(N_LAYERS);
}

// ---------------------------------------------------------------- shared rate functions

/** Surface, pavement, soil and storage evaporation; pf = pervious fraction of the surface. */
function evapRates(w: LidFluxWork, surfVol: number, paveVol: number, soilVol: number, storVol: number, pf: number): void {
  let avail = w.evapRate;
  let se = Math.min(avail, surfVol / w.dt);
  if (se < 0) se = 0;
  w.surfaceEvap = se;
  avail = Math.max(0, avail - se) * pf;
  // Water soaking in from the surface stops evaporation from the layers below.
  if (w.surfaceInfil > 0) {
    w.paveEvap = 0;
    w.soilEvap = 0;
    w.storageEvap = 0;
    return;
  }
  w.paveEvap = Math.min(avail, paveVol / w.dt);
  avail = Math.max(0, avail - w.paveEvap);
  w.soilEvap = Math.min(avail, soilVol / w.dt);
  avail = Math.max(0, avail - w.soilEvap);
  w.storageEvap = Math.min(avail, storVol / w.dt);
}

/** Manning overland flow off the surface above the berm (ft/s per unit area), ≤ the excess. */
function surfaceOutflowRate(w: LidFluxWork, p: LidProc, depth: number): number {
  const delta = depth - p.surfThick;
  if (delta < 0) return 0;
  const q = (p.surfAlpha * Math.pow(delta, MANNING_EXP) * w.fullWidth) / w.unitArea;
  return Math.min(q, delta / w.dt);
}

/** Unsaturated conductivity of the soil layer (ft/s); none at or below field capacity. */
function soilPercRate(p: LidProc, theta: number): number {
  if (theta <= p.soilFieldCap) return 0;
  return p.soilKsat * Math.exp(-(p.soilPorosity - theta) * p.soilKSlope);
}

/** Pavement permeability reduced by clogging, after any scheduled regeneration (ft/s). */
function pavementPermRate(w: LidFluxWork, p: LidProc): number {
  let reduction = 0;
  const clog = p.paveClogFactor;
  if (clog > 0) {
    if (p.paveRegenDays > 0 && w.oldRunoffDays >= w.nextRegenDay) {
      w.volTreated *= 1 - p.paveRegenDegree;
      w.nextRegenDay += p.paveRegenDays;
    }
    reduction = Math.min(w.volTreated / clog, 1);
  }
  return p.paveKsat * (1 - reduction);
}

/** Exfiltration from the storage layer into native soil (ft/s), clogged by the inflow so far. */
function storageExfilRate(w: LidFluxWork, p: LidProc): number {
  if (p.storKsat === 0 || w.maxNativeInfil === 0) return 0;
  let clog = p.storClogFactor;
  if (clog > 0) clog = Math.min(w.wbInflow / clog, 1);
  return Math.min(p.storKsat * (1 - clog), w.maxNativeInfil);
}

/** Multiplier of a drain control curve at head h (user units): linear, flat beyond the ends. */
function curveLookup(xs: Float64Array, ys: Float64Array, h: number): number {
  const n = xs.length;
  if (n === 0) return 1;
  if (h <= xs[0]!) return ys[0]!;
  for (let i = 1; i < n; i++) {
    if (h <= xs[i]!) {
      const x1 = xs[i - 1]!;
      const x2 = xs[i]!;
      const dx = x2 - x1;
      return dx === 0 ? ys[i]! : ys[i - 1]! + ((h - x1) * (ys[i]! - ys[i - 1]!)) / dx;
    }
  }
  return ys[n - 1]!;
}

/**
 * Underdrain flow (ft/s). The head is the storage depth plus, when storage is full, the
 * saturated part of the soil and the water above it; open/close levels act on that head
 * (hysteresis on whether the drain flowed last step), then the offset is subtracted and
 * q = C·h^n is evaluated in in/hr (mm/hr) with h in in (mm).
 */
function storageDrainRate(w: LidFluxWork, p: LidProc, storDepth: number, theta: number, paveDepth: number, surfDepth: number): number {
  let head = storDepth;
  if (storDepth >= p.storThick) {
    if (p.soilThick > 0) {
      if (theta > p.soilFieldCap) {
        head += ((theta - p.soilFieldCap) / (p.soilPorosity - p.soilFieldCap)) * p.soilThick;
        if (theta >= p.soilPorosity) {
          if (p.paveThick > 0) {
            head += paveDepth;
            if (paveDepth >= p.paveThick) head += surfDepth;
          } else head += surfDepth;
        }
      }
    } else if (p.paveThick > 0) {
      head += paveDepth;
      if (paveDepth >= p.paveThick) head += surfDepth;
    }
  }
  if (w.oldDrainFlow === 0 && head <= p.drainHOpen) return 0;
  if (w.oldDrainFlow > 0 && head <= p.drainHClose) return 0;
  head -= p.drainOffset;
  if (!(head > ZERO)) return 0;
  const hUser = head * w.ucfRainDepth;
  let q = p.drainCoeff * Math.pow(hUser, p.drainExpon);
  if (p.drainCurveX) q *= curveLookup(p.drainCurveX, p.drainCurveY!, hUser);
  return q / w.ucfRainfall;
}

/** Green-roof drainage mat outflow: Manning flow in the mat, or whatever percolates into it. */
function drainMatOutflow(w: LidFluxWork, p: LidProc, depth: number): number {
  if (p.matAlpha > 0) {
    return ((p.matAlpha * Math.pow(depth, MANNING_EXP) * w.fullWidth) / w.unitArea) * p.matVoidFrac;
  }
  return w.soilPerc;
}

/** Drain limit shared by bio-retention, trench and pavement: water above the offset. */
function limitDrainToAvailable(w: LidFluxWork, p: LidProc, storDepth: number, inflowIfFull: number): void {
  if (!(w.storageDrain > 0)) return;
  let maxRate = -w.storageExfil - w.storageEvap;
  if (storDepth >= p.storThick) maxRate += inflowIfFull;
  if (p.drainOffset <= storDepth) maxRate += ((storDepth - p.drainOffset) * p.storVoidFrac) / w.dt;
  if (maxRate < 0) maxRate = 0;
  if (w.storageDrain > maxRate) w.storageDrain = maxRate;
}

// ---------------------------------------------------------------- flux rates per type

function bioCellFlux(w: LidFluxWork, p: LidProc, x: Float64Array, f: Float64Array): void {
  const surfDepth = x[SURF]!;
  const theta = x[SOIL]!;
  const storDepth = x[STOR]!;
  const dt = w.dt;
  w.surfaceVolume = surfDepth * p.surfVoidFrac;
  w.soilVolume = theta * p.soilThick;
  w.storageVolume = storDepth * p.storVoidFrac;

  evapRates(w, w.surfaceVolume, 0, w.soilVolume - p.soilWiltPoint * p.soilThick, w.storageVolume, 1);
  if (theta >= p.soilPorosity) w.storageEvap = 0;

  let perc = soilPercRate(p, theta);
  const maxPerc = Math.max((theta - p.soilFieldCap) * p.soilThick, 0) / dt - w.soilEvap;
  if (perc > maxPerc) perc = maxPerc;
  w.soilPerc = perc < 0 ? 0 : perc;

  w.storageExfil = storageExfilRate(w, p);
  w.storageDrain = p.drainCoeff > 0 ? storageDrainRate(w, p, storDepth, theta, 0, surfDepth) : 0;

  if (p.storThick === 0) {
    // Without a storage layer the soil drains straight into native soil.
    w.storageEvap = 0;
    const m = Math.min(w.soilPerc, w.storageExfil);
    w.soilPerc = m;
    w.storageExfil = m;
    w.surfaceInfil = Math.min(w.surfaceInfil, ((p.soilPorosity - theta) * p.soilThick) / dt + w.soilPerc + w.soilEvap);
  } else if (theta >= p.soilPorosity && storDepth >= p.storThick) {
    // Both layers full: the slower of soil percolation and storage outflow limits everything.
    let m = w.storageExfil + w.storageDrain;
    if (w.soilPerc < m) {
      m = w.soilPerc;
      if (m > w.storageExfil) w.storageDrain = m - w.storageExfil;
      else {
        w.storageExfil = m;
        w.storageDrain = 0;
      }
    } else w.soilPerc = m;
    w.surfaceInfil = Math.min(w.surfaceInfil, m);
  } else {
    const ex = Math.min(w.storageExfil, w.soilPerc - w.storageEvap + (storDepth * p.storVoidFrac) / dt);
    w.storageExfil = ex < 0 ? 0 : ex;
    limitDrainToAvailable(w, p, storDepth, w.soilPerc);
    w.soilPerc = Math.min(w.soilPerc, w.storageExfil + w.storageDrain + w.storageEvap + ((p.storThick - storDepth) * p.storVoidFrac) / dt);
    w.surfaceInfil = Math.min(w.surfaceInfil, ((p.soilPorosity - theta) * p.soilThick) / dt + w.soilPerc + w.soilEvap);
  }

  w.surfaceOutflow = surfaceOutflowRate(w, p, surfDepth);
  f[SURF] = (w.surfaceInflow - w.surfaceEvap - w.surfaceInfil - w.surfaceOutflow) / p.surfVoidFrac;
  f[SOIL] = (w.surfaceInfil - w.soilEvap - w.soilPerc) / p.soilThick;
  f[STOR] = p.storThick === 0 ? 0 : (w.soilPerc - w.storageEvap - w.storageExfil - w.storageDrain) / p.storVoidFrac;
  f[PAVE] = 0;
}

function greenRoofFlux(w: LidFluxWork, p: LidProc, x: Float64Array, f: Float64Array): void {
  const surfDepth = x[SURF]!;
  const theta = x[SOIL]!;
  const storDepth = x[STOR]!;
  const dt = w.dt;
  w.surfaceVolume = surfDepth * p.surfVoidFrac;
  w.soilVolume = theta * p.soilThick;
  w.storageVolume = storDepth * p.storVoidFrac;

  evapRates(w, w.surfaceVolume, 0, w.soilVolume - p.soilWiltPoint * p.soilThick, w.storageVolume, 1);
  if (theta >= p.soilPorosity) w.storageEvap = 0;

  let perc = soilPercRate(p, theta);
  const maxPerc = Math.max((theta - p.soilFieldCap) * p.soilThick, 0) / dt - w.soilEvap;
  if (perc > maxPerc) perc = maxPerc;
  w.soilPerc = perc < 0 ? 0 : perc;

  w.storageExfil = 0;
  w.storageDrain = drainMatOutflow(w, p, storDepth);

  if (theta >= p.soilPorosity && storDepth >= p.storThick) {
    const m = Math.min(w.soilPerc, w.storageDrain);
    w.soilPerc = m;
    w.storageDrain = m;
    w.surfaceInfil = Math.min(w.surfaceInfil, m);
  } else {
    let m = (storDepth * p.storVoidFrac) / dt - w.storageEvap;
    if (storDepth >= p.storThick) m += w.soilPerc;
    if (m < 0) m = 0;
    if (w.storageDrain > m) w.storageDrain = m;
    w.soilPerc = Math.min(w.soilPerc, ((p.storThick - storDepth) * p.storVoidFrac) / dt + w.storageDrain + w.storageEvap);
    w.surfaceInfil = Math.min(w.surfaceInfil, ((p.soilPorosity - theta) * p.soilThick) / dt + w.soilPerc + w.soilEvap);
  }

  w.surfaceOutflow = surfaceOutflowRate(w, p, surfDepth);
  f[SURF] = (w.surfaceInflow - w.surfaceEvap - w.surfaceInfil - w.surfaceOutflow) / p.surfVoidFrac;
  f[SOIL] = (w.surfaceInfil - w.soilEvap - w.soilPerc) / p.soilThick;
  f[STOR] = (w.soilPerc - w.storageEvap - w.storageDrain) / p.storVoidFrac;
  f[PAVE] = 0;
}

function trenchFlux(w: LidFluxWork, p: LidProc, x: Float64Array, f: Float64Array): void {
  const surfDepth = x[SURF]!;
  const storDepth = x[STOR]!;
  const dt = w.dt;
  w.surfaceVolume = surfDepth * p.surfVoidFrac;
  w.soilVolume = 0;
  w.storageVolume = storDepth * p.storVoidFrac;

  evapRates(w, w.surfaceVolume, 0, 0, w.storageVolume, 1);
  if (surfDepth > 0) w.storageEvap = 0;

  let inflow = w.surfaceInflow + w.surfaceVolume / dt;
  w.storageExfil = storageExfilRate(w, p);
  w.storageDrain = p.drainCoeff > 0 ? storageDrainRate(w, p, storDepth, 0, 0, surfDepth) : 0;

  const ex = Math.min(w.storageExfil, inflow - w.storageEvap + (storDepth * p.storVoidFrac) / dt);
  w.storageExfil = ex < 0 ? 0 : ex;
  limitDrainToAvailable(w, p, storDepth, inflow);
  inflow = Math.min(inflow, ((p.storThick - storDepth) * p.storVoidFrac) / dt + w.storageExfil + w.storageEvap + w.storageDrain);
  w.storageInflow = inflow;
  w.surfaceInfil = inflow;

  w.surfaceOutflow = surfaceOutflowRate(w, p, surfDepth);
  f[SURF] = (w.surfaceInflow - w.surfaceEvap - inflow - w.surfaceOutflow) / p.surfVoidFrac;
  f[STOR] = (inflow - w.storageEvap - w.storageExfil - w.storageDrain) / p.storVoidFrac;
  f[SOIL] = 0;
  f[PAVE] = 0;
}

function pavementFlux(w: LidFluxWork, p: LidProc, x: Float64Array, f: Float64Array): void {
  const surfDepth = x[SURF]!;
  const paveDepth = x[PAVE]!;
  const theta = x[SOIL]!;
  const storDepth = x[STOR]!;
  const dt = w.dt;
  const pf = 1 - p.paveImpervFrac;
  const paveVf = p.paveVoidFrac * pf;
  const hasSoil = p.soilThick > 0;
  w.surfaceVolume = surfDepth * p.surfVoidFrac;
  w.paveVolume = paveDepth * paveVf;
  w.soilVolume = theta * p.soilThick;
  w.storageVolume = storDepth * p.storVoidFrac;

  evapRates(w, w.surfaceVolume, w.paveVolume, w.soilVolume - p.soilWiltPoint * p.soilThick, w.storageVolume, pf);
  const paveFull = paveDepth >= p.paveThick;
  const soilFull = hasSoil && theta >= p.soilPorosity;
  const storFull = storDepth >= p.storThick;
  if (paveFull || soilFull) w.storageEvap = 0;

  w.surfaceInfil = w.surfaceInflow + w.surfaceVolume / dt;
  w.pavePerc = pavementPermRate(w, p) * pf;
  if (w.surfaceInfil > w.pavePerc) w.surfaceInfil = w.pavePerc;
  const maxPave = Math.max(w.paveVolume / dt + w.surfaceInfil - w.paveEvap, 0);
  if (w.pavePerc > maxPave) w.pavePerc = maxPave;

  if (hasSoil) {
    let perc = soilPercRate(p, theta);
    const maxPerc = Math.max((theta - p.soilFieldCap) * p.soilThick, 0) / dt - w.soilEvap;
    if (perc > maxPerc) perc = maxPerc;
    w.soilPerc = perc < 0 ? 0 : perc;
  } else w.soilPerc = w.pavePerc;

  w.storageExfil = storageExfilRate(w, p);
  w.storageDrain = p.drainCoeff > 0 ? storageDrainRate(w, p, storDepth, theta, paveDepth, surfDepth) : 0;

  if (!hasSoil && storFull && paveFull) {
    const m = w.storageEvap + w.storageDrain + w.storageExfil;
    if (w.pavePerc > m) w.pavePerc = m;
    else {
      w.storageExfil = Math.min(w.storageExfil, w.pavePerc);
      w.storageDrain = w.pavePerc - w.storageExfil;
    }
    w.soilPerc = w.pavePerc;
    w.surfaceInfil = Math.min(w.surfaceInfil, w.pavePerc);
  } else if (hasSoil && storFull && soilFull && paveFull) {
    let m = w.storageExfil + w.storageDrain;
    if (w.soilPerc < m) m = w.soilPerc;
    else m = Math.min(m, w.pavePerc);
    if (m > w.storageExfil) w.storageDrain = m - w.storageExfil;
    else {
      w.storageExfil = m;
      w.storageDrain = 0;
    }
    w.soilPerc = m;
    w.pavePerc = m;
    w.surfaceInfil = Math.min(w.surfaceInfil, w.pavePerc);
  } else if (hasSoil && storFull && soilFull) {
    const m = w.storageDrain + w.storageExfil;
    if (w.soilPerc > m) w.soilPerc = m;
    else {
      w.storageExfil = Math.min(w.storageExfil, w.soilPerc);
      w.storageDrain = w.soilPerc - w.storageExfil;
    }
    w.pavePerc = Math.min(w.pavePerc, w.soilPerc);
    w.surfaceInfil = Math.min(w.surfaceInfil, ((p.paveThick - paveDepth) * paveVf) / dt + w.pavePerc + w.paveEvap);
  } else if (hasSoil && paveFull && soilFull) {
    w.pavePerc = Math.min(w.pavePerc, w.soilPerc);
    w.soilPerc = w.pavePerc;
    w.surfaceInfil = Math.min(w.surfaceInfil, w.pavePerc);
    w.storageExfil = Math.min(w.storageExfil, Math.max(w.storageVolume / dt + w.soilPerc - w.storageEvap, 0));
  } else {
    w.storageExfil = Math.min(w.storageExfil, Math.max(0, w.soilPerc - w.storageEvap + w.storageVolume / dt));
    limitDrainToAvailable(w, p, storDepth, w.soilPerc);
    let m = Math.max(((p.storThick - storDepth) * p.storVoidFrac) / dt + w.storageEvap + w.storageDrain + w.storageExfil, 0);
    if (hasSoil) {
      w.soilPerc = Math.min(w.soilPerc, m);
      m = ((p.soilPorosity - theta) * p.soilThick) / dt + w.soilPerc;
    }
    w.pavePerc = Math.min(w.pavePerc, m);
    w.surfaceInfil = Math.min(w.surfaceInfil, ((p.paveThick - paveDepth) * paveVf) / dt + w.pavePerc + w.paveEvap);
  }

  w.surfaceOutflow = surfaceOutflowRate(w, p, surfDepth);
  // The surface flux is a depth rate over the whole unit (not divided by the surface void fraction).
  f[SURF] = w.surfaceInflow - w.surfaceEvap - w.surfaceInfil - w.surfaceOutflow;
  f[PAVE] = (w.surfaceInfil - w.paveEvap - w.pavePerc) / paveVf;
  let storIn: number;
  if (hasSoil) {
    f[SOIL] = (w.pavePerc - w.soilEvap - w.soilPerc) / p.soilThick;
    storIn = w.soilPerc;
  } else {
    f[SOIL] = 0;
    storIn = w.pavePerc;
    w.soilPerc = 0;
  }
  f[STOR] = (storIn - w.storageEvap - w.storageExfil - w.storageDrain) / p.storVoidFrac;
}

/** Trapezoidal channel: volume balance in cfs converted to rates per unit area. */
function swaleFlux(w: LidFluxWork, p: LidProc, x: Float64Array, f: Float64Array): void {
  const depthFull = p.surfThick;
  const depth = Math.min(x[SURF]!, depthFull);
  let side = p.surfSideSlope;
  const topWidth = Math.max(w.fullWidth, 0.5);
  let botWidth = topWidth - 2 * side * depthFull;
  // A 0.5 ft minimum bottom keeps the geometry well defined.
  if (botWidth < 0.5) {
    botWidth = 0.5;
    side = (0.5 * (topWidth - 0.5)) / depthFull;
  }
  const area1 = w.unitArea;
  const length = area1 / topWidth;
  const surfArea = length * (botWidth + 2 * side * depth);
  const flowArea = depth * (botWidth + side * depth) * p.surfVoidFrac;
  const volume = length * flowArea;
  const inflowCfs = w.surfaceInflow * area1;
  const evapCfs = Math.min(w.evapRate * surfArea, volume / w.dt);
  const infilCfs = w.surfaceInfil * surfArea;
  let outCfs = 0;
  if (depth > ZERO && flowArea >= ZERO) {
    const r = flowArea / (botWidth + 2 * depth * Math.sqrt(1 + side * side));
    outCfs = p.surfAlpha * flowArea * Math.pow(r, 2 / 3);
  }
  let dVdt = inflowCfs - evapCfs - infilCfs - outCfs;
  if (depth === depthFull && dVdt > 0) {
    // Full: any net gain spills over.
    outCfs += dVdt;
    dVdt = 0;
  }
  w.surfaceEvap = evapCfs / area1;
  w.storageExfil = infilCfs / area1;
  w.surfaceOutflow = outCfs / area1;
  f[SURF] = dVdt / surfArea;
  f[SOIL] = 0;
  f[STOR] = 0;
  f[PAVE] = 0;
  w.surfaceVolume = volume / area1;
  w.soilVolume = 0;
  w.storageVolume = 0;
}

function barrelFlux(w: LidFluxWork, p: LidProc, x: Float64Array, f: Float64Array): void {
  const storDepth = x[STOR]!;
  w.surfaceVolume = 0;
  w.soilVolume = 0;
  w.storageVolume = storDepth;
  w.surfaceInfil = 0;
  w.surfaceOutflow = 0;
  w.storageDrain = 0;
  // The barrel empties only after the drain delay has passed since the last rain.
  if (p.drainDelay === 0 || w.dryTime >= p.drainDelay) {
    const head = storDepth - p.drainOffset;
    if (head > 0) w.storageDrain = Math.min(storageDrainRate(w, p, storDepth, 0, 0, 0), head / w.dt);
  }
  const inflow = Math.min(w.surfaceInflow, (p.storThick - storDepth) / w.dt + w.storageDrain);
  w.storageInflow = inflow;
  w.surfaceInfil = inflow;
  f[SURF] = w.surfaceInflow - inflow;
  f[STOR] = inflow - w.storageDrain;
  f[SOIL] = 0;
  f[PAVE] = 0;
}

function roofFlux(w: LidFluxWork, p: LidProc, x: Float64Array, f: Float64Array): void {
  const surfDepth = x[SURF]!;
  evapRates(w, surfDepth, 0, 0, 0, 1);
  w.surfaceVolume = surfDepth;
  w.surfaceInfil = 0;
  // [as-is] with no roughness/slope SWMM computes the overflow on a copy and discards it.
  if (p.surfAlpha > 0) w.surfaceOutflow = surfaceOutflowRate(w, p, surfDepth);
  // The drain coefficient is the roof drain capacity in in/hr (mm/hr).
  w.storageDrain = Math.min(p.drainCoeff / w.ucfRainfall, w.surfaceOutflow);
  w.surfaceOutflow -= w.storageDrain;
  f[SURF] = w.surfaceInflow - w.surfaceEvap - w.storageDrain - w.surfaceOutflow;
  f[SOIL] = 0;
  f[STOR] = 0;
  f[PAVE] = 0;
}

function fluxRates(w: LidFluxWork, p: LidProc, x: Float64Array, f: Float64Array): void {
  switch (p.type) {
    case LID_BC:
    case LID_RG:
      return bioCellFlux(w, p, x, f);
    case LID_GR:
      return greenRoofFlux(w, p, x, f);
    case LID_IT:
      return trenchFlux(w, p, x, f);
    case LID_PP:
      return pavementFlux(w, p, x, f);
    case LID_RB:
      return barrelFlux(w, p, x, f);
    case LID_VS:
      return swaleFlux(w, p, x, f);
    case LID_RD:
      return roofFlux(w, p, x, f);
    default:
      f.fill(0);
  }
}

/**
 * Advance one unit over w.dt. Before the call: w.x holds the start-of-step state, w.fOld the
 * unit's previous flux rates, w.surfaceInflow the inflow and w.surfaceInfil the surface
 * infiltration (Green-Ampt, native soil, or 0 for pavement), plus the unit fields of `w`.
 * After it: w.x is the end-of-step state, w.f the new flux rates, and the rate fields hold the
 * step's evaporation, percolation, exfiltration, drain and surface outflow (overflow included).
 * Returns the number of flux evaluations (0 if the swale iteration did not converge).
 */
export function lidSolveUnit(w: LidFluxWork, p: LidProc): number {
  w.surfaceEvap = w.surfaceOutflow = w.surfaceVolume = 0;
  w.paveEvap = w.pavePerc = w.paveVolume = 0;
  w.soilEvap = w.soilPerc = w.soilVolume = 0;
  w.storageInflow = w.storageExfil = w.storageEvap = w.storageDrain = w.storageVolume = 0;
  const { x, xOld, xPrev, xMin, xMax, f, fOld } = w;
  for (let i = 0; i < N_LAYERS; i++) {
    xMin[i] = 0;
    xMax[i] = BIG;
    xOld[i] = x[i]!;
    xPrev[i] = x[i]!;
    f[i] = 0;
  }
  if (p.soilThick > 0) {
    xMin[SOIL] = p.soilWiltPoint;
    xMax[SOIL] = p.soilPorosity;
  }
  if (p.paveThick > 0) xMax[PAVE] = p.paveThick;
  if (p.storThick > 0) xMax[STOR] = p.storThick;
  if (p.type === LID_GR) xMax[STOR] = p.matThick;

  const omega = p.type === LID_VS ? 0.5 : 0;
  let passes = 0;
  let converged = false;
  while (passes < MAX_PASSES) {
    passes++;
    fluxRates(w, p, x, f);
    let canStop = true;
    for (let i = 0; i < N_LAYERS; i++) {
      let v = xOld[i]! + (omega * fOld[i]! + (1 - omega) * f[i]!) * w.dt;
      if (v > xMax[i]!) v = xMax[i]!;
      if (v < xMin[i]!) v = xMin[i]!;
      x[i] = v;
      if (omega > 0 && Math.abs(v - xPrev[i]!) > STOP_TOL_FT) canStop = false;
      xPrev[i] = v;
    }
    if (canStop) {
      converged = true;
      break;
    }
  }

  // Water above the berm leaves at once when the surface cannot hold it.
  if (p.canOverflow || w.fullWidth === 0) {
    const delta = x[SURF]! - p.surfThick;
    if (delta > 0) {
      x[SURF] = p.surfThick;
      w.surfaceOutflow += (delta * p.surfVoidFrac) / w.dt;
    }
  }
  return converged ? passes : 0;
}
