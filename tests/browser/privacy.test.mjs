// The privacy officer's page in a real Chromium: find a person by case number, download the
// subject-access export, erase the data after confirming; and the admin's read-only retention
// periods and purged counts. At phone and desktop size, axe-core on each step. All people are fictional.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentStep } from '../api/lib/totp.mjs';
import { DEMO_TOTP_SECRET, login, openPage, pageChecks, SIZES, totpCode, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();
const usedCases = new Set();

/**
 * An API session of `username` in its own browser context; post() sends the CSRF token. With
 * `totpSecret` it also sends a code of the current step or a neighbour (a code is accepted once).
 */
async function apiSession(username, password, totpSecret = null) {
  const context = await env.browser.newContext();
  const base = `${env.server.baseUrl}/api/v1`;
  const login = await context.request.post(`${base}/session`, { data: { username, password } });
  assert.equal(login.status(), 201, `login of ${username}`);
  const { csrf_token: csrf } = await login.json();
  if (totpSecret) {
    const send = async (step) => {
      const code = totpCode(totpSecret, step);
      return (await context.request.post(`${base}/session/second-factor`, { data: { code }, headers: { 'x-csrf-token': csrf } })).status();
    };
    let status = await send(currentStep());
    if (status !== 200) status = await send(currentStep() + 1);
    if (status !== 200) {
      // Both codes were used by earlier logins of this account: wait for the next step.
      await new Promise((resolve) => setTimeout(resolve, ((currentStep() + 1) * 30 - Date.now() / 1000) * 1000 + 50));
      status = await send(currentStep() + 1);
    }
    assert.equal(status, 200, `second factor of ${username}`);
  }
  return {
    close: () => context.close(),
    get: (path) => context.request.get(`${base}${path}`),
    post: (path, data) => context.request.post(`${base}${path}`, { data, headers: { 'x-csrf-token': csrf } }),
  };
}

for (const size of SIZES) {
  test(`privacy officer finds, exports and erases a person at ${size.name}`, async () => {
    const lead = await apiSession('demo-lead-a', 'voordeur-demo');
    const { context, page, pageErrors } = await openPage(env, size);
    const { check } = pageChecks(page, size, env.server.baseUrl);
    try {
      // A closed demo case whose person has no open case (erasure is refused otherwise).
      const officer = await apiSession('demo-privacy', 'voordeur-demo', DEMO_TOTP_SECRET);
      let closed = null;
      for (const c of (await (await lead.get('/cases?status=closed&limit=500')).json()).items) {
        if (usedCases.has(c.id)) continue;
        if (!(await (await officer.get(`/persons/lookup?case_id=${c.id}`)).json()).has_open_case) {
          closed = c;
          break;
        }
      }
      await officer.close();
      assert.ok(closed, 'a closed demo case of a person without an open case');
      usedCases.add(closed.id);

      const nav = await login(page, env.server.baseUrl, 'demo-privacy');
      await nav.getByRole('link', { name: 'Privacy', exact: true }).click();
      await page.getByRole('heading', { name: 'Privacy: inzage en verwijdering' }).waitFor();
      await page.getByRole('region', { name: 'Bewaartermijnen' }).getByText('730 dagen').waitFor();
      await check('60-privacy');

      await page.getByRole('textbox', { name: /^Nummer/ }).fill(String(closed.id));
      await page.getByRole('button', { name: 'Zoeken' }).click();
      const found = page.getByRole('region', { name: 'Gevonden persoon' });
      await found.getByText(closed.person_name, { exact: true }).waitFor();
      const pdfHref = await found.getByRole('link', { name: 'Download overzicht (PDF)' }).getAttribute('href');
      const pdf = await page.request.get(`${env.server.baseUrl}${pdfHref}`);
      assert.equal(pdf.status(), 200);
      assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
      const jsonHref = await found.getByRole('link', { name: 'Download gegevens (JSON)' }).getAttribute('href');
      const exported = await (await page.request.get(`${env.server.baseUrl}${jsonHref}`)).json();
      assert.equal(exported.person.name, closed.person_name);
      await check('61-privacy-person');

      const erase = page.getByRole('region', { name: 'Gegevens verwijderen (AVG artikel 17)' });
      await erase.getByLabel('Reden').selectOption({ label: 'Bezwaar van de persoon' });
      await erase.getByRole('button', { name: 'Definitief verwijderen' }).click();
      await erase.getByText('Bevestig eerst dat de gegevens verwijderd moeten worden.').first().waitFor();
      assert.equal((await lead.get(`/cases/${closed.id}`)).status(), 200, 'nothing erased without confirmation');
      await erase.getByLabel(`Ik weet zeker dat alle gegevens van ${closed.person_name} verwijderd moeten worden`).check();
      await erase.getByRole('button', { name: 'Definitief verwijderen' }).click();
      await page.getByRole('status').getByText('De gegevens zijn verwijderd.').waitFor();
      assert.equal((await lead.get(`/cases/${closed.id}`)).status(), 404);
      await page.getByRole('region', { name: 'Bewaartermijnen' })
        .getByText('door Demo Privacyfunctionaris: Bezwaar van de persoon', { exact: false }).first().waitFor();
      await check('62-privacy-erased');
      assert.deepEqual(pageErrors, [], 'no console errors or CSP refusals');
    } finally {
      await context.close();
      await lead.close();
    }
  });

  test(`admin reads the retention periods at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check } = pageChecks(page, size, env.server.baseUrl);
    try {
      // Purged counts as a server that has purged would send them (demo data has none yet): two
      // teams' rows for the same month and reason, which the page adds up.
      await page.route('**/api/v1/retention', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        const row = (team_id, period, reason, count) => ({
          record_type: 'signal', team_id, period, reason, phase_reached: '', contact_bucket: '', count,
        });
        body.purged_counts = [
          row(1, '2026-05', 'no_action', 3), row(2, '2026-05', 'no_action', 5),
          row(1, '2026-05', 'regular_help', 12), row(1, '2026-06', 'referral', 7),
        ];
        await route.fulfill({ response, json: body });
      });
      const nav = await login(page, env.server.baseUrl, 'demo-admin');
      await nav.getByRole('link', { name: 'Beheer' }).click();
      await page.getByRole('link', { name: 'Bewaartermijnen' }).click();
      const panel = page.getByRole('region', { name: 'Bewaartermijnen' });
      await panel.getByText('730 dagen').waitFor();
      await panel.getByText('183 dagen').waitFor();
      await panel.getByText('1826 dagen').waitFor();
      await panel.getByText('Geen actie', { exact: true }).waitFor();
      assert.equal(await panel.getByText('Geen actie', { exact: true }).count(), 1, 'one row per month and reason');
      for (const count of ['8', '12', '7']) {
        const box = await panel.getByText(count, { exact: true }).boundingBox();
        assert.ok(box && box.x + box.width <= size.viewport.width, `count ${count} out of view: ${JSON.stringify(box)}`);
      }
      await panel.getByText('mei 2026', { exact: false }).first().waitFor();
      assert.doesNotMatch(await panel.innerText(), /2026-0\d/, 'a month shown as a code');
      await check('63-admin-retention');
      assert.deepEqual(pageErrors, [], 'no console errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
}
