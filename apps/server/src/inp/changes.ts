// Scenario changes applied to a base model's .inp text, in order. Each change produces new text, so later
// changes see earlier ones (two LIDs on one subcatchment, an edit after a design storm, …).
import { z } from 'zod';
import { chicagoHyetograph, findStormFormula, insertStormIntoInp, selectPiece, userFormula, type StormFormula } from '@haimian/design';
import { columnsOf, findRow, resolveObject } from './objects.js';
import { defaultDesign, LAYER_FIELDS, LID_TYPES, lidControlLines, REPLACES_IMPERVIOUS, TREATS_RUNON, USES_WIDTH, type Layer, type LidType } from './lid-defaults.js';
import { isSI, options, parseInp, rows, sameName, type InpText } from './sections.js';
import { renderEdited } from './text-editor.js';

const objectName = z.string().min(1).max(100).regex(/^[^\s;"[\]]+$/, 'a SWMM name: one word without spaces, ";", quotes or brackets');

export const StormParamsSchema = z.object({
  A: z.number().positive().describe('published A of q = A(1 + C lg P)/(t + b)^n, L/(s·ha)'),
  C: z.number().min(0),
  b: z.number().min(0),
  n: z.number().positive(),
});

export const AddLidChange = z.object({
  kind: z.literal('addLid'),
  subcatchment: z.string().min(1),
  lidName: objectName,
  lidType: z.enum(LID_TYPES),
  areaM2: z.number().positive().optional().describe('area of ONE unit, m²'),
  areaPct: z.number().positive().max(100).optional().describe('total area of all units as % of the subcatchment'),
  number: z.number().int().min(1).max(100000).optional().describe('replicate units (default 1)'),
  params: z
    .record(z.string(), z.union([z.number(), z.record(z.string(), z.number())]))
    .optional()
    .describe('overrides in the model units: "soil.thickness": 500, or { soil: { thickness: 500 } }; usage: width, initSat, fromImp, toPerv, fromPerv, adjustImperv (0/1)'),
});
export const SetParamChange = z.object({
  kind: z.literal('setParam'),
  objectKind: z.string().min(1).describe('subcatchment, node, link, gage, junction, outfall, conduit, … or option'),
  name: z.string().min(1),
  field: z.string().min(1),
  value: z.union([z.string().min(1).max(200), z.number()]),
});
export const DesignStormChange = z.object({
  kind: z.literal('designStorm'),
  rainGage: z.string().min(1).optional().describe('gage to replace; default: a new gage DESIGN_STORM used by every subcatchment'),
  periodYears: z.number().positive().max(1000),
  durationMin: z.number().positive().max(7 * 1440),
  stepMin: z.number().positive(),
  peak: z.number().min(0).max(1).describe('peak position ratio r'),
  formula: z.union([z.string(), StormParamsSchema]).optional().describe('formula id (default "beijing") or parameters'),
});
export const Change = z.discriminatedUnion('kind', [AddLidChange, SetParamChange, DesignStormChange]);
export type Change = z.infer<typeof Change>;
export const ChangeList = z.array(Change).max(500);

export class ChangeError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(`change ${index + 1}: ${message}`);
    this.name = 'ChangeError';
  }
}

const M2_PER_HA = 1e4;
const FT2_PER_AC = 43560;
const FT2_PER_M2 = 10.7639104;

function fmt(v: number): string {
  return String(Number(v.toPrecision(7)));
}

// ---------------------------------------------------------------- addLid
function lidParams(type: LidType, params: Record<string, number | Record<string, number>> | undefined, us: boolean, fail: (m: string) => never) {
  const design = defaultDesign(type, us);
  const usage: Record<string, number> = {};
  const layers = Object.keys(design) as Layer[];
  const setLayerField = (layer: Layer, field: string, v: number) => {
    if (!design[layer]) fail(`LID type ${type} has no ${layer} layer (it has ${layers.join(', ')})`);
    const known = LAYER_FIELDS[layer] as readonly string[];
    if (!known.includes(field)) fail(`unknown ${layer} field "${field}" (known: ${known.join(', ')})`);
    design[layer]![field] = v;
  };
  const USAGE = ['width', 'initSat', 'fromImp', 'toPerv', 'fromPerv', 'adjustImperv'];
  for (const [key, value] of Object.entries(params ?? {})) {
    if (typeof value === 'object') {
      const layer = key.toUpperCase() as Layer;
      if (!(layer in LAYER_FIELDS)) fail(`unknown LID layer "${key}"`);
      for (const [f, v] of Object.entries(value)) setLayerField(layer, f, v);
      continue;
    }
    if (USAGE.includes(key)) {
      usage[key] = value;
      continue;
    }
    const dot = key.indexOf('.');
    if (dot > 0) {
      const layer = key.slice(0, dot).toUpperCase() as Layer;
      if (!(layer in LAYER_FIELDS)) fail(`unknown LID layer "${key.slice(0, dot)}"`);
      setLayerField(layer, key.slice(dot + 1), value);
      continue;
    }
    const owners = layers.filter((l) => (LAYER_FIELDS[l] as readonly string[]).includes(key));
    if (owners.length !== 1) {
      fail(owners.length ? `"${key}" is ambiguous: write ${owners.map((l) => `${l.toLowerCase()}.${key}`).join(' or ')}` : `unknown LID parameter "${key}"`);
    }
    setLayerField(owners[0]!, key, value);
  }
  return { design, usage };
}

function applyAddLid(text: string, c: z.infer<typeof AddLidChange>, fail: (m: string) => never): string {
  const inp = parseInp(text);
  const us = !isSI(inp);
  const sub = findRow(inp, '[SUBCATCHMENTS]', c.subcatchment);
  if (!sub) fail(`unknown subcatchment "${c.subcatchment}"`);
  if ((c.areaM2 === undefined) === (c.areaPct === undefined)) fail('give exactly one of areaM2 (area of one unit) or areaPct');
  const subName = sub.tokens[0]!;
  const areaUnits = Number(sub.tokens[3]);
  const pctImperv = Number(sub.tokens[4]);
  if (!(areaUnits > 0) || !Number.isFinite(pctImperv)) fail(`subcatchment ${subName} has no valid area / %imperv`);
  const totalL2 = areaUnits * (us ? FT2_PER_AC : M2_PER_HA); // ft² or m²
  const number = c.number ?? 1;
  const unitL2 = c.areaM2 !== undefined ? c.areaM2 * (us ? FT2_PER_M2 : 1) : (totalL2 * c.areaPct!) / 100 / number;

  // Units already placed on this subcatchment (base model or earlier changes).
  const existing = rows(inp, '[LID_USAGE]').filter((l) => sameName(l.tokens[0]!, subName));
  const existingL2 = existing.reduce((a, l) => a + Number(l.tokens[2]) * Number(l.tokens[3]), 0);
  const existingFromImp = existing.reduce((a, l) => a + (Number(l.tokens[6]) || 0), 0);
  const existingFromPerv = existing.reduce((a, l) => a + (Number(l.tokens[10]) || 0), 0);
  const newL2 = unitL2 * number;
  if (existingL2 + newL2 > totalL2 * 1.001) {
    const unit = us ? 'ft²' : 'm²';
    fail(`LID units on ${subName} would cover ${fmt(existingL2 + newL2)} ${unit}, more than its area ${fmt(totalL2)} ${unit}`);
  }

  const control = rows(inp, '[LID_CONTROLS]').find((l) => sameName(l.tokens[0]!, c.lidName) && l.tokens.length === 2);
  const { design, usage } = lidParams(c.lidType, c.params as Record<string, number | Record<string, number>> | undefined, us, fail);
  if (control) {
    if (control.tokens[1]!.toUpperCase() !== c.lidType) fail(`LID control ${c.lidName} already exists with type ${control.tokens[1]}`);
    if (Object.keys(c.params ?? {}).some((k) => !['width', 'initSat', 'fromImp', 'toPerv', 'fromPerv', 'adjustImperv'].includes(k))) {
      fail(`LID control ${c.lidName} already exists: its design can't be changed by adding units (use a new lidName)`);
    }
  }

  const fromImp = usage.fromImp ?? (TREATS_RUNON.has(c.lidType) ? Math.max(0, 100 - existingFromImp) : 0);
  const fromPerv = usage.fromPerv ?? 0;
  if (existingFromImp + fromImp > 100.1) fail(`treated impervious runoff on ${subName} would exceed 100 % (already ${fmt(existingFromImp)} %)`);
  if (existingFromPerv + fromPerv > 100.1) fail(`treated pervious runoff on ${subName} would exceed 100 % (already ${fmt(existingFromPerv)} %)`);
  const width = usage.width ?? (USES_WIDTH.has(c.lidType) ? Math.sqrt(unitL2) : 0);
  const initSat = usage.initSat ?? 0;
  const toPerv = usage.toPerv ?? 0;
  const usageTokens = [subName, c.lidName, String(number), fmt(unitL2), fmt(width), fmt(initSat), fmt(fromImp), String(toPerv)];
  if (fromPerv > 0) usageTokens.push('*', '*', fmt(fromPerv));

  // SWMM applies %Imperv to the non-LID area. Keep the impervious area the same when the unit sits on pervious
  // ground (bioretention, trench, …), or reduce it when it replaces impervious surface (green roof, pavement).
  let newPct: number | undefined;
  if ((usage.adjustImperv ?? 1) !== 0) {
    const before = totalL2 - existingL2;
    const after = before - newL2;
    const impervBefore = (pctImperv / 100) * before;
    const impervAfter = REPLACES_IMPERVIOUS.has(c.lidType) ? Math.max(0, impervBefore - newL2) : Math.min(impervBefore, after);
    newPct = after > 1e-9 ? Math.min(100, (100 * impervAfter) / after) : pctImperv;
  }

  return renderEdited(text, (ed) => {
    if (!control) ed.append('[LID_CONTROLS]', lidControlLines(c.lidName, c.lidType, design), ';;Name           Type/Layer Parameters');
    ed.append('[LID_USAGE]', [usageTokens.map((t, k) => (k < 2 ? t.padEnd(16) : t.padEnd(10))).join(' ').trimEnd()], ';;Subcatchment   LID Process      Number  Area       Width      InitSat    FromImp    ToPerv');
    if (newPct !== undefined && Math.abs(newPct - pctImperv) > 1e-9) {
      const t = ed.tokensAt(sub.index);
      t[4] = fmt(newPct);
      ed.replaceLine(sub.index, t);
    }
  });
}

// ---------------------------------------------------------------- setParam
function applySetParam(text: string, c: z.infer<typeof SetParamChange>, fail: (m: string) => never): string {
  const inp = parseInp(text);
  const value = typeof c.value === 'number' ? fmt(c.value) : c.value.trim();
  if (value === '' || /[\s;"]/.test(value)) fail(`value "${c.value}" must be one token (no spaces, ';' or quotes)`);
  if (c.objectKind.toLowerCase() === 'option') {
    const key = c.name.toUpperCase();
    if (!/^[A-Z_]+$/.test(key)) fail(`invalid option name "${c.name}"`);
    const row = rows(inp, '[OPTIONS]').find((l) => l.tokens[0]!.toUpperCase() === key);
    return renderEdited(text, (ed) => {
      if (row) ed.replaceLine(row.index, [row.tokens[0]!, value]);
      else ed.append('[OPTIONS]', [`${key.padEnd(20)} ${value}`]);
    });
  }
  const ref = resolveObject(inp, c.objectKind, c.name);
  if (!ref) fail(`unknown ${c.objectKind} "${c.name}"`);
  const known: string[] = [];
  for (const sec of ref.sections) {
    const row = findRow(inp, sec, ref.name);
    if (!row) continue;
    const cols = columnsOf(inp, sec, row.tokens);
    known.push(...cols);
    const k = cols.indexOf(c.field);
    if (k < 0) continue;
    const at = k + 1;
    if (at > row.tokens.length) fail(`field ${c.field} of ${ref.kind} ${ref.name} can only be set after the optional fields before it`);
    return renderEdited(text, (ed) => {
      const t = ed.tokensAt(row.index);
      t[at] = value;
      ed.replaceLine(row.index, t);
    });
  }
  fail(`unknown field "${c.field}" of ${ref.kind} ${ref.name} (fields: ${[...new Set(known)].join(', ')})`);
}

// ---------------------------------------------------------------- designStorm
function stormFormula(f: z.infer<typeof DesignStormChange>['formula']): StormFormula {
  if (f === undefined) return findStormFormula('beijing');
  if (typeof f === 'string') return findStormFormula(f);
  return userFormula(f.A, f.C, f.b, f.n);
}

export function designStormHyetograph(c: Pick<z.infer<typeof DesignStormChange>, 'formula' | 'periodYears' | 'durationMin' | 'stepMin' | 'peak'>) {
  const formula = stormFormula(c.formula);
  const params = selectPiece(formula, c.periodYears, c.durationMin);
  const storm = chicagoHyetograph({ params, periodYears: c.periodYears, durationMin: c.durationMin, stepMin: c.stepMin, peakRatio: c.peak });
  return { formula, storm };
}

/** SWMM date (M/D/Y) + time → epoch ms (UTC used as a neutral calendar). */
function parseSwmmDateTime(date: string | undefined, time: string | undefined): number | undefined {
  if (!date) return undefined;
  const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(date);
  if (!m) return undefined;
  let secs = 0;
  if (time) {
    const parts = time.split(':').map(Number);
    secs = time.includes(':') ? (parts[0] ?? 0) * 3600 + (parts[1] ?? 0) * 60 + (parts[2] ?? 0) : Number(time) * 3600;
    if (!Number.isFinite(secs)) secs = 0;
  }
  return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])) + secs * 1000;
}

function swmmDate(ms: number): [string, string] {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return [`${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()}`, `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`];
}

function applyDesignStorm(text: string, c: z.infer<typeof DesignStormChange>, fail: (m: string) => never): string {
  let built;
  try {
    built = designStormHyetograph(c);
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const inp = parseInp(text);
  let gageName = 'DESIGN_STORM';
  if (c.rainGage) {
    const g = findRow(inp, '[RAINGAGES]', c.rainGage);
    if (!g) fail(`unknown rain gage "${c.rainGage}"`);
    gageName = g.tokens[0]!;
  }
  const seriesName = `DS_${gageName}`.slice(0, 60);
  const { storm, formula } = built;
  let out = insertStormIntoInp(
    text,
    {
      gageName,
      seriesName,
      stepMin: c.stepMin,
      depthsMm: storm.depthsMm,
      comment: `Chicago design storm: ${formula.id}, P = ${c.periodYears} a, ${c.durationMin} min, step ${c.stepMin} min, r = ${c.peak}, ${storm.totalDepthMm.toFixed(1)} mm`,
    },
    { assignToSubcatchments: !c.rainGage },
  ).inpText;

  // Make sure the simulation covers the storm plus two hours of drain-down.
  const opts = options(parseInp(out));
  const start = parseSwmmDateTime(opts.get('START_DATE'), opts.get('START_TIME'));
  const end = parseSwmmDateTime(opts.get('END_DATE') ?? opts.get('START_DATE'), opts.get('END_TIME'));
  if (start !== undefined) {
    const needed = start + (c.durationMin + 120) * 60_000;
    if (end === undefined || end < needed) {
      const [d, t] = swmmDate(needed);
      out = applySetParam(out, { kind: 'setParam', objectKind: 'option', name: 'END_DATE', field: 'value', value: d }, fail);
      out = applySetParam(out, { kind: 'setParam', objectKind: 'option', name: 'END_TIME', field: 'value', value: t }, fail);
    }
  }
  return out;
}

// ---------------------------------------------------------------- all
export function applyChanges(baseText: string, changes: readonly Change[]): string {
  let text = baseText;
  changes.forEach((c, index) => {
    const fail = (m: string): never => {
      throw new ChangeError(index, m);
    };
    if (c.kind === 'addLid') text = applyAddLid(text, c, fail);
    else if (c.kind === 'setParam') text = applySetParam(text, c, fail);
    else text = applyDesignStorm(text, c, fail);
  });
  return text;
}

/** The text the engine runs: every object reported, so results and series exist for all of them. */
export function withFullReport(text: string): string {
  const inp: InpText = parseInp(text);
  const report = rows(inp, '[REPORT]');
  const targets = ['SUBCATCHMENTS', 'NODES', 'LINKS'];
  return renderEdited(text, (ed) => {
    for (const l of report) {
      if (targets.includes(l.tokens[0]!.toUpperCase())) ed.commentOut(l.index);
    }
    ed.append('[REPORT]', targets.map((t) => `${t} ALL`));
  });
}
