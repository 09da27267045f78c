import { describe, expect, it } from 'vitest';
import { TIMELINE_KINDS } from '../../lib/enums';
import { buttonEvents, kindsToRequest, validateMove } from './logic';

describe('trajectory panel', () => {
  it('offers buttons for the moves, not for closing and reopening', () => {
    expect(buttonEvents(['contact_made', 'close'])).toEqual(['contact_made']);
    expect(buttonEvents(['reopen'])).toEqual([]);
  });

  it('needs a reason of at most 500 characters', () => {
    expect(validateMove('  ')).toHaveProperty('reason');
    expect(validateMove('r'.repeat(501))).toHaveProperty('reason');
    expect(validateMove('first visit planned')).toEqual({});
  });
});

describe('timeline filter', () => {
  it('asks for every kind when none or all are chosen', () => {
    expect(kindsToRequest([], TIMELINE_KINDS)).toEqual([]);
    expect(kindsToRequest([...TIMELINE_KINDS], TIMELINE_KINDS)).toEqual([]);
    expect(kindsToRequest(['phase', 'handover'], TIMELINE_KINDS)).toEqual(['phase', 'handover']);
  });
});
