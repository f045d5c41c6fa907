// Volume-capture method (容积法, digest §5.1, §1.7): V = 10·H·φ·F. 1 mm on 1 hm² is 10 m³, hence the 10.

/** Design storage volume V (m³) for design rainfall H (mm), composite φ, area F (hm²). */
export function captureVolumeM3(hMm: number, phi: number, areaHa: number): number {
  if (!(hMm >= 0)) throw new RangeError(`design rainfall H must be >= 0 mm (got ${hMm})`);
  if (!(phi >= 0 && phi <= 1)) throw new RangeError(`φ must lie in [0, 1] (got ${phi})`);
  if (!(areaHa > 0)) throw new RangeError(`area F must be > 0 hm² (got ${areaHa})`);
  return 10 * hMm * phi * areaHa;
}

/** Unit-area control volume V/F (m³/hm²), a planning indicator. */
export function unitAreaVolume(volumeM3: number, areaHa: number): number {
  if (!(areaHa > 0)) throw new RangeError(`area F must be > 0 hm² (got ${areaHa})`);
  return volumeM3 / areaHa;
}

/** Equivalent design depth H_eq = V/(10·φ·F) (mm) of a provided storage volume. */
export function equivalentDepthMm(volumeM3: number, phi: number, areaHa: number): number {
  if (!(volumeM3 >= 0)) throw new RangeError(`storage volume must be >= 0 m³ (got ${volumeM3})`);
  if (!(phi > 0 && phi <= 1)) throw new RangeError(`φ must lie in (0, 1] (got ${phi})`);
  if (!(areaHa > 0)) throw new RangeError(`area F must be > 0 hm² (got ${areaHa})`);
  return volumeM3 / (10 * phi * areaHa);
}
