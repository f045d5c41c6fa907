// Sequential colour ramp for runoff depth on the map (light yellow → dark blue, readable on white and dark).

export const RAMP = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'] as const;

/** Rounded upper bound for the legend so its labels are round numbers. */
export function niceMax(values: readonly number[]): number {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  if (max <= 0) return 1;
  const mag = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * mag >= max) return m * mag;
  return 10 * mag;
}

/** Colour of a value in [0, max], linear in the value; NaN/missing gets grey. */
export function colorFor(value: number | null | undefined, max: number): string {
  if (value == null || !Number.isFinite(value)) return '#bdbdbd';
  const t = Math.min(1, Math.max(0, value / (max > 0 ? max : 1)));
  return RAMP[Math.min(RAMP.length - 1, Math.floor(t * (RAMP.length - 1) + 0.5))]!;
}

/** MapLibre `interpolate` stops matching `colorFor`. */
export function rampStops(max: number): (number | string)[] {
  const stops: (number | string)[] = [];
  RAMP.forEach((c, k) => stops.push((max * k) / (RAMP.length - 1), c));
  return stops;
}
