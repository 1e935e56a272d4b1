// Browser tests of the web pages of `clash serve` (SPEC §12): Debian's
// Chromium (/usr/bin/chromium, never a downloaded browser) driven by
// playwright-core, every page checked by axe-core at a desktop and a
// 320 px viewport, the journeys done with JavaScript on and off and by
// keyboard alone, and the clashes a page shows compared with
// `clash check --format json` for the same dates.
//
//   CLASH_BIN=target/debug/clash node --test tests/web/
//
// The server is the real binary on a loopback port it picks. Under
// CI=true a missing browser or binary fails the run (it never skips).
// SCREENSHOTS=DIR writes the README's screenshots there.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import ICAL from 'ical.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const bin = process.env.CLASH_BIN ?? join(root, 'target', 'debug', 'clash');
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, narrow: { width: 320, height: 720 } };

let server;
let base;
let browser;

before(async () => {
  assert.ok(existsSync(bin), `no clash binary at ${bin} (build it, or set CLASH_BIN)`);
  assert.ok(existsSync(browserPath), `no Chromium at ${browserPath} (apt-get install chromium)`);
  server = spawn(bin, ['serve', '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  base = await new Promise((ok, fail) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`clash serve did not start: ${seen}`)), 10_000);
    server.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    server.on('exit', (code) => fail(new Error(`clash serve exited ${code}: ${seen}`)));
  });
  // Flags for a closed network: no background requests of Chromium's own.
  browser = await chromium.launch({
    executablePath: browserPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

/** A new page, with JavaScript on or off, at a viewport. */
async function open({ js = true, viewport = VIEWPORTS.desktop } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport });
  const page = await context.newPage();
  const outside = [];
  // The pages make no request anywhere but this server.
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) outside.push(r.url());
  });
  page.outside = outside;
  return page;
}

/** axe-core's violations on the page, as readable lines. */
async function axeViolations(page) {
  // Evaluated through the DevTools protocol, so the page's CSP (no
  // scripts at all) does not stop it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) => globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    AXE_TAGS,
  );
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** The clash binary's JSON answer to `args`. */
function cli(args) {
  try {
    return JSON.parse(execFileSync(bin, [...args, '--format', 'json'], { encoding: 'utf8' }));
  } catch (e) {
    // Exit 1 means "a clash": its output is the answer all the same.
    if (e.status === 1) return JSON.parse(e.stdout);
    throw e;
  }
}

/** Fills the "Check a date" form and sends it. */
async function ask(page, { day, month, year, time, duration, food, location }) {
  await page.goto(`${base}/`);
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Month').fill(month);
  await page.getByLabel('Year').fill(year);
  if (time) await page.getByLabel('Start time (optional)').fill(time);
  if (duration) await page.getByLabel('How long (with a start time)').selectOption({ label: duration });
  if (food) await page.getByLabel('Food or drink will be served').check();
  if (location) await page.getByLabel('Where is the meeting?').selectOption({ label: location });
  await Promise.all([page.waitForURL(/\/check\?/), page.getByRole('button', { name: 'Check the date' }).click()]);
}

/** Does `action` (which sends the upload form) and waits for the page the
 * POST answers: the URL stays /import, so only the response tells. */
async function posted(page, action) {
  const navigated = page.waitForEvent('framenavigated', (f) => f === page.mainFrame());
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/import'));
  await action();
  await answered;
  await navigated;
  await page.waitForLoadState('load');
}

/** The ids and impacts of the clashes a /check page shows. */
async function shownClashes(page) {
  return page.$$eval('section.clash', (sections) =>
    sections.map((s) => ({
      id: s.querySelector('h3').id.replace(/^clash-/, ''),
      impact: s.querySelector('.tag').textContent.replace(' impact', '').toLowerCase(),
    })),
  );
}

for (const js of [true, false]) {
  const mode = js ? 'JavaScript on' : 'JavaScript off';

  test(`check a date with a time and food, see the verdict (${mode})`, async () => {
    const page = await open({ js });
    // 10 March 2027, 18:00–20:00 with food, Leicester: the evening of the
    // last days of Ramadan (Umm al-Qura).
    await ask(page, {
      day: '10', month: '3', year: '2027', time: '18:00', duration: '2 hours', food: true, location: 'Leicester',
    });
    const h1 = await page.locator('h1').textContent();
    assert.match(h1, /^(Avoid this time|Be mindful|No clashes)$/);
    const want = cli(['check', '2027-03-10T18:00', '--duration', '2h', '--with-food', '--location', 'leicester']);
    const shown = await shownClashes(page);
    assert.deepEqual(shown, want.clashes.map((c) => ({ id: c.id, impact: c.clash_impact })));
    assert.ok(shown.length > 0, 'a clash in Ramadan at iftar');
    assert.equal(h1, shown.some((c) => c.impact === 'high') ? 'Avoid this time' : 'Be mindful');
    assert.match(await page.title(), new RegExp(`^${h1}: Wed 2027-03-10 18:00`));
    // The values asked are kept in the next step's link.
    const next = await page.getByRole('link', { name: 'Suggest better dates for this meeting' }).getAttribute('href');
    assert.match(next, /time=18%3A00/);
    assert.match(next, /with-food=yes/);
    assert.deepEqual(page.outside, []);
    await page.context().close();
  });

  test(`follow "suggest better dates" with the same meeting (${mode})`, async () => {
    const page = await open({ js });
    await ask(page, { day: '25', month: '12', year: '2026', time: '18:00', duration: '2 hours' });
    await Promise.all([
      page.waitForURL(/\/suggest\?/),
      page.getByRole('link', { name: 'Suggest better dates for this meeting' }).click(),
    ]);
    assert.equal(await page.locator('h1').textContent(), 'Best dates for the meeting');
    const url = new URL(page.url());
    const q = url.searchParams;
    assert.equal(q.get('time'), '18:00');
    assert.equal(q.get('duration'), '2h');
    const want = cli([
      'suggest', '--from', q.get('from'), '--to', q.get('to'), '--time', '18:00', '--duration', '2h',
      '--count', '10', '--location', 'leicester',
    ]);
    const shown = await page.$$eval('tbody tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(shown, want.suggestions.map((s) => s.start.slice(0, 16).replace('T', ' ')).map(
      (t) => `${new Date(`${t.slice(0, 10)}T12:00:00Z`).toUTCString().slice(0, 3)} ${t}`,
    ));
    // Each day can be checked in one step, with the same meeting.
    const check = await page.locator('tbody a').first().getAttribute('href');
    assert.match(check, /^\/check\?date=\d{4}-\d{2}-\d{2}&time=18%3A00&duration=2h/);
    await page.context().close();
  });

  test(`an invalid date lands on the error summary, focused, values kept (${mode})`, async () => {
    const page = await open({ js });
    await ask(page, { day: '30', month: '2', year: '2027', time: '09:30' });
    assert.match(await page.title(), /^Error: /);
    const focused = await page.evaluate(() => document.activeElement?.className ?? '');
    assert.match(focused, /error-summary/);
    const summary = page.locator('.error-summary');
    assert.match(await summary.textContent(), /There is a problem/);
    assert.match(await summary.textContent(), /Invalid date 2027-02-30/);
    // The values typed are still there.
    assert.equal(await page.getByLabel('Day').inputValue(), '30');
    assert.equal(await page.getByLabel('Start time (optional)').inputValue(), '09:30');
    // The summary's link leads to the field.
    await page.locator('.error-summary a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'date-day');
    await page.context().close();
  });
}

for (const js of [true, false]) {
  const mode = js ? 'JavaScript on' : 'JavaScript off';

  test(`open a month, with a filter, and the next month (${mode})`, async () => {
    const page = await open({ js });
    await page.goto(`${base}/`);
    await Promise.all([page.waitForURL(/\/calendar/), page.getByRole('link', { name: 'Calendar', exact: true }).click()]);
    await page.getByLabel('Month', { exact: true }).fill('2026-11');
    await page.getByLabel('hindu', { exact: true }).check();
    await Promise.all([
      page.waitForURL(/month=2026-11/),
      page.getByRole('button', { name: 'Show the month' }).click(),
    ]);
    assert.equal(await page.locator('h1').textContent(), 'November 2026');
    const rows = await page.$$eval('table.month tbody tr', (r) =>
      r.map((tr) => ({ day: tr.querySelector('th').textContent, text: tr.querySelector('td').textContent })),
    );
    assert.equal(rows.length, 30);
    // Each occurrence of `clash list` is on its first day's row, with its impact in words.
    const want = cli(['list', '2026-11', '--tradition', 'hindu', '--location', 'leicester']);
    assert.ok(want.occurrences.length > 0);
    for (const o of want.occurrences.filter((o) => o.start.startsWith('2026-11'))) {
      const day = Number(o.start.slice(8, 10));
      const row = rows[day - 1];
      assert.ok(row.text.includes(o.name), `${o.name} on ${row.day}: ${row.text}`);
      assert.ok(row.text.includes(`${o.impact} impact`), `${o.name}: ${row.text}`);
    }
    await Promise.all([page.waitForURL(/month=2026-12/), page.getByRole('link', { name: /^Next month/ }).click()]);
    assert.equal(await page.locator('h1').textContent(), 'December 2026');
    assert.match(page.url(), /tradition=hindu/);
    await page.context().close();
  });

  test(`build a feed, fetch the address it shows, parse it (${mode})`, async () => {
    const page = await open({ js });
    await page.goto(`${base}/subscribe`);
    await page.getByLabel('muslim', { exact: true }).check();
    await page.getByLabel('Impact').selectOption({ label: 'High only' });
    await Promise.all([
      page.waitForURL(/\/subscribe\?/),
      page.getByRole('button', { name: 'Make the feed address' }).click(),
    ]);
    const address = await page.getByLabel('Feed address').inputValue();
    assert.equal(await page.getByLabel('Feed address').getAttribute('readonly'), '');
    assert.ok(address.startsWith(`${base}/feed.ics?`), address);
    // The links of SPEC §12 for each calendar.
    const href = (name) => page.getByRole('link', { name }).getAttribute('href');
    assert.equal(await href('Subscribe in Apple Calendar or Outlook on a computer'), address.replace(/^http:/, 'webcal:'));
    const google = new URL(await href('Subscribe in Google Calendar'));
    assert.equal(google.searchParams.get('cid'), address);
    const outlook = new URL(await href('Subscribe in Outlook.com'));
    assert.equal(outlook.origin + outlook.pathname, 'https://outlook.live.com/calendar/addfromweb');
    assert.equal(outlook.searchParams.get('url'), address);
    assert.match(await page.locator('main').textContent(), /never changes/);
    // The address answers the feed that `clash export` writes.
    const feed = await (await fetch(address)).text();
    const year = new Date().getUTCFullYear();
    const exported = execFileSync(bin, [
      'export', '--from', String(year - 1), '--to', String(year + 1), '--tradition', 'muslim', '--min-impact', 'high',
    ], { encoding: 'utf8' });
    assert.equal(feed, exported);
    const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent');
    const listed = cli(['list', '--from', String(year - 1), '--to', String(year + 1), '--tradition', 'muslim', '--min-impact', 'high']);
    assert.equal(events.length, listed.occurrences.length);
    await page.context().close();
  });

  test(`browse the observances to one, and an unknown one (${mode})`, async () => {
    const page = await open({ js });
    await page.goto(`${base}/observances?tradition=hindu`);
    await Promise.all([page.waitForURL(/\/observances\/diwali/), page.getByRole('link', { name: 'Diwali', exact: true }).click()]);
    assert.equal(await page.locator('h1').textContent(), 'Diwali');
    const want = cli(['show', 'diwali', '--location', 'leicester']);
    const text = await page.locator('main').textContent();
    assert.ok(text.includes(want.observance.advice), 'the advice');
    const dates = await page.$$eval('main ul li', (l) => l.map((li) => li.textContent));
    assert.deepEqual(dates.map((d) => d.slice(4, 14)), want.occurrences.map((o) => o.start));
    // A source's web address is a link.
    await page.goto(`${base}/observances/spring-bank-holiday`);
    assert.equal(await page.locator('dd a[href="https://www.gov.uk/bank-holidays"]').count(), 1);
    const missing = await page.goto(`${base}/observances/no-such-day`);
    assert.equal(missing.status(), 404);
    assert.equal(await page.locator('h1').textContent(), 'Page not found');
    await page.context().close();
  });
}

for (const js of [true, false]) {
  const mode = js ? 'JavaScript on' : 'JavaScript off';

  test(`upload a calendar and read the report (${mode})`, async () => {
    const page = await open({ js });
    // Real exports from the corpus (tests/ics/corpus), each checked over
    // the window its events fall in.
    const files = [
      ['recurring-ical-events__each_week_but_two_deleted.ics', '2019-01-01', '2019-04-30'],
      ['khal__cal_lots_of_timezones.ics', '2014-01-01', '2014-12-31'],
      ['icalendar-rb__two_date_time_events.ics', '2012-01-01', '2012-12-31'],
    ];
    for (const [file, from, to] of files) {
      const path = join(root, 'tests', 'ics', 'corpus', 'valid', file);
      await page.goto(`${base}/`);
      await Promise.all([page.waitForURL(/\/import$/), page.getByRole('link', { name: 'Check a calendar', exact: true }).click()]);
      await page.getByLabel('Calendar file (.ics)').setInputFiles(path);
      const [fy, fm, fd] = from.split('-');
      const [ty, tm, td] = to.split('-');
      const group = (legend) => page.getByRole('group', { name: legend });
      await group('From').getByLabel('Day').fill(fd);
      await group('From').getByLabel('Month').fill(fm);
      await group('From').getByLabel('Year').fill(fy);
      await group('To').getByLabel('Day').fill(td);
      await group('To').getByLabel('Month').fill(tm);
      await group('To').getByLabel('Year').fill(ty);
      await posted(page, () => page.getByRole('button', { name: 'Check the calendar' }).click());
      const want = cli(['import', path, '--from', from, '--to', to, '--location', 'leicester']);
      const clashing = want.events.filter((e) => e.clashes.length > 0).length;
      const h1 = await page.locator('h1').textContent();
      assert.equal(h1, clashing === 0 ? 'No clashes in the calendar' : clashing === 1 ? '1 meeting clashes' : `${clashing} meetings clash`, file);
      const head = await page.locator('main > p').first().textContent();
      assert.ok(head.startsWith(`${file}: ${want.events.length} occurrence`), `${file}: ${head}`);
      const shown = await page.$$eval('section.clash dt', (l) => l.length);
      assert.equal(shown, clashing, file);
    }
    await page.context().close();
  });
}

/** Presses Tab until the focused element matches `test` (in the page). */
async function tabTo(page, test, arg, most = 80) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test, arg)) return;
  }
  assert.fail(`not reached by Tab: ${test} ${arg ?? ''}`);
}
const byId = (id) => document.activeElement?.id === id;
const byText = (text) => document.activeElement?.textContent?.trim() === text;
const byButton = (text) =>
  document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.trim() === text;

test('suggest, a month, a feed, an observance and a calendar, by keyboard alone', async () => {
  const page = await open();
  // Suggest: the form comes filled in; Tab to its button, Enter.
  await page.goto(`${base}/suggest`);
  await tabTo(page, byButton, 'Suggest dates');
  await Promise.all([page.waitForURL(/\/suggest\?/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').textContent(), 'Best dates for the meeting');
  // A month, one tradition ticked with Space.
  await page.goto(`${base}/calendar`);
  await tabTo(page, byId, 'month');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2026-11');
  await tabTo(page, byId, 'tradition-hindu');
  await page.keyboard.press('Space');
  await tabTo(page, byButton, 'Show the month');
  await Promise.all([page.waitForURL(/month=2026-11/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').textContent(), 'November 2026');
  assert.match(page.url(), /tradition=hindu/);
  // A feed: a tradition, the impact chosen with the arrow keys.
  await page.goto(`${base}/subscribe`);
  await tabTo(page, byId, 'tradition-muslim');
  await page.keyboard.press('Space');
  await tabTo(page, byId, 'min-impact');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, byButton, 'Make the feed address');
  await Promise.all([page.waitForURL(/\/subscribe\?/), page.keyboard.press('Enter')]);
  assert.match(await page.getByLabel('Feed address').inputValue(), /tradition=muslim&min-impact=high(&|$)/);
  // An observance: its link, Enter.
  await page.goto(`${base}/observances?tradition=hindu`);
  await tabTo(page, byText, 'Diwali');
  await Promise.all([page.waitForURL(/\/observances\/diwali/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').textContent(), 'Diwali');
  // A calendar: the file chooser opened with Space, the form sent with Enter.
  await page.goto(`${base}/import`);
  await tabTo(page, byId, 'file');
  // Space on the focused file field opens the chooser (again if a busy
  // machine dropped the first).
  let chooser;
  for (let tries = 0; !chooser && tries < 3; tries++) {
    const opened = page.waitForEvent('filechooser', { timeout: 10_000 }).catch(() => undefined);
    await page.keyboard.press('Space');
    chooser = await opened;
  }
  assert.ok(chooser, 'the file chooser opens by keyboard');
  await chooser.setFiles(join(root, 'tests', 'ics', 'corpus', 'valid', 'icalendar-rb__two_date_time_events.ics'));
  await tabTo(page, byButton, 'Check the calendar');
  await posted(page, () => page.keyboard.press('Enter'));
  assert.match(await page.locator('main > p').first().textContent(), /^icalendar-rb__two_date_time_events\.ics: /);
  // No file: the error summary, focused, passes axe.
  await page.goto(`${base}/import`);
  await tabTo(page, byButton, 'Check the calendar');
  await posted(page, () => page.keyboard.press('Enter'));
  assert.match(await page.title(), /^Error: /);
  assert.match(await page.evaluate(() => document.activeElement?.className ?? ''), /error-summary/);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('check a date by keyboard alone', async () => {
  const page = await open();
  await page.goto(`${base}/`);
  // The first Tab reaches the skip link, which leads to the content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
  let steps = 0;
  while ((await page.evaluate(() => document.activeElement?.id)) !== 'date-day') {
    await page.keyboard.press('Tab');
    assert.ok(++steps < 10, 'the day field is reached by Tab');
  }
  await page.keyboard.type('25');
  await page.keyboard.press('Tab');
  await page.keyboard.type('12');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2026');
  await Promise.all([page.waitForURL(/\/check\?/), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('h1').textContent(), 'Avoid this date');
  const want = cli(['check', '2026-12-25', '--location', 'leicester']);
  assert.deepEqual(await shownClashes(page), want.clashes.map((c) => ({ id: c.id, impact: c.clash_impact })));
  // A visible focus: the focused link's background changes.
  await page.keyboard.press('Tab');
  const style = await page.evaluate(() => getComputedStyle(document.activeElement).backgroundColor);
  assert.equal(style, 'rgb(255, 221, 0)');
  await page.context().close();
});

test('the clashes shown on /check are those of clash check --format json', async () => {
  const page = await open({ js: false });
  // Dates across the year and the traditions, each with its own answer.
  const dates = [
    '2026-01-01', '2026-02-17', '2026-03-20', '2026-04-03', '2026-04-14', '2026-05-25',
    '2026-09-12', '2026-09-21', '2026-10-20', '2026-11-08', '2026-11-24', '2026-12-25',
    '2027-01-14', '2027-03-10', '2027-05-16', '2027-08-30', '2027-10-11', '2027-10-29',
    '2026-07-15', '2026-06-21',
  ];
  for (const date of dates) {
    await page.goto(`${base}/check?date=${date}&location=leicester`);
    const want = cli(['check', date, '--location', 'leicester']);
    assert.deepEqual(
      await shownClashes(page),
      want.clashes.map((c) => ({ id: c.id, impact: c.clash_impact })),
      date,
    );
    const also = await page.$$eval('ul.also li', (l) => l.length);
    assert.equal(also, want.also.length, `${date}: also on this day`);
  }
  await page.context().close();
});

test('every page passes axe-core (WCAG 2.2 AA) at desktop and 320 px wide', async () => {
  const pages = [
    '/',
    '/check?date=2026-12-25&location=leicester',
    '/check?date=2027-03-10&time=18:00&duration=2h&with-food=yes&location=leicester',
    '/check?date=2026-07-15&location=leicester',
    '/check?day=30&month=2&year=2027',
    '/check?day=&month=&year=',
    '/suggest',
    '/suggest?from=2026-12-14&to=2027-01-12&time=18:00&duration=2h&location=leicester',
    '/suggest?from-day=1&from-month=2&from-year=2027&to-day=1&to-month=1&to-year=2027',
    '/calendar',
    '/calendar?month=2026-11&tradition=hindu',
    '/calendar?month=2026-13',
    '/subscribe',
    '/subscribe?tradition=muslim&min-impact=high',
    '/subscribe?tradition=nope',
    '/observances',
    '/observances/diwali',
    '/observances/no-such-day',
    '/import',
    '/no-such-page',
  ];
  const failures = [];
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    for (const path of pages) {
      const page = await open({ viewport });
      await page.goto(`${base}${path}`);
      for (const v of await axeViolations(page)) failures.push(`${name} ${path}: ${v}`);
      // Nothing wider than the viewport (WCAG 1.4.10 reflow at 320 px).
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > viewport.width) failures.push(`${name} ${path}: ${wide} px wide`);
      await page.context().close();
    }
  }
  // The static subscribe page of `clash publish`, opened as a file.
  const site = join(mkdtempSync(join(tmpdir(), 'clash-site-')), 'site');
  execFileSync(bin, ['publish', site, '--base-url', 'https://clash.example.org']);
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const page = await open({ viewport });
    await page.goto(`file://${site}/index.html`);
    assert.equal(await page.locator('h1').textContent(), 'Subscribe to the calendar');
    for (const v of await axeViolations(page)) failures.push(`${name} published index.html: ${v}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > viewport.width) failures.push(`${name} published index.html: ${wide} px wide`);
    await page.context().close();
  }
  rmSync(dirname(site), { recursive: true, force: true });
  assert.deepEqual(failures, []);
});

test('the pages are light and make no request elsewhere', async () => {
  const page = await open();
  const paths = [
    '/', '/check?date=2026-12-25', '/suggest', '/suggest?from=2027-01-01&to=2027-03-31', '/calendar?month=2026-11',
    '/subscribe', '/observances/diwali', '/no-such-page',
  ];
  for (const path of paths) {
    const response = await page.goto(`${base}${path}`);
    const body = await response.body();
    assert.ok(body.length < 50_000, `${path}: ${body.length} bytes`);
  }
  // The whole catalogue, the one long page.
  const all = await (await page.goto(`${base}/observances`)).body();
  assert.ok(all.length < 150_000, `/observances: ${all.length} bytes`);
  assert.deepEqual(page.outside, []);
  await page.context().close();
});

test('screenshots of the main pages', { skip: !process.env.SCREENSHOTS }, async () => {
  const dir = resolve(process.env.SCREENSHOTS);
  mkdirSync(dir, { recursive: true });
  const shots = [
    ['check-a-date', '/'],
    ['verdict', '/check?date=2027-03-10&time=18:00&duration=2h&with-food=yes&location=leicester'],
    ['error-summary', '/check?day=30&month=2&year=2027&time=09:30'],
    ['suggest', '/suggest?from=2026-12-14&to=2027-01-12&time=18:00&duration=2h&location=leicester'],
    ['calendar', '/calendar?month=2026-11&tradition=hindu,muslim,sikh'],
    ['subscribe', '/subscribe?tradition=hindu&min-impact=high'],
    ['observance', '/observances/diwali'],
    ['import', '/import'],
  ];
  for (const [name, path] of shots) {
    const sizes = [['desktop', { width: 1024, height: 768 }]];
    if (name === 'verdict') sizes.push(['narrow', VIEWPORTS.narrow]);
    for (const [size, viewport] of sizes) {
      const page = await open({ viewport });
      await page.goto(`${base}${path}`);
      await page.screenshot({ path: join(dir, `${name}-${size}.png`), fullPage: true });
      await page.context().close();
    }
  }
});
