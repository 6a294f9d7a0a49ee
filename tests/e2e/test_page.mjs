// The web page of `crosscheck serve` in headless Chromium, against a real server (tests/e2e/run.sh
// starts it on a store made from examples/ and sets E2E_BASE, E2E_TOKEN, E2E_SHOTS).
//
// The expected values come from the JSON API of the same server, never from hard-coded ids, so
// each check compares what the page shows with what the API says.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import path from 'node:path';

const BASE = process.env.E2E_BASE;
const TOKEN = process.env.E2E_TOKEN;
const SHOTS = process.env.E2E_SHOTS || 'build/e2e';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
if (!BASE || !TOKEN) {
  console.error('test_page.mjs: set E2E_BASE and E2E_TOKEN (tests/e2e/run.sh does)');
  process.exit(2);
}

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const TIMEOUT = 5000;

let passed = 0;
let failed = 0;
async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e && e.stack || e).split('\n').slice(0, 8).join('\n     ')}`);
  }
}

async function api(p) {
  const r = await fetch(BASE + p, { headers: { Accept: 'application/json' } });
  assert.equal(r.status, 200, `GET ${p}: HTTP ${r.status}`);
  return r.json();
}

const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, name) });

// Everything the page reports that should not happen: console errors (CSP violations are logged
// there too), uncaught exceptions, dialogs, failed requests, and CSP violation events, which an
// init script (not subject to the CSP) collects in window.__csp.
const problems = [];
function watch(page, label) {
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`${label} console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${label} page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`${label} dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  page.on('requestfailed', (r) => problems.push(`${label} request failed: ${r.url()} ${r.failure() && r.failure().errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${label} HTTP ${r.status()}: ${r.url()}`); });
}
const INIT = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample || ''}`);
  });
};
async function newPage(browser, viewport, label, extra) {
  // reduced motion: no smooth scrolling, so scrolls and screenshots are immediate and repeatable
  const ctx = await browser.newContext({ viewport, reducedMotion: 'reduce', ...extra });
  await ctx.addInitScript(INIT);
  const page = await ctx.newPage();
  page.setDefaultTimeout(TIMEOUT);
  watch(page, label);
  return page;
}

// Open a route and wait for its content: a change of the hash alone does not reload the page, so
// wait for an element of that page (testid) and for the status line ("Loading …") to be empty.
async function go(page, hash, testid) {
  await page.goto(BASE + '/' + hash);
  await page.getByTestId(testid).first().waitFor();
  await page.waitForFunction(() => document.getElementById('status').textContent === '');
}

// The text a sighted reader sees in an element: screen-reader-only spans and popovers left out.
const visibleText = (locator) => locator.evaluate((node) => {
  const c = node.cloneNode(true);
  c.querySelectorAll('.sr-only, .popover').forEach((x) => x.remove());
  return c.textContent.replace(/\s+/g, ' ');
});

const noHorizontalOverflow = (page) => page.evaluate(() => {
  const de = document.documentElement;
  const wide = [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > de.clientWidth + 1 && !e.closest('.table-scroll, .sr-only'))
    .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
  return { scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, innerWidth: window.innerWidth, wide };
});

const t0 = Date.now();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
const page = await newPage(browser, DESKTOP, 'desktop');
const tid = (id) => page.getByTestId(id);

// ---- the facts the checks compare against, from the API
const all = await api('/api/stories?limit=200');
const conflicted = all.stories.filter((s) => s.conflicts > 0).sort((a, b) => b.conflicts - a.conflicts);
assert.ok(all.total >= 5, `the examples make several stories (got ${all.total})`);
assert.ok(conflicted.length > 0, 'some story of the examples has conflicting figures');
const story = await api('/api/stories/' + conflicted[0].id);
const cited = story.brief.sentences.filter((s) => s.sources.length > 0);

await check('GET / sends the Content-Security-Policy and the other security headers', async () => {
  const r = await page.goto(BASE + '/');
  assert.equal(r.status(), 200);
  const h = r.headers();
  const csp = h['content-security-policy'] || '';
  assert.match(csp, /default-src 'none'/, csp);
  assert.match(csp, /script-src 'self'(;|$)/, csp);
  assert.match(csp, /style-src 'self'(;|$)/, csp);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, csp);
  assert.match(csp, /frame-ancestors 'none'/, csp);
  assert.equal(h['x-content-type-options'], 'nosniff');
  assert.match(h['content-type'], /^text\/html/);
  for (const asset of ['/app.js', '/style.css']) {
    const a = await fetch(BASE + asset);
    assert.equal(a.status, 200, asset);
    assert.match(a.headers.get('content-security-policy') || '', /script-src 'self'/, asset);
  }
});

await check('the list shows the stories of /api/stories, newest first', async () => {
  await go(page, '#/', 'story-item');
  assert.equal(await tid('story-list').count(), 1);
  const first = await api('/api/stories');
  assert.equal(await tid('story-item').count(), first.stories.length);
  const titles = await tid('story-item').locator('h2').allTextContents();
  assert.deepEqual(titles, first.stories.map((s) => s.title));
  const hrefs = await tid('story-item').locator('h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, first.stories.map((s) => '#/story/' + s.id));
  // main's own top padding is not lost to .wrap's (the heading does not touch the header)
  const gap = await page.evaluate(() => document.querySelector('main h1').getBoundingClientRect().top -
    document.querySelector('.site-header').getBoundingClientRect().bottom);
  assert.ok(gap >= 12, `space between the header and the heading: ${gap}px`);
  const summary = await page.locator('.list-summary').textContent();
  assert.ok(summary.includes(`of ${all.total} stories`), summary);
});

await check('conflict markers: on each story with conflicting figures and no other', async () => {
  const first = await api('/api/stories');
  for (const s of first.stories) {
    const row = tid('story-item').filter({ has: page.locator(`h2 a[href="#/story/${s.id}"]`) });
    assert.equal(await row.count(), 1, `row of story ${s.id}`);
    const marker = row.getByTestId('conflict-marker');
    if (s.conflicts > 0) {
      assert.equal(await marker.count(), 1, `story ${s.id} (${s.conflicts} conflicts) has a marker`);
      assert.ok(await marker.isVisible());
      const text = await marker.textContent();
      assert.ok(text.includes(`${s.conflicts} conflicting figure`), text);
    } else {
      assert.equal(await marker.count(), 0, `story ${s.id} has no conflicts and no marker`);
    }
    assert.equal(await row.getByTestId('update-marker').count(), s.updates > 0 ? 1 : 0, `update marker of story ${s.id}`);
  }
  assert.ok(await tid('conflict-marker').count() >= 1);
});

await check('the Biggest tab orders the list as /api/stories?sort=size', async () => {
  const want = await api('/api/stories?sort=size');
  await page.getByRole('link', { name: 'Biggest' }).click();
  await page.waitForFunction(() => location.hash === '#/?sort=size');
  await page.waitForFunction((first) => {
    const a = document.querySelector('[data-testid=story-item] h2 a');
    return a && a.getAttribute('href') === first && document.getElementById('status').textContent === '';
  }, '#/story/' + want.stories[0].id);
  const hrefs = await tid('story-item').locator('h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, want.stories.map((s) => '#/story/' + s.id));
  assert.equal(await page.getByRole('link', { name: 'Biggest' }).getAttribute('aria-current'), 'page');
  assert.ok(await tid('conflict-marker').first().isVisible(), 'the biggest stories show their conflicts');
  await page.mouse.move(DESKTOP.width - 2, DESKTOP.height - 2); // no hover state in the picture
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await shot(page, 'list.png');
  await page.getByRole('link', { name: 'Newest' }).click();
  await page.waitForFunction(() => location.hash === '#/');
});

await check('open the conflicted story: title, brief, facts with conflict rows', async () => {
  const row = tid('story-item').filter({ has: page.locator(`h2 a[href="#/story/${story.id}"]`) });
  await row.locator('h2 a').click();
  await page.waitForFunction((id) => location.hash === '#/story/' + id, story.id);
  await tid('story-title').waitFor();
  assert.equal(await tid('story-title').textContent(), story.title);
  assert.equal(await page.title(), story.title + ' — crosscheck');

  const brief = await visibleText(tid('brief'));
  assert.ok(story.brief.sentences.length > 0, 'the API gives a brief');
  for (const s of story.brief.sentences) assert.ok(brief.includes(s.text.replace(/\s+/g, ' ')), `brief lacks: ${s.text}`);
  assert.equal(await tid('citation').count(), cited.length, 'one citation per cited sentence');

  assert.equal(await tid('facts-table').count(), 1);
  const conflicts = story.facts.filter((f) => f.verdict === 'conflict');
  assert.equal(conflicts.length, conflicted[0].conflicts, 'the list and the story agree on the conflicts');
  assert.equal(await tid('fact-conflict').count(), conflicts.length);
  assert.ok(await tid('fact-conflict').first().isVisible());
  // each conflict row shows the words each outlet used for each of its values
  for (let i = 0; i < conflicts.length; i++) {
    const rowText = await tid('fact-conflict').nth(i).textContent();
    assert.ok(rowText.includes('Conflict'), rowText);
    for (const v of conflicts[i].values) {
      for (const r of v.reports) {
        assert.ok(rowText.includes(r.source), `conflict row ${i} lacks ${r.source}`);
        if (r.text) assert.ok(rowText.includes(r.text), `conflict row ${i} lacks “${r.text}”`);
      }
    }
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'story.png');
});

// What the popover of a brief sentence must show: each source's outlet, and its words when the API
// gives them.
async function expectPopover(sentence) {
  const pop = tid('citation-source');
  await pop.waitFor();
  assert.equal(await pop.count(), 1);
  const text = await pop.textContent();
  for (const src of sentence.sources) {
    assert.ok(text.includes(src.source), `popover lacks the outlet ${src.source}: ${text}`);
    if (src.text) assert.ok(text.includes(src.text), `popover lacks ${src.source}'s words “${src.text}”: ${text}`);
  }
  return pop;
}

await check('a citation opens with a click: outlets and their sentences; Escape closes it', async () => {
  const sentence = cited[0];
  assert.ok(sentence.sources[0].text, 'the first source of an extract carries the text');
  const button = tid('citation').first();
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await button.click();
  const pop = await expectPopover(sentence);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await button.getAttribute('aria-controls'), await pop.getAttribute('id'));
  await page.waitForTimeout(400); // past the hover-close delay: a click pins it
  assert.equal(await pop.count(), 1, 'still open');
  assert.ok(await pop.isVisible());
  // the brief at the top of the picture, the whole popover in it
  const scrolled = await pop.evaluate((n) => {
    window.scrollBy(0, document.getElementById('sec-brief').getBoundingClientRect().top - 16);
    return n.getBoundingClientRect();
  });
  assert.ok(scrolled.top >= 0 && scrolled.bottom <= DESKTOP.height, `popover in view: ${JSON.stringify(scrolled)}`);
  await shot(page, 'citation.png');
  await page.keyboard.press('Escape');
  assert.equal(await tid('citation-source').count(), 0, 'Escape closes the popover');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
});

await check('a citation opens with Enter on the focused button', async () => {
  const i = cited.length > 1 ? 1 : 0;
  const button = tid('citation').nth(i);
  await button.focus();
  assert.equal(await button.evaluate((b) => b === document.activeElement), true);
  await page.keyboard.press('Enter');
  await expectPopover(cited[i]);
  await page.keyboard.press('Escape');
  assert.equal(await tid('citation-source').count(), 0);
  assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'focus goes back to the citation');
});

await check('a conflict citation shows each figure in its sentence, from the article', async () => {
  const i = cited.findIndex((s) => s.kind === 'conflict');
  assert.ok(i >= 0, 'the brief of a conflicted story has a conflict sentence');
  const sentence = cited[i];
  const spans = sentence.sources.filter((src) => src.end > src.start);
  assert.ok(spans.length >= 2, 'a conflict cites at least two figures');
  const button = tid('citation').nth(i);
  await button.click();
  const pop = await expectPopover(sentence);
  // the sentence around each figure comes from the article, the figure marked
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=citation-source] .pop-text mark').length === n, spans.length);
  const items = await pop.locator('.pop-item').evaluateAll((els) => els.map((e) => ({
    outlet: e.querySelector('.pop-outlet strong').textContent,
    mark: e.querySelector('.pop-text mark') && e.querySelector('.pop-text mark').textContent,
    quote: e.querySelector('.pop-text q') && e.querySelector('.pop-text q').textContent })));
  assert.equal(items.length, sentence.sources.length);
  for (let k = 0; k < items.length; k++) {
    const src = sentence.sources[k];
    assert.equal(items[k].outlet, src.source);
    if (!(src.end > src.start)) continue;
    const a = await api('/api/articles/' + encodeURIComponent(src.article));
    const bytes = Buffer.from(a.text, 'utf8');
    assert.equal(items[k].mark, bytes.subarray(src.start, src.end).toString('utf8'), `${src.source}: the marked figure`);
    assert.equal(items[k].mark, src.text);
    const context = items[k].quote.replace(/^…|…$/g, '');
    assert.ok(context.length > src.text.length, `${src.source}: the sentence around the figure`);
    assert.ok(a.text.includes(context), `${src.source}: “${context}” is not in the article`);
  }
  await page.mouse.click(5, 300);
  assert.equal(await tid('citation-source').count(), 0, 'a click elsewhere closes the popover');
});

await check('the link in a citation leads to the article, its text highlighted', async () => {
  const src = cited[0].sources[0];
  await tid('citation').first().click();
  const pop = await expectPopover(cited[0]);
  await pop.getByRole('link', { name: 'Open the article' }).first().click();
  await page.waitForFunction((id) => location.hash === '#/article/' + encodeURIComponent(id), src.article);
  await tid('article-text').waitFor();
  const a = await api('/api/articles/' + encodeURIComponent(src.article));
  assert.equal(await page.locator('h1').textContent(), a.title);
  assert.equal(await tid('article-text').textContent(), a.text, 'the article text, whole and unchanged');
  // the cited sentence is at its byte offsets in the text
  const bytes = Buffer.from(a.text, 'utf8');
  assert.equal(bytes.subarray(src.start, src.end).toString('utf8'), src.text);
  const marks = await tid('article-text').evaluate((box) => {
    const of = (k) => [...box.querySelectorAll('.hl-' + k)].map((e) => e.textContent);
    return { mention: of('mention'), number: of('number'), quote: of('quote'), date: of('date') };
  });
  const legend = await page.locator('.legend').textContent();
  const dropped = Number((/(\d+) overlapping or out-of-range mark/.exec(legend) || [0, 0])[1]);
  const apiCount = a.mentions.length + a.numbers.length + a.quotes.length + a.dates.length;
  const shown = marks.mention.length + marks.number.length + marks.quote.length + marks.date.length;
  assert.ok(a.mentions.length > 0 && marks.mention.length > 0, 'names are highlighted');
  assert.equal(shown + dropped, apiCount, `marks shown ${shown} + left out ${dropped} = annotations ${apiCount}`);
  // every mark covers exactly the bytes the API gives
  const slice = (x) => bytes.subarray(x.start, x.end).toString('utf8');
  for (const [k, list] of [['mention', a.mentions], ['number', a.numbers], ['date', a.dates]]) {
    for (const t of marks[k]) assert.ok(list.some((x) => slice(x) === t), `a ${k} mark “${t}” matches no ${k} of the API`);
  }
  for (const m of a.mentions) assert.equal(slice(m), m.text, 'mention offsets');
  assert.ok(await page.locator('.hl-mention').first().isVisible());
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'article.png');
});

await check('an entity chip opens the entity page', async () => {
  await go(page, '#/story/' + story.id, 'story-title');
  const chip = tid('entity-chip').first();
  await chip.waitFor();
  // chips are grouped by type (people, organisations, places, others),
  // each group in the API's order: the first chip is the first entity of
  // the first type the story has
  const typeOrder = ['PER', 'ORG', 'LOC', 'MISC'];
  const firstType = typeOrder.find((t) => story.entities.some((e) => (typeOrder.includes(e.type) ? e.type : 'MISC') === t));
  const ent = story.entities.find((e) => (typeOrder.includes(e.type) ? e.type : 'MISC') === firstType);
  assert.equal(await chip.getAttribute('href'), '#/entity/' + ent.id);
  assert.ok((await chip.textContent()).startsWith(ent.name));
  assert.equal(await tid('entity-chip').count(), story.entities.length);
  await chip.click();
  await page.waitForFunction((id) => location.hash === '#/entity/' + id, ent.id);
  await page.locator('h1').filter({ hasText: ent.name }).waitFor();
  const e = await api('/api/entities/' + ent.id);
  assert.equal(await page.locator('h1').textContent(), e.name);
  assert.ok(e.stories.some((s) => s.id === story.id), 'the API lists the story under its entity');
  for (const s of e.stories) {
    assert.equal(await page.locator(`.entity-page a[href="#/story/${s.id}"]`).count(), 1, `link to story ${s.id}`);
  }
  await page.locator(`.entity-page a[href="#/story/${story.id}"]`).click();
  await tid('story-title').waitFor();
  assert.equal(await tid('story-title').textContent(), story.title);
});

await check('the search box narrows the list as /api/stories?q= does', async () => {
  await go(page, '#/', 'story-item');
  const word = 'ferry';
  const want = await api('/api/stories?q=' + word);
  const hits = await api('/api/search?limit=10&q=' + word);
  assert.ok(want.total > 0 && want.total < all.total, `“${word}” matches some stories, not all (${want.total} of ${all.total})`);
  await tid('search-box').fill(word);
  await tid('search-box').press('Enter');
  await page.waitForFunction((w) => location.hash === '#/?q=' + w, word);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=story-item]').length === n &&
    document.getElementById('status').textContent === '', want.stories.length);
  const hrefs = await tid('story-item').locator('h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs, want.stories.map((s) => '#/story/' + s.id));
  assert.equal(await page.locator('.search-hits .hit').count(), hits.hits.length);
  assert.ok(await page.locator('.search-hits mark').count() > 0, 'the matched words are marked');
  assert.equal(await tid('search-box').inputValue(), word);
  // clearing the search brings every story back
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=story-item]').length === n,
    Math.min(all.total, 20));
});

await check('phone (375×812): no sideways scrolling on the list, story and article pages', async () => {
  const phone = await newPage(browser, PHONE, 'phone', { isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  const pages = [['#/', 'story-item'], ['#/story/' + story.id, 'story-title'],
    ['#/article/' + encodeURIComponent(cited[0].sources[0].article), 'article-text']];
  for (const [hash, testid] of pages) {
    await go(phone, hash, testid);
    const o = await noHorizontalOverflow(phone);
    assert.equal(o.innerWidth, PHONE.width, 'the viewport is the phone width');
    assert.ok(o.scrollWidth <= o.clientWidth, `${hash}: page ${o.scrollWidth}px wide in ${o.clientWidth}px (${o.wide.join(', ')})`);
    assert.deepEqual(o.wide, [], `${hash}: elements wider than the screen`);
    if (testid === 'story-title') await shot(phone, 'story-phone.png');
  }
  await phone.context().close();
});

await check('no console error, page error, failed request or CSP violation so far', async () => {
  const csp = await page.evaluate(() => window.__csp);
  assert.deepEqual(csp, []);
  assert.deepEqual(problems, []);
});

// ---- hostile data: markup in an article's title, text and outlet must stay text
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=1</script>';
const evil = {
  id: 'e2e-xss-' + Date.now(),
  title: `Harbour fire ${XSS_IMG} closes the quay ${XSS_SCRIPT}`,
  text: `Firefighters said on Saturday that ${XSS_IMG} a fire at the Port Aldwick quay ` +
    `${XSS_SCRIPT} destroyed 3 warehouses. "We had it under control by noon," the fire chief said.`,
  source: `The Mischief ${XSS_IMG} Gazette`,
  url: 'javascript:window.__xss=1',
  published: '2026-02-21T09:00:00Z',
};

await check('POST /api/articles needs the token, and takes hostile markup as data', async () => {
  const post = (headers) => fetch(BASE + '/api/articles', {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(evil) });
  assert.equal((await post({})).status, 401, 'no token');
  assert.equal((await post({ Authorization: 'Bearer wrong-' + TOKEN })).status, 401, 'wrong token');
  const r = await post({ Authorization: 'Bearer ' + TOKEN });
  assert.equal(r.status, 200);
  const body = await r.json();
  assert.equal(body.added, 1, JSON.stringify(body));
  assert.deepEqual(body.items.map((i) => [i.id, i.outcome]), [[evil.id, 'added']]);
  const a = await api('/api/articles/' + evil.id);
  assert.equal(a.title, evil.title);
  assert.equal(a.text, evil.text);
  assert.ok(Number.isInteger(a.story), 'the article joined a story');
  evil.story = a.story;
});

async function expectInert(p, where) {
  assert.equal(await p.evaluate(() => typeof window.__xss), 'undefined', `${where}: the payload ran`);
  await p.waitForTimeout(100); // a violation event is queued as a task
  assert.deepEqual(await p.evaluate(() => window.__csp), [], `${where}: CSP violations`);
  assert.equal(await p.locator('img').count(), 0, `${where}: an <img> was made from the data`);
  assert.equal(await p.locator('img[src=x]').count(), 0);
  assert.equal(await p.locator('body script, [onerror]').count(), 0, `${where}: a <script> or handler was made from the data`);
  assert.equal(await p.locator('a[href^="javascript"]').count(), 0, `${where}: a javascript: link`);
}

await check('hostile markup shows as text on the list, story and article pages; nothing runs', async () => {
  assert.ok(evil.story, 'the POST check gave the story');
  const p = await newPage(browser, DESKTOP, 'hostile');
  await go(p, '#/', 'story-item');
  const row = p.getByTestId('story-item').filter({ has: p.locator(`h2 a[href="#/story/${evil.story}"]`) });
  await row.waitFor();
  await expectInert(p, 'list');
  assert.equal(await row.locator('h2').textContent(), evil.title);
  await expectInert(p, 'list');

  await go(p, '#/story/' + evil.story, 'story-title');
  await expectInert(p, 'story');
  assert.equal(await p.getByTestId('story-title').textContent(), evil.title);
  assert.ok((await p.getByTestId('outlets').textContent()).includes(evil.source), 'the outlet name as text');
  assert.ok((await visibleText(p.getByTestId('brief'))).includes(XSS_IMG), 'the brief shows the markup as text');
  await p.getByTestId('citation').first().click();
  assert.ok((await p.getByTestId('citation-source').textContent()).includes(evil.source));
  await p.keyboard.press('Escape');
  await expectInert(p, 'story');

  await go(p, '#/article/' + evil.id, 'article-text');
  await expectInert(p, 'article');
  assert.equal(await p.locator('h1').textContent(), evil.title);
  assert.equal(await p.getByTestId('article-text').textContent(), evil.text);
  assert.ok((await p.locator('.article-page .meta').textContent()).includes(evil.source));
  assert.equal(await p.locator('a.external').count(), 0, 'the javascript: URL is not a link');
  await expectInert(p, 'article');
  await p.waitForTimeout(200); // let a late onerror or script fire, if there were one
  await expectInert(p, 'article, later');
  assert.deepEqual(problems, [], 'console errors, page errors or CSP reports');
  await p.context().close();
});

await browser.close();
console.log(`e2e: ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
