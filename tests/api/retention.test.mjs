// Retention settings, the subject-access export (JSON and PDF) and erasure, with who may call them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createCase, createSignal, unchangedBy, localDate,
} from './lib/client.mjs';

let server;
let admin;
let leadA;
let outreacherA;
let leadB;
let privacy;
const others = {};

function person(name) {
  return { name, address: 'Example Street 3, Testville', phone: '', date_of_birth: '1970-01-31', sex: 'unknown' };
}

before(async () => {
  server = await startServer();
  admin = await loginAs(server.baseUrl, DEMO.admin);
  leadA = await loginAs(server.baseUrl, DEMO.leadA);
  outreacherA = await loginAs(server.baseUrl, DEMO.outreacherA);
  leadB = await loginAs(server.baseUrl, DEMO.leadB);
  const teamA = leadA.user.teams[0].id;
  for (const role of ['privacy_officer', 'policy', 'reception', 'partner']) {
    const username = `example-${role.replace('_', '-')}`;
    const res = await admin.post(`${API}/users`, {
      username, display_name: `Example ${role}`, role, password: 'correct-horse-example',
      team_ids: role === 'privacy_officer' ? [] : [teamA],
    });
    expectStatus(res, 201);
    others[role] = await loginAs(server.baseUrl, username, 'correct-horse-example');
  }
  privacy = others.privacy_officer;
});
after(async () => {
  await server?.stop();
});

describe('retention settings', () => {
  it('admin and privacy officer read the periods, counts and erasures; nobody else', async () => {
    for (const client of [admin, privacy]) {
      const res = await client.get(`${API}/retention`);
      expectStatus(res, 200);
      assert.deepEqual(res.body.periods, { closed_case_days: 730, signal_days: 183, access_log_days: 1826 });
      assert.equal(res.body.purge_interval_seconds, 86400);
      assert.ok(Array.isArray(res.body.purged_counts));
      assert.ok(Array.isArray(res.body.erasures));
    }
    for (const client of [leadA, outreacherA, others.policy, others.reception, others.partner]) {
      expectProblem(await client.get(`${API}/retention`), 403, 'forbidden');
    }
  });
});

describe('subject-access export', () => {
  it('the privacy officer finds the person by case or signal id and exports every section', async () => {
    const k = await createCase(leadA, leadA, [outreacherA.user.id], { person: person('Example Person Export') });
    const byCase = await privacy.get(`${API}/persons/lookup?case_id=${k.id}`);
    expectStatus(byCase, 200);
    assert.equal(byCase.body.id, k.person.id);
    assert.equal(byCase.body.name, 'Example Person Export');
    assert.equal(byCase.body.has_open_case, true);
    const bySignal = await privacy.get(`${API}/persons/lookup?signal_id=${k.signals[0].id}`);
    expectStatus(bySignal, 200);
    assert.equal(bySignal.body.id, k.person.id);

    const res = await privacy.get(`${API}/persons/${k.person.id}/export.json`);
    expectStatus(res, 200);
    assert.match(res.headers.get('content-disposition'), /attachment; filename="inzage-persoon-\d+\.json"/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    for (const section of ['export', 'person', 'household', 'signals', 'cases']) assert.ok(section in res.body, section);
    assert.equal(res.body.person.name, 'Example Person Export');
    assert.equal(res.body.signals.length, 1);
    assert.ok(res.body.signals[0].decisions.length >= 1);
    assert.equal(res.body.cases.length, 1);
    for (const part of ['contacts', 'events', 'assignment_history', 'preparation', 'check_ins', 'reviews']) {
      assert.ok(part in res.body.cases[0], part);
    }
    assert.equal(res.body.cases[0].household, null);

    // Who accessed the data: the lead's read just before the export is in it (queued reads are
    // written first), with name and role; the hash chain is not.
    expectStatus(await leadA.get(`${API}/cases/${k.id}`), 200);
    const withRead = await privacy.get(`${API}/persons/${k.person.id}/export.json`);
    expectStatus(withRead, 200);
    const rows = withRead.body.access_log;
    assert.ok(Array.isArray(rows));
    const keys = ['action', 'at', 'break_glass_reason', 'detail', 'id', 'on_behalf_of', 'record_id', 'record_type', 'user'];
    for (const row of rows) assert.deepEqual(Object.keys(row).sort(), keys);
    assert.deepEqual(rows.map((row) => row.id), rows.map((row) => row.id).sort((a, b) => a - b), 'oldest first');
    const read = rows.findLast((row) => row.action === 'read' && row.record_type === 'case');
    assert.ok(read, JSON.stringify(rows));
    assert.equal(read.record_id, k.id);
    assert.deepEqual(read.user, { id: leadA.user.id, display_name: leadA.user.display_name, role: 'team_lead' });
    assert.equal(read.on_behalf_of, `team:${leadA.user.teams[0].id}`);
    assert.equal(read.break_glass_reason, null);
    assert.ok(rows.some((row) => row.action === 'create' && row.record_type === 'signal'), 'the signal was created');
    const exported = rows.find((row) => row.action === 'export' && row.record_type === 'person');
    assert.ok(exported, 'the first export is in the second');
    assert.deepEqual(exported.user,
      { id: privacy.user.id, display_name: privacy.user.display_name, role: 'privacy_officer' });

    const pdf = await privacy.get(`${API}/persons/${k.person.id}/export.pdf`);
    expectStatus(pdf, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.ok(pdf.text.startsWith('%PDF-'), 'starts with %PDF');
  });

  it('only the privacy officer exports or looks up; others get 403, unknown ids 404', async () => {
    const k = await createCase(leadA, leadA, [outreacherA.user.id]);
    for (const client of [admin, leadA, outreacherA, leadB, others.policy, others.reception, others.partner]) {
      for (const path of [`persons/${k.person.id}/export.json`, `persons/${k.person.id}/export.pdf`,
        `persons/lookup?case_id=${k.id}`]) {
        expectProblem(await client.get(`${API}/${path}`), 403, 'forbidden');
      }
    }
    expectProblem(await privacy.get(`${API}/persons/999999/export.json`), 404, 'not_found');
    expectProblem(await privacy.get(`${API}/persons/lookup?case_id=999999`), 404, 'not_found');
    expectFieldErrors(await privacy.get(`${API}/persons/lookup?case_id=abc`), [['case_id', 'invalid_type']]);
    expectFieldErrors(await privacy.get(`${API}/persons/lookup`), [['case_id', 'required']]);
  });
});

describe('erasure', () => {
  it('is refused while the person has an open case, and done once it is closed', async () => {
    const k = await createCase(leadA, leadA, [outreacherA.user.id], { person: person('Example Person Erasure') });
    const views = { records: [`${API}/cases/${k.id}`, `${API}/signals/${k.signals[0].id}`] };
    expectProblem(await unchangedBy(leadA, views, () =>
      privacy.post(`${API}/persons/${k.person.id}/erasure`, { reason: 'objection' })), 409, 'erasure_not_allowed');
    expectFieldErrors(await unchangedBy(leadA, views, () =>
      privacy.post(`${API}/persons/${k.person.id}/erasure`, { reason: 'because' })), [['reason', 'unknown_value']]);
    for (const client of [admin, leadA, outreacherA, leadB, others.policy, others.reception, others.partner]) {
      expectProblem(await unchangedBy(leadA, views, () =>
        client.post(`${API}/persons/${k.person.id}/erasure`, { reason: 'objection' })), 403, 'forbidden');
    }

    // A consent and an information exchange resting on it: part of the export, erased with the person.
    expectStatus(await leadA.post(`${API}/persons/${k.person.id}/consents`, {
      recipient_category: 'housing_corporation', organisation: '', scope: 'partial', topics: ['housing'],
      channels: ['phone'], given_on: localDate(-10),
    }), 201);
    expectStatus(await leadA.post(`${API}/persons/${k.person.id}/exchanges`, {
      occurred_on: localDate(-1), direction: 'given', channel: 'phone', organisation_category: 'housing_corporation',
      organisation: 'Woonstichting Voorbeeld', contact_person: 'Medewerker Voorbeeld', topics: ['housing'],
    }), 201);
    const exported = await privacy.get(`${API}/persons/${k.person.id}/export.json`);
    expectStatus(exported, 200);
    assert.equal(exported.body.consents.length, 1);
    assert.equal(exported.body.exchanges.length, 1);
    assert.equal(exported.body.exchanges[0].basis, 'consent');

    expectStatus(await leadA.post(`${API}/cases/${k.id}/closure`, { reason: 'client_declines', note: '' }), 200);
    const res = await privacy.post(`${API}/persons/${k.person.id}/erasure`, { reason: 'objection' });
    expectStatus(res, 201);
    assert.deepEqual(Object.keys(res.body).sort(), ['erased_at', 'erased_by', 'id', 'reason']);
    assert.equal(res.body.reason, 'objection');
    assert.equal(res.body.erased_by.id, privacy.user.id);
    assert.ok(!JSON.stringify(res.body).includes('Example Person Erasure'));

    expectProblem(await leadA.get(`${API}/cases/${k.id}`), 404, 'not_found');
    expectProblem(await leadA.get(`${API}/signals/${k.signals[0].id}`), 404, 'not_found');
    expectProblem(await privacy.get(`${API}/persons/${k.person.id}/export.json`), 404, 'not_found');
    expectProblem(await leadA.get(`${API}/persons/${k.person.id}/consents`), 404, 'not_found');
    // The access log keeps that an export and an erasure happened, by person number only. Reads and
    // exports are written within about 100 ms (batched); the erasure in its own transaction.
    let actions = [];
    for (let attempt = 0; attempt < 20 && !actions.includes('export person'); attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      const log = await privacy.get(`${API}/access-log?person=${k.person.id}&limit=200`);
      expectStatus(log, 200);
      actions = log.body.items.map((row) => `${row.action} ${row.record_type}`);
    }
    assert.ok(actions.includes('export person'), actions.join(', '));
    assert.ok(actions.includes('delete person'), actions.join(', '));
    const settings = await privacy.get(`${API}/retention`);
    const record = settings.body.erasures.find((e) => e.id === res.body.id);
    assert.deepEqual(record, res.body);
    assert.ok(!JSON.stringify(settings.body).includes('Example Person Erasure'));
  });

  it('is refused while an information exchange about the person rests on the Meldcode', async () => {
    const k = await createCase(leadA, leadA, [outreacherA.user.id], { person: person('Example Person Meldcode') });
    expectStatus(await leadA.post(`${API}/persons/${k.person.id}/exchanges`, {
      occurred_on: localDate(-1), direction: 'given', channel: 'phone', organisation_category: 'youth_care',
      organisation: 'Veilig Thuis Voorbeeld', contact_person: 'Medewerker Voorbeeld', topics: ['parenting'],
      basis: 'meldcode', justification: 'Zorgen over de veiligheid van de kinderen',
    }), 201);
    expectStatus(await leadA.post(`${API}/cases/${k.id}/closure`, { reason: 'client_declines', note: '' }), 200);
    const views = { records: [`${API}/cases/${k.id}`, `${API}/persons/${k.person.id}/exchanges`] };
    const refused = await unchangedBy(leadA, views, () =>
      privacy.post(`${API}/persons/${k.person.id}/erasure`, { reason: 'objection' }));
    expectProblem(refused, 409, 'erasure_not_allowed');
    assert.match(refused.body.detail, /Meldcode/);
  });

  it('erases a person with only a signal', async () => {
    const signal = await createSignal(outreacherA);
    const person = (await privacy.get(`${API}/persons/lookup?signal_id=${signal.id}`)).body;
    assert.equal(person.has_open_case, false);
    expectStatus(await privacy.post(`${API}/persons/${person.id}/erasure`, { reason: 'consent_withdrawn' }), 201);
    expectProblem(await leadA.get(`${API}/signals/${signal.id}`), 404, 'not_found');
  });
});
