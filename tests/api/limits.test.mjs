// Login rate limits (5 failures per account, 20 per client address) and idle session expiry.
// Each test has a server of its own: failed logins are counted per server, and the idle
// timeout is set short only for the expiry test.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { startServer, findOption, DEMO, DEMO_PASSWORD } from './lib/server.mjs';
import { API, Client, loginAs, expectStatus, expectProblem } from './lib/client.mjs';

async function withServer(options, body) {
  const server = await startServer(options);
  try {
    await body(server);
  } finally {
    await server.stop();
  }
}

function expectRetryAfter(res) {
  const retryAfter = res.headers.get('retry-after');
  assert.match(retryAfter ?? '', /^\d+$/, `Retry-After missing or not seconds: ${retryAfter}`);
  assert.ok(Number(retryAfter) > 0);
}

describe('login rate limit', () => {
  it('per account: after 5 failures the 6th try answers 429, even with the right password', async () => {
    await withServer({}, async (server) => {
      const client = new Client(server.baseUrl);
      for (let i = 1; i <= 5; i += 1) {
        expectProblem(await client.login(DEMO.outreacherA, `wrong-password-${i}`), 401, 'invalid_credentials');
      }
      const blocked = await client.login(DEMO.outreacherA, DEMO_PASSWORD);
      expectProblem(blocked, 429, 'rate_limited');
      expectRetryAfter(blocked);
      assert.equal(client.csrf, null);
      // Other accounts from the same address are not blocked by it.
      await loginAs(server.baseUrl, DEMO.leadA);
    });
  });

  it('per client address: after 20 failures on different accounts the 21st try answers 429', async () => {
    await withServer({}, async (server) => {
      const client = new Client(server.baseUrl);
      for (let i = 1; i <= 20; i += 1) {
        const username = `unknown-user-${String(i).padStart(2, '0')}`;
        expectProblem(await client.login(username, 'wrong-password-x'), 401, 'invalid_credentials');
      }
      const blocked = await client.login(DEMO.leadB, DEMO_PASSWORD);
      expectProblem(blocked, 429, 'rate_limited');
      expectRetryAfter(blocked);
    });
  });
});

describe('session expiry', () => {
  const idleOption = findOption(/^--session-idle/);
  it(
    'an idle session answers 401 session_expired',
    { skip: idleOption ? false : '`voordeur serve --help` lists no idle-timeout option' },
    async () => {
      await withServer({ serveArgs: [idleOption, '2'] }, async (server) => {
        const client = await loginAs(server.baseUrl, DEMO.outreacherA);
        expectStatus(await client.get(`${API}/session`), 200);
        await sleep(3500);
        expectProblem(await client.get(`${API}/signals`), 401, 'session_expired');
        // The expired session is gone: asking again finds no session at all.
        const again = await client.get(`${API}/session`);
        assert.equal(again.status, 401, `an expired session came back: ${again.text}`);
      });
    },
  );

  it('a session in use does not expire while requests keep coming', {
    skip: idleOption ? false : '`voordeur serve --help` lists no idle-timeout option',
  }, async () => {
    await withServer({ serveArgs: [idleOption, '3'] }, async (server) => {
      const client = await loginAs(server.baseUrl, DEMO.outreacherA);
      for (let i = 0; i < 4; i += 1) {
        await sleep(1200);
        expectStatus(await client.get(`${API}/session`), 200);
      }
    });
  });
});
