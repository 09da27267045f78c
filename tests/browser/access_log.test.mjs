// The access log in a real Chromium: the case page's "Wie heeft dit dossier ingezien" after a
// team lead looked at the case, and the privacy officer's search page (filters, table or cards);
// at phone and desktop size, axe-core on each step. The privacy officer is created through the
// admin API.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, PASSWORD, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

/** Logs in over the API; returns a POST function carrying the session cookie and CSRF token. */
async function apiSession(baseUrl, username) {
  const res = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(res.status, 201, `login ${username}: ${res.status}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await res.json();
  return async (path, body) => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: await r.json() };
  };
}

for (const size of SIZES) {
  test(`access log on the case page and the privacy officer's search at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl, 'access-log-');
    try {
      const post = await apiSession(env.server.baseUrl, 'demo-admin');
      const username = `example.privacy-${size.name}`;
      const created = await post('/users', {
        username,
        display_name: `Example Privacy Officer ${size.name}`,
        role: 'privacy_officer',
        password: PASSWORD,
        team_ids: [],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));

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
      await page.getByLabel('Gebruikersnaam').fill(username);
      await page.getByLabel('Wachtwoord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
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
