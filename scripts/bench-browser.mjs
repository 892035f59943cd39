// Browser benchmark of a built site: what a visitor's browser downloads, and how
// long it waits, in headless Chromium.
//
//   node scripts/bench-browser.mjs DIST_DIR [--label NAME] [--query compiler]
//        [--typing "release notes"] [--runs 3] [--json] [--check-workers]
//        [--keys paced|playwright] [--cpu 4]
//
// DIST_DIR is served at / on 127.0.0.1 (the first free port in 18460-18469) by
// tests/e2e/server.mjs: gzip, the strict CSP, GitHub Pages semantics. Every
// measurement opens a fresh browser context (empty cache, new connections).
// Figures are medians over --runs runs; each run's figure follows in brackets.
//
// 1. First view of /: bytes and requests from navigation until the network has
//    been quiet for 1 s after the load event (what the app fetches once it runs
//    is included, worker requests too); Largest Contentful Paint (buffered
//    PerformanceObserver); the load event; "hydrated" = the end of the last
//    response before that quiet second (the app fetches manifest.json once it
//    has hydrated); main-thread task time until then.
// 2. First search, CPU slowed 4x: the hydrated listing, the query typed into the
//    search box at 50 ms a key. By default the keys go out on a fixed 50 ms
//    schedule (CDP Input.dispatchKeyEvent, not awaited), as a person types: a
//    busy page queues them. Playwright's keyboard.type (--keys playwright)
//    waits for the page to handle each key first, which stretches the gaps to
//    the page's per-key work and hides the backlog. "Final" = nothing in
//    flight, no DOM change inside <main> and an idle main thread, for 500 ms. Reports
//    the last DOM change (a MutationObserver's performance.now()) minus the last
//    keydown (its event timeStamp), and the bytes fetched from focusing the field
//    until final, by kind, with the largest files. Also the last change other
//    than a link's href: the results on screen (cards, count line, category
//    counts), before the category links follow the URL, which follows the
//    field once typing pauses or the field is left (the step blurs it).
// 3. Typing, CPU slowed 4x: one key every 150 ms. Per key, the main-thread task
//    time it caused (CDP Performance.getMetrics TaskDuration, read before each
//    key and, after the last, once the page is quiet) and the time from its
//    keydown to the last DOM change before the next key; long tasks (>50 ms).
//    Then the browser's floor, typed the same way: the listing with JavaScript
//    off, and a page holding only a search field (median per key of each).
//
// Bytes are response bodies as the server sent them: gzip-encoded where it
// compresses, headers and chunked framing excluded, kB = 1000 bytes. They are
// counted in the server, so a fetch counts whoever made it: the page, a
// dedicated worker (whose own script Playwright reports with 0 bytes), the
// browser (the favicon: refetched on every URL change, the search's included,
// as the server sends no Cache-Control). Playwright's request events, which
// include dedicated workers, tell what is in flight and are checked against
// the server's list (a warning names any difference).
// --check-workers shows it: hovering a post link starts the render worker; the
// worker's own Resource Timing must list files the counter counted.
//
// CPU throttling (Emulation.setCPUThrottlingRate) slows the page's main thread
// only. The script also asks each dedicated worker started while throttled;
// Chromium refuses ("only supported for pages"), so workers run at full speed,
// and the table says how many started.
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    label: { type: 'string' },
    query: { type: 'string', default: 'compiler' },
    typing: { type: 'string', default: 'release notes' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    'check-workers': { type: 'boolean', default: false },
    keys: { type: 'string', default: 'paced' },
    cpu: { type: 'string', default: '4' },
  },
});
const dist = positionals[0];
const runs = Number(opts.runs);
// The CPU slowdown for the search and typing steps (--cpu; 1 = none).
const CPU_SLOWDOWN = Number(opts.cpu);
if (!dist || !fs.existsSync(path.join(dist, 'index.html')) || !(runs >= 1) || !(CPU_SLOWDOWN >= 1) || !['paced', 'playwright'].includes(opts.keys)) {
  console.error('usage: node scripts/bench-browser.mjs DIST_DIR [--label NAME] [--query Q] [--typing TEXT] [--runs N] [--json] [--check-workers] [--keys paced|playwright] [--cpu 4]');
  process.exit(2);
}
const label = opts.label ?? path.basename(path.resolve(dist));
const VIEWPORT = { width: 1280, height: 900 };

// Epoch milliseconds, sub-millisecond: the same clock as a page's
// performance.timeOrigin + performance.now().
const now = () => performance.timeOrigin + performance.now();

// ---- Network activity, seen from both ends -------------------------------

// `phase` is the measurement step recording now; every response and request
// is tagged with it.
const traffic = { phase: null, responses: [], requests: [], sending: 0, pending: new Set(), last: 0 };
const setPhase = (name) => (traffic.phase = { name });
const served = (phase) => traffic.responses.filter((r) => r.phase === phase);
const warnings = new Set();

// The server's side: each response's body bytes as written to the socket.
function countResponse(req, res, url) {
  const r = { phase: traffic.phase, path: url.pathname + url.search, bytes: 0, end: null };
  traffic.responses.push(r);
  traffic.sending++;
  traffic.last = now();
  for (const name of ['write', 'end']) {
    const original = res[name].bind(res);
    res[name] = (chunk, ...rest) => {
      if (chunk && typeof chunk !== 'function') r.bytes += Buffer.byteLength(chunk);
      return original(chunk, ...rest);
    };
  }
  res.on('close', () => {
    traffic.sending--;
    r.end = traffic.last = now();
  });
  return false; // the server goes on to answer as usual
}

// The browser's side: requests of the context's pages and their dedicated workers.
function watchRequests(ctx) {
  ctx.on('request', (req) => {
    traffic.pending.add(req);
    traffic.last = now();
    traffic.requests.push({ phase: traffic.phase, url: req.url() });
  });
  const done = (req) => {
    traffic.pending.delete(req);
    traffic.last = now();
  };
  ctx.on('requestfinished', done);
  ctx.on('requestfailed', done);
}

// Warns when the server and the browser disagree on what a phase fetched.
function crossCheck(phase, origin) {
  const browser = traffic.requests.filter((r) => r.phase === phase).map((r) => r.url);
  const server = served(phase).map((r) => origin + r.path);
  const missing = (a, b) => a.filter((u, i) => a.indexOf(u) === i && a.filter((x) => x === u).length > b.filter((x) => x === u).length);
  const notSeen = missing(server, browser);
  const notServed = missing(browser, server);
  if (notSeen.length) warnings.add(`${phase.name}: served, but not seen in the browser's requests: ${notSeen.join(' ')}`);
  if (notServed.length) warnings.add(`${phase.name}: requested, but not served by the server (cache? other origin?): ${notServed.join(' ')}`);
}

const networkIdle = () => (traffic.sending || traffic.pending.size ? 0 : now() - traffic.last);
const TIMEOUT = 300e3;

// Resolves once no response has been sent and no request pending for `ms`.
async function networkQuiet(ms) {
  const start = now();
  while (networkIdle() < ms) {
    if (now() - start > TIMEOUT) throw new Error(`the network was not quiet after ${TIMEOUT / 1000} s`);
    await sleep(50);
  }
}

// Resolves once the page has been quiet for `ms`: the network as above, the
// main thread idle (under 10 ms of tasks in the window) and, if the page has
// probes, no DOM change in <main>. Returns the main-thread task time read at
// the start of that window. It asks the page nothing until the rest is quiet:
// under 4x throttling each evaluate costs the main thread ~5 ms.
async function settle(page, cdp, ms) {
  const start = now();
  for (;;) {
    const before = await taskTime(cdp);
    await sleep(ms);
    const busy = (await taskTime(cdp)) - before;
    if (busy < 10 && networkIdle() >= ms
      && now() - (await page.evaluate(() => window.__bench?.lastChange() ?? 0)) >= ms) return before;
    if (now() - start > TIMEOUT) throw new Error(`the page was not quiet after ${TIMEOUT / 1000} s`);
  }
}

// ---- In the page ----------------------------------------------------------

// Records keydown times, DOM changes inside <main> and long tasks, in the
// page's performance.now() time.
function installProbes() {
  const b = (window.__bench = { keys: [], mutations: [], shown: [], longTasks: [] });
  addEventListener('keydown', (e) => b.keys.push(e.timeStamp), true);
  new MutationObserver((records) => {
    const t = performance.now();
    b.mutations.push(t);
    if (records.some((r) => r.type !== 'attributes' || r.attributeName !== 'href')) b.shown.push(t);
  }).observe(document.querySelector('main'), {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask' });
  b.lastChange = () => performance.timeOrigin + (b.mutations.at(-1) ?? 0);
}

// Slows the page's main thread, and tries to slow each dedicated worker of the
// context as it starts (Chromium refuses, so far). Returns the workers seen.
async function throttle(browser, cdp, rate) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const { targetInfo } = await cdp.send('Target.getTargetInfo');
  const session = await browser.newBrowserCDPSession();
  const workers = [];
  const replies = new Map();
  let id = 0;
  session.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    replies.get(m.id)?.(m);
  });
  const byId = new Map();
  session.on('Target.targetCreated', async ({ targetInfo: t }) => {
    if (t.type !== 'worker' || t.browserContextId !== targetInfo.browserContextId) return;
    const w = { url: t.url, throttled: false, error: null };
    workers.push(w);
    byId.set(t.targetId, w);
    try {
      const { sessionId } = await session.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      const n = ++id;
      const reply = new Promise((resolve) => replies.set(n, resolve));
      const message = JSON.stringify({ id: n, method: 'Emulation.setCPUThrottlingRate', params: { rate } });
      await session.send('Target.sendMessageToTarget', { sessionId, message });
      const { error } = await reply;
      if (error) w.error = error.message;
      else w.throttled = true;
    } catch (e) {
      w.error = e.message;
    }
  });
  await session.send('Target.setDiscoverTargets', { discover: true }); // existing targets included
  // A worker's URL is known once its script loads, so it is read at the end.
  const stop = async () => {
    const { targetInfos } = await session.send('Target.getTargets');
    for (const t of targetInfos) if (byId.has(t.targetId)) byId.get(t.targetId).url = t.url;
    await session.detach().catch(() => {});
  };
  return { workers, stop };
}

async function withContext(browser, fn, options = {}) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, ...options });
  watchRequests(ctx);
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    return await fn(page, cdp);
  } finally {
    traffic.phase = null;
    await ctx.close();
    traffic.pending.clear();
  }
}

const taskTime = async (cdp) =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;

// Sends `text` a key every `gap` ms on a fixed schedule, without waiting for
// the page to handle one before the next; resolves once the page has handled all.
async function typePaced(cdp, text, gap) {
  const start = now();
  const acks = [];
  for (const [i, ch] of [...text].entries()) {
    await sleep(Math.max(0, start + i * gap - now()));
    const up = ch.toUpperCase();
    const key = /^[A-Z]$/.test(up) ? { key: ch, code: `Key${up}`, windowsVirtualKeyCode: up.charCodeAt(0) }
      : /^\d$/.test(ch) ? { key: ch, code: `Digit${ch}`, windowsVirtualKeyCode: ch.charCodeAt(0) }
        : ch === ' ' ? { key: ch, code: 'Space', windowsVirtualKeyCode: 32 } : { key: ch };
    acks.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, text: ch, unmodifiedText: ch }));
    acks.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
  }
  await Promise.all(acks);
}

// Opens / and waits until the network has been quiet for 1 s after the load
// event; with `cdp`, the main thread too (the page hydrated and idle).
async function openListing(page, origin, cdp = null) {
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await networkQuiet(1000);
  if (cdp) await settle(page, cdp, 500);
}

// ---- The measurements -----------------------------------------------------

async function firstView(browser, origin) {
  return withContext(browser, async (page, cdp) => {
    const phase = setPhase('first view');
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries())).observe({ type: 'longtask' });
    });
    await openListing(page, origin);
    const t = await page.evaluate(async () => {
      const lcp = [];
      const observer = new PerformanceObserver((list) => lcp.push(...list.getEntries()));
      observer.observe({ type: 'largest-contentful-paint', buffered: true });
      await new Promise((resolve) => setTimeout(resolve, 50));
      lcp.push(...observer.takeRecords());
      const nav = performance.getEntriesByType('navigation')[0];
      const busy = window.__longTasks.length ? Math.max(...window.__longTasks.map((t) => t.startTime + t.duration)) : null;
      return { origin: performance.timeOrigin, lcp: lcp.at(-1)?.startTime ?? null, load: nav.loadEventEnd, busy };
    });
    const mainThread = await taskTime(cdp);
    const files = served(phase);
    const last = files.reduce((a, b) => (b.end > a.end ? b : a));
    crossCheck(phase, origin);
    return {
      ...byKind(files), lcp: t.lcp, load: t.load, hydrated: last.end - t.origin, lastFile: last.path,
      lastLongTask: t.busy, mainThread,
    };
  });
}

async function firstSearch(browser, origin, query) {
  return withContext(browser, async (page, cdp) => {
    setPhase('search: loading');
    await openListing(page, origin, cdp);
    await page.evaluate(installProbes);
    const box = page.getByRole('searchbox', { name: 'Search posts' });
    const throttled = await throttle(browser, cdp, CPU_SLOWDOWN);
    // From focus: focusing the field starts the search worker, whose code
    // counts as the first search's.
    const phase = setPhase('search');
    await box.focus();
    if (opts.keys === 'paced') await typePaced(cdp, query, 50);
    else await page.keyboard.type(query, { delay: 50 });
    // The caret's blink repaints the page: on a slow machine at 4x, a focused
    // field alone keeps the main thread over settle's idle threshold.
    await box.evaluate((el) => el.blur());
    await settle(page, cdp, 500);
    await throttled.stop();
    const { keys, mutations, shown } = await page.evaluate(() => window.__bench);
    const lastKey = keys.at(-1);
    const lastChange = mutations.filter((t) => t > lastKey).at(-1);
    const lastShown = shown.filter((t) => t > lastKey).at(-1);
    const status = await page.getByRole('status').allInnerTexts();
    const typed = await box.inputValue();
    if (typed !== query) warnings.add(`search: the box holds “${typed}”, not “${query}”`);
    if (status.some((s) => /loading/i.test(s))) warnings.add(`search: still loading when final: ${status.join(' | ')}`);
    crossCheck(phase, origin);
    return {
      final: lastChange === undefined ? null : lastChange - lastKey,
      shown: lastShown === undefined ? null : lastShown - lastKey,
      fromFirstKey: lastChange === undefined ? null : lastChange - keys[0],
      keyGap: median(keys.slice(1).map((k, i) => k - keys[i])),
      ...byKind(served(phase)),
      status: status.join(' | '),
      workers: throttled.workers,
    };
  });
}

// Types `text` a key every 150 ms; returns the main-thread task time read
// before each key.
async function typeSlowly(page, cdp, text) {
  const readings = [];
  for (const ch of text) {
    readings.push(await taskTime(cdp));
    const sent = now();
    await page.keyboard.type(ch);
    await sleep(Math.max(0, sent + 150 - now()));
  }
  return readings;
}

async function typing(browser, origin, text) {
  return withContext(browser, async (page, cdp) => {
    setPhase('typing: loading');
    await openListing(page, origin, cdp);
    await page.evaluate(installProbes);
    const throttled = await throttle(browser, cdp, CPU_SLOWDOWN);
    const phase = setPhase('typing');
    await page.getByRole('searchbox', { name: 'Search posts' }).focus();
    const readings = await typeSlowly(page, cdp, text);
    // (As in the first search: a blinking caret is not the page's work.)
    await page.getByRole('searchbox', { name: 'Search posts' }).evaluate((el) => el.blur());
    readings.push(await settle(page, cdp, 500));
    await throttled.stop();
    const { keys, mutations, longTasks } = await page.evaluate(() => window.__bench);
    const costs = readings.slice(1).map((r, i) => r - readings[i]);
    const toChange = keys
      .map((k, i) => mutations.filter((t) => t > k && t < (keys[i + 1] ?? Infinity)).at(-1) - k)
      .filter((d) => !Number.isNaN(d));
    crossCheck(phase, origin);
    return {
      costMedian: median(costs),
      costWorst: Math.max(...costs),
      changeMedian: toChange.length ? median(toChange) : null,
      changeWorst: toChange.length ? Math.max(...toChange) : null,
      longTasks: longTasks.filter((t) => t.end > keys[0]).length,
      ...byKind(served(phase)),
      keyGap: median(keys.slice(1).map((k, i) => k - keys[i])),
      workers: throttled.workers,
      perKey: costs.map(Math.round),
    };
  });
}

// The browser's own share of a keystroke on this machine, typed as in
// typing(): into the same listing with JavaScript off (the prerendered page,
// its field a plain form), and into a page holding nothing but a search field.
// The app's per-key figure reads against these: what is above them is the
// app's work (its handler, the worker's answer, the frame that shows it).
async function typingFloor(browser, origin, text, bare) {
  return withContext(browser, async (page, cdp) => {
    setPhase(`typing floor: ${bare ? 'bare field' : 'no JavaScript'}`);
    if (bare) await page.setContent('<!doctype html><title>field</title><input type="search" aria-label="Search posts">');
    else await page.goto(`${origin}/`, { waitUntil: 'load' });
    await networkQuiet(500);
    const box = page.getByRole('searchbox', { name: 'Search posts' });
    await box.focus();
    const throttled = await throttle(browser, cdp, CPU_SLOWDOWN);
    const readings = await typeSlowly(page, cdp, text);
    readings.push(await taskTime(cdp));
    await throttled.stop();
    return { costMedian: median(readings.slice(1).map((r, i) => r - readings[i])) };
  }, bare ? {} : { javaScriptEnabled: false });
}

// Hovering a post link starts the render worker, which fetches its script and
// wasm itself: they must be counted, and the worker's own Resource Timing must
// list them with the same sizes. CPU throttled, to try throttling the worker.
async function checkWorkers(browser, origin) {
  return withContext(browser, async (page, cdp) => {
    setPhase('check: loading');
    await openListing(page, origin);
    const throttled = await throttle(browser, cdp, CPU_SLOWDOWN);
    const phase = setPhase('check: hover');
    const started = page.waitForEvent('worker', { timeout: 10e3 });
    await page.locator('main article h2 a').first().hover();
    const worker = await started;
    await networkQuiet(1000);
    await throttled.stop();
    const own = await worker.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({ url: e.name, bytes: e.encodedBodySize })));
    crossCheck(phase, origin);
    const files = served(phase);
    const seen = new Set(traffic.requests.filter((r) => r.phase === phase).map((r) => r.url));
    console.log(`worker check: hovering a post link started ${worker.url()}`);
    for (const f of files) {
      const mine = own.find((o) => o.url === origin + f.path);
      console.log(`  ${f.path.padEnd(44)} counted ${String(f.bytes).padStart(8)} B; in Playwright's requests: ${seen.has(origin + f.path) ? 'yes' : 'NO'}; `
        + (mine ? `fetched by the worker (its Resource Timing: ${mine.bytes} B)` : 'fetched by the page'));
    }
    const lost = own.filter((o) => !files.some((f) => origin + f.path === o.url));
    console.log(lost.length ? `  NOT COUNTED: ${lost.map((o) => o.url).join(' ')}` : '  every file the worker fetched was counted');
    for (const w of throttled.workers) console.log(`  CPU throttling for ${w.url}: ${w.throttled ? 'applied' : `refused (${w.error})`}`);
    console.log();
  });
}

// ---- Figures ----------------------------------------------------------------

function kindOf(p) {
  const ext = path.extname(p.split('?')[0]);
  return { '.js': 'js', '.mjs': 'js', '.wasm': 'wasm', '.json': 'json' }[ext] ?? 'other';
}

function byKind(files) {
  const kinds = { js: 0, wasm: 0, json: 0, other: 0 };
  const perFile = new Map();
  for (const f of files) {
    kinds[kindOf(f.path)] += f.bytes;
    perFile.set(f.path, (perFile.get(f.path) ?? 0) + f.bytes);
  }
  const top = [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([file, bytes]) => ({ file, bytes }));
  return { bytes: files.reduce((s, f) => s + f.bytes, 0), requests: files.length, kinds, top };
}

function median(xs) {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ms = (x) => (x === null ? '—' : `${Math.round(x)} ms`);
const kb = (x) => (x === null ? '—' : x >= 1e6 ? `${(x / 1e6).toFixed(2)} MB` : `${(x / 1e3).toFixed(1)} kB`);
const count = (x) => (x === null ? '—' : String(Math.round(x)));
const get = (o, key) => key.split('.').reduce((v, k) => v?.[k], o);

// ---- Main -----------------------------------------------------------------

async function freePort() {
  for (let port = 18460; port <= 18469; port++) {
    const free = await new Promise((resolve) => {
      const probe = net.createServer().once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 18460-18469');
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = await startServer(dist, port, '/', { onRequest: countResponse });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
const results = [];
try {
  if (opts['check-workers']) await checkWorkers(browser, origin);
  for (let i = 0; i < runs; i++) {
    results.push({
      view: await firstView(browser, origin),
      search: await firstSearch(browser, origin, opts.query),
      typing: await typing(browser, origin, opts.typing),
      noScript: await typingFloor(browser, origin, opts.typing, false),
      bareField: await typingFloor(browser, origin, opts.typing, true),
    });
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}

const series = (key) => results.map((r) => get(r, key));
const row = (name, key, fmt) => {
  const xs = series(key);
  const each = runs > 1 ? `  (${xs.map(fmt).join(', ')})` : '';
  console.log(`  ${name.padEnd(30)} ${fmt(median(xs)).padStart(10)}${each}`);
};
const kinds = (key) => ['js', 'wasm', 'json', 'other'].map((k) => `${k} ${kb(median(series(`${key}.kinds.${k}`)))}`).join(', ');
const top = (key) => results[0][key].top.map((f) => `${f.file.split('?')[0]} ${kb(f.bytes)}`).join(', ');
const workers = (key) => {
  const all = results.flatMap((r) => r[key].workers);
  if (!all.length) return 'none started';
  const refused = all.find((w) => !w.throttled);
  return `${all.length} started over ${runs} runs; ${refused ? `not throttled (${refused.error})` : 'throttled too'}`;
};

console.log(`${label}: ${path.resolve(dist)}; median of ${runs} run${runs > 1 ? 's' : ''} (each run in brackets)`);
console.log(`bytes: response bodies as sent (gzip where served so), no headers; kB = 1000 B; viewport ${VIEWPORT.width}x${VIEWPORT.height}`);
console.log('first view of /  (until the network is quiet 1 s after load)');
row('transferred', 'view.bytes', kb);
console.log(`    by kind: ${kinds('view')}`);
row('requests', 'view.requests', count);
row('largest contentful paint', 'view.lcp', ms);
row('load event', 'view.load', ms);
row('hydrated: last response ends', 'view.hydrated', ms);
console.log(`    last response: ${results[0].view.lastFile}`);
row('last long task ends (if any)', 'view.lastLongTask', ms);
row('main-thread task time', 'view.mainThread', ms);
console.log(`first search “${opts.query}”  (CPU ${CPU_SLOWDOWN}x slower, 50 ms a key, ${opts.keys === 'paced' ? 'on a fixed schedule' : 'keyboard.type'})`);
row('last key to final results', 'search.final', ms);
row('  results on screen', 'search.shown', ms);
row('first key to final results', 'search.fromFirstKey', ms);
row('transferred from focus', 'search.bytes', kb);
console.log(`    by kind: ${kinds('search')}`);
console.log(`    largest: ${top('search') || '—'}`);
row('requests', 'search.requests', count);
row('typing cadence (keydown gap)', 'search.keyGap', ms);
console.log(`    shown: ${results[0].search.status}`);
console.log(`    workers: ${workers('search')}`);
console.log(`typing “${opts.typing}”  (CPU ${CPU_SLOWDOWN}x slower, a key every 150 ms)`);
row('main thread per key, median', 'typing.costMedian', ms);
row('  the same, JavaScript off', 'noScript.costMedian', ms);
row('  the same, a bare field', 'bareField.costMedian', ms);
row('main thread per key, worst', 'typing.costWorst', ms);
row('key to last DOM change, median', 'typing.changeMedian', ms);
row('key to last DOM change, worst', 'typing.changeWorst', ms);
row('long tasks (>50 ms)', 'typing.longTasks', count);
row('transferred while typing', 'typing.bytes', kb);
row('typing cadence (keydown gap)', 'typing.keyGap', ms);
console.log(`    workers: ${workers('typing')}`);
for (const w of warnings) console.log(`warning: ${w}`);

if (opts.json) {
  const medians = (part, keys) => Object.fromEntries(keys.map((k) => [k.split('.').at(-1), median(series(`${part}.${k}`))]));
  console.log(JSON.stringify({
    label, dist: path.resolve(dist), runs, query: opts.query, typed: opts.typing, keys: opts.keys, cpuSlowdown: CPU_SLOWDOWN,
    view: { ...medians('view', ['bytes', 'requests', 'lcp', 'load', 'hydrated', 'lastLongTask', 'mainThread']),
      kinds: medians('view', ['kinds.js', 'kinds.wasm', 'kinds.json', 'kinds.other']) },
    search: { ...medians('search', ['final', 'shown', 'fromFirstKey', 'bytes', 'requests', 'keyGap']),
      kinds: medians('search', ['kinds.js', 'kinds.wasm', 'kinds.json', 'kinds.other']), top: results[0].search.top },
    typing: medians('typing', ['costMedian', 'costWorst', 'changeMedian', 'changeWorst', 'longTasks', 'bytes', 'keyGap']),
    floor: { noScript: median(series('noScript.costMedian')), bareField: median(series('bareField.costMedian')) },
    perRun: results,
    warnings: [...warnings],
  }));
}
