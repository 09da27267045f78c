// The access log in a real Chromium: the case page's "Wie heeft dit dossier ingezien" after a
// team lead looked at the case, and the privacy officer's search page (filters, table or cards);
// at phone and desktop size, axe-core on each step. The privacy officer is demo-privacy, who
// logs in with a TOTP code of the demo secret.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

for (const size of SIZES) {
  test(`access log on the case page and the privacy officer's search at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl, 'access-log-');
    try {
      await login(page, env.server.baseUrl, 'demo-lead-a');
      const lead = await api('/session');
      const c = (await api('/cases?status=open&limit=1')).items[0];
      const kase = await api(`/cases/${c.id}`);
      await page.goto(`${env.server.baseUrl}/#/cases/${c.id}`);
      const section = page.getByRole('region', { name: 'Wie heeft dit dossier ingezien' });
      await section.waitFor();
      // The reads of this visit are written within moments; a reload shows them.
      await page.waitForTimeout(300);
      await page.reload();
      await section.getByText(lead.user.display_name, { exact: false }).first().waitFor();
      await section.getByText('bekeken', { exact: false }).first().waitFor();
      await check('60-case-section');

      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByLabel('Gebruikersnaam').waitFor();
      await login(page, env.server.baseUrl, 'demo-privacy');
      await page.getByRole('heading', { name: 'Toegangslog', level: 1 }).waitFor();
      await page.getByLabel('Persoon (nummer)').fill(String(kase.person.id));
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.getByText(/\d+ regels gevonden\./).waitFor();
      await page.getByText(lead.user.display_name, { exact: false }).first().waitFor();
      await check('61-officer-search');

      await page.getByLabel('Gebruiker (nummer)').fill('abc');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.locator('.field--invalid').first().waitFor();
      await check('62-officer-invalid');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
