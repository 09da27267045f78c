// Households on the case page in a real Chromium: a demo household with a partner and children,
// adding a child, marking the case as concerning the whole household; at phone and desktop size,
// axe-core on each step.

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
  test(`household on the case page at ${size.name}`, async () => {
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

      // An open case of the team whose demo household has several members.
      const list = await api('/cases?status=open&limit=500');
      let c = null;
      for (const item of list.items) {
        if (usedCases.has(item.id)) continue;
        const found = await api(`/cases/${item.id}`);
        if (found.household.members.length > 1) {
          c = found;
          break;
        }
      }
      assert.ok(c, 'an open case with a household of several members');
      usedCases.add(c.id);
      await page.goto(`${server.baseUrl}/#/cases/${c.id}`);

      const household = page.getByRole('region', { name: 'Huishouden' });
      for (const m of c.household.members) await household.getByText(m.name, { exact: true }).waitFor();
      await household.getByText('Kind', { exact: false }).first().waitFor();
      await check('50-household');

      // Add a child.
      const name = `Noor Proefstra ${size.name}`;
      await household.getByLabel('Naam').fill(name);
      await household.getByLabel('Geboortedatum').fill('2016-05-04');
      await household.getByLabel('Rol').selectOption({ label: 'Kind' });
      await household.getByRole('button', { name: 'Lid toevoegen' }).click();
      await page.getByRole('status').getByText('Lid toegevoegd aan het huishouden.').waitFor();
      await household.getByText(name, { exact: true }).waitFor();
      await check('51-household-child-added');
      const stored = await api(`/cases/${c.id}`);
      const child = stored.household.members.find((m) => m.name === name);
      assert.equal(child?.role, 'child');
      assert.equal(child?.date_of_birth, '2016-05-04');

      // The case concerns the whole household.
      const toggle = household.getByLabel('Casus betreft het hele huishouden');
      if (await toggle.isChecked()) {
        await toggle.uncheck();
        await page.getByRole('status').getByText('Opgeslagen wat de casus betreft.').waitFor();
      }
      await toggle.check();
      await page.waitForLoadState('networkidle');
      assert.equal((await api(`/cases/${c.id}`)).concerns, 'household');
      assert.deepEqual(pageErrors, [], 'no console errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
}
