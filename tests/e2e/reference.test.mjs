// The moved blogs against their generators' own builds: Jekyll (Debian's
// jekyll 4.3 with minima and jekyll-feed) and Hugo (Debian's hugo 0.111) build
// the fixture sites in tests/migrate/ as they are; every post their feeds list
// must answer at the same address in our build (DIST_MIGRATE<generator>,
// imported with `blog-content import`) and lead to a post that has every
// heading id the generator wrote, and as many images, each of which is a file
// in our build. (Zola is not packaged for Debian: its rules are checked
// against Zola's own test cases in crates/content/src/moved/zola/.)
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

const GENERATORS = {
  jekyll: {
    build: (src, out) => ['jekyll', ['build', '--quiet', '--disable-disk-cache', '--source', src, '--destination', out]],
    feeds: ['feed.xml'],
  },
  hugo: {
    build: (src, out) => ['hugo', ['--quiet', '--source', src, '--destination', out]],
    // the blog sections' feeds (the home page's lists every page, `about` too)
    feeds: ['posts/index.xml', 'news/index.xml'],
  },
};

// The generator's build of the fixture, made from a copy (both write caches
// and lock files into the site's folder).
function referenceBuild(name) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `blog-reference-${name}-`));
  const src = path.join(tmp, 'site');
  const out = path.join(tmp, 'out');
  fs.cpSync(path.join(ROOT, 'tests/migrate', name), src, { recursive: true });
  const [cmd, args] = GENERATORS[name].build(src, out);
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

// The paths of the posts a feed lists (Atom's alternate links, RSS's links).
function postPaths(xml) {
  const atom = [...xml.matchAll(/<entry>[\s\S]*?<link href="([^"]+)" rel="alternate"/g)].map((m) => m[1]);
  const rss = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
  return [...atom, ...rss].map((u) => new URL(u).pathname);
}

// The file a path is served from.
const fileOf = (dir, p) => path.join(dir, p.endsWith('/') ? `${p}index.html` : p);

const headingIds = (html) => [...html.matchAll(/<h[2-6][^>]* id="([^"]+)"/g)].map((m) => m[1]);
const images = (html) => [...html.matchAll(/<img [^>]*src="([^"]+)"/g)].map((m) => m[1]);

for (const name of Object.keys(GENERATORS)) describe(`the ${name} fixture beside ${name}'s own build`, () => {
  const dist = `${process.env.DIST_MIGRATE}${name}`;

  test('every post it published answers at its address, with its heading ids and images', () => {
    const theirs = referenceBuild(name);
    const paths = GENERATORS[name].feeds.flatMap((f) => postPaths(fs.readFileSync(path.join(theirs, f), 'utf8')));
    assert.ok(paths.length >= 4, `the feeds list the posts: ${paths}`);
    for (const p of paths) {
      const old = fileOf(dist, p);
      assert.ok(fs.existsSync(old), `${p} answers in our build`);
      const refresh = fs.readFileSync(old, 'utf8').match(/http-equiv="refresh" content="0; url=([^"]+)"/);
      const ours = fs.readFileSync(refresh ? fileOf(dist, refresh[1]) : old, 'utf8');
      const theirPage = fs.readFileSync(fileOf(theirs, p), 'utf8');
      for (const id of headingIds(theirPage)) {
        assert.ok(ours.includes(` id="${id}"`), `${p}: ${name}'s heading id ${id} is on our page`);
      }
      const ourImages = images(ours.slice(ours.indexOf('class="prose')));
      assert.equal(ourImages.length, images(theirPage).length, `${p}: as many images as ${name} showed`);
      for (const src of ourImages) {
        assert.ok(fs.existsSync(fileOf(dist, new URL(src, 'http://h/').pathname)), `${p}: ${src} is in our build`);
      }
    }
  });
});
