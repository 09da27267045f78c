// The roles without case content (partner, policy, reception, privacy officer), emergency access
// to another team's case (break-glass) and revoking sessions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createSignal, createCase, signalInput, localDate,
  unchangedBy,
} from './lib/client.mjs';

const PASSWORD = 'roles-example-passphrase';
let server;
let admin;
let leadA;
let outreacherA;
let outreacherB;
let leadB;
let teamA;
const made = {};

async function userWithRole(role, teamIds) {
  const username = `roles.${role}-${Object.keys(made).length}`;
  const res = await admin.post(`${API}/users`, {
    username, display_name: `Example ${role}`, role, password: PASSWORD, team_ids: teamIds,
  });
  expectStatus(res, 201);
  made[username] = res.body;
  return loginAs(server.baseUrl, username, PASSWORD);
}

before(async () => {
  server = await startServer();
  admin = await loginAs(server.baseUrl, DEMO.admin);
  leadA = await loginAs(server.baseUrl, DEMO.leadA);
  outreacherA = await loginAs(server.baseUrl, DEMO.outreacherA);
  outreacherB = await loginAs(server.baseUrl, DEMO.outreacherB);
  leadB = await loginAs(server.baseUrl, DEMO.leadB);
  teamA = leadA.user.teams[0].id;
});
after(async () => {
  await server?.stop();
});

describe('partner', () => {
  it('submits a signal and sees only its status, initials and whether feedback was given', async () => {
    const partner = await userWithRole('partner', [teamA]);
    const other = await userWithRole('partner', [teamA]);
    const input = signalInput({ person: { ...signalInput().person, name: 'Fictional de Example' } });
    let res = await partner.post(`${API}/signals`, input);
    expectStatus(res, 201);
    assert.deepEqual(Object.keys(res.body).sort(),
      ['feedback_given_on', 'id', 'intake_date', 'person_initials', 'status', 'team_id']);
    assert.equal(res.body.person_initials, 'F.E.');
    assert.equal(res.body.status, 'received');
    const id = res.body.id;

    expectProblem(await partner.get(`${API}/signals/${id}`), 404, 'not_found');
    expectProblem(await partner.get(`${API}/signals`), 403, 'forbidden');
    expectProblem(await partner.get(`${API}/cases`), 403, 'forbidden');
    assert.equal((await leadA.get(`${API}/signals/${id}`)).body.taken_by.id, partner.user.id);

    res = await leadA.post(`${API}/signals/${id}/decision`, { decision: 'no_action', reason: 'a private reason' });
    expectStatus(res, 201);
    expectStatus(await outreacherA.post(`${API}/signals/${id}/feedback`, { given_on: localDate(0), told: 'Taken up.' }), 200);
    res = await partner.get(`${API}/partner/signals`);
    expectStatus(res, 200);
    assert.deepEqual(res.body.items, [{
      id, team_id: teamA, intake_date: input.intake_date, person_initials: 'F.E.', status: 'handled',
      feedback_given_on: localDate(0),
    }]);
    assert.ok(!res.text.includes('a private reason') && !res.text.includes('Fictional'));
    assert.deepEqual((await other.get(`${API}/partner/signals`)).body.items, [], "another partner's signals stay hidden");
  });

  it('submits only into its own teams', async () => {
    const partner = await userWithRole('partner', [teamA]);
    const teamB = leadB.user.teams[0].id;
    expectFieldErrors(await partner.post(`${API}/signals`, { ...signalInput(), team_id: teamB }),
      [['team_id', 'not_team_member']]);
  });
});

describe('policy', () => {
  it('sees figures per team and month with counts below 5 suppressed, never a person', async () => {
    const policy = await userWithRole('policy', []);
    const res = await policy.get(`${API}/figures`);
    expectStatus(res, 200);
    assert.equal(res.body.suppressed_below, 5);
    assert.ok(res.body.teams.some((t) => t.id === teamA));
    assert.ok(res.body.counts.length > 0);
    const measures = new Set(res.body.counts.map((c) => c.measure));
    for (const m of ['signals_by_decision', 'open_cases_by_phase', 'closed_cases_by_reason']) assert.ok(measures.has(m), m);
    for (const c of res.body.counts) {
      assert.match(c.month, /^\d{4}-\d{2}$/);
      assert.ok(c.count === null || c.count >= 5, JSON.stringify(c));
      assert.deepEqual(Object.keys(c).sort(), ['category', 'count', 'measure', 'month', 'team_id']);
    }
    assert.ok(res.body.counts.some((c) => c.count === null), 'the demo data has small cells');
    expectProblem(await policy.get(`${API}/cases`), 403, 'forbidden');
    expectProblem(await leadA.get(`${API}/figures`), 403, 'forbidden');
  });
});

describe('reception and privacy officer', () => {
  it('read no case, signal or person through the normal endpoints, even as team members', async () => {
    const kase = await createCase(outreacherA, leadA, [outreacherA.user.id]);
    for (const role of ['reception', 'privacy_officer']) {
      const client = await userWithRole(role, [teamA]);
      expectProblem(await client.get(`${API}/cases/${kase.id}`), 404, 'not_found');
      expectProblem(await client.get(`${API}/households/${kase.household.id}`), 404, 'not_found');
      expectProblem(await client.get(`${API}/signals`), 403, 'forbidden');
      expectProblem(await client.get(`${API}/caseload`), 403, 'forbidden');
      expectProblem(await client.post(`${API}/signals`, signalInput()), 403, 'forbidden');
    }
  });
});

describe('break-glass', () => {
  it("opens another team's case for reading after a reason, and the owning lead sees it", async () => {
    const kase = await createCase(outreacherA, leadA, [outreacherA.user.id]);
    expectProblem(await outreacherB.get(`${API}/cases/${kase.id}`), 404, 'not_found');
    const grants = { records: [`${API}/break-glass?team=${teamA}`] };
    let res = await unchangedBy(leadA, grants, () => outreacherB.post(`${API}/cases/${kase.id}/break-glass`, { reason: '  ' }));
    expectFieldErrors(res, [['reason', 'required']]);
    res = await unchangedBy(leadA, grants, () => outreacherB.post(`${API}/cases/${kase.id}/break-glass`, {
      reason: 'x'.repeat(501) }));
    expectFieldErrors(res, [['reason', 'too_long']]);
    expectProblem(await outreacherA.post(`${API}/cases/${kase.id}/break-glass`, { reason: 'own case' }), 409, 'conflict');
    expectProblem(await outreacherB.post(`${API}/cases/999999/break-glass`, { reason: 'no such case' }), 404, 'not_found');

    res = await outreacherB.post(`${API}/cases/${kase.id}/break-glass`, { reason: 'Client turned up at the night shelter.' });
    expectStatus(res, 201);
    assert.equal(res.body.case_id, kase.id);
    assert.equal(res.body.user.id, outreacherB.user.id);
    assert.ok(Date.parse(res.body.expires_at) - Date.parse(res.body.created_at) === 4 * 3600 * 1000);

    res = await outreacherB.get(`${API}/cases/${kase.id}`);
    expectStatus(res, 200);
    assert.equal(res.body.break_glass.reason, 'Client turned up at the night shelter.');
    expectStatus(await outreacherB.get(`${API}/cases/${kase.id}/timeline`), 200);
    expectStatus(await outreacherB.get(`${API}/cases/${kase.id}/contacts`), 200);
    expectStatus(await outreacherB.get(`${API}/cases/${kase.id}/preparation`), 200);
    // Reading only: every change still answers as for a case of another team.
    expectProblem(await outreacherB.post(`${API}/cases/${kase.id}/closure`, { reason: 'out_of_view', note: '' }), 404, 'not_found');
    expectProblem(await outreacherB.patch(`${API}/cases/${kase.id}`, { concerns: 'household' }), 404, 'not_found');
    expectProblem(await outreacherB.post(`${API}/cases/${kase.id}/transitions`, { event: 'start_contact', reason: 'x' }),
      404, 'not_found');
    expectProblem(await outreacherB.get(`${API}/households/${kase.household.id}`), 404, 'not_found');
    expectProblem(await leadB.get(`${API}/cases/${kase.id}`), 404, 'not_found');
    assert.equal((await leadA.get(`${API}/cases/${kase.id}`)).body.break_glass, null);

    res = await leadA.get(`${API}/break-glass?team=${teamA}`);
    expectStatus(res, 200);
    assert.equal(res.body.items[0].case_id, kase.id);
    assert.equal(res.body.items[0].reason, 'Client turned up at the night shelter.');
    expectProblem(await leadB.get(`${API}/break-glass?team=${teamA}`), 404, 'not_found');
    const privacy = await userWithRole('privacy_officer', []);
    assert.equal((await privacy.get(`${API}/break-glass?team=${teamA}`)).body.items[0].case_id, kase.id);
    expectFieldErrors(await leadA.get(`${API}/break-glass`), [['team', 'required']]);
  });
});

describe('revoking sessions', () => {
  it('an admin logs a user out everywhere; a user can log out everywhere themselves', async () => {
    const one = await userWithRole('outreacher', [teamA]);
    const username = Object.keys(made).at(-1);
    const two = await loginAs(server.baseUrl, username, PASSWORD);
    expectProblem(await leadA.delete(`${API}/users/${one.user.id}/sessions`), 403, 'forbidden');
    expectStatus(await one.get(`${API}/session`), 200);
    expectStatus(await admin.delete(`${API}/users/${one.user.id}/sessions`), 204);
    expectProblem(await one.get(`${API}/session`), 401, 'unauthenticated');
    expectProblem(await two.get(`${API}/session`), 401, 'unauthenticated');
    expectProblem(await admin.delete(`${API}/users/999999/sessions`), 404, 'not_found');

    const three = await loginAs(server.baseUrl, username, PASSWORD);
    const four = await loginAs(server.baseUrl, username, PASSWORD);
    const res = await three.delete(`${API}/sessions`);
    expectStatus(res, 204);
    assert.ok(res.setCookies.some((c) => /Max-Age=0/.test(c)));
    expectProblem(await four.get(`${API}/session`), 401, 'unauthenticated');
    expectStatus(await admin.get(`${API}/session`), 200);
  });
});

describe('demo users', () => {
  it('include a reception, a partner with some of the demo signals, policy and a privacy officer', async () => {
    for (const username of ['demo-reception', 'demo-policy', 'demo-privacy']) await loginAs(server.baseUrl, username);
    const partner = await loginAs(server.baseUrl, 'demo-partner');
    const res = await partner.get(`${API}/partner/signals`);
    expectStatus(res, 200);
    assert.ok(res.body.items.length >= 20, `${res.body.items.length} demo signals from the partner`);
    const statuses = new Set(res.body.items.map((s) => s.status));
    assert.deepEqual([...statuses].sort(), ['handled', 'received']);
  });
});

describe('password policy', () => {
  it('refuses common passwords, digits only and the username, on creating and on changing a user', async () => {
    const user = (username, password) => ({
      username, display_name: 'Example Password', role: 'outreacher', password, team_ids: [teamA],
    });
    const views = { records: [`${API}/users`] };
    for (const [username, password] of [
      ['pw.example-1', 'Password1234!'], ['pw.example-2', '123456789012'], ['pw.example-3', 'my pw.example-3 secret'],
      ['pw.example-4', 'qwertyuiop12'],
    ]) {
      const res = await unchangedBy(admin, views, () => admin.post(`${API}/users`, user(username, password)));
      expectFieldErrors(res, [['password', 'weak_password']]);
    }
    const created = await admin.post(`${API}/users`, user('pw.example-5', 'a sentence of my own'));
    expectStatus(created, 201);
    const res = await unchangedBy(admin, views, () =>
      admin.patch(`${API}/users/${created.body.id}`, { password: 'letmein-2024' }));
    expectFieldErrors(res, [['password', 'weak_password']]);
    await loginAs(server.baseUrl, 'pw.example-5', 'a sentence of my own');
    expectStatus(await admin.patch(`${API}/users/${created.body.id}`, { password: 'another sentence of mine' }), 200);
  });
});
