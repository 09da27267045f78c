// The team meeting agenda (teamoverleg) in a real Chromium: as a team lead, decide two signals,
// record a process review, hand over a stuck case, record an overdue check-in and reporter
// feedback, all from the agenda, at phone and desktop size, axe-core on each step.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

const usedCases = new Set();

for (const size of SIZES) {
  test(`team meeting agenda at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl, 'agenda-');
    const section = (name) => page.getByRole('region', { name });
    // A section shows its first few items; "Toon alle" opens the rest.
    const card = async (region, link) => {
      const more = region.getByRole('button', { name: /^Toon alle/ });
      if (await more.count()) await more.click();
      return region.locator('li.card', { has: page.locator(`a[href="${link}"]`) });
    };
    const status = (text) => page.getByRole('status').getByText(text, { exact: true }).waitFor();

    try {
      await login(page, env.server.baseUrl, 'demo-lead-a');

      // An overdue check-in on a monitored case, so that section has an item.
      const session = await api('/session');
      const monitored = (await api('/cases?phase=monitoring&limit=500')).items.find((k) => !usedCases.has(k.id));
      assert.ok(monitored, 'a case in monitoring');
      usedCases.add(monitored.id);
      const created = await page.request.post(`${env.server.baseUrl}/api/v1/cases/${monitored.id}/check-ins`, {
        headers: { 'X-CSRF-Token': session.csrf_token },
        data: { planned_on: '2026-01-05', worker_id: session.user.id },
      });
      assert.equal(created.status(), 201);
      const checkIn = await created.json();

      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Teamoverleg' }).click();
      await page.getByRole('heading', { level: 1, name: 'Teamoverleg' }).waitFor();
      const signals = section(/^Nieuwe aanmeldingen: besluit nodig/);
      await signals.locator('li.card').first().waitFor();
      assert.equal(await signals.locator('li.card').count(), 5, 'a section starts with its first five items');
      await check('10-overview');

      // Decide two signals: one outreach with a worker, one regular help.
      const awaiting = (await api('/signals?status=awaiting_decision&limit=500')).items;
      assert.ok(awaiting.length >= 2, 'two signals awaiting a decision');
      const [first, second] = awaiting;
      const outreach = await card(signals, `#/signals/${first.id}`);
      await outreach.locator('summary').click();
      await outreach.getByLabel('Outreachend traject').check();
      await outreach.getByLabel('Reden van het besluit').fill('Zorgen over vervuiling, geen hulp in beeld.');
      await outreach.getByLabel('Demo Outreacher A').check();
      await check('11-decide-outreach');
      await outreach.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await status(`Besluit over ${first.person_name} vastgelegd. Er is een casus geopend.`);
      await outreach.waitFor({ state: 'detached' });
      const decided = await api(`/signals/${first.id}`);
      assert.equal(decided.status, 'decided');
      assert.ok(decided.case_id, 'the outreach decision opened a case');

      const regular = await card(signals, `#/signals/${second.id}`);
      await regular.locator('summary').click();
      await regular.getByLabel('Regulier traject').check();
      await regular.getByLabel('Reden van het besluit').fill('Huisarts en wijkteam pakken dit op.');
      await regular.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await status(`Besluit over ${second.person_name} vastgelegd.`);
      await regular.waitFor({ state: 'detached' });
      assert.equal((await api(`/signals/${second.id}`)).decisions.at(-1).decision, 'regular_help');

      // Record a process review for a case due for one.
      const reviews = section(/^Procesbespreking nodig/);
      const due = (await api('/cases?review_due=true&limit=500')).items.find((k) => !usedCases.has(k.id));
      assert.ok(due, 'a case due for review');
      usedCases.add(due.id);
      const review = await card(reviews, `#/cases/${due.id}`);
      await review.locator('summary').click();
      await review.getByLabel('Aanwezigen').fill('Demo Teamleider A, Demo Outreacher A');
      await review.getByLabel('Bespreekpunten').fill('Nog geen contact; andere tijden proberen.');
      await review.getByLabel('Besluit').selectOption({ label: 'Aanpak wijzigen' });
      await check('12-review');
      await review.getByRole('button', { name: 'Bespreking vastleggen' }).click();
      await status(`Procesbespreking van ${due.person_name} vastgelegd.`);
      await review.waitFor({ state: 'detached' });
      assert.equal((await api(`/cases/${due.id}`)).reviews[0].decision, 'change_approach');

      // Hand a stuck case over to the other member of the team.
      const stuck = section(/^Vastgelopen casussen/);
      const members = (await api(`/teams/${session.user.teams[0].id}/members`)).items;
      const candidate = (await api('/cases?stuck=true&limit=500')).items.find(
        (k) => !usedCases.has(k.id) && k.assigned_workers.length === 1,
      );
      assert.ok(candidate, 'a stuck case with one worker');
      usedCases.add(candidate.id);
      const to = members.find((m) => m.id !== candidate.assigned_workers[0].id);
      assert.ok(to, 'another member of the team');
      const handover = await card(stuck, `#/cases/${candidate.id}`);
      await handover.getByText('Pogingen sinds laatste contact').waitFor();
      await handover.locator('summary').click();
      await handover.getByLabel('Nieuwe hulpverlener').selectOption({ label: to.display_name });
      await handover.getByLabel('Overdrachtsnotitie').fill('Andere hulpverlener probeert het via de buurvrouw.');
      await check('13-handover');
      await handover.getByRole('button', { name: 'Casus overdragen' }).click();
      await status(`Casus van ${candidate.person_name} overgedragen.`);
      await handover.getByText(`Hulpverleners: ${to.display_name}`, { exact: true }).waitFor();
      assert.deepEqual(
        (await api(`/cases/${candidate.id}`)).assigned_workers.map((w) => w.id),
        [to.id],
      );

      // Record the overdue check-in's outcome.
      const checkIns = section(/^Nabelmomenten te laat/);
      const overdue = await card(checkIns, `#/cases/${monitored.id}`);
      await overdue.locator('summary').click();
      await overdue.getByLabel('Uitkomst').selectOption({ label: 'Gaat goed' });
      await overdue.getByRole('button', { name: 'Uitkomst vastleggen' }).click();
      await status(`Uitkomst van het nabelmoment van ${monitored.person_name} vastgelegd.`);
      await overdue.waitFor({ state: 'detached' });
      const stored = (await api(`/cases/${monitored.id}`)).check_ins.find((ci) => ci.id === checkIn.id);
      assert.equal(stored.outcome, 'doing_well');

      // Record overdue reporter feedback.
      const feedback = section(/^Terugkoppeling aan de melder te laat/);
      const late = (await api('/signals?status=all&feedback=overdue&limit=500')).items[0];
      assert.ok(late, 'a signal with overdue feedback');
      const told = await card(feedback, `#/signals/${late.id}`);
      await told.locator('summary').click();
      await told.getByLabel('Wat is verteld').fill('De melding is besproken; we gaan langs.');
      await told.getByRole('button', { name: 'Terugkoppeling vastleggen' }).click();
      await status(`Terugkoppeling over ${late.person_name} vastgelegd.`);
      await told.waitFor({ state: 'detached' });
      assert.ok((await api(`/signals/${late.id}`)).feedback.given_on);

      // The lead's team settings: the term for feedback to reporters, then the thresholds.
      await page.locator('#ag-settings summary').click();
      const team = session.user.teams[0];
      const term = page.getByRole('form', { name: `${team.name}: Werkdagen voor terugkoppeling aan de melder` });
      await term.getByLabel('Werkdagen voor terugkoppeling aan de melder').fill('31');
      await term.getByRole('button', { name: 'Opslaan' }).click();
      await term.getByText('Kies een aantal werkdagen van 1 tot en met 30.').waitFor();
      await term.getByLabel('Werkdagen voor terugkoppeling aan de melder').fill('6');
      await term.getByRole('button', { name: 'Opslaan' }).click();
      await status('Termijn voor terugkoppeling opgeslagen.');
      assert.equal((await api('/teams')).items.find((x) => x.id === team.id).feedback_working_days, 6);
      await page.getByLabel('Vastgelopen na dit aantal dagen zonder contact').fill('0');
      await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
      await page.getByText('Kies een getal van 1 tot en met 90.').waitFor();
      await page.getByLabel('Vastgelopen na dit aantal dagen zonder contact').fill('21');
      await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
      await status('Teaminstellingen opgeslagen.');
      assert.equal((await api(`/teams/${session.user.teams[0].id}/settings`)).stuck_days, 21);
      await check('14-settings');
      assert.deepEqual(pageErrors, [], 'no console errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
}
