// Two-step sign-in (TOTP) in a real Chromium at phone and desktop size, axe-core on each step:
// an outreacher turns it on from the account page (QR code and secret), logs in again with a code
// computed here with node's crypto (RFC 6238), and turns it off; demo-admin, for whom it is
// mandatory, logs in with a code of the demo secret.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_TOTP_SECRET, enterTotpCode, login, openPage, pageChecks, PASSWORD, SIZES, totpCode, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

for (const size of SIZES) {
  test(`two-step sign-in at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl, 'totp-');
    const status = (text) => page.getByRole('status').getByText(text, { exact: true }).waitFor();
    const user = size.wide ? 'demo-outreacher-b' : 'demo-outreacher-a';

    try {
      await login(page, env.server.baseUrl, user);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
      await page.getByText('Inloggen in twee stappen staat uit.').waitFor();
      await check('01-account-off');

      await page.getByRole('button', { name: 'Zet inloggen in twee stappen aan' }).click();
      const qr = page.getByRole('img', { name: /^QR-code/ });
      await qr.waitFor();
      assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml/);
      const secret = (await page.locator('.totp-secret').textContent()).trim();
      assert.match(secret, /^[A-Z2-7]{32}$/);
      // On the phone the app runs on the QR code cannot be scanned: the secret is typed over, in
      // groups of four that a line break never splits.
      const groups = await page.locator('.totp-secret span').evaluateAll((spans) =>
        spans.map((span) => ({ text: span.textContent, lines: span.getClientRects().length })),
      );
      assert.deepEqual(groups.map((g) => g.text).join(''), secret);
      assert.ok(groups.length === 8 && groups.every((g) => g.text.length === 4 && g.lines === 1), JSON.stringify(groups));
      await check('02-enrol');
      await page.getByLabel('Code van 6 cijfers').fill('000000' === totpCode(secret) ? '111111' : '000000');
      await page.getByRole('button', { name: 'Bevestigen' }).click();
      await page.getByText('Deze code klopt niet of is verlopen', { exact: false }).first().waitFor();
      await page.getByLabel('Code van 6 cijfers').fill(totpCode(secret));
      await page.getByRole('button', { name: 'Bevestigen' }).click();
      await status('Inloggen in twee stappen staat aan.');
      assert.deepEqual(await api('/account/totp'), { enabled: true, required: false });
      await check('03-account-on');

      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByText('Je bent uitgelogd.').waitFor();
      await page.getByLabel('Gebruikersnaam').fill(user);
      await page.getByLabel('Wachtwoord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByLabel('Code van 6 cijfers').waitFor();
      await check('04-login-code');
      await enterTotpCode(page, secret);

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Account' }).click();
      await page.getByText('Inloggen in twee stappen staat aan', { exact: false }).first().waitFor();
      for (;;) {
        const step = Math.floor(Date.now() / 30000);
        await page.getByLabel('Huidige code uit je app (om uit te zetten)').fill(totpCode(secret, step + 1));
        await page.getByRole('button', { name: 'Zet inloggen in twee stappen uit' }).click();
        const done = await Promise.race([
          status('Inloggen in twee stappen staat uit.').then(() => true, () => false),
          page.getByText('Deze code is al gebruikt', { exact: false }).first().waitFor().then(() => false, () => false),
        ]);
        if (done) break;
        await page.waitForTimeout(((step + 1) * 30 - Date.now() / 1000) * 1000 + 50);
      }
      assert.deepEqual(await api('/account/totp'), { enabled: false, required: false });

      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByText('Je bent uitgelogd.').waitFor();
      await login(page, env.server.baseUrl, 'demo-admin');
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Account' }).click();
      await page.getByText('Voor jouw rol is inloggen in twee stappen verplicht', { exact: false }).waitFor();
      assert.deepEqual(await api('/account/totp'), { enabled: true, required: true });
      await check('05-admin-account');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

test('the demo secret is the one documented for demo databases', () => {
  assert.equal(DEMO_TOTP_SECRET, 'DEMOADMINTOTPSECRETFORDEMODBONLY');
});
