// Registering signals: the stored record, lists, and every kind of bad input (which must store
// nothing).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, signalInput, createSignal,
  teamViews, unchangedBy, listAll, localDate,
} from './lib/client.mjs';

let server;
let outreacher;
let lead;
before(async () => {
  server = await startServer();
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
});
after(async () => {
  await server?.stop();
});

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('registering a signal', () => {
  it('stores every field and answers 201 with the Signal', async () => {
    const input = signalInput({
      direct_reason: 'other',
      direct_reason_other: 'worried neighbours',
      problem_areas: ['loneliness', 'other'],
      problem_areas_other: 'hoarding of newspapers',
      person: { name: 'Fictional Person Alpha', address: 'Sample Lane 3', phone: '0000-111111',
        date_of_birth: '2024-02-29', sex: 'female' },
    });
    const res = await outreacher.post(`${API}/signals`, input);
    expectStatus(res, 201);
    const signal = res.body;
    assert.equal(typeof signal.id, 'number');
    assert.equal(signal.team_id, outreacher.user.teams[0].id);
    assert.equal(signal.status, 'awaiting_decision');
    assert.equal(signal.case_id, null);
    assert.deepEqual(signal.decisions, []);
    assert.equal(signal.taken_by.id, outreacher.user.id);
    assert.match(signal.created_at, RFC3339_UTC);
    assert.equal(typeof signal.person.id, 'number');
    const { person, reporter, ...rest } = input;
    assert.deepEqual({ ...signal.person, id: undefined }, { ...person, id: undefined });
    assert.deepEqual(signal.reporter, reporter);
    for (const [key, value] of Object.entries(rest)) {
      assert.deepEqual(signal[key], value, `field ${key}`);
    }
  });

  it('GET /signals/{id} answers the same Signal', async () => {
    const created = await createSignal(outreacher);
    const res = await outreacher.get(`${API}/signals/${created.id}`);
    expectStatus(res, 200);
    assert.deepEqual(res.body, created);
    const asLead = await lead.get(`${API}/signals/${created.id}`);
    expectStatus(asLead, 200);
    assert.deepEqual(asLead.body, created);
  });

  it('needs only the required fields; the rest gets defaults', async () => {
    const res = await outreacher.post(`${API}/signals`, {
      intake_date: localDate(0),
      reporter: { name: 'Reporter Minimal', kind: 'private_person' },
      person: { name: 'Fictional Person Minimal' },
      direct_reason: 'crisis',
      person_aware: 'unknown',
    });
    expectStatus(res, 201);
    const s = res.body;
    assert.equal(s.person.date_of_birth, null);
    assert.equal(s.person.sex, 'unknown');
    assert.equal(s.person.address, '');
    assert.equal(s.reporter.organisation, '');
    assert.deepEqual(s.problem_areas, []);
    assert.equal(s.reporter_can_introduce, 'unknown');
    assert.equal(s.worker_gender_preference, 'none');
    assert.equal(s.may_contact_reporter, false);
    assert.equal(s.feedback_date, null);
    assert.equal(s.tried_and_result, '');
  });

  it('accepts texts exactly at their limit, counted in characters', async () => {
    const res = await outreacher.post(`${API}/signals`, signalInput({
      person: { name: 'é'.repeat(200), sex: 'male' },
      relation_to_person: 'ß'.repeat(500),
      tried_and_result: 'x'.repeat(4000),
    }));
    expectStatus(res, 201);
    assert.equal(res.body.person.name, 'é'.repeat(200));
    assert.equal(res.body.tried_and_result.length, 4000);
  });
});

describe('bad signal input is refused and stores nothing', () => {
  const long = (n) => 'a'.repeat(n);
  const cases = [
    ['missing required fields', { reporter: {}, person: {} }, [
      ['intake_date', 'required'], ['reporter.name', 'required'], ['reporter.kind', 'required'],
      ['person.name', 'required'], ['direct_reason', 'required'], ['person_aware', 'required'],
    ]],
    ['unknown direct_reason', signalInput({ direct_reason: 'boredom' }), [['direct_reason', 'unknown_value']]],
    ['unknown reporter.kind', signalInput({ reporter: { name: 'Reporter X', kind: 'alien' } }),
      [['reporter.kind', 'unknown_value']]],
    ['unknown person.sex', signalInput({ person: { name: 'Fictional Person X', sex: 'robot' } }),
      [['person.sex', 'unknown_value']]],
    ['unknown problem area', signalInput({ problem_areas: ['housing', 'flying'] }),
      [[/^problem_areas/, 'unknown_value']]],
    ['unknown person_aware', signalInput({ person_aware: 'maybe' }), [['person_aware', 'unknown_value']]],
    ['unknown worker_gender_preference', signalInput({ worker_gender_preference: 'robot' }),
      [['worker_gender_preference', 'unknown_value']]],
    ['unknown reporter_can_introduce', signalInput({ reporter_can_introduce: 'perhaps' }),
      [['reporter_can_introduce', 'unknown_value']]],
    ['direct_reason other without direct_reason_other', signalInput({ direct_reason: 'other', direct_reason_other: '' }),
      [['direct_reason_other', 'required']]],
    ['problem area other without problem_areas_other', signalInput({ problem_areas: ['other'], problem_areas_other: '' }),
      [['problem_areas_other', 'required']]],
    ['person.name over 200', signalInput({ person: { name: long(201) } }), [['person.name', 'too_long']]],
    ['reporter.name over 200', signalInput({ reporter: { name: long(201), kind: 'organisation' } }),
      [['reporter.name', 'too_long']]],
    ['reporter.phone over 50', signalInput({ reporter: { name: 'Reporter X', kind: 'organisation', phone: long(51) } }),
      [['reporter.phone', 'too_long']]],
    ['person.address over 300', signalInput({ person: { name: 'Fictional Person X', address: long(301) } }),
      [['person.address', 'too_long']]],
    ['relation_to_person over 500', signalInput({ relation_to_person: long(501) }), [['relation_to_person', 'too_long']]],
    ['known_since over 500', signalInput({ known_since: long(501) }), [['known_since', 'too_long']]],
    ['tried_and_result over 4000', signalInput({ tried_and_result: long(4001) }), [['tried_and_result', 'too_long']]],
    ['whereabouts over 4000', signalInput({ whereabouts: long(4001) }), [['whereabouts', 'too_long']]],
    ['intake_date 2025-02-30', signalInput({ intake_date: '2025-02-30' }), [['intake_date', 'invalid_date']]],
    ['date_of_birth 2023-02-29', signalInput({ person: { name: 'Fictional Person X', date_of_birth: '2023-02-29' } }),
      [['person.date_of_birth', 'invalid_date']]],
    ['feedback_date 2025-13-01', signalInput({ feedback_date: '2025-13-01' }), [['feedback_date', 'invalid_date']]],
    ['intake_date in another format', signalInput({ intake_date: '30-01-2025' }), [['intake_date', 'invalid_date']]],
    ['problem_areas not a list', signalInput({ problem_areas: 'housing' }), [['problem_areas', 'invalid_type']]],
    ['may_contact_reporter not a boolean', signalInput({ may_contact_reporter: 'yes' }),
      [['may_contact_reporter', 'invalid_type']]],
    ['person.name not a string', signalInput({ person: { name: 42 } }), [['person.name', 'invalid_type']]],
    ['two bad fields at once', signalInput({ intake_date: '2025-02-30', person: { name: long(201) } }),
      [['intake_date', 'invalid_date'], ['person.name', 'too_long']]],
  ];

  for (const [name, body, errors] of cases) {
    it(`${name}: 422`, async () => {
      const res = await unchangedBy(outreacher, teamViews(), () => outreacher.post(`${API}/signals`, body));
      expectFieldErrors(res, errors);
    });
  }

  it('reports each bad field once and says how many', async () => {
    const res = await outreacher.post(`${API}/signals`, signalInput({ intake_date: '2025-02-30', person: { name: long(201) } }));
    expectFieldErrors(res, []);
    assert.equal(res.body.errors.length, 2, res.text);
  });

  it('malformed JSON: 400 invalid_json', async () => {
    const res = await unchangedBy(outreacher, teamViews(), () =>
      outreacher.request('POST', `${API}/signals`, {
        body: '{"intake_date": "2025-01-01", ',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expectProblem(res, 400, 'invalid_json');
  });

  it('JSON that is not an object: 400 invalid_json', async () => {
    for (const body of ['[]', '"text"', '42', 'null']) {
      const res = await unchangedBy(outreacher, teamViews(), () =>
        outreacher.request('POST', `${API}/signals`, { body, headers: { 'content-type': 'application/json' } }),
      );
      expectProblem(res, 400, 'invalid_json');
    }
  });

  it('a body over 1 MiB: 413 payload_too_large', async () => {
    const body = JSON.stringify(signalInput({ tried_and_result: 'z'.repeat(1024 * 1024 + 10) }));
    const res = await unchangedBy(outreacher, teamViews(), () =>
      outreacher.request('POST', `${API}/signals`, { body, headers: { 'content-type': 'application/json' } }),
    );
    expectProblem(res, 413, 'payload_too_large');
  });

  it('a team the user is not in: 422 not_team_member', async () => {
    const other = await loginAs(server.baseUrl, DEMO.outreacherB);
    const foreignTeam = other.user.teams[0].id;
    assert.ok(!outreacher.user.teams.some((t) => t.id === foreignTeam));
    const res = await unchangedBy(other, teamViews(), () =>
      unchangedBy(outreacher, teamViews(), () =>
        outreacher.post(`${API}/signals`, signalInput({ team_id: foreignTeam })),
      ),
    );
    expectFieldErrors(res, [['team_id', 'not_team_member']]);
  });
});

describe('signal lists', () => {
  it('newest intake first, with the summary fields', async () => {
    const made = [];
    for (const days of [-5, -1, -3]) made.push(await createSignal(outreacher, { intake_date: localDate(days) }));
    const items = await listAll(outreacher, `${API}/signals?status=all`);
    for (let i = 1; i < items.length; i += 1) {
      assert.ok(items[i - 1].intake_date >= items[i].intake_date, `not newest first at ${i}`);
    }
    const ids = items.map((s) => s.id);
    const [five, one, three] = made.map((s) => ids.indexOf(s.id));
    assert.ok(one < three && three < five, 'our three signals are not in intake order');
    const summary = items.find((s) => s.id === made[1].id);
    assert.deepEqual(summary, {
      id: made[1].id,
      team_id: made[1].team_id,
      intake_date: made[1].intake_date,
      person_name: made[1].person.name,
      direct_reason: made[1].direct_reason,
      problem_areas: made[1].problem_areas,
      status: 'awaiting_decision',
      latest_decision: null,
      case_id: null,
    });
  });

  it('filters by status', async () => {
    const signal = await createSignal(outreacher);
    expectStatus(await lead.post(`${API}/signals/${signal.id}/decision`,
      { decision: 'no_action', reason: 'the person is already in care' }), 201);
    const awaiting = await listAll(outreacher, `${API}/signals?status=awaiting_decision`);
    const decided = await listAll(outreacher, `${API}/signals?status=decided`);
    const all = await listAll(outreacher, `${API}/signals?status=all`);
    assert.ok(awaiting.every((s) => s.status === 'awaiting_decision'));
    assert.ok(decided.every((s) => s.status === 'decided'));
    assert.equal(all.length, awaiting.length + decided.length);
    const listed = decided.find((s) => s.id === signal.id);
    assert.ok(listed, 'the decided signal is not in the decided list');
    assert.equal(listed.latest_decision, 'no_action');
    assert.equal(listed.case_id, null);
    assert.ok(!awaiting.some((s) => s.id === signal.id));
  });

  it('pages with limit and offset', async () => {
    await createSignal(outreacher);
    await createSignal(outreacher);
    const first = await outreacher.get(`${API}/signals?status=all&limit=1&offset=0`);
    const second = await outreacher.get(`${API}/signals?status=all&limit=1&offset=1`);
    expectStatus(first, 200);
    expectStatus(second, 200);
    assert.equal(first.body.items.length, 1);
    assert.equal(second.body.items.length, 1);
    assert.notEqual(first.body.items[0].id, second.body.items[0].id);
    assert.equal(first.body.total, second.body.total);
    assert.ok(first.body.total >= 2);
  });

  it('unknown ids answer 404 not_found', async () => {
    expectProblem(await outreacher.get(`${API}/signals/999999999`), 404, 'not_found');
    expectProblem(await outreacher.get(`${API}/signals/not-a-number`), 404, 'not_found');
    const res = await unchangedBy(lead, teamViews(), () =>
      lead.post(`${API}/signals/999999999/decision`, { decision: 'no_action', reason: 'none' }),
    );
    expectProblem(res, 404, 'not_found');
  });
});
