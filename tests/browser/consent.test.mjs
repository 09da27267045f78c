// Consent and information exchange on the case page in a real Chromium: an exchange without a
// basis is refused with the reason next to the fields, a consent is recorded, and the same
// exchange is then accepted; at phone and desktop size, axe-core on each step.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

const usedPersons = new Set();

for (const size of SIZES) {
  test(`consent and information exchange at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl);
    try {
      await login(page, env.server.baseUrl, 'demo-outreacher-a');

      // An open case whose person has no consent yet.
      const list = await api('/cases?status=open&limit=500');
      let c = null;
      for (const item of list.items) {
        const found = await api(`/cases/${item.id}`);
        if (usedPersons.has(found.person.id)) continue;
        if ((await api(`/persons/${found.person.id}/consents`)).items.length === 0) {
          c = found;
          break;
        }
      }
      assert.ok(c, 'an open case whose person has no consent');
      usedPersons.add(c.person.id);
      await page.goto(`${env.server.baseUrl}/#/cases/${c.id}`);

      const section = page.getByRole('region', { name: 'Toestemming en informatie-uitwisseling' });
      await section.getByText('Stand van de toestemming: Niet om toestemming gevraagd').waitFor();
      await check('60-consent');

      // An exchange with the GP without any consent is refused, with the reason at the basis field.
      const exchange = section.getByRole('form', { name: 'Uitwisseling vastleggen' });
      await exchange.getByLabel('Informatie gegeven').check();
      await exchange.getByLabel('Soort instantie').selectOption({ label: 'Huisarts' });
      await exchange.getByLabel('Instelling').fill('Huisartsenpraktijk Voorbeeld');
      await exchange.getByLabel('Gezondheid').check();
      await exchange.getByLabel('Telefonisch').check();
      await exchange.getByRole('button', { name: 'Uitwisseling vastleggen' }).click();
      await exchange.getByRole('alert').getByText('Geen grondslag', { exact: false }).waitFor();
      await exchange.getByText('De toestemming dekt dit niet.').waitFor();
      assert.equal((await api(`/persons/${c.person.id}/exchanges`)).items.length, 0);
      await check('61-exchange-refused');

      // Record a full consent for the GP, by phone.
      await section.getByText('Toestemming vastleggen', { exact: true }).first().click();
      const consent = section.getByRole('form', { name: 'Toestemming vastleggen' });
      await consent.getByLabel(/^Instantie/).selectOption({ label: 'Huisarts' });
      await consent.getByLabel('Volledig').check();
      await consent.getByLabel('Telefonisch').check();
      await consent.getByRole('button', { name: 'Toestemming vastleggen' }).click();
      await page.getByRole('status').getByText('De toestemming is vastgelegd.').waitFor();
      await section.getByText('Stand van de toestemming: Algemene toestemming').waitFor();
      await check('62-consent-recorded');
      const print = section.getByRole('link', { name: 'Toestemmingsformulier afdrukken (pdf)' });
      const pdf = await page.request.get(new URL(await print.getAttribute('href'), env.server.baseUrl).href);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');

      // Upload the signed form (a tiny PDF) and open it from the link.
      await section.getByLabel('Ondertekend formulier uploaden').setInputFiles({
        name: 'formulier.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
      });
      await page.getByRole('status').getByText('Het ondertekende formulier is opgeslagen.').waitFor();
      const scanLink = section.getByRole('link', { name: 'Ondertekend formulier bekijken' });
      const scan = await page.request.get(new URL(await scanLink.getAttribute('href'), env.server.baseUrl).href);
      assert.equal(scan.headers()['content-type'], 'application/pdf');

      // The same exchange now rests on that consent.
      await exchange.getByRole('button', { name: 'Uitwisseling vastleggen' }).click();
      await page.getByRole('status').getByText('De uitwisseling is vastgelegd.').waitFor();
      const stored = await api(`/persons/${c.person.id}/exchanges`);
      assert.equal(stored.items.length, 1);
      const consents = await api(`/persons/${c.person.id}/consents`);
      assert.equal(stored.items[0].consent_id, consents.items[0].id);
      await section.getByText(`Grondslag: toestemming ${consents.items[0].id}`).waitFor();
      await check('63-exchange-accepted');
      assert.deepEqual(pageErrors, [], 'no console errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
}
