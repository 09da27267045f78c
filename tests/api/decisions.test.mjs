// Team decisions on signals: who may decide, what a decision needs, the history of decisions,
// and that a decision which opened a case is final.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createSignal, teamViews, unchangedBy,
} from './lib/client.mjs';

let server;
let outreacher;
let lead;
let outreacherB;
let admin;
before(async () => {
  server = await startServer();
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
  outreacherB = await loginAs(server.baseUrl, DEMO.outreacherB);
  admin = await loginAs(server.baseUrl, DEMO.admin);
});
after(async () => {
  await server?.stop();
});

const decide = (client, signalId, body) => client.post(`${API}/signals/${signalId}/decision`, body);

describe('who may decide', () => {
  it('an outreacher deciding answers 403 forbidden and stores nothing', async () => {
    const signal = await createSignal(outreacher);
    const res = await unchangedBy(lead, teamViews({ signalIds: [signal.id] }), () =>
      decide(outreacher, signal.id, {
        decision: 'outreach', reason: 'serious worry', assigned_worker_ids: [outreacher.user.id],
      }),
    );
    expectProblem(res, 403, 'forbidden');
  });

  it('an admin outside the team cannot decide: 404 as for any other team', async () => {
    const signal = await createSignal(outreacher);
    const res = await unchangedBy(lead, teamViews({ signalIds: [signal.id] }), () =>
      decide(admin, signal.id, { decision: 'no_action', reason: 'none' }),
    );
    expectProblem(res, 404, 'not_found');
  });
});

describe('bad decisions are refused and store nothing', () => {
  const cases = [
    ['missing decision and reason', () => ({}), [['decision', 'required'], ['reason', 'required']]],
    ['unknown decision', () => ({ decision: 'maybe_later', reason: 'x' }), [['decision', 'unknown_value']]],
    ['reason over 500', () => ({ decision: 'no_action', reason: 'r'.repeat(501) }), [['reason', 'too_long']]],
    ['outreach without workers', () => ({ decision: 'outreach', reason: 'x', assigned_worker_ids: [] }),
      [[/^assigned_worker_ids/]]],
    ['outreach with three workers', () => ({
      decision: 'outreach', reason: 'x', assigned_worker_ids: [outreacher.user.id, lead.user.id, outreacherB.user.id],
    }), [[/^assigned_worker_ids/]]],
    ['outreach with the same worker twice', () => ({
      decision: 'outreach', reason: 'x', assigned_worker_ids: [outreacher.user.id, outreacher.user.id],
    }), [[/^assigned_worker_ids/, 'duplicate']]],
    ["outreach with another team's worker", () => ({
      decision: 'outreach', reason: 'x', assigned_worker_ids: [outreacherB.user.id],
    }), [[/^assigned_worker_ids/, 'not_team_member']]],
    ['outreach with an admin who is not in the team', () => ({
      decision: 'outreach', reason: 'x', assigned_worker_ids: [admin.user.id],
    }), [[/^assigned_worker_ids/, 'not_team_member']]],
    ['outreach with a user id that does not exist', () => ({
      decision: 'outreach', reason: 'x', assigned_worker_ids: [999999999],
    }), [[/^assigned_worker_ids/, 'not_team_member']]],
    ['assigned_worker_ids not a list', () => ({
      decision: 'outreach', reason: 'x', assigned_worker_ids: String(outreacher.user.id),
    }), [['assigned_worker_ids', 'invalid_type']]],
    ['regular help with workers', () => ({
      decision: 'regular_help', reason: 'x', assigned_worker_ids: [outreacher.user.id],
    }), [[/^assigned_worker_ids/]]],
  ];
  for (const [name, body, errors] of cases) {
    it(`${name}: 422`, async () => {
      const signal = await createSignal(outreacher);
      const res = await unchangedBy(lead, teamViews({ signalIds: [signal.id] }), () =>
        decide(lead, signal.id, body()),
      );
      expectFieldErrors(res, errors);
    });
  }

  it('malformed JSON: 400 invalid_json', async () => {
    const signal = await createSignal(outreacher);
    const res = await unchangedBy(lead, teamViews({ signalIds: [signal.id] }), () =>
      lead.request('POST', `${API}/signals/${signal.id}/decision`, {
        body: '{"decision": outreach}',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expectProblem(res, 400, 'invalid_json');
  });

  it('a deactivated worker cannot be assigned', async () => {
    const teamId = lead.user.teams[0].id;
    const created = await admin.post(`${API}/users`, {
      username: 'inactive-worker-example',
      display_name: 'Inactive Worker Example',
      role: 'outreacher',
      password: 'a-long-enough-password',
      team_ids: [teamId],
    });
    expectStatus(created, 201);
    expectStatus(await admin.patch(`${API}/users/${created.body.id}`, { active: false }), 200);
    const signal = await createSignal(outreacher);
    const res = await unchangedBy(lead, teamViews({ signalIds: [signal.id] }), () =>
      decide(lead, signal.id, { decision: 'outreach', reason: 'x', assigned_worker_ids: [created.body.id] }),
    );
    expectFieldErrors(res, [[/^assigned_worker_ids/, 'not_team_member']]);
  });
});

describe('decision history', () => {
  it('keeps every decision that opened no case, oldest first, then outreach is final', async () => {
    const signal = await createSignal(outreacher);

    const first = await decide(lead, signal.id, { decision: 'regular_help', reason: 'existing care trajectory' });
    expectStatus(first, 201);
    assert.equal(first.body.case_id, null);
    assert.equal(first.body.signal.status, 'decided');
    assert.equal(first.body.signal.case_id, null);
    assert.equal(first.body.signal.decisions.length, 1);
    const [d1] = first.body.signal.decisions;
    assert.equal(d1.decision, 'regular_help');
    assert.equal(d1.reason, 'existing care trajectory');
    assert.equal(d1.decided_by.id, lead.user.id);
    assert.equal(d1.case_id, null);
    assert.match(d1.decided_at, /Z$/);

    const second = await decide(lead, signal.id, { decision: 'referral', reason: 'the care stopped' });
    expectStatus(second, 201);
    assert.deepEqual(second.body.signal.decisions.map((d) => d.decision), ['regular_help', 'referral']);
    assert.deepEqual(second.body.signal.decisions[0], d1);

    const third = await decide(lead, signal.id, {
      decision: 'outreach', reason: 'not approachable otherwise', assigned_worker_ids: [outreacher.user.id],
    });
    expectStatus(third, 201);
    assert.equal(typeof third.body.case_id, 'number');
    assert.equal(third.body.signal.case_id, third.body.case_id);
    assert.deepEqual(third.body.signal.decisions.map((d) => d.decision), ['regular_help', 'referral', 'outreach']);
    assert.equal(third.body.signal.decisions[2].case_id, third.body.case_id);

    const stored = await lead.get(`${API}/signals/${signal.id}`);
    expectStatus(stored, 200);
    assert.deepEqual(stored.body, third.body.signal);

    for (const body of [
      { decision: 'no_action', reason: 'changed our mind' },
      { decision: 'outreach', reason: 'again', assigned_worker_ids: [lead.user.id] },
    ]) {
      const res = await unchangedBy(lead, teamViews({ signalIds: [signal.id], caseIds: [third.body.case_id] }), () =>
        decide(lead, signal.id, body),
      );
      expectProblem(res, 409, 'conflict');
    }
  });

  it('outreach with two workers opens one case with both', async () => {
    const signal = await createSignal(outreacher);
    const res = await decide(lead, signal.id, {
      decision: 'outreach', reason: 'pair for a first visit', assigned_worker_ids: [outreacher.user.id, lead.user.id],
    });
    expectStatus(res, 201);
    const found = await lead.get(`${API}/cases/${res.body.case_id}`);
    expectStatus(found, 200);
    assert.deepEqual(found.body.assigned_workers.map((w) => w.id).sort((a, b) => a - b),
      [outreacher.user.id, lead.user.id].sort((a, b) => a - b));
    assert.equal(found.body.decision.decision, 'outreach');
    assert.equal(found.body.decision.reason, 'pair for a first visit');
  });
});
