import { describe, expect, it } from 'vitest';
import { toContactInput, validateClosure, validateContact, validateReopen, type ContactDraft } from './contact-form';

const NOW = new Date(2026, 10, 22, 14, 30);

function draft(overrides: Partial<ContactDraft> = {}): ContactDraft {
  return {
    occurred_at: '2026-11-22T14:30',
    channel: 'doorbell',
    outcome: 'not_at_home',
    with_whom: '',
    note: '',
    next_attempt_date: '',
    ...overrides,
  };
}

describe('validateContact', () => {
  it('accepts a quick doorbell attempt', () => {
    expect(validateContact(draft(), NOW)).toEqual({});
  });
  it('in making contact, an attempt that did not reach the person needs a next attempt date', () => {
    expect(Object.keys(validateContact(draft(), NOW, true))).toEqual(['next_attempt_date']);
    expect(validateContact(draft({ next_attempt_date: '2026-11-25' }), NOW, true)).toEqual({});
    expect(validateContact(draft({ outcome: 'brief_contact' }), NOW, true)).toEqual({});
    expect(validateContact(draft({ outcome: 'conversation' }), NOW, true)).toEqual({});
  });
  it('requires moment, channel and outcome', () => {
    expect(Object.keys(validateContact(draft({ occurred_at: '', channel: '', outcome: '' }), NOW)).sort()).toEqual([
      'channel',
      'occurred_at',
      'outcome',
    ]);
  });
  it('refuses a moment more than a day ahead and a non-existing next date', () => {
    const errors = validateContact(draft({ occurred_at: '2026-11-24T09:00', next_attempt_date: '2026-11-31' }), NOW);
    expect(Object.keys(errors).sort()).toEqual(['next_attempt_date', 'occurred_at']);
  });
  it('limits with_whom to 500 and the note to 4000 characters', () => {
    const errors = validateContact(draft({ with_whom: 'a'.repeat(501), note: 'b'.repeat(4001) }), NOW);
    expect(Object.keys(errors).sort()).toEqual(['note', 'with_whom']);
  });
  it('sends null for an empty next attempt date', () => {
    expect(toContactInput(draft({ note: '  kaartje  ' }))).toEqual({
      occurred_at: '2026-11-22T14:30',
      channel: 'doorbell',
      outcome: 'not_at_home',
      with_whom: '',
      note: 'kaartje',
      next_attempt_date: null,
    });
  });
});

describe('closure and reopen', () => {
  it('needs a reason, and a note when the reason is other', () => {
    expect(Object.keys(validateClosure('', ''))).toEqual(['reason']);
    expect(Object.keys(validateClosure('other', ' '))).toEqual(['note']);
    expect(validateClosure('goal_reached', '')).toEqual({});
  });
  it('needs a reopen reason of at most 500 characters', () => {
    expect(Object.keys(validateReopen(''))).toEqual(['reason']);
    expect(Object.keys(validateReopen('x'.repeat(501)))).toEqual(['reason']);
    expect(validateReopen('Nieuwe melding van de buren')).toEqual({});
  });
});
