// `voordeur purge` against a demo database: the default periods purge nothing of the fresh demo
// data, shorter periods delete what is past them and leave anonymous counts, and a period below
// one day is refused.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startServer, binary, DEMO } from './lib/server.mjs';
import { API, loginAs, expectStatus } from './lib/client.mjs';

const run = promisify(execFile);

let server;
let admin;
before(async () => {
  server = await startServer();
  admin = await loginAs(server.baseUrl, DEMO.admin);
});
after(async () => {
  await server?.stop();
});

async function purge(...args) {
  return run(binary, ['purge', '--database', server.database, '--key-file', server.keyFile, ...args]);
}

describe('voordeur purge', () => {
  it('purges nothing of the fresh demo data with the default periods, even without --dry-run', async () => {
    const dry = await purge('--dry-run');
    assert.match(dry.stdout, /nothing deleted\): 0 closed cases, 0 signals without a case\./);
    const real = await purge();
    assert.match(real.stdout, /^Deleted: 0 closed cases, 0 signals without a case, 0 persons/);
  });

  it('deletes what is past shorter periods and keeps anonymous counts', async () => {
    const short = ['--retention-closed-case-days', '1', '--retention-signal-days', '1'];
    // The demo closes cases exactly one day before it ran; a one-day period makes them due once a
    // second has passed since then.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const dry = await purge('--dry-run', ...short);
    const [, dryCases, drySignals] = dry.stdout.match(/: (\d+) closed cases, (\d+) signals/).map(Number);
    assert.ok(dryCases > 0 && drySignals > 0, dry.stdout);

    const real = await purge(...short);
    const [, cases, signals] = real.stdout.match(/Deleted: (\d+) closed cases, (\d+) signals/).map(Number);
    assert.equal(cases, dryCases);
    assert.equal(signals, drySignals);

    const settings = await admin.get(`${API}/retention`);
    expectStatus(settings, 200);
    const counted = (type) => settings.body.purged_counts
      .filter((c) => c.record_type === type).reduce((sum, c) => sum + c.count, 0);
    assert.equal(counted('case'), cases);
    assert.equal(counted('signal'), signals);
    for (const row of settings.body.purged_counts) {
      assert.deepEqual(Object.keys(row).sort(),
        ['contact_bucket', 'count', 'period', 'phase_reached', 'reason', 'record_type', 'team_id']);
      assert.match(row.period, /^\d{4}-\d{2}$/);
    }

    const again = await purge('--dry-run', ...short);
    assert.match(again.stdout, /: 0 closed cases, 0 signals/);
  });

  it('refuses a period below one day', async () => {
    await assert.rejects(purge('--retention-signal-days', '0'), (err) => {
      assert.equal(err.code, 2);
      assert.match(err.stderr, /--retention-signal-days must be a whole number of days, at least 1/);
      return true;
    });
  });
});
