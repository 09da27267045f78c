// The authorisation matrix: every route of the OpenAPI document, called by every role on a team-A
// resource, answers the status of authorization-matrix.tsv. A route without a row fails the test,
// so a new endpoint cannot ship without deciding who may call it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO, DEMO_PASSWORD } from './lib/server.mjs';
import {
  API, Client, loginAs, expectStatus, createSignal, createCase, describe as describeRes, localDate, localDateTime,
  signalInput,
} from './lib/client.mjs';
import { currentStep, totpCode } from './lib/totp.mjs';

const ROLES = ['anonymous', 'outreacher_a', 'lead_a', 'outreacher_b', 'admin', 'reception', 'partner', 'policy', 'privacy'];
const EXTRA_PASSWORD = 'matrix-example-passphrase';

function readMatrix() {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'authorization-matrix.tsv');
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines.shift().split('\t');
  assert.deepEqual(header.slice(4), ROLES, 'the role columns of authorization-matrix.tsv');
  return lines.map((line) => {
    const cells = line.split('\t');
    assert.equal(cells.length, header.length, `row "${line}"`);
    const [method, target, fixture, body] = cells;
    const expected = Object.fromEntries(ROLES.map((r, i) => [r, Number(cells[4 + i])]));
    return { method, target, fixture, body, expected };
  });
}

// "/api/v1/break-glass?team={team}" and "/api/v1/cases/{id}" both become "/api/v1/cases/{}".
const template = (p) => p.split('?')[0].replace(/\{[^}]+\}/g, '{}');

let server;
const clients = {};
const usernames = {};
const shared = {};
let counter = 0;

// A PNG's first bytes: enough for the server to type an uploaded consent scan.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);

// A 6-digit code that is not valid for the secret (if any) in this or a neighbouring 30-second
// step, so a call that checks it never turns two-factor login on or off.
function wrongTotpCode(secret) {
  const valid = secret ? [-1, 0, 1].map((d) => totpCode(secret, currentStep() + d)) : [];
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!valid.includes(code)) return code;
  }
}

// Request bodies by name; each gets the call's path variables. An object with `raw` is sent as is
// with its `type` as Content-Type, anything else as JSON.
const bodies = {
  login: () => ({ username: DEMO.outreacherA, password: DEMO_PASSWORD }),
  new_team: () => ({ name: `Matrix Team ${++counter}` }),
  team_patch: () => ({ feedback_working_days: 5 }),
  settings_patch: () => ({ stuck_days: 28 }),
  new_user: () => ({
    username: `matrix.user-${++counter}`, display_name: `Matrix User ${counter}`, role: 'outreacher',
    password: EXTRA_PASSWORD, team_ids: [shared.team],
  }),
  user_patch: () => ({ display_name: `Matrix Spare ${++counter}` }),
  signal: () => ({ ...signalInput(), team_id: shared.team }),
  decision: () => ({ decision: 'no_action', reason: 'outside the target group' }),
  feedback: () => ({ given_on: localDate(0), told: 'The team has taken up the signal.' }),
  concerns: () => ({ concerns: 'person' }),
  contact: () => ({
    occurred_at: localDateTime(-1), channel: 'doorbell', with_whom: '', outcome: 'not_at_home', note: '',
    next_attempt_date: null,
  }),
  closure: () => ({ reason: 'out_of_view', note: '' }),
  reopen: () => ({ reason: 'new worries from the housing officer' }),
  transition: () => ({ event: 'start_contact', reason: 'first visit planned' }),
  handover: () => ({ from_user_id: clients.outreacher_a.user.id, to_user_id: clients.lead_a.user.id, note: 'matrix' }),
  preparation: () => ({ strategy: 'Ring in the morning.', companion: 'none', companion_name: '' }),
  prior_info: () => ({ source: 'General practitioner', content: 'Not seen for a year' }),
  check_in: () => ({ planned_on: localDate(14), worker_id: clients.outreacher_a.user.id }),
  check_in_outcome: () => ({ done_on: localDate(0), outcome: 'doing_well', note: '' }),
  review: () => ({ held_on: localDate(0), attendees: 'Team lead, outreacher', notes: 'Steady.', decision: 'continue' }),
  household_member: () => ({ name: `Fictional Child ${++counter}`, date_of_birth: '2015-05-05', role: 'child' }),
  break_glass: () => ({ reason: 'The client was brought to the night shelter of team B.' }),
  erasure: () => ({ reason: 'objection' }),
  consent: () => ({
    recipient_category: 'housing_corporation', organisation: '', scope: 'partial', topics: ['housing'],
    channels: ['phone'], given_on: localDate(-10),
  }),
  withdrawal: () => ({ withdrawn_on: localDate(0) }),
  stance: () => ({ stance: 'no_opinion', noted_on: localDate(0), note: '' }),
  scan_png: () => ({ raw: PNG, type: 'image/png' }),
  exchange: () => ({
    occurred_on: localDate(-1), direction: 'given', channel: 'phone', organisation_category: 'housing_corporation',
    organisation: 'Woonstichting Voorbeeld', contact_person: 'Medewerker Voorbeeld', topics: ['housing'],
    basis: 'legal_duty', justification: 'Asked for by the municipality under the law (matrix).',
  }),
  totp_code: (values) => ({ code: wrongTotpCode(values.totpSecret) }),
};

async function openCase() {
  return createCase(clients.outreacher_a, clients.lead_a, [clients.outreacher_a.user.id]);
}

async function closedCase() {
  const c = await openCase();
  expectStatus(await clients.lead_a.post(`${API}/cases/${c.id}/closure`, { reason: 'out_of_view', note: '' }), 200);
  return c;
}

async function newConsent(personId) {
  const res = await clients.lead_a.post(`${API}/persons/${personId}/consents`, bodies.consent());
  expectStatus(res, 201);
  return res.body.id;
}

// The path variables of one call by role; fresh resources when the call changes them.
async function prepare(fixture, role) {
  const values = { ...shared };
  if (fixture === 'signal') values.signal = (await createSignal(clients.outreacher_a)).id;
  if (fixture === 'case') values.case = (await openCase()).id;
  if (fixture === 'closed_case') values.case = (await closedCase()).id;
  if (fixture === 'person') {
    const c = await openCase();
    values.case = c.id;
    values.person = c.person.id;
  }
  if (fixture === 'closed_person') {
    const c = await closedCase();
    values.case = c.id;
    values.person = c.person.id;
  }
  if (fixture === 'consent') values.consent = await newConsent(shared.person);
  if (fixture === 'totp_enrolment' && role !== 'anonymous') {
    // admin and privacy officer have TOTP on already: 409, and no secret.
    const res = await clients[role].post(`${API}/account/totp`, {});
    if (res.status === 201) values.totpSecret = res.body.secret;
  }
  if (fixture === 'checkin') {
    values.case = (await closedCase()).id;
    const res = await clients.lead_a.post(`${API}/cases/${values.case}/check-ins`, bodies.check_in());
    expectStatus(res, 201);
    values.checkin = res.body.id;
  }
  if (fixture === 'household') {
    const c = await openCase();
    values.household = c.household.id;
    const res = await clients.lead_a.post(`${API}/households/${values.household}/members`, bodies.household_member());
    expectStatus(res, 201);
    values.person = res.body.members.find((m) => m.role === 'child').person_id;
  }
  return values;
}

async function call(row, role) {
  const values = await prepare(row.fixture, role);
  const target = row.target.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
  let client = clients[role];
  if (row.fixture === 'anon_client') client = new Client(server.baseUrl);
  if (row.fixture === 'second_session' && role !== 'anonymous') {
    client = await loginAs(server.baseUrl, usernames[role], role in extraRoles ? EXTRA_PASSWORD : DEMO_PASSWORD);
  }
  const body = row.body === '-' ? undefined : bodies[row.body](values);
  const res = await client.request(row.method, target,
    body?.raw ? { body: body.raw, headers: { 'content-type': body.type } } : { json: body });
  if (row.fixture === 'relogin' && role !== 'anonymous') {
    clients[role] = await loginAs(server.baseUrl, usernames[role], role in extraRoles ? EXTRA_PASSWORD : DEMO_PASSWORD);
  }
  return res;
}

// The roles without case content, created through the admin API as members of team A.
const extraRoles = { reception: 'reception', partner: 'partner', policy: 'policy', privacy: 'privacy_officer' };

before(async () => {
  server = await startServer();
  clients.anonymous = new Client(server.baseUrl);
  for (const [role, username] of [['outreacher_a', DEMO.outreacherA], ['lead_a', DEMO.leadA],
    ['outreacher_b', DEMO.outreacherB], ['admin', DEMO.admin]]) {
    usernames[role] = username;
    clients[role] = await loginAs(server.baseUrl, username);
  }
  shared.team = clients.lead_a.user.teams[0].id;
  for (const [key, role] of Object.entries(extraRoles)) {
    const username = `matrix.${key}`;
    const res = await clients.admin.post(`${API}/users`, {
      username, display_name: `Matrix ${key}`, role, password: EXTRA_PASSWORD, team_ids: [shared.team],
    });
    expectStatus(res, 201);
    usernames[key] = username;
    clients[key] = await loginAs(server.baseUrl, username, EXTRA_PASSWORD);
  }
  shared.signal = (await createSignal(clients.outreacher_a)).id;
  const c = await openCase();
  shared.case = c.id;
  shared.person = c.person.id;
  shared.consent = await newConsent(shared.person);
  const scan = await clients.lead_a.request('POST', `${API}/consents/${shared.consent}/scan`,
    { body: PNG, headers: { 'content-type': 'image/png' } });
  expectStatus(scan, 201);
  const spare = await clients.admin.post(`${API}/users`, bodies.new_user());
  expectStatus(spare, 201);
  shared.user = spare.body.id;
});
after(async () => {
  await server?.stop();
});

describe('authorisation matrix', () => {
  const rows = readMatrix();

  it('has exactly one row for every operation of the OpenAPI document', async () => {
    const res = await clients.anonymous.get(`${API}/openapi.json`);
    expectStatus(res, 200);
    const documented = [];
    for (const [p, item] of Object.entries(res.body.paths)) {
      for (const method of Object.keys(item)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) documented.push(`${method.toUpperCase()} ${template(p)}`);
      }
    }
    const listed = rows.map((r) => `${r.method} ${template(r.target)}`);
    assert.equal(new Set(listed).size, listed.length, 'a route has two rows');
    assert.deepEqual([...listed].sort(), [...documented].sort());
  });

  for (const row of rows) {
    it(`${row.method} ${row.target}`, async () => {
      const got = {};
      for (const role of ROLES) {
        const res = await call(row, role);
        got[role] = res.status;
        if (res.status !== row.expected[role]) got[`${role}:detail`] = describeRes(res);
      }
      const statuses = Object.fromEntries(ROLES.map((r) => [r, got[r]]));
      assert.deepEqual(statuses, row.expected, JSON.stringify(got, null, 1));
    });
  }
});
