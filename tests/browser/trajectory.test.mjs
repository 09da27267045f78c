// The trajectory of a case in a real Chromium: move a case from preparation to making contact,
// hand it over to a colleague, filter the timeline; at phone and desktop size, axe-core on each step.

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

for (const size of SIZES) {
  test(`trajectory of a case at ${size.name}`, async () => {
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

      // A case in preparation held by this worker alone (the demo data has several).
      const session = await api('/session');
      const list = await api('/cases?phase=preparation&limit=500');
      const c = list.items.find((k) => k.assigned_workers.length === 1 && k.assigned_workers[0].id === session.user.id);
      assert.ok(c, 'a case in preparation held by demo-outreacher-a alone');
      await page.goto(`${server.baseUrl}/#/cases/${c.id}`);
      const trajectory = page.getByRole('region', { name: 'Traject' });
      await trajectory.getByText('Voorbereiding', { exact: true }).waitFor();
      await check('30-case-preparation');

      // Move: preparation → making contact, with a reason.
      await trajectory.getByRole('button', { name: 'Start contactlegging' }).click();
      await trajectory.getByLabel('Reden: Start contactlegging').fill('Strategie besproken; eerste huisbezoek samen met de buurvrouw.');
      await check('31-move-form');
      await trajectory.getByRole('button', { name: 'Bevestigen' }).click();
      await page.getByRole('status').getByText('Fase gewijzigd: Contactlegging.').waitFor();
      await trajectory.getByText('Contactlegging', { exact: true }).waitFor();
      await trajectory.getByRole('button', { name: 'Contact gelegd' }).waitFor();
      assert.equal((await api(`/cases/${c.id}`)).phase, 'making_contact');

      // Handover to the team lead, with a note.
      const handover = page.getByRole('region', { name: 'Casus overdragen' });
      await handover.getByLabel('Nieuwe hulpverlener').selectOption({ label: 'Demo Teamleider A' });
      await handover.getByLabel('Overdrachtsnotitie').fill('Geen klik tussen hulpverlener en cliënt.');
      await check('32-handover-form');
      await handover.getByRole('button', { name: 'Casus overdragen' }).click();
      await page.getByRole('status').getByText('Casus overgedragen.').waitFor();
      await handover.locator('ol.trail').getByText('Geen klik tussen hulpverlener en cliënt.', { exact: true }).waitFor();
      const stored = await api(`/cases/${c.id}`);
      assert.deepEqual(stored.assigned_workers.map((w) => w.display_name), ['Demo Teamleider A']);

      // Timeline: every kind, then only handovers.
      const timeline = page.getByRole('region', { name: 'Tijdlijn' });
      const items = timeline.locator('ol.trail > li');
      await timeline.getByText('Voorbereiding → Contactlegging', { exact: false }).waitFor();
      await check('33-timeline-all');
      for (const kind of ['Aanmelding', 'Besluit', 'Fase', 'Contactmoment']) {
        await timeline.getByRole('checkbox', { name: kind }).uncheck();
      }
      await page.waitForFunction(() => {
        const shown = [...document.querySelectorAll('section[aria-labelledby="c-history"] ol.trail > li')];
        return shown.length > 0 && shown.every((li) => li.classList.contains('history-item--handover'));
      });
      assert.equal(await items.count(), 1);
      assert.match(await items.first().textContent(), /Overdracht: Demo Outreacher A → Demo Teamleider A/);
      await check('34-timeline-handover');
      assert.deepEqual(pageErrors, [], 'no console errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
}
