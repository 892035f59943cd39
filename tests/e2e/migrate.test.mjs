// End to end for the blogs moved in: each site in tests/migrate/<generator>/
// (a real Jekyll, Hugo or Zola site) imported with `blog-content import` and
// built to DIST_MIGRATE<generator>. Every post renders with its images,
// every old address (site-wide patterns, front matter, defaults) lands on its
// post with and without JavaScript, a deep link written with the old
// generator's heading id lands on its section, the old feed addresses serve
// the feed, and links written as old addresses or files lead to the posts.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './chromium.mjs';
import { startServer } from './server.mjs';

const SITES = {
  jekyll: {
    port: 18434,
    posts: {
      'hello-team': 'Hello, team! Our first release notes',
      'launch-notes': 'Launch notes',
      'follow-up': 'Follow-up: a month after launch',
      'new-office': 'New office, new pipeline: v2.0 (finally)',
    },
    old: {
      // _config.yml's `permalink: /blog/:year/:month/:day/:title/`
      '/blog/2012/01/05/hello-team/': 'hello-team',
      '/blog/2025/01/29/new-office/': 'new-office',
      '/blog/2019/05/07/launch-notes/': 'launch-notes',
      // redirect_from, and a post's own permalink
      '/launch/': 'launch-notes',
      '/launch': 'launch-notes',
      '/release/2019/05/07/launch-notes.html': 'launch-notes',
      '/release/2019/06/01/follow-up.html': 'follow-up',
    },
    // (old address with the section as kramdown named it, post, id)
    deep: [['/blog/2012/01/05/hello-team/#whats-in-a-release-note', 'hello-team', 'whats-in-a-release-note'],
      ['/blog/2025/01/29/new-office/#moving-day-boxes-cables--coffee-', 'new-office', 'moving-day-boxes-cables--coffee-']],
    feeds: ['/feed.xml'],
    // (post, link text, post it leads to, section)
    links: [['launch-notes', 'follow-up', 'follow-up', 'details'], ['launch-notes', 'the same post by its file', 'follow-up', ''], ['follow-up', 'launch', 'launch-notes', ''],
      // relative to the post's old address
      ['follow-up', 'how to use it', 'launch-notes', 'how-to-use-it'],
      // Liquid: post_url and link to a .markdown post, site.baseurl
      ['new-office', 'our first notes', 'hello-team', ''], ['new-office', 'The first post, by its file', 'hello-team', ''],
      ['new-office', 'how to use the first version', 'launch-notes', 'how-to-use-it']],
    canonical: ['release/2019/05/07/launch-notes.html', 'launch-notes'],
    // images at the site's root (assets/), one through {{ site.baseurl }}
    images: { 'new-office': ['The new office', 'The release pipeline'] },
    // {% highlight %} became a code block; {% raw %} kept its Liquid as written
    code: { 'hello-team': [['ruby', 'Shipping #{version}'], ['liquid', '{{ release.version }}']] },
  },
  hugo: {
    port: 18435,
    posts: {
      'first-post': 'First post', bundle: 'A page bundle', 'news/update': 'An update',
      // the same file name in another folder: another post
      'news/first-post': 'The news section\'s first post',
      'release-v2': 'Release v2.0: what changed',
      'on-call-week-12': 'On call, week 12: the pager that cried wolf',
    },
    old: {
      // hugo.toml's `[permalinks] posts = "/:year/:month/:slug/"`
      '/2021/03/first-post/': 'first-post', '/2021/03/a-page-bundle/': 'bundle', '/2021/04/release-v2/': 'release-v2',
      '/2021/03/on-call-week-12-the-pager-that-cried-wolf/': 'on-call-week-12',
      // Hugo's default for the news section, and aliases
      '/2020/old-update/': 'news/update', '/news/update/': 'news/update', '/news/first-post/': 'news/first-post',
    },
    deep: [['/2021/04/release-v2/#migrating-from--v1180', 'release-v2', 'migrating-from--v1180']],
    feeds: ['/index.xml', '/posts/index.xml', '/news/index.xml'],
    links: [['first-post', 'bundle', 'bundle', ''], ['first-post', 'the update', 'news/update', 'what-changed'], ['news/update', 'first post', 'first-post', ''],
      ['news/update', 'this section’s first', 'news/first-post', ''], ['news/first-post', 'the blog’s first post', 'first-post', ''],
      ['on-call-week-12', 'v2.0 release', 'release-v2', ''], ['release-v2', 'how to migrate', 'release-v2', 'migrating-from--v1180']],
    canonical: ['news/update/index.html', 'news/update'],
    // bundle-relative, and site-root from static/ (a figure and markdown)
    images: { bundle: ['The deploy pipeline'], 'release-v2': ['The deploy log of the release', 'The deploy log'] },
    text: { 'release-v2': 'the #platform channel' },
    // authors as Docsy writes them, shown with their link
    byline: { 'release-v2': true },
  },
  zola: {
    port: 18436,
    posts: {
      'blog/first-steps': 'First steps', 'notes/second': 'The second note', 'notes/third': 'The third note',
      'blog/rust-soundness': 'Soundness bugs, and how to read the tracker',
    },
    old: {
      '/blog/first-steps/': 'blog/first-steps',
      '/notes/second/': 'notes/second',
      '/2022/third-note/': 'notes/third',
      '/2022/old-third/': 'notes/third',
      // a date-prefixed file name: Zola drops the date from the address
      '/blog/rust-soundness/': 'blog/rust-soundness',
    },
    deep: [['/blog/rust-soundness/#i-unsound-issues-crab', 'blog/rust-soundness', 'i-unsound-issues-crab']],
    feeds: ['/atom.xml'],
    links: [['blog/first-steps', 'the second note', 'notes/second', 'the-setup'], ['blog/first-steps', 'old address of the third', 'notes/third', ''],
      ['notes/second', 'the first steps', 'blog/first-steps', ''], ['notes/third', 'the setup', 'notes/second', 'the-setup'],
      ['blog/rust-soundness', 'the open issues', 'blog/rust-soundness', 'i-unsound-issues-crab']],
    canonical: ['2022/old-third/index.html', 'notes/third'],
    images: { 'blog/first-steps': ['A map of the notes'], 'notes/second': ['The map, linked from the old address'], 'blog/rust-soundness': ['A crab, looking worried'] },
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
      for (const alt of site.images?.[slug] ?? []) {
        const img = page.getByRole('img', { name: alt, exact: true });
        await img.scrollIntoViewIfNeeded();
        await page.waitForFunction((el) => el.complete, await img.elementHandle());
        assert.ok(await img.evaluate((el) => el.naturalWidth > 0), `${slug}: ${alt} loads`);
      }
      const text = site.text?.[slug];
      if (text) await page.locator('.prose').getByText(text).first().waitFor();
      for (const [lang, code] of site.code?.[slug] ?? []) {
        const block = page.locator(`.prose pre code.language-${lang}`).first();
        assert.ok((await block.textContent()).includes(code), `${slug}: ${lang} block`);
      }
      if (site.byline?.[slug]) {
        const author = page.locator('.byline a[rel="author"]').first();
        assert.match(await author.getAttribute('href'), /^https:\/\//, `${slug}: the author's link`);
      }
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
    assert.match(html, new RegExp(`<link rel="canonical" href="[^"]*/posts/${slug}/">`), html);
  });

  test('a deep link to an old address lands on the section the old generator named', async () => {
    const page = await context.newPage();
    for (const [old, slug, id] of site.deep) {
      await page.goto(url(old));
      await page.waitForURL((u) => u.pathname === `/posts/${slug}/` && u.hash === `#${id}`);
      const heading = page.locator(`[id="${id}"]`);
      await heading.waitFor();
      assert.ok(await heading.evaluate((el) => /^H[2-6]$/.test(el.tagName)), `${old}: a heading`);
    }
    await page.close();
  });

  test('the old feed addresses serve the feed', async () => {
    for (const feed of site.feeds) {
      const response = await fetch(url(feed));
      assert.equal(response.status, 200, feed);
      const xml = await response.text();
      assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/, feed);
      for (const title of Object.values(site.posts)) assert.ok(xml.includes(title.replace(/&/g, '&amp;').replace(/'/g, '&apos;')) || xml.includes(title.replace(/&/g, '&amp;')), `${feed}: ${title}`);
    }
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
