// Issue 4 in a real Chromium: HTML and script typed into a signal and a case (through the API, as
// demo-outreacher-a and demo-lead-a) is shown as literal text on the signal page and the case page
// and never runs: window.__xss stays undefined, no <img src=x> appears in the document, and there
// are no console errors (so not even a script that the CSP had to refuse). At phone and desktop size.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { API, loginAs, createCase, createSignal, addContact, expectStatus } from '../api/lib/client.mjs';
import { login, openPage, pageChecks, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';

/** Nothing ran and nothing was parsed as markup. */
async function assertInert(page, where) {
  const state = await page.evaluate(() => ({
    xss: typeof window.__xss,
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__xss')).length,
    handlers: document.querySelectorAll('[onerror]').length,
  }));
  assert.deepEqual(state, { xss: 'undefined', images: 0, scripts: 0, handlers: 0 }, where);
}

/** The text shown literally, somewhere on the page. */
async function seeLiteral(page, text) {
  await page.getByText(text, { exact: false }).first().waitFor();
}

for (const size of SIZES) {
  test(`injected HTML and script are shown as text at ${size.name}`, async () => {
    const base = env.server.baseUrl;
    const outreacher = await loginAs(base, 'demo-outreacher-a');
    const lead = await loginAs(base, 'demo-lead-a');
    const tag = size.name;
    const texts = {
      person: `Xss ${tag} ${IMG}`,
      reporter: `${SCRIPT} Melder ${tag}`,
      whereabouts: `Thuis ${IMG} ${SCRIPT} ${tag}`,
      tried: `Robert'); DROP TABLE cases;-- ${tag}`,
      contactNote: `Aangebeld ${SCRIPT} ${tag}`,
      withWhom: `Buurman ${IMG} ${tag}`,
      strategy: `Twee keer bellen ${IMG} ${tag}`,
      priorSource: `Huisarts ${SCRIPT} ${tag}`,
      priorContent: `Kent hem ${IMG} ${tag}`,
    };

    // A signal awaiting a decision, and a case opened from another one.
    const fields = {
      person: { name: texts.person, address: `Straat 1 ${SCRIPT}`, phone: '', date_of_birth: '1970-01-31', sex: 'unknown' },
      reporter: {
        name: texts.reporter, kind: 'organisation', relation: 'buur', organisation: `Corporatie ${IMG}`,
        function: '', phone: '', address: '',
      },
      whereabouts: texts.whereabouts,
      tried_and_result: texts.tried,
    };
    const signal = await createSignal(outreacher, fields);
    const kase = await createCase(outreacher, lead, [outreacher.user.id], {
      ...fields, person: { ...fields.person, name: `${texts.person} casus` },
    });
    await addContact(outreacher, kase.id, {
      channel: 'doorbell', outcome: 'conversation', with_whom: texts.withWhom, note: texts.contactNote,
    });
    expectStatus(await outreacher.request('PUT', `${API}/cases/${kase.id}/preparation`, {
      json: { strategy: texts.strategy, companion: 'none', companion_name: '' },
    }), 200);
    expectStatus(await outreacher.post(`${API}/cases/${kase.id}/preparation/prior-info`, {
      source: texts.priorSource, content: texts.priorContent,
    }), 201);

    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, base, 'injection-');
    try {
      await login(page, base, 'demo-outreacher-a');

      // The signal page.
      await page.goto(`${base}/#/signals/${signal.id}`);
      await seeLiteral(page, texts.person);
      await seeLiteral(page, texts.reporter);
      await seeLiteral(page, texts.whereabouts);
      await seeLiteral(page, texts.tried);
      await check('signal');
      await assertInert(page, 'signal page');
      assert.equal((await api(`/signals/${signal.id}`)).person.name, texts.person);

      // The case page.
      await page.goto(`${base}/#/cases/${kase.id}`);
      await seeLiteral(page, `${texts.person} casus`);
      await seeLiteral(page, texts.contactNote);
      await seeLiteral(page, texts.withWhom);
      await seeLiteral(page, texts.priorSource);
      await seeLiteral(page, texts.priorContent);
      // The strategy is in the (editable) plan form: the field holds the exact text.
      assert.equal(await page.getByLabel('Strategie').inputValue(), texts.strategy);
      await check('case');
      await assertInert(page, 'case page');

      // The case list, which shows the person's name.
      await page.goto(`${base}/#/cases`);
      await page.waitForLoadState('networkidle');
      await assertInert(page, 'case list');

      assert.deepEqual(pageErrors, [], 'no console errors or CSP refusals');
    } finally {
      await context.close();
    }
  });
}
