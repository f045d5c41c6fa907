// One on-grade grate inlet in a half street carrying a steady 2 cfs: the captured share must
// equal the HEC-22 value worked out here from the manual's equations (uniform cross slope).
import { describe, expect, it } from 'vitest';
import { runModel } from '../../src/index.js';

function model(grate: string, usageTail = ''): string {
  return `[OPTIONS]
FLOW_UNITS CFS
FLOW_ROUTING KINWAVE
START_DATE 01/01/2020
START_TIME 00:00
END_DATE 01/01/2020
END_TIME 02:00
REPORT_STEP 00:05
ROUTING_STEP 0:00:10
[JUNCTIONS]
J1 100 2 0 0 0
J2 99 2 0 0 0
S1 95 5 0 0 0
[OUTFALLS]
O1 90 FREE
O2 94 FREE
[CONDUITS]
ST1 J1 J2 100 0.016 0 0 0 0
ST2 J2 O1 100 0.016 0 0 0 0
P1 S1 O2 50 0.013 0 0 0 0
[XSECTIONS]
ST1 STREET Half
ST2 STREET Half
P1 CIRCULAR 1.5 0 0 0 1
[STREETS]
Half 20 0.5 2 0.016 0 0 1 10 2 0.016
[INLETS]
${grate}
[INLET_USAGE]
ST1 G1 S1${usageTail}
[INFLOWS]
J1 FLOW "" FLOW 1.0 1.0 2.0
[REPORT]
INPUT NO
`;
}

/** HEC-22 on-grade grate capture for a uniform cross slope (Eqs 4-2, 4-16, 4-18, 4-19, 4-21). */
function hec22Grate(q: number, n: number, sx: number, sl: number, lg: number, wg: number, vSplash: number): number {
  const kf = (0.56 / n) * Math.sqrt(sl) * Math.pow(sx, 1.67);
  const t = Math.pow(q / kf, 0.375);
  const eo = 1 - Math.pow(1 - wg / t, 2.67);
  const v = q / ((t * t * sx) / 2);
  const rf = v > vSplash ? 1 - 0.09 * (v - vSplash) : 1;
  const rs = 1 / (1 + (0.15 * Math.pow(v, 1.8)) / (sx * Math.pow(lg, 2.3)));
  return q * (rf * eo + rs * (1 - eo));
}

/** Street Flow Summary row of a conduit. */
function streetRow(rpt: string, id: string): string[] {
  const line = rpt.split(/\r?\n/).find((l) => l.trim().startsWith(id + ' ') && /ON-(GRADE|SAG)/.test(l));
  return line ? line.trim().split(/\s+/) : [];
}

describe('on-grade grate inlet', () => {
  it('captures the HEC-22 share of a steady street flow (P_BAR-50, 2 ft x 2 ft)', () => {
    const res = runModel(model('G1 GRATE 2 2 P_BAR-50'));
    expect(res.errors).toEqual([]);
    const row = streetRow(res.report, 'ST1');
    expect(row[4]).toBe('G1');
    expect(row[5]).toBe('ON-GRADE');
    // Splash-over velocity of a 2 ft P-50 grate: 2.22 + 4.03·2 − 0.65·4 + 0.06·8 = 8.16 ft/s.
    const qc = hec22Grate(2.0, 0.016, 0.02, 0.01, 2, 2, 8.16);
    expect(Number(row[7])).toBeCloseTo((100 * qc) / 2.0, 1); // peak flow capture, %
    expect(qc / 2).toBeGreaterThan(0.5);
    expect(qc / 2).toBeLessThan(0.6);
  });

  it('a GENERIC grate with a low splash-over velocity loses frontal flow', () => {
    const res = runModel(model('G1 GRATE 2 2 GENERIC 0.5 1.0'));
    expect(res.errors).toEqual([]);
    const qc = hec22Grate(2.0, 0.016, 0.02, 0.01, 2, 2, 1.0);
    expect(Number(streetRow(res.report, 'ST1')[7])).toBeCloseTo((100 * qc) / 2.0, 1);
  });

  it('two inlets in series each take their share of what the one before bypassed; clogging scales capture', () => {
    const two = runModel(model('G1 GRATE 2 2 P_BAR-50', ' 2 0 0 0 0 ON_GRADE'));
    const q1 = hec22Grate(2.0, 0.016, 0.02, 0.01, 2, 2, 8.16);
    const q2 = hec22Grate(2.0 - q1, 0.016, 0.02, 0.01, 2, 2, 8.16);
    expect(Number(streetRow(two.report, 'ST1')[7])).toBeCloseTo((100 * (q1 + q2)) / 2.0, 1);
    const clogged = runModel(model('G1 GRATE 2 2 P_BAR-50', ' 1 50'));
    expect(Number(streetRow(clogged.report, 'ST1')[7])).toBeCloseTo((100 * 0.5 * q1) / 2.0, 1);
  });

  it('a model whose inlets would carry pollutants is refused (901) rather than run without the transfer', () => {
    const inp = model('G1 GRATE 2 2 P_BAR-50') + '[POLLUTANTS]\nTSS MG/L 0 0 0 0\n';
    const res = runModel(inp);
    expect(res.errors.map((e) => e.code)).toEqual([901]);
    expect(res.errors[0]!.message).toMatch(/street inlets/);
  });
});
