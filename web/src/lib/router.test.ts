import { describe, expect, it } from 'vitest';
import { match, parseHash } from './router';

describe('parseHash', () => {
  it('splits path and query', () => {
    const route = parseHash('#/cases/mine?status=closed&sort=next_attempt');
    expect(route.path).toBe('/cases/mine');
    expect(route.query.get('status')).toBe('closed');
    expect(route.query.get('sort')).toBe('next_attempt');
  });
  it('treats an empty hash as the root', () => {
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#').path).toBe('/');
  });
});

describe('match', () => {
  it('extracts named segments', () => {
    expect(match('/signals/:id', '/signals/42')).toEqual({ id: '42' });
    expect(match('/signals/new', '/signals/new')).toEqual({});
  });
  it('refuses other paths', () => {
    expect(match('/signals/:id', '/signals')).toBeNull();
    expect(match('/signals/:id', '/cases/42')).toBeNull();
  });
});
