// End to end: the post page as a reader uses it (DIST_ROOT, served as GitHub
// Pages would, under the strict CSP): highlighted code after a deep link and
// after client-side navigation, each token colour readable in both themes,
// copy buttons, the table of contents and its current section, related posts,
// and the theme choice kept across a reload without a frame of the other one.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './chromium.mjs';
import { startServer } from './server.mjs';

const dist = process.env.DIST_ROOT;
const PORT = 18437;
const origin = `http://127.0.0.1:${PORT}`;
// A launch post with SQL, YAML, HCL, a table and eight headings.
const POST = 'flash-sale-exhausted-postgres-connections';

let context;
let server;
let manifest;
before(async () => {
  assert.ok(dist && fs.existsSync(path.join(dist, 'index.html')), `no build at ${dist}`);
  manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
  server = await startServer(dist, PORT, '/');
  context = await launch({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
});
after(async () => {
  if (context) await context.close();
  if (server) server.close();
});

async function newPage(ctx = context) {
  const page = await ctx.newPage();
  page.messages = [];
  page.on('pageerror', (e) => page.messages.push(`error: ${e.message}`));
  page.on('console', (m) => page.messages.push(`${m.type()}: ${m.text()}`));
  return page;
}
const hydrated = (page) => page.waitForFunction(() => document.documentElement.dataset.app === 'ready');

// Every token's colour against its code block's background, as WCAG computes contrast.
function contrasts() {
  const rgb = (s) => s.match(/[\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return [...document.querySelectorAll('.prose pre [class^="tok-"]')].map((el) => {
    const fg = lum(rgb(getComputedStyle(el).color));
    const bg = lum(rgb(getComputedStyle(el.closest('pre')).backgroundColor));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    return { cls: el.className, text: el.textContent, ratio };
  });
}

describe('the post page', () => {
  test('code is highlighted after a deep link and after client-side navigation, the same', async () => {
    const page = await newPage();
    await page.goto(`${origin}/posts/${POST}/`);
    await hydrated(page);
    const sql = page.locator('pre[data-lang="sql"]').first();
    assert.equal(await sql.locator('.tok-k').first().innerText(), 'SELECT');
    assert.ok(await page.locator('pre[data-lang="yaml"] .tok-a').count() > 0, 'yaml keys');
    assert.ok(await page.locator('pre[data-lang="hcl"] .tok-a').count() > 0, 'hcl keys');
    const deep = await page.locator('.prose pre').evaluateAll((pres) => pres.map((p) => p.innerHTML));
    // Now from the listing, rendered in the browser by the worker.
    await page.goto(`${origin}/`);
    await hydrated(page);
    const title = manifest.posts.find((p) => p.slug === POST).title;
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('.prose pre .tok-k').first().waitFor();
    const navigated = await page.locator('.prose pre').evaluateAll((pres) => pres.map((p) => p.innerHTML));
    assert.deepEqual(navigated, deep);
    assert.deepEqual(page.messages, []);
    await page.close();
  });

  test('every token colour reads at WCAG AA on its block, light and dark', async () => {
    const page = await newPage();
    // Posts between them with every language the launch posts use.
    const langs = new Set();
    for (const post of manifest.posts) {
      await page.goto(`${origin}/posts/${post.slug}/`);
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        const low = (await page.evaluate(contrasts)).filter((t) => t.ratio < 4.5);
        assert.deepEqual(low, [], `${post.slug} (${colorScheme})`);
      }
      for (const l of await page.locator('.prose pre[data-lang]').evaluateAll((ps) => ps.map((p) => p.dataset.lang))) langs.add(l);
    }
    for (const l of ['bash', 'sql', 'python', 'yaml', 'json', 'hcl', 'ruby', 'go', 'nginx', 'ini']) {
      assert.ok(langs.has(l), `the launch posts have ${l}: ${[...langs]}`);
    }
    await page.close();
  });

  test('a copy button copies the code alone, by mouse or keyboard, and says so', async () => {
    const page = await newPage();
    await page.goto(`${origin}/posts/${POST}/`);
    const block = page.locator('.prose .code-block').filter({ has: page.locator('pre[data-lang="sql"]') }).first();
    const code = await block.locator('pre code').innerText();
    const button = block.getByRole('button', { name: 'Copy code' });
    await button.click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
    assert.ok(!code.includes('SQL') && !code.includes('Copy'), code);
    await page.locator('.copy-status').filter({ hasText: 'Copied' }).waitFor();
    assert.equal(await page.getByRole('status').filter({ hasText: 'Copied' }).count(), 1);
    // By keyboard: another block, focused and pressed.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    const yaml = page.locator('.prose .code-block').filter({ has: page.locator('pre[data-lang="yaml"]') }).first();
    await yaml.getByRole('button', { name: 'Copy code' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes('maximum-pool-size'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await yaml.locator('pre code').innerText());
    await page.close();
  });

  test('the table of contents links to each section and marks the one being read', async () => {
    const page = await newPage();
    await page.goto(`${origin}/posts/${POST}/`);
    await hydrated(page);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const headings = await page.locator('.prose h2, .prose h3').evaluateAll((hs) => hs
      .filter((h) => !h.closest('.related'))
      .map((h) => h.id));
    const links = toc.getByRole('link');
    assert.equal(await links.count(), headings.length);
    assert.ok(headings.length >= 4);
    const third = links.nth(2);
    const id = headings[2];
    await third.click();
    await page.waitForFunction((id) => location.hash === `#${id}`, id);
    await page.waitForFunction((id) => Math.abs(document.getElementById(id).getBoundingClientRect().top) < 120, id);
    await page.waitForFunction((id) => document.querySelector(`.toc-side a[data-toc="${id}"]`)?.getAttribute('aria-current') === 'location', id);
    assert.equal(await toc.locator('a[aria-current]').count(), 1);
    // Scrolling on moves the mark.
    await page.evaluate((id) => document.getElementById(id).scrollIntoView(), headings.at(-1));
    await page.waitForFunction((id) => document.querySelector(`.toc-side a[data-toc="${id}"]`)?.hasAttribute('aria-current'), headings.at(-1));
    await page.close();
  });

  test('on a phone the table of contents is folded above the body; without JavaScript it still links', async () => {
    const phone = await launch({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await phone.newPage();
    await page.goto(`${origin}/posts/${POST}/`);
    assert.equal(await page.getByRole('navigation', { name: 'On this page' }).count(), 0, 'the side list is not shown');
    const summary = page.locator('.prose details.toc-top summary');
    assert.equal(await summary.innerText(), 'On this page');
    const first = page.locator('.prose details.toc-top a').first();
    assert.ok(!(await first.isVisible()), 'folded');
    await summary.click();
    await first.click();
    const id = await first.getAttribute('data-toc');
    assert.equal(new URL(page.url()).hash, `#${id}`);
    // Copy buttons and the theme choice need the script: not shown.
    assert.equal(await page.getByRole('button', { name: 'Copy code' }).first().isVisible(), false);
    await phone.close();
  });

  test('related posts share tags or the category, three at most, and lead to their posts', async () => {
    const page = await newPage();
    const post = manifest.posts.find((p) => p.slug === POST);
    await page.goto(`${origin}/posts/${POST}/`);
    await hydrated(page);
    const related = page.getByRole('navigation', { name: 'Related posts' });
    const titles = await related.getByRole('link').allInnerTexts();
    assert.ok(titles.length >= 1 && titles.length <= 3, `${titles}`);
    for (const t of titles) {
      const other = manifest.posts.find((p) => p.title === t);
      assert.ok(other && other.slug !== POST, t);
      const shared = (other.tags ?? []).some((tag) => (post.tags ?? []).includes(tag));
      assert.ok(shared || other.category === post.category, `${t} shares nothing with ${post.title}`);
    }
    await related.getByRole('link', { name: titles[0] }).click();
    await page.getByRole('heading', { level: 1, name: titles[0] }).waitFor();
    await page.close();
  });

  test('the theme chosen in the header is kept across a reload, from the first frame, with no layout shift', async () => {
    const ctx = await launch({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    const page = await ctx.newPage();
    await page.goto(`${origin}/posts/${POST}/`);
    await hydrated(page);
    const choice = page.getByRole('combobox', { name: 'Theme' });
    assert.equal(await choice.inputValue(), 'system');
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await choice.selectOption('dark');
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(dark, light);
    // What the first frame after a reload shows, and every layout shift.
    await page.addInitScript(() => {
      window.__shifts = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
      requestAnimationFrame(() => {
        window.__firstFrame = {
          theme: document.documentElement.dataset.theme,
          background: document.body && getComputedStyle(document.body).backgroundColor,
        };
      });
    });
    await page.reload();
    await hydrated(page);
    const first = await page.evaluate(() => window.__firstFrame);
    assert.deepEqual(first, { theme: 'dark', background: dark });
    assert.equal(await choice.inputValue(), 'dark');
    assert.equal(await page.evaluate(() => window.__shifts), 0);
    // Back to the system's: the choice is forgotten.
    await choice.selectOption('system');
    await page.reload();
    await hydrated(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), light);
    await ctx.close();
  });
});
