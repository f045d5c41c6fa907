// haimian control-rate: annual runoff volume control rate ↔ design rainfall from a daily rainfall CSV.
import type { Command } from 'commander';
import { CONTROL_RATE_ZONES, alphaOfH, controlRateCurve, controlRateSeries, controlRateTable, controlRateZone, hOfAlpha, parseRainCsv, provenanceLabel } from '@haimian/design';
import { design, fmt, num, optNum, out, pct, printJson, rate, readText } from './design-util.js';

interface ControlRateOptions {
  target: string;
  json?: boolean;
  dateColumn: string;
  rainColumn: string;
  snowColumn?: string;
  threshold: string;
  missingAbove: string;
  keepSmall?: boolean;
  depth?: string;
  points?: string;
  zone?: string;
}

export function runControlRate(file: string, o: ControlRateOptions): void {
  const target = rate(o.target, '--target');
  const threshold = num(o.threshold, '--threshold', { min: 0 });
  const sentinel = num(o.missingAbove, '--missing-above', { gt: 0 });
  const depth = optNum(o.depth, '--depth', { min: 0 });
  const points = optNum(o.points, '--points', { min: 2, integer: true });
  const zone = o.zone ? design(() => controlRateZone(o.zone!)) : undefined;
  const text = readText(file, 'rainfall CSV');
  const daily = design(() => parseRainCsv(text, { dateColumn: o.dateColumn, rainColumn: o.rainColumn, snowColumn: o.snowColumn, missingAtOrAbove: sentinel }));
  const curve = design(() => controlRateCurve(daily.rainMm, { thresholdMm: threshold, keepSmallDaysAsControlled: o.keepSmall }));
  const H = hOfAlpha(curve, target);
  const warnings = [...daily.warnings];
  if (o.keepSmall) warnings.push(`days ≤ ${threshold} mm counted as fully controlled: NOT the Guideline method (comparison only)`);
  if (target >= 1) warnings.push('target α = 1: H reported as the record maximum (≥ max daily value)');
  const alphas = [...new Set([0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, target])].sort((a, b) => a - b);
  const table = controlRateTable(curve, alphas);
  const series = controlRateSeries(curve, points ?? Infinity);
  const zoneInfo = zone ? { zone: zone.zone, alphaMin: zone.alphaMin, alphaMax: zone.alphaMax, targetWithinZone: target >= zone.alphaMin && target <= zone.alphaMax, provenance: CONTROL_RATE_ZONES.provenance } : undefined;
  if (zone && !zoneInfo!.targetWithinZone) warnings.push(`target ${pct(target)} is outside zone ${zone.zone} (${pct(zone.alphaMin, 0)}–${pct(zone.alphaMax, 0)})`);
  if (o.json) {
    printJson({
      file,
      target,
      designRainfallMm: H,
      retainedDays: curve.retainedDays,
      discardedDays: curve.discardedDays,
      thresholdMm: threshold,
      totalRetainedMm: curve.totalMm,
      maxDailyMm: curve.maxMm,
      days: daily.dates.length,
      years: daily.years,
      firstDate: daily.dates[0],
      lastDate: daily.dates[daily.dates.length - 1],
      ...(depth !== undefined ? { alphaAtDepth: { hMm: depth, alpha: alphaOfH(curve, depth) } } : {}),
      table,
      curve: series,
      ...(zoneInfo ? { zone: zoneInfo } : {}),
      method: 'Guideline 2014 §1.2: days ≤ 2 mm discarded, α(H) = Σmin(p,H)/Σp over the whole record, exact inverse',
      warnings,
    });
    return;
  }
  const lines = [
    `rainfall ${file}: ${daily.dates.length} days, ${daily.dates[0]} … ${daily.dates[daily.dates.length - 1]} (${fmt(daily.years, 1)} years)`,
    `retained days > ${threshold} mm: ${curve.retainedDays} (discarded ${curve.discardedDays} small rain days), total ${fmt(curve.totalMm, 1)} mm, max ${fmt(curve.maxMm, 1)} mm`,
    '',
    `design rainfall for α = ${pct(target)}: H = ${fmt(H, 2)} mm`,
  ];
  if (depth !== undefined) lines.push(`α at H = ${depth} mm: ${pct(alphaOfH(curve, depth))}`);
  lines.push('', '  α (%)   H (mm)');
  for (const r of table) lines.push(`  ${fmt(100 * r.alpha, 2).padStart(5)}   ${fmt(r.hMm, 2).padStart(6)}`);
  if (zoneInfo) lines.push('', `zone ${zoneInfo.zone}: ${pct(zoneInfo.alphaMin, 0)} ≤ α ≤ ${pct(zoneInfo.alphaMax, 0)} ${provenanceLabel(zoneInfo.provenance)}`);
  if (warnings.length) lines.push('', ...warnings.map((w) => `warning: ${w}`));
  out(lines.join('\n'));
}

export function register(program: Command): void {
  program
    .command('control-rate')
    .description('annual runoff volume control rate ↔ design rainfall from a daily rainfall CSV (date,rain_mm)')
    .argument('<rain.csv>', 'CSV with a header; default columns date,rain_mm, one row per day (dry days 0)')
    .requiredOption('--target <alpha>', 'target control rate, e.g. 0.85 or 85%')
    .option('--json', 'print JSON (designRainfallMm, retainedDays, table, curve, …)')
    .option('--date-column <name>', 'name of the date column (a time after the date means sub-daily rows, summed per day)', 'date')
    .option('--rain-column <name>', 'name of the rain depth column (mm)', 'rain_mm')
    .option('--snow-column <name>', 'column flagging snowfall (1/true/yes/snow rows are excluded)')
    .option('--threshold <mm>', 'small-rain threshold; days ≤ it are discarded', '2')
    .option('--missing-above <value>', 'values ≥ this are missing-data sentinels', '999')
    .option('--keep-small', 'non-Guideline variant: count small days as controlled (comparison only)')
    .option('--depth <mm>', 'also report α for this design rainfall')
    .option('--points <n>', 'thin the plot series to n points (default: every corner of the exact curve)')
    .option('--zone <I..V>', 'check the target against a control-rate zone')
    .action((file: string, o: ControlRateOptions) => runControlRate(file, o));
}
