// haimian size: volume-method and per-facility sizing (digest §5): V = 10·H·φ·F, bioretention area,
// grass swale capacity, municipal storage tanks, cisterns.
import type { Command } from 'commander';
import { captureVolumeM3, overflowControlTankM3, pollutionControlTankM3, sizeBioretention, sizeCistern, swaleCapacity, unitAreaVolume } from '@haimian/design';
import { design, fmt, num, optNum, out, printJson } from './design-util.js';

type Opts = Record<string, string | boolean | undefined>;
const s = (o: Opts, k: string) => o[k] as string | undefined;

export function runSizeVolume(o: Opts): void {
  const H = num(s(o, 'depth'), '--depth', { min: 0 });
  const phi = num(s(o, 'phi'), '--phi', { min: 0, max: 1 });
  const F = num(s(o, 'area'), '--area', { gt: 0 });
  const V = design(() => captureVolumeM3(H, phi, F));
  if (o.json) return printJson({ hMm: H, phi, areaHa: F, volumeM3: V, unitAreaM3PerHa: unitAreaVolume(V, F) });
  out(`V = 10·H·φ·F = 10 × ${H} × ${phi} × ${F} = ${fmt(V, 3)} m³ (${fmt(unitAreaVolume(V, F), 2)} m³/hm²)`);
}

export function runSizeBioretention(o: Opts): void {
  const r = design(() =>
    sizeBioretention({
      inflowM3: num(s(o, 'inflow'), '--inflow', { gt: 0 }),
      pondingDepthM: num(s(o, 'ponding'), '--ponding', { gt: 0 }),
      kMps: num(s(o, 'k'), '--k', { min: 0 }),
      infiltrationTimeS: num(s(o, 'hours'), '--hours', { min: 0 }) * 3600,
      contributingAreaM2: optNum(s(o, 'contributing'), '--contributing', { gt: 0 }),
    }),
  );
  if (o.json) return printJson(r);
  const lines = [`A = V/(h + K·J·t_s) = ${fmt(r.areaM2, 3)} m² (storage ${fmt(r.storageM3, 2)} m³ + infiltration ${fmt(r.infiltratedM3, 2)} m³)`];
  if (r.areaRatio !== null) lines.push(`area share ${fmt(100 * r.areaRatio, 2)} % of the contributing area`);
  lines.push(...r.checks.map((c) => `warning: ${c}`));
  out(lines.join('\n'));
}

export function runSizeSwale(o: Opts): void {
  const r = design(() =>
    swaleCapacity({
      bottomWidthM: num(s(o, 'bottom'), '--bottom', { min: 0 }),
      sideSlopeZ: num(s(o, 'side'), '--side', { min: 0 }),
      flowDepthM: num(s(o, 'depth'), '--depth', { gt: 0 }),
      slope: num(s(o, 'slope'), '--slope', { gt: 0 }),
      n: num(s(o, 'n'), '--n', { gt: 0 }),
    }),
  );
  if (o.json) return printJson(r);
  out([`A = ${fmt(r.areaM2, 4)} m², P = ${fmt(r.wettedPerimeterM, 4)} m, R = ${fmt(r.hydraulicRadiusM, 5)} m, v = ${fmt(r.velocityMps, 4)} m/s, Q = ${fmt(r.flowCms, 5)} m³/s (${fmt(1000 * r.flowCms, 2)} L/s)`, ...r.checks.map((c) => `warning: ${c}`)].join('\n'));
}

export function runSizeTank(o: Opts): void {
  const beta = num(s(o, 'beta'), '--beta', { min: 1 });
  if (s(o, 'dryFlow') !== undefined) {
    const V = design(() => overflowControlTankM3(num(s(o, 'fillHours'), '--fill-hours', { gt: 0 }), num(s(o, 'ratio'), '--ratio', { gt: 0 }), num(s(o, 'ratio0'), '--ratio0', { min: 0 }), num(s(o, 'dryFlow'), '--dry-flow', { gt: 0 }), beta));
    if (o.json) return printJson({ kind: 'combined-overflow', volumeM3: V });
    return out(`combined-system overflow tank V = 3600·t_i·(n − n0)·Q_dr·β = ${fmt(V, 3)} m³ [R GB 50014 / GB 51174]`);
  }
  const V = design(() => pollutionControlTankM3(num(s(o, 'depth'), '--depth', { gt: 0 }), num(s(o, 'area'), '--area', { gt: 0 }), num(s(o, 'psi'), '--psi', { gt: 0, max: 1 }), beta));
  if (o.json) return printJson({ kind: 'separate-pollution', volumeM3: V });
  out(`runoff-pollution tank V = 10·D·F·ψ·β = ${fmt(V, 3)} m³ [R GB 50014 / GB 51174]`);
}

export function runSizeCistern(o: Opts): void {
  const r = design(() => sizeCistern({ roofAreaHa: num(s(o, 'area'), '--area', { gt: 0 }), phi: num(s(o, 'phi'), '--phi', { min: 0, max: 1 }), hMm: num(s(o, 'depth'), '--depth', { min: 0 }), firstFlushMm: optNum(s(o, 'firstFlush'), '--first-flush', { min: 0 }) }));
  if (o.json) return printJson(r);
  out([`capture ${fmt(r.captureM3, 3)} m³, first flush ${fmt(r.firstFlushM3, 3)} m³ → tank ${fmt(r.tankM3, 3)} m³`, ...r.checks.map((c) => `warning: ${c}`)].join('\n'));
}

export function register(program: Command): void {
  const size = program.command('size').description('volume-method and facility sizing (V = 10·H·φ·F, bioretention, swale, tanks, cistern)');
  size
    .command('volume')
    .description('design storage V = 10·H·φ·F (m³)')
    .option('--depth <mm>', 'design rainfall H (mm)')
    .option('--phi <phi>', 'composite volumetric runoff coefficient φ')
    .option('--area <hm2>', 'area F (hm²)')
    .option('--json', 'print JSON')
    .action((o: Opts) => runSizeVolume(o));
  size
    .command('bioretention')
    .description('bioretention area A = V_in/(h + K·J·t_s)')
    .option('--inflow <m3>', 'design inflow volume V_in (m³)')
    .option('--ponding <m>', 'ponding depth h (m), 0.2–0.3')
    .option('--k <m/s>', 'infiltration coefficient K (m/s)')
    .option('--hours <h>', 'infiltration time during the rain t_s (h)', '2')
    .option('--contributing <m2>', 'contributing area (m²) for the 5–10 % rule')
    .option('--json', 'print JSON')
    .action((o: Opts) => runSizeBioretention(o));
  size
    .command('swale')
    .description('grass swale capacity by Manning (trapezoid; --bottom 0 for a triangle)')
    .option('--bottom <m>', 'bottom width (m)')
    .option('--side <z>', 'side slope, horizontal per vertical (≥ 3)')
    .option('--depth <m>', 'flow depth (m)')
    .option('--slope <S>', 'longitudinal slope (m/m)')
    .option('--n <n>', 'Manning n (0.2–0.3)')
    .option('--json', 'print JSON')
    .action((o: Opts) => runSizeSwale(o));
  size
    .command('tank')
    .description('municipal storage tank: pollution control (--depth --area --psi) or combined overflow (--fill-hours --ratio --ratio0 --dry-flow)')
    .option('--depth <mm>', 'storage depth D (4–8 mm)')
    .option('--area <hm2>', 'catchment F (hm²)')
    .option('--psi <psi>', 'composite ψ')
    .option('--fill-hours <h>', 'tank filling time t_i (0.5–1 h)')
    .option('--ratio <n>', 'interception ratio after the tank n')
    .option('--ratio0 <n0>', 'original interception ratio n0')
    .option('--dry-flow <m3/s>', 'dry-weather flow upstream Q_dr (m³/s)')
    .option('--beta <beta>', 'safety factor β (1.1–1.5)', '1.2')
    .option('--json', 'print JSON')
    .action((o: Opts) => runSizeTank(o));
  size
    .command('cistern')
    .description('rain barrel / cistern by the volume method on its roof, first flush reported')
    .option('--area <hm2>', 'roof area (hm²)')
    .option('--phi <phi>', 'roof φ')
    .option('--depth <mm>', 'design rainfall H (mm)')
    .option('--first-flush <mm>', 'first-flush depth diverted before the tank (roof 2–3 mm)')
    .option('--json', 'print JSON')
    .action((o: Opts) => runSizeCistern(o));
}
