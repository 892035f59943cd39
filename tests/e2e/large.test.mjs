// End to end at size: a generated site of 300 posts (DIST_LARGE), served like
// GitHub Pages. What each view needs comes in pieces: the first page of cards
// is in the page, further pages come as chunks, another category's listing as
// its own data, and a search fetches only a few index shards and one fragment
// per result shown. No view loads every post's data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch } from './chromium.mjs';
import { startServer } from './server.mjs';

const dist = process.env.DIST_LARGE;
const port = 18433;
const url = (p = '') => `http://127.0.0.1:${port}/${p}`;
let context;
let server;
// What the current page fetched (its workers' requests included).
let fetched = [];

before(async () => {
  assert.ok(dist && fs.existsSync(path.join(dist, 'index.html')), `no build at ${dist}`);
  server = await startServer(dist, port, '/');
  context = await launch({ viewport: { width: 1280, height: 900 } });
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
});
after(async () => {
  if (context) await context.close();
  if (server) server.close();
});

// A page that records its console; `fetched` starts again with it.
async function open(u) {
  const page = await context.newPage();
  fetched = [];
  page.messages = [];
  page.on('console', (m) => page.messages.push(`${m.type()}: ${m.text()}`));
  await page.goto(u);
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  return page;
}
const countLine = (page) => page.getByRole('status').filter({ hasText: /posts?/ }).first();
const cards = (page) => page.locator('main article');
const titles = (page) => page.locator('main article h2').allInnerTexts();
const manifest = () => JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8'));

test('the listing pages through every post in chunks, newest first', async () => {
  const posts = manifest().posts;
  assert.equal(posts.length, 300);
  const page = await open(url());
  await countLine(page).filter({ hasText: '300 posts so far.' }).waitFor();
  assert.equal(await cards(page).count(), 30);
  await page.getByRole('button', { name: 'Show 30 more of 270' }).click();
  await page.getByRole('button', { name: 'Show 30 more of 240' }).waitFor();
  assert.equal(await cards(page).count(), 60);
  assert.deepEqual(await titles(page), posts.slice(0, 60).map((p) => p.title));
  assert.ok(fetched.includes('/cards-2.json'), fetched.join(' '));
  // Another category: its own data, not the whole list.
  const nav = page.getByRole('navigation', { name: 'Categories' });
  await nav.getByRole('link', { name: /^Database \d+$/ }).click();
  const inDb = posts.filter((p) => p.category === 'Database');
  await countLine(page).filter({ hasText: `${inDb.length} of 300 posts in Database.` }).waitFor();
  assert.deepEqual(await titles(page), inDb.slice(0, 30).map((p) => p.title));
  assert.ok(fetched.includes('/category/database/data.json'), fetched.join(' '));
  assert.ok(!fetched.some((f) => f.endsWith('manifest.json')), 'the manifest is never loaded');
  assert.deepEqual(page.messages, []);
  await page.close();
});

test('search fetches a few shards and one fragment per result shown, with snippets', async () => {
  const page = await open(url());
  const start = fetched.length;
  await page.getByRole('searchbox', { name: 'Search posts' }).pressSequentially('heartbeat', { delay: 30 });
  await countLine(page).filter({ hasText: /^\d+ of 300 posts match “heartbeat”\.$/ }).waitFor();
  const matching = Number((await countLine(page).innerText()).match(/^(\d+)/)[1]);
  assert.ok(matching > 10, `${matching}`);
  assert.equal(await cards(page).count(), 5);
  // every result shows the passage that matched, the word marked
  for (const card of await cards(page).all()) {
    const marks = await card.locator('mark').allInnerTexts();
    assert.ok(marks.some((m) => /^heartbeat$/i.test(m)), marks.join('|'));
  }
  const searched = fetched.slice(start);
  const shards = new Set(searched.filter((f) => /\/search\/[^/]+\/s\d+\.bin$/.test(f)));
  const fragments = new Set(searched.filter((f) => /\/d\d+\.bin$/.test(f)));
  const meta = zlib.gunzipSync(fs.readFileSync(path.join(dist, manifest().search_index, 'meta.bin')));
  const index = JSON.parse(meta.toString('utf8'));
  assert.ok(shards.size >= 1 && shards.size <= index.shards.length, `${shards.size} of ${index.shards.length} shards`);
  assert.ok(fragments.size <= 5 * 'heartbeat'.length, `${fragments.size} fragments`);
  // more results on request; the category choices count the results
  await page.getByRole('button', { name: /^Show 5 more of \d+$/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('main article').length === 10);
  const nav = page.getByRole('navigation', { name: 'Categories' });
  await nav.getByRole('link', { name: `All ${matching}`, exact: true }).waitFor();
  assert.deepEqual(page.messages, []);
  await page.close();
});

test('a typo in a long word still finds its posts; a reload keeps the search', async () => {
  const page = await open(url('?q=heartbaet'));
  await countLine(page).filter({ hasText: /^\d+ of 300 posts match “heartbaet”\.$/ }).waitFor();
  assert.ok((await page.locator('main article mark').allInnerTexts()).some((m) => /^heartbeat$/i.test(m)));
  await page.reload();
  await countLine(page).filter({ hasText: /match “heartbaet”/ }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Search posts' }).inputValue(), 'heartbaet');
  await page.close();
});
