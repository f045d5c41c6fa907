// writeInp: Model → .inp text. Sections come out in the order they were read
// (model.sectionOrder), then any other non-empty ones in SWMM's usual order. Numbers are
// written in their shortest exact form, so parseInp(writeInp(m)) reproduces m; unchanged
// options keep the user's own text (model.options.raw).
import type { Model, Options, TimeSeries, Transect } from '../model/types.js';
import { decodeDate, encodeDate, formatDate, formatTime } from '../time/datetime.js';
import { ParseContext } from './context.js';
import { Fields, guarded } from './fields.js';
import { combineDates, defaultOptions, OPTION_FIELDS, OPTION_WORDS, readOptionLine, type DateParts, type OptionWord } from './options.js';
import { gageIntervalSeconds } from './read-climate.js';
import { SECTIONS } from './sections.js';
import { parseTime } from './dates.js';

/** Number text that parses back to exactly the same double. */
export function num(v: number): string {
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/**
 * A name or free token as the tokenizer will read it back: quoted when empty or when it
 * holds blanks. A '"' inside an unquoted token is an ordinary character, so it stays;
 * quotes that the tokenizer could not have produced (leading, or inside a quoted token)
 * are dropped.
 */
export function q(s: string): string {
  if (s === '' || /\s/.test(s)) return `"${s.replace(/"/g, '')}"`;
  if (s.startsWith('"')) return q(s.replace(/^"+/, ''));
  return s;
}

/**
 * Cell separator inside a row; replaced by aligned padding when the section is emitted.
 * A line break can never occur inside a token or a kept raw line, so it is unambiguous.
 */
const SEP = '\n';

function row(...cols: (string | number)[]): string {
  return cols.map((c) => (typeof c === 'number' ? num(c) : c)).join(SEP);
}

/** Pad the cells of a section's rows into columns (at least two blanks apart). */
function align(lines: string[]): string[] {
  const widths: number[] = [];
  const cells = lines.map((l) => (l.includes(SEP) ? l.split(SEP) : null));
  for (const c of cells) if (c) c.forEach((x, i) => (widths[i] = Math.max(widths[i] ?? 0, x.length)));
  return cells.map((c, k) => (c ? c.map((x, i) => (i < c.length - 1 ? x.padEnd(widths[i]! + 2) : x)).join('') : lines[k]!));
}

const yn = (b: boolean): string => (b ? 'YES' : 'NO');

// ---------------------------------------------------------------- options
const DATE_PAIRS: Partial<Record<OptionWord, OptionWord>> = {
  START_DATE: 'START_TIME', START_TIME: 'START_DATE', END_DATE: 'END_TIME', END_TIME: 'END_DATE',
  REPORT_START_DATE: 'REPORT_START_TIME', REPORT_START_TIME: 'REPORT_START_DATE',
};

function hms(totalS: number): string {
  const s = Math.round(totalS);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

function monthDay(day: number): string {
  const d = decodeDate(encodeDate(1947, 1, 1) + day - 1);
  return `${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}`;
}

function canonicalOption(key: OptionWord, o: Options): string | undefined {
  switch (key) {
    case 'FLOW_UNITS': return o.flowUnits;
    case 'INFILTRATION': return o.infiltration;
    case 'FLOW_ROUTING': return o.routing;
    case 'LINK_OFFSETS': return o.linkOffsets;
    case 'FORCE_MAIN_EQUATION': return o.forceMainEquation;
    case 'IGNORE_RAINFALL': return yn(o.ignoreRainfall);
    case 'IGNORE_SNOWMELT': return yn(o.ignoreSnowmelt);
    case 'IGNORE_GROUNDWATER': return yn(o.ignoreGroundwater);
    case 'IGNORE_RDII': return yn(o.ignoreRdii);
    case 'IGNORE_ROUTING': return yn(o.ignoreRouting);
    case 'IGNORE_QUALITY': return yn(o.ignoreQuality);
    case 'ALLOW_PONDING': return yn(o.allowPonding);
    case 'INERTIAL_DAMPING': return o.inertialDamping;
    case 'NORMAL_FLOW_LIMITED': return o.normalFlowLimited;
    case 'SKIP_STEADY_STATE': return yn(o.skipSteadyState);
    case 'START_DATE': return formatDate(o.startDateTime);
    case 'START_TIME': return formatTime(o.startDateTime);
    case 'END_DATE': return formatDate(o.endDateTime);
    case 'END_TIME': return formatTime(o.endDateTime);
    case 'REPORT_START_DATE': return formatDate(o.reportStartDateTime);
    case 'REPORT_START_TIME': return formatTime(o.reportStartDateTime);
    case 'SWEEP_START': return monthDay(o.sweepStartDay);
    case 'SWEEP_END': return monthDay(o.sweepEndDay);
    case 'DRY_DAYS': return num(o.dryDays);
    case 'WET_STEP': return hms(o.wetStepS);
    case 'DRY_STEP': return hms(o.dryStepS);
    case 'REPORT_STEP': return hms(o.reportStepS);
    case 'RULE_STEP': return hms(o.ruleStepS);
    case 'ROUTING_STEP': return num(o.routingStepS);
    case 'LENGTHENING_STEP': return num(o.lengtheningStepS);
    case 'VARIABLE_STEP': return num(o.variableStep);
    case 'MINIMUM_STEP': return num(o.minimumStepS);
    case 'MIN_SURFAREA': return num(o.minSurfArea);
    case 'MIN_SLOPE': return num(o.minSlope * 100);
    case 'MAX_TRIALS': return num(o.maxTrials);
    case 'HEAD_TOLERANCE': return num(o.headTolerance);
    case 'SYS_FLOW_TOL': return num(o.sysFlowTol * 100);
    case 'LAT_FLOW_TOL': return num(o.latFlowTol * 100);
    case 'THREADS': return num(o.threads);
    case 'SURCHARGE_METHOD': return o.surchargeMethod;
    default: return undefined;
  }
}

/** Options as the raw lines alone would give them (to see which typed fields were edited). */
function optionsFromRaw(raw: Record<string, string[]>): Options {
  const o = defaultOptions();
  const d: DateParts = {};
  const ctx = new ParseContext('', {});
  let n = 0;
  for (const [key, toks] of Object.entries(raw)) {
    n++;
    const tokens = [key, ...toks];
    guarded(() => readOptionLine(new Fields(ctx, { line: n, raw: '', text: '', tokens }), o, d));
  }
  combineDates(o, d);
  return o;
}

function writeOptions(o: Options): string[] {
  const fromRaw = optionsFromRaw(o.raw);
  const dirty = new Set<OptionWord>();
  for (const key of OPTION_WORDS) {
    if (OPTION_FIELDS[key].some((f) => fromRaw[f] !== o[f])) {
      dirty.add(key);
      const pair = DATE_PAIRS[key];
      if (pair) dirty.add(pair);
    }
  }
  const out: string[] = [];
  const written = new Set<string>();
  for (const [key, toks] of Object.entries(o.raw)) {
    written.add(key);
    const k = key as OptionWord;
    const v = dirty.has(k) ? canonicalOption(k, o) : undefined;
    out.push(row(key, v ?? toks.map(q).join(' ')));
  }
  for (const key of OPTION_WORDS) {
    if (!dirty.has(key) || written.has(key)) continue;
    const v = canonicalOption(key, o);
    if (v !== undefined) out.push(row(key, v));
  }
  return out;
}

// ---------------------------------------------------------------- time series
/** A time token `tok` with base + parseTime(tok) === t exactly, when one can be found. */
function timeToken(base: number, t: number): string {
  const y = t - base;
  const secs = Math.round(y * 86400);
  if (secs >= 0) {
    const tok = hms(secs).replace(/:00$/, '');
    const v = parseTime(tok);
    if (v !== undefined && base + v === t) return tok;
  }
  // decimal hours: try the plain product and its neighbours
  let h = y * 24;
  for (let i = 0; i < 8; i++) {
    const tok = num(h);
    const v = parseTime(tok);
    if (v !== undefined && base + v === t) return tok;
    h = base + h / 24 < t ? nextUp(h) : nextDown(h);
  }
  return num(y * 24);
}

/** The next double above x (scratch buffers are local: no module-level mutable state). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const u = new BigInt64Array(f.buffer);
  u[0] = u[0]! + (x > 0 ? 1n : -1n);
  return f[0]!;
}
function nextDown(x: number): number {
  return -nextUp(-x);
}

function writeSeries(ts: TimeSeries, start: number): string[] {
  if (ts.file !== undefined) return [row(q(ts.name), 'FILE', `"${ts.file}"`)];
  const out: string[] = [];
  for (let i = 0; i < ts.times.length; i++) {
    const t = ts.times[i]!;
    if (ts.relative) {
      out.push(row(q(ts.name), timeToken(start, t), ts.values[i]!));
    } else {
      const day = Math.floor(t);
      out.push(row(q(ts.name), formatDate(day), timeToken(day, t), ts.values[i]!));
    }
  }
  if (ts.times.length === 0) out.push(`;${q(ts.name)} has no entries`);
  return out;
}

// ---------------------------------------------------------------- sections
function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function writeTransect(t: Transect): string[] {
  const out = [
    row('NC', t.nLeft, t.nRight, t.nChannel),
    row('X1', q(t.name), t.stations.length, t.xLeftBank, t.xRightBank, 0, 0, t.meander, t.stationFactor, t.elevOffset),
  ];
  const pairs: number[] = [];
  for (let i = 0; i < t.stations.length; i++) pairs.push(t.elevations[i]!, t.stations[i]!);
  for (const c of chunk(pairs, 10)) out.push(row('GR', ...c));
  return out;
}

function sectionLines(name: string, m: Model): string[] | undefined {
  const o = m.options;
  switch (name) {
    case '[TITLE]': return m.title.slice();
    case '[OPTIONS]': return writeOptions(o);
    case '[RAINGAGES]':
      return m.gages.map((g) => {
        const isFile = g.source.kind === 'FILE';
        const it = gageIntervalSeconds(g.intervalText, isFile) === g.intervalS ? g.intervalText : hms(g.intervalS);
        if (g.source.kind === 'TIMESERIES') return row(q(g.name), g.form, q(it), g.snowCatchFactor, 'TIMESERIES', q(g.source.series));
        const s = g.source;
        const cols: (string | number)[] = [q(g.name), g.form, q(it), g.snowCatchFactor, 'FILE', `"${s.file}"`, q(s.station), s.units];
        if (s.startDate !== undefined) cols.push(formatDate(s.startDate));
        return row(...cols);
      });
    case '[EVAPORATION]': {
      const e = m.evaporation;
      const out: string[] = [];
      if (e.kind === 'TIMESERIES') out.push(row('TIMESERIES', q(e.series ?? '')));
      else if (e.kind === 'TEMPERATURE') out.push('TEMPERATURE');
      else out.push(row(e.kind, ...e.values));
      if (e.recoveryPattern) out.push(row('RECOVERY', q(e.recoveryPattern)));
      out.push(row('DRY_ONLY', yn(e.dryOnly)));
      return out;
    }
    case '[SUBCATCHMENTS]':
      return m.subcatchments.map((s) => {
        const cols: (string | number)[] = [q(s.name), s.gage ? q(s.gage) : '*', q(s.outlet), s.area, s.pctImperv, s.width, s.pctSlope, s.curbLength];
        if (s.snowPack) cols.push(q(s.snowPack));
        return row(...cols);
      });
    case '[SUBAREAS]':
      return m.subcatchments.flatMap((s) => {
        const a = s.subareas;
        return a ? [row(q(s.name), a.nImperv, a.nPerv, a.sImperv, a.sPerv, a.pctZero, a.routeTo, a.pctRouted)] : [];
      });
    case '[INFILTRATION]':
      return m.subcatchments.flatMap((s) => {
        const inf = s.infiltration;
        if (!inf) return [];
        const cols: (string | number)[] = [q(s.name), ...inf.values];
        if (inf.explicitMethod || inf.method !== o.infiltration) cols.push(inf.method);
        return [row(...cols)];
      });
    case '[JUNCTIONS]':
      return m.nodes.flatMap((n) => (n.kind === 'JUNCTION' ? [row(q(n.name), n.invertElev, n.maxDepth, n.initDepth, n.surDepth, n.pondedArea)] : []));
    case '[OUTFALLS]':
      return m.nodes.flatMap((n) => {
        if (n.kind !== 'OUTFALL') return [];
        const cols: (string | number)[] = [q(n.name), n.invertElev, n.outfallType];
        if (n.outfallType === 'FIXED') cols.push(n.fixedStage ?? 0);
        else if (n.outfallType === 'TIDAL' || n.outfallType === 'TIMESERIES') cols.push(q(n.stageData ?? ''));
        cols.push(yn(n.gated));
        if (n.routeTo) cols.push(q(n.routeTo));
        return [row(...cols)];
      });
    case '[DIVIDERS]':
      return m.nodes.flatMap((n) => {
        if (n.kind !== 'DIVIDER') return [];
        const cols: (string | number)[] = [q(n.name), n.invertElev, n.divertedLink ? q(n.divertedLink) : '*', n.dividerType];
        if (n.dividerType === 'TABULAR') cols.push(q(n.curve ?? ''));
        else if (n.dividerType !== 'OVERFLOW') cols.push(...n.params);
        cols.push(n.maxDepth, n.initDepth, n.surDepth, n.pondedArea);
        return [row(...cols)];
      });
    case '[STORAGE]':
      return m.nodes.flatMap((n) => {
        if (n.kind !== 'STORAGE') return [];
        const cols: (string | number)[] = [q(n.name), n.invertElev, n.maxDepth, n.initDepth, n.shape];
        if (n.shape === 'TABULAR') cols.push(q(n.curve ?? ''));
        else cols.push(...n.shapeParams);
        cols.push(n.surDepth, n.fEvap, ...n.seepage);
        return [row(...cols)];
      });
    case '[CONDUITS]':
      return m.links.flatMap((l) =>
        l.kind === 'CONDUIT'
          ? [row(q(l.name), q(l.fromNode), q(l.toNode), l.length, l.roughness, l.inOffset ?? '*', l.outOffset ?? '*', l.initFlow, l.maxFlow)]
          : [],
      );
    case '[PUMPS]':
      return m.links.flatMap((l) =>
        l.kind === 'PUMP'
          ? [row(q(l.name), q(l.fromNode), q(l.toNode), l.curve === null ? '*' : q(l.curve), l.initStatusOn ? 'ON' : 'OFF', l.startupDepth, l.shutoffDepth)]
          : [],
      );
    case '[ORIFICES]':
      return m.links.flatMap((l) =>
        l.kind === 'ORIFICE'
          ? [row(q(l.name), q(l.fromNode), q(l.toNode), l.orificeType, l.inOffset ?? '*', l.dischargeCoeff, yn(l.gated), l.closeTimeH)]
          : [],
      );
    case '[WEIRS]':
      return m.links.flatMap((l) => {
        if (l.kind !== 'WEIR') return [];
        const cols: (string | number)[] = [
          q(l.name), q(l.fromNode), q(l.toNode), l.weirType, l.inOffset ?? '*', l.dischargeCoeff, yn(l.gated),
          l.endContractions, l.endCoeff, yn(l.canSurcharge), l.roadWidth,
        ];
        if (l.roadSurface || l.coeffCurve) cols.push(l.roadSurface ?? '*');
        if (l.coeffCurve) cols.push(q(l.coeffCurve));
        return [row(...cols)];
      });
    case '[OUTLETS]':
      return m.links.flatMap((l) => {
        if (l.kind !== 'OUTLET') return [];
        const cols: (string | number)[] = [q(l.name), q(l.fromNode), q(l.toNode), l.inOffset ?? '*', l.outletType];
        if (l.outletType.startsWith('FUNCTIONAL')) cols.push(l.coeff, l.expon);
        else cols.push(q(l.curve ?? ''));
        cols.push(yn(l.gated));
        return [row(...cols)];
      });
    case '[XSECTIONS]':
      return m.links.flatMap((l) => {
        const x = l.xsect;
        if (!x) return [];
        const tail: (string | number)[] = [x.barrels];
        if (x.culvertCode) tail.push(x.culvertCode);
        if (x.shape === 'IRREGULAR' || x.shape === 'STREET') return [row(q(l.name), x.shape, q(x.ref ?? ''), 0, 0, 0, ...tail)];
        if (x.shape === 'CUSTOM') return [row(q(l.name), x.shape, x.geom[0], q(x.ref ?? ''), 0, 0, ...tail)];
        return [row(q(l.name), x.shape, ...x.geom, ...tail)];
      });
    case '[LOSSES]':
      return m.links.flatMap((l) => {
        if (l.kind !== 'CONDUIT' || !l.losses) return [];
        const s = l.losses;
        return [row(q(l.name), s.kEntry, s.kExit, s.kAvg, yn(s.flapGate), s.seepageRate)];
      });
    case '[TRANSECTS]':
      return m.transects.flatMap(writeTransect);
    case '[CURVES]':
      return m.curves.flatMap((c) => {
        if (c.x.length === 0) return [row(q(c.name), c.type)];
        return c.x.map((x, i) => (i === 0 ? row(q(c.name), c.type, x, c.y[0]!) : row(q(c.name), x, c.y[i]!)));
      });
    case '[TIMESERIES]':
      return m.timeseries.flatMap((ts) => writeSeries(ts, o.startDateTime));
    case '[PATTERNS]':
      return m.patterns.flatMap((p) => {
        const groups = chunk(p.factors, 6);
        if (groups.length === 0) return [row(q(p.name), p.type)];
        return groups.map((g, i) => (i === 0 ? row(q(p.name), p.type, ...g) : row(q(p.name), ...g)));
      });
    case '[INFLOWS]':
      return m.inflows.map((f) => {
        const cols: (string | number)[] = [q(f.node), q(f.constituent), q(f.series), f.type, f.mFactor, f.sFactor, f.baseline];
        if (f.baselinePattern) cols.push(q(f.baselinePattern));
        return row(...cols);
      });
    case '[DWF]':
      return m.dwf.map((d) => row(q(d.node), q(d.constituent), d.average, ...d.patterns.map(q)));
    case '[REPORT]': {
      const r = m.report;
      const out: string[] = [];
      if (r.disabled !== undefined) out.push(row('DISABLED', yn(r.disabled)));
      out.push(row('INPUT', yn(r.input)), row('CONTINUITY', yn(r.continuity)), row('FLOWSTATS', yn(r.flowStats)), row('CONTROLS', yn(r.controls)));
      if (r.averages) out.push(row('AVERAGES', 'YES'));
      for (const [key, v] of [['SUBCATCHMENTS', r.subcatchments], ['NODES', r.nodes], ['LINKS', r.links]] as const) {
        if (typeof v === 'string') out.push(row(key, v));
        else if (v.length === 0) out.push(row(key, 'NONE'));
        else for (const c of chunk(v, 10)) out.push(row(key, ...c.map(q)));
      }
      return out;
    }
    case '[MAP]': {
      const mp = m.coordinates.map;
      const out: string[] = [];
      if (mp?.dimensions) out.push(row('DIMENSIONS', ...mp.dimensions));
      if (mp?.units !== undefined) out.push(row('Units', q(mp.units)));
      return out;
    }
    case '[COORDINATES]':
      return Object.entries(m.coordinates.nodes).map(([n, [x, y]]) => row(q(n), x, y));
    case '[SYMBOLS]':
      return Object.entries(m.coordinates.gages).map(([n, [x, y]]) => row(q(n), x, y));
    case '[VERTICES]':
      return Object.entries(m.coordinates.vertices).flatMap(([n, pts]) => pts.map(([x, y]) => row(q(n), x, y)));
    case '[POLYGONS]':
      return Object.entries(m.coordinates.polygons).flatMap(([n, pts]) => pts.map(([x, y]) => row(q(n), x, y)));
    default: {
      const raw = m.extra[name];
      return raw ? raw.lines.map((l) => l.text) : undefined;
    }
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A model with default [REPORT] and [EVAPORATION] content, to tell when those need writing. */
function emptyReportModel(): Model {
  return {
    title: [], options: defaultOptions(), gages: [], evaporation: { kind: 'CONSTANT', values: [0], dryOnly: false },
    subcatchments: [], nodes: [], links: [], transects: [], curves: [], timeseries: [], patterns: [], inflows: [], dwf: [],
    report: { input: false, continuity: true, flowStats: true, controls: false, averages: false, subcatchments: 'NONE', nodes: 'NONE', links: 'NONE', lids: [] },
    coordinates: { nodes: {}, vertices: {}, polygons: {}, gages: {} }, extra: {}, sectionOrder: [],
  };
}

const NODE_SECTIONS: Record<string, string> = {
  JUNCTION: '[JUNCTIONS]', OUTFALL: '[OUTFALLS]', DIVIDER: '[DIVIDERS]', STORAGE: '[STORAGE]',
};
const LINK_SECTIONS: Record<string, string> = {
  CONDUIT: '[CONDUITS]', PUMP: '[PUMPS]', ORIFICE: '[ORIFICES]', WEIR: '[WEIRS]', OUTLET: '[OUTLETS]',
};

/**
 * Nodes (and links) share one index in file order across their sections. When that
 * order interleaves kinds differently from the section order, the objects are written
 * as consecutive runs, one section block per run, so the order survives a re-read.
 */
function runs<T extends { kind: string }>(objs: T[], sectionOf: Record<string, string>, order: string[]): [string, T[]][] | undefined {
  const blocks: [string, T[]][] = [];
  for (const o of objs) {
    const sec = sectionOf[o.kind]!;
    const last = blocks[blocks.length - 1];
    if (last && last[0] === sec) last[1].push(o);
    else blocks.push([sec, [o]]);
  }
  const plain = order.filter((n) => Object.values(sectionOf).includes(n));
  const kinds = blocks.map((b) => b[0]);
  // in order already when each kind forms one block and the blocks follow the section order
  const inOrder = new Set(kinds).size === kinds.length && kinds.every((k, i) => i === 0 || plain.indexOf(k) > plain.indexOf(kinds[i - 1]!));
  return inOrder ? undefined : blocks;
}

/** Model → .inp text (see file comment). */
export function writeInp(model: Model): string {
  const order = [...model.sectionOrder];
  const seen = new Set(order);
  for (const s of SECTIONS) {
    if (seen.has(s.name)) continue;
    const lines = sectionLines(s.name, model);
    if (!lines || lines.length === 0) continue;
    // [REPORT] and [EVAPORATION] always produce lines; add them only when not at defaults
    if (s.name === '[REPORT]' && sameJson(lines, sectionLines(s.name, emptyReportModel()))) continue;
    if (s.name === '[EVAPORATION]' && sameJson(lines, sectionLines(s.name, emptyReportModel()))) continue;
    order.push(s.name);
    seen.add(s.name);
  }
  for (const name of Object.keys(model.extra)) if (!seen.has(name)) order.push(name);
  const nodeRuns = runs(model.nodes, NODE_SECTIONS, order);
  const linkRuns = runs(model.links, LINK_SECTIONS, order);
  const out: string[] = [];
  const emitRuns = <T extends { kind: string }>(blocks: [string, T[]][], key: 'nodes' | 'links'): void => {
    for (const [sec, objs] of blocks) {
      out.push(sec);
      for (const l of align(sectionLines(sec, { ...model, [key]: objs }) ?? [])) out.push(l);
      out.push('');
    }
  };
  let nodesDone = false;
  let linksDone = false;
  for (const name of order) {
    if (nodeRuns && Object.values(NODE_SECTIONS).includes(name)) {
      if (!nodesDone) emitRuns(nodeRuns, 'nodes');
      nodesDone = true;
      continue;
    }
    if (linkRuns && Object.values(LINK_SECTIONS).includes(name)) {
      if (!linksDone) emitRuns(linkRuns, 'links');
      linksDone = true;
      continue;
    }
    out.push(name);
    for (const l of align(sectionLines(name, model) ?? [])) out.push(l);
    out.push('');
  }
  return out.join('\n');
}
