import { describe, expect, it } from 'vitest';
import { phaseCounts } from './phases';

describe('phaseCounts', () => {
  it('lists every open phase in trajectory order, absent phases as 0', () => {
    const counts = phaseCounts({
      user: { id: 1, display_name: 'Fictief' },
      active_cases: 3,
      active_by_phase: { making_contact: 2, help: 1 },
      attempts_this_week: 0,
      without_contact: 0,
    });
    expect(counts).toEqual([
      { phase: 'preparation', count: 0 },
      { phase: 'making_contact', count: 2 },
      { phase: 'follow_up', count: 0 },
      { phase: 'help', count: 1 },
      { phase: 'monitoring', count: 0 },
    ]);
  });
});
