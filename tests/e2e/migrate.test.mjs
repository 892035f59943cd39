// End to end for the blogs moved in (tests/migrate/<generator>/, built to
// DIST_MIGRATE<generator>): every post renders, every old address lands on its
// post (a static page sends the visitor on: no script needed), and links
// written as old addresses lead to the posts in the app.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './chromium.mjs';
import { startServer } from './server.mjs';

const SITES = {
  jekyll: {
    port: 18434,
    posts: { 'launch-notes': 'Launch notes', 'follow-up': 'Follow-up: a month after launch' },
    old: {
      '/launch/': 'launch-notes',
      '/launch': 'launch-notes',
      '/release/2019/05/07/launch-notes.html': 'launch-notes',
      '/release/2019/06/01/follow-up.html': 'follow-up',
    },
    // (post, link text, post it leads to, section)
    links: [['launch-notes', 'follow-up', 'follow-up', 'details'], ['launch-notes', 'the same post by its file', 'follow-up', ''], ['follow-up', 'launch', 'launch-notes', '']],
  },
};

let context;
before(async () => { context = await launch(); });
after(async () => context && (await context.close()));

for (const [name, site] of Object.entries(SITES)) describe(`the blog moved in from ${name}`, () => {
  const dist = `${process.env.DIST_MIGRATE}${name}`;
  const url = (p) => `http://127.0.0.1:${site.port}${p}`;
  let server;
  before(async () => {
    assert.ok(fs.existsSync(path.join(dist, 'index.html')), `no build at ${dist}`);
    server = await startServer(dist, site.port, '/');
  });
  after(() => server && server.close());

  test('every post renders', async () => {
    const page = await context.newPage();
    for (const [slug, title] of Object.entries(site.posts)) {
      const response = await page.goto(url(`/posts/${slug}/`));
      assert.equal(response.status(), 200, slug);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      assert.ok((await page.locator('.prose p').count()) >= 1, slug);
    }
    await page.close();
  });

  test('every old address lands on its post, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const ctx = javaScriptEnabled ? context : await launch({ javaScriptEnabled });
      const page = await ctx.newPage();
      for (const [old, slug] of Object.entries(site.old)) {
        await page.goto(url(old));
        await page.waitForURL((u) => u.pathname === `/posts/${slug}/`);
        await page.getByRole('heading', { level: 1, name: site.posts[slug] }).waitFor();
      }
      await page.close();
      if (!javaScriptEnabled) await ctx.close();
    }
    // crawlers are told where the post is now
    const html = fs.readFileSync(path.join(dist, 'release/2019/05/07/launch-notes.html'), 'utf8');
    assert.match(html, /<link rel="canonical" href="[^"]*\/posts\/launch-notes\/">/);
  });

  test('links written as old addresses or files lead to the posts', async () => {
    const page = await context.newPage();
    const messages = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    for (const [from, text, to, section] of site.links) {
      await page.goto(url(`/posts/${from}/`));
      await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
      await page.locator('.prose').getByRole('link', { name: text, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: site.posts[to] }).waitFor();
      const u = new URL(page.url());
      assert.equal(u.pathname, `/posts/${to}/`, `${from} → ${text}`);
      assert.equal(u.hash, section ? `#${section}` : '', `${from} → ${text}`);
    }
    assert.deepEqual(messages, []);
    await page.close();
  });
});
