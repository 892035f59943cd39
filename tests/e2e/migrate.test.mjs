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
    links: [['launch-notes', 'follow-up', 'follow-up', 'details'], ['launch-notes', 'the same post by its file', 'follow-up', ''], ['follow-up', 'launch', 'launch-notes', ''],
      // relative to the post's old address
      ['follow-up', 'how to use it', 'launch-notes', 'how-to-use-it']],
    canonical: ['release/2019/05/07/launch-notes.html', 'launch-notes'],
  },
  hugo: {
    port: 18435,
    posts: {
      'first-post': 'First post', bundle: 'A page bundle', 'news/update': 'An update',
      // the same file name in another folder: another post
      'news/first-post': 'The news section\'s first post',
    },
    old: { '/2020/old-update/': 'news/update', '/news/update/': 'news/update', '/news/first-post/': 'news/first-post' },
    links: [['first-post', 'bundle', 'bundle', ''], ['first-post', 'the update', 'news/update', 'what-changed'], ['news/update', 'first post', 'first-post', ''],
      ['news/update', 'this section’s first', 'news/first-post', ''], ['news/first-post', 'the blog’s first post', 'first-post', '']],
    canonical: ['news/update/index.html', 'news/update'],
    // an image next to a page bundle's index.md
    images: { bundle: 'The deploy pipeline' },
    // a shortcode that cannot be translated stays visible as text
    text: { 'first-post': '{{< youtube dQw4w9WgXcQ >}}' },
  },
  zola: {
    port: 18436,
    posts: { 'blog/first-steps': 'First steps', 'notes/second': 'The second note', 'notes/third': 'The third note' },
    old: {
      '/blog/first-steps/': 'blog/first-steps',
      '/notes/second/': 'notes/second',
      '/2022/third-note/': 'notes/third',
      '/2022/old-third/': 'notes/third',
    },
    links: [['blog/first-steps', 'the second note', 'notes/second', 'the-setup'], ['blog/first-steps', 'old address of the third', 'notes/third', ''],
      ['notes/second', 'the first steps', 'blog/first-steps', ''], ['notes/third', 'the setup', 'notes/second', 'the-setup']],
    canonical: ['2022/old-third/index.html', 'notes/third'],
    images: { 'blog/first-steps': 'A map of the notes', 'notes/second': 'The map, linked from the old address' },
    text: { 'notes/third': '{{ youtube(id="dQw4w9WgXcQ") }}' },
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
      const alt = site.images?.[slug];
      if (alt) {
        const img = page.getByRole('img', { name: alt });
        await img.waitFor();
        assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 0), `${slug}: ${alt} loads`);
      }
      const text = site.text?.[slug];
      if (text) await page.locator('.prose').getByText(text).waitFor();
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
    const [file, slug] = site.canonical;
    const html = fs.readFileSync(path.join(dist, file), 'utf8');
    assert.ok(html.includes(`<link rel="canonical" href="/posts/${slug}/">`), html);
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
