// The report's Link Summary shows conduits as SWMM 5.2.4 prints them under dynamic wave:
// an adverse conduit (reversed internally) keeps its negative slope, an irregular one shows
// its transect's main-channel roughness.
import { describe, expect, it } from 'vitest';
import { runModel } from '../../src/index.js';

const INP = `[OPTIONS]
FLOW_UNITS CFS
FLOW_ROUTING DYNWAVE
START_DATE 01/01/2000
START_TIME 00:00:00
END_DATE 01/01/2000
END_TIME 01:00:00
ROUTING_STEP 0:00:10
REPORT_STEP 00:15:00

[JUNCTIONS]
J1 100 5
J2 101 5
J3 99 5

[OUTFALLS]
O1 95 FREE

[CONDUITS]
UPHILL J1 J2 400 0.013 0 0 0 0
DITCH  J1 J3 400 0.013 0 0 0 0
PIPE   J3 O1 400 0.013 0 0 0 0

[XSECTIONS]
UPHILL CIRCULAR 1 0 0 0 1
DITCH  IRREGULAR T1
PIPE   CIRCULAR 1 0 0 0 1

[TRANSECTS]
NC 0.05 0.05 0.03
X1 T1 3 0 20 0 0 0 0 0
GR 3 0 0 10 3 20

[INFLOWS]
J1 FLOW "" FLOW 1.0 1.0 0.5

[REPORT]
INPUT YES
`;

function linkRow(report: string, name: string): string[] {
  const start = report.indexOf('Link Summary');
  const line = report.slice(start).split('\n').find((l) => l.trim().startsWith(name + ' '));
  if (!line) throw new Error(`no Link Summary row for ${name}`);
  return line.trim().split(/\s+/);
}

describe('Link Summary under dynamic wave', () => {
  const res = runModel(INP, { inpName: 'links.inp' });

  it('prints an adverse conduit with its negative slope and an irregular one with the transect n', () => {
    expect(res.errors).toEqual([]);
    // UPHILL rises 1 ft over 400 ft: slope = 1/√(400² − 1²) = 0.2500 %.
    expect(linkRow(res.report, 'UPHILL').slice(4)).toEqual(['400.0', '-0.2500', '0.0130']);
    expect(linkRow(res.report, 'DITCH').slice(4)).toEqual(['400.0', '0.2500', '0.0300']);
    expect(linkRow(res.report, 'PIPE').slice(4)).toEqual(['400.0', '1.0001', '0.0130']);
  });
});
