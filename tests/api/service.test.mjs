// Service endpoints, the OpenAPI document, and the answers of the routing layer itself.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, Client, loginAs, expectStatus, expectProblem, signalInput, teamViews, unchangedBy,
} from './lib/client.mjs';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

describe('service endpoints', () => {
  it('GET /health answers alive without a session', async () => {
    const res = await new Client(server.baseUrl).get('/health');
    expectStatus(res, 200);
    assert.deepEqual(res.body, { status: 'alive' });
  });

  it('GET /ready answers ready while the database is reachable', async () => {
    const res = await new Client(server.baseUrl).get('/ready');
    expectStatus(res, 200);
    assert.deepEqual(res.body, { status: 'ready' });
  });

  it('GET /api/v1/openapi.json is an OpenAPI 3 document with paths', async () => {
    const res = await new Client(server.baseUrl).get(`${API}/openapi.json`);
    expectStatus(res, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const doc = JSON.parse(res.text);
    assert.match(String(doc.openapi), /^3\.\d+\.\d+$/);
    assert.equal(typeof doc.paths, 'object');
    assert.ok(doc.paths !== null && !Array.isArray(doc.paths));
    const paths = Object.keys(doc.paths);
    for (const resource of ['/session', '/signals', '/cases', '/users', '/teams']) {
      assert.ok(paths.some((p) => p.endsWith(resource)), `paths has no ${resource}: ${paths}`);
    }
  });
});

describe('routing answers', () => {
  it('an unknown API route answers 404 not_found', async () => {
    const client = await loginAs(server.baseUrl, DEMO.leadA);
    expectProblem(await client.get(`${API}/no-such-resource`), 404, 'not_found');
  });

  it('a known route with another method answers 405 method_not_allowed', async () => {
    const client = await loginAs(server.baseUrl, DEMO.leadA);
    expectProblem(await client.request('PUT', `${API}/signals`, { json: {} }), 405, 'method_not_allowed');
    expectProblem(await client.request('DELETE', '/health'), 405, 'method_not_allowed');
  });

  it('protected routes answer 401 unauthenticated without a session', async () => {
    const anonymous = new Client(server.baseUrl);
    for (const path of [`${API}/signals`, `${API}/cases`, `${API}/teams`, `${API}/users`, `${API}/session`]) {
      expectProblem(await anonymous.get(path), 401, 'unauthenticated');
    }
    expectProblem(await anonymous.post(`${API}/signals`, signalInput()), 401, 'unauthenticated');
  });

  it('an unknown session token answers 401 unauthenticated', async () => {
    const client = new Client(server.baseUrl);
    client.cookies.set('voordeur_session', 'A'.repeat(43));
    expectProblem(await client.get(`${API}/signals`), 401, 'unauthenticated');
  });

  it('a body without Content-Type application/json answers 415 and stores nothing', async () => {
    const client = await loginAs(server.baseUrl, DEMO.outreacherA);
    const res = await unchangedBy(client, teamViews(), () =>
      client.request('POST', `${API}/signals`, {
        body: JSON.stringify(signalInput()),
        headers: { 'content-type': 'text/plain' },
      }),
    );
    expectProblem(res, 415, 'unsupported_media_type');
  });
});
