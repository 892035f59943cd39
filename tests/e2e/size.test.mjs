// The shipped wasm + JS stay under the budget of 200 KB (204,800 bytes) brotli.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET = 200 * 1024;

test('the shipped wasm and JS fit the brotli budget', () => {
  const dist = process.env.DIST_ROOT;
  assert.ok(dist, 'DIST_ROOT is not set');
  const files = fs.readdirSync(dist).filter((f) => f.endsWith('.wasm') || f.endsWith('.js'));
  assert.equal(files.length, 2, `expected one wasm and one js file, found ${files}`);
  let total = 0;
  for (const f of files) {
    const size = zlib.brotliCompressSync(fs.readFileSync(path.join(dist, f)), {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    console.log(`${f}: ${size} bytes brotli`);
    total += size;
  }
  console.log(`wasm + js: ${total} bytes brotli (budget ${BUDGET})`);
  assert.ok(total < BUDGET, `${total} bytes brotli is over the ${BUDGET}-byte budget`);
});
