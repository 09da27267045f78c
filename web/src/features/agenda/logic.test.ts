import { describe, expect, it } from 'vitest';
import { parseWhole } from '../../lib/formChecks';
import type { Triage } from '../../lib/records';
import { SHOWN, parseCadence, shown, tally, validateDecision, without, workers } from './logic';

describe('agenda helpers', () => {
  it('tally keeps counts above zero, largest first, ties by name', () => {
    expect(tally({ phone: 2, doorbell: 3, email: 0, letter_or_card: 2 })).toEqual([
      ['doorbell', 3],
      ['letter_or_card', 2],
      ['phone', 2],
    ]);
    expect(tally({})).toEqual([]);
  });

  it('shows the first few items until all are asked for', () => {
    const items = Array.from({ length: SHOWN + 3 }, (_, i) => i);
    expect(shown(items, false)).toEqual(items.slice(0, SHOWN));
    expect(shown(items, true)).toEqual(items);
    expect(shown([1, 2], false)).toEqual([1, 2]);
  });

  it('without drops the handled item only', () => {
    expect(without([{ id: 1 }, { id: 2 }, { id: 3 }], 2)).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it('workers are outreachers and team leads', () => {
    const members = [
      { id: 1, role: 'outreacher' },
      { id: 2, role: 'team_lead' },
      { id: 3, role: 'admin' },
    ];
    expect(workers(members).map((m) => m.id)).toEqual([1, 2]);
  });

  it('parses whole numbers in range', () => {
    expect(parseWhole(' 5 ', 1, 30)).toBe(5);
    expect(parseWhole('0', 1, 30)).toBeNull();
    expect(parseWhole('31', 1, 30)).toBeNull();
    expect(parseWhole('2.5', 1, 30)).toBeNull();
  });

  it('parses cadence suggestions', () => {
    expect(parseCadence('2, 3, 7')).toEqual([2, 3, 7]);
    expect(parseCadence('2 3;14')).toEqual([2, 3, 14]);
    expect(parseCadence('')).toBeNull();
    expect(parseCadence('2, 91')).toBeNull();
    expect(parseCadence('1,2,3,4,5,6,7,8,9,10,11')).toBeNull();
  });

  it('an outreach decision needs one or two workers and a reason', () => {
    const none: Triage = { indications: [], contra_indications: [], contra_indication_note: '' };
    const contra: Triage = { ...none, contra_indications: ['existing_care_trajectory'] };
    expect(Object.keys(validateDecision('outreach', '', [], none)).sort()).toEqual(['assigned_worker_ids', 'reason']);
    expect(validateDecision('outreach', 'Zorgen', ['1'], none)).toEqual({});
    expect(Object.keys(validateDecision('outreach', 'Zorgen', ['1'], contra))).toEqual(['contra_indication_note']);
    expect(validateDecision('outreach', 'Zorgen', ['1'], { ...contra, contra_indication_note: 'Toch langs' })).toEqual({});
    expect(validateDecision('regular_help', 'Huisarts', [], contra)).toEqual({});
  });
});
