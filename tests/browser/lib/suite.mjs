// What the browser test files share: the two sizes, one server and one browser per file, a page
// per size with its checks (axe-core plus a screenshot) and API reads, and logging in.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { axeViolations, formatViolations, launchBrowser, screenshotDir, watchPageErrors } from './browser.mjs';
import { startServer } from './server.mjs';
import { DEMO_TOTP_SECRET, currentStep, totpCode } from '../../api/lib/totp.mjs';

export { DEMO_TOTP_SECRET, totpCode };

export const PASSWORD = 'voordeur-demo';
export const SIZES = [
  { name: '360x740', viewport: { width: 360, height: 740 }, wide: false },
  { name: '1280x800', viewport: { width: 1280, height: 800 }, wide: true },
];
export const TIMEOUT = 10_000;
// The server reads contact moments as wall-clock times in its own zone (default Europe/Amsterdam);
// the browser runs in the same zone, as a worker's phone would.
export const TIME_ZONE = process.env.VOORDEUR_TIMEZONE ?? 'Europe/Amsterdam';

/** Starts a server and a browser before the file's tests and stops them after; both are on the returned object. */
export function useServerAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** A fresh context at one size, its page and the console errors seen on it. */
export async function openPage(env, size) {
  const context = await env.browser.newContext({ viewport: size.viewport, locale: 'nl-NL', timezoneId: TIME_ZONE });
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  const pageErrors = watchPageErrors(page);
  return { context, page, pageErrors };
}

/**
 * `check(name)`: axe-core on the settled page, then a screenshot `<prefix><name>.png`;
 * `api(path)`: a GET on the API with the page's cookies, expecting 200.
 */
export function pageChecks(page, size, baseUrl, prefix = '') {
  const dir = screenshotDir(size.name);
  const check = async (name) => {
    await page.waitForLoadState('networkidle');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe violations on "${name}" at ${size.name}:\n${formatViolations(violations)}`);
    await page.screenshot({ path: join(dir, `${prefix}${name}.png`), fullPage: true });
  };
  const api = async (path) => {
    const response = await page.request.get(`${baseUrl}/api/v1${path}`);
    assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}`);
    return response.json();
  };
  return { check, api };
}

/**
 * On the login page's code step: types a TOTP code of `secret` that the server accepts and waits
 * for the main menu. A code is accepted once per account, so after "al gebruikt" it types the next
 * step's code (accepted as the neighbour), or waits for the next step.
 */
export async function enterTotpCode(page, secret) {
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const used = page.getByText('Deze code is al gebruikt', { exact: false });
  for (;;) {
    const step = currentStep();
    for (const candidate of [step, step + 1]) {
      await page.getByLabel('Code van 6 cijfers').fill(totpCode(secret, candidate));
      await page.getByRole('button', { name: 'Inloggen' }).click();
      // The loser of the race times out later; its rejection is caught so it is not unhandled.
      const outcome = await Promise.race([
        nav.waitFor().then(() => 'in', () => 'timeout'),
        used.first().waitFor().then(() => 'used', () => 'timeout'),
      ]);
      if (outcome === 'in') return nav;
    }
    await page.waitForTimeout(((step + 1) * 30 - Date.now() / 1000) * 1000 + 50);
  }
}

/**
 * Logs in from the start page and waits for the main menu, which it returns. demo-admin and
 * demo-privacy also enter a TOTP code of the demo secret.
 */
export async function login(page, baseUrl, username) {
  await page.goto(baseUrl);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (username === 'demo-admin' || username === 'demo-privacy') return enterTotpCode(page, DEMO_TOTP_SECRET);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await nav.waitFor();
  return nav;
}
