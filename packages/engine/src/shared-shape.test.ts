import { describe, expect, it } from 'vitest';
import { sharedShape } from './shared-shape.js';

describe('sharedShape', () => {
  it('copies own enumerable properties in order, writable and enumerable', () => {
    const src = { b: 2, a: new Float64Array([1.5]), c: 'x', d: null as number[] | null };
    const out = sharedShape(src);
    expect(out).not.toBe(src);
    expect(Object.keys(out)).toEqual(['b', 'a', 'c', 'd']);
    expect(out.a).toBe(src.a);
    out.b = 7;
    out.d = [1];
    expect(out.b).toBe(7);
    expect(src.b).toBe(2);
    expect(JSON.stringify(sharedShape({ x: 1, y: [2] }))).toBe('{"x":1,"y":[2]}');
  });

  it('handles records far above the 128-property literal limit', () => {
    const src: Record<string, number> = {};
    for (let i = 0; i < 300; i++) src[`k${i}`] = i + 0.5;
    const out = sharedShape(src);
    expect(Object.keys(out).length).toBe(300);
    expect(out.k299).toBe(299.5);
  });
});
