// Monitoring and the process review in a real Chromium: record a review and schedule a check-in on
// a monitored case, at phone and desktop size, axe-core on each step.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

const usedCases = new Set();

for (const size of SIZES) {
  test(`monitoring and process review at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl);
    try {
      await login(page, env.server.baseUrl, 'demo-outreacher-a');

      // A case of the team in the monitoring phase (the demo data has several).
      const list = await api('/cases?phase=monitoring&limit=500');
      const c = list.items.find((k) => !usedCases.has(k.id));
      assert.ok(c, 'a case in monitoring');
      usedCases.add(c.id);
      await page.goto(`${env.server.baseUrl}/#/cases/${c.id}`);

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
