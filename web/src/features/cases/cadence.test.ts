import { describe, expect, it } from 'vitest';
import { dateInDays, nextAttemptText } from './cadence';

describe('dateInDays', () => {
  it('counts calendar days from today', () => {
    expect(dateInDays(2, new Date(2025, 5, 10, 23, 30))).toBe('2025-06-12');
  });
  it('crosses months, years and leap days', () => {
    expect(dateInDays(7, new Date(2024, 11, 28, 9, 0))).toBe('2025-01-04');
    expect(dateInDays(1, new Date(2024, 1, 28, 9, 0))).toBe('2024-02-29');
  });
});

describe('nextAttemptText', () => {
  it('shows the planned date of an open case, and none for a closed one', () => {
    expect(nextAttemptText({ status: 'open', next_attempt_date: '2026-11-30' })).toBe('30 nov 2026');
    expect(nextAttemptText({ status: 'open', next_attempt_date: null })).toBe('niet gepland');
    expect(nextAttemptText({ status: 'closed', next_attempt_date: '2026-11-30' })).toBe('geen, de casus is gesloten');
  });
});
