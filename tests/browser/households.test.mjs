// Households on the case page in a real Chromium: a demo household with a partner and children,
// adding a child, marking the case as concerning the whole household; at phone and desktop size,
// axe-core on each step.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

const usedCases = new Set();

for (const size of SIZES) {
  test(`household on the case page at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl);
    try {
      await login(page, env.server.baseUrl, 'demo-outreacher-a');

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
      await page.goto(`${env.server.baseUrl}/#/cases/${c.id}`);

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
