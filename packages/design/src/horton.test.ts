import { describe, expect, it } from 'vitest';
import { hortonCumulative, hortonRate } from './horton.js';
import { expectShown } from '../test/golden.js';

describe('E18 Horton capacity curve (digest §8.2)', () => {
  const rows: [number, number, number][] = [[0.25, 36.0603, 13.2099], [0.5, 21.2938, 20.0766], [1, 13.863, 28.2842], [2, 12.7213, 41.2697]];
  for (const [t, f, F] of rows) {
    it(`t = ${t} h`, () => {
      expectShown(hortonRate(76.2, 12.7, 4, t), f, 4);
      expectShown(hortonCumulative(76.2, 12.7, 4, t), F, 4);
    });
  }
  it('rejects impossible parameters', () => {
    expect(() => hortonRate(10, 20, 4, 1)).toThrow(/f0 >= fc/);
    expect(() => hortonCumulative(76.2, 12.7, 0, 1)).toThrow(/decay/);
  });
});
