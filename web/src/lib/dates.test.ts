import { describe, expect, it } from 'vitest';
import {
  ageOn,
  datePartsToIso,
  isIsoDate,
  isLocalDateTime,
  isMoreThanADayAhead,
  nowLocalDateTime,
  todayIso,
} from './dates';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-05', false],
    ['', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
  ])('%s -> %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('isLocalDateTime', () => {
  it.each([
    ['2026-11-22T16:08', true],
    ['2026-11-22T24:00', false],
    ['2026-11-22T23:60', false],
    ['2026-02-30T10:00', false],
    ['2026-11-22 16:08', false],
    ['2026-11-22T16:08:00', false],
  ])('%s -> %s', (value, expected) => {
    expect(isLocalDateTime(value)).toBe(expected);
  });
});

describe('datePartsToIso', () => {
  it('builds a padded ISO date from day, month and year fields', () => {
    expect(datePartsToIso('3', '7', '1961')).toBe('1961-07-03');
    expect(datePartsToIso(' 29 ', '02', '2024')).toBe('2024-02-29');
  });
  it('refuses days that do not exist and incomplete years', () => {
    expect(datePartsToIso('30', '2', '1980')).toBeNull();
    expect(datePartsToIso('31', '4', '1980')).toBeNull();
    expect(datePartsToIso('1', '1', '80')).toBeNull();
    expect(datePartsToIso('a', '1', '1980')).toBeNull();
    expect(datePartsToIso('', '', '')).toBeNull();
  });
});

describe('local clock helpers', () => {
  const moment = new Date(2026, 0, 5, 9, 7);
  it('formats today and now in local time', () => {
    expect(todayIso(moment)).toBe('2026-01-05');
    expect(nowLocalDateTime(moment)).toBe('2026-01-05T09:07');
  });
  it('flags a contact moment more than a day ahead', () => {
    expect(isMoreThanADayAhead('2026-01-06T09:07', moment)).toBe(false);
    expect(isMoreThanADayAhead('2026-01-06T09:08', moment)).toBe(true);
    expect(isMoreThanADayAhead('2025-12-31T23:00', moment)).toBe(false);
  });
});

describe('ageOn', () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('1980-11-22', '2026-11-21')).toBe(45);
    expect(ageOn('1980-11-22', '2026-11-22')).toBe(46);
  });
  it('gives null for a future or invalid date of birth', () => {
    expect(ageOn('2030-01-01', '2026-11-22')).toBeNull();
    expect(ageOn('1980-02-30', '2026-11-22')).toBeNull();
  });
});
