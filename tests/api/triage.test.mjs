// The triage checklist of a decision, reporter feedback (due date, recording it, overdue list) and
// the team setting for the feedback term.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createSignal, teamViews, unchangedBy,
  listAll, localDate,
} from './lib/client.mjs';

let server;
let outreacher;
let lead;
let outreacherB;
let leadB;
let admin;
let teamA;
before(async () => {
  server = await startServer();
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
  outreacherB = await loginAs(server.baseUrl, DEMO.outreacherB);
  leadB = await loginAs(server.baseUrl, DEMO.leadB);
  admin = await loginAs(server.baseUrl, DEMO.admin);
  teamA = outreacher.user.teams[0].id;
});
after(async () => {
  await server?.stop();
});

const decide = (client, signalId, body) => client.post(`${API}/signals/${signalId}/decision`, body);
const giveFeedback = (client, signalId, body) => client.post(`${API}/signals/${signalId}/feedback`, body);
const teamsView = (client) => client.get(`${API}/teams`);

// The date n working days (Mon-Fri) after a YYYY-MM-DD date.
function addWorkingDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  while (n > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n -= 1;
  }
  return d.toISOString().slice(0, 10);
}

async function setFeedbackDays(client, teamId, days) {
  const res = await client.patch(`${API}/teams/${teamId}`, { feedback_working_days: days });
  expectStatus(res, 200);
  return res.body;
}

describe('the triage checklist', () => {
  it('is stored with the decision and shown in the decision history', async () => {
    const signal = await createSignal(outreacher);
    const res = await decide(lead, signal.id, {
      decision: 'outreach',
      reason: 'serious worry',
      assigned_worker_ids: [outreacher.user.id],
      indications: ['serious_worry_no_adequate_care', 'nuisance'],
      contra_indications: ['existing_care_trajectory'],
      contra_indication_note: 'Home care stopped coming; nobody gets in',
    });
    expectStatus(res, 201);
    const found = await lead.get(`${API}/signals/${signal.id}`);
    const decision = found.body.decisions.at(-1);
    assert.deepEqual(decision.indications, ['serious_worry_no_adequate_care', 'nuisance']);
    assert.deepEqual(decision.contra_indications, ['existing_care_trajectory']);
    assert.equal(decision.contra_indication_note, 'Home care stopped coming; nobody gets in');
    const kase = await lead.get(`${API}/cases/${res.body.case_id}`);
    assert.deepEqual(kase.body.decision.indications, ['serious_worry_no_adequate_care', 'nuisance']);
  });

  it('a decision without a checklist stores empty lists', async () => {
    const signal = await createSignal(outreacher);
    expectStatus(await decide(lead, signal.id, { decision: 'no_action', reason: 'none' }), 201);
    const decision = (await lead.get(`${API}/signals/${signal.id}`)).body.decisions.at(-1);
    assert.deepEqual(decision.indications, []);
    assert.deepEqual(decision.contra_indications, []);
    assert.equal(decision.contra_indication_note, '');
  });

  it('a contra-indication needs no note when outreach is not chosen', async () => {
    const signal = await createSignal(outreacher);
    const res = await decide(lead, signal.id, {
      decision: 'regular_help', reason: 'GGZ is involved', contra_indications: ['existing_care_trajectory'],
    });
    expectStatus(res, 201);
  });

  const bad = [
    ['unknown indication', { indications: ['hoarding'] }, [['indications[0]', 'unknown_value']]],
    ['unknown contra-indication', { contra_indications: ['nuisance'], contra_indication_note: 'x' },
      [['contra_indications[0]', 'unknown_value']]],
    ['the same indication twice', { indications: ['nuisance', 'nuisance'] }, [['indications[1]', 'duplicate']]],
    ['outreach despite a contra-indication without a note', { contra_indications: ['unreachable_psychiatric'] },
      [['contra_indication_note', 'required']]],
    ['a blank note', { contra_indications: ['unreachable_substance_use'], contra_indication_note: '   ' },
      [['contra_indication_note', 'required']]],
    ['a note over 500', { contra_indications: ['unreachable_substance_use'], contra_indication_note: 'n'.repeat(501) },
      [['contra_indication_note', 'too_long']]],
    ['indications not a list', { indications: 'nuisance' }, [['indications', 'invalid_type']]],
  ];
  for (const [name, extra, errors] of bad) {
    it(`${name}: 422 and nothing stored`, async () => {
      const signal = await createSignal(outreacher);
      const res = await unchangedBy(lead, teamViews({ signalIds: [signal.id] }), () =>
        decide(lead, signal.id, {
          decision: 'outreach', reason: 'worry', assigned_worker_ids: [outreacher.user.id], ...extra,
        }),
      );
      expectFieldErrors(res, errors);
    });
  }
});

describe('reporter feedback', () => {
  it('is due the team\'s working days after the decision and can be recorded', async () => {
    await setFeedbackDays(lead, teamA, 5);
    const signal = await createSignal(outreacher);
    assert.deepEqual(signal.feedback, { due_on: null, given_on: null, told: '' });
    const res = await decide(lead, signal.id, { decision: 'referral', reason: 'debt counselling' });
    expectStatus(res, 201);
    assert.equal(res.body.signal.feedback.due_on, addWorkingDays(localDate(0), 5));

    const given = await giveFeedback(outreacher, signal.id, { given_on: localDate(0), told: 'The team takes it up' });
    expectStatus(given, 200);
    assert.deepEqual(given.body.feedback, {
      due_on: addWorkingDays(localDate(0), 5), given_on: localDate(0), told: 'The team takes it up',
    });
  });

  it('follows the team setting changed by the lead', async () => {
    await setFeedbackDays(lead, teamA, 12);
    try {
      const signal = await createSignal(outreacher);
      const res = await decide(lead, signal.id, { decision: 'no_action', reason: 'no concerns' });
      assert.equal(res.body.signal.feedback.due_on, addWorkingDays(localDate(0), 12));
    } finally {
      await setFeedbackDays(lead, teamA, 5);
    }
  });

  it('a second decision keeps the first due date', async () => {
    const signal = await createSignal(outreacher);
    const first = await decide(lead, signal.id, { decision: 'no_action', reason: 'no concerns' });
    await setFeedbackDays(lead, teamA, 20);
    try {
      const second = await decide(lead, signal.id, { decision: 'referral', reason: 'after all' });
      expectStatus(second, 201);
      assert.equal(second.body.signal.feedback.due_on, first.body.signal.feedback.due_on);
    } finally {
      await setFeedbackDays(lead, teamA, 5);
    }
  });

  const bad = [
    ['a date in the future', () => ({ given_on: localDate(1), told: 'x' }), [['given_on', 'in_future']]],
    ['a date before the intake', () => ({ given_on: localDate(-2), told: 'x' }), [['given_on', 'out_of_range']]],
    ['an invalid date', () => ({ given_on: '2025-02-30', told: 'x' }), [['given_on', 'invalid_date']]],
    ['no date and no text', () => ({}), [['given_on', 'required'], ['told', 'required']]],
    ['a text over 2000', () => ({ given_on: localDate(0), told: 't'.repeat(2001) }), [['told', 'too_long']]],
  ];
  for (const [name, body, errors] of bad) {
    it(`${name}: 422 and nothing stored`, async () => {
      const signal = await createSignal(outreacher, { intake_date: localDate(-1) });
      const res = await unchangedBy(outreacher, teamViews({ signalIds: [signal.id] }), () =>
        giveFeedback(outreacher, signal.id, body()),
      );
      expectFieldErrors(res, errors);
    });
  }

  it("another team's signal: 404 and nothing stored", async () => {
    const signal = await createSignal(outreacher);
    const res = await unchangedBy(outreacher, teamViews({ signalIds: [signal.id] }), () =>
      giveFeedback(outreacherB, signal.id, { given_on: localDate(0), told: 'x' }),
    );
    expectProblem(res, 404, 'not_found');
  });

  it('overdue feedback is listed per team: due before today and not given', async () => {
    const overdueA = await listAll(lead, `${API}/signals?feedback=overdue`);
    assert.ok(overdueA.length > 0, 'the demo data has overdue feedback');
    const details = await Promise.all(overdueA.map((s) => lead.get(`${API}/signals/${s.id}`)));
    for (const { body } of details) {
      assert.equal(body.team_id, teamA);
      assert.equal(body.feedback.given_on, null);
      assert.ok(body.feedback.due_on < localDate(0), body.feedback.due_on);
    }
    const overdueB = await listAll(leadB, `${API}/signals?feedback=overdue`);
    assert.ok(overdueB.length > 0);
    assert.ok(overdueB.every((s) => s.team_id !== teamA));

    const target = overdueA[0];
    expectStatus(await giveFeedback(lead, target.id, { given_on: localDate(0), told: 'Told it is taken up' }), 200);
    const after = await listAll(lead, `${API}/signals?feedback=overdue`);
    assert.equal(after.length, overdueA.length - 1);
    assert.ok(!after.some((s) => s.id === target.id));
  });

  it('an unknown feedback filter: 422', async () => {
    expectFieldErrors(await lead.get(`${API}/signals?feedback=late`), [['feedback', 'unknown_value']]);
  });
});

describe('team settings', () => {
  it('teams show their feedback working days; an admin may change any team', async () => {
    const teams = await teamsView(lead);
    expectStatus(teams, 200);
    assert.equal(teams.body.items.length, 1);
    assert.equal(teams.body.items[0].feedback_working_days, 5);
    const teamB = leadB.user.teams[0].id;
    const res = await admin.patch(`${API}/teams/${teamB}`, { feedback_working_days: 3 });
    expectStatus(res, 200);
    assert.equal(res.body.feedback_working_days, 3);
    assert.equal((await teamsView(leadB)).body.items[0].feedback_working_days, 3);
    await setFeedbackDays(admin, teamB, 5);
  });

  it('an outreacher patching team settings: 403 and nothing changed', async () => {
    const res = await unchangedBy(lead, { records: [`${API}/teams`] }, () =>
      outreacher.patch(`${API}/teams/${teamA}`, { feedback_working_days: 9 }),
    );
    expectProblem(res, 403, 'forbidden');
  });

  it("a lead patching another team: 404 and nothing changed", async () => {
    const res = await unchangedBy(admin, { records: [`${API}/teams`] }, () =>
      leadB.patch(`${API}/teams/${teamA}`, { feedback_working_days: 9 }),
    );
    expectProblem(res, 404, 'not_found');
  });

  for (const [name, value, code] of [
    ['zero days', 0, 'out_of_range'], ['31 days', 31, 'out_of_range'], ['a huge number', 1e15, 'out_of_range'],
    ['a text', '5', 'invalid_type'], ['a fraction', 2.5, 'invalid_type'],
  ]) {
    it(`${name}: 422 and nothing changed`, async () => {
      const res = await unchangedBy(admin, { records: [`${API}/teams`] }, () =>
        lead.patch(`${API}/teams/${teamA}`, { feedback_working_days: value }),
      );
      expectFieldErrors(res, [['feedback_working_days', code]]);
    });
  }
});
