// parseInp: the two-pass .inp reader (digest §1.1).
// Pass 0 splits lines and assigns them to sections; pass 1 reads [OPTIONS] and registers
// every named object (so names may be used before their section); pass 2 reads all data
// lines in file order; then side tables are attached and the model is validated.
import type { EngineError, InjectedFiles } from '../api.js';
import type { Model, RawSection } from '../model/types.js';
import { ParseContext, type Namespace } from './context.js';
import { Fields, guarded } from './fields.js';
import { combineDates, defaultOptions, readOptionLine, type DateParts } from './options.js';
import { findSection, sectionInfo, type SectionInfo } from './sections.js';
import { splitLines, type InputLine } from './tokenizer.js';
import type { ParseState } from './state.js';
import { readEvaporation, readGage } from './read-climate.js';
import { readInfiltration, readSubareas, readSubcatchment } from './read-subcatch.js';
import { readDivider, readJunction, readOutfall, readStorage } from './read-nodes.js';
import { readConduit, readLosses, readOrifice, readOutlet, readPump, readTransectLine, readWeir, readXsection } from './read-links.js';
import { readCurve, readPattern, readTimeseries } from './read-tables.js';
import { readDwf, readInflow, readMap, readReport, readXY } from './read-misc.js';
import { validateExtraLine, finishExtras } from './read-extra.js';
import { attachSideTables, validateModel } from './validate.js';
import { loadExternalFiles } from './external.js';
import { finalizeOptions } from './finalize.js';
import { makeError } from './errors.js';

export interface ParseOptions {
  /** Name used in error messages (default "model.inp"). */
  fileName?: string;
  /** External files (rain files, time-series files) keyed by the name used in the .inp. */
  files?: InjectedFiles;
  /**
   * 'require' (default): external files must be injected; a missing one is an error
   * (what a simulation needs). 'ignore': don't read them (editing a model without its
   * data files); file-based series then have no entries.
   */
  externalFiles?: 'require' | 'ignore';
}

export interface ParseResult {
  /** The model, or null when there is any error. */
  model: Model | null;
  errors: EngineError[];
  warnings: string[];
}

export function emptyModel(): Model {
  return {
    title: [],
    options: defaultOptions(),
    gages: [],
    evaporation: { kind: 'CONSTANT', values: [0], dryOnly: false },
    subcatchments: [],
    nodes: [],
    links: [],
    transects: [],
    curves: [],
    timeseries: [],
    patterns: [],
    inflows: [],
    dwf: [],
    report: {
      input: false, continuity: true, flowStats: true, controls: false, averages: false,
      subcatchments: 'NONE', nodes: 'NONE', links: 'NONE', lids: [],
    },
    coordinates: { nodes: {}, vertices: {}, polygons: {}, gages: {} },
    extra: {},
    sectionOrder: [],
  };
}

interface Sectioned {
  sec: SectionInfo;
  line: InputLine;
}

/** How a section's lines define names in pass 1. */
interface NameDef {
  ns: Namespace;
  /** Several lines may belong to one object (curves, patterns…): no duplicate error. */
  multi: boolean;
  kind: string;
}

const DEFINES: Record<string, NameDef> = {
  '[RAINGAGES]': { ns: 'gage', multi: false, kind: 'GAGE' },
  '[SUBCATCHMENTS]': { ns: 'subcatch', multi: false, kind: 'SUBCATCH' },
  '[AQUIFERS]': { ns: 'aquifer', multi: false, kind: 'AQUIFER' },
  '[SNOWPACKS]': { ns: 'snowpack', multi: true, kind: 'SNOWPACK' },
  '[JUNCTIONS]': { ns: 'node', multi: false, kind: 'JUNCTION' },
  '[OUTFALLS]': { ns: 'node', multi: false, kind: 'OUTFALL' },
  '[STORAGE]': { ns: 'node', multi: false, kind: 'STORAGE' },
  '[DIVIDERS]': { ns: 'node', multi: false, kind: 'DIVIDER' },
  '[CONDUITS]': { ns: 'link', multi: false, kind: 'CONDUIT' },
  '[PUMPS]': { ns: 'link', multi: false, kind: 'PUMP' },
  '[ORIFICES]': { ns: 'link', multi: false, kind: 'ORIFICE' },
  '[WEIRS]': { ns: 'link', multi: false, kind: 'WEIR' },
  '[OUTLETS]': { ns: 'link', multi: false, kind: 'OUTLET' },
  '[POLLUTANTS]': { ns: 'pollutant', multi: false, kind: 'POLLUTANT' },
  '[LANDUSES]': { ns: 'landuse', multi: false, kind: 'LANDUSE' },
  '[PATTERNS]': { ns: 'pattern', multi: true, kind: 'PATTERN' },
  '[CURVES]': { ns: 'curve', multi: true, kind: 'CURVE' },
  '[TIMESERIES]': { ns: 'timeseries', multi: true, kind: 'TIMESERIES' },
  '[HYDROGRAPHS]': { ns: 'unithyd', multi: true, kind: 'UNITHYD' },
  '[LID_CONTROLS]': { ns: 'lid', multi: true, kind: 'LID' },
  '[STREETS]': { ns: 'street', multi: false, kind: 'STREET' },
  '[INLETS]': { ns: 'inlet', multi: true, kind: 'INLET' },
};

/** Field layouts shown with "too few items" errors. */
const FORMATS: Record<string, string> = {
  '[RAINGAGES]': 'Name Form Interval SCF TIMESERIES Series | FILE File Station Units',
  '[SUBCATCHMENTS]': 'Name RainGage Outlet Area %Imperv Width %Slope CurbLength [SnowPack]',
  '[SUBAREAS]': 'Subcatch N-Imperv N-Perv S-Imperv S-Perv PctZero RouteTo [PctRouted]',
  '[INFILTRATION]': 'Subcatch p1 p2 p3 [p4 p5] [Method]',
  '[JUNCTIONS]': 'Name Elevation [MaxDepth InitDepth SurDepth PondedArea]',
  '[OUTFALLS]': 'Name Elevation Type [StageData] [Gated] [RouteTo]',
  '[DIVIDERS]': 'Name Elevation DivertedLink Type Parameters [MaxDepth InitDepth SurDepth PondedArea]',
  '[STORAGE]': 'Name Elevation MaxDepth InitDepth Shape Curve|Parameters [SurDepth Fevap Seepage]',
  '[CONDUITS]': 'Name FromNode ToNode Length Roughness InOffset OutOffset [InitFlow MaxFlow]',
  '[PUMPS]': 'Name FromNode ToNode Curve [Status Startup Shutoff]',
  '[ORIFICES]': 'Name FromNode ToNode Type Offset Cd [Gated CloseTime]',
  '[WEIRS]': 'Name FromNode ToNode Type CrestHt Cd [Gated EndCon EndCoeff Surcharge RoadWidth RoadSurf CoeffCurve]',
  '[OUTLETS]': 'Name FromNode ToNode Offset Type Parameters [Gated]',
  '[XSECTIONS]': 'Link Shape Geom1 Geom2 Geom3 Geom4 [Barrels Culvert]',
  '[LOSSES]': 'Link Kentry Kexit Kavg [FlapGate Seepage]',
  '[TRANSECTS]': 'NC nLeft nRight nChannel | X1 Name nSta Xleft Xright 0 0 Meander StaFactor ElevOffset | GR Elev Sta ...',
  '[CURVES]': 'Name [Type] X Y ...',
  '[TIMESERIES]': 'Name [Date] Time Value ... | Name FILE Path',
  '[PATTERNS]': 'Name [Type] Factor ...',
  '[INFLOWS]': 'Node FLOW|Pollutant Series [Type Mfactor Sfactor Baseline Pattern]',
  '[DWF]': 'Node FLOW|Pollutant Average [Patterns...]',
  '[REPORT]': 'Keyword Value',
  '[EVAPORATION]': 'Keyword Values',
};

type Reader = (f: Fields, st: ParseState) => void;
const READERS: Record<string, Reader> = {
  '[RAINGAGES]': readGage,
  '[EVAPORATION]': readEvaporation,
  '[SUBCATCHMENTS]': readSubcatchment,
  '[SUBAREAS]': readSubareas,
  '[INFILTRATION]': readInfiltration,
  '[JUNCTIONS]': readJunction,
  '[OUTFALLS]': readOutfall,
  '[DIVIDERS]': readDivider,
  '[STORAGE]': readStorage,
  '[CONDUITS]': readConduit,
  '[PUMPS]': readPump,
  '[ORIFICES]': readOrifice,
  '[WEIRS]': readWeir,
  '[OUTLETS]': readOutlet,
  '[XSECTIONS]': readXsection,
  '[LOSSES]': readLosses,
  '[TRANSECTS]': readTransectLine,
  '[CURVES]': readCurve,
  '[TIMESERIES]': readTimeseries,
  '[PATTERNS]': readPattern,
  '[INFLOWS]': readInflow,
  '[DWF]': readDwf,
  '[REPORT]': readReport,
  '[MAP]': readMap,
  '[COORDINATES]': (f, st) => readXY('[COORDINATES]', f, st),
  '[VERTICES]': (f, st) => readXY('[VERTICES]', f, st),
  '[POLYGONS]': (f, st) => readXY('[POLYGONS]', f, st),
  '[SYMBOLS]': (f, st) => readXY('[SYMBOLS]', f, st),
};

/**
 * Parse .inp text into a Model. Never throws: problems come back as coded errors
 * (SWMM numbers, with file/line/section/token), and `model` is null when there is any.
 * Includes the option adjustments' errors and warnings (see finalizeOptions).
 */
export function parseInp(text: string, opts: ParseOptions = {}): ParseResult {
  const fileName = opts.fileName ?? 'model.inp';
  try {
    return parseInner(typeof text === 'string' ? text : String(text), fileName, opts);
  } catch (e) {
    // a bug in the parser must not escape to callers: report it as SWMM's system error
    const msg = e instanceof Error ? e.message : String(e);
    const err = makeError(401, undefined, { file: fileName });
    err.message = `${err.message}: internal parser error: ${msg}`;
    return { model: null, errors: [err], warnings: [] };
  }
}

function parseInner(text: string, fileName: string, opts: ParseOptions): ParseResult {
  const ctx = new ParseContext(fileName, opts.files ?? {});
  const model = emptyModel();
  const lines = splitLines(text);

  // ---- pass 0: assign lines to sections
  const data: Sectioned[] = [];
  let cur: SectionInfo | undefined;
  let skipping = false;
  for (const line of lines) {
    const t0 = line.tokens[0];
    if (t0 === undefined) continue;
    if (t0.startsWith('[')) {
      cur = findSection(t0);
      if (!cur) {
        ctx.section = '';
        ctx.err(205, t0, line, 'a known [SECTION] name');
        skipping = true;
        continue;
      }
      skipping = false;
      if (!model.sectionOrder.includes(cur.name)) model.sectionOrder.push(cur.name);
      continue;
    }
    if (skipping) continue;
    if (!cur) {
      // data before any section header: SWMM rejects it as an unknown keyword
      ctx.err(205, t0, line, 'a [SECTION] header first');
      continue;
    }
    data.push({ sec: cur, line });
  }

  // ---- pass 1: options, then names
  const dates: DateParts = {};
  for (const d of data) {
    if (d.sec.name !== '[OPTIONS]') continue;
    ctx.section = '[OPTIONS]';
    guarded(() => readOptionLine(new Fields(ctx, d.line, 'Keyword Value'), model.options, dates));
  }
  combineDates(model.options, dates);
  for (const d of data) {
    const name = d.sec.name;
    let def = DEFINES[name];
    let tokIndex = 0;
    if (name === '[TRANSECTS]') {
      if (d.line.tokens[0]!.toUpperCase() !== 'X1' || d.line.tokens.length < 2) continue;
      def = { ns: 'transect', multi: false, kind: 'TRANSECT' };
      tokIndex = 1;
    }
    if (!def) continue;
    const id = d.line.tokens[tokIndex]!;
    if (!ctx.add(def.ns, id, def.kind, d.line.line) && !def.multi) {
      ctx.section = name;
      ctx.err(207, id, d.line, 'a name not used by another object of the same class');
    }
  }

  // ---- pass 2: data
  const st: ParseState = {
    ctx, model,
    subareas: new Map(), infil: new Map(), xsect: new Map(), losses: new Map(),
    curves: new Map(), series: new Map(), patterns: new Map(), dwf: new Map(),
    transect: { nSta: 0, nLeft: 0, nRight: 0, nChannel: 0 },
    lids: new Map(), lidUsage: new Map(), controls: { stage: 'none', names: new Set() },
  };
  for (const d of data) {
    if (ctx.full) break;
    const name = d.sec.name;
    ctx.section = name;
    if (name === '[OPTIONS]') continue; // read in pass 1
    if (name === '[TITLE]') {
      model.title.push(d.line.raw.trim());
      continue;
    }
    const reader = READERS[name];
    if (reader) {
      guarded(() => reader(new Fields(ctx, d.line, FORMATS[name] ?? ''), st));
      continue;
    }
    // extra / GUI sections kept verbatim, validated by their own rules
    const raw: RawSection = (model.extra[name] ??= { name, lines: [] });
    raw.lines.push({ line: d.line.line, text: d.line.text, tokens: d.line.tokens });
    const info = sectionInfo(name);
    if (info?.kind === 'extra') guarded(() => validateExtraLine(name, new Fields(ctx, d.line, ''), st));
  }
  ctx.section = '';

  // ---- attach side tables; then, as SWMM does, validate objects, read external files
  // and adjust options only when the lines themselves were error-free (avoids cascades)
  const lineErrors = ctx.errors.length;
  attachSideTables(st);
  if (lineErrors === 0) {
    validateModel(st);
    finishExtras(st);
    if (opts.externalFiles !== 'ignore') loadExternalFiles(st);
    const fin = finalizeOptions(model, fileName);
    for (const e of fin.errors) if (!ctx.full) ctx.errors.push(e);
    for (const w of fin.warnings) ctx.warn(w);
  }

  const ok = ctx.errors.length === 0;
  return { model: ok ? model : null, errors: ctx.errors, warnings: ctx.warnings };
}
