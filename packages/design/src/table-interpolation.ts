// α ↔ H by linear interpolation in a short published table (digest §1.7). An approximation, used only when
// no daily series is available; results say so.

export interface AlphaHPoint {
  alpha: number;
  hMm: number;
}

export interface InterpolatedValue {
  value: number;
  /** Always true: the exact curve needs daily data. */
  approximate: true;
  warnings: string[];
}

function sortedPoints(points: readonly AlphaHPoint[]): AlphaHPoint[] {
  if (points.length < 2) throw new RangeError('an α–H table needs at least two points');
  const s = [...points].sort((a, b) => a.hMm - b.hMm);
  for (let i = 1; i < s.length; i++) {
    if (!(s[i]!.alpha > s[i - 1]!.alpha) || !(s[i]!.hMm > s[i - 1]!.hMm)) throw new RangeError('α–H table must increase in both α and H');
  }
  return s;
}

/** α for a design depth H, interpolating linearly; below the table the line to (0, 0) is used. */
export function alphaFromTable(points: readonly AlphaHPoint[], hMm: number): InterpolatedValue {
  const s = sortedPoints(points);
  const warnings: string[] = ['α interpolated linearly in a short table (approximation; use the daily-rain curve when available)'];
  const top = s[s.length - 1]!;
  if (hMm >= top.hMm) {
    if (hMm > top.hMm) warnings.push(`H = ${hMm} mm is above the table (max ${top.hMm} mm): α reported as the table's top value ${top.alpha}, actual α is higher`);
    return { value: top.alpha, approximate: true, warnings };
  }
  if (hMm <= 0) return { value: 0, approximate: true, warnings };
  const pts = hMm < s[0]!.hMm ? [{ alpha: 0, hMm: 0 }, s[0]!] : s;
  if (hMm < s[0]!.hMm) warnings.push(`H = ${hMm} mm is below the table: interpolated towards (0 mm, 0)`);
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    if (hMm <= b.hMm) return { value: a.alpha + ((b.alpha - a.alpha) * (hMm - a.hMm)) / (b.hMm - a.hMm), approximate: true, warnings };
  }
  return { value: top.alpha, approximate: true, warnings };
}

/** H for a target α, interpolating linearly; targets above the table are rejected. */
export function hFromTable(points: readonly AlphaHPoint[], alpha: number): InterpolatedValue {
  const s = sortedPoints(points);
  const warnings: string[] = ['H interpolated linearly in a short table (approximation; use the daily-rain curve when available)'];
  const top = s[s.length - 1]!;
  if (alpha > top.alpha) throw new RangeError(`target α = ${alpha} is above the table's highest rate ${top.alpha}: compute the curve from daily data`);
  if (alpha <= 0) return { value: 0, approximate: true, warnings };
  const pts = alpha < s[0]!.alpha ? [{ alpha: 0, hMm: 0 }, s[0]!] : s;
  if (alpha < s[0]!.alpha) warnings.push(`α = ${alpha} is below the table: interpolated towards (0 mm, 0)`);
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    if (alpha <= b.alpha) return { value: a.hMm + ((b.hMm - a.hMm) * (alpha - a.alpha)) / (b.alpha - a.alpha), approximate: true, warnings };
  }
  return { value: top.hMm, approximate: true, warnings };
}
