// The newcomer's path through Voordeur, in a real Chromium against a real server with demo data,
// once at phone size and once at desktop size. Every page visited is checked with axe-core and
// photographed to tests/artifacts/screenshots/<size>/.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { axeViolations, formatViolations, screenshotDir } from './lib/browser.mjs';
import { DEMO_TOTP_SECRET, enterTotpCode, openPage, PASSWORD, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();


/** Steps that share one browser context (one size): page helpers plus the API via its cookies. */
function journey(page, size) {
  const dir = screenshotDir(size.name);
  const base = env.server.baseUrl;
  return {
    async shot(name) {
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    },
    async axe(name) {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe violations on "${name}" at ${size.name}:\n${formatViolations(violations)}`);
    },
    /** Both checks for a page that has settled. */
    async visit(name) {
      await page.waitForLoadState('networkidle');
      await this.axe(name);
      await this.shot(name);
    },
    async login(username, password = PASSWORD) {
      await page.getByLabel('Gebruikersnaam').fill(username);
      await page.getByLabel('Wachtwoord').fill(password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      if (username === 'demo-admin') await enterTotpCode(page, DEMO_TOTP_SECRET);
    },
    async logout() {
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByText('Je bent uitgelogd.').waitFor();
    },
    async heading(text) {
      await page.getByRole('heading', { level: 1, name: text }).waitFor();
    },
    async status(text) {
      await page.getByRole('status').getByText(text).waitFor();
    },
    /** A date (`YYYY-MM-DD`) or, with `withTime`, a local date-time in the browser's zone. */
    async localMoment(offsetMinutes, withTime = false) {
      return page.evaluate(
        ([offset, time]) => {
          const d = new Date(Date.now() + offset * 60_000);
          const p = (n) => String(n).padStart(2, '0');
          const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
          return time ? `${date}T${p(d.getHours())}:${p(d.getMinutes())}` : date;
        },
        [offsetMinutes, withTime],
      );
    },
    async api(path) {
      const response = await page.request.get(`${base}/api/v1${path}`);
      assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}`);
      return response.json();
    },
    /** All signals (any status) whose person has this name, read through the API page by page. */
    async signalsNamed(name) {
      const found = [];
      for (let offset = 0; ; offset += 50) {
        const page_ = await this.api(`/signals?status=all&limit=50&offset=${offset}`);
        found.push(...page_.items.filter((s) => s.person_name === name));
        if (page_.items.length < 50) return found;
      }
    },
  };
}

for (const size of SIZES) {
  test(`newcomer's path at ${size.name}`, async (t) => {
    const { context, page, pageErrors } = await openPage(env, size);
    const j = journey(page, size);
    const stamp = randomBytes(3).toString('hex');
    const person = `Proefpersoon Zonnebloem ${size.name} ${stamp}`;
    let signalId;
    // The steps build on each other: after a failure the rest is skipped, not timed out.
    let failedStep = null;
    const step = (name, fn) =>
      t.test(name, failedStep ? { skip: `after failed step "${failedStep}"` } : {}, async () => {
        try {
          await fn();
        } catch (error) {
          failedStep = name;
          throw error;
        }
      });

    try {
      await step('login page, and a wrong password is refused', async () => {
        await page.goto(env.server.baseUrl);
        await j.heading('Inloggen');
        assert.equal(await page.getAttribute('html', 'lang'), 'nl');
        await j.visit('01-login');
        await j.login(`onbekend-${stamp}`, 'dit-wachtwoord-klopt-niet');
        await page.getByRole('alert').getByText('Gebruikersnaam of wachtwoord klopt niet.').waitFor();
        await j.visit('02-login-refused');
      });

      await step('outreacher signs in and sees the signals', async () => {
        await j.login('demo-outreacher-a');
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
        await page.getByRole('link', { name: 'Aanmeldingen' }).click();
        await j.heading('Aanmeldingen');
        await page.getByRole('link', { name: 'Wacht op besluit' }).waitFor();
        await j.visit('03-signals');
      });

      await step('the language switch turns the page English and back', async () => {
        await page.getByRole('button', { name: 'English' }).click();
        await j.heading('Signals');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        await j.visit('04-signals-english');
        await page.getByRole('button', { name: 'Nederlands' }).click();
        await j.heading('Aanmeldingen');
        assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      });

      await step('the signal form refuses a missing name and a non-existing date, next to the fields', async () => {
        await page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
        await j.heading('Nieuwe aanmelding');
        assert.equal(await page.getByRole('textbox', { name: 'Datum', exact: true }).inputValue(), await j.localMoment(0));
        await j.visit('05-signal-form');

        await page.getByLabel('Naam aanmelder').fill('Fictieve Buurvrouw');
        await page.getByRole('group', { name: 'Soort aanmelder' }).getByRole('radio', { name: 'Particulier' }).check();
        await page.getByLabel('Relatie (particulier)').fill('Buurvrouw op dezelfde galerij');
        const dob = page.getByRole('group', { name: 'Geboortedatum' });
        await dob.getByLabel('Dag').fill('30');
        await dob.getByLabel('Maand').fill('2');
        await dob.getByLabel('Jaar').fill('1980');
        await page.getByRole('group', { name: 'Weet de cliënt van deze aanmelding?' }).getByRole('radio', { name: 'Ja' }).check();
        await page.getByRole('group', { name: 'Directe aanleiding' }).getByRole('radio', { name: 'Overlast' }).check();
        await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();

        const nameError = page.locator('#f-person-name-error');
        await nameError.waitFor();
        assert.equal(await nameError.textContent(), 'Vul dit veld in.');
        const nameInput = page.getByLabel('Naam cliënt');
        assert.match(await nameInput.getAttribute('aria-describedby'), /f-person-name-error/);
        assert.equal(await nameInput.getAttribute('aria-invalid'), 'true');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-person-name');
        const dobError = page.locator('#f-person-date_of_birth-error');
        assert.match(await dobError.textContent(), /Deze datum bestaat niet/);
        assert.match(await dob.getAttribute('aria-describedby'), /f-person-date_of_birth-error/);
        await page.getByRole('alert').getByText('Niet alle velden zijn goed ingevuld (2)').waitFor();
        assert.match(page.url(), /#\/signals\/new$/);
        await j.visit('06-signal-form-errors');
      });

      await step('a date the server refuses is shown next to its field and nothing is stored', async () => {
        await page.getByLabel('Naam cliënt').fill(person);
        const dob = page.getByRole('group', { name: 'Geboortedatum' });
        await dob.getByLabel('Dag').fill('3');
        await dob.getByLabel('Maand').fill('7');
        await dob.getByLabel('Jaar').fill('1961');
        // The browser check passes now; bend the request on its way so that the real server's
        // validation (and the app's handling of its field errors) is exercised.
        let seenStatus = null;
        await page.route('**/api/v1/signals', async (route) => {
          if (route.request().method() !== 'POST') return route.continue();
          const body = route.request().postDataJSON();
          body.person.date_of_birth = '1961-02-30';
          const response = await route.fetch({ postData: JSON.stringify(body) });
          seenStatus = response.status();
          await route.fulfill({ response });
        });
        await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();
        const dobError = page.locator('#f-person-date_of_birth-error');
        await dobError.waitFor();
        assert.equal(seenStatus, 422);
        assert.match(await dobError.textContent(), /Deze datum bestaat niet/);
        await page.unroute('**/api/v1/signals');
        assert.deepEqual(await j.signalsNamed(person), []);
        await j.visit('07-signal-form-server-error');
      });

      await step('the outreacher registers the signal with the whole form', async () => {
        await page.getByLabel('Adres en woonplaats').first().fill('Verzonnenlaan 12, Demodorp');
        await page.getByRole('group', { name: 'Geslacht' }).getByRole('radio', { name: 'Vrouw' }).check();
        await page.getByLabel('Wat is de relatie tot de cliënt?').fill('Buurvrouw');
        await page.getByLabel('Sinds wanneer kent de aanmelder de cliënt?').fill('Ongeveer vijf jaar');
        await page.getByLabel('Op wiens initiatief is er contact met de cliënt?').fill('Van de buurvrouw');
        await page.getByRole('textbox', { name: /Wat is er al geprobeerd/ }).fill('Aangebeld, briefje in de bus; geen reactie.');
        await page.getByLabel('Waar zou de cliënt mee geholpen zijn').fill('Iemand die langskomt en de post opent.');
        await page.getByLabel('Waar houdt de cliënt zich op?').fill('Meestal thuis; ’s ochtends bij de bakker.');
        await page.getByRole('group', { name: /Wil de aanmelder ons introduceren/ }).getByRole('radio', { name: 'Ja' }).check();
        await page.getByRole('group', { name: /mannelijke of vrouwelijke hulpverlener/ }).getByRole('radio', { name: 'Vrouwelijke hulpverlener' }).check();
        await page.getByLabel('Wij mogen de aanmelder in de toekomst benaderen').check();
        const problems = page.getByRole('group', { name: 'Problematieken' });
        await problems.getByRole('checkbox', { name: 'Huisvesting' }).check();
        await problems.getByRole('checkbox', { name: 'Eenzaamheid' }).check();
        await problems.getByRole('checkbox', { name: 'Anders' }).check();
        await page.getByLabel('Andere problematiek, namelijk').fill('Post stapelt zich op');
        await page.getByLabel('Welke vervolgafspraken zijn gemaakt?').fill('Terugbellen na het teamoverleg.');

        await page.getByRole('button', { name: 'Aanmelding opslaan' }).click();
        await j.heading(`Aanmelding ${person}`);
        await j.status('Aanmelding opgeslagen.');
        signalId = Number(/#\/signals\/(\d+)/.exec(page.url())?.[1]);
        assert.ok(signalId > 0, `signal id in ${page.url()}`);
        await page.getByText('Er is nog geen besluit genomen.').waitFor();
        await page.locator('.meta').getByText('Wacht op besluit').waitFor();
        assert.equal(await page.getByRole('heading', { name: 'Besluit nemen' }).count(), 0, 'an outreacher cannot decide');

        const stored = await j.api(`/signals/${signalId}`);
        assert.equal(stored.person.name, person);
        assert.equal(stored.person.date_of_birth, '1961-07-03');
        assert.equal(stored.person.sex, 'female');
        assert.equal(stored.reporter.kind, 'private_person');
        assert.equal(stored.direct_reason, 'nuisance');
        assert.equal(stored.person_aware, 'yes');
        assert.equal(stored.may_contact_reporter, true);
        assert.equal(stored.intake_date, await j.localMoment(0));
        assert.deepEqual([...stored.problem_areas].sort(), ['housing', 'loneliness', 'other']);
        assert.equal((await j.signalsNamed(person)).length, 1);
        await j.visit('08-signal-detail');
      });

      await step('the outreacher signs out', async () => {
        await j.logout();
        await j.heading('Inloggen');
        await j.shot('09-logged-out');
      });

      await step('the team lead decides on outreach with one worker', async () => {
        await j.login('demo-lead-a');
        await j.heading('Aanmeldingen');
        const session = await j.api('/session');
        const members = await j.api(`/teams/${session.user.teams[0].id}/members`);
        const worker = members.items.find((m) => m.username === 'demo-outreacher-a');
        assert.ok(worker, 'demo-outreacher-a is a member of team A');
        await j.visit('10-lead-signals');

        const link = page.getByRole('link', { name: person });
        if ((await link.count()) > 0) await link.first().click();
        else await page.goto(`${env.server.baseUrl}/#/signals/${signalId}`);
        await j.heading(`Aanmelding ${person}`);
        const form = page.getByRole('region', { name: 'Besluit nemen' });
        await form.getByRole('radio', { name: 'Outreachend traject' }).check();
        await form.getByLabel('Reden van het besluit').fill('Ernstige zorg, geen hulp in beeld; samen met de buurvrouw aanbellen.');
        await form.getByRole('checkbox', { name: worker.display_name }).check();
        await form.getByRole('group', { name: 'Indicaties' })
          .getByRole('checkbox', { name: 'Ernstige bezorgdheid, geen of ontoereikend zorgtraject' }).check();
        await j.visit('11-decision-form');
        await form.getByRole('button', { name: 'Besluit vastleggen' }).click();

        await j.status('Besluit vastgelegd. Er is een casus geopend.');
        await page.locator('.history').getByText('Outreachend traject').waitFor();
        assert.equal(await page.getByRole('region', { name: 'Besluit nemen' }).count(), 0, 'no second decision once a case is open');
        await page.locator('.history').getByText('Ernstige bezorgdheid, geen of ontoereikend zorgtraject').waitFor();
        await j.visit('12-signal-decided');
      });

      await step('the lead records the feedback to the reporter', async () => {
        const panel = page.getByRole('region', { name: 'Terugkoppeling aan de melder' });
        await panel.getByText('Geen inhoudelijke casusinformatie delen.').waitFor();
        await panel.getByLabel('Wat is verteld').fill('De melder weet dat het team de aanmelding oppakt.');
        await panel.getByRole('button', { name: 'Terugkoppeling vastleggen' }).click();
        await j.status('Terugkoppeling vastgelegd.');
        const stored = await j.api(`/signals/${signalId}`);
        assert.equal(stored.feedback.given_on, await j.localMoment(0));
        assert.match(stored.feedback.due_on, /^\d{4}-\d{2}-\d{2}$/);
        await j.visit('12b-signal-feedback');
      });

      await step('the case opens with no contacts yet', async () => {
        await page.getByRole('link', { name: 'Naar de casus' }).first().click();
        await j.heading(`Casus ${person}`);
        await page.locator('.meta').getByText('Open', { exact: true }).waitFor();
        await page.getByText('Nog geen contactmomenten vastgelegd.').waitFor();
        const occurredAt = await page.getByLabel('Wanneer').inputValue();
        assert.match(occurredAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'occurred_at defaults to now');
        await j.visit('13-case-new');
      });

      const contactForm = () => page.getByRole('region', { name: 'Contact vastleggen' });
      const timeline = () => page.locator('.timeline > li');

      await step('two contact attempts appear in the timeline, newest first', async () => {
        const anHourAgo = await j.localMoment(-60, true);
        await contactForm().getByRole('radio', { name: 'Aangebeld' }).check();
        await contactForm().getByRole('radio', { name: 'Niet thuis' }).check();
        await contactForm().getByLabel('Wanneer').fill(anHourAgo);
        await contactForm().getByLabel('Notitie').fill('Kaartje met telefoonnummer in de bus gedaan.');
        await contactForm().getByRole('button', { name: 'Contact opslaan' }).click();
        await j.status('Contact opgeslagen.');
        await page.waitForFunction(() => document.querySelectorAll('.timeline > li').length === 1);
        assert.match(await timeline().first().textContent(), /Aangebeld — Niet thuis/);
        await j.visit('14-contact-first');

        const nextWeek = await j.localMoment(7 * 24 * 60);
        await contactForm().getByRole('radio', { name: 'Huisbezoek' }).check();
        await contactForm().getByRole('radio', { name: 'Gesprek' }).check();
        await contactForm().getByLabel('Met wie').fill('Cliënt, met de buurvrouw erbij');
        await contactForm().getByLabel('Notitie').fill('Binnen gelaten. Stapel post samen bekeken.');
        await contactForm().getByLabel('Volgende poging (datum)').fill(nextWeek);
        await contactForm().getByRole('button', { name: 'Contact opslaan' }).click();
        await page.waitForFunction(() => document.querySelectorAll('.timeline > li').length === 2);
        assert.match(await timeline().nth(0).textContent(), /Huisbezoek — Gesprek/);
        assert.match(await timeline().nth(0).textContent(), /Met: Cliënt, met de buurvrouw erbij/);
        assert.match(await timeline().nth(1).textContent(), /Aangebeld — Niet thuis/);
        const stored = await j.api(`/cases/${/#\/cases\/(\d+)/.exec(page.url())[1]}`);
        assert.equal(stored.contacts.length, 2);
        assert.equal(stored.next_attempt_date, nextWeek);
        await j.visit('15-contact-second');
      });

      await step('the case is closed with a reason', async () => {
        await page.locator('details.disclosure > summary', { hasText: 'Casus afsluiten' }).click();
        const close = page.locator('details.disclosure', { hasText: 'Casus afsluiten' }).locator('form');
        await close.getByRole('radio', { name: 'Cliënt weigert hulp' }).check();
        await close.getByLabel('Toelichting').fill('Wil na het gesprek geen verdere hulp; buurvrouw blijft in beeld.');
        await j.axe('16-close-form');
        await close.getByRole('button', { name: 'Casus afsluiten' }).click();
        await j.status('Casus afgesloten.');
        await page.locator('.meta').getByText('Gesloten', { exact: true }).waitFor();
        await page.locator('.history').getByText('Gesloten — Cliënt weigert hulp').waitFor();
        assert.equal(await contactForm().count(), 0, 'no contact form on a closed case');
        await page.getByRole('region', { name: 'Casus heropenen' }).waitFor();
        await j.visit('16-case-closed');
      });

      await step('the case is reopened with a reason into a chosen phase', async () => {
        const reopen = page.getByRole('region', { name: 'Casus heropenen' });
        await reopen.getByLabel('Reden van heropenen').fill('Nieuwe melding van de woningcorporatie.');
        await reopen.getByLabel('Terug naar fase').selectOption('follow_up');
        await reopen.getByRole('button', { name: 'Casus heropenen' }).click();
        await j.status('Casus heropend.');
        await page.locator('.badge--phase').getByText('Vervolgcontacten', { exact: true }).waitFor();
        await page.locator('.meta').getByText('Open', { exact: true }).waitFor();
        await page.locator('.history').getByText('Heropend', { exact: true }).waitFor();
        await page.locator('.history').getByText('Nieuwe melding van de woningcorporatie.').waitFor();
        await contactForm().waitFor();
        assert.equal(await timeline().count(), 2);
        await j.visit('17-case-reopened');
      });

      await step('team cases and my caseload list cases', async () => {
        await page.getByRole('link', { name: 'Teamcasussen' }).click();
        await j.heading('Teamcasussen');
        await page.locator(size.viewport.width >= 768 ? 'table tbody tr' : 'ul.cards > li').first().waitFor();
        await j.visit('18-team-cases');
        await page.getByLabel('Sorteren op').selectOption('next_attempt');
        await page.waitForFunction(() => location.hash.includes('sort=next_attempt'));
        await page.getByLabel('Status').selectOption('all');
        await page.waitForFunction(() => location.hash.includes('status=all'));
        await j.visit('19-team-cases-all');
        await page.getByRole('link', { name: 'Mijn caseload' }).click();
        await j.heading('Mijn caseload');
        await j.visit('20-my-cases');
        await j.logout();
      });

      await step('the outreacher prepares the first visit', async () => {
        await j.login('demo-outreacher-a');
        await j.heading('Mijn caseload');
        const { case_id: caseId } = await j.api(`/signals/${signalId}`);
        await page.goto(`${env.server.baseUrl}/#/cases/${caseId}`);
        await j.heading(`Casus ${person}`);
        const prep = page.getByRole('region', { name: 'Voorbereiding' });
        await prep.getByText('Nog geen informatie verzameld.').waitFor();
        const info = prep.getByRole('form', { name: 'Informatie toevoegen' });
        await info.getByLabel('Van wie').fill('Huisarts');
        await info.getByLabel('Wat').fill('Al een jaar niet op het spreekuur geweest.');
        await info.getByRole('button', { name: 'Informatie toevoegen' }).click();
        await j.status('Informatie toegevoegd.');
        await prep.locator('.history').getByText('Al een jaar niet op het spreekuur geweest.').waitFor();
        const plan = prep.getByRole('form', { name: 'Aanpak eerste bezoek' });
        await plan.getByLabel('Strategie').fill('Samen met de wijkagent in de ochtend aanbellen.');
        await plan.getByRole('group', { name: 'Wie gaat mee bij het eerste bezoek' }).getByRole('radio', { name: 'Wijkagent' }).check();
        await plan.getByLabel('Naam of organisatie van wie meegaat').fill('Wijkteam Noord');
        await plan.getByRole('button', { name: 'Aanpak opslaan' }).click();
        await j.status('Aanpak opgeslagen.');
        const stored = await j.api(`/cases/${caseId}/preparation`);
        assert.equal(stored.companion, 'police_officer');
        assert.equal(stored.prior_info.length, 1);
        await j.visit('20b-case-preparation');
        await j.logout();
      });

      await step('the admin sees users and teams', async () => {
        await j.login('demo-admin');
        await j.heading('Beheer');
        await page.getByText('demo-outreacher-a', { exact: false }).first().waitFor();
        await j.visit('21-admin-users');
        await page.getByRole('button', { name: /^Wijzig / }).first().click();
        await page.getByLabel('Nieuw wachtwoord').waitFor();
        await j.visit('22-admin-user-edit');
        await page.getByRole('link', { name: 'Teams' }).click();
        const team = `Testteam ${size.name} ${stamp}`;
        await page.getByLabel('Naam van het team').fill(team);
        await page.getByRole('button', { name: 'Team toevoegen' }).click();
        await j.status(`Team ${team} toegevoegd.`);
        await page.getByRole('listitem').getByText(team).waitFor();
        // The new team's term for feedback to reporters: checked before sending, then saved.
        const feedback = page.getByRole('form', { name: `${team}: Werkdagen voor terugkoppeling aan de melder` });
        await feedback.getByLabel('Werkdagen voor terugkoppeling aan de melder').fill('0');
        await feedback.getByRole('button', { name: 'Opslaan' }).click();
        await feedback.getByText('Kies een aantal werkdagen van 1 tot en met 30.').waitFor();
        await feedback.getByLabel('Werkdagen voor terugkoppeling aan de melder').fill('8');
        await feedback.getByRole('button', { name: 'Opslaan' }).click();
        await j.status('Termijn voor terugkoppeling opgeslagen.');
        const teams = (await j.api('/teams')).items;
        assert.equal(teams.find((x) => x.name === team).feedback_working_days, 8);
        await j.visit('23-admin-teams');
      });

      assert.deepEqual(pageErrors, [], 'no console errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
}
