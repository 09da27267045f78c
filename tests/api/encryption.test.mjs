// Encryption at rest through the real binary on SQLite: the key file (created 0600, refused when
// readable by others), sensitive fields stored sealed, rows from before encryption sealed at the
// first start, and `voordeur rotate-key` (data readable with the new key, the old key refused).
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { binary, DEMO, TIMEZONE } from './lib/server.mjs';
import { API, loginAs, expectStatus, createSignal, signalInput } from './lib/client.mjs';

const run = promisify(execFile);
let dir;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'voordeur-encryption-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Runs `voordeur serve` on the database with the key file until stop(); rejects with the output
// when it exits before answering /health.
async function serve(database, keyFile) {
  const port = await freePort();
  const child = spawn(binary, ['serve', '--database', database, '--key-file', keyFile,
    '--data-dir', path.dirname(keyFile), '--port', String(port), '--timezone', TIMEZONE],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => { output += c; });
  child.stderr.on('data', (c) => { output += c; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(output);
    try {
      if ((await fetch(`${baseUrl}/health`)).status === 200) {
        return { baseUrl, stop: async () => { child.kill('SIGTERM'); await exited; } };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`serve did not start: ${output}`);
}

// `voordeur serve` that must refuse to start; answers its exit code and output.
async function refusedServe(database, keyFile) {
  try {
    await run(binary, ['serve', '--database', database, '--key-file', keyFile, '--data-dir', path.dirname(keyFile),
      '--port', '0'], { timeout: 20_000 });
  } catch (err) {
    return { code: err.code, output: `${err.stdout}${err.stderr}` };
  }
  assert.fail('serve started although it should refuse');
}

function sql(file, statement) {
  return execFileSync('sqlite3', [file, statement], { encoding: 'utf8' }).trim();
}

function fresh(name) {
  const file = path.join(dir, `${name}.db`);
  return { file, url: `sqlite:${file}`, keyFile: path.join(dir, `${name}.key`) };
}

const note = 'Example tried: three visits, letter through the door';

describe('the key file', () => {
  it('is created with mode 0600 on the first run and holds 64 hex digits', async () => {
    const db = fresh('created');
    await run(binary, ['demo', '--database', db.url, '--key-file', db.keyFile]);
    assert.equal(statSync(db.keyFile).mode & 0o777, 0o600);
    assert.match(readFileSync(db.keyFile, 'utf8'), /^[0-9a-f]{64}\n$/);
  });

  it('readable by group or others: serve refuses with the chmod to run', async () => {
    const db = fresh('open');
    await run(binary, ['demo', '--database', db.url, '--key-file', db.keyFile]);
    chmodSync(db.keyFile, 0o644);
    const { code, output } = await refusedServe(db.url, db.keyFile);
    assert.equal(code, 1);
    assert.match(output, /readable by group or others \(mode 0644\); make it private with: chmod 600/);
  });

  it('missing while the database is encrypted: serve refuses and does not create a new key', async () => {
    const db = fresh('missing');
    await run(binary, ['demo', '--database', db.url, '--key-file', db.keyFile]);
    const elsewhere = path.join(dir, 'missing-elsewhere.key');
    const { code, output } = await refusedServe(db.url, elsewhere);
    assert.equal(code, 1);
    assert.match(output, /the database is encrypted with key [0-9a-f]{16}, but key file .* does not exist/);
    assert.equal(existsSync(elsewhere), false);
  });
});

describe('sealed columns', () => {
  it('a signal free-text field is stored sealed and read back as written', async () => {
    const db = fresh('sealed');
    await run(binary, ['demo', '--database', db.url, '--key-file', db.keyFile]);
    const server = await serve(db.url, db.keyFile);
    try {
      const client = await loginAs(server.baseUrl, DEMO.outreacherA);
      const signal = await createSignal(client, { tried_and_result: note });
      const raw = sql(db.file, `SELECT tried_and_result FROM signals WHERE id = ${signal.id}`);
      assert.match(raw, /^vdenc:1:[0-9a-f]{16}:[A-Za-z0-9_-]+$/);
      assert.ok(!raw.includes('visits'));
      const read = await client.get(`${API}/signals/${signal.id}`);
      expectStatus(read, 200);
      assert.equal(read.body.tried_and_result, note);
      assert.equal(sql(db.file, "SELECT count(*) FROM contacts WHERE note <> '' AND note NOT LIKE 'vdenc:1:%'"), '0');
      // The demo's consent stances and exchanges went through the same sealing as the API's.
      for (const [table, column] of [['consent_stances', 'note'], ['information_exchanges', 'justification']]) {
        assert.equal(sql(db.file, `SELECT count(*) FROM ${table} WHERE ${column} <> '' AND ${column} NOT LIKE 'vdenc:1:%'`), '0');
        assert.ok(Number(sql(db.file, `SELECT count(*) FROM ${table} WHERE ${column} LIKE 'vdenc:1:%'`)) > 0, table);
      }
    } finally {
      await server.stop();
    }
  });

  it('plain-text rows from before encryption are sealed at the next start and still read', async () => {
    const db = fresh('legacy');
    await run(binary, ['demo', '--database', db.url, '--key-file', db.keyFile]);
    // Make it look like a database from before this version: one plain note, no record of a key.
    const id = sql(db.file, "SELECT id FROM contacts ORDER BY id LIMIT 1");
    sql(db.file, `UPDATE contacts SET note = 'Example plain note' WHERE id = ${id}`);
    sql(db.file, 'DELETE FROM encryption_state');
    const server = await serve(db.url, db.keyFile);
    try {
      assert.match(sql(db.file, `SELECT note FROM contacts WHERE id = ${id}`), /^vdenc:1:/);
      const client = await loginAs(server.baseUrl, DEMO.leadA);
      const caseId = sql(db.file, `SELECT case_id FROM contacts WHERE id = ${id}`);
      const teamOfCase = sql(db.file, `SELECT t.name FROM cases c JOIN teams t ON t.id = c.team_id WHERE c.id = ${caseId}`);
      const reader = teamOfCase === 'Team A' ? client : await loginAs(server.baseUrl, DEMO.leadB);
      const contacts = await reader.get(`${API}/cases/${caseId}/contacts`);
      expectStatus(contacts, 200);
      assert.ok(contacts.body.items.some((c) => c.note === 'Example plain note'));
    } finally {
      await server.stop();
    }
  });
});

describe('voordeur rotate-key', () => {
  it('re-encrypts everything with a new key; the old key no longer opens the data', async () => {
    const db = fresh('rotate');
    await run(binary, ['demo', '--database', db.url, '--key-file', db.keyFile]);
    let signalId;
    let server = await serve(db.url, db.keyFile);
    try {
      const client = await loginAs(server.baseUrl, DEMO.outreacherA);
      signalId = (await createSignal(client, signalInput({ what_would_help: note }))).id;
    } finally {
      await server.stop();
    }
    const oldKeyCopy = path.join(dir, 'rotate-old-copy.key');
    copyFileSync(db.keyFile, oldKeyCopy);
    const oldKeyId = sql(db.file, 'SELECT key_id FROM encryption_state');
    const before = sql(db.file, `SELECT what_would_help FROM signals WHERE id = ${signalId}`);

    const { stdout } = await run(binary, ['rotate-key', '--database', db.url, '--key-file', db.keyFile]);
    assert.match(stdout, new RegExp(`Key rotated: ${oldKeyId} -> [0-9a-f]{16}, \\d+ values and \\d+ scan files re-encrypted`));
    const newKeyId = sql(db.file, 'SELECT key_id FROM encryption_state');
    assert.notEqual(newKeyId, oldKeyId);
    assert.notEqual(readFileSync(db.keyFile, 'utf8'), readFileSync(oldKeyCopy, 'utf8'));
    assert.equal(statSync(db.keyFile).mode & 0o777, 0o600);
    assert.equal(existsSync(`${db.keyFile}.new`), false);
    assert.equal(existsSync(`${db.keyFile}.old`), false);
    const after = sql(db.file, `SELECT what_would_help FROM signals WHERE id = ${signalId}`);
    assert.notEqual(after, before);
    assert.ok(after.startsWith(`vdenc:1:${newKeyId}:`));
    assert.equal(sql(db.file, `SELECT count(*) FROM contacts WHERE note LIKE 'vdenc:1:${oldKeyId}:%'`), '0');

    server = await serve(db.url, db.keyFile);
    try {
      const client = await loginAs(server.baseUrl, DEMO.outreacherA);
      const read = await client.get(`${API}/signals/${signalId}`);
      expectStatus(read, 200);
      assert.equal(read.body.what_would_help, note);
    } finally {
      await server.stop();
    }

    const { code, output } = await refusedServe(db.url, oldKeyCopy);
    assert.equal(code, 1);
    assert.match(output, new RegExp(`holds key ${oldKeyId}, but the database is encrypted with key ${newKeyId}`));
  });

  it('an interrupted rotation is finished at the next start when the database already uses the new key', async () => {
    const db = fresh('interrupted');
    await run(binary, ['demo', '--database', db.url, '--key-file', db.keyFile]);
    // Simulate a crash after the transaction committed but before the rename: rotate a copy, then
    // put the old key back as the key file and the new one as <key>.new.
    const rotated = path.join(dir, 'interrupted-rotated.key');
    copyFileSync(db.keyFile, rotated);
    chmodSync(rotated, 0o600);
    await run(binary, ['rotate-key', '--database', db.url, '--key-file', rotated]);
    copyFileSync(rotated, `${db.keyFile}.new`);
    chmodSync(`${db.keyFile}.new`, 0o600);
    const server = await serve(db.url, db.keyFile);
    await server.stop();
    assert.equal(readFileSync(db.keyFile, 'utf8'), readFileSync(rotated, 'utf8'));
    assert.equal(existsSync(`${db.keyFile}.new`), false);
  });
});
