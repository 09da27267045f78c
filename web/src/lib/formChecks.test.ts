import { describe, expect, it } from 'vitest';
import { validateHandover } from './formChecks';
import { MAX } from './limits';

describe('handover check', () => {
  it('needs both workers and a note within its length', () => {
    expect(Object.keys(validateHandover('', '', ' ')).sort()).toEqual(['from_user_id', 'note', 'to_user_id']);
    expect(Object.keys(validateHandover('1', '2', 'x'.repeat(MAX.long + 1)))).toEqual(['note']);
    expect(validateHandover('1', '2', 'Geen klik')).toEqual({});
  });
});
