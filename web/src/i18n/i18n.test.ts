import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { format } from './index';

describe('dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('have no empty texts', () => {
    for (const dict of [nl, en]) {
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('use the same parameters in both languages', () => {
    const params = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(params(en[key]), key).toEqual(params(nl[key]));
    }
  });

  it('carry the Dutch labels of the paper form', () => {
    expect(nl['problemArea.finances']).toBe('Financiën');
    expect(nl['problemArea.squalor']).toBe('Vervuiling');
    expect(nl['directReason.powerlessness']).toBe('Onmacht');
    expect(nl['closureReason.client_declines']).toBe('Cliënt weigert hulp');
  });
});

describe('format', () => {
  it('fills named parameters and leaves unknown ones alone', () => {
    expect(format('{a} en {b}', { a: 1, b: 'twee' })).toBe('1 en twee');
    expect(format('{a} en {c}', { a: 1 })).toBe('1 en {c}');
  });
});
