// Starts the real voordeur binary for the API tests and stops it afterwards.
//
// Database: VOORDEUR_TEST_DATABASE unset (or "sqlite") gives every server a fresh SQLite file in
// a temporary folder. A postgresql:// URL gives every server a fresh database on that cluster,
// created next to the named one and dropped after the server stops, so that test files and the
// dedicated servers (rate limits, idle expiry) never see each other's data.
// Each server is migrated and seeded by `voordeur demo` first: the demo accounts below exist.
import { spawn, execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const binary = process.env.VOORDEUR_BIN ?? path.join(repoRoot, 'build', 'voordeur');

export const DEMO_PASSWORD = 'voordeur-demo';
// The servers' time zone for local dates, set explicitly so that the tests compute the same
// "today" as the server whatever the machine's zone.
export const TIMEZONE = 'Europe/Amsterdam';
export const DEMO = {
  outreacherA: 'demo-outreacher-a',
  leadA: 'demo-lead-a',
  outreacherB: 'demo-outreacher-b',
  leadB: 'demo-lead-b',
  admin: 'demo-admin',
};

const running = new Set();
const tempDirs = new Set();
// A test process that ends for any reason takes its servers and their SQLite files with it.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(1));
}

let helpText;
// The text of `voordeur serve --help`, to find the names of optional settings.
export function serveHelp() {
  helpText ??= execFileSync(binary, ['serve', '--help'], { encoding: 'utf8' });
  return helpText;
}

// The first option of `serve --help` that matches pattern (a RegExp), or undefined.
export function findOption(pattern) {
  const options = serveHelp().match(/--[a-z][a-z0-9-]*/g) ?? [];
  return options.find((option) => pattern.test(option));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function psqlBinary() {
  if (process.env.PSQL) return process.env.PSQL;
  const packaged = '/usr/lib/postgresql/15/bin/psql';
  return existsSync(packaged) ? packaged : 'psql';
}

async function psql(url, sql) {
  await run(psqlBinary(), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql]);
}

let databaseCounter = 0;

// Returns { url, dispose } for a database that nobody else uses.
async function freshDatabase() {
  const configured = process.env.VOORDEUR_TEST_DATABASE ?? '';
  if (configured === '' || configured === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'voordeur-api-'));
    tempDirs.add(dir);
    return {
      url: `sqlite:${path.join(dir, 'voordeur.db')}`,
      dispose: async () => {
        rmSync(dir, { recursive: true, force: true });
        tempDirs.delete(dir);
      },
    };
  }
  if (!/^postgres(ql)?:\/\//.test(configured)) {
    throw new Error(`VOORDEUR_TEST_DATABASE must be empty, "sqlite" or a postgresql:// URL`);
  }
  const base = new URL(configured);
  const name = `${base.pathname.slice(1) || 'voordeur'}_t${process.pid}_${++databaseCounter}`;
  await psql(configured, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await psql(configured, `CREATE DATABASE ${name}`);
  const url = new URL(configured);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: async () => psql(configured, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function waitForHealth(baseUrl, child, output) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`voordeur serve did not answer GET /health; its output:\n${output.join('')}`);
}

// A folder of its own for a server's encryption key file, removed when the process ends.
export function keyFileInTempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'voordeur-key-'));
  tempDirs.add(dir);
  return path.join(dir, 'voordeur.key');
}

// Starts a seeded server with its own key file, in a data directory of its own (scans, and the
// access-log spool on PostgreSQL). serveArgs are added to `voordeur serve`.
// Returns { baseUrl, database, keyFile, dataDir, stop() }.
export async function startServer({ serveArgs = [] } = {}) {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: build it first (make build)`);
  const database = await freshDatabase();
  const keyFile = keyFileInTempDir();
  const dataDir = path.dirname(keyFile);
  try {
    await run(binary, ['demo', '--database', database.url, '--key-file', keyFile]);
  } catch (err) {
    await database.dispose();
    throw new Error(`voordeur demo failed: ${err.stderr || err.message}`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output = [];
  const child = spawn(
    binary,
    ['serve', '--database', database.url, '--key-file', keyFile, '--data-dir', dataDir,
      '--port', String(port), '--timezone', TIMEZONE, ...serveArgs],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', resolve));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    await database.dispose();
  };

  try {
    await waitForHealth(baseUrl, child, output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, database: database.url, keyFile, dataDir, stop };
}
