// Monitoring and the process review in a real Chromium: record a review and schedule a check-in on
// a monitored case, at phone and desktop size, axe-core on each step.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, formatViolations, launchBrowser, screenshotDir, watchPageErrors } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const SIZES = [
  { name: '360x740', viewport: { width: 360, height: 740 } },
  { name: '1280x800', viewport: { width: 1280, height: 800 } },
];
const TIMEOUT = 10_000;
const TIME_ZONE = process.env.VOORDEUR_TIMEZONE ?? 'Europe/Amsterdam';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const usedCases = new Set();

for (const size of SIZES) {
  test(`monitoring and process review at ${size.name}`, async () => {
    const context = await browser.newContext({ viewport: size.viewport, locale: 'nl-NL', timezoneId: TIME_ZONE });
    context.setDefaultTimeout(TIMEOUT);
    const page = await context.newPage();
    const pageErrors = watchPageErrors(page);
    const dir = screenshotDir(size.name);
    const check = async (name) => {
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe violations on "${name}" at ${size.name}:\n${formatViolations(violations)}`);
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    };
    const api = async (path) => {
      const response = await page.request.get(`${server.baseUrl}/api/v1${path}`);
      assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}`);
      return response.json();
    };
    try {
      await page.goto(server.baseUrl);
      await page.getByLabel('Gebruikersnaam').fill('demo-outreacher-a');
      await page.getByLabel('Wachtwoord').fill('voordeur-demo');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();

      // A case of the team in the monitoring phase (the demo data has several).
      const list = await api('/cases?phase=monitoring&limit=500');
      const c = list.items.find((k) => !usedCases.has(k.id));
      assert.ok(c, 'a case in monitoring');
      usedCases.add(c.id);
      await page.goto(`${server.baseUrl}/#/cases/${c.id}`);

      // Record a process review.
      const reviews = page.getByRole('region', { name: 'Procesbespreking' });
      await reviews.getByLabel('Aanwezigen').fill('Demo Teamleider A, Demo Outreacher A');
      await reviews.getByLabel('Bespreekpunten').fill('Contact is stabiel; maandelijks nabellen.');
      await reviews.getByLabel('Besluit').selectOption({ label: 'Doorgaan' });
      await check('40-review-form');
      await reviews.getByRole('button', { name: 'Bespreking vastleggen' }).click();
      await page.getByRole('status').getByText('Procesbespreking vastgelegd.').waitFor();
      await reviews.locator('ol.trail').getByText('Contact is stabiel; maandelijks nabellen.', { exact: true }).waitFor();
      assert.equal((await api(`/cases/${c.id}`)).reviews[0].decision, 'continue');

      // Schedule a check-in, then record a worried outcome: reopening is offered.
      const monitoring = page.getByRole('region', { name: 'Cliënt volgen' });
      await monitoring.getByLabel('Gepland op').fill('2031-01-15');
      await check('41-check-in-form');
      await monitoring.getByRole('button', { name: 'Nabelmoment plannen' }).click();
      await page.getByRole('status').getByText('Nabelmoment gepland.').waitFor();
      await monitoring.getByLabel('Uitkomst').selectOption({ label: 'Zorgen' });
      await monitoring.getByRole('button', { name: 'Uitkomst vastleggen' }).click();
      await page.getByRole('status').getByText('Uitkomst vastgelegd.').waitFor();
      await monitoring.getByRole('button', { name: 'Heropenen naar contactlegging' }).waitFor();
      await check('42-check-in-worried');
      const stored = await api(`/cases/${c.id}`);
      assert.equal(stored.check_ins.at(-1).outcome, 'worried');
      assert.equal(stored.check_ins.at(-1).suggest_reopen, true);
      assert.deepEqual(pageErrors, [], 'no console errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
}
