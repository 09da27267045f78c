// The access log (NEN 7513): every GET of person data leaves a row (written by the background
// writer within moments), every change leaves a row in its own transaction, a refused change
// leaves none; only the privacy officer searches the log; a case's page shows who saw the file;
// `voordeur audit verify` passes on an intact log and names the row an edit broke.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { binary, startServer, DEMO, DEMO_PASSWORD } from './lib/server.mjs';
import {
  API, Client, loginAs, expectStatus, expectProblem, expectFieldErrors, createCase, addContact,
} from './lib/client.mjs';

const run = promisify(execFile);

let server;
let admin;
let lead;
let outreacher;
let outreacherB;
let officer;
let kase;
before(async () => {
  server = await startServer();
  admin = await loginAs(server.baseUrl, DEMO.admin);
  lead = await loginAs(server.baseUrl, DEMO.leadA);
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  outreacherB = await loginAs(server.baseUrl, DEMO.outreacherB);
  const created = await admin.post(`${API}/users`, {
    username: 'example.privacy-officer',
    display_name: 'Example Privacy Officer',
    role: 'privacy_officer',
    password: 'correct-horse-example',
    team_ids: [],
  });
  expectStatus(created, 201);
  officer = await loginAs(server.baseUrl, 'example.privacy-officer', 'correct-horse-example');
  kase = await createCase(outreacher, lead, [outreacher.user.id]);
});
after(async () => {
  await server?.stop();
});

// The newest rows of one user, as the privacy officer sees them.
async function rowsOf(user, limit = 5) {
  const res = await officer.get(`${API}/access-log?user=${user.id}&limit=${limit}`);
  expectStatus(res, 200);
  return res.body;
}

// Waits until the newest row of `user` matches `expected` (reads are written by the background writer).
async function expectNewest(user, expected) {
  const deadline = Date.now() + 3000;
  let newest;
  while (Date.now() < deadline) {
    [newest] = (await rowsOf(user, 1)).items;
    if (newest && Object.entries(expected).every(([k, v]) => newest[k] === v)) return newest;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`newest access-log row ${JSON.stringify(newest)} does not match ${JSON.stringify(expected)}`);
}

async function sql(statement) {
  if (server.database.startsWith('sqlite:')) {
    await run('sqlite3', [server.database.slice('sqlite:'.length), statement]);
  } else {
    await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', server.database, '-c', statement]);
  }
}

async function verify(...args) {
  try {
    const { stdout } = await run(binary, ['audit', 'verify', '--database', server.database, ...args]);
    return { code: 0, stdout };
  } catch (err) {
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('reads', () => {
  it('every GET of person data leaves a row with the user, the person and the team', async () => {
    const person = kase.person.id;
    const team = `team:${kase.team_id}`;
    const reads = [
      [`/cases/${kase.id}`, { action: 'read', record_type: 'case', record_id: kase.id, person_id: person }],
      [`/cases/${kase.id}/contacts`, { action: 'read', record_type: 'case', record_id: kase.id, detail: 'contacts' }],
      [`/cases/${kase.id}/timeline`, { action: 'read', record_type: 'case', record_id: kase.id, detail: 'timeline' }],
      [`/cases/${kase.id}/preparation`, { action: 'read', record_type: 'case', detail: 'preparation' }],
      [`/households/${kase.household.id}`, { action: 'read', record_type: 'household', person_id: person }],
      [`/signals/${kase.signals[0].id}`, { action: 'read', record_type: 'signal', record_id: kase.signals[0].id }],
    ];
    for (const [path, expected] of reads) {
      expectStatus(await lead.get(`${API}${path}`), 200);
      const row = await expectNewest(lead.user, { person_id: person, on_behalf_of: team, ...expected });
      assert.equal(row.user.display_name, lead.user.display_name);
    }
  });

  it('every list is logged as a search with the filter and the ids returned', async () => {
    for (const [path, type] of [['/cases?status=all', 'case'], ['/signals?status=all', 'signal'],
      ['/check-ins?overdue=true', 'check_in'], ['/cases?stuck=true', 'case']]) {
      const res = await lead.get(`${API}${path}`);
      expectStatus(res, 200);
      const row = await expectNewest(lead.user, { action: 'search', record_type: type });
      assert.match(row.detail, /ids=/);
    }
    const row = await expectNewest(lead.user, { action: 'search', record_type: 'case' });
    assert.match(row.detail, /status=open/);
  });

  it('a refused read leaves no row', async () => {
    expectStatus(await outreacherB.get(`${API}/cases/${kase.id}`), 404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await rowsOf(outreacherB.user)).total, 0);
  });
});

describe('changes', () => {
  it('a change is logged at once; a refused change leaves no row', async () => {
    const before = (await rowsOf(outreacher.user)).total;
    const bad = await outreacher.post(`${API}/cases/${kase.id}/contacts`, { channel: 'phone' });
    expectStatus(bad, 422);
    assert.equal((await rowsOf(outreacher.user)).total, before);
    const contact = await addContact(outreacher, kase.id);
    const [row] = (await rowsOf(outreacher.user, 1)).items;
    assert.equal(row.action, 'create');
    assert.equal(row.record_type, 'contact');
    assert.equal(row.record_id, contact.id);
    assert.equal(row.person_id, kase.person.id);
    assert.equal((await rowsOf(outreacher.user)).total, before + 1);
  });
});

describe('GET /api/v1/access-log', () => {
  it('only the privacy officer may search; the admin may not', async () => {
    for (const client of [admin, lead, outreacher]) {
      expectProblem(await client.get(`${API}/access-log`), 403, 'forbidden');
    }
    expectStatus(await officer.get(`${API}/access-log`), 200);
  });

  it('filters by user, person and period, newest first, with paging', async () => {
    // The lead's rows only: the officer's own searches about the person are logged too.
    const filter = `user=${lead.user.id}&person=${kase.person.id}`;
    const all = await officer.get(`${API}/access-log?${filter}&limit=500`);
    expectStatus(all, 200);
    assert.ok(all.body.total >= 6);
    assert.ok(all.body.items.every((r) => r.person_id === kase.person.id && r.user.id === lead.user.id));
    const ids = all.body.items.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    const page = await officer.get(`${API}/access-log?${filter}&limit=2&offset=1`);
    assert.deepEqual(page.body.items.map((r) => r.id), ids.slice(1, 3));
    const future = await officer.get(`${API}/access-log?${filter}&from=2099-01-01`);
    assert.equal(future.body.total, 0);
    const past = await officer.get(`${API}/access-log?${filter}&to=2000-01-01T00:00:00Z`);
    assert.equal(past.body.total, 0);
    const now = await officer.get(`${API}/access-log?${filter}&from=2000-01-01&to=2099-01-01`);
    assert.equal(now.body.total, all.body.total);
  });

  it('bad filters are refused with the field named', async () => {
    expectFieldErrors(await officer.get(`${API}/access-log?user=abc`), [['user', 'invalid_type']]);
    expectFieldErrors(await officer.get(`${API}/access-log?person=0`), [['person', 'invalid_type']]);
    expectFieldErrors(await officer.get(`${API}/access-log?from=2026-13-01`), [['from', 'invalid_date']]);
    expectFieldErrors(await officer.get(`${API}/access-log?to=2026-11-22T25:00:00Z`), [['to', 'invalid_date']]);
    expectFieldErrors(await officer.get(`${API}/access-log?from=2026-11-22&to=2026-11-21`), [['to', 'out_of_range']]);
    expectFieldErrors(await officer.get(`${API}/access-log?limit=0`), [['limit', 'out_of_range']]);
  });

  it("the privacy officer's own searches are logged", async () => {
    expectStatus(await officer.get(`${API}/access-log?person=${kase.person.id}`), 200);
    // Each poll is logged as well (with its own filter in detail), so look for the first search's row.
    const deadline = Date.now() + 3000;
    let found;
    while (!found && Date.now() < deadline) {
      const res = await officer.get(`${API}/access-log?user=${officer.user.id}&person=${kase.person.id}`);
      expectStatus(res, 200);
      found = res.body.items.find((r) => r.detail === `person=${kase.person.id}`);
      if (!found) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(found, 'the search is in the log');
    assert.equal(found.action, 'search');
    assert.equal(found.record_type, 'access_log');
    assert.equal(found.person_id, kase.person.id);
  });
});

describe('GET /api/v1/cases/{id}/access-log', () => {
  it('shows the team and the privacy officer who accessed the file; others get 404', async () => {
    for (const client of [lead, outreacher, officer]) {
      const res = await client.get(`${API}/cases/${kase.id}/access-log`);
      expectStatus(res, 200);
      assert.ok(res.body.items.some((r) => r.user.id === lead.user.id && r.action === 'read'));
      assert.ok(res.body.items.every((r) => r.person_id === kase.person.id));
    }
    for (const client of [outreacherB, admin]) {
      expectProblem(await client.get(`${API}/cases/${kase.id}/access-log`), 404, 'not_found');
    }
    expectProblem(await lead.get(`${API}/cases/999999/access-log`), 404, 'not_found');
  });
});

describe('voordeur audit verify', () => {
  it('passes on the intact log, checks a recorded head, and names the first edited row', async () => {
    const ok = await verify();
    assert.equal(ok.code, 0, `${ok.stdout}${ok.stderr ?? ''}`);
    const head = /head (\d+:[0-9a-f]{64})/.exec(ok.stdout)[1];
    await addContact(outreacher, kase.id);
    assert.equal((await verify('--expect-head', head)).code, 0);
    const wrongHead = await verify('--expect-head', `${head.split(':')[0]}:${'0'.repeat(64)}`);
    assert.equal(wrongHead.code, 1);

    await sql('UPDATE access_log SET at = at + 1 WHERE id = 2');
    const bad = await verify();
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /NOT OK/);
    assert.match(bad.stdout, /edited/);
    assert.match(bad.stdout, /first bad row: id 2\)/);
  });
});

describe('shutdown and crash', () => {
  // A demo database on SQLite in a folder of its own; serve() starts `voordeur serve` on it and
  // answers a logged-in client of the team A lead and how to stop the process.
  async function sqliteServer(dir) {
    const file = path.join(dir, 'voordeur.db');
    const common = ['--database', `sqlite:${file}`, '--data-dir', dir];
    await run(binary, ['demo', ...common]);
    async function serve(extra = []) {
      const port = await new Promise((resolve) => {
        const probe = createServer();
        probe.listen(0, '127.0.0.1', () => {
          const { port: p } = probe.address();
          probe.close(() => resolve(p));
        });
      });
      const child = spawn(binary, ['serve', ...common, '--port', String(port), ...extra], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
      let client = null;
      for (let i = 0; i < 100 && !client; i += 1) {
        try {
          client = await loginAs(`http://127.0.0.1:${port}`, DEMO.leadA, DEMO_PASSWORD);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      assert.ok(client instanceof Client, 'the server answered');
      return { client, stop: async (signal) => { child.kill(signal); return exited; } };
    }
    async function query(database, statement) {
      const { stdout } = await run('sqlite3', [database, statement]);
      return stdout.trim();
    }
    const logged = () => query(file, "SELECT group_concat(action || ' ' || record_type, ',') FROM access_log");
    const spooled = () => query(`${file}-access-spool`, 'SELECT COUNT(*) FROM spool');
    return { serve, logged, spooled };
  }

  // Lists one case and reads it: a search row and a read row.
  async function listAndRead(client) {
    const list = await client.get(`${API}/cases?limit=1`);
    expectStatus(list, 200);
    expectStatus(await client.get(`${API}/cases/${list.body.items[0].id}`), 200);
  }

  it('SIGTERM writes the reads still queued (SQLite; the writer would otherwise wait 10 minutes)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'voordeur-access-log-'));
    try {
      const db = await sqliteServer(dir);
      const server1 = await db.serve(['--access-log-flush-ms', '600000']);
      await listAndRead(server1.client);
      assert.equal(await server1.stop('SIGTERM'), 0);
      assert.equal(await db.logged(), 'search case,read case');
      assert.equal(await db.spooled(), '0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads already in the spool survive a crash (SIGKILL) and join the log at the next start (SQLite)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'voordeur-access-log-'));
    try {
      const db = await sqliteServer(dir);
      const server1 = await db.serve(['--access-log-flush-ms', '20']);
      await listAndRead(server1.client);
      for (let i = 0; i < 100 && await db.spooled() !== '2'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(await db.spooled(), '2', 'both rows reached the spool');
      assert.equal(await server1.stop('SIGKILL'), 'SIGKILL');
      assert.equal(await db.logged(), '', 'the rows were not yet in the log itself');
      const server2 = await db.serve();
      assert.equal(await server2.stop('SIGTERM'), 0);
      assert.equal(await db.logged(), 'search case,read case');
      assert.equal(await db.spooled(), '0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
