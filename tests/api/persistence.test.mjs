// Persistence in making contact ("aanklampen") and the caseload: team settings, the next attempt
// date on contacts, stuck cases with their attempt history, time to first contact, caseload per
// worker. Bad input on each, checking nothing changed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createCase, addContact, teamViews, unchangedBy,
  listAll, localDate, localDateTime,
} from './lib/client.mjs';

let server;
let outreacher;
let outreacherB;
let lead;
let leadB;
let admin;
let teamA;
before(async () => {
  server = await startServer();
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  outreacherB = await loginAs(server.baseUrl, DEMO.outreacherB);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
  leadB = await loginAs(server.baseUrl, DEMO.leadB);
  admin = await loginAs(server.baseUrl, DEMO.admin);
  teamA = lead.user.teams[0].id;
});
after(async () => {
  await server?.stop();
});

const settingsPath = () => `${API}/teams/${teamA}/settings`;
const settingsViews = () => ({ lists: [], records: [settingsPath()] });

const makingContactCase = async () => {
  const c = await createCase(outreacher, lead, [outreacher.user.id]);
  expectStatus(await outreacher.post(`${API}/cases/${c.id}/transitions`, { event: 'start_contact', reason: 'go' }), 200);
  return c;
};

describe('team settings', () => {
  it('a new team has the default cadence and thresholds; the lead changes them', async () => {
    const res = await lead.get(settingsPath());
    expectStatus(res, 200);
    assert.deepEqual(res.body, { team_id: teamA, cadence_days: [2, 3, 7], stuck_attempts: 5, stuck_days: 14 });
    const changed = await lead.patch(settingsPath(), { cadence_days: [1, 4], stuck_days: 21 });
    expectStatus(changed, 200);
    assert.deepEqual(changed.body, { team_id: teamA, cadence_days: [1, 4], stuck_attempts: 5, stuck_days: 21 });
    assert.deepEqual((await admin.get(settingsPath())).body, changed.body);
    const restored = await admin.patch(settingsPath(), { cadence_days: [2, 3, 7], stuck_days: 14 });
    expectStatus(restored, 200);
  });

  it('values out of range: 422, nothing changed', async () => {
    for (const [body, field, code] of [
      [{ stuck_attempts: 0 }, 'stuck_attempts', 'out_of_range'],
      [{ stuck_attempts: 51 }, 'stuck_attempts', 'out_of_range'],
      [{ stuck_days: 91 }, 'stuck_days', 'out_of_range'],
      [{ cadence_days: [2, 0] }, 'cadence_days[1]', 'out_of_range'],
      [{ cadence_days: [] }, 'cadence_days', 'required'],
      [{ cadence_days: 'soon' }, 'cadence_days', 'invalid_type'],
      [{ stuck_days: 'x' }, 'stuck_days', 'invalid_type'],
    ]) {
      const res = await unchangedBy(lead, settingsViews(), () => lead.patch(settingsPath(), body));
      expectFieldErrors(res, [[field, code]]);
    }
  });

  it('an outreacher is refused (403), another team is not found (404), nothing changed', async () => {
    expectProblem(await outreacher.get(settingsPath()), 403, 'forbidden');
    expectProblem(await unchangedBy(lead, settingsViews(), () => outreacher.patch(settingsPath(), { stuck_days: 3 })),
      403, 'forbidden');
    expectProblem(await leadB.get(settingsPath()), 404, 'not_found');
    expectProblem(await unchangedBy(lead, settingsViews(), () => leadB.patch(settingsPath(), { stuck_days: 3 })),
      404, 'not_found');
    expectProblem(await admin.get(`${API}/teams/999999/settings`), 404, 'not_found');
  });
});

describe('next attempt date', () => {
  it('making contact without reaching the person needs a next attempt date: 422, nothing changed', async () => {
    const c = await makingContactCase();
    const res = await unchangedBy(outreacher, teamViews({ caseIds: [c.id] }), () =>
      outreacher.post(`${API}/cases/${c.id}/contacts`, {
        occurred_at: localDateTime(-1), channel: 'doorbell', outcome: 'not_at_home',
      }));
    expectFieldErrors(res, [['next_attempt_date', 'required']]);
    await addContact(outreacher, c.id, { next_attempt_date: localDate(3) });
    await addContact(outreacher, c.id, { outcome: 'brief_contact', next_attempt_date: null });
  });

  it('the case offers the team cadence and shows the days to first contact', async () => {
    const c = await makingContactCase();
    assert.deepEqual(c.cadence_days, [2, 3, 7]);
    assert.equal(c.days_to_first_contact, null);
    await addContact(outreacher, c.id, { next_attempt_date: localDate(2), occurred_at: localDateTime(0, '00:00') });
    assert.equal((await outreacher.get(`${API}/cases/${c.id}`)).body.days_to_first_contact, null);
    await addContact(outreacher, c.id, { outcome: 'conversation', occurred_at: localDateTime(0, '00:01') });
    const after = (await outreacher.get(`${API}/cases/${c.id}`)).body;
    const days = (Date.parse(localDate(0)) - Date.parse(c.signals[0].intake_date)) / 86400000;
    assert.equal(after.days_to_first_contact, days);
  });
});

describe('stuck cases', () => {
  it('a case with five attempts without contact is stuck, with its attempt history', async () => {
    const c = await makingContactCase();
    const stuckIds = async () => (await listAll(outreacher, `${API}/cases?stuck=true`)).map((k) => k.id);
    for (let i = 0; i < 4; i += 1) {
      await addContact(outreacher, c.id, {
        channel: i % 2 ? 'phone' : 'home_visit', next_attempt_date: localDate(2), occurred_at: localDateTime(0, `00:0${i}`),
      });
    }
    assert.ok(!(await stuckIds()).includes(c.id));
    await addContact(outreacher, c.id, { outcome: 'door_not_opened', next_attempt_date: localDate(2),
      occurred_at: localDateTime(0, '00:05') });
    const all = await listAll(outreacher, `${API}/cases?stuck=true`);
    const found = all.find((k) => k.id === c.id);
    assert.ok(found, 'the case is listed as stuck');
    assert.equal(found.attempts.total, 5);
    assert.equal(found.attempts.without_contact, 5);
    assert.deepEqual(found.attempts.by_channel, { doorbell: 1, home_visit: 2, phone: 2 });
    assert.deepEqual(found.attempts.by_outcome, { door_not_opened: 1, not_at_home: 4 });
    for (const k of all) assert.equal(k.team_id, teamA);
    assert.ok(!(await listAll(leadB, `${API}/cases?stuck=true`)).some((k) => k.id === c.id));
    await addContact(outreacher, c.id, { outcome: 'brief_contact', occurred_at: localDateTime(0, '00:06') });
    assert.ok(!(await stuckIds()).includes(c.id));
  });

  it('stuck must be true or false: 422', async () => {
    expectFieldErrors(await outreacher.get(`${API}/cases?stuck=maybe`), [['stuck', 'unknown_value']]);
  });
});

describe('caseload', () => {
  const views = () => ({ lists: [], records: [`${API}/caseload`] });

  it('an outreacher sees their own caseload; attempts this week count contacts they log', async () => {
    const res = await outreacher.get(`${API}/caseload`);
    expectStatus(res, 200);
    assert.equal(res.body.items.length, 1);
    const mine = res.body.items[0];
    assert.equal(mine.user.id, outreacher.user.id);
    assert.equal(typeof res.body.week.monday, 'string');
    assert.deepEqual(Object.keys(mine.active_by_phase).sort(),
      ['follow_up', 'help', 'making_contact', 'monitoring', 'preparation']);
    const c = await makingContactCase();
    await addContact(outreacher, c.id, { next_attempt_date: localDate(2), occurred_at: localDateTime(0, '00:00') });
    const after = (await outreacher.get(`${API}/caseload?user_id=${outreacher.user.id}`)).body.items[0];
    assert.equal(after.attempts_this_week, mine.attempts_this_week + 1);
    assert.equal(after.active_cases, mine.active_cases + 1);
    assert.equal(after.active_by_phase.making_contact, mine.active_by_phase.making_contact + 1);
  });

  it('a team lead sees every worker of their team', async () => {
    const res = await lead.get(`${API}/caseload`);
    expectStatus(res, 200);
    const ids = res.body.items.map((w) => w.user.id);
    assert.ok(ids.includes(outreacher.user.id) && ids.includes(lead.user.id));
    assert.ok(!ids.includes(outreacherB.user.id));
    expectStatus(await lead.get(`${API}/caseload?user_id=${outreacher.user.id}`), 200);
  });

  it('bad requests: another worker 403, unknown or other-team user 404', async () => {
    expectProblem(await unchangedBy(outreacher, views(),
      () => outreacher.get(`${API}/caseload?user_id=${lead.user.id}`)), 403, 'forbidden');
    expectProblem(await unchangedBy(lead, views(), () => lead.get(`${API}/caseload?user_id=999999`)), 404, 'not_found');
    expectProblem(await unchangedBy(lead, views(), () => lead.get(`${API}/caseload?user_id=abc`)), 404, 'not_found');
    expectProblem(await unchangedBy(lead, views(),
      () => lead.get(`${API}/caseload?user_id=${outreacherB.user.id}`)), 404, 'not_found');
  });
});
