// The trajectory of a case in a real Chromium: move a case from preparation to making contact,
// hand it over to a colleague, filter the timeline; at phone and desktop size, axe-core on each step.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

for (const size of SIZES) {
  test(`trajectory of a case at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl);
    try {
      await login(page, env.server.baseUrl, 'demo-outreacher-a');

      // A case in preparation held by this worker alone (the demo data has several).
      const session = await api('/session');
      const list = await api('/cases?phase=preparation&limit=500');
      const c = list.items.find((k) => k.assigned_workers.length === 1 && k.assigned_workers[0].id === session.user.id);
      assert.ok(c, 'a case in preparation held by demo-outreacher-a alone');
      await page.goto(`${env.server.baseUrl}/#/cases/${c.id}`);
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
      // Every kind but handovers: other test files may add reviews or check-ins to demo cases.
      for (const kind of ['Aanmelding', 'Besluit', 'Fase', 'Contactmoment', 'Nabelmoment', 'Procesbespreking']) {
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
