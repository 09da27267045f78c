import { describe, expect, it } from 'vitest';
import { emptyDraft, toSignalInput, validateSignal, type SignalDraft } from './signal-form';

const TODAY = '2026-11-22';

function filled(overrides: Partial<SignalDraft> = {}): SignalDraft {
  return {
    ...emptyDraft(TODAY, null),
    'reporter.name': 'Woningcorporatie Testwijk',
    'reporter.kind': 'organisation',
    'person.name': 'Fictief Persoon',
    direct_reason: 'nuisance',
    person_aware: 'yes',
    ...overrides,
  };
}

describe('validateSignal', () => {
  it('passes a minimal complete registration', () => {
    expect(validateSignal(filled(), TODAY, false)).toEqual({});
  });

  it('names every missing required field by its API path', () => {
    const errors = validateSignal(emptyDraft(TODAY, null), TODAY, true);
    expect(Object.keys(errors).sort()).toEqual(
      ['direct_reason', 'person.name', 'person_aware', 'reporter.kind', 'reporter.name', 'team_id'].sort(),
    );
  });

  it('refuses a date of birth that does not exist or lies ahead', () => {
    const feb30 = filled({ 'person.date_of_birth': { day: '30', month: '2', year: '1980' } });
    expect(Object.keys(validateSignal(feb30, TODAY, false))).toEqual(['person.date_of_birth']);
    const ahead = filled({ 'person.date_of_birth': { day: '1', month: '1', year: '2030' } });
    expect(Object.keys(validateSignal(ahead, TODAY, false))).toEqual(['person.date_of_birth']);
    const partial = filled({ 'person.date_of_birth': { day: '', month: '3', year: '1980' } });
    expect(Object.keys(validateSignal(partial, TODAY, false))).toEqual(['person.date_of_birth']);
  });

  it('asks for the explanation when "other" is chosen', () => {
    const errors = validateSignal(filled({ direct_reason: 'other', problem_areas: ['housing', 'other'] }), TODAY, false);
    expect(Object.keys(errors).sort()).toEqual(['direct_reason_other', 'problem_areas_other']);
  });

  it('enforces the length limits of docs/api.md', () => {
    const errors = validateSignal(
      filled({ 'person.name': 'x'.repeat(201), 'reporter.phone': '1'.repeat(51), whereabouts: 'y'.repeat(4001) }),
      TODAY,
      false,
    );
    expect(Object.keys(errors).sort()).toEqual(['person.name', 'reporter.phone', 'whereabouts']);
    expect(validateSignal(filled({ 'person.name': 'x'.repeat(200), whereabouts: 'y'.repeat(4000) }), TODAY, false)).toEqual({});
  });
});

describe('toSignalInput', () => {
  it('builds the nested request body with trimmed texts', () => {
    const input = toSignalInput(
      filled({
        team_id: '2',
        'person.name': '  Fictief Persoon ',
        'person.date_of_birth': { day: '3', month: '7', year: '1961' },
        problem_areas: ['finances', 'housing'],
        direct_reason_other: 'left over from an earlier choice',
      }),
      true,
    );
    expect(input.team_id).toBe(2);
    expect(input.person).toEqual({ name: 'Fictief Persoon', address: '', phone: '', date_of_birth: '1961-07-03', sex: 'unknown' });
    expect(input.reporter.kind).toBe('organisation');
    expect(input.problem_areas).toEqual(['finances', 'housing']);
    expect(input.direct_reason_other).toBe('');
    expect(input.feedback_date).toBeNull();
    expect(input.intake_date).toBe(TODAY);
  });

  it('leaves the team out for a user in one team', () => {
    expect('team_id' in toSignalInput(filled(), false)).toBe(false);
  });
});
