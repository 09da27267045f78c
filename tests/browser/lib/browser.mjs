// Chromium from Debian, driven by playwright-core; axe-core for accessibility checks.

import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * Runs axe-core on the current page and returns readable violations.
 * The app's CSP (`default-src 'self'`) refuses inline <script>, so axe is not added as a script
 * tag: page.evaluate goes through the DevTools protocol, which the CSP does not govern.
 */
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const outcome = await window.axe.run(document, { resultTypes: ['violations'] });
    return outcome.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
  return result;
}

export function formatViolations(violations) {
  return violations
    .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n}`).join('\n')}`)
    .join('\n');
}

export function screenshotDir(sizeName) {
  const dir = join(REPO_ROOT, 'tests', 'artifacts', 'screenshots', sizeName);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Collects console errors and uncaught exceptions (CSP refusals show up here). */
export function watchPageErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    // Expected 4xx answers (no session yet, wrong password, refused form) are logged by the
    // browser as failed resources; they are asserted on the page instead.
    if (message.type() === 'error' && !/Failed to load resource: .*status of 4\d\d/.test(message.text())) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}
