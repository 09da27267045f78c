// Cases: the trajectory from a signal to a case, contacts, the case lists and their sorting,
// closure and reopening, and bad input on each of them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createSignal, createCase, addContact,
  teamViews, unchangedBy, listAll, localDate, localDateTime,
} from './lib/client.mjs';

let server;
let outreacher;
let lead;
before(async () => {
  server = await startServer();
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
});
after(async () => {
  await server?.stop();
});

const ids = (items) => items.map((item) => item.id);

describe('the trajectory of one case', () => {
  it('signal → outreach → contacts → closure → reopen', async () => {
    const signal = await createSignal(outreacher);
    const decided = await lead.post(`${API}/signals/${signal.id}/decision`, {
      decision: 'outreach', reason: 'serious worry and no care', assigned_worker_ids: [outreacher.user.id],
    });
    expectStatus(decided, 201);
    const caseId = decided.body.case_id;
    assert.equal(typeof caseId, 'number');
    assert.equal(decided.body.signal.status, 'decided');
    assert.equal(decided.body.signal.case_id, caseId);

    const opened = await outreacher.get(`${API}/cases/${caseId}`);
    expectStatus(opened, 200);
    const c = opened.body;
    assert.equal(c.id, caseId);
    assert.equal(c.team_id, signal.team_id);
    assert.equal(c.status, 'open');
    assert.match(c.opened_at, /Z$/);
    assert.equal(c.person.id, signal.person.id);
    assert.equal(c.person.name, signal.person.name);
    assert.deepEqual(c.assigned_workers.map((w) => w.id), [outreacher.user.id]);
    assert.equal(c.assigned_workers[0].display_name, outreacher.user.display_name);
    assert.deepEqual(ids(c.signals), [signal.id]);
    assert.equal(c.decision.decision, 'outreach');
    assert.equal(c.decision.decided_by.id, lead.user.id);
    assert.deepEqual(c.contacts, []);
    assert.equal(c.last_contact_at, null);
    assert.equal(c.days_since_last_contact, null);
    assert.equal(c.next_attempt_date, null);
    assert.equal(c.closure, null);
    assert.deepEqual(c.events.map((e) => e.kind), ['opened']);

    const mine = await listAll(outreacher, `${API}/cases?scope=mine`);
    assert.ok(ids(mine).includes(caseId), 'the new case is not among the worker\'s own cases');

    // Two contacts: a doorbell without answer, then a conversation.
    const first = await addContact(outreacher, caseId, {
      occurred_at: localDateTime(-3, '09:30'), channel: 'doorbell', outcome: 'door_not_opened',
      with_whom: '', note: 'card left behind', next_attempt_date: localDate(2),
    });
    assert.equal(first.case_id, caseId);
    assert.equal(first.occurred_at, localDateTime(-3, '09:30'));
    assert.equal(first.channel, 'doorbell');
    assert.equal(first.outcome, 'door_not_opened');
    assert.equal(first.note, 'card left behind');
    assert.equal(first.next_attempt_date, localDate(2));
    assert.equal(first.created_by.id, outreacher.user.id);
    assert.match(first.created_at, /Z$/);
    const second = await addContact(outreacher, caseId, {
      occurred_at: localDateTime(-1, '14:00'), channel: 'home_visit', outcome: 'appointment_made',
      with_whom: 'the person and a neighbour', note: 'talked about the rent arrears',
      next_attempt_date: localDate(7),
    });

    const contacts = await outreacher.get(`${API}/cases/${caseId}/contacts`);
    expectStatus(contacts, 200);
    assert.deepEqual(contacts.body.items, [second, first]);

    const withContacts = await outreacher.get(`${API}/cases/${caseId}`);
    expectStatus(withContacts, 200);
    assert.deepEqual(withContacts.body.contacts, [second, first]);
    assert.equal(withContacts.body.last_contact_at, localDateTime(-1, '14:00'));
    assert.equal(withContacts.body.days_since_last_contact, 1);
    assert.equal(withContacts.body.next_attempt_date, localDate(7));

    const summary = (await listAll(outreacher, `${API}/cases`)).find((s) => s.id === caseId);
    assert.ok(summary, 'the open case is not in the default list');
    assert.deepEqual(summary, {
      id: caseId,
      team_id: signal.team_id,
      person_name: signal.person.name,
      status: 'open',
      phase: 'preparation',
      opened_at: c.opened_at,
      assigned_workers: c.assigned_workers,
      last_contact_at: localDateTime(-1, '14:00'),
      days_since_last_contact: 1,
      next_attempt_date: localDate(7),
      contact_count: 2,
    });

    // Closure.
    const closed = await outreacher.post(`${API}/cases/${caseId}/closure`, {
      reason: 'client_declines', note: 'does not want help now',
    });
    expectStatus(closed, 200);
    assert.equal(closed.body.status, 'closed');
    assert.equal(closed.body.closure.reason, 'client_declines');
    assert.equal(closed.body.closure.note, 'does not want help now');
    assert.equal(closed.body.closure.closed_by.id, outreacher.user.id);
    assert.match(closed.body.closure.closed_at, /Z$/);
    assert.deepEqual(closed.body.events.map((e) => e.kind), ['opened', 'closed']);
    assert.deepEqual(closed.body.contacts, [second, first]);

    const views = teamViews({ signalIds: [signal.id], caseIds: [caseId] });
    expectProblem(await unchangedBy(outreacher, views, () =>
      outreacher.post(`${API}/cases/${caseId}/contacts`, {
        occurred_at: localDateTime(0, '08:00'), channel: 'phone', outcome: 'conversation',
      })), 409, 'case_closed');
    expectProblem(await unchangedBy(outreacher, views, () =>
      outreacher.post(`${API}/cases/${caseId}/closure`, { reason: 'goal_reached', note: '' })), 409, 'case_closed');

    assert.ok(ids(await listAll(outreacher, `${API}/cases?status=closed`)).includes(caseId));
    assert.ok(!ids(await listAll(outreacher, `${API}/cases?status=open`)).includes(caseId));
    assert.ok(!ids(await listAll(outreacher, `${API}/cases`)).includes(caseId), 'default status must be open');

    // Reopen: needs a reason; then the case is open again, and reopening twice is refused.
    expectFieldErrors(await unchangedBy(outreacher, views, () =>
      outreacher.post(`${API}/cases/${caseId}/reopen`, {})), [['reason', 'required']]);
    const reopened = await lead.post(`${API}/cases/${caseId}/reopen`, { reason: 'the housing officer reports new worries' });
    expectStatus(reopened, 200);
    assert.equal(reopened.body.status, 'open');
    assert.equal(reopened.body.closure, null);
    assert.deepEqual(reopened.body.events.map((e) => e.kind), ['opened', 'closed', 'reopened']);
    const reopenEvent = reopened.body.events[2];
    assert.equal(reopenEvent.reason, 'the housing officer reports new worries');
    assert.equal(reopenEvent.actor.id, lead.user.id);
    assert.equal(reopened.body.events[1].reason, 'client_declines');
    expectProblem(await unchangedBy(outreacher, views, () =>
      outreacher.post(`${API}/cases/${caseId}/reopen`, { reason: 'again' })), 409, 'case_open');

    const third = await addContact(outreacher, caseId, { occurred_at: localDateTime(0, '07:15'), channel: 'phone', outcome: 'brief_contact' });
    const after = await outreacher.get(`${API}/cases/${caseId}`);
    assert.deepEqual(ids(after.body.contacts), [third.id, second.id, first.id]);
  });

  it("scope=mine holds only the user's own cases; scope=team the whole team's", async () => {
    const ownCase = await createCase(outreacher, lead, [outreacher.user.id]);
    const leadsCase = await createCase(outreacher, lead, [lead.user.id]);
    const mine = ids(await listAll(outreacher, `${API}/cases?scope=mine`));
    const team = ids(await listAll(outreacher, `${API}/cases?scope=team`));
    const byDefault = ids(await listAll(outreacher, `${API}/cases`));
    assert.ok(mine.includes(ownCase.id));
    assert.ok(!mine.includes(leadsCase.id));
    assert.ok(team.includes(ownCase.id) && team.includes(leadsCase.id));
    assert.deepEqual(byDefault.sort(), team.sort());
    for (const item of await listAll(outreacher, `${API}/cases?scope=mine&status=all`)) {
      assert.ok(item.assigned_workers.some((w) => w.id === outreacher.user.id), `case ${item.id} is not the user's`);
    }
  });
});

describe('case list sorting', () => {
  let never;
  let tenDays;
  let twoDays;
  before(async () => {
    never = await createCase(outreacher, lead, [outreacher.user.id]);
    tenDays = await createCase(outreacher, lead, [outreacher.user.id]);
    twoDays = await createCase(outreacher, lead, [outreacher.user.id]);
    await addContact(outreacher, tenDays.id, { occurred_at: localDateTime(-10), next_attempt_date: localDate(1) });
    await addContact(outreacher, twoDays.id, { occurred_at: localDateTime(-2), next_attempt_date: localDate(5) });
  });

  const orderOf = (items) => {
    const listed = ids(items);
    return [never.id, tenDays.id, twoDays.id].sort((a, b) => listed.indexOf(a) - listed.indexOf(b));
  };
  // Days without contact, with never contacted as the longest.
  const days = (item) => item.days_since_last_contact ?? Infinity;

  it('days_since_contact descending (the default): longest without contact first, never contacted first of all', async () => {
    for (const query of ['', '?sort=days_since_contact&order=desc']) {
      const items = await listAll(outreacher, `${API}/cases${query}`);
      for (let i = 1; i < items.length; i += 1) {
        assert.ok(days(items[i - 1]) >= days(items[i]), `${query}: out of order at ${i}`);
      }
      assert.deepEqual(orderOf(items), [never.id, tenDays.id, twoDays.id]);
    }
    const summary = (await listAll(outreacher, `${API}/cases`)).find((s) => s.id === tenDays.id);
    assert.equal(summary.days_since_last_contact, 10);
  });

  it('days_since_contact ascending: most recent contact first, never contacted last', async () => {
    const items = await listAll(outreacher, `${API}/cases?sort=days_since_contact&order=asc`);
    for (let i = 1; i < items.length; i += 1) {
      assert.ok(days(items[i - 1]) <= days(items[i]), `out of order at ${i}`);
    }
    assert.deepEqual(orderOf(items), [twoDays.id, tenDays.id, never.id]);
  });

  it('next_attempt ascending: earliest planned attempt first, cases without one last', async () => {
    const items = await listAll(outreacher, `${API}/cases?sort=next_attempt&order=asc`);
    const key = (item) => item.next_attempt_date ?? '9999-12-31';
    for (let i = 1; i < items.length; i += 1) {
      assert.ok(key(items[i - 1]) <= key(items[i]), `out of order at ${i}`);
    }
    assert.deepEqual(orderOf(items), [tenDays.id, twoDays.id, never.id]);
  });
});

describe('bad contact, closure and reopen input is refused and stores nothing', () => {
  let open;
  let closed;
  before(async () => {
    open = await createCase(outreacher, lead, [outreacher.user.id]);
    closed = await createCase(outreacher, lead, [outreacher.user.id]);
    expectStatus(await outreacher.post(`${API}/cases/${closed.id}/closure`, { reason: 'goal_reached', note: '' }), 200);
  });
  const valid = () => ({ occurred_at: localDateTime(-1), channel: 'phone', outcome: 'conversation' });

  const contactCases = [
    ['missing required fields', () => ({}), [['occurred_at', 'required'], ['channel', 'required'], ['outcome', 'required']]],
    ['unknown channel', () => ({ ...valid(), channel: 'carrier_pigeon' }), [['channel', 'unknown_value']]],
    ['unknown outcome', () => ({ ...valid(), outcome: 'splendid' }), [['outcome', 'unknown_value']]],
    ['occurred_at on a day that does not exist', () => ({ ...valid(), occurred_at: '2025-02-30T10:00' }),
      [['occurred_at', 'invalid_datetime']]],
    ['occurred_at at an hour that does not exist', () => ({ ...valid(), occurred_at: `${localDate(-1)}T25:00` }),
      [['occurred_at', 'invalid_datetime']]],
    ['occurred_at without a time', () => ({ ...valid(), occurred_at: localDate(-1) }), [['occurred_at', 'invalid_datetime']]],
    ['occurred_at more than a day ahead', () => ({ ...valid(), occurred_at: localDateTime(3) }), [['occurred_at', 'in_future']]],
    ['next_attempt_date 2025-02-30', () => ({ ...valid(), next_attempt_date: '2025-02-30' }), [['next_attempt_date', 'invalid_date']]],
    ['note over 4000', () => ({ ...valid(), note: 'n'.repeat(4001) }), [['note', 'too_long']]],
    ['with_whom over 500', () => ({ ...valid(), with_whom: 'w'.repeat(501) }), [['with_whom', 'too_long']]],
    ['channel not a string', () => ({ ...valid(), channel: 3 }), [['channel', 'invalid_type']]],
  ];
  for (const [name, body, errors] of contactCases) {
    it(`contact, ${name}: 422`, async () => {
      const res = await unchangedBy(outreacher, teamViews({ caseIds: [open.id] }), () =>
        outreacher.post(`${API}/cases/${open.id}/contacts`, body()));
      expectFieldErrors(res, errors);
    });
  }

  it('contact, malformed JSON: 400 invalid_json', async () => {
    const res = await unchangedBy(outreacher, teamViews({ caseIds: [open.id] }), () =>
      outreacher.request('POST', `${API}/cases/${open.id}/contacts`, {
        body: '{"channel": "phone"', headers: { 'content-type': 'application/json' },
      }));
    expectProblem(res, 400, 'invalid_json');
  });

  const closureCases = [
    ['missing reason', { note: '' }, [['reason', 'required']]],
    ['unknown reason', { reason: 'bored', note: '' }, [['reason', 'unknown_value']]],
    ['reason other without note', { reason: 'other', note: '' }, [['note', 'required']]],
    ['note over 4000', { reason: 'referred', note: 'n'.repeat(4001) }, [['note', 'too_long']]],
  ];
  for (const [name, body, errors] of closureCases) {
    it(`closure, ${name}: 422`, async () => {
      const res = await unchangedBy(outreacher, teamViews({ caseIds: [open.id] }), () =>
        outreacher.post(`${API}/cases/${open.id}/closure`, body));
      expectFieldErrors(res, errors);
    });
  }

  it('reopen, reason over 500: 422', async () => {
    const res = await unchangedBy(outreacher, teamViews({ caseIds: [closed.id] }), () =>
      outreacher.post(`${API}/cases/${closed.id}/reopen`, { reason: 'r'.repeat(501) }));
    expectFieldErrors(res, [['reason', 'too_long']]);
  });

  it('unknown case ids answer 404 not_found for every method', async () => {
    const views = teamViews();
    expectProblem(await outreacher.get(`${API}/cases/999999999`), 404, 'not_found');
    expectProblem(await outreacher.get(`${API}/cases/999999999/contacts`), 404, 'not_found');
    expectProblem(await unchangedBy(outreacher, views, () =>
      outreacher.post(`${API}/cases/999999999/contacts`, valid())), 404, 'not_found');
    expectProblem(await unchangedBy(outreacher, views, () =>
      outreacher.post(`${API}/cases/999999999/closure`, { reason: 'goal_reached', note: '' })), 404, 'not_found');
    expectProblem(await unchangedBy(outreacher, views, () =>
      outreacher.post(`${API}/cases/999999999/reopen`, { reason: 'x' })), 404, 'not_found');
  });
});
