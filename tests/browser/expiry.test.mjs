// A session that ends while a worker is typing, in a real Chromium at phone and desktop size with
// axe-core on each step: the login page appears on saving, and logging in again as the same worker
// brings back the contact form as it was; another user logging in on that device starts afresh.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, PASSWORD, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

/** Logs in on the login page shown in place, without going to the start page. */
async function loginInPlace(page, username) {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
}

for (const size of SIZES) {
  test(`contact form kept over an ended session at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl, 'expiry-');
    const base = env.server.baseUrl;
    try {
      await login(page, base, 'demo-outreacher-a');
      const list = await api('/cases?scope=mine&status=open&limit=1');
      const caseId = list.items[0].id;
      await page.goto(`${base}/#/cases/${caseId}`);
      const form = page.getByRole('region', { name: 'Contact vastleggen' });
      const note = `Briefje onder de deur geschoven (${size.name}).`;
      // A contact is typed, then the session ends (here: its cookie is gone); saving leads to the login page.
      const typeThenLoseSession = async () => {
        await form.getByRole('radio', { name: 'Huisbezoek' }).check();
        await form.getByRole('radio', { name: 'Niet thuis' }).check();
        await form.getByRole('button', { name: 'over 2 dagen' }).click();
        await form.getByLabel('Notitie').fill(note);
        await context.clearCookies();
        await form.getByRole('button', { name: 'Contact opslaan' }).click();
        await page.getByLabel('Gebruikersnaam').waitFor();
      };
      await typeThenLoseSession();
      assert.equal(await form.isVisible(), false, 'the case page is hidden under the login form');
      await check('login');

      // The same worker logs in again: the form is as it was, and saving works.
      await loginInPlace(page, 'demo-outreacher-a');
      assert.equal(await form.getByLabel('Notitie').inputValue(), note);
      assert.equal(await form.getByRole('radio', { name: 'Huisbezoek' }).isChecked(), true);
      assert.match(await page.title(), /^Casus /);
      await check('kept');
      await form.getByRole('button', { name: 'Contact opslaan' }).click();
      await page.getByRole('status').getByText('Contact opgeslagen.').waitFor();
      const contacts = await api(`/cases/${caseId}/contacts`);
      assert.ok(contacts.items.some((c) => c.note === note), 'the kept contact was saved');

      // Typed again, the session ends again, and someone else logs in: they get an empty form.
      await typeThenLoseSession();
      await loginInPlace(page, 'demo-lead-a');
      await form.getByLabel('Notitie').waitFor();
      assert.equal(await form.getByLabel('Notitie').inputValue(), '');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
