// Finds or starts the Voordeur server the browser tests talk to.
//
// With VOORDEUR_URL set, that server is used as it is (it must hold `voordeur demo` data).
// Otherwise build/voordeur from the repository root is run: `demo` fills a fresh SQLite file in
// a temporary folder, `serve` serves it with the built web app on a free loopback port, and
// stop() ends that process and removes the folder.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitForHealth(baseUrl, child, output, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`voordeur serve exited with ${child.exitCode}:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`voordeur serve did not answer /health within ${timeoutMs} ms:\n${output.join('')}`);
}

/** @returns {Promise<{ baseUrl: string, stop: () => Promise<void> }>} */
export async function startServer() {
  if (process.env.VOORDEUR_URL) {
    return { baseUrl: process.env.VOORDEUR_URL.replace(/\/$/, ''), stop: async () => {} };
  }
  const binary = join(REPO_ROOT, 'build', 'voordeur');
  const staticDir = join(REPO_ROOT, 'web', 'dist');
  if (!existsSync(binary)) throw new Error(`${binary} not found: build the server first, or set VOORDEUR_URL`);
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error(`${staticDir} not built: run npm run build in web/`);

  const dir = mkdtempSync(join(tmpdir(), 'voordeur-browser-'));
  const database = `sqlite:${join(dir, 'b.db')}`;
  const keyFile = join(dir, 'voordeur.key');
  const demo = spawnSync(binary, ['demo', '--database', database, '--key-file', keyFile], { encoding: 'utf8' });
  if (demo.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`voordeur demo failed (${demo.status}):\n${demo.stdout}${demo.stderr}`);
  }

  const port = await freePort();
  const output = [];
  const child = spawn(
    binary,
    ['serve', '--database', database, '--key-file', keyFile, '--data-dir', dir, '--port', String(port),
      '--static-dir', staticDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (chunk) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
