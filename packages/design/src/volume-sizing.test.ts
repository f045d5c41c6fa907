import { describe, expect, it } from 'vitest';
import { captureVolumeM3, equivalentDepthMm, unitAreaVolume } from './volume-method.js';
import { compositeCoefficient, surfaceCoefficient } from './runoff-coefficient.js';
import { effectiveInfiltrationAreaM2, infiltratedVolumeM3, storageAfterInfiltrationM3 } from './infiltration-credit.js';
import { siteCheck } from './site-check.js';
import { sizeBioretention } from './facilities/bioretention.js';
import { swaleCapacity } from './facilities/swale.js';
import { overflowControlTankM3, pollutionControlTankM3 } from './facilities/storage-tank.js';
import { sizeCistern } from './facilities/cistern.js';
import { trenchStorage } from './facilities/infiltration-trench.js';
import { greenRoofCheck, permeablePavementCheck } from './facilities/surface-facilities.js';
import { facilityStorage } from './provided-storage.js';
import { findCityDesignRainfall } from './control-rate-tables.js';
import { alphaFromTable, hFromTable } from './table-interpolation.js';
import { controlRateCurve, hOfAlpha } from './control-rate.js';
import { expectRel, expectShown } from '../test/golden.js';

const E5_SURFACES = [
  { name: 'hard roof', areaHa: 0.5, phi: 0.85 },
  { name: 'green roof', areaHa: 0.1, phi: 0.35 },
  { name: 'asphalt/concrete roads + plaza', areaHa: 0.45, phi: 0.85 },
  { name: 'permeable paving', areaHa: 0.25, phi: 0.3 },
  { name: 'green space', areaHa: 0.7, phi: 0.15 },
];
const E5_FACILITIES = [
  { type: 'sunken-green' as const, areaM2: 1500, depthM: 0.1 },
  { type: 'bioretention' as const, areaM2: 400, pondingDepthM: 0.25, kMps: 1e-5 },
  { type: 'cistern' as const, volumeM3: 60 },
];
const beijing = findCityDesignRainfall('Beijing').row.points;

describe('E5 site check by the volume method (digest §5.9)', () => {
  it('composite φ, V and unit-area volume', () => {
    const c = compositeCoefficient(E5_SURFACES.map((s) => ({ areaHa: s.areaHa, coefficient: s.phi })));
    expectRel(c.weightedArea, 1.0225);
    expectRel(c.coefficient, 0.51125);
    expectRel(captureVolumeM3(33.6, 0.51125, 2), 343.56);
    expectRel(unitAreaVolume(343.56, 2), 171.78);
  });
  it('provided storage, shortfall, H_eq and table-interpolated α', () => {
    const r = siteCheck({ surfaces: E5_SURFACES, facilities: E5_FACILITIES, targetAlpha: 0.85, table: beijing });
    expectRel(r.designRainfallMm, 33.6);
    expectRel(r.requiredM3, 343.56);
    expectRel(r.facilities[1]!.infiltrationCreditM3, 28.8);
    expectRel(r.providedM3, 338.8);
    expectRel(r.shortfallM3, 4.76);
    expect(r.pass).toBe(false);
    expectShown(r.equivalentDepthMm, 33.1345, 4);
    expectShown(r.achievedAlpha!, 0.84631, 5);
    expect(r.alphaApproximate).toBe(true);
    expect(r.warnings.join()).toMatch(/approximation/);
  });
  it('table check: α = 82 % → H = 29.82 mm', () => {
    expectShown(hFromTable(beijing, 0.82).value, 29.82, 2);
    expectShown(alphaFromTable(beijing, 29.82).value, 0.82, 9);
    expect(() => hFromTable(beijing, 0.9)).toThrow(/above the table/);
    expect(alphaFromTable(beijing, 40).warnings.join()).toMatch(/actual α is higher/);
  });
  it('with a daily-rain curve the achieved α is exact and H comes from the inverse', () => {
    const curve = controlRateCurve([3, 5, 8, 12, 20, 30, 45, 60, 90]);
    const r = siteCheck({ surfaces: E5_SURFACES, facilities: E5_FACILITIES, targetAlpha: 0.7, curve });
    expectRel(r.designRainfallMm, hOfAlpha(curve, 0.7));
    expect(r.alphaApproximate).toBe(false);
    expectRel(equivalentDepthMm(r.providedM3, r.phi, r.areaHa), r.equivalentDepthMm);
  });
  it('passes when storage meets the requirement', () => {
    const r = siteCheck({ surfaces: E5_SURFACES, facilities: [...E5_FACILITIES, { type: 'rain-barrel', volumeM3: 4.76 }], designRainfallMm: 33.6 });
    expect(r.pass).toBe(true);
    expect(r.shortfallM3).toBe(0);
    expect(r.achievedAlpha).toBeNull();
  });
});

describe('E6 bioretention sizing (digest §5.10)', () => {
  it('A = 142.8 / (0.25 + 0.072) = 443.48 m², 8.87 % of 5000 m²', () => {
    const vin = captureVolumeM3(33.6, 0.85, 0.5);
    expectRel(vin, 142.8);
    const b = sizeBioretention({ inflowM3: vin, pondingDepthM: 0.25, kMps: 1e-5, contributingAreaM2: 5000 });
    expectShown(b.areaM2, 443.478, 3);
    expectShown(b.areaRatio! * 100, 8.87, 2);
    expectRel(b.storageM3 + b.infiltratedM3, 142.8);
    expect(b.checks).toEqual([]);
    expect(sizeBioretention({ inflowM3: vin, pondingDepthM: 0.5, kMps: 1e-5, contributingAreaM2: 50000 }).checks.length).toBe(2);
  });
});

describe('§5.3 infiltration credit', () => {
  it('W_p = K·J·A·t_s and the clamp', () => {
    expectRel(infiltratedVolumeM3(1e-5, 400), 28.8);
    expect(storageAfterInfiltrationM3(20, 28.8)).toBe(0);
    expectRel(storageAfterInfiltrationM3(100, 28.8), 71.2);
  });
  it('walls count to half the effective depth', () => {
    expect(effectiveInfiltrationAreaM2({ bottomM2: 10, wallLengthM: 14, effectiveDepthM: 1 })).toBe(17);
    expectRel(effectiveInfiltrationAreaM2({ bottomM2: 10, wallLengthM: 14, effectiveDepthM: 1, sideSlopeZ: 3 }), 10 + 7 * Math.sqrt(10));
  });
});

describe('E8 grass swale (digest §5.5)', () => {
  it('trapezoid B = 0.6, z = 3, y = 0.2, S = 1 %, n = 0.24', () => {
    const s = swaleCapacity({ bottomWidthM: 0.6, sideSlopeZ: 3, flowDepthM: 0.2, slope: 0.01, n: 0.24 });
    expectShown(s.areaM2, 0.24, 4);
    expectShown(s.wettedPerimeterM, 1.8649, 4);
    expectShown(s.hydraulicRadiusM, 0.12869, 5);
    expectShown(s.velocityMps, 0.106208, 6);
    expectShown(s.flowCms, 0.02549, 6);
    expect(s.checks).toEqual([]);
    const steep = swaleCapacity({ bottomWidthM: 0.6, sideSlopeZ: 2, flowDepthM: 0.4, slope: 0.08, n: 0.03 });
    expect(steep.checks.join('\n')).toMatch(/0\.8 m\/s[\s\S]*1:3[\s\S]*4 %[\s\S]*Manning n/);
  });
});

describe('E11 municipal storage tanks (digest §5.8)', () => {
  it('pollution control and overflow control volumes', () => {
    expectRel(pollutionControlTankM3(6, 20, 0.7, 1.2), 1008);
    expectRel(overflowControlTankM3(0.5, 5, 2, 0.2, 1.2), 1296);
    expect(() => overflowControlTankM3(0.5, 2, 5, 0.2, 1.2)).toThrow(/interception ratio/);
  });
});

describe('other facilities', () => {
  it('cistern by the volume method with first flush reported', () => {
    const c = sizeCistern({ roofAreaHa: 0.1, phi: 0.85, hMm: 33.6, firstFlushMm: 2 });
    expectRel(c.captureM3, 28.56);
    expectRel(c.firstFlushM3, 2);
    expectRel(c.tankM3, 26.56);
  });
  it('infiltration trench storage + credit', () => {
    const t = trenchStorage({ lengthM: 20, widthM: 1, depthM: 1, voidRatio: 0.4, kMps: 1e-5 });
    expectRel(t.storageM3, 8);
    expectRel(t.infiltrationAreaM2, 20 + 42 * 0.5);
    expectRel(t.infiltratedM3, 1e-5 * 41 * 7200);
    expectRel(facilityStorage({ type: 'infiltration-trench', lengthM: 20, widthM: 1, depthM: 1, voidRatio: 0.4, kMps: 1e-5 }).effectiveM3, 8 + 2.952);
  });
  it('permeable pavement and green roof count only through φ; detention is not counted', () => {
    expect(permeablePavementCheck({ areaHa: 0.25, phi: 0.3, brickThicknessMm: 100 }).checks.join()).toMatch(/60–80 mm/);
    expect(greenRoofCheck({ areaHa: 0.1, substrateMm: 200, roofSlopeDeg: 20 }).checks).toHaveLength(2);
    expect(facilityStorage({ type: 'green-roof', areaM2: 1000 }).effectiveM3).toBe(0);
    expect(facilityStorage({ type: 'detention', volumeM3: 500 }).effectiveM3).toBe(0);
    expect(facilityStorage({ type: 'wet-pond', volumeAbovePoolM3: 300 }).effectiveM3).toBe(300);
    expect(facilityStorage({ type: 'sunken-green', areaM2: 100, depthM: 0.05 }).notes.join()).toMatch(/< 100 mm/);
  });
  it('surface table lookups', () => {
    expect(surfaceCoefficient('green-roof').phiDefault).toBe(0.35);
    expect(() => surfaceCoefficient('lava')).toThrow(/unknown surface/);
  });
});
