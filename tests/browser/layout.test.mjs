// Layout in a real Chromium at phone and desktop size, with axe-core on each step: the header keeps
// the user's name readable beside the language and logout buttons, the menu shows the current page's
// item, the timeline's filter chips hold their labels, list items clear their dots, the disclosures
// show that they open, the agenda's cards stay inside their panels in English and its open forms have
// names of their own, and policy's figures show every count in view with the month by name.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, openPage, pageChecks, SIZES, useServerAndBrowser } from './lib/suite.mjs';

const env = useServerAndBrowser();

/** The boxes of the elements `selector` finds, as plain objects. */
function boxes(page, selector) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
}

function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

for (const size of SIZES) {
  test(`layout of a team lead's pages at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check, api } = pageChecks(page, size, env.server.baseUrl, 'layout-');
    const base = env.server.baseUrl;
    try {
      const nav = await login(page, base, 'demo-lead-a');

      // The header: the brand and the user's full name, clear of the buttons beside them.
      const [brand] = await boxes(page, '.brand-name');
      const [name] = await boxes(page, '.brand-user');
      const tools = await boxes(page, '.header-tools button');
      assert.equal(tools.length, 3);
      for (const tool of tools) {
        assert.ok(!overlaps(brand, tool), `"${tool.text}" covers the brand: ${JSON.stringify([brand, tool])}`);
        assert.ok(!overlaps(name, tool), `"${tool.text}" covers the user's name: ${JSON.stringify([name, tool])}`);
      }
      const cut = await page
        .locator('.brand-name, .brand-user')
        .evaluateAll((elements) => elements.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
      assert.deepEqual(cut, [], 'cut off in the header');

      // The menu: the last item, reached by its address, is in view and marked as the current page.
      await page.goto(`${base}/#/account`);
      await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
      const current = nav.locator('[aria-current="page"]');
      assert.equal(await current.textContent(), 'Account');
      const item = await current.boundingBox();
      assert.ok(item.x >= 0 && item.x + item.width <= size.viewport.width, `the current menu item is out of view: ${JSON.stringify(item)}`);
      await check('account');

      // The timeline's filter chips keep each label inside its chip.
      const list = await api('/cases?scope=team&status=open&limit=1');
      await page.goto(`${base}/#/cases/${list.items[0].id}`);
      const filters = page.getByRole('region', { name: 'Tijdlijn' }).getByRole('group', { name: 'Toon' });
      await filters.getByRole('checkbox', { name: 'Procesbespreking' }).waitFor();
      const spills = await filters.locator('label.choice').evaluateAll((labels) =>
        labels
          .filter((l) => l.querySelector('span').getBoundingClientRect().right > l.getBoundingClientRect().right)
          .map((l) => l.textContent.trim()),
      );
      assert.deepEqual(spills, [], 'labels wider than their chip');
      await check('timeline-filters');

      // Every item of a trail (timeline, household members, consents) starts to the right of its dot.
      await page.getByRole('region', { name: 'Huishouden' }).locator('.history-item').first().waitFor();
      const onDot = await page.locator('.history-item').evaluateAll((items) =>
        items
          .filter((li) => li.firstElementChild.getBoundingClientRect().left < li.getBoundingClientRect().left + 8)
          .map((li) => li.textContent.trim().slice(0, 40)),
      );
      assert.deepEqual(onDot, [], 'items whose text starts on the dot');

      // Each disclosure (close the case, record consent) shows by a chevron that it opens.
      const close = page.locator('summary', { hasText: 'Casus afsluiten' });
      await close.waitFor();
      const unmarked = await page.locator('details.disclosure > summary').evaluateAll((summaries) =>
        summaries
          .filter((s) => {
            const marker = getComputedStyle(s, '::before');
            return marker.content === 'none' || parseFloat(marker.width) === 0 || marker.borderRightStyle === 'none';
          })
          .map((s) => s.textContent.trim()),
      );
      assert.deepEqual(unmarked, [], 'disclosures without a marker');

      // In English the phase badges are longer ("Follow-up contacts"): the agenda's cards stay
      // inside their panels.
      await page.getByRole('button', { name: 'English' }).click();
      await page.goto(`${base}/#/agenda`);
      await page.getByRole('heading', { level: 2, name: /^Stuck cases/ }).waitFor();
      const sticking = await page.locator('section.panel').evaluateAll((panels) =>
        panels.flatMap((panel) => {
          const edge = panel.getBoundingClientRect().right;
          return [...panel.querySelectorAll('.card')]
            .filter((card) => card.getBoundingClientRect().right > edge)
            .map((card) => card.querySelector('.card-title').textContent);
        }),
      );
      assert.deepEqual(sticking, [], 'cards sticking out of their panel');
      await check('agenda-en');

      // With every action open, each form is a landmark with a name of its own, also for two signals
      // about the same person.
      await page.locator('details.agenda-action').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
      await check('agenda-en-open');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

for (const size of SIZES) {
  test(`policy figures in view at ${size.name}`, async () => {
    const { context, page, pageErrors } = await openPage(env, size);
    const { check } = pageChecks(page, size, env.server.baseUrl, 'layout-');
    try {
      await login(page, env.server.baseUrl, 'demo-policy');
      await page.getByRole('heading', { level: 2, name: 'Team A' }).waitFor();
      const counts = page.getByText('minder dan 5', { exact: true });
      await counts.first().waitFor();
      const outside = await counts.evaluateAll((elements, width) =>
        elements.filter((e) => e.getBoundingClientRect().right > width).length, size.viewport.width);
      assert.equal(outside, 0, 'counts beyond the right edge of the screen');
      const main = await page.getByRole('main').innerText();
      assert.doesNotMatch(main, /\b\d{4}-\d{2}\b/, 'a month shown as a code');
      assert.match(main, /\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}\b/);
      await check('figures');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
