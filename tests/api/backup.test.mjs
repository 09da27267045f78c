// `voordeur backup` on a running server: a new folder that another server starts from, with the
// encrypted notes readable with the key that stays outside the backup; a used folder is refused.
// On PostgreSQL the command copies the spool and the scans and says to run pg_dump.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { binary, freePort, startServer, waitForHealth, DEMO, TIMEZONE } from './lib/server.mjs';
import { API, loginAs, expectStatus, createCase, addContact } from './lib/client.mjs';

const run = promisify(execFile);

let server;
let lead;
let outreacher;
let work;
before(async () => {
  server = await startServer();
  lead = await loginAs(server.baseUrl, DEMO.leadA);
  outreacher = await loginAs(server.baseUrl, DEMO.outreacherA);
  work = mkdtempSync(path.join(tmpdir(), 'voordeur-backup-'));
});
after(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const backup = (...args) =>
  run(binary, ['backup', '--database', server.database, '--data-dir', server.dataDir, '--key-file', server.keyFile, ...args]);

describe('voordeur backup', () => {
  it('copies a running server into a new private folder without the key; a server starts from the copy', async () => {
    const kase = await createCase(outreacher, lead, [outreacher.user.id]);
    await addContact(outreacher, kase.id, { note: 'Backup check: kaartje achtergelaten' });

    const folder = path.join(work, 'first');
    const { stdout } = await backup('--to', folder);
    assert.match(stdout, /^Backed up into /);
    assert.match(stdout, /key file .* is not in the backup/);
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    assert.ok(!readdirSync(folder).some((name) => name.endsWith('.key')), 'no key file in the backup');

    if (!server.database.startsWith('sqlite:')) {
      assert.match(stdout, /back it up now with pg_dump/);
      return;
    }
    const copy = path.join(folder, path.basename(server.database.slice('sqlite:'.length)));
    assert.ok(existsSync(copy), 'the database file is in the backup');
    assert.ok(!existsSync(`${copy}-wal`), 'one file, without a WAL beside it');

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const output = [];
    const restored = spawn(
      binary,
      ['serve', '--database', `sqlite:${copy}`, '--key-file', server.keyFile, '--data-dir', folder,
        '--port', String(port), '--timezone', TIMEZONE],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    restored.stdout.on('data', (chunk) => output.push(chunk.toString()));
    restored.stderr.on('data', (chunk) => output.push(chunk.toString()));
    const exited = new Promise((resolve) => restored.on('exit', resolve));
    try {
      await waitForHealth(baseUrl, restored, output);
      const leadOfCopy = await loginAs(baseUrl, DEMO.leadA);
      const found = await leadOfCopy.get(`${API}/cases/${kase.id}`);
      expectStatus(found, 200);
      assert.deepEqual(found.body.contacts.map((c) => c.note), ['Backup check: kaartje achtergelaten']);
    } finally {
      restored.kill('SIGTERM');
      await exited;
    }
  });

  it('refuses a folder that is not empty and leaves it as it was', async () => {
    const folder = path.join(work, 'used');
    await backup('--to', folder);
    writeFileSync(path.join(folder, 'note.txt'), 'an earlier backup');
    const before = readdirSync(folder).sort();
    await assert.rejects(backup('--to', folder), (err) => {
      assert.equal(err.code, 1);
      assert.match(err.stderr, /is not empty\. Give a new folder/);
      return true;
    });
    assert.deepEqual(readdirSync(folder).sort(), before);
  });

  it('asks for the folder when --to is missing', async () => {
    await assert.rejects(backup(), (err) => {
      assert.equal(err.code, 2);
      assert.match(err.stderr, /give the folder to copy into/);
      return true;
    });
  });
});
