// Culvert inlet control (digest §7.15) as SWMM 5.2.4 evaluates it: form-1 critical depth
// searched only between 0.01·h and h, dq/dh = q/(M·h), no control when no flow is found.
import { describe, expect, it } from 'vitest';
import { culvertInletFlow, type CulvertResult } from './culvert.js';
import { createXsect, isXsectError, xsectAreaOfDepth, xsectCriticalDepth, xsectWidthOfDepth, XS_CIRCULAR, XS_RECT_CLOSED, type Xsect } from './xsect.js';

const G = 32.2;

function xsect(shape: typeof XS_CIRCULAR | typeof XS_RECT_CLOSED, g1: number, g2 = 0): Xsect {
  const x = createXsect(shape, g1, g2);
  if (isXsectError(x)) throw new Error(x.error);
  return x;
}

function criticalFlow(xs: Xsect, y: number): number {
  const a = xsectAreaOfDepth(xs, y);
  return a * Math.sqrt((G * a) / xsectWidthOfDepth(xs, y));
}

describe('culvertInletFlow', () => {
  const pipe = xsect(XS_CIRCULAR, 3);
  const ad = pipe.aFull * Math.sqrt(3);

  it('shallow head under a steep slope: no form-1 root below h, so q = critical flow at h', () => {
    // Code 1 (K 0.0098, M 2): the slope term 0.5·0.05 outweighs h/D = 0.0067, so the
    // equation has no root between 0.01·h and h; SWMM keeps the flow of its last trial (y = h).
    const out: CulvertResult = { q: 0, dqdh: 0 };
    culvertInletFlow(pipe, 1, 0.05, 0.02, out);
    const qc = criticalFlow(pipe, 0.02);
    expect(out.q).toBeCloseTo(qc, 12);
    expect(out.q).toBeGreaterThan(0);
    expect(out.q).toBeLessThan(0.01);
    expect(out.dqdh).toBeCloseTo(qc / 0.02 / 2, 10);
  });

  it('unsubmerged form 1 satisfies HW/D = yc/D + yh/(2D) + K·(Q/AD)^M − 0.5·S to the search tolerance', () => {
    const out: CulvertResult = { q: 0, dqdh: 0 };
    const h = 1.5;
    const s = 0.01;
    culvertInletFlow(pipe, 1, s, h, out);
    const yc = xsectCriticalDepth(pipe, out.q);
    const a = xsectAreaOfDepth(pipe, yc);
    const yh = a / xsectWidthOfDepth(pipe, yc);
    const hw = 3 * (yc / 3 + yh / 6 + 0.0098 * Math.pow(out.q / ad, 2) - 0.5 * s);
    expect(Math.abs(hw - h)).toBeLessThan(0.01);
    expect(out.q).toBeGreaterThan(5);
    expect(out.dqdh).toBeCloseTo(out.q / h / 2, 10);
  });

  it('unsubmerged form 2 and submerged flow follow their closed forms', () => {
    const box = xsect(XS_RECT_CLOSED, 4, 5);
    const adBox = box.aFull * 2;
    const out: CulvertResult = { q: 0, dqdh: 0 };
    // Code 12: form 2, K 0.51, M 0.667.
    culvertInletFlow(box, 12, 0.02, 2, out);
    expect(out.q).toBeCloseTo(adBox * Math.pow(2 / 4 / 0.51, 1 / 0.667), 10);
    expect(out.dqdh).toBeCloseTo(out.q / 2 / 0.667, 10);
    // Code 1 submerged (h ≥ D·(16c + Y − scf)): q = AD·√((h/D − Y + scf)/c).
    culvertInletFlow(pipe, 1, 0.01, 6, out);
    const arg = (6 / 3 - 0.67 + 0.005) / 0.0398;
    expect(out.q).toBeCloseTo(ad * Math.sqrt(arg), 10);
  });

  it('codes without inlet-control data never limit the flow', () => {
    const out: CulvertResult = { q: 0, dqdh: 0 };
    culvertInletFlow(pipe, 99, 0.01, 1, out);
    expect(out.q).toBe(Infinity);
  });
});
