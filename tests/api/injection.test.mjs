// Issue 4: SQL and HTML/script injection attempts in every text field of every endpoint are stored
// and returned inert. The operations are read from GET /api/v1/openapi.json: every JSON request body
// is walked for its free-text string properties (following $ref, allOf and nested objects; enums,
// dates, patterned and password fields are left out). Each field gets each payload in an otherwise
// valid body (BASES below); the answer must be 2xx with the exact string echoed as a JSON string and
// found again by a later GET, or a clean 4xx problem+json; never a 500, never text/html. An operation
// with a free-text field and no entry in BASES fails the test, so a new endpoint cannot be forgotten.
// Query parameters of the GET endpoints get the same payloads (4xx or 200, never 500), and the
// signal, case, team and user lists keep their totals plus what was created.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import { withFreshCode } from './lib/totp.mjs';
import {
  API, Client, loginAs, describe as describeRes, expectStatus, signalInput, localDate, localDateTime,
} from './lib/client.mjs';

export const PAYLOADS = [
  "Robert'); DROP TABLE cases;--",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"}]},{"x":"',
  'ë漢字🙂',
  "\\'; SELECT 1;-- \\\" ${1+1} {{7*7}} %27",
];

let server;
let doc;
const c = {}; // logged-in clients
const ids = {};
const created = { signals: 0, cases: 0, teams: 0, users: 0 };
let totalsBefore;
let userCounter = 0;
const statuses = new Map();
const tally = (key) => statuses.set(key, (statuses.get(key) ?? 0) + 1);

function pathGet(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function pathSet(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    o[k] ??= {};
    o = o[k];
  }
  o[keys.at(-1)] = value;
}

// True when value holds (at any depth) a string exactly equal to text.
function containsString(value, text) {
  if (typeof value === 'string') return value === text;
  if (Array.isArray(value)) return value.some((v) => containsString(v, text));
  if (value && typeof value === 'object') return Object.values(value).some((v) => containsString(v, text));
  return false;
}

function resolveRef(ref) {
  return ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k], doc);
}

// The free-text string fields of a schema, as dotted paths.
export function textFields(schema, prefix = '', seen = new Set()) {
  if (!schema) return [];
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return [];
    return textFields(resolveRef(schema.$ref), prefix, new Set([...seen, schema.$ref]));
  }
  const out = [];
  for (const part of schema.allOf ?? []) out.push(...textFields(part, prefix, seen));
  if (schema.type === 'string' && prefix !== '') {
    const skip = schema.enum || schema.pattern || ['date', 'date-time', 'password'].includes(schema.format);
    if (!skip) out.push(prefix);
  }
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    out.push(...textFields(prop, prefix ? `${prefix}.${name}` : name, seen));
  }
  return [...new Set(out)];
}

// The JSON-bodied operations of the OpenAPI document with their free-text fields.
function jsonOperations() {
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const schema = op?.requestBody?.content?.['application/json']?.schema;
      if (!schema) continue;
      ops.push({ key: `${method.toUpperCase()} ${path}`, fields: textFields(schema) });
    }
  }
  return ops;
}

async function newSignal(overrides = {}) {
  const res = await c.outA.post(`${API}/signals`, signalInput(overrides));
  expectStatus(res, 201);
  created.signals += 1;
  return res.body;
}

async function newCase() {
  const signal = await newSignal();
  const res = await c.leadA.post(`${API}/signals/${signal.id}/decision`, {
    decision: 'outreach', reason: 'serious worry and no care', assigned_worker_ids: [ids.outA],
  });
  expectStatus(res, 201);
  created.cases += 1;
  const found = await c.leadA.get(`${API}/cases/${res.body.case_id}`);
  expectStatus(found, 200);
  return found.body;
}

async function closedCase() {
  const kase = await newCase();
  expectStatus(await c.outA.post(`${API}/cases/${kase.id}/closure`, { reason: 'goal_reached', note: '' }), 200);
  return kase;
}

async function newUser() {
  userCounter += 1;
  const res = await c.admin.post(`${API}/users`, {
    username: `inj-user-${userCounter}`, display_name: `Injection User ${userCounter}`, role: 'outreacher',
    password: 'Quiet-Harbour-Lantern-42', team_ids: [ids.teamA],
  });
  expectStatus(res, 201);
  created.users += 1;
  return res.body;
}

// A logged-in client of username with TOTP on, so that the code routes check the codes sent
// (wrong ones: 422, after 5 of them 429).
async function enrolledClient(username) {
  const client = await loginAs(server.baseUrl, username, 'Quiet-Harbour-Lantern-42');
  const started = await client.post(`${API}/account/totp`, {});
  expectStatus(started, 201);
  const confirmed = await withFreshCode(started.body.secret, (code) => client.post(`${API}/account/totp/confirm`, { code }));
  expectStatus(confirmed, 200);
  return client;
}

// A new login of the TOTP user whose code is still due.
async function pendingTotpLogin() {
  const client = new Client(server.baseUrl);
  const res = await client.login(ids.totpUsername, 'Quiet-Harbour-Lantern-42', { totpSecret: null });
  expectStatus(res, 201);
  assert.equal(res.body.second_factor, 'pending');
  return client;
}

// Per operation: how to send a valid request. setup() answers { client, path, body, reads } where
// reads are GET paths (as readClient, default client) that must show the stored text afterwards.
// stored: false for fields that are checked and never stored (login name, TOTP code): only a clean
// answer is required. echo: false when the answer does not carry the text (reads must).
const BASES = {
  'POST /api/v1/session': {
    stored: false,
    setup: async () => ({ client: new Client(server.baseUrl), csrf: false, path: `${API}/session`,
      body: { username: 'demo-outreacher-a', password: 'voordeur-demo' } }),
  },
  'POST /api/v1/session/second-factor': {
    stored: false,
    setup: async () => ({ client: await pendingTotpLogin(), path: `${API}/session/second-factor`, body: { code: '000000' } }),
  },
  'DELETE /api/v1/account/totp': {
    stored: false,
    setup: async () => ({ client: c.totpUser2, path: `${API}/account/totp`, body: { code: '000000' } }),
  },
  'POST /api/v1/account/totp/confirm': {
    stored: false,
    setup: async () => ({ client: c.totpUser, path: `${API}/account/totp/confirm`, body: { code: '000000' } }),
  },
  'POST /api/v1/teams': {
    onCreated: () => { created.teams += 1; },
    setup: async () => ({ client: c.admin, path: `${API}/teams`, body: { name: 'Team' }, reads: [`${API}/teams`] }),
  },
  'POST /api/v1/users': {
    onCreated: () => { created.users += 1; },
    setup: async () => {
      userCounter += 1;
      return { client: c.admin, path: `${API}/users`, reads: [`${API}/users`], body: {
        username: `inj-new-${userCounter}`, display_name: 'x', role: 'outreacher',
        password: 'Quiet-Harbour-Lantern-42', team_ids: [ids.teamA] } };
    },
  },
  'PATCH /api/v1/users/{id}': {
    setup: async () => {
      const user = await newUser();
      return { client: c.admin, path: `${API}/users/${user.id}`, body: { display_name: 'x' }, reads: [`${API}/users`] };
    },
  },
  'POST /api/v1/signals': {
    onCreated: () => { created.signals += 1; },
    setup: async () => ({ client: c.outA, path: `${API}/signals`, body: signalInput(),
      reads: (res) => [`${API}/signals/${res.body.id}`] }),
  },
  'POST /api/v1/signals/{id}/decision': {
    setup: async () => {
      const signal = await newSignal();
      return { client: c.leadA, path: `${API}/signals/${signal.id}/decision`,
        body: { decision: 'regular_help', reason: 'regular help fits', contra_indications: ['existing_care_trajectory'],
          contra_indication_note: 'already with the GP' },
        reads: [`${API}/signals/${signal.id}`] };
    },
  },
  'POST /api/v1/signals/{id}/feedback': {
    setup: async () => {
      const signal = await newSignal();
      return { client: c.outA, path: `${API}/signals/${signal.id}/feedback`,
        body: { given_on: localDate(0), told: 'we will visit' }, reads: [`${API}/signals/${signal.id}`] };
    },
  },
  'PUT /api/v1/cases/{id}/preparation': {
    setup: async () => {
      const kase = await newCase();
      return { client: c.outA, path: `${API}/cases/${kase.id}/preparation`,
        body: { strategy: 'ring twice', companion: 'colleague', companion_name: 'a colleague' },
        reads: [`${API}/cases/${kase.id}/preparation`, `${API}/cases/${kase.id}`] };
    },
  },
  'POST /api/v1/cases/{id}/preparation/prior-info': {
    setup: async () => {
      const kase = await newCase();
      return { client: c.outA, path: `${API}/cases/${kase.id}/preparation/prior-info`,
        body: { source: 'the GP', content: 'knows him' }, reads: [`${API}/cases/${kase.id}/preparation`] };
    },
  },
  'POST /api/v1/cases/{id}/contacts': {
    setup: async () => {
      const kase = await newCase();
      return { client: c.outA, path: `${API}/cases/${kase.id}/contacts`,
        body: { occurred_at: localDateTime(-1), channel: 'doorbell', with_whom: 'neighbour', outcome: 'conversation',
          note: 'talked', next_attempt_date: null },
        reads: [`${API}/cases/${kase.id}/contacts`, `${API}/cases/${kase.id}`] };
    },
  },
  'POST /api/v1/cases/{id}/closure': {
    setup: async () => {
      const kase = await newCase();
      return { client: c.outA, path: `${API}/cases/${kase.id}/closure`, body: { reason: 'other', note: 'moved away' },
        reads: [`${API}/cases/${kase.id}`] };
    },
  },
  'POST /api/v1/cases/{id}/reopen': {
    setup: async () => {
      const kase = await closedCase();
      return { client: c.outA, path: `${API}/cases/${kase.id}/reopen`, body: { reason: 'back again', phase: 'making_contact' },
        reads: [`${API}/cases/${kase.id}`, `${API}/cases/${kase.id}/timeline`] };
    },
  },
  'POST /api/v1/cases/{id}/transitions': {
    echo: false, // the Case answered does not carry the reason; the timeline does
    setup: async () => {
      const kase = await newCase();
      return { client: c.outA, path: `${API}/cases/${kase.id}/transitions`, body: { event: 'start_contact', reason: 'ready' },
        reads: [`${API}/cases/${kase.id}/timeline`] };
    },
  },
  'POST /api/v1/cases/{id}/handover': {
    setup: async () => {
      const kase = await newCase();
      return { client: c.leadA, path: `${API}/cases/${kase.id}/handover`,
        body: { from_user_id: ids.outA, to_user_id: ids.leadA, note: 'leave' },
        reads: [`${API}/cases/${kase.id}`, `${API}/cases/${kase.id}/timeline`] };
    },
  },
  'POST /api/v1/cases/{id}/check-ins/{checkin_id}/outcome': {
    setup: async () => {
      const kase = await closedCase();
      const checkIn = await c.outA.post(`${API}/cases/${kase.id}/check-ins`, { planned_on: localDate(0), worker_id: ids.outA });
      expectStatus(checkIn, 201);
      return { client: c.outA, path: `${API}/cases/${kase.id}/check-ins/${checkIn.body.id}/outcome`,
        body: { done_on: localDate(0), outcome: 'doing_well', note: 'fine' }, reads: [`${API}/cases/${kase.id}`] };
    },
  },
  'POST /api/v1/cases/{id}/reviews': {
    setup: async () => {
      const kase = await newCase();
      return { client: c.leadA, path: `${API}/cases/${kase.id}/reviews`,
        body: { held_on: localDate(0), attendees: 'the team', notes: 'going well', decision: 'continue' },
        reads: [`${API}/cases/${kase.id}`] };
    },
  },
  'POST /api/v1/households/{id}/members': {
    setup: async () => {
      const kase = await newCase();
      const household = kase.household.id;
      return { client: c.outA, path: `${API}/households/${household}/members`, body: { name: 'A Child', role: 'child' },
        reads: [`${API}/households/${household}`] };
    },
  },
  'POST /api/v1/persons/{id}/consents': {
    setup: async () => {
      const kase = await newCase();
      return { client: c.outA, path: `${API}/persons/${kase.person.id}/consents`,
        body: { recipient_category: 'general_practitioner', organisation: 'Practice', scope: 'full', topics: [],
          channels: ['oral'], given_on: localDate(0), ends_on: null },
        reads: [`${API}/persons/${kase.person.id}/consents`] };
    },
  },
  'POST /api/v1/persons/{id}/consent-stance': {
    setup: async () => {
      const kase = await newCase();
      return { client: c.outA, path: `${API}/persons/${kase.person.id}/consent-stance`,
        body: { stance: 'no_opinion', noted_on: localDate(0), note: 'thinks about it' },
        reads: [`${API}/persons/${kase.person.id}/consents`] };
    },
  },
  'POST /api/v1/persons/{id}/exchanges': {
    setup: async () => {
      const kase = await newCase();
      return { client: c.outA, path: `${API}/persons/${kase.person.id}/exchanges`,
        body: { occurred_on: localDate(0), direction: 'given', channel: 'phone', organisation_category: 'other',
          organisation: 'Food bank', contact_person: 'Someone', topics: ['finances'], basis: 'professional_code_art2',
          justification: 'acute need', peer_consulted: 'a colleague' },
        reads: [`${API}/persons/${kase.person.id}/exchanges`] };
    },
  },
  'POST /api/v1/cases/{id}/break-glass': {
    setup: async () => {
      const kase = await newCase();
      return { client: c.outB, path: `${API}/cases/${kase.id}/break-glass`, body: { reason: 'night emergency' },
        reads: [`${API}/cases/${kase.id}`] };
    },
  },
};

async function totals() {
  const signals = await c.leadA.get(`${API}/signals?status=all&limit=1`);
  const cases = await c.leadA.get(`${API}/cases?scope=team&status=all&limit=1`);
  const teams = await c.admin.get(`${API}/teams`);
  const users = await c.admin.get(`${API}/users`);
  for (const res of [signals, cases, teams, users]) expectStatus(res, 200);
  return { signals: signals.body.total, cases: cases.body.total, teams: teams.body.items.length, users: users.body.items.length };
}

function assertJsonType(res, what) {
  const type = res.headers.get('content-type') ?? '';
  assert.doesNotMatch(type, /html/i, `${what}: ${describeRes(res)}`);
  if (res.status >= 200 && res.status < 300 && res.status !== 204) {
    assert.match(type, /^application\/json/, `${what}: ${describeRes(res)}`);
  }
  if (res.status >= 400) {
    assert.ok(res.status < 500, `${what}: server error; ${describeRes(res)}`);
    assert.match(type, /^application\/problem\+json/, `${what}: ${describeRes(res)}`);
    assert.equal(res.body?.status, res.status, `${what}: ${describeRes(res)}`);
    assert.equal(typeof res.body?.code, 'string', `${what}: ${describeRes(res)}`);
  }
}

before(async () => {
  server = await startServer();
  c.outA = await loginAs(server.baseUrl, DEMO.outreacherA);
  c.leadA = await loginAs(server.baseUrl, DEMO.leadA);
  c.outB = await loginAs(server.baseUrl, DEMO.outreacherB);
  c.admin = await loginAs(server.baseUrl, DEMO.admin);
  c.privacy = await loginAs(server.baseUrl, 'demo-privacy');
  c.policy = await loginAs(server.baseUrl, 'demo-policy');
  c.partner = await loginAs(server.baseUrl, 'demo-partner');
  ids.outA = c.outA.user.id;
  ids.leadA = c.leadA.user.id;
  ids.teamA = c.outA.user.teams[0].id;
  assert.equal(c.outA.user.teams.length, 1);
  const res = await (await fetch(`${server.baseUrl}${API}/openapi.json`)).json();
  doc = res;
  // A user of its own for the TOTP-code routes, so that wrong codes limit nobody else.
  const totp = await newUser();
  ids.totpUsername = totp.username;
  c.totpUser = await enrolledClient(totp.username);
  // Another for DELETE /account/totp: wrong codes count per account, so the second-factor
  // payloads would have it rate-limited before its own codes are checked.
  c.totpUser2 = await enrolledClient((await newUser()).username);
  totalsBefore = await totals();
  created.users = 0; // counted from here
});
after(async () => {
  await server?.stop();
});

describe('injection payloads in request bodies', () => {
  it('every JSON operation with a free-text field has a base body', () => {
    const missing = jsonOperations().filter((op) => op.fields.length > 0 && !BASES[op.key]).map((op) => `${op.key} (${op.fields.join(', ')})`);
    assert.deepEqual(missing, [], 'add these operations to BASES in tests/api/injection.test.mjs');
    const fields = jsonOperations().flatMap((op) => op.fields);
    assert.ok(fields.includes('person.name') && fields.includes('reporter.phone'), `fields found: ${fields.join(', ')}`);
  });

  it('every free-text field answers 2xx with the exact text, or a clean 4xx; never 500 or HTML', async (t) => {
    const ops = jsonOperations().filter((op) => op.fields.length > 0 && BASES[op.key]);
    let storedCount = 0;
    for (const op of ops) {
      const base = BASES[op.key];
      const method = op.key.split(' ')[0];
      for (const field of op.fields) {
        for (const payload of PAYLOADS) {
          const what = `${op.key} ${field}=${JSON.stringify(payload)}`;
          const setup = await base.setup();
          pathSet(setup.body, field, payload);
          const res = await setup.client.request(method, setup.path, { json: setup.body, csrf: setup.csrf ?? true });
          assertJsonType(res, what);
          if (base.stored === false) {
            assert.ok(res.status >= 400 && res.status < 500, `${what}: expected a clean refusal; ${describeRes(res)}`);
            tally(`${op.key} ${res.status} ${res.body?.code}`);
            continue;
          }
          if (res.status === 422 && res.body?.errors?.some((e) => e.field === field)) {
            // A format rule of the field (e.g. a phone number) refused it cleanly.
            t.diagnostic(`${what}: refused ${JSON.stringify(res.body.errors)}`);
            continue;
          }
          assert.ok(res.status >= 200 && res.status < 300, `${what}: expected 2xx; ${describeRes(res)}`);
          base.onCreated?.();
          storedCount += 1;
          if (base.echo !== false) {
            assert.ok(containsString(res.body, payload), `${what}: answer lacks the exact text; ${describeRes(res)}`);
          }
          if (pathGet(res.body, field) !== undefined && pathGet(setup.body, field) === payload) {
            assert.equal(pathGet(res.body, field), payload, `${what}: ${describeRes(res)}`);
          }
          const reads = typeof setup.reads === 'function' ? setup.reads(res) : setup.reads ?? [];
          assert.ok(reads.length > 0 || base.stored === false, `${op.key}: no read-back path`);
          let found = false;
          for (const path of reads) {
            const got = await setup.client.get(path);
            expectStatus(got, 200);
            assertJsonType(got, `${what} then GET ${path}`);
            found ||= containsString(got.body, payload);
          }
          assert.ok(found, `${what}: no later GET (${reads.join(', ')}) returns the exact text`);
        }
      }
    }
    assert.ok(storedCount > 100, `only ${storedCount} payloads were stored`);
    t.diagnostic(`${ops.length} operations, ${ops.reduce((n, op) => n + op.fields.length, 0)} fields, ${storedCount} stored`);
    for (const [key, n] of statuses) t.diagnostic(`${key}: ${n}x`);
    statuses.clear();
  });

  it('the database is intact: the lists answer with the old totals plus what was created', async () => {
    const now = await totals();
    assert.deepEqual(now, {
      signals: totalsBefore.signals + created.signals,
      cases: totalsBefore.cases + created.cases,
      teams: totalsBefore.teams + created.teams,
      users: totalsBefore.users + created.users,
    });
    for (const path of [`${API}/signals?status=all`, `${API}/cases?scope=team&status=all`, `${API}/caseload`]) {
      expectStatus(await c.leadA.get(path), 200);
    }
    expectStatus(await c.outA.get('/ready'), 200);
  });
});

describe('injection payloads in query parameters and paths', () => {
  function clientFor(path) {
    if (/access-log$|persons\/lookup/.test(path) && !path.includes('{id}')) return c.privacy;
    if (/\/retention|\/users$/.test(path)) return c.admin;
    if (/\/figures/.test(path)) return c.policy;
    if (/\/partner\//.test(path)) return c.partner;
    return c.leadA;
  }

  it('every query parameter of every GET answers 200 or a clean 4xx, never 500', async (t) => {
    const kase = await newCase();
    const fill = (path) => path
      .replace('/cases/{id}', `/cases/${kase.id}`)
      .replace('/signals/{id}', `/signals/${kase.signals[0].id}`)
      .replace('/teams/{id}', `/teams/${ids.teamA}`)
      .replace('/persons/{id}', `/persons/${kase.person.id}`)
      .replace('/households/{id}', `/households/${kase.household.id}`)
      .replace(/\{[a-z_]+\}/g, '1');
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const op = item.get;
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])]
        .map((p) => (p.$ref ? resolveRef(p.$ref) : p))
        .filter((p) => p.in === 'query');
      for (const param of params) {
        for (const payload of PAYLOADS) {
          const url = `${fill(path)}?${encodeURIComponent(param.name)}=${encodeURIComponent(payload)}`;
          const res = await clientFor(path).get(url);
          assertJsonType(res, `GET ${url}`);
          tally(`GET ${path}?${param.name} ${res.status}`);
          checked += 1;
        }
      }
    }
    assert.ok(checked > 50, `only ${checked} query parameters checked`);
    for (const [key, n] of statuses) t.diagnostic(`${key}: ${n}x`);
  });

  it('injection in path segments answers a clean 4xx', async () => {
    for (const payload of PAYLOADS) {
      for (const prefix of ['/cases/', '/signals/', '/persons/', '/households/']) {
        const url = `${API}${prefix}${encodeURIComponent(payload)}`;
        const res = await c.leadA.get(url);
        assert.ok(res.status >= 400 && res.status < 500, `GET ${url}: ${describeRes(res)}`);
        assertJsonType(res, `GET ${url}`);
      }
    }
  });

  it('the database still answers afterwards', async () => {
    const now = await totals();
    assert.equal(now.signals, totalsBefore.signals + created.signals);
    assert.equal(now.cases, totalsBefore.cases + created.cases);
  });
});
