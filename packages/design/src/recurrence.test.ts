import { describe, expect, it } from 'vitest';
import { cityClassFromPopulation, pipeRecurrencePeriod, waterloggingRecurrencePeriod } from './recurrence.js';

describe('recurrence-period tables (digest §4.4, §4.5)', () => {
  it('city classes: lower bounds inclusive', () => {
    expect(cityClassFromPopulation(10_000_000)).toBe('megacity');
    expect(cityClassFromPopulation(9_999_999)).toBe('very-large');
    expect(cityClassFromPopulation(5_000_000)).toBe('very-large');
    expect(cityClassFromPopulation(1_000_000)).toBe('large');
    expect(cityClassFromPopulation(999_999)).toBe('medium-small');
  });
  it('GB 50014 pipe periods', () => {
    expect(pipeRecurrencePeriod('megacity', 'central')).toEqual([3, 5]);
    expect(pipeRecurrencePeriod('very-large', 'underpass')).toEqual([30, 50]);
    expect(pipeRecurrencePeriod('large', 'underpass')).toEqual([20, 30]);
    expect(pipeRecurrencePeriod('medium-small', 'key-central')).toEqual([3, 5]);
    expect(pipeRecurrencePeriod('large', 'non-central')).toEqual([2, 3]);
  });
  it('GB 51222 waterlogging periods and the 15 cm criterion', () => {
    expect(waterloggingRecurrencePeriod('megacity').periodYears).toEqual([100, 100]);
    expect(waterloggingRecurrencePeriod('very-large').periodYears).toEqual([50, 100]);
    expect(waterloggingRecurrencePeriod('large').periodYears).toEqual([30, 50]);
    expect(waterloggingRecurrencePeriod('medium-small').periodYears).toEqual([20, 30]);
    expect(waterloggingRecurrencePeriod('large').criterion).toMatch(/≤ 15 cm/);
  });
});
