// Monitoring (cliënt volgen): check-ins in the monitoring phase or after closure, their outcomes
// and the team's overdue check-ins; the monthly process reviews and the cases due for one. Bad
// input on each endpoint, checking nothing changed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createCase, teamViews, unchangedBy, listAll,
  localDate,
} from './lib/client.mjs';

let server;
let outreacher;
let lead;
let leadB;
before(async () => {
  server = await startServer();
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
  leadB = await loginAs(server.baseUrl, DEMO.leadB);
});
after(async () => {
  await server?.stop();
});

const fieldErrors = (res, expected) => expectFieldErrors(res, Object.entries(expected));
const OVERDUE = `${API}/check-ins?overdue=true`;

const views = (caseId) => {
  const v = teamViews({ caseIds: [caseId] });
  v.records.push(`${API}/cases/${caseId}/timeline`, OVERDUE);
  return v;
};

const move = (client, caseId, event) =>
  client.post(`${API}/cases/${caseId}/transitions`, { event, reason: 'agreed in the team meeting' });

async function monitoredCase() {
  const c = await createCase(outreacher, lead, [outreacher.user.id]);
  for (const event of ['start_contact', 'contact_made', 'start_monitoring']) expectStatus(await move(outreacher, c.id, event), 200);
  return c;
}

const schedule = (client, caseId, body = {}) =>
  client.post(`${API}/cases/${caseId}/check-ins`, { planned_on: localDate(14), worker_id: outreacher.user.id, ...body });

const review = (client, caseId, body = {}) =>
  client.post(`${API}/cases/${caseId}/reviews`, {
    held_on: localDate(0), attendees: 'Team lead, outreacher', notes: 'Contact is steady.', decision: 'continue', ...body,
  });

describe('check-ins', () => {
  it('are scheduled in monitoring, get an outcome, suggest reopening and show on the timeline', async () => {
    const c = await monitoredCase();
    let res = await schedule(outreacher, c.id);
    expectStatus(res, 201);
    assert.equal(res.body.planned_on, localDate(14));
    assert.equal(res.body.worker.id, outreacher.user.id);
    assert.equal(res.body.outcome, null);
    assert.equal(res.body.suggest_reopen, false);
    const checkIn = res.body;

    res = await outreacher.post(`${API}/cases/${c.id}/check-ins/${checkIn.id}/outcome`,
      { done_on: localDate(0), outcome: 'worried', note: 'Curtains closed for a week.' });
    expectStatus(res, 200);
    assert.equal(res.body.outcome, 'worried');
    assert.equal(res.body.suggest_reopen, true);

    const good = (await schedule(outreacher, c.id)).body;
    res = await outreacher.post(`${API}/cases/${c.id}/check-ins/${good.id}/outcome`,
      { done_on: localDate(0), outcome: 'doing_well', note: '' });
    expectStatus(res, 200);
    assert.equal(res.body.suggest_reopen, false);

    const found = await outreacher.get(`${API}/cases/${c.id}`);
    assert.deepEqual(found.body.check_ins.map((x) => [x.id, x.suggest_reopen]), [[checkIn.id, true], [good.id, false]]);
    const timeline = await outreacher.get(`${API}/cases/${c.id}/timeline?kind=check_in`);
    expectStatus(timeline, 200);
    assert.equal(timeline.body.items.length, 2);
    assert.equal(timeline.body.items[0].details.outcome, 'worried');
  });

  it('overdue check-ins (planned before today, no outcome) are listed for the team only', async () => {
    const c = await monitoredCase();
    const late = (await schedule(outreacher, c.id, { planned_on: localDate(-3) })).body;
    const due = (await schedule(outreacher, c.id, { planned_on: localDate(0) })).body;
    let res = await lead.get(OVERDUE);
    expectStatus(res, 200);
    const ids = res.body.items.map((x) => x.id);
    assert.ok(ids.includes(late.id));
    assert.ok(!ids.includes(due.id));
    assert.equal(res.body.items.find((x) => x.id === late.id).case_id, c.id);
    res = await leadB.get(OVERDUE);
    expectStatus(res, 200);
    assert.ok(!res.body.items.some((x) => x.id === late.id));

    await outreacher.post(`${API}/cases/${c.id}/check-ins/${late.id}/outcome`,
      { done_on: localDate(0), outcome: 'lost_contact', note: '' });
    assert.ok(!(await lead.get(OVERDUE)).body.items.some((x) => x.id === late.id));
    expectProblem(await lead.get(`${API}/check-ins`), 422, 'validation_failed');
  });

  it('a case closed because the client declines allows one later check-in', async () => {
    const c = await monitoredCase();
    expectStatus(await schedule(outreacher, c.id), 201);
    expectStatus(await outreacher.post(`${API}/cases/${c.id}/closure`, { reason: 'client_declines', note: '' }), 200);
    expectStatus(await schedule(outreacher, c.id), 201);
    const res = await unchangedBy(outreacher, views(c.id), () => schedule(outreacher, c.id));
    expectProblem(res, 409, 'conflict');

    const other = await monitoredCase();
    expectStatus(await outreacher.post(`${API}/cases/${other.id}/closure`, { reason: 'goal_reached', note: '' }), 200);
    expectStatus(await schedule(outreacher, other.id), 201);
    expectStatus(await schedule(outreacher, other.id), 201);
  });

  it('refuses bad input and changes nothing', async () => {
    const c = await monitoredCase();
    const checkIn = (await schedule(outreacher, c.id)).body;
    const outcome = (body) => () => outreacher.post(`${API}/cases/${c.id}/check-ins/${checkIn.id}/outcome`, body);

    let res = await unchangedBy(outreacher, views(c.id), outcome({ done_on: localDate(0), outcome: 'fine', note: '' }));
    fieldErrors(res, { outcome: 'unknown_value' });
    res = await unchangedBy(outreacher, views(c.id), outcome({ done_on: localDate(2), outcome: 'worried', note: '' }));
    fieldErrors(res, { done_on: 'in_future' });
    res = await unchangedBy(outreacher, views(c.id),
      () => outreacher.post(`${API}/cases/${c.id}/check-ins/999999/outcome`, { done_on: localDate(0), outcome: 'worried' }));
    expectProblem(res, 404, 'not_found');

    res = await unchangedBy(outreacher, views(c.id), () => schedule(outreacher, c.id, { worker_id: leadB.user.id }));
    fieldErrors(res, { worker_id: 'not_team_member' });
    res = await unchangedBy(outreacher, views(c.id), () => schedule(outreacher, c.id, { planned_on: '2026-02-30' }));
    fieldErrors(res, { planned_on: 'invalid_date' });

    const early = await createCase(outreacher, lead, [outreacher.user.id]);
    expectStatus(await move(outreacher, early.id, 'start_contact'), 200);
    res = await unchangedBy(outreacher, views(early.id), () => schedule(outreacher, early.id));
    expectProblem(res, 409, 'conflict');

    res = await unchangedBy(outreacher, views(c.id), () => schedule(leadB, c.id));
    expectProblem(res, 404, 'not_found');
    expectStatus(await outcome({ done_on: localDate(0), outcome: 'doing_well' })(), 200);
    res = await unchangedBy(outreacher, views(c.id), outcome({ done_on: localDate(0), outcome: 'worried' }));
    expectProblem(res, 409, 'conflict');
  });
});

describe('process reviews', () => {
  it('are listed on the case newest first and on the timeline; decisions do not move the case', async () => {
    const c = await monitoredCase();
    let res = await review(outreacher, c.id, { held_on: localDate(-40), decision: 'change_approach' });
    expectStatus(res, 201);
    assert.equal(res.body.decision, 'change_approach');
    res = await review(lead, c.id, { decision: 'close' });
    expectStatus(res, 201);
    const found = await outreacher.get(`${API}/cases/${c.id}`);
    assert.deepEqual(found.body.reviews.map((r) => r.decision), ['close', 'change_approach']);
    assert.equal(found.body.phase, 'monitoring');
    assert.equal(found.body.status, 'open');
    const timeline = await outreacher.get(`${API}/cases/${c.id}/timeline?kind=review`);
    assert.equal(timeline.body.items.length, 2);
  });

  it('cases are due for review when their last review or opening is more than 30 days ago', async () => {
    const due = await listAll(lead, `${API}/cases?review_due=true`);
    assert.ok(due.length > 0, 'the demo has old cases without reviews');
    assert.ok(due.every((k) => k.status === 'open'));
    const fresh = await monitoredCase();
    assert.ok(!due.some((k) => k.id === fresh.id), 'a case opened today is not due');

    const target = due[0];
    expectStatus(await review(lead, target.id, { held_on: localDate(-31) }), 201);
    assert.ok((await listAll(lead, `${API}/cases?review_due=true`)).some((k) => k.id === target.id));
    expectStatus(await review(lead, target.id, { held_on: localDate(-30) }), 201);
    assert.ok(!(await listAll(lead, `${API}/cases?review_due=true`)).some((k) => k.id === target.id));

    const otherTeam = await listAll(leadB, `${API}/cases?review_due=true`);
    assert.ok(!otherTeam.some((k) => k.id === target.id));
    fieldErrors(await lead.get(`${API}/cases?review_due=maybe`), { review_due: 'unknown_value' });
  });

  it('refuses bad input and changes nothing', async () => {
    const c = await monitoredCase();
    let res = await unchangedBy(outreacher, views(c.id), () => review(outreacher, c.id, { decision: 'adjourn' }));
    fieldErrors(res, { decision: 'unknown_value' });
    res = await unchangedBy(outreacher, views(c.id), () => review(outreacher, c.id, { attendees: ' ' }));
    fieldErrors(res, { attendees: 'required' });
    res = await unchangedBy(outreacher, views(c.id), () => review(outreacher, c.id, { held_on: localDate(1) }));
    fieldErrors(res, { held_on: 'in_future' });
    res = await unchangedBy(outreacher, views(c.id), () => review(leadB, c.id));
    expectProblem(res, 404, 'not_found');
  });
});
