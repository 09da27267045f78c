// Consent registry and information exchange log (seed 000 Bijlage 4 and 5): consents per recipient,
// withdrawal, the person's consent state, and exchanges that are refused without a basis
// (422 consent_required) and accepted with a covering consent or a ground without consent.
// Bad input changes nothing; other teams get 404; roles without person data get 403.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createCase, listAll, localDate,
} from './lib/client.mjs';

let server;
let outreacher;
let lead;
let outreacherB;
let leadB;
let admin;
before(async () => {
  server = await startServer();
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
  outreacherB = await loginAs(server.baseUrl, DEMO.outreacherB);
  leadB = await loginAs(server.baseUrl, DEMO.leadB);
  admin = await loginAs(server.baseUrl, DEMO.admin);
});
after(async () => {
  await server?.stop();
});

const fieldErrors = (res, expected) => expectFieldErrors(res, Object.entries(expected));

const consentInput = (overrides = {}) => ({
  recipient_category: 'housing_corporation',
  organisation: '',
  scope: 'partial',
  topics: ['housing', 'finances'],
  channels: ['oral', 'phone'],
  given_on: localDate(-10),
  ...overrides,
});

const exchangeInput = (overrides = {}) => ({
  occurred_on: localDate(-1),
  direction: 'given',
  channel: 'phone',
  organisation_category: 'housing_corporation',
  organisation: 'Woonstichting Voorbeeld',
  contact_person: 'Medewerker Voorbeeld',
  topics: ['housing'],
  ...overrides,
});

// What the team can read of a person's consent and exchanges.
async function state(client, personId) {
  const consents = await client.get(`${API}/persons/${personId}/consents`);
  const exchanges = await client.get(`${API}/persons/${personId}/exchanges`);
  expectStatus(consents, 200);
  expectStatus(exchanges, 200);
  return { consents: consents.body, exchanges: exchanges.body };
}

async function unchanged(personId, request) {
  const before = await state(outreacher, personId);
  const res = await request();
  assert.deepEqual(await state(outreacher, personId), before, 'the refused request changed stored data');
  return res;
}

async function newPerson() {
  return (await createCase(outreacher, lead, [outreacher.user.id])).person.id;
}

describe('demo data', () => {
  // Runs first, before the tests below add consents of their own.
  it('has persons in every consent state of Bijlage 5 and exchanges on every basis', async () => {
    const states = new Set();
    const bases = new Set();
    let withdrawn = 0;
    for (const client of [lead, leadB]) {
      for (const summary of await listAll(client, `${API}/cases?scope=team&status=all`)) {
        const kase = await client.get(`${API}/cases/${summary.id}`);
        expectStatus(kase, 200);
        const { consents, exchanges } = await state(client, kase.body.person.id);
        states.add(consents.state);
        withdrawn += consents.items.filter((k) => k.withdrawn_on !== null).length;
        for (const x of exchanges.items) {
          bases.add(x.basis);
          assert.equal(x.consent_id !== null, x.basis === 'consent', JSON.stringify(x));
          if (x.basis !== 'consent') assert.ok(x.justification.length > 0, JSON.stringify(x));
          if (x.basis === 'professional_code_art2') assert.ok(x.peer_consulted.length > 0, JSON.stringify(x));
        }
      }
    }
    assert.deepEqual([...states].sort(), ['explicitly_refuses', 'general', 'no_opinion', 'not_asked', 'partial']);
    assert.deepEqual([...bases].sort(),
      ['consent', 'legal_duty', 'meldcode', 'professional_code_art2', 'vital_interest']);
    assert.equal(withdrawn, 1);
  });
});

describe('consent registry', () => {
  it('records consents, derives the state and withdraws', async () => {
    const person = await newPerson();
    let res = await outreacher.get(`${API}/persons/${person}/consents`);
    expectStatus(res, 200);
    assert.deepEqual(res.body, { state: 'not_asked', stance: null, items: [] });

    res = await outreacher.post(`${API}/persons/${person}/consents`, consentInput());
    expectStatus(res, 201);
    const partial = res.body;
    assert.equal(partial.person_id, person);
    assert.deepEqual(partial.topics, ['housing', 'finances']);
    assert.deepEqual(partial.channels, ['oral', 'phone']);
    assert.equal(partial.ends_on, null);
    assert.equal(partial.withdrawn_on, null);
    assert.equal(partial.scan, null);
    assert.equal(partial.recorded_by.id, outreacher.user.id);
    assert.equal((await outreacher.get(`${API}/persons/${person}/consents`)).body.state, 'partial');

    res = await lead.post(`${API}/persons/${person}/consents`,
      consentInput({ recipient_category: 'general_practitioner', scope: 'full', topics: [], ends_on: localDate(30) }));
    expectStatus(res, 201);
    const full = res.body;
    assert.equal(full.ends_on, localDate(30));
    res = await outreacher.get(`${API}/persons/${person}/consents`);
    assert.equal(res.body.state, 'general');
    assert.deepEqual(res.body.items.map((k) => k.id), [partial.id, full.id]);

    res = await outreacher.post(`${API}/consents/${full.id}/withdrawal`, { withdrawn_on: localDate() });
    expectStatus(res, 200);
    assert.equal(res.body.withdrawn_on, localDate());
    assert.equal(res.body.withdrawn_by.id, outreacher.user.id);
    assert.equal((await outreacher.get(`${API}/persons/${person}/consents`)).body.state, 'partial');
    expectProblem(await unchanged(person,
      () => outreacher.post(`${API}/consents/${full.id}/withdrawal`, { withdrawn_on: localDate() })), 409, 'conflict');

    // A stance is refused while a consent is valid, and recorded once none is.
    expectProblem(await unchanged(person, () => outreacher.post(`${API}/persons/${person}/consent-stance`,
      { stance: 'explicitly_refuses', noted_on: localDate(), note: '' })), 409, 'conflict');
    expectStatus(await outreacher.post(`${API}/consents/${partial.id}/withdrawal`, { withdrawn_on: localDate() }), 200);
    res = await outreacher.post(`${API}/persons/${person}/consent-stance`,
      { stance: 'explicitly_refuses', noted_on: localDate(), note: 'Wil niet dat wij bellen' });
    expectStatus(res, 201);
    assert.equal(res.body.state, 'explicitly_refuses');
    assert.equal(res.body.stance.note, 'Wil niet dat wij bellen');
    assert.equal((await outreacher.get(`${API}/persons/${person}/consents`)).body.state, 'explicitly_refuses');
  });

  it('refuses bad input, changing nothing', async () => {
    const person = await newPerson();
    const path = `${API}/persons/${person}/consents`;
    const k = (await outreacher.post(path, consentInput())).body;
    fieldErrors(await unchanged(person, () => outreacher.post(path, {})),
      { recipient_category: 'required', scope: 'required', channels: 'required', given_on: 'required' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, consentInput({ recipient_category: 'baker' }))),
      { recipient_category: 'unknown_value' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, consentInput({ topics: [] }))),
      { topics: 'required' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, consentInput({ scope: 'full' }))),
      { topics: 'not_allowed' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, consentInput({ channels: ['fax'] }))),
      { 'channels[0]': 'unknown_value' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, consentInput({ given_on: localDate(1) }))),
      { given_on: 'in_future' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, consentInput({ ends_on: localDate(-20) }))),
      { ends_on: 'out_of_range' });
    fieldErrors(await unchanged(person,
      () => outreacher.post(path, consentInput({ recipient_category: 'other', organisation: ' ' }))),
    { organisation: 'required' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, consentInput({ organisation: 'x'.repeat(501) }))),
      { organisation: 'too_long' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, consentInput({ topics: 'housing' }))),
      { topics: 'invalid_type' });
    fieldErrors(await unchanged(person,
      () => outreacher.post(`${API}/consents/${k.id}/withdrawal`, { withdrawn_on: localDate(-11) })),
    { withdrawn_on: 'out_of_range' });
    fieldErrors(await unchanged(person,
      () => outreacher.post(`${API}/consents/${k.id}/withdrawal`, { withdrawn_on: localDate(1) })),
    { withdrawn_on: 'in_future' });
    fieldErrors(await unchanged(person, () => outreacher.post(`${API}/persons/${person}/consent-stance`,
      { stance: 'general', noted_on: localDate() })), { stance: 'unknown_value' });
    expectProblem(await unchanged(person, () => outreacher.post(path, 'not json')), 400, 'invalid_json');
  });
});

describe('consent form', () => {
  it('is a PDF with the person and their valid consents, in Dutch', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    const person = c.person.id;
    const k = (await outreacher.post(`${API}/persons/${person}/consents`,
      consentInput({ organisation: 'Woonstichting Voorbeeld' }))).body;
    expectStatus(await outreacher.post(`${API}/persons/${person}/consents`,
      consentInput({ recipient_category: 'bank', scope: 'full', topics: [] })), 201);
    expectStatus(await outreacher.post(`${API}/consents/${k.id}/withdrawal`, { withdrawn_on: localDate() }), 200);
    const res = await fetch(`${server.baseUrl}${API}/persons/${person}/consent-form.pdf`,
      { headers: { cookie: [...outreacher.cookies].map(([n, v]) => `${n}=${v}`).join('; ') } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    assert.ok(pdf.startsWith('%PDF-'), pdf.slice(0, 20));
    // WinAnsi text: ë is byte 0xEB, written escaped in octal in the content stream.
    assert.ok(/Toestemmingsformulier voor de cli(\xEB|\\353)nt/.test(pdf), 'the title with its \u00eb');
    assert.ok(pdf.includes(c.person.name), 'the person\'s name');
    assert.ok(pdf.includes('Bank: volledig'), 'the valid consent');
    assert.ok(!pdf.includes('Woonstichting Voorbeeld'), 'not the withdrawn consent');
    expectProblem(await outreacherB.get(`${API}/persons/${person}/consent-form.pdf`), 404, 'not_found');
  });
});

describe('signed scan', () => {
  const upload = (client, id, bytes, type = 'application/pdf') =>
    client.request('POST', `${API}/consents/${id}/scan`, { body: bytes, headers: { 'content-type': type } });
  const download = (client, id) => fetch(`${server.baseUrl}${API}/consents/${id}/scan`,
    { headers: { cookie: [...client.cookies].map(([n, v]) => `${n}=${v}`).join('; ') } });
  const scans = () => readdirSync(join(server.dataDir, 'scans'));

  it('round-trips a PDF and a PNG, typed by their first bytes, replacing the earlier file', async () => {
    const person = await newPerson();
    const k = (await outreacher.post(`${API}/persons/${person}/consents`, consentInput())).body;
    expectProblem(await outreacher.get(`${API}/consents/${k.id}/scan`), 404, 'not_found');

    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2 * 1024 * 1024, 7)]);
    let res = await upload(outreacher, k.id, pdf, 'application/octet-stream');
    expectStatus(res, 201);
    assert.deepEqual(res.body.scan, { media_type: 'application/pdf' });
    assert.equal((await outreacher.get(`${API}/persons/${person}/consents`)).body.items[0].scan.media_type,
      'application/pdf');
    let got = await download(outreacher, k.id);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('content-type'), 'application/pdf');
    assert.ok(Buffer.from(await got.arrayBuffer()).equals(pdf));
    const before = scans().length;

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
    res = await upload(lead, k.id, png, 'image/png');
    expectStatus(res, 201);
    assert.deepEqual(res.body.scan, { media_type: 'image/png' });
    got = await download(lead, k.id);
    assert.equal(got.headers.get('content-type'), 'image/png');
    assert.ok(Buffer.from(await got.arrayBuffer()).equals(png));
    assert.equal(scans().length, before, 'the earlier file is removed');
  });

  it('refuses another type, an empty or too large file and other teams, changing nothing', async () => {
    const person = await newPerson();
    const k = (await outreacher.post(`${API}/persons/${person}/consents`, consentInput())).body;
    expectProblem(await unchanged(person, () => upload(outreacher, k.id, Buffer.from('GIF89a....'), 'application/pdf')),
      415, 'unsupported_media_type');
    fieldErrors(await unchanged(person, () => upload(outreacher, k.id, Buffer.alloc(0))), { scan: 'required' });
    const tooLarge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024, 7)]);
    expectProblem(await unchanged(person, () => upload(outreacher, k.id, tooLarge)), 413, 'payload_too_large');
    // The larger limit is this route's only: other bodies stay at 1 MiB.
    expectProblem(await unchanged(person, () => outreacher.post(`${API}/persons/${person}/consents`,
      consentInput({ organisation: 'x'.repeat(1024 * 1024) }))), 413, 'payload_too_large');
    expectProblem(await unchanged(person, () => upload(outreacherB, k.id, Buffer.from('%PDF-1.4'))), 404, 'not_found');
    expectProblem(await outreacherB.get(`${API}/consents/${k.id}/scan`), 404, 'not_found');
    expectProblem(await unchanged(person, () => upload(outreacher, 999999999, Buffer.from('%PDF-1.4'))), 404,
      'not_found');
    assert.equal((await outreacher.get(`${API}/persons/${person}/consents`)).body.items[0].scan, null);
  });
});

describe('information exchange', () => {
  it('is refused without a basis and accepted with a covering consent', async () => {
    const person = await newPerson();
    const path = `${API}/persons/${person}/exchanges`;
    let res = await unchanged(person, () => outreacher.post(path, exchangeInput()));
    expectProblem(res, 422, 'consent_required');
    assert.match(res.body.detail, /no consent on record/);
    assert.deepEqual(res.body.errors.map((e) => [e.field, e.code]), [['basis', 'consent_required']]);

    const consent = (await outreacher.post(`${API}/persons/${person}/consents`,
      consentInput({ organisation: 'Woonstichting Voorbeeld', channels: ['phone'] }))).body;
    res = await outreacher.post(path, exchangeInput());
    expectStatus(res, 201);
    assert.equal(res.body.basis, 'consent');
    assert.equal(res.body.consent_id, consent.id);
    assert.equal(res.body.contact_person, 'Medewerker Voorbeeld');
    assert.equal(res.body.recorded_by.id, outreacher.user.id);

    // Each gap of the closest consent is named on its field.
    const refusals = [
      [{ topics: ['housing', 'addiction'] }, 'topics[1]'],
      [{ channel: 'electronic' }, 'channel'],
      [{ organisation: 'Andere Woonstichting' }, 'organisation'],
      [{ organisation_category: 'bank' }, 'organisation_category'],
      [{ occurred_on: localDate(-11) }, 'occurred_on'],
    ];
    for (const [overrides, field] of refusals) {
      res = await unchanged(person, () => outreacher.post(path, exchangeInput(overrides)));
      expectProblem(res, 422, 'consent_required');
      assert.ok(res.body.errors.some((e) => e.field === field && e.code === 'consent_required'),
        `${field}: ${JSON.stringify(res.body)}`);
      assert.match(res.body.detail, new RegExp(`consent ${consent.id}`));
    }

    expectStatus(await outreacher.post(`${API}/consents/${consent.id}/withdrawal`, { withdrawn_on: localDate() }), 200);
    res = await unchanged(person, () => outreacher.post(path, exchangeInput({ occurred_on: localDate() })));
    expectProblem(res, 422, 'consent_required');
    assert.match(res.body.detail, /withdrawn/);
    // Before the withdrawal the consent still covered it.
    expectStatus(await outreacher.post(path, exchangeInput({ occurred_on: localDate(-2) })), 201);

    res = await outreacher.get(path);
    expectStatus(res, 200);
    assert.deepEqual(res.body.items.map((x) => x.occurred_on), [localDate(-1), localDate(-2)]);
  });

  it('is accepted with each ground without consent, given a justification', async () => {
    const person = await newPerson();
    const path = `${API}/persons/${person}/exchanges`;
    for (const basis of ['vital_interest', 'legal_duty', 'meldcode', 'professional_code_art2']) {
      fieldErrors(await unchanged(person, () => outreacher.post(path, exchangeInput({ basis }))),
        { justification: 'required' });
    }
    fieldErrors(await unchanged(person, () => outreacher.post(path,
      exchangeInput({ basis: 'professional_code_art2', justification: 'Niet in staat zijn wil te bepalen' }))),
    { peer_consulted: 'required' });
    for (const basis of ['vital_interest', 'legal_duty', 'meldcode', 'professional_code_art2']) {
      const res = await lead.post(path, exchangeInput({
        basis, justification: 'Acuut gevaar', peer_consulted: basis === 'professional_code_art2' ? 'Collega Voorbeeld' : '',
      }));
      expectStatus(res, 201);
      assert.equal(res.body.basis, basis);
      assert.equal(res.body.consent_id, null);
    }
    assert.equal((await outreacher.get(path)).body.items.length, 4);
  });

  it('refuses bad input, changing nothing', async () => {
    const person = await newPerson();
    const path = `${API}/persons/${person}/exchanges`;
    fieldErrors(await unchanged(person, () => outreacher.post(path, {})), {
      occurred_on: 'required', direction: 'required', channel: 'required', organisation_category: 'required',
      organisation: 'required', topics: 'required',
    });
    fieldErrors(await unchanged(person, () => outreacher.post(path, exchangeInput({ basis: 'gossip' }))),
      { basis: 'unknown_value' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, exchangeInput({ direction: 'both' }))),
      { direction: 'unknown_value' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, exchangeInput({ occurred_on: localDate(1) }))),
      { occurred_on: 'in_future' });
    fieldErrors(await unchanged(person, () => outreacher.post(path, exchangeInput({ topics: ['weather'] }))),
      { 'topics[0]': 'unknown_value' });
  });
});

describe('access', () => {
  it('another team gets 404; the admin outside the team 404; other roles 403', async () => {
    const person = await newPerson();
    const consent = (await outreacher.post(`${API}/persons/${person}/consents`, consentInput())).body;
    const requests = (client) => [
      () => client.get(`${API}/persons/${person}/consents`),
      () => client.post(`${API}/persons/${person}/consents`, consentInput()),
      () => client.post(`${API}/consents/${consent.id}/withdrawal`, { withdrawn_on: localDate() }),
      () => client.post(`${API}/persons/${person}/consent-stance`, { stance: 'no_opinion', noted_on: localDate() }),
      () => client.get(`${API}/persons/${person}/exchanges`),
      () => client.post(`${API}/persons/${person}/exchanges`, exchangeInput()),
      () => client.get(`${API}/persons/${person}/consent-form.pdf`),
      () => client.request('POST', `${API}/consents/${consent.id}/scan`,
        { body: Buffer.from('%PDF-1.4'), headers: { 'content-type': 'application/pdf' } }),
      () => client.get(`${API}/consents/${consent.id}/scan`),
    ];
    for (const client of [outreacherB, leadB, admin]) {
      for (const request of requests(client)) expectProblem(await unchanged(person, request), 404, 'not_found');
    }
    for (const request of requests(outreacher)) {
      const res = await request();
      assert.ok(res.status < 300 || res.body.code !== 'not_found', JSON.stringify(res.body));
    }
    expectProblem(await outreacher.get(`${API}/persons/999999999/consents`), 404, 'not_found');
    expectProblem(await outreacher.post(`${API}/consents/999999999/withdrawal`, { withdrawn_on: localDate() }),
      404, 'not_found');

    const teamA = lead.user.teams[0].id;
    for (const role of ['reception', 'partner', 'policy', 'privacy_officer']) {
      const username = `consent-${role.replace('_', '-')}`;
      expectStatus(await admin.post(`${API}/users`, {
        username, display_name: `Voorbeeld ${role}`, role, password: 'correct-horse-example', team_ids: [teamA],
      }), 201);
      const client = await loginAs(server.baseUrl, username, 'correct-horse-example');
      for (const request of requests(client)) expectProblem(await unchanged(person, request), 403, 'forbidden');
    }
  });
});
