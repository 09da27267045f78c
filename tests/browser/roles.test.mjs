// The roles without case content and emergency access in a real Chromium, at phone and desktop size
// with axe-core on each step: a partner submits a signal and sees only its status; policy sees the
// figures with small counts suppressed; reception sees what its page will hold; an outreacher of
// team B opens a team-A case through break-glass (read only); the privacy officer and team A's lead
// (on the agenda) see it; the lead logs out everywhere; the admin ends a user's sessions.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, PASSWORD, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

// A team-A case id, asked of the API as team A's lead; each size opens another case.
async function teamACaseId(baseUrl, offset) {
  const res = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-lead-a', password: PASSWORD }),
  });
  assert.equal(res.status, 201);
  const cookie = res.headers.getSetCookie()[0].split(';')[0];
  const list = await (await fetch(`${baseUrl}/api/v1/cases?scope=team&status=open&limit=1&offset=${offset}`, { headers: { cookie } })).json();
  return list.items[0].id;
}

async function logout(page) {
  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
  await page.getByLabel('Gebruikersnaam').waitFor();
}

for (const size of SIZES) {
  test(`partner, policy, reception and break-glass at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check } = pageChecks(page, size, env.server.baseUrl, 'roles-');
    const base = env.server.baseUrl;
    try {
      // Partner: starts at its own reports, submits one and sees it as received.
      let nav = await login(page, base, 'demo-partner');
      await page.getByRole('heading', { level: 1, name: 'Mijn meldingen' }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Aanmeldingen' }).count(), 0, 'no signal list for a partner');
      await page.getByText('In behandeling genomen').first().waitFor();
      await check('partner-list');
      await page.getByRole('link', { name: 'Nieuwe melding' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nieuwe aanmelding' }).waitFor();
      await page.getByRole('combobox', { name: /^Team/ }).selectOption({ label: 'Team A' });
      await page.getByLabel('Naam aanmelder').fill('Fictieve Consulent');
      await page.getByRole('group', { name: 'Soort aanmelder' }).getByRole('radio', { name: 'Particulier' }).check();
      await page.getByLabel('Relatie (particulier)').fill('Consulent wonen');
      await page.getByLabel('Naam cliënt').fill('Fictieve van Huurder');
      await page.getByRole('group', { name: 'Weet de cliënt van deze aanmelding?' }).getByRole('radio', { name: 'Ja' }).check();
      await page.getByRole('group', { name: 'Directe aanleiding' }).getByRole('radio', { name: 'Overlast' }).check();
      await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mijn meldingen' }).waitFor();
      const newest = page.getByRole('list', { name: 'Uw meldingen' }).getByRole('listitem').first();
      await newest.getByText('(F.H.)').waitFor();
      await newest.getByText('Ontvangen').waitFor();
      assert.equal(await page.getByText('Fictieve van Huurder').count(), 0, 'the name is not shown back');
      await check('partner-submitted');
      await logout(page);

      // Policy: figures per team, small counts suppressed, no names.
      await login(page, base, 'demo-policy');
      await page.getByRole('heading', { level: 1, name: 'Cijfers' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Team A' }).waitFor();
      await page.getByText('minder dan 5', { exact: true }).first().waitFor();
      await check('policy-figures');
      await logout(page);

      // Reception: a page that says what will follow, nothing else.
      await login(page, base, 'demo-reception');
      await page.getByRole('heading', { level: 1, name: 'Receptie' }).waitFor();
      await check('reception');
      await logout(page);

      // Break-glass: team B's outreacher opens a team-A case with a reason.
      const caseId = await teamACaseId(base, SIZES.indexOf(size));
      await login(page, base, 'demo-outreacher-b');
      await page.goto(`${base}/#/cases/${caseId}`);
      const form = page.getByRole('region', { name: 'Toegang in noodgeval' });
      await form.waitFor();
      await check('break-glass-form');
      const reason = `Cliënt staat bij de nachtopvang (${size.name}).`;
      await form.getByLabel('Reden').fill(reason);
      await form.getByRole('button', { name: 'Toegang vragen' }).click();
      await page.getByRole('note').getByText(reason).waitFor();
      for (const form of ['Contact vastleggen', 'Casus afsluiten', 'Procesbespreking']) {
        assert.equal(await page.getByRole('region', { name: form }).count(), 0, `read only: no ${form}`);
      }
      await check('break-glass-case');
      await logout(page);

      // The privacy officer sees it on the emergency-access page, per team.
      const privacyNav = await login(page, base, 'demo-privacy');
      await privacyNav.getByRole('link', { name: 'Toegang in noodgeval' }).click();
      await page.getByRole('heading', { level: 1, name: 'Toegang in noodgeval' }).waitFor();
      const teamA = page.getByRole('region', { name: 'Team A' });
      await teamA.getByText(reason).waitFor();
      // The case number is text: the privacy officer may not open cases, a link would end on "not found".
      await teamA.getByText(`casus ${caseId}`, { exact: false }).first().waitFor();
      assert.equal(await teamA.getByRole('link', { name: `casus ${caseId}` }).count(), 0, 'no link to a case the privacy officer cannot open');
      await check('break-glass-privacy');
      await logout(page);

      // Team A's lead sees it on the agenda.
      await login(page, base, 'demo-lead-a');
      await page.goto(`${base}/#/agenda`);
      const leadList = page.getByRole('region', { name: 'Toegang in noodgeval tot casussen van Team A' });
      await leadList.getByText(reason).waitFor();
      await leadList.getByRole('link', { name: `casus ${caseId}` }).first().waitFor();
      await check('break-glass-agenda');
      // Log out everywhere ends this session too.
      await page.getByRole('button', { name: 'Overal afmelden' }).click();
      await page.getByLabel('Gebruikersnaam').waitFor();

      // The admin ends every session of a user.
      await login(page, base, 'demo-admin');
      await page.goto(`${base}/#/admin/users`);
      await page.getByRole('button', { name: 'Sessies van Demo Receptie beëindigen' }).click();
      await page.getByRole('status').getByText('Alle sessies van Demo Receptie zijn beëindigd.').waitFor();
      await check('admin-revoke');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
