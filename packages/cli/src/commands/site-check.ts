// haimian site-check: volume-method check of a project (V = 10·H·φ·F) against its provided storage.
import type { Command } from 'commander';
import { controlRateCurve, findCityDesignRainfall, parseRainCsv, provenanceLabel, siteCheck, surfaceCoefficient } from '@haimian/design';
import type { AlphaHPoint, ControlRateCurve, Facility, SiteSurface } from '@haimian/design';
import path from 'node:path';
import { design, fail, fmt, out, pct, printJson, rate, readText } from './design-util.js';

/** The JSON project file. Surfaces give φ directly or a surface id from the Guideline table (mid-point φ). */
interface SiteFile {
  name?: string;
  surfaces: { name?: string; surface?: string; areaHa?: number; areaM2?: number; phi?: number }[];
  facilities?: Facility[];
  targetAlpha?: number;
  designRainfallMm?: number;
  city?: string;
  table?: AlphaHPoint[];
  rainCsv?: string;
}

interface SiteOptions {
  target?: string;
  rain?: string;
  city?: string;
  json?: boolean;
}

function surfaces(file: SiteFile, where: string): SiteSurface[] {
  if (!Array.isArray(file.surfaces) || file.surfaces.length === 0) fail(`${where}: "surfaces" must be a non-empty array`);
  return file.surfaces.map((s, i) => {
    const label = s.name ?? s.surface ?? `surface ${i + 1}`;
    const areaHa = s.areaHa ?? (s.areaM2 !== undefined ? s.areaM2 / 10000 : undefined);
    if (typeof areaHa !== 'number' || !(areaHa > 0)) fail(`${where}: ${label} needs areaHa (hm²) or areaM2 > 0`);
    let phi = s.phi;
    if (phi === undefined) {
      if (!s.surface) fail(`${where}: ${label} needs "phi" or a "surface" id`);
      const row = design(() => surfaceCoefficient(s.surface!));
      if (row.phiDefault === null) fail(`${where}: surface ${s.surface} has no volumetric φ in the table; give "phi"`);
      phi = row.phiDefault;
    }
    return { name: label, areaHa, phi };
  });
}

export function runSiteCheck(file: string, o: SiteOptions): void {
  let site: SiteFile;
  try {
    site = JSON.parse(readText(file, 'project file')) as SiteFile;
  } catch (e) {
    if ((e as Error).name === 'UsageError') throw e;
    fail(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof site !== 'object' || site === null) fail(`${file} must hold a JSON object`);
  const target = o.target !== undefined ? rate(o.target, '--target') : site.targetAlpha;
  let curve: ControlRateCurve | undefined;
  const rainPath = o.rain ?? (site.rainCsv ? path.resolve(path.dirname(file), site.rainCsv) : undefined);
  if (rainPath) curve = design(() => controlRateCurve(parseRainCsv(readText(rainPath, 'rainfall CSV')).rainMm));
  let table = site.table;
  let tableLabel: string | undefined;
  const city = o.city ?? site.city;
  if (!curve && !table && city) {
    const found = design(() => findCityDesignRainfall(city));
    table = found.row.points as AlphaHPoint[];
    tableLabel = `${found.row.city} ${provenanceLabel(found.table.provenance)}`;
  }
  const r = design(() =>
    siteCheck({ surfaces: surfaces(site, file), facilities: site.facilities ?? [], targetAlpha: target, designRainfallMm: site.designRainfallMm, curve, table }),
  );
  if (o.json) return printJson({ project: site.name ?? file, targetAlpha: target ?? null, alphaSource: curve ? 'daily rainfall curve' : table ? (tableLabel ?? 'project table') : null, ...r });
  const lines = [
    `project ${site.name ?? file}: F = ${fmt(r.areaHa, 4)} hm², composite φ = ${fmt(r.phi, 5)}`,
    `design rainfall H = ${fmt(r.designRainfallMm, 2)} mm${target !== undefined ? ` for α = ${pct(target)}` : ''}${tableLabel ? ` (table ${tableLabel})` : curve ? ' (daily rainfall curve)' : ''}`,
    `required V = 10·H·φ·F = ${fmt(r.requiredM3, 2)} m³ (${fmt(r.unitAreaM3PerHa, 2)} m³/hm²)`,
    'provided:',
    ...r.facilities.map((f) => `  ${f.id.padEnd(22)} ${fmt(f.storageM3, 2).padStart(9)} m³${f.infiltrationCreditM3 ? ` + infiltration ${fmt(f.infiltrationCreditM3, 2)} m³` : ''}${f.notes.length ? `  (${f.notes.join('; ')})` : ''}`),
    `  total ${fmt(r.providedM3, 2)} m³ → ${r.pass ? 'PASS' : `FAIL, shortfall ${fmt(r.shortfallM3, 2)} m³`}`,
    `equivalent H = ${fmt(r.equivalentDepthMm, 4)} mm${r.achievedAlpha !== null ? ` → achieved α ≈ ${pct(r.achievedAlpha)}${r.alphaApproximate ? ' (table interpolation)' : ''}` : ''}`,
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
  out(lines.join('\n'));
}

export function register(program: Command): void {
  program
    .command('site-check')
    .description('volume-method check of a project: required V = 10·H·φ·F vs provided storage, achieved H and α')
    .argument('<project.json>', '{ surfaces: [{name, areaHa, phi | surface}], facilities: [{type, …}], targetAlpha, city | table | rainCsv | designRainfallMm }')
    .option('--target <alpha>', 'target control rate (overrides the file)')
    .option('--rain <rain.csv>', 'daily rainfall CSV for the exact α–H curve')
    .option('--city <name>', 'use the Guideline city table (approximate, labelled)')
    .option('--json', 'print JSON')
    .action((file: string, o: SiteOptions) => runSiteCheck(file, o));
}
