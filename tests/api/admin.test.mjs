// Administration of teams and users, and that deactivating a user or changing a password ends
// that user's sessions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, Client, loginAs, expectStatus, expectProblem, expectFieldErrors, unchangedBy,
} from './lib/client.mjs';

let server;
let admin;
let leadA;
let outreacherA;
before(async () => {
  server = await startServer();
  admin = await loginAs(server.baseUrl, DEMO.admin);
  leadA = await loginAs(server.baseUrl, DEMO.leadA);
  outreacherA = await loginAs(server.baseUrl, DEMO.outreacherA);
});
after(async () => {
  await server?.stop();
});

const adminViews = { records: [`${API}/users`, `${API}/teams`] };
let userCounter = 0;

function newUser(overrides = {}) {
  userCounter += 1;
  return {
    username: `example.worker-${userCounter}`,
    display_name: `Example Worker ${userCounter}`,
    role: 'outreacher',
    password: 'correct-horse-example',
    team_ids: [leadA.user.teams[0].id],
    ...overrides,
  };
}

async function createUser(overrides) {
  const input = newUser(overrides);
  const res = await admin.post(`${API}/users`, input);
  expectStatus(res, 201);
  return { user: res.body, input };
}

describe('teams', () => {
  it('the admin sees every team; others only their own', async () => {
    const all = await admin.get(`${API}/teams`);
    expectStatus(all, 200);
    const allIds = all.body.items.map((t) => t.id);
    for (const client of [leadA, outreacherA]) {
      const own = await client.get(`${API}/teams`);
      expectStatus(own, 200);
      assert.deepEqual(own.body.items.map((t) => t.id).sort(), client.user.teams.map((t) => t.id).sort());
    }
    const bTeams = (await loginAs(server.baseUrl, DEMO.leadB)).user.teams.map((t) => t.id);
    for (const id of [...leadA.user.teams.map((t) => t.id), ...bTeams]) assert.ok(allIds.includes(id));
  });

  it('the admin creates a team; a duplicate name answers 409 conflict', async () => {
    const res = await admin.post(`${API}/teams`, { name: 'Example Team North' });
    expectStatus(res, 201);
    assert.equal(res.body.name, 'Example Team North');
    assert.equal(typeof res.body.id, 'number');
    const listed = await admin.get(`${API}/teams`);
    assert.ok(listed.body.items.some((t) => t.id === res.body.id && t.name === 'Example Team North'));
    expectProblem(await unchangedBy(admin, adminViews, () =>
      admin.post(`${API}/teams`, { name: 'Example Team North' })), 409, 'conflict');
  });

  it('bad team input is refused', async () => {
    expectFieldErrors(await unchangedBy(admin, adminViews, () => admin.post(`${API}/teams`, {})), [['name', 'required']]);
    expectFieldErrors(await unchangedBy(admin, adminViews, () =>
      admin.post(`${API}/teams`, { name: 't'.repeat(201) })), [['name', 'too_long']]);
  });

  it('a team lead cannot create teams', async () => {
    expectProblem(await unchangedBy(admin, adminViews, () =>
      leadA.post(`${API}/teams`, { name: 'Example Team South' })), 403, 'forbidden');
  });

  it('team members list their own team', async () => {
    const team = leadA.user.teams[0].id;
    const res = await outreacherA.get(`${API}/teams/${team}/members`);
    expectStatus(res, 200);
    const me = res.body.items.find((m) => m.id === outreacherA.user.id);
    assert.deepEqual(me, {
      id: outreacherA.user.id,
      username: outreacherA.user.username,
      display_name: outreacherA.user.display_name,
      role: 'outreacher',
    });
    expectStatus(await admin.get(`${API}/teams/${team}/members`), 200);
  });
});

describe('users', () => {
  it('only the admin lists users; no password hash is ever sent', async () => {
    const res = await admin.get(`${API}/users`);
    expectStatus(res, 200);
    const names = res.body.items.map((u) => u.username);
    for (const username of Object.values(DEMO)) assert.ok(names.includes(username), username);
    for (const u of res.body.items) {
      assert.equal(typeof u.active, 'boolean');
      assert.ok(Array.isArray(u.teams));
    }
    assert.ok(!/password|argon2/i.test(res.text));
    expectProblem(await leadA.get(`${API}/users`), 403, 'forbidden');
    expectProblem(await outreacherA.get(`${API}/users`), 403, 'forbidden');
  });

  it('the admin creates a user who can then log in', async () => {
    const { user, input } = await createUser();
    assert.equal(user.username, input.username);
    assert.equal(user.display_name, input.display_name);
    assert.equal(user.role, 'outreacher');
    assert.equal(user.active, true);
    assert.deepEqual(user.teams.map((t) => t.id), input.team_ids);
    assert.ok(!/password|argon2/i.test(JSON.stringify(user)));
    const client = await loginAs(server.baseUrl, input.username, input.password);
    assert.equal(client.user.id, user.id);
    assert.deepEqual(client.user.teams.map((t) => t.id), input.team_ids);
  });

  const badUsers = [
    ['username too short', { username: 'ab' }, 'username'],
    ['username with capitals', { username: 'Example.Worker' }, 'username'],
    ['username too long', { username: 'u'.repeat(65) }, 'username'],
    ['password too short', { password: 'elevenchars' }, 'password'],
    ['password too long', { password: 'p'.repeat(201) }, 'password'],
    ['display_name over 200', { display_name: 'd'.repeat(201) }, 'display_name'],
  ];
  for (const [name, overrides, field] of badUsers) {
    it(`bad user input, ${name}: 422 on ${field}`, async () => {
      const res = await unchangedBy(admin, adminViews, () => admin.post(`${API}/users`, newUser(overrides)));
      expectFieldErrors(res, [[field]]);
    });
  }

  it('bad user input, missing fields: 422 required', async () => {
    const res = await unchangedBy(admin, adminViews, () => admin.post(`${API}/users`, {}));
    expectFieldErrors(res, [['username', 'required'], ['role', 'required'], ['password', 'required']]);
  });

  it('an unknown role answers unknown_value', async () => {
    const res = await unchangedBy(admin, adminViews, () => admin.post(`${API}/users`, newUser({ role: 'boss' })));
    expectFieldErrors(res, [['role', 'unknown_value']]);
  });

  it('a username that is taken is refused', async () => {
    const res = await unchangedBy(admin, adminViews, () =>
      admin.post(`${API}/users`, newUser({ username: DEMO.outreacherB })));
    if (res.status === 409) expectProblem(res, 409, 'conflict');
    else expectFieldErrors(res, [['username', 'duplicate']]);
  });

  it('a team that does not exist: 422 on team_ids', async () => {
    const res = await unchangedBy(admin, adminViews, () =>
      admin.post(`${API}/users`, newUser({ team_ids: [999999999] })));
    expectFieldErrors(res, [[/^team_ids/]]);
  });

  it('only the admin creates or changes users', async () => {
    expectProblem(await unchangedBy(admin, adminViews, () => leadA.post(`${API}/users`, newUser())), 403, 'forbidden');
    expectProblem(await unchangedBy(admin, adminViews, () =>
      leadA.patch(`${API}/users/${outreacherA.user.id}`, { display_name: 'Renamed Example' })), 403, 'forbidden');
  });

  it('PATCH changes display name, role and teams', async () => {
    const { user } = await createUser();
    const newTeam = await admin.post(`${API}/teams`, { name: 'Example Team East' });
    expectStatus(newTeam, 201);
    const res = await admin.patch(`${API}/users/${user.id}`, {
      display_name: 'Example Lead East', role: 'team_lead', team_ids: [newTeam.body.id],
    });
    expectStatus(res, 200);
    assert.equal(res.body.display_name, 'Example Lead East');
    assert.equal(res.body.role, 'team_lead');
    assert.deepEqual(res.body.teams, [{ id: newTeam.body.id, name: 'Example Team East' }]);
    const listed = (await admin.get(`${API}/users`)).body.items.find((u) => u.id === user.id);
    assert.deepEqual(listed, res.body);
  });

  it('PATCH of an unknown user answers 404', async () => {
    expectProblem(await unchangedBy(admin, adminViews, () =>
      admin.patch(`${API}/users/999999999`, { display_name: 'Nobody Example' })), 404, 'not_found');
  });

  it("deactivating a user ends that user's sessions and logins", async () => {
    const { user, input } = await createUser();
    const client = await loginAs(server.baseUrl, input.username, input.password);
    expectStatus(await client.get(`${API}/signals`), 200);
    const res = await admin.patch(`${API}/users/${user.id}`, { active: false });
    expectStatus(res, 200);
    assert.equal(res.body.active, false);
    expectProblem(await client.get(`${API}/session`), 401, 'unauthenticated');
    expectProblem(await client.get(`${API}/signals`), 401, 'unauthenticated');
    const again = await new Client(server.baseUrl).login(input.username, input.password);
    expectProblem(again, 401, 'invalid_credentials');
    // Other users keep their sessions.
    expectStatus(await outreacherA.get(`${API}/session`), 200);

    expectStatus(await admin.patch(`${API}/users/${user.id}`, { active: true }), 200);
    await loginAs(server.baseUrl, input.username, input.password);
  });

  it("changing a password ends that user's sessions; only the new password works", async () => {
    const { user, input } = await createUser();
    const client = await loginAs(server.baseUrl, input.username, input.password);
    expectStatus(await admin.patch(`${API}/users/${user.id}`, { password: 'another-example-password' }), 200);
    expectProblem(await client.get(`${API}/session`), 401, 'unauthenticated');
    expectProblem(await new Client(server.baseUrl).login(input.username, input.password), 401, 'invalid_credentials');
    await loginAs(server.baseUrl, input.username, 'another-example-password');
  });
});
