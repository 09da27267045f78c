import { describe, expect, it } from 'vitest';
import { accessLogQuery, localMidnightUtc, type AccessLogEntry } from './api/accessLog';
import { whatText } from './components/AccessLogEntries';

describe('access-log search query', () => {
  it('sends local dates as the UTC instants of local midnight, `to` including the whole day', () => {
    const from = localMidnightUtc('2026-11-22');
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(new Date(from).getDate()).toBe(22);
    expect(new Date(from).getHours()).toBe(0);
    const q = new URLSearchParams(accessLogQuery({ user: ' 7 ', person: '', from: '2026-11-22', to: '2026-11-22' }, 25));
    expect(q.get('user')).toBe('7');
    expect(q.has('person')).toBe(false);
    expect(q.get('from')).toBe(from);
    expect(new Date(q.get('to')!).getTime() - new Date(from).getTime()).toBeGreaterThanOrEqual(23 * 3600 * 1000);
    expect(q.get('offset')).toBe('25');
    expect(q.get('limit')).toBe('25');
  });

  it('leaves out empty filters', () => {
    const q = new URLSearchParams(accessLogQuery({ user: '', person: '', from: '', to: '' }, 0));
    expect([...q.keys()]).toEqual(['limit', 'offset']);
  });
});

describe('access-log rows', () => {
  const entry = (record_type: string, detail: string | null): AccessLogEntry => ({
    id: 1,
    at: '2026-11-22T10:00:00Z',
    user: { id: 2, display_name: 'Demo Outreacher A' },
    on_behalf_of: null,
    person_id: 158,
    record_type,
    record_id: 158,
    action: 'export',
    detail,
    break_glass_reason: null,
  });

  it('name every kind of record the server logs in Dutch, and an unknown kind as sent', () => {
    expect(whatText(entry('person', null))).toBe('Persoon 158');
    expect(whatText(entry('consent_form', null))).toBe('Toestemmingsformulier 158');
    expect(whatText(entry('case', 'closure'))).toBe('Casus 158 (closure)');
    expect(whatText(entry('something_new', null))).toBe('something_new 158');
  });
});
