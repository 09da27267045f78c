import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import type { Case, HouseholdMember } from '../../lib/records';
import type { KnownPersons } from './api/cases';
import { moveCandidates, moveErrorOnField, parseMoveSource, validateHouseholdMember, validateMove } from './household';

describe('validateHouseholdMember', () => {
  it('accepts a named child born today or earlier', () => {
    expect(validateHouseholdMember('Noor Voorbeeld', '2026-11-20', 'child', '2026-11-20')).toEqual({});
    expect(validateHouseholdMember('Noor Voorbeeld', '', 'adult', '2026-11-20')).toEqual({});
  });

  it('needs a name and a role, and refuses a birth date in the future', () => {
    const errors = validateHouseholdMember('  ', '2026-11-21', '', '2026-11-20');
    expect(Object.keys(errors).sort()).toEqual(['date_of_birth', 'name', 'role']);
    expect(Object.keys(validateHouseholdMember('n'.repeat(201), '', 'child', '2026-11-20'))).toEqual(['name']);
  });
});

describe('moving a known person into the household', () => {
  const member = (person_id: number, name: string, caseIds: number[], signalIds: number[]): HouseholdMember => ({
    person_id,
    name,
    role: 'adult',
    date_of_birth: null,
    other_cases: caseIds.map((id) => ({ id, status: 'open', phase: 'making_contact' })),
    other_signals: signalIds.map((id) => ({ id, intake_date: '2026-11-01', status: 'decided' })),
  });
  const c = {
    id: 10,
    signals: [{ id: 100 }],
    household: { id: 5, team_id: 1, address: '', members: [member(1, 'Anna', [], []), member(2, 'Bram', [11], [101])] },
  } as unknown as Case;
  const known: KnownPersons = {
    cases: [
      { id: 10, team_id: 1, person_name: 'Anna', status: 'open' },
      { id: 11, team_id: 1, person_name: 'Bram', status: 'open' },
      { id: 12, team_id: 1, person_name: 'Zoë de Vries', status: 'closed' },
      { id: 13, team_id: 2, person_name: 'Other Team', status: 'open' },
      { id: 14, team_id: 1, person_name: 'Ali Öztürk', status: 'open' },
    ],
    signals: [
      { id: 100, team_id: 1, person_name: 'Anna', intake_date: '2026-10-01', case_id: 10 },
      { id: 101, team_id: 1, person_name: 'Bram', intake_date: '2026-10-02', case_id: null },
      { id: 102, team_id: 1, person_name: 'Cor Melding', intake_date: '2026-10-03', case_id: null },
      { id: 103, team_id: 1, person_name: 'Dirk Casus', intake_date: '2026-10-04', case_id: 15 },
      { id: 104, team_id: 2, person_name: 'Eva Elders', intake_date: '2026-10-05', case_id: null },
    ],
  };

  it("offers the team's other cases and caseless signals, not the household's own, by name", () => {
    const values = moveCandidates(c, known, '').map((o) => o.value);
    expect(values).toEqual(['case:14', 'signal:102', 'case:12']);
    const labels = moveCandidates(c, known, '').map((o) => o.label);
    expect(labels[0]).toBe('Ali Öztürk — casus 14 (Open)');
    expect(labels[1]).toMatch(/^Cor Melding — melding van /);
  });

  it('filters on part of the name, ignoring case and surrounding spaces', () => {
    expect(moveCandidates(c, known, '  öztü ').map((o) => o.value)).toEqual(['case:14']);
    expect(moveCandidates(c, known, 'nobody')).toEqual([]);
    expect(moveCandidates({ ...c, household: null }, known, '')).toEqual([]);
  });

  it('reads back only the values it made', () => {
    expect(parseMoveSource('case:12')).toEqual({ kind: 'case', id: 12 });
    expect(parseMoveSource('signal:7')).toEqual({ kind: 'signal', id: 7 });
    for (const bad of ['', 'case:', 'case:0', 'case:-1', 'person:3', 'case:1x', ' case:1']) {
      expect(parseMoveSource(bad)).toBeNull();
    }
  });

  it('needs a person and a role before sending', () => {
    expect(validateMove('case:12', 'child')).toEqual({});
    expect(Object.keys(validateMove('', '')).sort()).toEqual(['person_id', 'role']);
    expect(Object.keys(validateMove('signal:3', ''))).toEqual(['role']);
  });

  it('puts a 404 on the person field and leaves other errors alone', () => {
    const moved = moveErrorOnField(new ApiError(404, 'not_found', 'Not found.'));
    expect(moved).toBeInstanceOf(ApiError);
    expect((moved as ApiError).fieldErrors.map((e) => e.field)).toEqual(['person_id']);
    const invalid = new ApiError(422, 'validation_failed', '', [{ field: 'role', code: 'unknown_value', message: '' }]);
    expect(moveErrorOnField(invalid)).toBe(invalid);
    const other = new Error('network');
    expect(moveErrorOnField(other)).toBe(other);
  });
});
