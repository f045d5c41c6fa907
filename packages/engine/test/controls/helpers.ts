// Test fixtures for control rules: a small SI model (CMS, metres) with one object of each
// link type, a fake network view made of plain typed arrays, and helpers to compile rules.
import { expect } from 'vitest';
import { parseInp } from '../../src/input/index.js';
import type { Model, RawSection } from '../../src/model/types.js';
import { unitFactors } from '../../src/model/units.js';
import { createXsect, XS_CIRCULAR } from '../../src/hydraulics/xsect.js';
import { LINK_CONDUIT, LINK_PUMP, LINK_ORIFICE, LINK_WEIR, LINK_OUTLET } from '../../src/hydraulics/network.js';
import { parseControls, type Controls, type ControlNetView } from '../../src/hydraulics/controls.js';
import { encodeDate } from '../../src/time/datetime.js';

export const FT_PER_M = 1 / 0.3048;
/** 06/15/2021 00:00 — a Tuesday, day of year 166. */
export const START = encodeDate(2021, 6, 15);

export function baseInp(controls = '', reportControls = 'YES'): string {
  return `[TITLE]
controls tests
[OPTIONS]
FLOW_UNITS CMS
FLOW_ROUTING KINWAVE
START_DATE 06/15/2021
START_TIME 00:00:00
REPORT_START_DATE 06/15/2021
REPORT_START_TIME 00:00:00
END_DATE 06/16/2021
END_TIME 00:00:00
ROUTING_STEP 60
RULE_STEP 00:05:00
[RAINGAGES]
RG1 INTENSITY 1:00 1.0 TIMESERIES TS1
[JUNCTIONS]
J1 10 3 0 0 0
[OUTFALLS]
O1 0 FREE NO
[STORAGE]
SU1 5 4 0 FUNCTIONAL 1000 0 0 0 0
[CONDUITS]
C1 J1 SU1 100 0.013 0 0 0 0
[PUMPS]
P1 SU1 O1 * ON 0 0
P2 SU1 O1 * OFF 0 0
[ORIFICES]
OR1 SU1 O1 SIDE 0 0.65 NO 0
[WEIRS]
W1 SU1 O1 TRANSVERSE 1 1.84 NO 0 0
[OUTLETS]
OL1 SU1 O1 0 FUNCTIONAL/DEPTH 10 0.5 NO
[XSECTIONS]
C1 CIRCULAR 1 0 0 0 1
OR1 CIRCULAR 0.5 0 0 0
W1 RECT_OPEN 1 2 0 0
[CURVES]
GATE CONTROL 0 0
GATE 2 1
[TIMESERIES]
TS1 06/15/2021 00:00 0.2
TS1 06/15/2021 12:00 0.8
[REPORT]
CONTROLS ${reportControls}
[CONTROLS]
${controls}
`;
}

/** Parsed test model (no parse errors allowed). */
export function testModel(controls = '', reportControls = 'YES'): Model {
  const r = parseInp(baseInp(controls, reportControls), { fileName: 'controls.inp' });
  expect(r.errors).toEqual([]);
  return r.model!;
}

/** Compile the model's own [CONTROLS] section; no errors allowed. */
export function compile(controls: string): { c: Controls; model: Model; warnings: string[] } {
  const model = testModel(controls);
  const r = parseControls(model.extra['[CONTROLS]'], model);
  expect(r.errors).toEqual([]);
  return { c: r.controls, model, warnings: r.warnings };
}

/** A hand-made [CONTROLS] section (lines numbered from 1), bypassing the input validator. */
export function rawSection(lines: string[]): RawSection {
  return {
    name: '[CONTROLS]',
    lines: lines.map((text, i) => ({ line: i + 1, text, tokens: text.trim().split(/\s+/).filter((t) => t.length > 0) })),
  };
}

const LINK_CODE = { CONDUIT: LINK_CONDUIT, PUMP: LINK_PUMP, ORIFICE: LINK_ORIFICE, WEIR: LINK_WEIR, OUTLET: LINK_OUTLET } as const;

export interface FakeNet extends ControlNetView {
  nodeIndex(name: string): number;
  linkIndex(name: string): number;
}

/**
 * A fake network over the model's nodes and links: every column is a plain typed array the
 * test sets directly (internal units: ft, ft³, cfs). Conduit C1 gets a real 1 m circular
 * section so VELOCITY / FULLDEPTH work; curves and series come from the model.
 */
export function fakeNet(model: Model): FakeNet {
  const nN = model.nodes.length;
  const nL = model.links.length;
  const linkType = Int8Array.from(model.links.map((l) => LINK_CODE[l.kind]));
  const linkSub = new Int32Array(nL);
  const perType = [0, 0, 0, 0, 0];
  for (let j = 0; j < nL; j++) linkSub[j] = perType[linkType[j]!]!++;
  const nC = perType[LINK_CONDUIT]!;
  const xs = createXsect(XS_CIRCULAR, 1, 0, 0, 0, { ucfLength: 0.3048 });
  if ('error' in xs) throw new Error(xs.error);
  const names = (a: readonly { name: string }[]) => a.map((x) => x.name);
  const nodeNames = names(model.nodes);
  const linkNames = names(model.links);
  return {
    ucf: unitFactors(model.options.flowUnits),
    nodeNewDepth: new Float64Array(nN),
    nodeInvertFt: Float64Array.from(model.nodes.map((n) => n.invertElev * FT_PER_M)),
    nodeFullDepthFt: Float64Array.from(model.nodes.map((n) => n.maxDepth * FT_PER_M)),
    nodeNewVolume: new Float64Array(nN),
    nodeOldLatFlow: new Float64Array(nN),
    linkType,
    linkSub,
    linkNewFlow: new Float64Array(nL),
    linkNewDepth: new Float64Array(nL),
    linkSetting: new Float64Array(nL).fill(1),
    linkTargetSetting: new Float64Array(nL).fill(1),
    linkTimeLastSet: new Float64Array(nL).fill(START),
    linkQFullCfs: new Float64Array(nL),
    linkDirection: new Int8Array(nL).fill(1),
    linkXsect: model.links.map((l) => (l.kind === 'CONDUIT' ? xs : null)),
    conduitLengthFt: Float64Array.from(model.links.filter((l) => l.kind === 'CONDUIT').map((l) => (l.kind === 'CONDUIT' ? l.length : 0) * FT_PER_M)),
    conduitSlope: new Float64Array(nC).fill(0.01),
    conduitBarrels: new Float64Array(nC).fill(1),
    curves: model.curves.map((c) => ({ x: Float64Array.from(c.x), y: Float64Array.from(c.y) })),
    series: model.timeseries.map((s) => ({ t: Float64Array.from(s.times), v: Float64Array.from(s.values) })),
    nodeIndex: (name) => nodeNames.indexOf(name),
    linkIndex: (name) => linkNames.indexOf(name),
  };
}

/** Hours → days. */
export const h = (hours: number): number => hours / 24;
