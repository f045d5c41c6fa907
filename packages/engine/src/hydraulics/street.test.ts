import { describe, expect, it } from 'vitest';
import { buildStreetTable, streetProfile, type StreetParams } from './street.js';

const base: StreetParams = {
  name: 'S', tCrownFt: 20, hCurbFt: 0.5, sx: 0.04, nRoad: 0.016, gutterDepFt: 0, gutterWidthFt: 0,
  sides: 2, backWidthFt: 20, backSlope: 0.04, nBack: 0.016,
};

describe('street cross sections', () => {
  it('full street: depth, area and width from the curb/backing geometry', () => {
    // Backing rises 0.04·20 = 0.8 ft above the 0.5 ft curb: full depth 1.3 ft. One side holds
    // the backing wedge 20·0.8/2 = 8 ft² plus the road 20·1.3 − 20·0.8/2 = 18 ft².
    const t = buildStreetTable(base);
    expect(t.yFull).toBeCloseTo(1.3, 12);
    expect(t.aFull).toBeCloseTo(52, 9);
    expect(t.wMax).toBeCloseTo(80, 9);
    const half = buildStreetTable({ ...base, sides: 1 });
    expect(half.aFull).toBeCloseTo(26, 9);
    expect(half.wMax).toBeCloseTo(40, 9);
  });

  it('half street: water below the curb fills a triangle over the road', () => {
    // Depth 0.26 ft (row 10 of 50) over a 4 % cross slope: spread 6.5 ft, area 0.845 ft².
    const t = buildStreetTable({ ...base, sides: 1 });
    expect(t.areaTbl[10]! * t.aFull).toBeCloseTo(0.5 * 0.26 * (0.26 / 0.04), 9);
    expect(t.widthTbl[10]! * t.wMax).toBeCloseTo(0.26 / 0.04, 9);
    // Single roughness, one sub-section: R = A / P with P = wetted curb + sloped bottom, scaled
    // by (1.486/1.49)^1.5 because SWMM computes conveyance with 1.486 and inverts it with 1.49.
    const p = 0.26 + Math.hypot(6.5, 0.26);
    expect(t.hradTbl[10]! * t.rFull).toBeCloseTo((0.845 / p) * Math.pow(1.486 / 1.49, 1.5), 9);
  });

  it('depressed gutter: the gutter edge sits Hdep + Sx·W above the curb bottom', () => {
    const { stations, elevations } = streetProfile({ ...base, gutterDepFt: 0.1, gutterWidthFt: 2, sides: 1 });
    expect(Array.from(stations)).toEqual([0, 20, 20, 22, 40, 40]);
    expect(elevations[1]).toBeCloseTo(0.6, 12); // curb top = Hcurb + Hdep
    expect(elevations[3]).toBeCloseTo(0.1 + 0.04 * 2, 12);
    expect(elevations[4]).toBeCloseTo(0.18 + 0.04 * 18, 12);
    expect(elevations[0]).toBeCloseTo(Math.max(0.6 + 0.8, 0.9), 12);
  });
});
