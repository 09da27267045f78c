// Households: every registered person has one; members with a role, their other cases and
// signals on the case page; adding an existing or a new person, removing a member, and whether a
// case concerns the whole household. Bad input on each endpoint, checking nothing changed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, DEMO } from './lib/server.mjs';
import {
  API, loginAs, expectStatus, expectProblem, expectFieldErrors, createCase, createSignal, teamViews, unchangedBy,
  localDate,
} from './lib/client.mjs';

let server;
let outreacher;
let lead;
let outreacherB;
let leadB;
before(async () => {
  server = await startServer();
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
  outreacherB = await loginAs(server.baseUrl, DEMO.outreacherB);
  leadB = await loginAs(server.baseUrl, DEMO.leadB);
});
after(async () => {
  await server?.stop();
});

const fieldErrors = (res, expected) => expectFieldErrors(res, Object.entries(expected));
const members = (household) => household.members.map((m) => [m.name, m.role]);

const views = (caseIds, householdIds) => {
  const v = teamViews({ caseIds });
  v.records.push(...householdIds.map((id) => `${API}/households/${id}`));
  return v;
};

describe('households', () => {
  it('give every person of a new signal a household of their own, shown on the case', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    assert.equal(c.concerns, 'person');
    assert.equal(c.household.address, c.person.address);
    assert.deepEqual(c.household.members.map((m) => [m.person_id, m.role]), [[c.person.id, 'adult']]);
    assert.deepEqual(c.household.members[0].other_cases, []);
    assert.deepEqual(c.household.members[0].other_signals, []);
    const res = await outreacher.get(`${API}/households/${c.household.id}`);
    expectStatus(res, 200);
    assert.equal(res.body.members[0].other_cases[0].id, c.id);
  });

  it('take a new child and an existing person, who leaves their previous household', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    const hh = c.household.id;
    let res = await outreacher.post(`${API}/households/${hh}/members`,
      { name: 'Noor Voorbeeld', date_of_birth: '2015-04-02', role: 'child' });
    expectStatus(res, 201);
    const child = res.body.members.find((m) => m.name === 'Noor Voorbeeld');
    assert.equal(child.role, 'child');
    assert.equal(child.date_of_birth, '2015-04-02');

    const other = await createCase(outreacher, lead, [outreacher.user.id]);
    res = await outreacher.post(`${API}/households/${hh}/members`, { person_id: other.person.id, role: 'other' });
    expectStatus(res, 201);
    assert.equal(res.body.members.length, 3);
    const moved = res.body.members.find((m) => m.person_id === other.person.id);
    assert.equal(moved.role, 'other');
    assert.deepEqual(moved.other_cases.map((k) => k.id), [other.id]);
    assert.equal((await outreacher.get(`${API}/households/${other.household.id}`)).body.members.length, 0);

    const page = (await outreacher.get(`${API}/cases/${c.id}`)).body;
    const seen = page.household.members.find((m) => m.person_id === other.person.id);
    assert.deepEqual(seen.other_cases, [{ id: other.id, status: 'open', phase: 'preparation' }]);
    assert.deepEqual(page.household.members.find((m) => m.person_id === c.person.id).other_cases, []);

    res = await outreacher.delete(`${API}/households/${hh}/members/${child.person_id}`);
    expectStatus(res, 200);
    assert.deepEqual(res.body.members.map((m) => m.person_id).sort(), [c.person.id, other.person.id].sort());
  });

  it('show a member\'s signals that belong to no case', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    const signal = await createSignal(outreacher);
    const res = await outreacher.post(`${API}/households/${c.household.id}/members`,
      { person_id: signal.person.id, role: 'adult' });
    expectStatus(res, 201);
    const page = (await outreacher.get(`${API}/cases/${c.id}`)).body;
    assert.deepEqual(page.household.members.find((m) => m.person_id === signal.person.id).other_signals,
      [{ id: signal.id, intake_date: signal.intake_date, status: 'awaiting_decision' }]);
  });

  it('refuse bad input and other teams, changing nothing', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    const b = await createCase(outreacherB, leadB, [outreacherB.user.id]);
    const hh = c.household.id;
    const path = `${API}/households/${hh}/members`;
    const v = views([c.id], [hh]);

    fieldErrors(await unchangedBy(outreacher, v, () => outreacher.post(path, { name: 'Sam Voorbeeld', role: 'cousin' })),
      { role: 'unknown_value' });
    fieldErrors(await unchangedBy(outreacher, v, () => outreacher.post(path, { role: 'child' })), { name: 'required' });
    fieldErrors(await unchangedBy(outreacher, v,
      () => outreacher.post(path, { name: 'Sam Voorbeeld', date_of_birth: localDate(1), role: 'child' })),
    { date_of_birth: 'in_future' });
    fieldErrors(await unchangedBy(outreacher, v,
      () => outreacher.post(path, { person_id: b.person.id, name: 'Sam Voorbeeld', role: 'child' })),
    { name: 'not_allowed' });
    expectProblem(await unchangedBy(outreacher, v,
      () => outreacher.post(path, { person_id: b.person.id, role: 'adult' })), 404, 'not_found');
    expectProblem(await unchangedBy(outreacher, v,
      () => outreacher.post(path, { person_id: 999999999, role: 'adult' })), 404, 'not_found');
    expectProblem(await unchangedBy(outreacher, v,
      () => outreacher.post(`${API}/households/${b.household.id}/members`, { name: 'Sam Voorbeeld', role: 'child' })),
    404, 'not_found');
    expectProblem(await unchangedBy(outreacher, v,
      () => outreacher.post(`${API}/households/999999999/members`, { name: 'Sam Voorbeeld', role: 'child' })),
    404, 'not_found');
    expectProblem(await outreacher.get(`${API}/households/${b.household.id}`), 404, 'not_found');
    expectProblem(await outreacher.get(`${API}/households/999999999`), 404, 'not_found');
    expectProblem(await outreacher.get(`${API}/households/abc`), 404, 'not_found');

    expectProblem(await unchangedBy(outreacher, v,
      () => outreacher.delete(`${API}/households/${hh}/members/${b.person.id}`)), 404, 'not_found');
    expectProblem(await unchangedBy(outreacher, v,
      () => outreacher.delete(`${API}/households/${b.household.id}/members/${b.person.id}`)), 404, 'not_found');
    expectProblem(await unchangedBy(outreacher, v,
      () => outreacher.delete(`${API}/households/999999999/members/${c.person.id}`)), 404, 'not_found');

    fieldErrors(await unchangedBy(outreacher, v, () => outreacher.patch(`${API}/cases/${c.id}`, { concerns: 'family' })),
      { concerns: 'unknown_value' });
    fieldErrors(await unchangedBy(outreacher, v, () => outreacher.patch(`${API}/cases/${c.id}`, {})),
      { concerns: 'required' });
    expectProblem(await unchangedBy(outreacher, v,
      () => outreacher.patch(`${API}/cases/${b.id}`, { concerns: 'household' })), 404, 'not_found');
  });
});

describe('a case concerning the whole household', () => {
  it('is set and cleared, and follows its person into another household', async () => {
    const c = await createCase(outreacher, lead, [outreacher.user.id]);
    let res = await outreacher.patch(`${API}/cases/${c.id}`, { concerns: 'household' });
    expectStatus(res, 200);
    assert.equal(res.body.concerns, 'household');
    assert.equal((await outreacher.get(`${API}/cases/${c.id}`)).body.concerns, 'household');

    const host = await createCase(outreacher, lead, [outreacher.user.id]);
    expectStatus(await outreacher.post(`${API}/households/${host.household.id}/members`,
      { person_id: c.person.id, role: 'adult' }), 201);
    res = await outreacher.get(`${API}/cases/${c.id}`);
    assert.equal(res.body.concerns, 'household');
    assert.equal(res.body.household.id, host.household.id);
    assert.deepEqual(members(res.body.household).length, 2);

    res = await outreacher.patch(`${API}/cases/${c.id}`, { concerns: 'person' });
    expectStatus(res, 200);
    assert.equal(res.body.concerns, 'person');
  });
});
