import { afterEach, describe, expect, it } from 'vitest';
import { langStore } from '../../i18n';
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
  const entry = (record_type: string, detail: string | null, record_id: number | null = 7): AccessLogEntry => ({
    id: 1,
    at: '2026-11-22T10:00:00Z',
    user: { id: 2, display_name: 'Demo Teamleider A' },
    on_behalf_of: 'team:1',
    person_id: 3,
    record_type,
    record_id,
    action: 'read',
    detail,
    break_glass_reason: null,
  });

  afterEach(() => langStore.set('nl'));

  it('name every kind of record the server logs, and the parts of a case, in the UI language', () => {
    expect(whatText(entry('exchange', null, null))).toBe('Informatie-uitwisseling');
    expect(whatText(entry('consent', 'withdrawn'))).toBe('Toestemming 7 (ingetrokken)');
    expect(whatText(entry('consent_form', null, null))).toBe('Toestemmingsformulier');
    expect(whatText(entry('consent_stance', null, null))).toBe('Houding van de cliënt');
    expect(whatText(entry('person', null))).toBe('Persoon 7');
    expect(whatText(entry('case', 'timeline'))).toBe('Casus 7 (tijdlijn)');
    expect(whatText(entry('case', 'contacts'))).toBe('Casus 7 (contactmomenten)');
    expect(whatText(entry('check_in', null))).toBe('Nabelmoment 7');
    expect(whatText(entry('case', 'transition=start_contact'))).toBe('Casus 7 (Start contactlegging)');
    expect(whatText(entry('signal', 'decision=outreach'))).toBe('Signaal 7 (Outreachend traject)');
    expect(whatText(entry('case', 'closure'))).toBe('Casus 7 (afgesloten)');
    expect(whatText(entry('person', 'subject-access export'))).toBe('Persoon 7 (export voor inzage)');
    langStore.set('en');
    expect(whatText(entry('exchange', null, null))).toBe('Information exchange');
    expect(whatText(entry('case', 'preparation'))).toBe('Case 7 (preparation)');
  });

  it('put a search in words: its conditions without the empty ones, and what it found', () => {
    expect(whatText(entry('case', 'scope=team&status=open&phase=&review_due=true ids=1,2', null))).toBe(
      'Casus (bereik: team; status: Open; bespreking nodig: ja; 2 resultaten: 1, 2)',
    );
    expect(whatText(entry('case', 'scope=mine&status=all&phase=monitoring ids=', null))).toBe(
      'Casus (bereik: eigen caseload; status: alle; fase: Cliënt volgen; geen resultaten)',
    );
    expect(whatText(entry('signal', 'status=awaiting_decision&feedback=overdue ids=5', null))).toBe(
      'Signaal (status: Wacht op besluit; terugkoppeling: te laat; 1 resultaat: 5)',
    );
    const from = 1_795_000_000;
    expect(whatText(entry('access_log', `person=3&from=${from}`, null))).toMatch(/^Toegangslog \(persoon: 3; vanaf: .*2026/);
  });

  it('show unknown kinds and details as sent', () => {
    expect(whatText(entry('something_new', null))).toBe('something_new 7');
    expect(whatText(entry('case', 'a new kind of detail', null))).toBe('Casus (a new kind of detail)');
  });
});
