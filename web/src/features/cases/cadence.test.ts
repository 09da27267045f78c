import { describe, expect, it } from 'vitest';
import { dateInDays } from './cadence';

describe('dateInDays', () => {
  it('counts calendar days from today', () => {
    expect(dateInDays(2, new Date(2025, 5, 10, 23, 30))).toBe('2025-06-12');
  });
  it('crosses months, years and leap days', () => {
    expect(dateInDays(7, new Date(2024, 11, 28, 9, 0))).toBe('2025-01-04');
    expect(dateInDays(1, new Date(2024, 1, 28, 9, 0))).toBe('2024-02-29');
  });
});
