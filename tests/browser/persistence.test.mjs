// Persistence and caseload in a real Chromium: the Caseload page of a team lead (cards on a phone,
// a table on a desktop) and the cadence buttons for the next attempt in the contact form; at phone
// and desktop size, axe-core on each step.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

for (const size of SIZES) {
  test(`caseload and cadence at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl);
    try {
      const nav = await login(page, env.server.baseUrl, 'demo-lead-a');

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
      await page.goto(`${env.server.baseUrl}/#/cases/${list.items[0].id}`);
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
