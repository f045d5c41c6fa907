// Quality routing on hand-checkable networks: DWF and external inflow loads (defaults,
// explicit lines, MASS and CONCEN), transport to the outfall, first-order decay in a storage
// unit, treatment expressions, IGNORE_QUALITY, and coded errors.
import { describe, expect, it } from 'vitest';
import { parseInp } from '../../src/input/parse.js';
import { buildNetwork } from '../../src/hydraulics/network.js';
import { unitFactors } from '../../src/model/units.js';
import { createQuality, qualityGroundwaterLoad, qualityRdiiLoad } from '../../src/quality/quality.js';
import { QT_GW, QT_II } from '../../src/quality/quality-state.js';
import { options, pipeToOutfall, row, run } from './helpers.js';

const QRC = 'Quality Routing Continuity';
const L = 28.317;
const LB_PER_MG = 2.203e-6;

function network(sections: string, opts: string[] = []): string {
  return `[TITLE]\nrouting test\n\n${options(opts)}\n${pipeToOutfall}\n${sections}\n[REPORT]\nNODES ALL\nLINKS ALL\n`;
}

/** Last reported value of node `name`'s pollutant p. */
function lastNodeConc(r: ReturnType<typeof run>, name: string, p: number): number {
  const k = r.out.ids.nodes.indexOf(name);
  const s = r.out.getSeries('node', k, 6 + p);
  return s[s.length - 1]!;
}

describe('dry weather inflow', () => {
  it('carries default and explicit DWF concentrations to the outfall', () => {
    const r = run(network(`
[POLLUTANTS]
TSS MG/L 0 0 0 0
P2  MG/L 0 0 0 0 NO * 0 5
P3  MG/L 0 0 0 0 NO * 0 5

[DWF]
J1 FLOW 1.0
J1 TSS 10
J1 P3 20
`));
    expect(r.errors).toEqual([]);
    expect(lastNodeConc(r, 'OUT', 0)).toBeCloseTo(10, 4);
    expect(lastNodeConc(r, 'OUT', 1)).toBeCloseTo(5, 4); // default Cdwf
    expect(lastNodeConc(r, 'OUT', 2)).toBeCloseTo(20, 4); // explicit line replaces the default
    // Trapezoidal totals: the first half step has no previous rate, so 6 h less 30 s.
    const dw = row(r.rpt, QRC, 'Dry Weather Inflow');
    expect(dw[0]).toBeCloseTo(10 * (21600 - 30) * L * LB_PER_MG, 3);
    expect(dw[2]).toBeCloseTo(20 * (21600 - 30) * L * LB_PER_MG, 3);
    const err = row(r.rpt, QRC, 'Continuity Error (%)');
    for (const e of err) expect(Math.abs(e)).toBeLessThan(0.1);
    // Outfall load close to what came in (the pipe holds a little).
    const outfall = r.rpt.tables['Outfall Loading Summary']!.rows[0]!;
    expect(outfall[5] as number).toBeCloseTo(dw[0]!, 1);
    const link = r.rpt.tables['Link Pollutant Load Summary']!.rows[0]!;
    expect(link[1] as number).toBeCloseTo(dw[0]!, 1);
  });
});

describe('external inflows', () => {
  it('MASS loads divide by the node flow; CONCEN loads multiply it', () => {
    const r = run(network(`
[POLLUTANTS]
TSS MG/L 0 0 0 0
P2  MG/L 0 0 0 0

[INFLOWS]
J1 FLOW "" FLOW 1.0 1.0 2.0
J1 TSS  "" MASS 1.0 1.0 100
J1 P2   "" CONCEN 1.0 1.0 7
`));
    expect(r.errors).toEqual([]);
    expect(lastNodeConc(r, 'J1', 0)).toBeCloseTo(100 / (2 * L), 4);
    expect(lastNodeConc(r, 'OUT', 1)).toBeCloseTo(7, 4);
    // 100 mg/s over the run (less the first half step).
    expect(row(r.rpt, QRC, 'External Inflow')[0]).toBeCloseTo(100 * (21600 - 30) * LB_PER_MG, 3);
  });
});

describe('storage units', () => {
  it('first-order decay in a still storage unit: c = c0·(1 − kΔt)^n, mass reacted accounted', () => {
    const r = run(`[TITLE]\ndecay\n\n${options()}
[STORAGE]
ST 100 10 5 FUNCTIONAL 0 0 100000 0 0

[POLLUTANTS]
BOD MG/L 0 0 0 0.5 NO * 0 0 10

[REPORT]
NODES ALL
`);
    expect(r.errors).toEqual([]);
    const c = r.out.getSeries('node', 0, 6);
    const k = 0.5 / 86400;
    // One routing step of 60 s per minute; report every 15 minutes.
    for (let i = 0; i < c.length; i++) expect(c[i]).toBeCloseTo(10 * Math.pow(1 - k * 60, 15 * (i + 1)), 4);
    const v = 5 * 100000;
    const init = 10 * v * L * LB_PER_MG;
    const final = 10 * Math.pow(1 - k * 60, 360) * v * L * LB_PER_MG;
    expect(row(r.rpt, QRC, 'Initial Stored Mass')[0]).toBeCloseTo(init, 2);
    expect(row(r.rpt, QRC, 'Final Stored Mass')[0]).toBeCloseTo(final, 2);
    // Trapezoidal totals count the last step's rate over half a step only.
    const lastStep = 10 * (Math.pow(1 - k * 60, 359) - Math.pow(1 - k * 60, 360)) * v * L * LB_PER_MG;
    expect(row(r.rpt, QRC, 'Mass Reacted')[0]).toBeCloseTo(init - final - lastStep / 2, 3);
    // …which is also the whole continuity error: half the last step's reacted mass over the stored mass.
    expect(row(r.rpt, QRC, 'Continuity Error (%)')[0]).toBeCloseTo((100 * (lastStep / 2)) / init, 3);
  });
});

describe('treatment', () => {
  it('R-type removal of the inflow stream, R_ references to another pollutant, mass reacted', () => {
    const r = run(network(`
[POLLUTANTS]
TSS MG/L 0 0 0 0
P2  MG/L 0 0 0 0

[DWF]
J1 FLOW 1.0
J1 TSS 10
J1 P2 10

[TREATMENT]
J1 TSS R = 0.3 * STEP(FLOW)
J1 P2  R = 0.5 * R_TSS
`));
    expect(r.errors).toEqual([]);
    expect(lastNodeConc(r, 'OUT', 0)).toBeCloseTo(7, 4);
    expect(lastNodeConc(r, 'OUT', 1)).toBeCloseTo(8.5, 4);
    const dw = row(r.rpt, QRC, 'Dry Weather Inflow');
    const reacted = row(r.rpt, QRC, 'Mass Reacted');
    expect(reacted[0]).toBeCloseTo(0.3 * dw[0]!, 3);
    expect(reacted[1]).toBeCloseTo(0.15 * dw[1]!, 3);
  });

  it('C-type outflow concentration and a first-order decay that the expression replaces', () => {
    const r = run(network(`
[POLLUTANTS]
TSS MG/L 0 0 0 0

[DWF]
J1 FLOW 1.0
J1 TSS 10

[TREATMENT]
J1 TSS C = TSS / 4
`));
    expect(r.errors).toEqual([]);
    expect(lastNodeConc(r, 'OUT', 0)).toBeCloseTo(2.5, 4);
  });

  it('an expression that does not compile is error 233 with its line', () => {
    const r = run(network(`
[POLLUTANTS]
TSS MG/L 0 0 0 0

[TREATMENT]
J1 TSS R = 0.5 * (FLOW
`));
    expect(r.errors.some((e) => e.startsWith('233:'))).toBe(true);
  });
});

describe('IGNORE_QUALITY', () => {
  it('runs flows only: no pollutants in the output, no quality tables', () => {
    const r = run(network(`
[POLLUTANTS]
TSS MG/L 0 0 0 0

[DWF]
J1 FLOW 1.0
J1 TSS 10
`, ['IGNORE_QUALITY YES']));
    expect(r.errors).toEqual([]);
    expect(r.out.ids.pollutants).toEqual([]);
    expect(r.report).toContain('Water Quality .......... NO');
    expect(r.rpt.continuity[QRC]).toBeUndefined();
    // SWMM still lists the pollutants in the Outfall Loading Summary, with zero loads.
    const outfall = r.rpt.tables['Outfall Loading Summary']!;
    expect(outfall.header.join(' ')).toContain('TSS');
    expect(outfall.rows[0]![5]).toBe(0);
  });
});

describe('groundwater and RDII loads (for the integrations that bring those flows)', () => {
  it('load q·Cgw and q·Crdii into the node and the matching continuity category', () => {
    const parsed = parseInp(network(`
[POLLUTANTS]
TSS MG/L 0 4 6 0
`), { fileName: 'g.inp' });
    const model = parsed.model!;
    const net = buildNetwork(model).net!;
    const q = createQuality({ model, uf: unitFactors('CFS'), ro: null, net, inflows: null, lids: null }).state!;
    qualityGroundwaterLoad(q, 0, 2);
    qualityRdiiLoad(q, 0, 0.5);
    qualityGroundwaterLoad(q, 0, -1); // outflow to the aquifer carries nothing
    expect(q.nodeNewQual[0]).toBeCloseTo(2 * 4 + 0.5 * 6, 12);
    expect(q.stepQual[QT_GW]).toBeCloseTo(8, 12);
    expect(q.stepQual[QT_II]).toBeCloseTo(3, 12);
  });
});
