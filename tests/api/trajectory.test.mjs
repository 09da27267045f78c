// The trajectory of a case: phases and the moves between them (closure and reopening included),
// handovers between workers, and the timeline; bad input on each, checking nothing changed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createCase, addContact, teamViews, unchangedBy,
  listAll, localDate,
} from './lib/client.mjs';

let server;
let outreacher;
let lead;
let leadB;
let admin;
before(async () => {
  server = await startServer();
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
  leadB = await loginAs(server.baseUrl, DEMO.leadB);
  admin = await loginAs(server.baseUrl, DEMO.admin);
});
after(async () => {
  await server?.stop();
});

// The team's lists, the case, its contacts and its whole timeline.
const views = (caseId) => {
  const v = teamViews({ caseIds: [caseId] });
  v.records.push(`${API}/cases/${caseId}/timeline`);
  return v;
};

const move = (client, caseId, event, reason = 'agreed in the team meeting') =>
  client.post(`${API}/cases/${caseId}/transitions`, { event, reason });

describe('phases', () => {
  it('a new case starts in preparation and moves through the trajectory to closed and back', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    assert.equal(c.phase, 'preparation');
    assert.equal(c.status, 'open');
    assert.deepEqual(c.allowed_events, ['start_contact', 'close']);

    let res = await move(outreacher, c.id, 'start_contact', 'strategy agreed');
    expectStatus(res, 200);
    assert.equal(res.body.phase, 'making_contact');
    assert.deepEqual(res.body.allowed_events, ['contact_made', 'close']);

    res = await move(outreacher, c.id, 'contact_made');
    expectStatus(res, 200);
    assert.equal(res.body.phase, 'follow_up');
    assert.ok(!res.body.allowed_events.includes('start_help'), 'start_help is offered without a conversation');

    await addContact(outreacher, c.id, { channel: 'home_visit', outcome: 'conversation' });
    const withTalk = await outreacher.get(`${API}/cases/${c.id}`);
    assert.deepEqual(withTalk.body.allowed_events, ['start_help', 'contact_lost', 'start_monitoring', 'close']);
    res = await move(outreacher, c.id, 'start_help');
    expectStatus(res, 200);
    assert.equal(res.body.phase, 'help');
    res = await move(lead, c.id, 'start_monitoring');
    expectStatus(res, 200);
    assert.equal(res.body.phase, 'monitoring');

    const inPhase = await listAll(outreacher, `${API}/cases?status=all&phase=monitoring`);
    assert.ok(inPhase.some((k) => k.id === c.id));
    assert.ok(inPhase.every((k) => k.phase === 'monitoring'));

    res = await outreacher.post(`${API}/cases/${c.id}/closure`, { reason: 'client_declines', note: '' });
    expectStatus(res, 200);
    assert.equal(res.body.phase, 'closed');
    assert.equal(res.body.status, 'closed');
    assert.deepEqual(res.body.allowed_events, ['reopen']);

    res = await lead.post(`${API}/cases/${c.id}/reopen`, { reason: 'new worries', phase: 'follow_up' });
    expectStatus(res, 200);
    assert.equal(res.body.phase, 'follow_up');
    assert.equal(res.body.status, 'open');

    const timeline = await outreacher.get(`${API}/cases/${c.id}/timeline?kind=phase`);
    expectStatus(timeline, 200);
    assert.deepEqual(
      timeline.body.items.map((i) => [i.details.from_phase, i.details.event, i.details.to_phase]),
      [
        ['preparation', 'start_contact', 'making_contact'],
        ['making_contact', 'contact_made', 'follow_up'],
        ['follow_up', 'start_help', 'help'],
        ['help', 'start_monitoring', 'monitoring'],
        ['monitoring', 'close', 'closed'],
        ['closed', 'reopen', 'follow_up'],
      ],
    );
    assert.equal(timeline.body.items[0].details.reason, 'strategy agreed');
    assert.equal(timeline.body.items[0].actor.id, outreacher.user.id);
    assert.equal(timeline.body.items[5].actor.id, lead.user.id);
  });

  it('reopen without a phase resumes at making_contact', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    expectStatus(await outreacher.post(`${API}/cases/${c.id}/closure`, { reason: 'out_of_view', note: '' }), 200);
    const res = await outreacher.post(`${API}/cases/${c.id}/reopen`, { reason: 'seen again' });
    expectStatus(res, 200);
    assert.equal(res.body.phase, 'making_contact');
  });
});

describe('refused moves change nothing', () => {
  let c;
  let closed;
  before(async () => {
    c = await createCase(outreacher, lead, [outreacher.user.id]);
    expectStatus(await move(outreacher, c.id, 'start_contact'), 200);
    closed = await createCase(outreacher, lead, [outreacher.user.id]);
    expectStatus(await outreacher.post(`${API}/cases/${closed.id}/closure`, { reason: 'goal_reached', note: '' }), 200);
  });

  it('unknown event: 422 unknown_value', async () => {
    const res = await unchangedBy(outreacher, views(c.id), () => move(outreacher, c.id, 'jump_ahead'));
    expectFieldErrors(res, [['event', 'unknown_value']]);
  });

  it('missing event and reason: 422 required', async () => {
    const res = await unchangedBy(outreacher, views(c.id), () =>
      outreacher.post(`${API}/cases/${c.id}/transitions`, {}));
    expectFieldErrors(res, [['event', 'required'], ['reason', 'required']]);
  });

  it('unknown phase on reopen: 422 unknown_value', async () => {
    const res = await unchangedBy(outreacher, views(closed.id), () =>
      outreacher.post(`${API}/cases/${closed.id}/reopen`, { reason: 'r', phase: 'somewhere' }));
    expectFieldErrors(res, [['phase', 'unknown_value']]);
  });

  it('unknown phase filter on the list: 422 unknown_value', async () => {
    expectFieldErrors(await outreacher.get(`${API}/cases?phase=somewhere`), [['phase', 'unknown_value']]);
  });

  it('reopen into closed: 409 illegal_transition', async () => {
    const res = await unchangedBy(outreacher, views(closed.id), () =>
      outreacher.post(`${API}/cases/${closed.id}/reopen`, { reason: 'r', phase: 'closed' }));
    expectProblem(res, 409, 'illegal_transition');
  });

  it('a move the phase does not allow: 409 illegal_transition naming the allowed moves', async () => {
    const res = await unchangedBy(outreacher, views(c.id), () => move(outreacher, c.id, 'start_monitoring'));
    expectProblem(res, 409, 'illegal_transition');
    assert.match(res.body.detail, /From making_contact you can: contact_made → follow_up, close → closed/);
  });

  it('help without a recorded conversation: 409 illegal_transition', async () => {
    const k = await createCase(outreacher, lead, [outreacher.user.id]);
    expectStatus(await move(outreacher, k.id, 'start_contact'), 200);
    expectStatus(await move(outreacher, k.id, 'contact_made'), 200);
    await addContact(outreacher, k.id, { outcome: 'brief_contact', channel: 'street' });
    const res = await unchangedBy(outreacher, views(k.id), () => move(outreacher, k.id, 'start_help'));
    expectProblem(res, 409, 'illegal_transition');
    assert.match(res.body.detail, /conversation/);
  });

  it('close and reopen go through their own requests', async () => {
    let res = await unchangedBy(outreacher, views(c.id), () => move(outreacher, c.id, 'close'));
    expectProblem(res, 409, 'illegal_transition');
    assert.match(res.body.detail, /closure reason/);
    res = await unchangedBy(outreacher, views(closed.id), () => move(outreacher, closed.id, 'reopen'));
    expectProblem(res, 409, 'illegal_transition');
  });

  it('a move on a closed case: 409 illegal_transition', async () => {
    const res = await unchangedBy(outreacher, views(closed.id), () => move(outreacher, closed.id, 'start_contact'));
    expectProblem(res, 409, 'illegal_transition');
    assert.match(res.body.detail, /From closed you can: reopen/);
  });

  it('another team cannot see the case; the admin may not move it', async () => {
    expectProblem(await unchangedBy(outreacher, views(c.id), () => move(leadB, c.id, 'contact_made')), 404, 'not_found');
    expectProblem(await admin.get(`${API}/cases/${c.id}/timeline`), 404, 'not_found');
  });
});

describe('handover', () => {
  it('hands the case to a colleague of the team with a note, keeping the history', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    const res = await outreacher.post(`${API}/cases/${c.id}/handover`, {
      from_user_id: outreacher.user.id, to_user_id: lead.user.id, note: 'no click between worker and client',
    });
    expectStatus(res, 200);
    assert.deepEqual(res.body.assigned_workers.map((w) => w.id), [lead.user.id]);
    const history = res.body.assignment_history;
    assert.equal(history.length, 2);
    assert.equal(history[0].user.id, outreacher.user.id);
    assert.match(history[0].unassigned_at, /Z$/);
    assert.equal(history[1].user.id, lead.user.id);
    assert.equal(history[1].unassigned_at, null);
    assert.equal(history[1].handed_over_from.id, outreacher.user.id);
    assert.equal(history[1].note, 'no click between worker and client');

    const timeline = await lead.get(`${API}/cases/${c.id}/timeline?kind=handover`);
    expectStatus(timeline, 200);
    assert.equal(timeline.body.items.length, 1);
    const item = timeline.body.items[0];
    assert.equal(item.kind, 'handover');
    assert.equal(item.actor.id, outreacher.user.id);
    assert.deepEqual(item.details, {
      from_user: outreacher.user.display_name, to_user: lead.user.display_name,
      note: 'no click between worker and client',
    });
  });

  it('to a user outside the team: 422 not_team_member, nothing changed', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    const res = await unchangedBy(outreacher, views(c.id), () => outreacher.post(`${API}/cases/${c.id}/handover`, {
      from_user_id: outreacher.user.id, to_user_id: leadB.user.id, note: 'other team',
    }));
    expectFieldErrors(res, [['to_user_id', 'not_team_member']]);
  });

  it('from a worker who is not assigned, to the same worker, without a note: 422, nothing changed', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    const cases = [
      [{ from_user_id: lead.user.id, to_user_id: outreacher.user.id, note: 'n' },
        [['from_user_id', 'unknown_value'], ['to_user_id', 'duplicate']]],
      [{ from_user_id: outreacher.user.id, to_user_id: outreacher.user.id, note: 'n' }, [['to_user_id', 'duplicate']]],
      [{ from_user_id: outreacher.user.id, to_user_id: lead.user.id, note: '  ' }, [['note', 'required']]],
      [{ note: 'n' }, [['from_user_id', 'required'], ['to_user_id', 'required']]],
      [{ from_user_id: 'x', to_user_id: lead.user.id, note: 'n' }, [['from_user_id', 'invalid_type']]],
    ];
    for (const [body, errors] of cases) {
      const res = await unchangedBy(outreacher, views(c.id), () => outreacher.post(`${API}/cases/${c.id}/handover`, body));
      expectFieldErrors(res, errors);
    }
  });
});

describe('timeline', () => {
  it('lists signal, decision, phase, contact and handover in time order and filters by kind', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    expectStatus(await move(outreacher, c.id, 'start_contact'), 200);
    await addContact(outreacher, c.id, { next_attempt_date: localDate(2) });
    expectStatus(await outreacher.post(`${API}/cases/${c.id}/handover`, {
      from_user_id: outreacher.user.id, to_user_id: lead.user.id, note: 'handover',
    }), 200);

    const all = await outreacher.get(`${API}/cases/${c.id}/timeline`);
    expectStatus(all, 200);
    assert.deepEqual(all.body.items.map((i) => i.kind), ['signal', 'decision', 'phase', 'contact', 'handover']);
    for (let i = 1; i < all.body.items.length; i += 1) {
      assert.ok(all.body.items[i - 1].at <= all.body.items[i].at, `out of order at ${i}`);
    }
    assert.equal(all.body.items[1].details.decision, 'outreach');
    assert.equal(all.body.items[3].details.outcome, 'not_at_home');

    const some = await outreacher.get(`${API}/cases/${c.id}/timeline?kind=contact,signal&kind=handover`);
    expectStatus(some, 200);
    assert.deepEqual(some.body.items.map((i) => i.kind), ['signal', 'contact', 'handover']);
  });

  it('unknown kind: 422 unknown_value', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    expectFieldErrors(await outreacher.get(`${API}/cases/${c.id}/timeline?kind=phase,gossip`),
      [['kind[1]', 'unknown_value']]);
  });
});
