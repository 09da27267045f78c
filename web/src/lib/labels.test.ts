import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import enEnumLabels from '../i18n/enum-labels.en.json';
import nlEnumLabels from '../i18n/enum-labels.nl.json';
import { nl } from '../i18n/nl';
import { ENUM_LABELS, label } from './labels';

describe('enum labels', () => {
  it('exist in both languages for every value of every enumeration', () => {
    for (const [name, values] of Object.entries(ENUM_LABELS)) {
      for (const value of values) {
        const key = `${name}.${value}`;
        expect(key in nl, key).toBe(true);
        expect(key in en, key).toBe(true);
      }
    }
  });

  it('are kept in the shared files, which hold the enumerations and nothing else', () => {
    const keys = Object.entries(ENUM_LABELS)
      .flatMap(([name, values]) => values.map((value: string) => `${name}.${value}`))
      .sort();
    expect(Object.keys(nlEnumLabels).sort()).toEqual(keys);
    expect(Object.keys(enEnumLabels).sort()).toEqual(keys);
  });

  it('give the Dutch form labels by default and show unknown values as sent', () => {
    expect(label('channel', 'letter_or_card')).toBe('Brief of kaartje achtergelaten');
    expect(label('decision', 'outreach')).toBe('Outreachend traject');
    expect(label('outcome', 'something_new')).toBe('something_new');
  });

  it('cover the 16 problem areas of the form', () => {
    expect(ENUM_LABELS.problemArea).toHaveLength(16);
  });
});
