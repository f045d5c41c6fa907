// Annual runoff volume control rate from a continuous simulation (digest §7.2 item 1: α = 1 − V_out / V_rain).
// Works on a SWMM 5.2-layout status report — from EPA SWMM or from Haimian's engine — so the design layer needs
// no engine import: the caller runs the model and passes the report text (and the inp text for scenarios).
//   total α       = 1 − (Surface Runoff + LID Drainage) / Total Precipitation   (Runoff Quantity Continuity)
//   subcatchment α = 1 − Total Runoff / (Total Precip + Total Runon)  (Subcatchment Runoff Summary, depths)
// LID underdrain flow leaves the site through the pipes, so by default it is *not* controlled (GB/T 51345 does
// not settle this [X], digest §11 item 5); `underdrainControlled` flips that for the total.
//   outfall α      = 1 − (External Outflow + Flooding Loss) / Total Precipitation (Flow Routing Continuity),
//                    only when no dry-weather, RDII or external inflow enters the network.

export interface ContinuityTable {
  /** Row label → numbers on that row (volume, depth/second volume, or a single percentage). */
  rows: Record<string, number[]>;
  units: string[];
}

export interface SubcatchmentRunoff {
  name: string;
  precip: number;
  runon: number;
  runoffDepth: number;
  /** Total runoff volume in the report's unit (10^6 gal or 10^6 ltr). */
  runoffVolume: number;
  runoffCoeff: number;
}

export interface ReportRunoff {
  runoffContinuity: ContinuityTable | null;
  routingContinuity: ContinuityTable | null;
  subcatchments: SubcatchmentRunoff[];
}

function findBanner(lines: string[], title: string): number {
  return lines.findIndex((l) => l.trim().startsWith(title));
}

function parseContinuity(lines: string[], title: string): ContinuityTable | null {
  const at = findBanner(lines, title);
  if (at < 0) return null;
  // The title line also carries the units: "Runoff Quantity Continuity     acre-feet        inches".
  const units = lines[at]!.trim().slice(title.length).trim().split(/\s+/).filter(Boolean);
  const rows: Record<string, number[]> = {};
  for (let i = at + 2; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') break;
    const m = /^\s*(.+?)\s*\.{2,}\s*(.*)$/.exec(line);
    if (!m) continue;
    rows[m[1]!.trim()] = m[2]!.trim().split(/\s+/).filter(Boolean).map(Number);
  }
  return { rows, units };
}

function parseSubcatchments(lines: string[]): SubcatchmentRunoff[] {
  const at = findBanner(lines, 'Subcatchment Runoff Summary');
  if (at < 0) return [];
  // Skip to the second dashed rule (end of the column header), then read rows until a blank line.
  let i = at + 1;
  let rules = 0;
  while (i < lines.length && rules < 2) {
    if (/^\s*-{10,}/.test(lines[i]!)) rules++;
    i++;
  }
  const out: SubcatchmentRunoff[] = [];
  for (; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '' || /^-{10,}/.test(t)) break;
    const tok = t.split(/\s+/);
    const nums = tok.slice(1).map(Number);
    if (nums.some((x) => Number.isNaN(x))) continue;
    // SWMM 5.2 prints 10 columns (with imperv/perv runoff); SWMM 5.1 printed 8.
    if (nums.length >= 10) out.push({ name: tok[0]!, precip: nums[0]!, runon: nums[1]!, runoffDepth: nums[6]!, runoffVolume: nums[7]!, runoffCoeff: nums[9]! });
    else if (nums.length >= 8) out.push({ name: tok[0]!, precip: nums[0]!, runon: nums[1]!, runoffDepth: nums[4]!, runoffVolume: nums[5]!, runoffCoeff: nums[7]! });
  }
  return out;
}

/** Reads the continuity tables and the Subcatchment Runoff Summary from a status report. */
export function parseReportRunoff(reportText: string): ReportRunoff {
  const lines = reportText.split(/\r?\n/);
  return {
    runoffContinuity: parseContinuity(lines, 'Runoff Quantity Continuity'),
    routingContinuity: parseContinuity(lines, 'Flow Routing Continuity'),
    subcatchments: parseSubcatchments(lines),
  };
}

export interface SubcatchmentAlpha {
  name: string;
  alpha: number;
  runoffCoeff: number;
}

export interface SimulationAlpha {
  /** From the runoff continuity table. */
  alpha: number;
  precipVolume: number;
  /** Surface runoff leaving the subcatchments (report volume unit). */
  runoffVolume: number;
  /** LID underdrain outflow (0 when the report has no LID Drainage row). */
  lidDrainageVolume: number;
  volumeUnit: string;
  /** System α at the outfalls (null when non-rain inflows enter the network or routing was not run). */
  outfallAlpha: number | null;
  subcatchments: SubcatchmentAlpha[];
  notes: string[];
}

/** α of a subcatchment from its precipitation, run-on and runoff depths. */
export function subcatchmentAlpha(precip: number, runon: number, runoff: number): number {
  const inflow = precip + runon;
  if (!(inflow > 0)) throw new RangeError('subcatchment received no rain');
  return 1 - runoff / inflow;
}

/** α from a SWMM 5.2-layout report text. Throws when the runoff continuity table is absent. */
export function alphaFromReport(reportText: string, opts: { underdrainControlled?: boolean } = {}): SimulationAlpha {
  const r = parseReportRunoff(reportText);
  const rc = r.runoffContinuity;
  if (!rc) throw new RangeError('the report has no Runoff Quantity Continuity table (was rainfall/runoff simulated?)');
  const precip = rc.rows['Total Precipitation']?.[0];
  const runoff = rc.rows['Surface Runoff']?.[0];
  if (precip === undefined || runoff === undefined) throw new RangeError('Runoff Quantity Continuity lacks Total Precipitation or Surface Runoff');
  if (!(precip > 0)) throw new RangeError('total precipitation is zero: α undefined');
  const notes: string[] = [];
  const drainage = rc.rows['LID Drainage']?.[0] ?? 0;
  if (drainage > 0) {
    notes.push(
      opts.underdrainControlled
        ? 'LID underdrain outflow counted as controlled (total only; subcatchment α still includes it as runoff)'
        : 'LID underdrain outflow counted as runoff leaving the site',
    );
  }
  let outfallAlpha: number | null = null;
  const fr = r.routingContinuity;
  if (fr) {
    const v = (k: string) => fr.rows[k]?.[0] ?? 0;
    if (v('Dry Weather Inflow') === 0 && v('RDII Inflow') === 0 && v('External Inflow') === 0) {
      outfallAlpha = 1 - (v('External Outflow') + v('Flooding Loss')) / precip;
    } else notes.push('outfall α not computed: dry-weather, RDII or external inflow also enters the network');
  }
  const subs = r.subcatchments
    .filter((s) => s.precip + s.runon > 0)
    .map((s) => ({ name: s.name, alpha: subcatchmentAlpha(s.precip, s.runon, s.runoffDepth), runoffCoeff: s.runoffCoeff }));
  if (r.subcatchments.length) notes.push('subcatchment α uses the report’s rounded depths (2 decimals)');
  const leaving = runoff + (opts.underdrainControlled ? 0 : drainage);
  return { alpha: 1 - leaving / precip, precipVolume: precip, runoffVolume: runoff, lidDrainageVolume: drainage, volumeUnit: rc.units[0] ?? '', outfallAlpha, subcatchments: subs, notes };
}

/** Removes every data line of [LID_USAGE] so the same model runs without its LIDs (areas revert to the subcatchment). */
export function stripLidUsage(inpText: string): { inpText: string; removed: number } {
  const eol = inpText.includes('\r\n') ? '\r\n' : '\n';
  const lines = inpText.split(/\r?\n/);
  let inLid = false;
  let removed = 0;
  const out: string[] = [];
  for (const line of lines) {
    const head = /^\s*\[([^\]]+)\]/.exec(line);
    if (head) inLid = head[1]!.trim().toUpperCase() === 'LID_USAGE';
    else if (inLid && line.trim() !== '' && !line.trim().startsWith(';')) {
      removed++;
      continue;
    }
    out.push(line);
  }
  return { inpText: out.join(eol), removed };
}

export interface ScenarioComparison {
  withLid: SimulationAlpha;
  withoutLid: SimulationAlpha;
  /** α gained by the LIDs (total). */
  gain: number;
  subcatchments: { name: string; withLid: number; withoutLid: number; gain: number }[];
}

/** Compares α with and without LIDs (two reports of the same model). */
export function compareLidScenarios(withLidReport: string, withoutLidReport: string, opts: { underdrainControlled?: boolean } = {}): ScenarioComparison {
  const a = alphaFromReport(withLidReport, opts);
  const b = alphaFromReport(withoutLidReport, opts);
  const byName = new Map(b.subcatchments.map((s) => [s.name, s.alpha]));
  return {
    withLid: a,
    withoutLid: b,
    gain: a.alpha - b.alpha,
    subcatchments: a.subcatchments.filter((s) => byName.has(s.name)).map((s) => ({ name: s.name, withLid: s.alpha, withoutLid: byName.get(s.name)!, gain: s.alpha - byName.get(s.name)! })),
  };
}

/**
 * α per subcatchment and in total from volumes (any one unit), e.g. summed from the engine's binary output:
 * α_i = 1 − runoff_i / (rain_i + runon_i); total = 1 − Σ runoff leaving the site / Σ rain, where run-on between
 * subcatchments is internal (pass `runoffToOtherSubcatchments` so it is not counted as leaving).
 */
export function alphaFromVolumes(subs: readonly { name: string; rain: number; runon?: number; runoff: number; runoffToOtherSubcatchments?: number }[]): { alpha: number; subcatchments: SubcatchmentAlpha[] } {
  if (subs.length === 0) throw new RangeError('no subcatchments');
  let rain = 0;
  let leaving = 0;
  const rows = subs.map((s) => {
    if (!(s.rain >= 0) || !(s.runoff >= 0)) throw new RangeError(`subcatchment ${s.name}: volumes must be >= 0`);
    rain += s.rain;
    leaving += s.runoff - (s.runoffToOtherSubcatchments ?? 0);
    const inflow = s.rain + (s.runon ?? 0);
    return { name: s.name, alpha: inflow > 0 ? 1 - s.runoff / inflow : NaN, runoffCoeff: inflow > 0 ? s.runoff / inflow : NaN };
  });
  if (!(rain > 0)) throw new RangeError('no rain fell on the subcatchments');
  return { alpha: 1 - leaving / rain, subcatchments: rows };
}
