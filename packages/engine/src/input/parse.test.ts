import { describe, expect, it } from 'vitest';
import { encodeDate } from '../time/datetime.js';
import { finalizeOptions } from './finalize.js';
import { formatSwmmError } from './errors.js';
import { emptyModel, parseInp } from './parse.js';
import { writeInp } from './writer.js';

const BASE = `[OPTIONS]
FLOW_UNITS CFS
START_DATE 01/01/2020
START_TIME 06:00
END_DATE 01/02/2020
END_TIME 00:00
REPORT_STEP 0:15:00
WET_STEP 0:15:00
ROUTING_STEP 30

[JUNCTIONS]
J1  100  5
J2  99

[OUTFALLS]
O1  98  FREE

[CONDUITS]
C1  J1  J2  400  0.013  0  0
C2  J2  O1  400  0.013  0  0

[XSECTIONS]
C1  CIRCULAR  1.5  0  0  0
C2  CIRCULAR  1.5  0  0  0
`;

function codes(text: string): [number, string | undefined, number | undefined, string | undefined][] {
  return parseInp(text, { fileName: 't.inp' }).errors.map((e) => [e.code, e.token, e.line, e.section]);
}

describe('parseInp basics', () => {
  it('parses a minimal network; objects may be referenced before they are defined', () => {
    const text = `[CONDUITS]\nC1 j1 J2 100 0.01 0 0\n[XSECTIONS]\nc1 RECT_OPEN 1 2 0 0\n[JUNCTIONS]\nJ1 10\nJ2 9\n[OPTIONS]\nEND_TIME 1:00\n`;
    const r = parseInp(text);
    expect(r.errors).toEqual([]);
    const c = r.model!.links[0]!;
    // references take the defining object's spelling
    expect(c).toMatchObject({ name: 'C1', fromNode: 'J1', toNode: 'J2' });
    expect(c.xsect).toMatchObject({ shape: 'RECT_OPEN', geom: [1, 2, 0, 0], barrels: 1 });
  });

  it('applies SWMM defaults and combines dates and times', () => {
    const m = parseInp(BASE).model!;
    expect(m.options.startDateTime).toBe(encodeDate(2020, 1, 1) + 0.25);
    expect(m.options.reportStartDateTime).toBe(m.options.startDateTime);
    expect(m.options.dryStepS).toBe(3600);
    expect(m.options.routing).toBe('DYNWAVE');
    expect(m.nodes.map((n) => [n.name, n.kind, n.maxDepth])).toEqual([['J1', 'JUNCTION', 5], ['J2', 'JUNCTION', 0], ['O1', 'OUTFALL', 0]]);
  });

  it('matches keywords by prefix, case-insensitively', () => {
    const text = BASE.replace('[JUNCTIONS]', '[junc]').replace('FLOW_UNITS CFS', 'flow_units lps\nFLOW_ROUTING kinwave');
    const m = parseInp(text).model!;
    expect(m.options.flowUnits).toBe('LPS');
    expect(m.options.routing).toBe('KINWAVE');
    expect(m.sectionOrder).toContain('[JUNCTIONS]');
  });

  it('reads * offsets only under LINK_OFFSETS ELEVATION', () => {
    const elev = parseInp(BASE.replace('C1  J1  J2  400  0.013  0  0', 'C1 J1 J2 400 0.013 * 99.5').replace('[OPTIONS]', '[OPTIONS]\nLINK_OFFSETS ELEVATION'));
    expect(elev.errors).toEqual([]);
    expect(elev.model!.links[0]).toMatchObject({ inOffset: null, outOffset: 99.5 });
    expect(codes(BASE.replace('C1  J1  J2  400  0.013  0  0', 'C1 J1 J2 400 0.013 * 0'))).toEqual([[211, '*', 19, '[CONDUITS]']]);
  });

  it('dateless time series are hours after the simulation start (date + time)', () => {
    const m = parseInp(`${BASE}\n[TIMESERIES]\nTS 0 0.5 1:30 1\nTS 2.5 0\n`).model!;
    const ts = m.timeseries[0]!;
    const s = m.options.startDateTime;
    expect(ts.relative).toBe(true);
    expect(ts.times).toEqual([s, s + 1.5 / 24, s + 2.5 / 24]);
    expect(ts.values).toEqual([0.5, 1, 0]);
  });

  it('keeps the [as-is] outfall rule: with a route-to subcatchment the gate token is not read', () => {
    const withSub = `${BASE.replace('O1  98  FREE', 'O1 98 FREE YES S1\nO2 97 FIXED 97.5 YES')}
[RAINGAGES]
G INTENSITY 1:00 1 TIMESERIES T
[TIMESERIES]
T 0 1
T 1 0
[SUBCATCHMENTS]
S1 G J1 1 50 100 1 0
`;
    const m = parseInp(withSub).model!;
    expect(m.nodes.find((n) => n.name === 'O1')).toMatchObject({ gated: false, routeTo: 'S1' });
    expect(m.nodes.find((n) => n.name === 'O2')).toMatchObject({ gated: true, fixedStage: 97.5 });
  });

  it('a trailing infiltration method overrides the global option', () => {
    const text = `${BASE}
[RAINGAGES]
G INTENSITY 1:00 1 TIMESERIES T
[TIMESERIES]
T 0 1
[SUBCATCHMENTS]
S1 G J1 1 50 100 1 0
S2 G J1 1 50 100 1 0
[INFILTRATION]
S1 3 0.5 4 7
S2 4 0.3 0.25 GREEN_AMPT
`;
    const m = parseInp(text).model!;
    expect(m.subcatchments[0]!.infiltration).toMatchObject({ method: 'HORTON', values: [3, 0.5, 4, 7], explicitMethod: false });
    expect(m.subcatchments[1]!.infiltration).toMatchObject({ method: 'GREEN_AMPT', values: [4, 0.3, 0.25], explicitMethod: true });
  });
});

describe('coded errors', () => {
  it('unknown section and option keywords: 205', () => {
    const fooLine = BASE.split('\n').length + 1;
    expect(codes(`${BASE}\n[FOO]\nx y\n`)).toEqual([[205, '[FOO]', fooLine, undefined]]);
    expect(codes(BASE.replace('FLOW_UNITS CFS', 'FLOW_UNITZ CFS'))).toEqual([[205, 'FLOW_UNITZ', 2, '[OPTIONS]']]);
    expect(codes(BASE.replace('FLOW_UNITS CFS', 'FLOW_UNITS XYZ'))).toEqual([[205, 'XYZ', 2, '[OPTIONS]']]);
  });

  it('too few items 203, invalid number 211, invalid date 213, undefined object 209, duplicate 207', () => {
    expect(codes(BASE.replace('J2  99', 'J2'))).toEqual([[203, undefined, 13, '[JUNCTIONS]']]);
    expect(codes(BASE.replace('J2  99', 'J2  9x9'))).toEqual([[211, '9x9', 13, '[JUNCTIONS]']]);
    expect(codes(BASE.replace('J1  100  5', 'J1  100  -5'))).toEqual([[211, '-5', 12, '[JUNCTIONS]']]);
    expect(codes(BASE.replace('01/02/2020', '02/30/2020'))).toEqual([[213, '02/30/2020', 5, '[OPTIONS]']]);
    expect(codes(BASE.replace('C2  J2  O1', 'C2  J2  O9'))).toEqual([[209, 'O9', 20, '[CONDUITS]']]);
    expect(codes(BASE.replace('J2  99', 'J2  99\nj1 5'))).toEqual([[207, 'j1', 14, '[JUNCTIONS]']]);
  });

  it('collects many errors, one per line, and names what was expected', () => {
    const r = parseInp(BASE.replace('J2  99', 'J2  abc').replace('C2  J2  O1', 'C2  J2  O9').replace('O1  98  FREE', 'O1 98 FRE'), { fileName: 'm.inp' });
    expect(r.model).toBeNull();
    expect(r.errors.map((e) => e.code)).toEqual([211, 205, 209]);
    const e = r.errors[1]!;
    expect(e).toMatchObject({ file: 'm.inp', line: 16, section: '[OUTFALLS]', token: 'FRE' });
    expect(e.message).toContain('FREE, NORMAL, FIXED, TIDAL, TIMESERIES');
    expect(formatSwmmError(e)).toBe('ERROR 205: invalid keyword FRE at line 16 of [OUTFALLS] section:');
  });

  it('stops after 100 errors like SWMM', () => {
    const bad = Array.from({ length: 300 }, (_, i) => `J${i} x`).join('\n');
    expect(parseInp(`[JUNCTIONS]\n${bad}`).errors.length).toBe(100);
  });

  it('object checks: 108 ambiguous outlet, 111 length, 113 roughness, 117 no cross section', () => {
    const sub = `\n[RAINGAGES]\nG INTENSITY 1:00 1 TIMESERIES T\n[TIMESERIES]\nT 0 1\n[SUBCATCHMENTS]\nJ1 G J1 1 50 100 1 0\n`;
    expect(codes(BASE + sub).map((c) => c[0])).toEqual([108]);
    expect(codes(BASE.replace('400  0.013', '0  0.013')).map((c) => c.slice(0, 2))).toEqual([[111, 'C1']]);
    expect(codes(BASE.replace('400  0.013', '400  0')).map((c) => c.slice(0, 2))).toEqual([[113, 'C1']]);
    expect(codes(BASE.replace('C2  CIRCULAR  1.5  0  0  0', '')).map((c) => c.slice(0, 2))).toEqual([[117, 'C2']]);
    expect(codes(BASE.replace('C2  CIRCULAR  1.5', 'C2  CIRCULAR  0')).map((c) => c.slice(0, 2))).toEqual([[119, 'C2']]);
  });

  it('tables: 171 curve out of order, 173 series out of order', () => {
    expect(codes(`${BASE}\n[CURVES]\nK1 STORAGE 0 10 2 20 1 30\n`).map((c) => c.slice(0, 2))).toEqual([[171, 'K1']]);
    expect(codes(`${BASE}\n[TIMESERIES]\nT 1 0 0.5 1\n`).map((c) => c.slice(0, 2))).toEqual([[173, 'T']]);
    expect(codes(`${BASE}\n[CURVES]\nK1 0 10\n`).map((c) => c.slice(0, 2))).toEqual([[205, '0']]);
  });

  it('dates and steps: 191 end before start, 193 report start after end, 195 report < routing step', () => {
    expect(codes(BASE.replace('END_DATE 01/02/2020', 'END_DATE 01/01/2020')).map((c) => c[0])).toEqual([191]);
    expect(codes(BASE.replace('[OPTIONS]', '[OPTIONS]\nREPORT_START_DATE 02/01/2020\nREPORT_START_TIME 0:00')).map((c) => c[0])).toEqual([193]);
    expect(codes(BASE.replace('ROUTING_STEP 30', 'ROUTING_STEP 1000')).map((c) => c[0])).toEqual([195]);
  });

  it('external files: 317 missing rain file, 361 missing series file, 363 bad series file', () => {
    const rain = `${BASE}\n[RAINGAGES]\nG VOLUME 1:00 1 FILE "rain.dat" STA IN\n`;
    expect(codes(rain).map((c) => c.slice(0, 2))).toEqual([[317, 'rain.dat']]);
    expect(parseInp(rain, { externalFiles: 'ignore' }).errors).toEqual([]);
    const ts = `${BASE}\n[TIMESERIES]\nT FILE "C:\\data\\inflow.dat"\n`;
    expect(codes(ts).map((c) => c.slice(0, 2))).toEqual([[361, 'T']]);
    const good = parseInp(ts, { files: { 'inflow.dat': '01/01/2020 6:00 1.5\n01/01/2020 7:00 2\n8:30 3 ; comment\n' } });
    expect(good.errors).toEqual([]);
    const t = good.model!.timeseries[0]!;
    const d = encodeDate(2020, 1, 1);
    expect(t.times).toEqual([d + 0.25, d + 7 / 24, d + 8.5 / 24]);
    expect(t.values).toEqual([1.5, 2, 3]);
    const bad = parseInp(ts, { files: { 'inflow.dat': '0:00 1\n1:00 x\n' } });
    expect(bad.errors.map((e) => [e.code, e.file, e.line])).toEqual([[363, 'inflow.dat', 2]]);
  });

  it('never throws on odd input', () => {
    for (const t of ['', '[', '"', ';;', '[TITLE', '\u0000\u0001', '[OPTIONS]\nSTART_DATE', '[TRANSECTS]\nGR 1 2']) {
      const r = parseInp(t);
      expect(r.errors.every((e) => e.code !== 401)).toBe(true);
    }
    expect(codes('[TRANSECTS]\nGR 1 2')).toEqual([[219, undefined, 2, '[TRANSECTS]']]);
  });
});

describe('option adjustments', () => {
  const rain = (interval: string) => `${BASE.replace('WET_STEP 0:15:00', 'WET_STEP 0:15:00\nDRY_STEP 0:10:00')}
[RAINGAGES]
G INTENSITY ${interval} 1 TIMESERIES T
G2 INTENSITY 0:01 1 TIMESERIES T
[TIMESERIES]
T 0 1
T 1 0
[SUBCATCHMENTS]
S1 G J1 1 50 100 1 0
`;

  it('WET_STEP lowered to a used gage interval (warnings 09, 01); unused gages ignored', () => {
    const r = parseInp(rain('0:05'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      'WARNING 09: time series interval greater than recording interval for Rain Gage G',
      'WARNING 01: wet weather time step reduced to recording interval for Rain Gage G',
    ]);
    const f = finalizeOptions(r.model!).options;
    expect(f.wetStepS).toBe(300);
    expect(f.dryStepS).toBe(600);
    // unused gage G2 (1 min) does not count; routing step 30 s stays
    expect(f.routingStepS).toBe(30);
    expect(f.totalDurationS).toBe(18 * 3600);
  });

  it('DRY_STEP below WET_STEP is raised (06); ROUTING_STEP above WET_STEP lowered (07); REPORT_STEP clipped', () => {
    const text = BASE.replace('WET_STEP 0:15:00', 'WET_STEP 0:15:00\nDRY_STEP 0:10:00').replace('ROUTING_STEP 30', 'ROUTING_STEP 0:20:00').replace('REPORT_STEP 0:15:00', 'REPORT_STEP 48:00');
    const r = parseInp(text);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      'WARNING 06: dry weather time step increased to the wet weather time step',
      'WARNING 07: routing time step reduced to the wet weather time step',
    ]);
    const f = finalizeOptions(r.model!).options;
    expect([f.dryStepS, f.routingStepS, f.reportStepS]).toEqual([900, 900, 18 * 3600]);
  });

  it('dynamic-wave defaults in internal units', () => {
    const si = finalizeOptions(parseInp(BASE.replace('FLOW_UNITS CFS', 'FLOW_UNITS CMS\nMIN_SURFAREA 1.5\nMINIMUM_STEP 100')).model!).options;
    expect(si.minSurfAreaFt2).toBeCloseTo(1.5 / 0.3048 ** 2, 10);
    expect(si.headToleranceFt).toBe(0.005);
    expect(si.maxTrials).toBe(8);
    expect(si.minimumStepS).toBe(30);
    const us = finalizeOptions(parseInp(BASE).model!).options;
    expect(us.minSurfAreaFt2).toBe(12.566);
  });

  it('a gage interval larger than its series spacing is error 159; co-gages must share the form (157)', () => {
    expect(codes(rain('2:00')).map((c) => c.slice(0, 2))).toEqual([[159, 'G']]);
    const co = rain('1:00').replace('G2 INTENSITY 0:01', 'G2 VOLUME 0:01').replace('S1 G J1 1 50 100 1 0', 'S1 G J1 1 50 100 1 0\nS2 G2 J1 1 50 100 1 0');
    expect(codes(co).map((c) => c.slice(0, 3))).toEqual([[157, 'G2', co.split('\n').findIndex((l) => l.startsWith('G2 ')) + 1]]);
  });
});

describe('writeInp', () => {
  it('keeps the user text of unchanged options and rewrites edited ones', () => {
    const m = parseInp(BASE.replace('ROUTING_STEP 30', 'ROUTING_STEP 0:00:30')).model!;
    let text = writeInp(m);
    expect(text).toMatch(/ROUTING_STEP\s+0:00:30/);
    m.options.routingStepS = 15;
    m.options.endDateTime = encodeDate(2020, 1, 3) + 0.5;
    m.options.allowPonding = true;
    text = writeInp(m);
    expect(text).toMatch(/ROUTING_STEP\s+15\n/);
    expect(text).toMatch(/END_DATE\s+01\/03\/2020\n/);
    expect(text).toMatch(/END_TIME\s+12:00:00\n/);
    expect(text).toMatch(/ALLOW_PONDING\s+YES\n/);
    const again = parseInp(text).model!;
    expect(again.options.routingStepS).toBe(15);
    expect(again.options.endDateTime).toBe(m.options.endDateTime);
  });

  it('writes relative series as hours and dated series with dates', () => {
    const m = parseInp(`${BASE}\n[TIMESERIES]\nA 0 1 0.25 2\nB 01/01/2020 0:00 1 01/01/2020 6:30 2\n`).model!;
    const text = writeInp(m);
    expect(text).toContain('A  00:00       1\nA  00:15       2\nB  01/01/2020  00:00  1\nB  01/01/2020  06:30  2');
  });

  it('writes a model built in code (no section order, no raw options)', () => {
    const m = emptyModel();
    m.options.flowUnits = 'CMS';
    m.options.routing = 'KINWAVE';
    m.options.startDateTime = encodeDate(2021, 7, 1);
    m.options.endDateTime = encodeDate(2021, 7, 1) + 0.5;
    m.options.reportStartDateTime = m.options.startDateTime;
    m.options.reportStepS = 300;
    m.evaporation = { kind: 'MONTHLY', values: [1, 1, 2, 3, 4, 5, 5, 4, 3, 2, 1, 1], dryOnly: true };
    m.nodes.push({ kind: 'JUNCTION', line: 0, name: 'A', invertElev: 10, maxDepth: 2, initDepth: 0, surDepth: 0, pondedArea: 0 });
    m.nodes.push({ kind: 'OUTFALL', line: 0, name: 'Out', invertElev: 9, maxDepth: 0, initDepth: 0, surDepth: 0, pondedArea: 0, outfallType: 'FREE', gated: false });
    m.links.push({
      kind: 'CONDUIT', line: 0, name: 'P', fromNode: 'A', toNode: 'Out', inOffset: 0, outOffset: 0, length: 50, roughness: 0.013, initFlow: 0, maxFlow: 0,
      xsect: { line: 0, shape: 'CIRCULAR', geom: [0.6, 0, 0, 0], barrels: 1, culvertCode: 0 },
    });
    m.report.nodes = ['A'];
    const r = parseInp(writeInp(m));
    expect(r.errors).toEqual([]);
    const b = r.model!;
    expect(b.options).toMatchObject({ flowUnits: 'CMS', routing: 'KINWAVE', startDateTime: m.options.startDateTime, endDateTime: m.options.endDateTime, reportStepS: 300 });
    expect(b.evaporation).toEqual(m.evaporation);
    expect(b.links[0]).toMatchObject({ name: 'P', fromNode: 'A', toNode: 'Out', xsect: { shape: 'CIRCULAR', geom: [0.6, 0, 0, 0] } });
    expect(b.report.nodes).toEqual(['A']);
  });

  it('quotes names with blanks', () => {
    const m = parseInp(BASE.replace(/J1/g, '"Node one"')).model!;
    expect(m.nodes[0]!.name).toBe('Node one');
    const text = writeInp(m);
    expect(text).toMatch(/"Node one" +100 +5/);
    expect(parseInp(text).model!.links[0]!.fromNode).toBe('Node one');
  });
});
