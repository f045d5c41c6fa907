// Snowmelt on a one-subcatchment model, checked against the melt equations worked out by hand
// (SWMM 5.2 Reference Manual Vol. I, ch. 5): degree-day melt, rain-on-snow melt, the rain/snow
// split with the snow catch factor, and the snow rows of the Runoff Quantity Continuity table.
import { describe, expect, it } from 'vitest';
import { readOut, runModel } from '../../src/index.js';

interface Opts {
  tempF: number;
  rainInHr?: number;
  scf?: number;
  windMph?: number;
  /** PERVIOUS pack line values after the keyword. */
  perv?: string;
  hours?: number;
  pctImperv?: number;
  plow?: string;
  removal?: string;
  adc?: string;
}

function model(o: Opts): string {
  const rain = o.rainInHr ?? 0;
  const hours = o.hours ?? 3;
  const wind = Array(12).fill(o.windMph ?? 0).join(' ');
  return `[OPTIONS]
FLOW_UNITS CFS
INFILTRATION HORTON
FLOW_ROUTING KINWAVE
START_DATE 01/15/2020
START_TIME 00:00
END_DATE 01/15/2020
END_TIME 0${hours}:00
REPORT_STEP 00:30
WET_STEP 00:01
DRY_STEP 00:01
ROUTING_STEP 0:01:00
[TEMPERATURE]
TIMESERIES Air
WINDSPEED MONTHLY ${wind}
SNOWMELT 34 0.5 0.6 0 50 0
${o.adc ?? ''}
[RAINGAGES]
G1 INTENSITY 12:00 ${o.scf ?? 1.0} TIMESERIES Rain
[SUBCATCHMENTS]
S1 G1 O1 1 ${o.pctImperv ?? 0} 100 1 0 Pack
[SUBAREAS]
S1 0.01 0.1 0.05 0.05 25 OUTLET
[INFILTRATION]
S1 0 0 4 7 0
[SNOWPACKS]
Pack PLOWABLE ${o.plow ?? '0.05 0.05 32 0 0 0 0'}
Pack IMPERVIOUS 0.05 0.05 32 0 0 0 0
${o.removal ?? ''}
Pack PERVIOUS ${o.perv ?? '0.05 0.05 32 0 1.0 0 0'}
[OUTFALLS]
O1 0 FREE
[TIMESERIES]
Air 01/15/2020 00:00 ${o.tempF}
Air 01/15/2020 12:00 ${o.tempF}
Rain 01/15/2020 00:00 ${rain}
Rain 01/15/2020 12:00 0
[REPORT]
SUBCATCHMENTS ALL
`;
}

function snowDepthSeries(inp: string): Float32Array {
  const res = runModel(inp);
  expect(res.errors).toEqual([]);
  return readOut(res.output).getSeries('subcatchment', 0, 1);
}

function continuityRow(rpt: string, label: string): number[] {
  const line = rpt.split(/\r?\n/).find((l) => l.trim().startsWith(label));
  return line ? line.slice(line.indexOf('..')).replace(/\.{2,}/, '').trim().split(/\s+/).map(Number) : [];
}

describe('snowmelt', () => {
  it('degree-day melt removes Dhm·(Ta − Tbase) of snow per hour', () => {
    // 0.05 in/hr/°F × (42 − 32) °F = 0.5 in/hr from a 1.0 in pack; no areal depletion, no
    // free-water holding, no cold content: depth 1.0 − 0.5·t.
    const d = snowDepthSeries(model({ tempF: 42 }));
    expect(d[0]).toBeCloseTo(0.75, 4); // 00:30
    expect(d[1]).toBeCloseTo(0.5, 4); // 01:00
    expect(d[2]).toBeCloseTo(0.25, 4); // 01:30
    expect(d[4]).toBe(0); // melted out before 02:30
  });

  it('no melt below the base temperature; the pack only gains cold content', () => {
    const d = snowDepthSeries(model({ tempF: 20 }));
    for (const v of d) expect(v).toBeCloseTo(1.0, 6);
  });

  it('snowfall: precipitation at or below the dividing temperature is snow times the catch factor', () => {
    // 0.2 in/hr for 3 h at 30 °F (< 34 °F) with SCF 1.2 adds 0.24 in/hr to the pack.
    const res = runModel(model({ tempF: 30, rainInHr: 0.2, scf: 1.2 }));
    expect(res.errors).toEqual([]);
    const d = readOut(res.output).getSeries('subcatchment', 0, 1);
    expect(d[1]).toBeCloseTo(1.0 + 0.24, 4);
    expect(d[5]).toBeCloseTo(1.0 + 0.72, 4);
    // Continuity: initial cover 1 in, precipitation (as snow) 0.72 in, final cover 1.72 in.
    expect(continuityRow(res.report, 'Initial Snow Cover')[1]).toBeCloseTo(1.0, 3);
    expect(continuityRow(res.report, 'Total Precipitation')[1]).toBeCloseTo(0.72, 3);
    expect(continuityRow(res.report, 'Final Snow Cover')[1]).toBeCloseTo(1.72, 3);
    expect(Math.abs(continuityRow(res.report, 'Continuity Error')[0]!)).toBeLessThan(0.01);
  });

  it('rain on snow melts by the energy-balance equation (wind and vapour pressure terms)', () => {
    // Rain 0.5 in/hr at 40 °F, wind 10 mph, sea level: γ = 0.000359·29.9,
    // ea = 8.1175e6·exp(−7701.544/(Ta + 405.0265)),
    // M = (Ta − 32)(0.001167 + 7.5·γ·0.006u + 0.007·P) + 8.5·0.006u·(ea − 0.18) in/hr.
    const ta = 40;
    const u = 0.006 * 10;
    const gamma = 0.000359 * 29.9;
    const ea = 8.1175e6 * Math.exp(-7701.544 / (ta + 405.0265));
    const m = (ta - 32) * (0.001167 + 7.5 * gamma * u + 0.007 * 0.5) + 8.5 * u * (ea - 0.18);
    const d = snowDepthSeries(model({ tempF: ta, rainInHr: 0.5, windMph: 10, perv: '0.05 0.05 32 0 5.0 0 0' }));
    expect(d[1]).toBeCloseTo(5.0 - m, 4); // 01:00
    expect(d[3]).toBeCloseTo(5.0 - 2 * m, 4); // 02:00
  });

  it('free water holding: the pack keeps liquid water up to FWF times its snow', () => {
    // 0.025 in/hr/°F × 10 °F = 0.25 in/hr for 2 h: 0.5 in of snow remains and holds
    // 0.2 × 0.5 = 0.1 in of liquid water; the rest of the melt has left the pack.
    const res = runModel(model({ tempF: 42, perv: '0.025 0.025 32 0.2 1.0 0 0', hours: 2 }));
    expect(res.errors).toEqual([]);
    const d = readOut(res.output).getSeries('subcatchment', 0, 1);
    expect(d[1]).toBeCloseTo(0.75, 4); // 01:00 (snow only, free water not included)
    expect(continuityRow(res.report, 'Final Snow Cover')[1]).toBeCloseTo(0.5 + 0.1, 3);
  });

  it('plowing: snow deeper than the plowing depth on the plowable area is removed', () => {
    // All impervious and all plowable, 2 in of snow, plow at 1 in, everything out of the system.
    const res = runModel(model({ tempF: 20, pctImperv: 100, plow: '0.05 0.05 32 0 2.0 0 1.0', removal: 'Pack REMOVAL 1.0 1.0 0 0 0 0' }));
    expect(res.errors).toEqual([]);
    expect(continuityRow(res.report, 'Initial Snow Cover')[1]).toBeCloseTo(2.0, 3);
    expect(continuityRow(res.report, 'Snow Removed')[1]).toBeCloseTo(2.0, 3);
    expect(continuityRow(res.report, 'Final Snow Cover')[1]).toBeCloseTo(0, 3);
  });

  it('areal depletion: melt is scaled by the snow-covered fraction from the ADC', () => {
    // Pervious ADC with cover = relative depth + 0.1 and 100 % cover at 2 in: each 1-minute
    // step melts (0.5/60)·(w/2 + 0.1) in, so after 60 steps w = 1.2·(1 − 1/240)^60 − 0.2.
    const adc = 'ADC PERVIOUS 0.1 0.2 0.3 0.4 0.5 0.6 0.7 0.8 0.9 1.0';
    const d = snowDepthSeries(model({ tempF: 42, perv: '0.05 0.05 32 0 1.0 0 2.0', adc }));
    expect(d[1]).toBeCloseTo(1.2 * Math.pow(1 - 1 / 240, 60) - 0.2, 4);
  });

  it('IGNORE_SNOWMELT: all precipitation is rain, the packs stay empty, the snow rows print zeros', () => {
    const inp = model({ tempF: 20, rainInHr: 0.2 }).replace('[OPTIONS]\n', '[OPTIONS]\nIGNORE_SNOWMELT YES\n');
    const res = runModel(inp);
    expect(res.errors).toEqual([]);
    expect(continuityRow(res.report, 'Initial Snow Cover')[1]).toBe(0);
    expect(continuityRow(res.report, 'Final Snow Cover')[1]).toBe(0);
    expect(continuityRow(res.report, 'Total Precipitation')[1]).toBeCloseTo(0.6, 3);
    expect(Array.from(readOut(res.output).getSeries('subcatchment', 0, 1))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
