import { describe, expect, it } from 'vitest';
import { validateHouseholdMember } from './household';

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
