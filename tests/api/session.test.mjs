// Login, the session cookie, logout, and the CSRF check on state-changing requests.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO, DEMO_PASSWORD } from './lib/server.mjs';
import {
  API, Client, loginAs, expectStatus, expectProblem, expectFieldErrors, signalInput, teamViews, unchangedBy, createSignal,
} from './lib/client.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

function sessionCookie(res) {
  return res.setCookies.find((line) => line.startsWith('voordeur_session='));
}

describe('login', () => {
  it('answers 201 with the user, its teams and a CSRF token', async () => {
    const client = new Client(server.baseUrl);
    const res = await client.login(DEMO.leadA);
    expectStatus(res, 201);
    const { user, csrf_token: csrf } = res.body;
    assert.equal(typeof csrf, 'string');
    assert.ok(csrf.length >= 16, 'the CSRF token is too short to be unguessable');
    assert.equal(user.username, DEMO.leadA);
    assert.equal(user.role, 'team_lead');
    assert.equal(typeof user.id, 'number');
    assert.equal(typeof user.display_name, 'string');
    assert.ok(user.teams.length >= 1);
    for (const team of user.teams) {
      assert.equal(typeof team.id, 'number');
      assert.equal(typeof team.name, 'string');
    }
    assert.ok(!JSON.stringify(res.body).includes('password'), 'the answer mentions a password');
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/', async () => {
    const res = await new Client(server.baseUrl).login(DEMO.outreacherA);
    expectStatus(res, 201);
    const cookie = sessionCookie(res);
    assert.ok(cookie, `no voordeur_session cookie in ${res.setCookies}`);
    const attributes = cookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
    assert.ok(attributes.includes('httponly'), cookie);
    assert.ok(attributes.includes('samesite=strict'), cookie);
    assert.ok(attributes.includes('path=/'), cookie);
    assert.ok(cookie.split(';')[0].length > 'voordeur_session='.length + 20, 'token too short');
  });

  it('GET /session gives the same body as the login, for a page reload', async () => {
    const client = new Client(server.baseUrl);
    const login = await client.login(DEMO.outreacherB);
    expectStatus(login, 201);
    const res = await client.get(`${API}/session`);
    expectStatus(res, 200);
    assert.deepEqual(res.body, login.body);
  });

  it('a wrong password answers 401 invalid_credentials and sets no session', async () => {
    const client = new Client(server.baseUrl);
    const res = await client.login(DEMO.leadB, 'not-the-password-at-all');
    expectProblem(res, 401, 'invalid_credentials');
    assert.equal(sessionCookie(res), undefined);
    expectProblem(await client.get(`${API}/session`), 401, 'unauthenticated');
  });

  it('an unknown user answers exactly like a wrong password', async () => {
    const unknown = await new Client(server.baseUrl).login('nobody-by-this-name', DEMO_PASSWORD);
    expectProblem(unknown, 401, 'invalid_credentials');
    const wrong = await new Client(server.baseUrl).login(DEMO.outreacherB, 'not-the-password-at-all');
    expectProblem(wrong, 401, 'invalid_credentials');
    assert.equal(unknown.body.title, wrong.body.title);
    assert.equal(unknown.body.detail, wrong.body.detail);
  });

  it('malformed login bodies are refused', async () => {
    const client = new Client(server.baseUrl);
    expectProblem(
      await client.request('POST', `${API}/session`, {
        body: '{"username":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'invalid_json',
    );
    const missing = await client.post(`${API}/session`, {});
    expectFieldErrors(missing, [['username', 'required'], ['password', 'required']]);
    assert.equal(sessionCookie(missing), undefined);
  });
});

describe('logout', () => {
  it('answers 204, clears the cookie, and the old session no longer works', async () => {
    const client = await loginAs(server.baseUrl, DEMO.outreacherA);
    const token = client.cookies.get('voordeur_session');
    const res = await client.delete(`${API}/session`);
    expectStatus(res, 204);
    const cleared = sessionCookie(res);
    assert.ok(cleared, 'logout does not clear the cookie');
    assert.match(cleared, /voordeur_session=(;|$)|max-age=0|expires=thu, 01 jan 1970/i);
    expectProblem(await client.get(`${API}/session`), 401, 'unauthenticated');

    // The token itself is dead on the server, not only forgotten by this client.
    const replay = new Client(server.baseUrl);
    replay.cookies.set('voordeur_session', token);
    expectProblem(await replay.get(`${API}/session`), 401, 'unauthenticated');
    expectProblem(await replay.get(`${API}/signals`), 401, 'unauthenticated');
  });

  it('needs the CSRF token too; without it the session stays', async () => {
    const client = await loginAs(server.baseUrl, DEMO.outreacherA);
    expectProblem(await client.delete(`${API}/session`, { csrf: false }), 403, 'csrf_failed');
    expectStatus(await client.get(`${API}/session`), 200);
  });
});

describe('CSRF', () => {
  it('a signal without X-CSRF-Token answers 403 csrf_failed and stores nothing', async () => {
    const client = await loginAs(server.baseUrl, DEMO.outreacherA);
    const res = await unchangedBy(client, teamViews(), () =>
      client.post(`${API}/signals`, signalInput(), { csrf: false }),
    );
    expectProblem(res, 403, 'csrf_failed');
  });

  it('a wrong X-CSRF-Token answers 403 csrf_failed and stores nothing', async () => {
    const client = await loginAs(server.baseUrl, DEMO.outreacherA);
    const res = await unchangedBy(client, teamViews(), () =>
      client.post(`${API}/signals`, signalInput(), { headers: { 'x-csrf-token': 'wrong-token' } }),
    );
    expectProblem(res, 403, 'csrf_failed');
  });

  it("another session's CSRF token is refused", async () => {
    const client = await loginAs(server.baseUrl, DEMO.outreacherA);
    const other = await loginAs(server.baseUrl, DEMO.outreacherA);
    assert.notEqual(client.csrf, other.csrf, 'two sessions share a CSRF token');
    const res = await unchangedBy(client, teamViews(), () =>
      client.post(`${API}/signals`, signalInput(), { headers: { 'x-csrf-token': other.csrf } }),
    );
    expectProblem(res, 403, 'csrf_failed');
  });

  it('a decision without the token answers 403 and leaves the signal undecided', async () => {
    const author = await loginAs(server.baseUrl, DEMO.outreacherA);
    const lead = await loginAs(server.baseUrl, DEMO.leadA);
    const signal = await createSignal(author);
    const views = teamViews({ signalIds: [signal.id] });
    const res = await unchangedBy(lead, views, () =>
      lead.post(
        `${API}/signals/${signal.id}/decision`,
        { decision: 'regular_help', reason: 'existing care trajectory' },
        { csrf: false },
      ),
    );
    expectProblem(res, 403, 'csrf_failed');
  });

  it('an admin change without the token answers 403 and changes no user', async () => {
    const admin = await loginAs(server.baseUrl, DEMO.admin);
    const users = await admin.get(`${API}/users`);
    expectStatus(users, 200);
    const target = users.body.items.find((u) => u.username === DEMO.outreacherB);
    const res = await unchangedBy(admin, { records: [`${API}/users`] }, () =>
      admin.patch(`${API}/users/${target.id}`, { display_name: 'Renamed Example' }, { csrf: false }),
    );
    expectProblem(res, 403, 'csrf_failed');
  });
});
