// An HTTP client with a cookie jar and the CSRF token of its session, the assertions every API
// test shares, fixtures with fictional data, and readState() to prove that a refused request
// stored nothing.
import assert from 'node:assert/strict';
import { DEMO, DEMO_PASSWORD, TIMEZONE } from './server.mjs';
import { DEMO_TOTP_SECRET, withFreshCode } from './totp.mjs';

// Logins of these users complete the TOTP step with their known secret.
const knownTotpSecrets = new Map([[DEMO.admin, DEMO_TOTP_SECRET], ['demo-privacy', DEMO_TOTP_SECRET]]);
// Secrets of the users loginAs enrolled, by "<server URL> <username>".
const enrolledSecrets = new Map();

export const API = '/api/v1';

export class Client {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new Map();
    this.csrf = null;
    this.user = null;
  }

  // Sends one request. options: json (serialised as the body, Content-Type application/json),
  // body (sent as is), headers, csrf (false: send no X-CSRF-Token). State-changing methods send
  // the session's CSRF token unless the caller sets the header itself.
  async request(method, path, { json, body, headers = {}, csrf = true } = {}) {
    const sent = { ...headers };
    if (json !== undefined) {
      body = JSON.stringify(json);
      sent['content-type'] ??= 'application/json';
    }
    if (csrf && this.csrf && !['GET', 'HEAD'].includes(method)) sent['x-csrf-token'] ??= this.csrf;
    if (this.cookies.size > 0) {
      sent.cookie ??= [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const res = await fetch(this.baseUrl + path, { method, headers: sent, body, redirect: 'manual' });
    const setCookies = res.headers.getSetCookie();
    this.#storeCookies(setCookies);
    const text = await res.text();
    let data = null;
    if (/json/.test(res.headers.get('content-type') ?? '') && text !== '') {
      data = JSON.parse(text);
    }
    return { status: res.status, headers: res.headers, body: data, text, setCookies, method, path };
  }

  get(path, options) {
    return this.request('GET', path, options);
  }

  post(path, json, options = {}) {
    return this.request('POST', path, { ...options, json });
  }

  patch(path, json, options = {}) {
    return this.request('PATCH', path, { ...options, json });
  }

  delete(path, options) {
    return this.request('DELETE', path, options);
  }

  // Logs in; for a user whose TOTP secret the tests know (demo-admin, or totpSecret) it also sends
  // the code, so the session is complete. Answers the login response (with second_factor "ok"
  // after a completed code).
  async login(username, password = DEMO_PASSWORD, { totpSecret = knownTotpSecrets.get(username) } = {}) {
    const res = await this.post(`${API}/session`, { username, password }, { csrf: false });
    if (res.status === 201) {
      this.csrf = res.body.csrf_token;
      this.user = res.body.user;
      if (res.body.second_factor === 'pending' && totpSecret) {
        const done = await this.completeSecondFactor(totpSecret);
        assert.equal(done.status, 200, `second factor of ${username}: ${describe(done)}`);
        res.body.second_factor = done.body.second_factor;
      }
    }
    return res;
  }

  // Sends a TOTP code that was not used yet (lib/totp.mjs withFreshCode).
  completeSecondFactor(secret) {
    return withFreshCode(secret, (code) => this.post(`${API}/session/second-factor`, { code }));
  }

  #storeCookies(setCookies) {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = attributes.some((a) => {
        const [key, val = ''] = a.split('=');
        if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(val) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

// A client logged in as username (asserts that the login worked). A user whose role requires
// two-factor login and who has not enrolled yet (a privacy officer the test created) is enrolled
// here; their secret is kept for their next logins on the same server.
export async function loginAs(baseUrl, username, password = DEMO_PASSWORD) {
  const client = new Client(baseUrl);
  const key = `${baseUrl} ${username}`;
  const res = await client.login(username, password, {
    totpSecret: enrolledSecrets.get(key) ?? knownTotpSecrets.get(username),
  });
  assert.equal(res.status, 201, `login as ${username}: ${describe(res)}`);
  if (res.body.second_factor === 'enrolment_required') {
    const started = await client.post(`${API}/account/totp`, {});
    assert.equal(started.status, 201, `TOTP enrolment of ${username}: ${describe(started)}`);
    const confirmed = await withFreshCode(started.body.secret, (code) =>
      client.post(`${API}/account/totp/confirm`, { code }),
    );
    assert.equal(confirmed.status, 200, `TOTP confirmation of ${username}: ${describe(confirmed)}`);
    enrolledSecrets.set(key, started.body.secret);
  }
  return client;
}

export function describe(res) {
  return `${res.method} ${res.path} answered ${res.status} ${res.text.slice(0, 400)}`;
}

export function expectStatus(res, status) {
  assert.equal(res.status, status, describe(res));
}

// A problem+json answer with this status and stable code.
export function expectProblem(res, status, code) {
  assert.equal(res.status, status, `expected ${status} ${code}; ${describe(res)}`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, describe(res));
  assert.equal(res.body?.code, code, describe(res));
  assert.equal(res.body.status, status, describe(res));
  assert.equal(typeof res.body.title, 'string', describe(res));
  assert.equal(typeof res.body.type, 'string', describe(res));
}

// A 422 validation_failed naming each [field, code] pair in errors[]. A field given as a RegExp
// matches any field name it matches (e.g. /^problem_areas/ for an array element).
export function expectFieldErrors(res, expected) {
  expectProblem(res, 422, 'validation_failed');
  assert.ok(Array.isArray(res.body.errors), describe(res));
  for (const [field, code] of expected) {
    const found = res.body.errors.some(
      (e) =>
        (field instanceof RegExp ? field.test(e.field) : e.field === field) &&
        (code === undefined || e.code === code) &&
        typeof e.message === 'string',
    );
    assert.ok(found, `expected error ${field} ${code ?? '(any code)'}; ${describe(res)}`);
  }
}

// Every page of a list endpoint (path without limit/offset), checked for total and paging.
export async function listAll(client, path) {
  const items = [];
  const sep = path.includes('?') ? '&' : '?';
  for (;;) {
    const res = await client.get(`${path}${sep}limit=50&offset=${items.length}`);
    expectStatus(res, 200);
    assert.ok(Array.isArray(res.body.items), describe(res));
    items.push(...res.body.items);
    if (res.body.items.length === 0 || items.length >= res.body.total) {
      assert.equal(items.length, res.body.total, `${path}: items do not add up to total`);
      return items;
    }
  }
}

// What client reads of a team's stored records: every page of the given lists and each given
// record (all must answer 200). Compare a reading before and after a refused request to show
// that it changed nothing.
export async function readState(client, { lists = [], records = [] }) {
  const state = {};
  for (const path of lists) state[path] = await listAll(client, path);
  for (const path of records) {
    const res = await client.get(path);
    expectStatus(res, 200);
    state[path] = res.body;
  }
  return state;
}

// The views that show a team's stored records: both full lists and the given records.
export function teamViews({ signalIds = [], caseIds = [] } = {}) {
  return {
    lists: [`${API}/signals?status=all`, `${API}/cases?scope=team&status=all`],
    records: [
      ...signalIds.map((id) => `${API}/signals/${id}`),
      ...caseIds.flatMap((id) => [`${API}/cases/${id}`, `${API}/cases/${id}/contacts`]),
    ],
  };
}

// Runs request and asserts that what client reads of views is the same before and after.
export async function unchangedBy(client, views, request) {
  const before = await readState(client, views);
  const res = await request();
  const after = await readState(client, views);
  assert.deepEqual(after, before, `the refused request changed stored data; ${describe(res)}`);
  return res;
}

const todayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIMEZONE, year: 'numeric', month: '2-digit', day: '2-digit',
});

// The calendar date in the servers' time zone, days from today, as YYYY-MM-DD.
export function localDate(days = 0) {
  const date = new Date(`${todayFormat.format(new Date())}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function localDateTime(days = 0, time = '10:00') {
  return `${localDate(days)}T${time}`;
}

let fictionalCounter = 0;

// A complete, valid Signal input with fictional people; overrides replace top-level keys.
export function signalInput(overrides = {}) {
  fictionalCounter += 1;
  return {
    intake_date: localDate(-1),
    reporter: {
      name: `Reporter Example ${fictionalCounter}`,
      kind: 'organisation',
      relation: 'housing officer',
      organisation: 'Example Housing Association',
      function: 'neighbourhood officer',
      phone: '0000-000000',
      address: 'Example Street 1, Testville',
    },
    person: {
      name: `Fictional Person ${fictionalCounter}`,
      address: 'Sample Lane 2, Testville',
      phone: '',
      date_of_birth: '1970-01-31',
      sex: 'unknown',
    },
    relation_to_person: 'tenant of the reporter',
    known_since: 'two years',
    contact_initiative: 'the reporter',
    contact_nature: 'letters about arrears',
    direct_reason: 'nuisance',
    direct_reason_other: '',
    tried_and_result: 'letters, no answer',
    what_would_help: 'a visit',
    others_in_contact: 'none known',
    whereabouts: 'at home in the mornings',
    reporter_can_introduce: 'yes',
    introduction_note: '',
    worker_gender_preference: 'none',
    may_contact_reporter: true,
    problem_areas: ['housing', 'finances'],
    problem_areas_other: '',
    follow_up_agreed: 'the team calls back within a week',
    feedback_date: localDate(6),
    person_aware: 'yes',
    ...overrides,
  };
}

// Registers a signal as client and returns the stored Signal.
export async function createSignal(client, overrides = {}) {
  const res = await client.post(`${API}/signals`, signalInput(overrides));
  expectStatus(res, 201);
  return res.body;
}

// Registers a signal as author and has lead decide outreach for workerIds; returns the Case.
export async function createCase(author, lead, workerIds, overrides = {}) {
  const signal = await createSignal(author, overrides);
  const res = await lead.post(`${API}/signals/${signal.id}/decision`, {
    decision: 'outreach',
    reason: 'serious worry and no care',
    assigned_worker_ids: workerIds,
  });
  expectStatus(res, 201);
  assert.equal(typeof res.body.case_id, 'number', describe(res));
  const found = await lead.get(`${API}/cases/${res.body.case_id}`);
  expectStatus(found, 200);
  return found.body;
}

export async function addContact(client, caseId, overrides = {}) {
  const res = await client.post(`${API}/cases/${caseId}/contacts`, {
    occurred_at: localDateTime(-1),
    channel: 'doorbell',
    with_whom: '',
    outcome: 'not_at_home',
    note: '',
    next_attempt_date: null,
    ...overrides,
  });
  expectStatus(res, 201);
  return res.body;
}
