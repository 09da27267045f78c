import { describe, expect, it } from 'vitest';
import { fieldId, normalizeFieldPath } from './fieldPath';

describe('field paths', () => {
  it('turn API paths into DOM ids', () => {
    expect(fieldId('person.date_of_birth')).toBe('f-person-date_of_birth');
    expect(fieldId('reporter.name')).toBe('f-reporter-name');
  });
  it('map item errors to their group', () => {
    expect(normalizeFieldPath('problem_areas[3]')).toBe('problem_areas');
    expect(normalizeFieldPath('assigned_worker_ids.1')).toBe('assigned_worker_ids');
    expect(normalizeFieldPath('person.name')).toBe('person.name');
  });
});

describe('scoped field ids', () => {
  it('prefix the scope so two forms can share a field name', () => {
    expect(fieldId('note', 'close')).toBe('f-close-note');
    expect(fieldId('note', 'contact')).not.toBe(fieldId('note', 'close'));
  });
});
