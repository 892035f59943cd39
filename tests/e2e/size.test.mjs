// What a first visit downloads to run the app (the loader the page names, and
// the JS glue and wasm it starts) stays under the budget of 200 KB (204,800
// bytes) brotli. The markdown renderer's worker, loaded only when a post is reached
// by client-side navigation, and the search worker, loaded on the first search,
// are reported beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET = 200 * 1024;

const brotli = (file) => zlib.brotliCompressSync(fs.readFileSync(file), {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
}).length;

test('the first-load wasm and JS fit the brotli budget', () => {
  const dist = process.env.DIST_ROOT;
  assert.ok(dist, 'DIST_ROOT is not set');
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  // The scripts the page names, and the files each of them loads.
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => path.basename(m[1]));
  const loaded = scripts.flatMap((s) => [...fs.readFileSync(path.join(dist, s), 'utf8')
    .matchAll(/'([^']+\.(?:js|wasm))'/g)].map((m) => path.basename(m[1])));
  const files = [...new Set([...scripts, ...loaded])];
  assert.ok(files.some((f) => f.endsWith('.wasm')), `no wasm named in index.html: ${files}`);
  assert.ok(files.filter((f) => f.endsWith('.js')).length >= 2, `expected a loader and the glue: ${files}`);
  let total = 0;
  for (const f of files) {
    const size = brotli(path.join(dist, f));
    console.log(`${f}: ${size} bytes brotli`);
    total += size;
  }
  console.log(`first load, wasm + js: ${total} bytes brotli (budget ${BUDGET})`);
  for (const name of ['render-worker', 'search-worker']) {
    const lazy = fs.readdirSync(dist).filter((f) => f.startsWith(`${name}-`));
    assert.equal(lazy.length, 3, `the ${name}: ${lazy}`);
    assert.ok(!files.some((f) => f.startsWith(name)), `the ${name} is not part of the first load`);
    const worker = lazy.reduce((n, f) => n + brotli(path.join(dist, f)), 0);
    console.log(`${name} (lazy): ${worker} bytes brotli`);
  }
  assert.ok(total < BUDGET, `${total} bytes brotli is over the ${BUDGET}-byte budget`);
});
