// Persistence and caseload in a real Chromium: the Caseload page of a team lead (cards on a phone,
// a table on a desktop) and the cadence buttons for the next attempt in the contact form; at phone
// and desktop size, axe-core on each step.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, formatViolations, launchBrowser, screenshotDir, watchPageErrors } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const SIZES = [
  { name: '360x740', viewport: { width: 360, height: 740 }, wide: false },
  { name: '1280x800', viewport: { width: 1280, height: 800 }, wide: true },
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

for (const size of SIZES) {
  test(`caseload and cadence at ${size.name}`, async () => {
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
      await page.getByLabel('Gebruikersnaam').fill('demo-lead-a');
      await page.getByLabel('Wachtwoord').fill('voordeur-demo');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.waitFor();

      // The Caseload page: one entry per worker of the team.
      await nav.getByRole('link', { name: 'Caseloadoverzicht' }).click();
      await page.getByRole('heading', { level: 1, name: 'Caseloadoverzicht' }).waitFor();
      const caseload = await api('/caseload');
      assert.ok(caseload.items.length >= 2, 'the team lead sees the workers of the team');
      const first = caseload.items[0].user.display_name;
      if (size.wide) {
        await page.getByRole('columnheader', { name: 'Pogingen deze week' }).waitFor();
        await page.getByRole('cell', { name: first, exact: true }).waitFor();
      } else {
        await page.getByRole('heading', { level: 2, name: first }).waitFor();
      }
      await check('50-caseload');

      // The contact form offers the team's cadence as quick buttons for the next attempt.
      const list = await api('/cases?phase=making_contact&limit=500');
      assert.ok(list.items.length > 0, 'a case in making_contact');
      await page.goto(`${server.baseUrl}/#/cases/${list.items[0].id}`);
      const form = page.getByRole('region', { name: 'Contact vastleggen' });
      const quick = form.getByRole('group', { name: 'Volgende poging over' });
      await quick.getByRole('button', { name: 'over 3 dagen' }).click();
      const value = await form.getByLabel('Volgende poging (datum)').inputValue();
      assert.match(value, /^\d{4}-\d{2}-\d{2}$/);
      await quick.getByRole('button', { name: 'over 3 dagen', pressed: true }).waitFor();
      await page.getByText('Tijd tot eerste contact').waitFor();
      await check('51-contact-cadence');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
