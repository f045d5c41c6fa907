// Event loads and event-mean concentrations from monitoring (digest §6.2): L = Σ C·Q·Δt, EMC = L / Σ Q·Δt,
// load removal = 1 − L_out/L_in (infiltrated water leaves no load at the outlet).

export interface Sampled {
  /** Flow in L/s at each sample. */
  flowLps: readonly number[];
  /** Concentration in mg/L at each sample. */
  concMgL: readonly number[];
}

export interface EventLoad {
  loadKg: number;
  volumeM3: number;
  /** mg/L; NaN when there was no flow. */
  emcMgL: number;
}

/** Load and EMC of one sampled hydrograph with a constant sampling interval Δt (s). */
export function eventLoad(s: Sampled, dtS: number): EventLoad {
  if (s.flowLps.length !== s.concMgL.length) throw new RangeError(`flow and concentration series differ in length (${s.flowLps.length} vs ${s.concMgL.length})`);
  if (s.flowLps.length === 0) throw new RangeError('empty series');
  if (!(dtS > 0)) throw new RangeError(`sampling interval must be > 0 s (got ${dtS})`);
  let mg = 0;
  let litres = 0;
  for (let k = 0; k < s.flowLps.length; k++) {
    const q = s.flowLps[k]!;
    const c = s.concMgL[k]!;
    if (!(q >= 0) || !(c >= 0)) throw new RangeError(`flow and concentration must be >= 0 (sample ${k + 1})`);
    mg += c * q * dtS;
    litres += q * dtS;
  }
  return { loadKg: mg / 1e6, volumeM3: litres / 1000, emcMgL: litres > 0 ? mg / litres : NaN };
}

export interface RemovalResult {
  inflow: EventLoad;
  outflow: EventLoad;
  loadRemoval: number;
  volumeReduction: number;
  /** 1 − EMC_out/EMC_in: concentration-only removal, for reference. */
  concentrationRemoval: number;
}

/** Load-based removal of a facility or project from inflow and outflow samples. */
export function loadRemoval(inflow: Sampled, outflow: Sampled, dtS: number): RemovalResult {
  const i = eventLoad(inflow, dtS);
  const o = eventLoad(outflow, dtS);
  if (!(i.loadKg > 0)) throw new RangeError('inflow load is zero: removal undefined');
  return {
    inflow: i,
    outflow: o,
    loadRemoval: 1 - o.loadKg / i.loadKg,
    volumeReduction: 1 - o.volumeM3 / i.volumeM3,
    concentrationRemoval: o.volumeM3 > 0 ? 1 - o.emcMgL / i.emcMgL : 1,
  };
}
