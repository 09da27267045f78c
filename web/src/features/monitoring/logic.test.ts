import { describe, expect, it } from 'vitest';
import { validateOutcome, validateReview } from '../../lib/formChecks';
import { canScheduleCheckIn, offerReopen, validateCheckIn } from './logic';

describe('monitoring rules', () => {
  it('schedules check-ins in monitoring or after closure only', () => {
    expect(canScheduleCheckIn('monitoring', 'open')).toBe(true);
    expect(canScheduleCheckIn('closed', 'closed')).toBe(true);
    expect(canScheduleCheckIn('making_contact', 'open')).toBe(false);
    expect(canScheduleCheckIn('help', 'open')).toBe(false);
  });

  it('offers reopening when the latest recorded check-in suggests it', () => {
    const worried = { done_on: '2026-11-20', suggest_reopen: true };
    const fine = { done_on: '2026-11-21', suggest_reopen: false };
    const planned = { done_on: null, suggest_reopen: false };
    expect(offerReopen([worried, planned], 'monitoring', 'open')).toBe(true);
    expect(offerReopen([worried, fine], 'monitoring', 'open')).toBe(false);
    expect(offerReopen([worried], 'closed', 'closed')).toBe(true);
    expect(offerReopen([worried], 'making_contact', 'open')).toBe(false);
    expect(offerReopen([], 'monitoring', 'open')).toBe(false);
  });

  it('validates the forms before sending', () => {
    expect(validateCheckIn('', '')).toHaveProperty('planned_on');
    expect(validateCheckIn('2026-12-01', '')).toHaveProperty('worker_id');
    expect(validateCheckIn('2026-12-01', '3')).toEqual({});
    expect(validateOutcome('2026-11-22', '', '')).toHaveProperty('outcome');
    expect(validateOutcome('2026-11-22', 'worried', 'x'.repeat(4001))).toHaveProperty('note');
    expect(validateReview('2026-11-22', ' ', '', 'continue')).toHaveProperty('attendees');
    expect(validateReview('2026-11-22', 'Team', '', '')).toHaveProperty('decision');
    expect(validateReview('2026-11-22', 'Team', '', 'close')).toEqual({});
  });
});
