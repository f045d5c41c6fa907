// Report features that none of the reference reports exercises (each expected line was
// worked out by hand from SWMM 5.2's column layout).

import { describe, expect, it } from 'vitest';
import { encodeDate, encodeTime } from '../time/datetime.js';

const encodeDateTime = (y: number, mo: number, d: number, h = 0, mi = 0, sec = 0): number => encodeDate(y, mo, d) + encodeTime(h, mi, sec);

import { formatReport, reportBytes, type ReportData, type ReportPollutant } from './report.js';

const base = (over: Partial<ReportData> = {}): ReportData => ({ flowUnits: 'CFS', title: ['Synthetic'], ...over });
const lines = (d: ReportData): string[] => formatReport(d).split('\n');

describe('formatReport, features outside the reference set', () => {
  it('writes the logo, title and a closing block', () => {
    const out = formatReport(base({ footer: { analysisBegun: 'x', analysisEnded: 'y', elapsed: '< 1 sec' } }));
    expect(out).toBe(
      [
        '',
        '  EPA STORM WATER MANAGEMENT MODEL - VERSION 5.2 (Build 5.2.4)',
        '  ------------------------------------------------------------',
        '',
        '  Synthetic ',
        '',
        '  Analysis begun on:  x',
        '  Analysis ended on:  y',
        '  Total elapsed time: < 1 sec',
      ].join('\n'),
    );
  });

  it('splits quality continuity into tables of five pollutants', () => {
    const pollutants: ReportPollutant[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'Ecoli'].map((name) => ({
      name,
      concUnits: name === 'Ecoli' ? '#/L' : 'MG/L',
    }));
    const v = [1, 2, 3, 4, 5, 6];
    const out = lines(
      base({
        flowUnits: 'LPS',
        pollutants,
        qualityRoutingContinuity: {
          dryWeatherInflow: v,
          wetWeatherInflow: v,
          groundwaterInflow: v,
          rdiiInflow: v,
          externalInflow: v,
          externalOutflow: v,
          floodingLoss: v,
          exfiltrationLoss: v,
          massReacted: v,
          initialStoredMass: v,
          finalStoredMass: v,
          continuityErrorPct: v,
        },
      }),
    );
    const first = out.indexOf('  **************************            P1            P2            P3            P4            P5');
    expect(first).toBeGreaterThan(0);
    expect(out[first + 1]).toBe('  Quality Routing Continuity            kg            kg            kg            kg            kg');
    expect(out[first + 3]).toBe('  Dry Weather Inflow .......         1.000         2.000         3.000         4.000         5.000');
    const second = out.indexOf('  **************************         Ecoli');
    expect(second).toBe(first + 3 + 12 + 2);
    expect(out[second + 1]).toBe('  Quality Routing Continuity          LogN');
    expect(out[second + 14]).toBe('  Continuity Error (%) .....         6.000');
  });

  it('prints an outfall runon row, co-pollutants, and rain files without data', () => {
    const vd = [1, 2] as const;
    const out = lines(
      base({
        input: {
          elementCount: { rainGages: 0, subcatchments: 0, nodes: 0, links: 0, pollutants: 2, landUses: 0 },
          pollutants: [
            { name: 'TSS', units: 'MG/L', pptConcen: 0, gwConcen: 0, kdecayPerDay: 0 },
            { name: 'Lead', units: 'UG/L', pptConcen: 0, gwConcen: 0, kdecayPerDay: 0, coPollutant: { name: 'TSS', fraction: 0.25 } },
          ],
        },
        rainFiles: [
          { stationId: 'X', firstDate: null, lastDate: null, recordingFreqMin: 60, periodsWithPrecip: 0, periodsMissing: 0, periodsMalfunctioning: 0 },
        ],
        runoffContinuity: {
          totalPrecipitation: vd,
          outfallRunon: vd,
          evaporationLoss: vd,
          infiltrationLoss: vd,
          surfaceRunoff: vd,
          finalStorage: vd,
          continuityErrorPct: 0,
        },
      }),
    );
    expect(out).toContain('  Lead                  UG/L      0.00      0.00      0.00    TSS  (0.25)');
    expect(out).toContain('  X          ***********   ***********      60 min         0          0          0');
    expect(out).toContain('  Outfall Runon ............         1.000         2.000');
  });

  it('uses 3 decimals for MGD flows, ">50.00" velocities and exponent link loads', () => {
    const out = lines(
      base({
        flowUnits: 'MGD',
        pollutants: [{ name: 'TSS', concUnits: 'MG/L' }],
        nodeInflow: [
          {
            id: 'J1',
            type: 'JUNCTION',
            maxLateralInflow: 1.23456,
            maxTotalInflow: 2.5,
            timeOfMaxDays: 1.5,
            lateralInflowVol: 0.0123,
            totalInflowVol: 12345,
            flowBalanceError: 0.25,
          },
        ],
        linkFlow: [{ id: 'C1', type: 'CONDUIT', maxFlow: 3, timeOfMaxDays: 0, maxVelocity: 73.2, maxOverFullFlow: 1.5, maxOverFullDepth: 1 }],
        linkPollutantLoad: [{ id: 'C1', loads: [123456.7] }],
      }),
    );
    expect(out).toContain('  Node                 Type           MGD      MGD  days hr:min    10^6 gal    10^6 gal     Percent');
    expect(out).toContain('  J1                   JUNCTION     1.235    2.500     1  12:00      0.0123    1.23e+04       0.250');
    expect(out).toContain('  C1                   CONDUIT     3.000     0  00:00    >50.00    1.50    1.00');
    expect(out).toContain('  C1                       1.235e+05');
  });

  it('lays out time series tables', () => {
    const d0 = encodeDateTime(2020, 1, 27, 0, 5);
    const out = lines(
      base({
        pollutants: [{ name: 'TSS', concUnits: 'MG/L' }],
        timeSeries: {
          hasGroundwater: true,
          subcatchments: [
            { id: 'S1', dateTimes: [d0], precip: [0.5], losses: [0.1], runoff: [1.23456], gwElev: [4], gwFlow: [0.5], quality: [[12.5]] },
          ],
          nodes: [{ id: 'J1', dateTimes: [d0], inflow: [1], flooding: [0], depth: [0.5], head: [100.5], quality: [[3]] }],
          links: [{ id: 'C1', dateTimes: [d0], flow: [-1], velocity: [2], depth: [0.25], capacity: [0.3] }],
        },
      }),
    );
    const s = out.indexOf('  Subcatchment Time Series Results');
    expect(out.slice(s - 1, s + 12)).toEqual([
      '  ********************************',
      '  Subcatchment Time Series Results',
      '  ********************************',
      '  ',
      '  <<< Subcatchment S1 >>>',
      '  ' + '-'.repeat(81),
      '  Date        Time        Precip.    Losses    Runoff  GW Elev.   GW Flow       TSS',
      '                            in/hr     in/hr       CFS      feet       CFS      MG/L',
      '  ' + '-'.repeat(81),
      '   01/27/2020 00:05:00      0.500     0.100    1.2346     4.000    0.5000    12.500',
      '  ',
      '  ',
      '  ************************',
    ]);
    const n = out.indexOf('  <<< Node J1 >>>');
    expect(out.slice(n, n + 6)).toEqual([
      '  <<< Node J1 >>>',
      '  ' + '-'.repeat(74),
      '                           Inflow  Flooding     Depth      Head       TSS',
      '  Date        Time            CFS       CFS      feet      feet      MG/L',
      '  ' + '-'.repeat(74),
      '   01/27/2020 00:05:00      1.000     0.000     0.500   100.500     3.000',
    ]);
    const l = out.indexOf('  <<< Link C1 >>>');
    expect(out.slice(l + 2, l + 5)).toEqual([
      '                             Flow  Velocity     Depth  Capacity/       TSS',
      '  Date        Time            CFS    ft/sec      feet   Setting       MG/L',
      '  ' + '-'.repeat(74),
    ]);
    expect(out[l + 5]).toBe('   01/27/2020 00:05:00     -1.000     2.000     0.250     0.300     0.000');
  });

  it('encodes the report one byte per character, as SWMM writes it', () => {
    expect(Array.from(reportBytes('1000 ft\u00b3\n'))).toEqual([49, 48, 48, 48, 32, 102, 116, 0xb3, 10]);
    expect(Array.from(reportBytes('\u8282'))).toEqual([63]);
  });
});
