import { describe, expect, it } from 'vitest';
import { needsContraNote, parseWhole } from '../../lib/formChecks';
import { feedbackState } from './feedback';

describe('feedbackState', () => {
  const today = '2026-11-20';
  it('is none before a decision set a due date', () => {
    expect(feedbackState({ due_on: null, given_on: null, told: '' }, today)).toBe('none');
  });
  it('is open until the due date has passed', () => {
    expect(feedbackState({ due_on: '2026-11-20', given_on: null, told: '' }, today)).toBe('open');
    expect(feedbackState({ due_on: '2026-11-27', given_on: null, told: '' }, today)).toBe('open');
  });
  it('is overdue the day after the due date', () => {
    expect(feedbackState({ due_on: '2026-11-19', given_on: null, told: '' }, today)).toBe('overdue');
  });
  it('is given once recorded, late or not', () => {
    expect(feedbackState({ due_on: '2026-11-01', given_on: '2026-11-18', told: 'x' }, today)).toBe('given');
  });
});

describe('needsContraNote', () => {
  it('only for outreach with a contra-indication', () => {
    expect(needsContraNote('outreach', ['existing_care_trajectory'])).toBe(true);
    expect(needsContraNote('outreach', [])).toBe(false);
    expect(needsContraNote('regular_help', ['existing_care_trajectory'])).toBe(false);
  });
});

describe('parseWhole', () => {
  it('accepts whole numbers from min to max', () => {
    expect(parseWhole('1', 1, 30)).toBe(1);
    expect(parseWhole(' 30 ', 1, 30)).toBe(30);
    expect(parseWhole('0', 1, 30)).toBeNull();
    expect(parseWhole('31', 1, 30)).toBeNull();
    expect(parseWhole('2.5', 1, 30)).toBeNull();
    expect(parseWhole('', 1, 30)).toBeNull();
  });
});
