import { describe, expect, it } from 'vitest';
import { fileGage, handModel, handOptions, hourSeries, START, subcatch, tsGage } from '../../test/hydrology/hand-model.js';
import type { Model } from '../model/types.js';
import { unitFactors } from '../model/units.js';
import { dateOfElapsedMs, encodeDate, encodeTime } from '../time/datetime.js';
import {
  climateMaxRunoffStepS, climateUpdate, createClimate, gageNextRainDate, gagePrecipFtS, gagesSetRainfall,
  gagesSetReportRainfall, NO_DATE, timeDiffSeconds,
} from './climate.js';

const US = unitFactors('CFS');
const at = (h: number): number => dateOfElapsedMs(START, h * 3600 * 1000);

function oneGage(pairs: [number, number][], intervalS = 3600, form: 'INTENSITY' | 'VOLUME' | 'CUMULATIVE' = 'INTENSITY', over: Partial<Model> = {}): Model {
  return handModel({
    gages: [tsGage('RG', 'TS', intervalS, form)],
    timeseries: [hourSeries('TS', pairs)],
    subcatchments: [subcatch('S1')],
    ...over,
  });
}

function rainAt(m: Model, hours: number[]): number[] {
  const cl = createClimate(m, US);
  return hours.map((h) => {
    climateUpdate(cl, at(h));
    gagesSetRainfall(cl, at(h));
    return cl.rainfall[0]!;
  });
}

describe('rain gage step function', () => {
  const m = oneGage([[0, 0], [1, 0.5], [2, 1.0], [3, 0]]);

  it('applies each record for one interval from its time stamp (never interpolated)', () => {
    expect(rainAt(m, [0, 0.5, 0.999, 1, 1.5, 1.9997, 2, 2.5, 3, 10])).toEqual([0, 0, 0, 0.5, 0.5, 0.5, 1, 1, 0, 0]);
  });

  it('reports IsRaining and converts in/hr to ft/s', () => {
    const cl = createClimate(m, US);
    expect(gagesSetRainfall(cl, at(0))).toBe(false);
    expect(gagesSetRainfall(cl, at(1.25))).toBe(true);
    expect(gagePrecipFtS(cl, 0)).toBeCloseTo(0.5 / 43200, 15);
  });

  it('zero gaps between short-interval records', () => {
    const g = oneGage([[1, 0.5], [2, 1.0]], 900);
    // first record after the start: [start, 1:00) is dry; 0.5 for 15 min; dry until 2:00
    expect(rainAt(g, [0, 0.99, 1, 1.2, 1.25, 1.5, 2, 2.24, 2.25])).toEqual([0, 0, 0.5, 0.5, 0, 0, 1, 1, 0]);
  });

  it('next rain date: end of the current interval, or the next record', () => {
    const g = oneGage([[1, 0.5], [2, 1.0]], 900);
    const cl = createClimate(g, US);
    gagesSetRainfall(cl, at(0));
    expect(gageNextRainDate(cl, 0, at(0))).toBeCloseTo(START + 1 / 24, 9);
    gagesSetRainfall(cl, at(1));
    expect(gageNextRainDate(cl, 0, at(1))).toBeCloseTo(START + 1.25 / 24, 9);
    gagesSetRainfall(cl, at(1.5));
    expect(gageNextRainDate(cl, 0, at(1.5))).toBeCloseTo(START + 2 / 24, 9);
    gagesSetRainfall(cl, at(3));
    expect(gageNextRainDate(cl, 0, at(3))).toBe(NO_DATE);
  });

  it('cuts the runoff step at rainfall changes (whole seconds)', () => {
    const g = oneGage([[1, 0.5], [2, 1.0]], 900);
    const cl = createClimate(g, US);
    const t = at(0.5);
    climateUpdate(cl, t);
    gagesSetRainfall(cl, t);
    expect(climateMaxRunoffStepS(cl, t, 3600)).toBe(1800);
    const t2 = at(1.2);
    climateUpdate(cl, t2);
    gagesSetRainfall(cl, t2);
    expect(climateMaxRunoffStepS(cl, t2, 3600)).toBe(180);
  });

  it('VOLUME and CUMULATIVE records become intensities', () => {
    // 0.1 in per 15 min = 0.4 in/hr
    expect(rainAt(oneGage([[0, 0.1]], 900, 'VOLUME'), [0])[0]).toBeCloseTo(0.4, 12);
    // cumulative 0.1, 0.3, 0.3 (no rain), 0.35, then a reset to 0.05
    const cum = oneGage([[0, 0.1], [1, 0.3], [2, 0.3], [3, 0.35], [4, 0.05]], 3600, 'CUMULATIVE');
    const r = rainAt(cum, [0, 1, 2, 3, 4]);
    expect(r[0]).toBeCloseTo(0.1, 12);
    expect(r[1]).toBeCloseTo(0.2, 12);
    expect(r[2]).toBe(0);
    expect(r[3]).toBeCloseTo(0.05, 12);
    expect(r[4]).toBeCloseTo(0.05, 12);
  });

  it('a later gage on the same series copies the earlier one (co-gage)', () => {
    const m2 = handModel({
      gages: [tsGage('A', 'TS'), tsGage('B', 'ts')],
      timeseries: [hourSeries('TS', [[0, 0.3], [1, 0.6]])],
      subcatchments: [subcatch('S1', { gage: 'A' }), subcatch('S2', { gage: 'b' })],
    });
    const cl = createClimate(m2, US);
    expect(cl.coGage[1]).toBe(0);
    gagesSetRainfall(cl, at(1.5));
    expect(cl.rainfall[1]).toBe(0.6);
  });

  it('unused gages stay dry and do not limit the step', () => {
    const m2 = handModel({
      gages: [tsGage('A', 'TS'), tsGage('UNUSED', 'TS2')],
      timeseries: [hourSeries('TS', [[0, 0.3]]), hourSeries('TS2', [[0.1, 5]])],
      subcatchments: [subcatch('S1', { gage: 'A' })],
    });
    const cl = createClimate(m2, US);
    gagesSetRainfall(cl, at(0.5));
    expect(cl.rainfall[1]).toBe(0);
    expect(climateMaxRunoffStepS(cl, at(0.5), 3600)).toBe(1800);
  });

  it('report rainfall looks one second past the reporting time', () => {
    const cl = createClimate(m, US);
    gagesSetRainfall(cl, at(0.75)); // current interval [0:00, 1:00) with 0; next record 0.5 at 1:00
    gagesSetReportRainfall(cl, at(1));
    expect(cl.reportRainfall[0]).toBe(0.5);
    gagesSetReportRainfall(cl, at(0.9));
    expect(cl.reportRainfall[0]).toBe(0);
  });

  it('rain-file records are depths in inches over the file interval (REAL4), ×25.4 for SI', () => {
    const recs = { RG: { intervalS: 3600, dates: [START + 2 / 24], depthsIn: [0.1] } };
    const m2 = handModel({ gages: [fileGage('RG')], subcatchments: [subcatch('S1')] });
    const cl = createClimate(m2, US, recs);
    gagesSetRainfall(cl, at(2.5));
    expect(cl.rainfall[0]).toBe(Math.fround(0.1));
    const si = createClimate({ ...m2, options: handOptions({ flowUnits: 'CMS' }) }, unitFactors('CMS'), recs);
    gagesSetRainfall(si, at(2.5));
    expect(si.rainfall[0]).toBeCloseTo(Math.fround(0.1) * 25.4, 12);
    expect(createClimate(m2, US).errors[0]?.code).toBe(313); // records missing
  });

  it('monthly RAINFALL adjustment multiplies records when fetched', () => {
    const adj = { '[ADJUSTMENTS]': { name: '[ADJUSTMENTS]', lines: [{ line: 1, text: '', tokens: ['RAINFALL', '2', ...Array(11).fill('1')] }] } };
    expect(rainAt(oneGage([[0, 0.5], [1, 0.25]], 3600, 'INTENSITY', { extra: adj }), [0.5, 1.5])).toEqual([1.0, 0.5]);
  });
});

describe('evaporation', () => {
  it('CONSTANT in/day → ft/s; next change a year later', () => {
    const cl = createClimate(handModel({ evaporation: { kind: 'CONSTANT', values: [0.2], dryOnly: false } }), US);
    climateUpdate(cl, at(0));
    expect(cl.evapRateFtS).toBeCloseTo(0.2 / 1036800, 15);
    expect(climateMaxRunoffStepS(cl, at(0), 3600)).toBe(3600);
  });

  it('MONTHLY switches at the first of the month and limits the step there', () => {
    const vals = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2];
    const m = handModel({
      evaporation: { kind: 'MONTHLY', values: vals, dryOnly: false },
      options: handOptions({ startDateTime: encodeDate(2020, 1, 31), endDateTime: encodeDate(2020, 2, 2) }),
    });
    const cl = createClimate(m, US);
    const t = encodeDate(2020, 1, 31) + encodeTime(23, 30, 0);
    climateUpdate(cl, t);
    expect(cl.evapRateFtS * 1036800).toBeCloseTo(0.1, 12);
    expect(climateMaxRunoffStepS(cl, t, 3600)).toBe(1800);
    climateUpdate(cl, encodeDate(2020, 2, 1) + 1e-8);
    expect(cl.evapRateFtS * 1036800).toBeCloseTo(0.2, 12);
    // December rolls over to January of the next year
    climateUpdate(cl, encodeDate(2020, 12, 31));
    expect(cl.nextEvapDate).toBe(encodeDate(2021, 1, 1));
  });

  it('[as-is] TIMESERIES starts from the first entry at/after the start day, then steps', () => {
    const day = (d: number): number => encodeDate(2020, 1, d);
    const m = handModel({
      evaporation: { kind: 'TIMESERIES', values: [], series: 'E', dryOnly: false },
      timeseries: [{ name: 'E', times: [day(1) - 2, day(1) + 0.5, day(2)], values: [9, 0.3, 0.6], line: 1 }],
      options: handOptions({ endDateTime: day(3) }),
    });
    const cl = createClimate(m, US);
    climateUpdate(cl, at(0));
    // not 9 (the entry in force before the start) but 0.3, although it is dated 12:00
    expect(cl.evapRateFtS * 1036800).toBeCloseTo(0.3, 12);
    expect(climateMaxRunoffStepS(cl, at(0), 86400)).toBe(12 * 3600);
    climateUpdate(cl, at(12));
    expect(cl.evapRateFtS * 1036800).toBeCloseTo(0.3, 12);
    climateUpdate(cl, at(24));
    expect(cl.evapRateFtS * 1036800).toBeCloseTo(0.6, 12);
  });

  it('RECOVERY pattern and CONDUCTIVITY adjustment are monthly factors', () => {
    const m = handModel({
      evaporation: { kind: 'CONSTANT', values: [0], dryOnly: false, recoveryPattern: 'P' },
      patterns: [{ name: 'P', type: 'MONTHLY', factors: [0.5, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], line: 1 }],
      extra: { '[ADJUSTMENTS]': { name: '[ADJUSTMENTS]', lines: [{ line: 1, text: '', tokens: ['CONDUCTIVITY', '0', '3', ...Array(10).fill('1')] }] } },
    });
    const cl = createClimate(m, US);
    climateUpdate(cl, at(0));
    expect(cl.recoveryFactor).toBe(0.5);
    expect(cl.hydconFactor).toBe(1); // non-positive → 1
    climateUpdate(cl, encodeDate(2020, 2, 10));
    expect(cl.recoveryFactor).toBe(2);
    expect(cl.hydconFactor).toBe(3);
  });
});

describe('time differences', () => {
  it('count whole seconds with each time of day rounded', () => {
    const a = encodeDate(2020, 1, 1) + encodeTime(0, 0, 10) + 0.4 / 86400;
    const b = encodeDate(2019, 12, 31) + encodeTime(23, 59, 50);
    expect(timeDiffSeconds(a, b)).toBe(20);
    expect(timeDiffSeconds(b, a)).toBe(-20);
  });
});
