// Team scoping: a user of team B never sees or changes team A's signals and cases; each of
// them answers 404 not_found exactly like an id that does not exist.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, createSignal, createCase, addContact, teamViews,
  unchangedBy, listAll, localDateTime,
} from './lib/client.mjs';

let server;
let outreacherA;
let leadA;
let outreacherB;
let leadB;
let admin;
let awaiting;
let openCase;
let closedCase;
before(async () => {
  server = await startServer();
  outreacherA = await loginAs(server.baseUrl, DEMO.outreacherA);
  leadA = await loginAs(server.baseUrl, DEMO.leadA);
  outreacherB = await loginAs(server.baseUrl, DEMO.outreacherB);
  leadB = await loginAs(server.baseUrl, DEMO.leadB);
  admin = await loginAs(server.baseUrl, DEMO.admin);
  awaiting = await createSignal(outreacherA);
  openCase = await createCase(outreacherA, leadA, [outreacherA.user.id]);
  await addContact(outreacherA, openCase.id);
  closedCase = await createCase(outreacherA, leadA, [outreacherA.user.id]);
  expectStatus(await leadA.post(`${API}/cases/${closedCase.id}/closure`, { reason: 'out_of_view', note: '' }), 200);
});
after(async () => {
  await server?.stop();
});

const teamIds = (client) => client.user.teams.map((t) => t.id);

describe("another team's records", () => {
  it('the demo teams do not overlap', () => {
    for (const id of teamIds(outreacherB)) assert.ok(!teamIds(leadA).includes(id));
    for (const id of teamIds(leadB)) assert.ok(!teamIds(outreacherA).includes(id));
  });

  for (const who of ['leadB', 'outreacherB']) {
    it(`${who}: GET of team A's signal, case and contacts answers 404`, async () => {
      const client = who === 'leadB' ? leadB : outreacherB;
      for (const path of [
        `${API}/signals/${awaiting.id}`,
        `${API}/signals/${openCase.signals[0].id}`,
        `${API}/cases/${openCase.id}`,
        `${API}/cases/${openCase.id}/contacts`,
        `${API}/cases/${closedCase.id}`,
      ]) {
        const res = await client.get(path);
        expectProblem(res, 404, 'not_found');
        assert.ok(!res.text.includes(awaiting.person.name) && !res.text.includes(openCase.person.name));
      }
    });

    it(`${who}: every POST on team A's records answers 404 and changes nothing`, async () => {
      const client = who === 'leadB' ? leadB : outreacherB;
      const views = teamViews({
        signalIds: [awaiting.id], caseIds: [openCase.id, closedCase.id],
      });
      const requests = [
        [`${API}/signals/${awaiting.id}/decision`, { decision: 'no_action', reason: 'not ours' }],
        [`${API}/signals/${awaiting.id}/decision`, {
          decision: 'outreach', reason: 'not ours', assigned_worker_ids: [client.user.id],
        }],
        [`${API}/cases/${openCase.id}/contacts`, {
          occurred_at: localDateTime(-1), channel: 'phone', outcome: 'conversation',
        }],
        [`${API}/cases/${openCase.id}/closure`, { reason: 'goal_reached', note: '' }],
        [`${API}/cases/${closedCase.id}/reopen`, { reason: 'not ours' }],
        [`${API}/cases/${openCase.id}/reopen`, { reason: 'not ours' }],
        [`${API}/cases/${closedCase.id}/contacts`, {
          occurred_at: localDateTime(-1), channel: 'phone', outcome: 'conversation',
        }],
      ];
      for (const [path, body] of requests) {
        const res = await unchangedBy(leadA, views, () => client.post(path, body));
        expectProblem(res, 404, 'not_found');
      }
    });
  }

  it("team B's lists hold only team B's records", async () => {
    const aSignals = new Set(ids(await listAll(leadA, `${API}/signals?status=all`)));
    const aCases = new Set(ids(await listAll(leadA, `${API}/cases?scope=team&status=all`)));
    assert.ok(aSignals.has(awaiting.id) && aCases.has(openCase.id) && aCases.has(closedCase.id));
    for (const client of [leadB, outreacherB]) {
      const signals = await listAll(client, `${API}/signals?status=all`);
      const cases = await listAll(client, `${API}/cases?scope=team&status=all`);
      for (const item of [...signals, ...cases]) assert.ok(teamIds(client).includes(item.team_id));
      assert.ok(!signals.some((s) => aSignals.has(s.id)));
      assert.ok(!cases.some((c) => aCases.has(c.id)));
    }
  });

  it("a team's lists hold none of another team's new records", async () => {
    const bSignal = await createSignal(outreacherB);
    const aSignals = ids(await listAll(leadA, `${API}/signals?status=all`));
    assert.ok(!aSignals.includes(bSignal.id));
    expectProblem(await outreacherA.get(`${API}/signals/${bSignal.id}`), 404, 'not_found');
  });

  it("another team's members are not listed", async () => {
    const ownTeam = teamIds(leadA)[0];
    const own = await leadA.get(`${API}/teams/${ownTeam}/members`);
    expectStatus(own, 200);
    assert.ok(ids(own.body.items).includes(outreacherA.user.id));
    const res = await leadB.get(`${API}/teams/${ownTeam}/members`);
    expectProblem(res, 404, 'not_found');
    assert.ok(!res.text.includes(outreacherA.user.username));
  });

  it('an admin outside the team sees no case content', async () => {
    const res = await admin.get(`${API}/cases/${openCase.id}`);
    expectProblem(res, 404, 'not_found');
    assert.ok(!res.text.includes(openCase.person.name));
    expectProblem(await admin.get(`${API}/signals/${awaiting.id}`), 404, 'not_found');
    const cases = await listAll(admin, `${API}/cases?scope=team&status=all`);
    const signals = await listAll(admin, `${API}/signals?status=all`);
    assert.ok(!ids(cases).includes(openCase.id) && !ids(signals).includes(awaiting.id));
  });
});

function ids(items) {
  return items.map((item) => item.id);
}
