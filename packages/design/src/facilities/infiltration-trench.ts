// Infiltration trench (渗管/渠) effective storage: gravel voids plus the infiltration credit through the
// bottom and the walls up to half the effective depth (digest §5.3, §5.6) [R].
import { DEFAULT_INFILTRATION_TIME_S, effectiveInfiltrationAreaM2, infiltratedVolumeM3 } from '../infiltration-credit.js';

export function trenchStorage(t: { lengthM: number; widthM: number; depthM: number; voidRatio: number; kMps: number; infiltrationTimeS?: number; countInfiltration?: boolean }): { storageM3: number; infiltrationAreaM2: number; infiltratedM3: number; effectiveM3: number } {
  if (!(t.lengthM > 0 && t.widthM > 0 && t.depthM > 0)) throw new RangeError('trench dimensions must be > 0 m');
  if (!(t.voidRatio > 0 && t.voidRatio < 1)) throw new RangeError(`void fraction must lie in (0, 1) (got ${t.voidRatio})`);
  const storage = t.lengthM * t.widthM * t.depthM * t.voidRatio;
  const area = effectiveInfiltrationAreaM2({ bottomM2: t.lengthM * t.widthM, wallLengthM: 2 * (t.lengthM + t.widthM), effectiveDepthM: t.depthM });
  const inf = t.countInfiltration === false ? 0 : infiltratedVolumeM3(t.kMps, area, t.infiltrationTimeS ?? DEFAULT_INFILTRATION_TIME_S);
  return { storageM3: storage, infiltrationAreaM2: area, infiltratedM3: inf, effectiveM3: storage + inf };
}
