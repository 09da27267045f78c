// Households on the case page in a real Chromium: a demo household with a partner and children,
// adding a child, marking the case as concerning the whole household, moving the person of another
// case of the team into the household (checks before sending, a server refusal next to the person
// field); at phone and desktop size, axe-core on each step.

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

for (const size of SIZES) {
  test(`moving a known person into the household at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl, 'move-');
    try {
      await login(page, env.server.baseUrl, 'demo-outreacher-a');

      // Two open cases of the team in different households: the person of the second moves in.
      const list = await api('/cases?status=open&limit=500');
      const free = list.items.filter((item) => !usedCases.has(item.id));
      const c = await api(`/cases/${free[0].id}`);
      const inHousehold = new Set([c.id, ...c.household.members.flatMap((m) => m.other_cases.map((k) => k.id))]);
      const other = free.find((item) => item.team_id === c.team_id && !inHousehold.has(item.id));
      assert.ok(other, 'an open case of the same team outside the household');
      usedCases.add(c.id);
      usedCases.add(other.id);
      await page.goto(`${env.server.baseUrl}/#/cases/${c.id}`);

      const household = page.getByRole('region', { name: 'Huishouden' });
      const open = household.getByRole('button', { name: 'Bekende persoon naar dit huishouden verhuizen' });
      await open.click();
      assert.equal(await open.getAttribute('aria-expanded'), 'true');
      const form = household.getByRole('form', { name: 'Bekende persoon naar dit huishouden verhuizen' });
      const person = form.getByRole('combobox', { name: 'Persoon', exact: true });
      await person.waitFor();
      await check('60-household-move-open');

      // Nothing chosen: the browser's own check, nothing sent, focus on the person field.
      await form.getByRole('button', { name: 'Naar dit huishouden verhuizen' }).click();
      await form.getByText('Maak een keuze.').first().waitFor();
      assert.equal(await person.getAttribute('aria-invalid'), 'true');
      assert.equal(await form.getByRole('combobox', { name: 'Rol', exact: true }).getAttribute('aria-invalid'), 'true');
      assert.ok(await person.evaluate((el) => el === document.activeElement), 'focus on the person field');
      await check('61-household-move-invalid');

      // The search narrows the list to the person of the other case.
      await form.getByLabel('Zoek op naam').fill(other.person_name.slice(0, 6).toLowerCase());
      const option = `${other.person_name} — casus ${other.id} (Open)`;
      await person.selectOption({ label: option });
      await form.getByRole('combobox', { name: 'Rol', exact: true }).selectOption({ label: 'Volwassene' });

      // A refusal of the server (a person this team may not move) lands next to the person field.
      await page.route('**/api/v1/households/*/members', (route) =>
        route.fulfill({
          status: 404,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found', detail: 'Not found.' }),
        }),
      );
      await form.getByRole('button', { name: 'Naar dit huishouden verhuizen' }).click();
      const refused = form.getByText('Deze persoon kan niet naar dit huishouden', { exact: false });
      await refused.waitFor();
      assert.equal(await person.getAttribute('aria-invalid'), 'true');
      const describedBy = await person.getAttribute('aria-describedby');
      assert.ok(describedBy?.includes(await refused.getAttribute('id')), 'the refusal is tied to the person field');
      await check('62-household-move-refused');
      await page.unroute('**/api/v1/households/*/members');

      // Sent for real: the person joins this household and leaves their own.
      await form.getByRole('button', { name: 'Naar dit huishouden verhuizen' }).click();
      await page.getByRole('status').getByText(`${other.person_name} is naar dit huishouden verhuisd.`).waitFor();
      await household.getByText(other.person_name, { exact: true }).waitFor();
      assert.equal(await person.inputValue(), '');
      await check('63-household-moved');
      const stored = await api(`/cases/${c.id}`);
      const moved = stored.household.members.find((m) => m.name === other.person_name);
      assert.equal(moved?.role, 'adult');
      assert.equal((await api(`/cases/${other.id}`)).household.id, c.household.id);
      // Once a member, the person is no longer offered.
      assert.equal(await person.locator('option', { hasText: option }).count(), 0);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at ${size.name} (${overflow}px too wide)`);
      assert.deepEqual(pageErrors, [], 'no console errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
}
