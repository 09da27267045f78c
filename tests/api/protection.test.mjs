// TOTP second factor (RFC 6238), session fixation, and the CSRF check on every state-changing
// route of the OpenAPI document. Codes are computed with node's crypto (lib/totp.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, repoRoot, DEMO, DEMO_PASSWORD } from './lib/server.mjs';
import { API, Client, loginAs, expectStatus, expectProblem, expectFieldErrors, describe as describeRes } from './lib/client.mjs';
import { DEMO_TOTP_SECRET, currentStep, totpCode, withFreshCode } from './lib/totp.mjs';

let server;
let admin;
let leadA;
before(async () => {
  server = await startServer();
  admin = await loginAs(server.baseUrl, DEMO.admin);
  leadA = await loginAs(server.baseUrl, DEMO.leadA);
});
after(async () => {
  await server?.stop();
});

let userCounter = 0;
// A new user (fictional) created by the admin; answers { id, username, password }.
async function createUser(role) {
  userCounter += 1;
  const input = {
    username: `example.protect-${userCounter}`,
    display_name: `Example Protect ${userCounter}`,
    role,
    password: 'correct-horse-example',
    team_ids: role === 'admin' || role === 'privacy_officer' ? [] : [leadA.user.teams[0].id],
  };
  const res = await admin.post(`${API}/users`, input);
  expectStatus(res, 201);
  return { id: res.body.id, username: input.username, password: input.password };
}

// Logs in without sending a code; answers the client and the login response.
async function passwordOnly(user) {
  const client = new Client(server.baseUrl);
  const res = await client.login(user.username, user.password, { totpSecret: null });
  expectStatus(res, 201);
  return { client, res };
}

// Enrols the logged-in client and answers the secret.
async function enrol(client) {
  const started = await client.post(`${API}/account/totp`, {});
  expectStatus(started, 201);
  assert.match(started.body.secret, /^[A-Z2-7]{32}$/);
  const confirmed = await client.post(`${API}/account/totp/confirm`, { code: totpCode(started.body.secret) });
  expectStatus(confirmed, 200);
  return started.body.secret;
}

function sessionToken(res) {
  const line = res.setCookies.find((l) => l.startsWith('voordeur_session='));
  return line?.split(';')[0].slice('voordeur_session='.length);
}

describe('TOTP codes', () => {
  it('node and the server agree on the RFC 6238 SHA-1 test vector', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 s -> 94287082 (8 digits; 6 -> 287082).
    const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    assert.equal(totpCode(rfcSecret, 1), '287082');
  });
});

describe('login with a second factor', () => {
  it('demo-admin gets a pending session that reads nothing until the code is given', async () => {
    const { client, res } = await passwordOnly({ username: DEMO.admin, password: DEMO_PASSWORD });
    assert.equal(res.body.second_factor, 'pending');
    expectProblem(await client.get(`${API}/users`), 401, 'second_factor_required');
    expectProblem(await client.get(`${API}/cases`), 401, 'second_factor_required');
    expectProblem(await client.get(`${API}/signals`), 401, 'second_factor_required');
    expectProblem(await client.post(`${API}/teams`, { name: 'Example Pending Team' }), 401, 'second_factor_required');
    expectProblem(await client.post(`${API}/account/totp`, {}), 409, 'conflict');
    const session = await client.get(`${API}/session`);
    expectStatus(session, 200);
    assert.equal(session.body.second_factor, 'pending');

    expectFieldErrors(await client.post(`${API}/session/second-factor`, { code: '000000' === totpCode(DEMO_TOTP_SECRET) ? '111111' : '000000' }), [['code', 'invalid_code']]);
    expectFieldErrors(await client.post(`${API}/session/second-factor`, { code: 'abc' }), [['code', 'invalid_code']]);
    expectProblem(await client.post(`${API}/session/second-factor`, { code: totpCode(DEMO_TOTP_SECRET) }, { csrf: false }), 403, 'csrf_failed');
    const done = await client.completeSecondFactor(DEMO_TOTP_SECRET);
    expectStatus(done, 200);
    assert.equal(done.body.second_factor, 'ok');
    expectStatus(await client.get(`${API}/users`), 200);
    expectProblem(await client.post(`${API}/session/second-factor`, { code: totpCode(DEMO_TOTP_SECRET) }), 409, 'conflict');
  });

  it('a code is accepted once: the same code on another login is a replay', async () => {
    const user = await createUser('outreacher');
    const secret = await enrol((await passwordOnly(user)).client);
    const first = await passwordOnly(user);
    const second = await passwordOnly(user);
    const done = await first.client.completeSecondFactor(secret);
    expectStatus(done, 200);
    const replay = await second.client.post(`${API}/session/second-factor`, { code: done.code });
    expectFieldErrors(replay, [['code', 'already_used']]);
    expectProblem(await second.client.get(`${API}/cases`), 401, 'second_factor_required');
  });

  it('wrong codes are rate-limited per account; then even a right code waits', async () => {
    const user = await createUser('outreacher');
    const { client } = await passwordOnly(user);
    const secret = await enrol(client);
    const again = await passwordOnly(user);
    assert.equal(again.res.body.second_factor, 'pending');
    const wrong = totpCode(secret) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i += 1) {
      expectFieldErrors(await again.client.post(`${API}/session/second-factor`, { code: wrong }), [['code', 'invalid_code']]);
    }
    const blocked = await again.client.post(`${API}/session/second-factor`, { code: totpCode(secret, currentStep() + 1) });
    expectProblem(blocked, 429, 'rate_limited');
    assert.ok(Number(blocked.headers.get('retry-after')) > 0, describeRes(blocked));
  });
});

describe('mandatory second factor', () => {
  for (const role of ['admin', 'privacy_officer']) {
    it(`a new ${role} can only enrol until enrolled, then logs in with a code`, async () => {
      const user = await createUser(role);
      const { client, res } = await passwordOnly(user);
      assert.equal(res.body.second_factor, 'enrolment_required');
      expectProblem(await client.get(`${API}/users`), 403, 'second_factor_enrolment_required');
      expectProblem(await client.get(`${API}/cases`), 403, 'second_factor_enrolment_required');
      const status = await client.get(`${API}/account/totp`);
      expectStatus(status, 200);
      assert.deepEqual(status.body, { enabled: false, required: true });

      const started = await client.post(`${API}/account/totp`, {});
      expectStatus(started, 201);
      assert.match(started.body.otpauth_uri, new RegExp(`^otpauth://totp/Voordeur:${user.username}\\?secret=${started.body.secret}&issuer=Voordeur`));
      expectFieldErrors(await client.post(`${API}/account/totp/confirm`, { code: '12345' }), [['code', 'invalid_code']]);
      expectProblem(await client.get(`${API}/users`), 403, 'second_factor_enrolment_required');
      expectStatus(await client.post(`${API}/account/totp/confirm`, { code: totpCode(started.body.secret) }), 200);
      const session = await client.get(`${API}/session`);
      assert.equal(session.body.second_factor, 'ok');
      expectProblem(await client.delete(`${API}/account/totp`, { json: { code: totpCode(started.body.secret, currentStep() + 1) } }), 403, 'forbidden');

      const next = await passwordOnly(user);
      assert.equal(next.res.body.second_factor, 'pending');
      expectStatus(await next.client.completeSecondFactor(started.body.secret), 200);
      expectStatus(await next.client.get(`${API}/account/totp`), 200);
    });
  }

  it('a server started with an empty --require-2fa-roles leaves admins without a code requirement', async () => {
    const relaxed = await startServer({ serveArgs: ['--require-2fa-roles', ''] });
    try {
      const client = new Client(relaxed.baseUrl);
      const created = await (await loginAs(relaxed.baseUrl, DEMO.admin)).post(`${API}/users`, {
        username: 'example.relaxed-admin', display_name: 'Example Relaxed', role: 'admin',
        password: 'correct-horse-example', team_ids: [],
      });
      expectStatus(created, 201);
      const res = await client.login('example.relaxed-admin', 'correct-horse-example');
      assert.equal(res.body.second_factor, 'ok');
      expectStatus(await client.get(`${API}/users`), 200);
    } finally {
      await relaxed.stop();
    }
  });
});

describe('optional second factor and the admin reset', () => {
  it('an outreacher turns TOTP on and off with a current code', async () => {
    const user = await createUser('outreacher');
    const { client, res } = await passwordOnly(user);
    assert.equal(res.body.second_factor, 'ok');
    assert.deepEqual((await client.get(`${API}/account/totp`)).body, { enabled: false, required: false });
    const secret = await enrol(client);
    assert.deepEqual((await client.get(`${API}/account/totp`)).body, { enabled: true, required: false });
    expectProblem(await client.post(`${API}/account/totp`, {}), 409, 'conflict');

    const next = await passwordOnly(user);
    assert.equal(next.res.body.second_factor, 'pending');
    expectStatus(await next.client.completeSecondFactor(secret), 200);

    expectFieldErrors(await next.client.delete(`${API}/account/totp`, { json: { code: '' } }), [['code', 'invalid_code']]);
    const off = await withFreshCode(secret, (code) => next.client.request('DELETE', `${API}/account/totp`, { json: { code } }));
    expectStatus(off, 204);
    assert.equal((await passwordOnly(user)).res.body.second_factor, 'ok');
  });

  it('the admin resets a user who lost the device: TOTP off, sessions ended', async () => {
    const user = await createUser('outreacher');
    const { client } = await passwordOnly(user);
    await enrol(client);
    expectProblem(await leadA.delete(`${API}/users/${user.id}/totp`), 403, 'forbidden');
    expectStatus(await client.get(`${API}/session`), 200);
    expectStatus(await admin.delete(`${API}/users/${user.id}/totp`), 204);
    expectProblem(await client.get(`${API}/session`), 401, 'unauthenticated');
    assert.equal((await passwordOnly(user)).res.body.second_factor, 'ok');
    expectProblem(await admin.delete(`${API}/users/999999/totp`), 404, 'not_found');
  });
});

describe('session fixation', () => {
  it('a session cookie set before login is not accepted, and login issues a new token', async () => {
    const client = new Client(server.baseUrl);
    const planted = 'attacker-chosen-session-token-0123456789abcdef';
    client.cookies.set('voordeur_session', planted);
    expectProblem(await client.get(`${API}/session`), 401, 'unauthenticated');
    const res = await client.login(DEMO.outreacherA);
    expectStatus(res, 201);
    const issued = sessionToken(res);
    assert.ok(issued && issued !== planted, 'login kept the planted token');
    const fixed = new Client(server.baseUrl);
    fixed.cookies.set('voordeur_session', planted);
    expectProblem(await fixed.get(`${API}/session`), 401, 'unauthenticated');
    expectStatus(await client.get(`${API}/session`), 200);
  });

  it('a second login of a logged-in browser gets a fresh token; the first stays its own session', async () => {
    const client = await loginAs(server.baseUrl, DEMO.outreacherA);
    const first = client.cookies.get('voordeur_session');
    const res = await client.login(DEMO.outreacherA);
    const second = sessionToken(res);
    assert.notEqual(second, first);
  });

  it('logout ends the session on the server: the old token no longer works', async () => {
    const client = await loginAs(server.baseUrl, DEMO.leadA);
    const token = client.cookies.get('voordeur_session');
    expectStatus(await client.delete(`${API}/session`), 204);
    const replay = new Client(server.baseUrl);
    replay.cookies.set('voordeur_session', token);
    expectProblem(await replay.get(`${API}/session`), 401, 'unauthenticated');
    expectProblem(await replay.get(`${API}/cases`), 401, 'unauthenticated');
  });
});

describe('CSRF on every state-changing route', () => {
  const openapi = JSON.parse(readFileSync(path.join(repoRoot, 'src/http/openapi.json'), 'utf8'));
  const routes = [];
  for (const [route, operations] of Object.entries(openapi.paths)) {
    for (const method of Object.keys(operations)) {
      const upper = method.toUpperCase();
      if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(upper)) continue;
      if (upper === 'POST' && route === '/api/v1/session') continue;  // login: no session yet
      routes.push([upper, route.replace(/\{[^}]+\}/g, '1')]);
    }
  }

  it('covers the routes of the OpenAPI document', () => {
    assert.ok(routes.length >= 20, `only ${routes.length} state-changing routes found`);
  });

  for (const [method, route] of routes) {
    it(`${method} ${route} refuses a missing and a wrong token`, async () => {
      for (const who of [admin, leadA]) {
        expectProblem(await who.request(method, route, { json: {}, csrf: false }), 403, 'csrf_failed');
        expectProblem(await who.request(method, route, { json: {}, headers: { 'x-csrf-token': 'wrong' } }), 403, 'csrf_failed');
      }
    });
  }
});

describe('security headers', () => {
  it('plain HTTP by default: the usual headers, no Strict-Transport-Security, no Secure cookie', async () => {
    const res = await new Client(server.baseUrl).login(DEMO.outreacherA);
    assert.equal(res.headers.get('strict-transport-security'), null);
    assert.ok(!/;\s*secure/i.test(res.setCookies.join('\n')), res.setCookies.join('\n'));
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.match(res.headers.get('content-security-policy'), /script-src 'self';/);
    assert.ok(!/unsafe-inline/.test(res.headers.get('content-security-policy')));
  });

  it('with --public-https: Strict-Transport-Security on every answer and a Secure session cookie', async () => {
    const https = await startServer({ serveArgs: ['--public-https'] });
    try {
      const health = await fetch(`${https.baseUrl}/health`);
      assert.equal(health.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
      const res = await new Client(https.baseUrl).login(DEMO.outreacherA);
      expectStatus(res, 201);
      assert.equal(res.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
      assert.match(res.setCookies.find((l) => l.startsWith('voordeur_session=')), /;\s*Secure/);
    } finally {
      await https.stop();
    }
  });
});
