// Hand-checked single steps of the LID layer equations (digest §6.3): soil percolation and
// evaporation order, underdrain with offset / control curve / open-close levels, pavement and
// storage clogging with regeneration, rain-barrel delay and overflow, swale geometry.
import { describe, expect, it } from 'vitest';
import {
  LID_BC, LID_IT, LID_PP, LID_RB, LID_VS, LidFluxWork, type LidProc, lidSolveUnit, PAVE, SOIL, STOR, SURF,
} from './lid-flux.js';

const IN_HR = 43200; // ft/s → in/hr
const DT = 60;

function proc(type: number, o: Partial<LidProc>): LidProc {
  return {
    name: 'L', type,
    surfThick: 0, surfVoidFrac: 1, surfRoughness: 0, surfSlope: 0, surfSideSlope: 0, surfAlpha: 0, canOverflow: true,
    paveThick: 0, paveVoidFrac: 0, paveImpervFrac: 0, paveKsat: 0, paveClogFactor: 0, paveRegenDays: 0, paveRegenDegree: 0,
    soilThick: 0, soilPorosity: 0, soilFieldCap: 0, soilWiltPoint: 0, soilKsat: 0, soilKSlope: 0, soilSuction: 0,
    storThick: 0, storVoidFrac: 1, storKsat: 0, storClogFactor: 0, storCovered: false,
    drainCoeff: 0, drainExpon: 0, drainOffset: 0, drainDelay: 0, drainHOpen: 0, drainHClose: 0, drainCurveX: null, drainCurveY: null,
    matThick: 0, matVoidFrac: 0, matAlpha: 0, isPervious: true,
    ...o,
  };
}

function work(x: [number, number, number, number], inflowInHr = 0, evapFtS = 0): LidFluxWork {
  const w = new LidFluxWork();
  w.dt = DT;
  w.evapRate = evapFtS;
  w.maxNativeInfil = 1e10;
  w.fullWidth = 10;
  w.unitArea = 1000;
  w.surfaceInflow = inflowInHr / IN_HR;
  w.surfaceInfil = 0;
  w.x[SURF] = x[0];
  w.x[SOIL] = x[1];
  w.x[STOR] = x[2];
  w.x[PAVE] = x[3];
  return w;
}

describe('bio-retention soil layer', () => {
  it('percolates Ks·exp(−(porosity − θ)·slope) and evaporates from the soil when the surface is dry', () => {
    // 1 ft soil (por 0.5, FC 0.2, WP 0.1, Ks 1 in/hr, slope 10) over an empty 1 ft storage (vf 0.5).
    const p = proc(LID_BC, {
      soilThick: 1, soilPorosity: 0.5, soilFieldCap: 0.2, soilWiltPoint: 0.1, soilKsat: 1 / IN_HR, soilKSlope: 10,
      storThick: 1, storVoidFrac: 0.5,
    });
    const e = 0.2 / 1036800; // 0.2 in/day
    const w = work([0, 0.4, 0, 0], 0, e);
    expect(lidSolveUnit(w, p)).toBe(1);
    const perc = Math.exp(-1) / IN_HR; // θ = 0.4: e^(−0.1·10) in/hr
    expect(w.soilPerc).toBeCloseTo(perc, 15);
    expect(w.soilEvap).toBeCloseTo(e, 15); // no surface water, nothing soaking in: the soil evaporates
    expect(w.storageEvap).toBe(0);
    expect(w.x[SOIL]).toBeCloseTo(0.4 - (e + perc) * DT, 14);
    expect(w.x[STOR]).toBeCloseTo((perc * DT) / 0.5, 14);
    // The stored volume is the start-of-step one: 0.4 ft of soil water.
    expect(w.soilVolume + w.storageVolume).toBeCloseTo(0.4, 15);
  });
});

describe('underdrain', () => {
  // 36 in trench (void fraction 0.5) holding 10 in, drain C = 0.5, n = 0.5, offset 2 in.
  const base = { storThick: 3, storVoidFrac: 0.5, drainCoeff: 0.5, drainExpon: 0.5, drainOffset: 2 / 12 };

  it('flows C·(h − offset)^n in/hr with h in inches, scaled by the control curve at that head', () => {
    const plain = work([0, 0, 10 / 12, 0]);
    lidSolveUnit(plain, proc(LID_IT, base));
    expect(plain.storageDrain * IN_HR).toBeCloseTo(0.5 * Math.sqrt(8), 12);
    // Curve 0 in → 1, 12 in → 0.5: at 8 in the multiplier is 1 − 0.5·8/12.
    const curved = work([0, 0, 10 / 12, 0]);
    lidSolveUnit(curved, proc(LID_IT, { ...base, drainCurveX: Float64Array.of(0, 12), drainCurveY: Float64Array.of(1, 0.5) }));
    expect(curved.storageDrain * IN_HR).toBeCloseTo(0.5 * Math.sqrt(8) * (1 - 0.5 * (8 / 12)), 12);
    expect(curved.x[STOR]).toBeCloseTo(10 / 12 - (curved.storageDrain * DT) / 0.5, 14);
  });

  it('opens above the open level and, once flowing, closes only below the close level', () => {
    const p = proc(LID_IT, { ...base, drainHOpen: 1, drainHClose: 4 / 12 }); // open 12 in, close 4 in
    const closed = work([0, 0, 10 / 12, 0]);
    closed.oldDrainFlow = 0;
    lidSolveUnit(closed, p);
    expect(closed.storageDrain).toBe(0);
    const flowing = work([0, 0, 10 / 12, 0]);
    flowing.oldDrainFlow = 1e-3;
    lidSolveUnit(flowing, p);
    expect(flowing.storageDrain * IN_HR).toBeCloseTo(0.5 * Math.sqrt(8), 12);
  });
});

describe('clogging', () => {
  // 6 in pavement, void ratio 0.15, fully pervious, 100 in/hr; 12 in storage below (vf 0.75/1.75).
  const paveVf = 0.15 / 1.15;
  const cf = 10 * 0.5 * paveVf; // clog factor 10 → ft of treated inflow at full clogging
  const pp = { paveThick: 0.5, paveVoidFrac: paveVf, paveKsat: 100 / IN_HR, paveClogFactor: cf, storThick: 1, storVoidFrac: 0.75 / 1.75 };

  it('pavement permeability falls with the volume treated', () => {
    const w = work([0, 0, 0, 0], 200);
    w.volTreated = cf / 2;
    lidSolveUnit(w, proc(LID_PP, pp));
    expect(w.pavePerc * IN_HR).toBeCloseTo(50, 10);
    expect(w.surfaceInfil * IN_HR).toBeCloseTo(50, 10);
  });

  it('regeneration at its interval removes a fraction of the clogging', () => {
    const w = work([0, 0, 0, 0], 200);
    w.volTreated = cf / 2;
    w.nextRegenDay = 1;
    w.oldRunoffDays = 1;
    lidSolveUnit(w, proc(LID_PP, { ...pp, paveRegenDays: 1, paveRegenDegree: 0.5 }));
    expect(w.volTreated).toBeCloseTo(cf / 4, 15);
    expect(w.nextRegenDay).toBe(2);
    expect(w.pavePerc * IN_HR).toBeCloseTo(75, 10);
  });

  it('storage exfiltration falls with the inflow received and is capped by the native soil', () => {
    // 36 in storage, vf 0.5, 1 in/hr seepage, clog factor 2 → 2·3·0.5 ft of inflow clogs it.
    const p = proc(LID_IT, { storThick: 3, storVoidFrac: 0.5, storKsat: 1 / IN_HR, storClogFactor: 3 });
    const w = work([0, 0, 1, 0]);
    w.wbInflow = 1.5;
    lidSolveUnit(w, p);
    expect(w.storageExfil * IN_HR).toBeCloseTo(0.5, 12);
    const capped = work([0, 0, 1, 0]);
    capped.maxNativeInfil = 0.2 / IN_HR;
    lidSolveUnit(capped, p);
    expect(capped.storageExfil * IN_HR).toBeCloseTo(0.2, 12);
  });
});

describe('rain barrel', () => {
  // 12 in barrel, drain C = 2, n = 0.5, 1 h delay.
  const p = proc(LID_RB, { storThick: 1, storVoidFrac: 1, drainCoeff: 2, drainExpon: 0.5, drainDelay: 3600, isPervious: false });

  it('holds its water until the drain delay has passed', () => {
    const w = work([0, 0, 0.5, 0], 0);
    w.dryTime = 1800;
    lidSolveUnit(w, p);
    expect(w.storageDrain).toBe(0);
    w.x[STOR] = 0.5;
    w.dryTime = 3600;
    lidSolveUnit(w, p);
    expect(w.storageDrain * IN_HR).toBeCloseTo(2 * Math.sqrt(6), 12);
  });

  it('overflows what the barrel cannot take', () => {
    const w = work([0, 0, 0.99, 0], 100);
    w.dryTime = 0;
    lidSolveUnit(w, p);
    const inflow = 100 / IN_HR;
    const room = 0.01 / DT;
    expect(w.x[STOR]).toBeCloseTo(1, 14);
    expect(w.surfaceOutflow).toBeCloseTo(inflow - room, 14);
    expect(w.x[SURF]).toBe(0);
  });
});

describe('vegetative swale', () => {
  it('passes its inflow at the normal depth of its trapezoid (Manning, hand-computed)', () => {
    // Berm 1 ft, side slope 5, top width 20 ft → bottom 10 ft; 2000 ft² → 100 ft long; n 0.2, slope 1 %.
    const alpha = (1.49 * Math.sqrt(0.01)) / 0.2;
    const p = proc(LID_VS, { surfThick: 1, surfSideSlope: 5, surfRoughness: 0.2, surfSlope: 0.01, surfAlpha: alpha });
    const y = 0.5;
    const area = y * (10 + 5 * y); // 6.25 ft²
    const wetted = 10 + 2 * y * Math.sqrt(26);
    const q = alpha * area * Math.pow(area / wetted, 2 / 3); // ≈ 2.5865 cfs
    expect(q).toBeCloseTo(2.5865, 3);
    const w = work([y, 0, 0, 0]);
    w.fullWidth = 20;
    w.unitArea = 2000;
    w.surfaceInflow = q / 2000;
    expect(lidSolveUnit(w, p)).toBe(1); // in equilibrium: converged on the first pass
    expect(w.surfaceOutflow * 2000).toBeCloseTo(q, 10);
    expect(w.x[SURF]).toBeCloseTo(y, 12);
    expect(w.surfaceVolume * 2000).toBeCloseTo(100 * area, 9);
  });
});
