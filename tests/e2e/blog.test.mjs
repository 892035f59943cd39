// End to end: the release build served on 127.0.0.1 like a static host
// (GitHub Pages semantics: a folder answers with its index.html, unknown paths
// get 404.html; every response under the strict CSP), driven in headless
// Chromium as a visitor would, at the domain root and under a subfolder.
//
// Needs DIST_ROOT (built with the default public URL) and DIST_SUB (built with
// `--public-url /blog/`). Run through scripts/test.sh.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch } from './chromium.mjs';
import { startServer } from './server.mjs';

const BUILDS = [
  { name: 'at the domain root', dist: process.env.DIST_ROOT, base: '/', port: 18431 },
  { name: 'under a subfolder', dist: process.env.DIST_SUB, base: '/blog/', port: 18432 },
];

// From ../shared/content-brief.md: posts per category.
const BRIEF_COUNTS = {
  AI: 5, Architecture: 5, 'CI/CD': 2, Database: 3, Docker: 2, ElasticSearch: 1,
  Mobile: 1, NodeJS: 1, Python: 2, React: 1, Security: 2,
};

let context;
before(async () => {
  context = await launch({ viewport: { width: 1280, height: 900 } });
});
after(async () => context && (await context.close()));

// Every page records uncaught errors and every console message (hydration
// warnings, CSP violations and failed loads all show there).
async function newPage(ctx = context) {
  const page = await ctx.newPage();
  page.errors = [];
  page.messages = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => page.messages.push(`${m.type()}: ${m.text()}`));
  return page;
}

for (const build of BUILDS) {
  describe(`the blog ${build.name}`, () => {
    assert.ok(build.dist && fs.existsSync(path.join(build.dist, 'index.html')), `no build at ${build.dist}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(build.dist, 'manifest.json'), 'utf8'));
    const origin = `http://127.0.0.1:${build.port}`;
    const url = (p = '') => `${origin}${build.base}${p}`;
    // Paths that fail with 500 the given number of times, then work.
    const failures = new Map();
    let server;
    before(async () => {
      server = await startServer(build.dist, build.port, build.base, {
        onRequest(req, res, u) {
          const left = failures.get(u.pathname);
          if (left) {
            failures.set(u.pathname, left - 1);
            res.writeHead(500, { 'content-type': 'text/plain' });
            res.end('injected failure');
            return true;
          }
          return false;
        },
      });
    });
    after(() => server && server.close());

    // Waits until the app has taken the page over (it marks <html> then).
    const hydrated = (page) => page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
    // Loads `u` and waits until the app has taken the page over.
    const gotoHydrated = async (page, u, options) => {
      const response = await page.goto(u, options);
      await hydrated(page);
      return response;
    };
    const countLine = (page) => page.getByRole('status').filter({ hasText: /posts?/ }).first();
    const cards = (page) => page.locator('main article');

    test('the listing shows every post, newest first, with its count', async () => {
      const page = await newPage();
      await page.goto(url());
      await assert.doesNotReject(countLine(page).filter({ hasText: '25 posts so far.' }).waitFor());
      assert.equal(await cards(page).count(), 25);
      const titles = await page.locator('main article h2').allInnerTexts();
      assert.deepEqual(titles, manifest.posts.map((p) => p.title));
      const first = cards(page).first();
      assert.match(await first.innerText(), /March 18, 2026/);
      assert.match(await first.innerText(), /10 min read/);
      assert.equal(await page.title(), 'Fault Lines');
      assert.deepEqual(page.errors, []);
      assert.deepEqual(page.messages, []);
      await page.close();
    });

    test('category choices show their counts; filtering and back to All', async () => {
      const page = await newPage();
      await page.goto(url());
      await countLine(page).filter({ hasText: '25 posts so far.' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Categories' });
      for (const [name, count] of Object.entries(BRIEF_COUNTS)) {
        const link = nav.getByRole('link', { name: `${name} ${count}`, exact: true });
        assert.equal(await link.count(), 1, `${name} ${count}`);
      }
      await nav.getByRole('link', { name: 'Database 3', exact: true }).click();
      await countLine(page).filter({ hasText: '3 of 25 posts in Database.' }).waitFor();
      assert.equal(new URL(page.url()).pathname, `${build.base}category/database/`);
      assert.equal(await cards(page).count(), 3);
      assert.equal(await nav.getByRole('link', { name: 'Database 3' }).getAttribute('aria-current'), 'page');
      assert.equal(await nav.getByRole('link', { name: 'All 25' }).getAttribute('aria-current'), null);
      assert.equal(await page.title(), 'Database · Fault Lines');
      await nav.getByRole('link', { name: 'All 25' }).click();
      await countLine(page).filter({ hasText: '25 posts so far.' }).waitFor();
      assert.equal(new URL(page.url()).pathname, build.base);
      await page.close();
    });

    test('search highlights matches, follows the URL and survives a reload', async () => {
      const page = await newPage();
      // Typing starts at once, while the app is still loading: nothing typed is lost.
      await page.goto(url(), { waitUntil: 'commit' });
      const box = page.getByRole('searchbox', { name: 'Search posts' });
      await box.pressSequentially('visibility timeout', { delay: 15 });
      await countLine(page).filter({ hasText: 'match “visibility timeout”' }).waitFor();
      // The URL follows once typing pauses.
      await page.waitForURL((u) => u.searchParams.get('q') === 'visibility timeout');
      const marks = await page.locator('main article mark').allInnerTexts();
      assert.ok(marks.some((m) => /^visibility$/i.test(m)), marks.join('|'));
      const firstTitle = await page.locator('main article h2').first().innerText();
      assert.match(firstTitle, /Visibility Timeout/i, 'title matches rank first');
      // Typing replaced the history entry instead of pushing one per key.
      assert.ok((await page.evaluate(() => history.length)) <= 2);
      await page.reload();
      await countLine(page).filter({ hasText: 'match “visibility timeout”' }).waitFor();
      assert.equal(await box.inputValue(), 'visibility timeout');
      await page.close();
    });

    test('a category chosen right after typing keeps the search', async () => {
      const page = await newPage();
      await gotoHydrated(page, url());
      const box = page.getByRole('searchbox', { name: 'Search posts' });
      await box.fill('postgres');
      // At once, before the URL has followed the field: leaving it makes the URL follow.
      const nav = page.getByRole('navigation', { name: 'Categories' });
      await nav.getByRole('link', { name: /^Database \d+$/ }).click();
      await page.waitForURL((u) => u.pathname === `${build.base}category/database/` && u.searchParams.get('q') === 'postgres');
      await countLine(page).filter({ hasText: /in Database match(es)? “postgres”/ }).waitFor();
      assert.equal(await box.inputValue(), 'postgres');
      await page.close();
    });

    test('search covers full text, ignores case and accents, and combines with the category', async () => {
      const page = await newPage();
      await page.goto(url('?q=CHANGEMESSAGEVISIBILITY'));
      await countLine(page).filter({ hasText: '1 of 25 posts matches “CHANGEMESSAGEVISIBILITY”.' }).waitFor();
      // A body match shows the passage it is in, the word marked.
      const card = cards(page).first();
      const snippet = await card.locator('p').last().innerText();
      assert.match(snippet, /…/, snippet);
      assert.ok((await card.locator('mark').allInnerTexts()).some((m) => /^ChangeMessageVisibility$/i.test(m)));
      await page.goto(url('category/database/?q=p%C3%B3stgres'));
      await countLine(page).filter({ hasText: /of 25 posts in Database match(es)? “póstgres”/ }).waitFor();
      const n = await cards(page).count();
      assert.ok(n >= 1 && n <= 3, `${n}`);
      // The category choices count the search's results.
      const nav = page.getByRole('navigation', { name: 'Categories' });
      await nav.getByRole('link', { name: `Database ${n}`, exact: true }).waitFor();
      const all = await nav.getByRole('link', { name: /^All \d+$/ }).innerText();
      assert.ok(Number(all.match(/\d+/)[0]) >= n, all);
      await page.goto(url('?q=zzzqqq'));
      await page.getByText('No posts match “zzzqqq”.').waitFor();
      await page.getByRole('button', { name: 'Clear search' }).click();
      await countLine(page).filter({ hasText: '25 posts so far.' }).waitFor();
      await page.close();
    });

    test('a long word with one typo still finds its posts, after the exact matches', async () => {
      const page = await newPage();
      await page.goto(url('?q=visibilty'));
      await countLine(page).filter({ hasText: /^[1-9]\d* of 25 posts? match(es)? “visibilty”\.$/ }).waitFor();
      const marks = await page.locator('main article mark').allInnerTexts();
      assert.ok(marks.some((m) => /^visibility$/i.test(m)), marks.join('|'));
      await page.close();
    });

    test('the / key focuses the search box and Esc clears it', async () => {
      const page = await newPage();
      await gotoHydrated(page, url());
      await countLine(page).waitFor();
      await page.keyboard.press('/');
      const box = page.getByRole('searchbox', { name: 'Search posts' });
      assert.ok(await box.evaluate((el) => el === document.activeElement));
      await page.keyboard.type('cache');
      await countLine(page).filter({ hasText: 'match “cache”' }).waitFor();
      await page.keyboard.press('Escape');
      await countLine(page).filter({ hasText: '25 posts so far.' }).waitFor();
      assert.equal(await box.inputValue(), '');
      await page.close();
    });

    test('opening a post renders its markdown, and back and forward work', async () => {
      const page = await newPage();
      await page.goto(url());
      const post = manifest.posts.find((p) => p.slug === 'four-line-query-friday-outage');
      await page.getByRole('link', { name: post.title }).click();
      await page.getByRole('heading', { level: 1, name: post.title }).waitFor();
      assert.equal(new URL(page.url()).pathname, `${build.base}posts/${post.slug}/`);
      assert.equal(await page.title(), `${post.title} · Fault Lines`);
      const prose = page.locator('.prose');
      await prose.locator('p').first().waitFor();
      assert.ok(await prose.locator('pre[data-lang] code[class^="language-"]').count() >= 1);
      assert.ok(await prose.locator('h2[id] a[href*="#"]').count() >= 2);
      await page.getByText(`${post.reading_minutes} min read`).first().waitFor();
      // previous/next links
      const more = page.getByRole('navigation', { name: 'More posts' });
      assert.ok(await more.getByRole('link').count() >= 1);
      // a link to another post's file leads to that post, in the app
      const other = manifest.posts.find((p) => p.slug === 'friday-afternoon-deploy');
      await prose.getByRole('link', { name: 'another way that transaction can hurt' }).click();
      await page.getByRole('heading', { level: 1, name: other.title }).waitFor();
      assert.equal(new URL(page.url()).pathname, `${build.base}posts/${other.slug}/`);
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: post.title }).waitFor();
      // a heading anchor keeps the reader on the post and scrolls to the section
      await prose.locator('p').first().waitFor();
      const anchor = prose.locator('h2[id] a.heading-anchor').nth(2);
      const id = await prose.locator('h2[id]').nth(2).getAttribute('id');
      await anchor.click();
      await page.waitForFunction((want) => location.hash === `#${want}`, id);
      assert.equal(new URL(page.url()).pathname, `${build.base}posts/${post.slug}/`);
      const top = await prose.locator(`[id="${id}"]`).evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top >= -2 && top < 200, `section scrolled into view (top ${top})`);
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: post.title }).waitFor();
      // the category link filters
      await page.locator('.post-header').getByRole('link', { name: 'Database' }).click();
      await countLine(page).filter({ hasText: '3 of 25 posts in Database.' }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: post.title }).waitFor();
      await page.goBack();
      await countLine(page).filter({ hasText: '25 posts so far.' }).waitFor();
      await page.goForward();
      await page.getByRole('heading', { level: 1, name: post.title }).waitFor();
      assert.deepEqual(page.errors, []);
      assert.deepEqual(page.messages, []);
      await page.close();
    });

    test('every post and category answers 200 with its content in the HTML as served', async () => {
      const categories = [...new Set(manifest.posts.map((p) => p.category))];
      const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      const page = await newPage();
      for (const p of manifest.posts) {
        const res = await page.request.get(url(`posts/${p.slug}/`));
        assert.equal(res.status(), 200, p.slug);
        const html = await res.text();
        const decode = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
        const inner = (tag) => decode((html.match(new RegExp(`<${tag}>([^<]*)</${tag}>`)) || [])[1] || '');
        assert.equal(inner('h1'), p.title, `${p.slug}: title in the HTML`);
        assert.equal(inner('title'), `${p.title} · Fault Lines`, `${p.slug}: <title>`);
        const body = html.split('data-post-body')[1] || '';
        const text = body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
        assert.ok(text.split(' ').length > 1200, `${p.slug}: the body is in the HTML`);
        assert.match(html, /<meta property="og:type" content="article">/);
        assert.match(html, /<script type="application\/ld\+json">\{"@context":"https:\/\/schema.org","@type":"BlogPosting"/);
        assert.ok(html.includes(`<link rel="canonical" href="${build.base}posts/${p.slug}/">`), `${p.slug}: canonical`);
      }
      for (const name of categories) {
        const res = await page.request.get(url(`category/${slug(name)}/`));
        assert.equal(res.status(), 200, name);
        const html = await res.text();
        const n = manifest.posts.filter((p) => p.category === name).length;
        assert.ok(html.includes(`${n} of 25 post`), `${name}: count line in the HTML`);
        for (const p of manifest.posts.filter((p) => p.category === name)) {
          assert.ok(html.includes(`href="${build.base}posts/${p.slug}/"`), `${name} lists ${p.slug}`);
        }
      }
      await page.close();
    });

    test('the app hydrates silently under the CSP, keeps scroll and focus, and navigates without a page load', async () => {
      const page = await newPage();
      // Layout shifts, summed as CLS counts them (no input in between).
      await page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const post = manifest.posts[4];
      await gotoHydrated(page, url(`posts/${post.slug}/`));
      await page.waitForTimeout(300);
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls < 0.02, `no visible change when the app takes over (CLS ${cls})`);
      const prose = page.locator('.prose');
      await page.evaluate(() => window.scrollTo(0, 900));
      await page.waitForTimeout(300);
      assert.ok((await page.evaluate(() => window.scrollY)) >= 880, 'scroll kept');
      await page.evaluate(() => { window.__stillHere = true; });
      const next = page.getByRole('navigation', { name: 'More posts' }).getByRole('link').first();
      const target = await next.getAttribute('href');
      await next.click();
      await page.waitForURL((u) => u.pathname === target);
      await page.locator('main h1').waitFor();
      await prose.locator('p').first().waitFor();
      assert.equal(await page.evaluate(() => window.__stillHere), true, 'no full page load');
      assert.deepEqual(page.errors, []);
      assert.deepEqual(page.messages, []);
      // Focus survives hydration: a field focused before the app starts stays focused.
      const listing = await newPage();
      await listing.route('**/*.wasm', async (r) => { await new Promise((ok) => setTimeout(ok, 600)); await r.continue(); });
      await listing.goto(url(), { waitUntil: 'domcontentloaded' });
      const box = listing.getByRole('searchbox', { name: 'Search posts' });
      await box.focus();
      await hydrated(listing);
      assert.ok(await box.evaluate((el) => el === document.activeElement), 'focus kept');
      await listing.keyboard.type('kubernetes');
      await countLine(listing).filter({ hasText: 'match “kubernetes”' }).waitFor();
      assert.deepEqual(listing.messages, []);
      await listing.close();
      await page.close();
    });

    test('without JavaScript every page reads: listing, categories, posts, previous and next', async () => {
      const nojs = await launch({ javaScriptEnabled: false });
      try {
        const page = await nojs.newPage();
        await page.goto(url());
        await page.getByText('25 posts so far.').waitFor();
        assert.equal(await cards(page).count(), 25);
        await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'AI 5', exact: true }).click();
        await page.getByText('5 of 25 posts in AI.').waitFor();
        assert.equal(await cards(page).count(), 5);
        const first = manifest.posts.find((p) => p.category === 'AI');
        await page.getByRole('link', { name: first.title }).click();
        await page.getByRole('heading', { level: 1, name: first.title }).waitFor();
        assert.ok((await page.locator('.prose p').count()) > 10, 'the body reads');
        const older = page.getByRole('navigation', { name: 'More posts' }).getByRole('link').first();
        const olderTitle = await older.locator('.post-nav-title').innerText();
        await older.click();
        await page.getByRole('heading', { level: 1, name: olderTitle }).waitFor();
        const feed = await page.request.get(url('atom.xml'));
        assert.equal(feed.status(), 200);
        await page.close();
      } finally {
        await nojs.close();
      }
    });

    test('the feeds parse with every post, and the sitemap lists every page', async () => {
      const feeds = [path.join(build.dist, 'atom.xml')];
      const categories = fs.readdirSync(path.join(build.dist, 'category'));
      for (const c of categories) feeds.push(path.join(build.dist, 'category', c, 'atom.xml'));
      const out = JSON.parse(execFileSync('python3', [path.join(import.meta.dirname, 'check_feeds.py'), ...feeds]));
      const main = out[0];
      assert.equal(main.bozo, false, main.bozo_exception);
      assert.equal(main.title, 'Fault Lines');
      assert.deepEqual(main.entries.map((e) => e.title), manifest.posts.map((p) => p.title));
      assert.deepEqual(main.entries.map((e) => e.link), manifest.posts.map((p) => `${build.base}posts/${p.slug}/`));
      assert.ok(main.entries.every((e) => e.content_words > 1200), 'full content in every entry');
      assert.ok(main.entries.every((e) => e.author && e.published && e.updated), 'author and dates');
      let inCategories = 0;
      for (const feed of out.slice(1)) {
        assert.equal(feed.bozo, false, feed.bozo_exception);
        inCategories += feed.entries.length;
      }
      assert.equal(inCategories, 25);
      const sitemap = fs.readFileSync(path.join(build.dist, 'sitemap.xml'), 'utf8');
      const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
      const pages = [build.base, ...categories.map((c) => `${build.base}category/${c}/`),
        ...manifest.posts.map((p) => `${build.base}posts/${p.slug}/`)].sort();
      assert.deepEqual(locs, pages);
      assert.equal([...sitemap.matchAll(/<lastmod>\d{4}-\d\d-\d\d<\/lastmod>/g)].length, pages.length);
      const robots = fs.readFileSync(path.join(build.dist, 'robots.txt'), 'utf8');
      assert.match(robots, /^User-agent: \*/);
    });

    test('tables, footnotes, task lists, strikethrough and safe external links render', async () => {
      const page = await newPage();
      const found = { table: false, footnote: false, task: false, del: false, external: false };
      for (const p of manifest.posts) {
        await page.goto(url(`posts/${p.slug}/`));
        const prose = page.locator('.prose');
        await prose.waitFor();
        found.table ||= (await prose.locator('table th').count()) > 0;
        found.footnote ||= (await prose.locator('.footnotes li[id^="fn-"]').count()) > 0;
        found.task ||= (await prose.locator('li input[type="checkbox"][disabled]').count()) > 0;
        found.del ||= (await prose.locator('del').count()) > 0;
        const ext = prose.locator('a[target="_blank"]');
        if ((await ext.count()) > 0) {
          assert.equal(await ext.first().getAttribute('rel'), 'noopener noreferrer');
          found.external = true;
        }
        if (Object.values(found).every(Boolean)) break;
      }
      assert.deepEqual(found, { table: true, footnote: true, task: true, del: true, external: true });
      await page.close();
    });

    test('deep links reload: a post and a category', async () => {
      const page = await newPage();
      const post = manifest.posts[3];
      for (const p of [`posts/${post.slug}/`, `posts/${post.slug}`]) {
        const response = await page.goto(url(p));
        assert.equal(response.status(), 200, `${p} is a real page`);
        await page.getByRole('heading', { level: 1, name: post.title }).waitFor();
        await page.locator('.prose p').first().waitFor();
      }
      await page.goto(url('category/ai/'));
      await countLine(page).filter({ hasText: '5 of 25 posts in AI.' }).waitFor();
      await page.reload();
      await countLine(page).filter({ hasText: '5 of 25 posts in AI.' }).waitFor();
      assert.deepEqual(page.messages, []);
      await page.close();
    });

    test('unknown paths and slugs show the 404 view with a way home', async () => {
      const page = await newPage();
      // Records whether a loading placeholder ever appears.
      await page.addInitScript(() => {
        window.__loadingShown = false;
        new MutationObserver(() => {
          if (document.querySelector('[aria-busy="true"]')) window.__loadingShown = true;
        }).observe(document, { childList: true, subtree: true });
      });
      for (const p of ['no/such/page', 'posts/no-such-post/', 'category/no-such-category/']) {
        const response = await gotoHydrated(page, url(p));
        assert.equal(response.status(), 404);
        await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
        assert.match(await page.title(), /^Page not found/);
        assert.equal(await page.evaluate(() => window.__loadingShown), false, `${p}: straight to the 404 view`);
      }
      await page.getByRole('link', { name: 'Back to all posts' }).click();
      await countLine(page).filter({ hasText: '25 posts so far.' }).waitFor();
      await page.close();
    });

    test('the renderer starts when a post link is pointed at, before the click', async () => {
      const page = await newPage();
      await gotoHydrated(page, url());
      const started = page.waitForRequest((r) => /render-worker-[0-9a-f]+-start\.js$/.test(r.url()));
      await page.getByRole('link', { name: manifest.posts[2].title }).hover();
      await started;
      await page.getByRole('link', { name: manifest.posts[2].title }).click();
      await page.locator('.prose p').first().waitFor();
      assert.deepEqual(page.messages, []);
      await page.close();
    });

    test('the search worker starts when the search field gets focus, not with the page', async () => {
      const page = await newPage();
      const requested = [];
      page.on('request', (r) => requested.push(r.url()));
      await gotoHydrated(page, url());
      await page.waitForLoadState('networkidle');
      assert.deepEqual(requested.filter((u) => u.includes('/search-worker-')), [], 'nothing of the search loads with the page');
      const started = page.waitForRequest((r) => /search-worker-[0-9a-f]+-start\.js$/.test(r.url()));
      await page.getByRole('searchbox', { name: 'Search posts' }).focus();
      await started;
      await page.keyboard.type('pool');
      await countLine(page).filter({ hasText: 'match “pool”' }).waitFor();
      assert.deepEqual(page.messages, []);
      await page.close();
    });

    test('a failed post fetch shows a message and a Retry that recovers', async () => {
      const page = await newPage();
      const post = manifest.posts[0];
      await gotoHydrated(page, url());
      failures.set(`${build.base}posts/${post.slug}/data.json`, 1);
      await page.getByRole('link', { name: post.title }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /Could not load this post: the server answered 500/);
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.locator('.prose p').first().waitFor();
      assert.equal(await page.getByRole('alert').count(), 0);
      await page.close();
    });

    test('a failed search index fetch shows a message and a Retry that recovers', async () => {
      const page = await newPage();
      failures.set(`${build.base}${manifest.search_index}meta.bin`, 1);
      await gotoHydrated(page, url());
      await page.getByRole('searchbox', { name: 'Search posts' }).fill('pool');
      await page.getByRole('alert').filter({ hasText: 'Could not load the search index: the server answered 500' }).waitFor();
      // The status line does not claim that something is still on its way.
      assert.doesNotMatch((await page.getByRole('status').allInnerTexts()).join(' '), /Loading|Searching/);
      await page.getByRole('button', { name: 'Retry' }).click();
      await countLine(page).filter({ hasText: 'match “pool”' }).waitFor();
      assert.equal(await page.getByRole('alert').count(), 0);
      await page.close();
    });

    test('every asset loads from the base path', async () => {
      const page = await newPage();
      const bad = [];
      page.on('response', (r) => {
        const u = new URL(r.url());
        if (!u.pathname.startsWith(build.base)) bad.push(u.pathname);
        if (r.status() >= 400 && r.request().resourceType() !== 'document') bad.push(`${r.status()} ${u.pathname}`);
      });
      await page.goto(url());
      await countLine(page).waitFor();
      await page.getByRole('searchbox').fill('pool');
      await page.goto(url(`posts/${manifest.posts[1].slug}/`));
      await page.locator('.prose p').first().waitFor();
      assert.deepEqual(bad, []);
      const favicon = await page.locator('link[rel="icon"]').getAttribute('href');
      assert.ok(favicon.startsWith(build.base), favicon);
      const robots = await page.request.get(url('robots.txt'));
      assert.equal(robots.status(), 200);
      await page.close();
    });
  });
}
