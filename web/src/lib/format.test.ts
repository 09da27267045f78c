import { afterEach, describe, expect, it } from 'vitest';
import { langStore } from '../i18n';
import { formatMonth } from './format';

describe('formatMonth', () => {
  afterEach(() => langStore.set('nl'));

  it('names the month in the UI language', () => {
    expect(formatMonth('2026-05')).toBe('mei 2026');
    langStore.set('en');
    expect(formatMonth('2026-05')).toBe('May 2026');
  });

  it('shows anything else as sent', () => {
    expect(formatMonth('2026')).toBe('2026');
  });
});
