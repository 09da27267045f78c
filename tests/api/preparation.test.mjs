// Preparing a case's first visit: prior information, strategy and companion.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createCase, teamViews, unchangedBy,
} from './lib/client.mjs';

let server;
let outreacher;
let lead;
let outreacherB;
let admin;
before(async () => {
  server = await startServer();
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
  outreacherB = await loginAs(server.baseUrl, DEMO.outreacherB);
  admin = await loginAs(server.baseUrl, DEMO.admin);
});
after(async () => {
  await server?.stop();
});

const path = (caseId) => `${API}/cases/${caseId}/preparation`;
const put = (client, caseId, body) => client.request('PUT', path(caseId), { json: body });
const addInfo = (client, caseId, body) => client.post(`${path(caseId)}/prior-info`, body);
const views = (caseId) => ({ ...teamViews({ caseIds: [caseId] }), records: [...teamViews({ caseIds: [caseId] }).records, path(caseId)] });

describe('preparation', () => {
  it('starts empty and is part of the case', async () => {
    const kase = await createCase(outreacher, lead, [outreacher.user.id]);
    const empty = { strategy: '', companion: 'none', companion_name: '', updated_by: null, updated_at: null, prior_info: [] };
    assert.deepEqual(kase.preparation, empty);
    const res = await outreacher.get(path(kase.id));
    expectStatus(res, 200);
    assert.deepEqual(res.body, empty);
  });

  it('an outreacher adds prior information and sets strategy and companion', async () => {
    const kase = await createCase(outreacher, lead, [outreacher.user.id]);
    let res = await addInfo(outreacher, kase.id, { source: 'Huisarts', content: 'Not seen for a year' });
    expectStatus(res, 201);
    res = await addInfo(lead, kase.id, { source: 'Woningcorporatie', content: 'Rent arrears since spring' });
    expectStatus(res, 201);
    assert.deepEqual(res.body.prior_info.map((i) => [i.source, i.created_by.id]), [
      ['Huisarts', outreacher.user.id], ['Woningcorporatie', lead.user.id],
    ]);
    assert.match(res.body.prior_info[0].created_at, /^\d{4}-\d\d-\d\dT/);

    res = await put(outreacher, kase.id, { strategy: 'Ring twice in the morning', companion: 'police_officer', companion_name: 'Wijkagent Noord' });
    expectStatus(res, 200);
    assert.equal(res.body.strategy, 'Ring twice in the morning');
    assert.equal(res.body.companion, 'police_officer');
    assert.equal(res.body.companion_name, 'Wijkagent Noord');
    assert.equal(res.body.updated_by.id, outreacher.user.id);

    res = await put(outreacher, kase.id, { strategy: 'Evening', companion: 'reporter' });
    expectStatus(res, 200);
    assert.equal(res.body.companion_name, '');
    const found = await lead.get(`${API}/cases/${kase.id}`);
    assert.equal(found.body.preparation.strategy, 'Evening');
    assert.equal(found.body.preparation.prior_info.length, 2);
  });

  const badPut = [
    ['unknown companion', { companion: 'neighbour' }, [['companion', 'unknown_value']]],
    ['strategy over 4000', { strategy: 's'.repeat(4001) }, [['strategy', 'too_long']]],
    ['companion name over 500', { companion_name: 'c'.repeat(501) }, [['companion_name', 'too_long']]],
    ['strategy not a text', { strategy: 5 }, [['strategy', 'invalid_type']]],
  ];
  for (const [name, body, errors] of badPut) {
    it(`PUT with ${name}: 422 and nothing changed`, async () => {
      const kase = await createCase(outreacher, lead, [outreacher.user.id]);
      const res = await unchangedBy(outreacher, views(kase.id), () => put(outreacher, kase.id, body));
      expectFieldErrors(res, errors);
    });
  }

  const badInfo = [
    ['nothing', {}, [['source', 'required'], ['content', 'required']]],
    ['a source over 500', { source: 's'.repeat(501), content: 'x' }, [['source', 'too_long']]],
    ['content over 4000', { source: 'GP', content: 'c'.repeat(4001) }, [['content', 'too_long']]],
  ];
  for (const [name, body, errors] of badInfo) {
    it(`prior information with ${name}: 422 and nothing changed`, async () => {
      const kase = await createCase(outreacher, lead, [outreacher.user.id]);
      const res = await unchangedBy(outreacher, views(kase.id), () => addInfo(outreacher, kase.id, body));
      expectFieldErrors(res, errors);
    });
  }

  it('a closed case refuses changes: 409 case_closed and nothing changed', async () => {
    const kase = await createCase(outreacher, lead, [outreacher.user.id]);
    expectStatus(await outreacher.post(`${API}/cases/${kase.id}/closure`, { reason: 'goal_reached', note: '' }), 200);
    let res = await unchangedBy(outreacher, views(kase.id), () => put(outreacher, kase.id, { strategy: 'x' }));
    expectProblem(res, 409, 'case_closed');
    res = await unchangedBy(outreacher, views(kase.id), () => addInfo(outreacher, kase.id, { source: 'GP', content: 'x' }));
    expectProblem(res, 409, 'case_closed');
  });

  it("another team's case: 404 on every route and nothing changed", async () => {
    const kase = await createCase(outreacher, lead, [outreacher.user.id]);
    expectProblem(await outreacherB.get(path(kase.id)), 404, 'not_found');
    let res = await unchangedBy(outreacher, views(kase.id), () => put(outreacherB, kase.id, { strategy: 'x' }));
    expectProblem(res, 404, 'not_found');
    res = await unchangedBy(outreacher, views(kase.id), () => addInfo(outreacherB, kase.id, { source: 'GP', content: 'x' }));
    expectProblem(res, 404, 'not_found');
    res = await unchangedBy(outreacher, views(kase.id), () => put(admin, kase.id, { strategy: 'x' }));
    expectProblem(res, 404, 'not_found');
  });

  it('a case that does not exist: 404', async () => {
    expectProblem(await outreacher.get(path(999999999)), 404, 'not_found');
    expectProblem(await put(outreacher, 999999999, { strategy: 'x' }), 404, 'not_found');
  });
});
