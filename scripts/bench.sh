#!/usr/bin/env bash
# Benchmark (figures, not a test):
#   - shipped sizes (raw, gzip, brotli): what a first visit loads, and the lazy renderer worker;
#   - build times: the release build of the 25 posts, and the prerenderer on a generated
#     10,000-post corpus (content build and every page);
#   - content build, manifest and search figures from crates/content/src/bin/bench.rs;
#   - Lighthouse (mobile) for `/`, a category and a post, served like GitHub Pages under the
#     strict CSP, each beside the same page with its scripts removed (the static reference).
# Lighthouse 12.8 is installed under target/tools on first use.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh" --browser
cd "$ROOT"

section() { printf '\n\033[1m%s\033[0m\n' "$*"; }
seconds() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

# The address Lighthouse audits, so that canonical links are absolute as in a real deployment.
PORT=18450
SITE="$ROOT/target/bench-site.toml"
sed '/^base_url/d' site.toml > "$SITE"
echo "base_url = \"http://127.0.0.1:$PORT/\"" >> "$SITE"

section "release build of content/ (trunk build --release, incremental)"
start=$(date +%s.%N)
BLOG_SITE="$SITE" trunk build --offline --release 2>&1 | grep -E '^prerender:' || true
echo "release build: $(seconds "$start") s"

section "shipped files"
printf '%-44s %10s %10s %10s\n' "file" raw gzip brotli
BR=0
row() {
  local raw gz
  raw=$(stat -c%s "$1"); gz=$(gzip -9c "$1" | wc -c); BR=$(brotli -c -q 11 "$1" | wc -c)
  printf '%-44s %10d %10d %10d\n' "$(basename "$1")" "$raw" "$gz" "$BR"
}
first=0
for f in dist/boot-*.js dist/fault-lines-*.js dist/fault-lines-*_bg.wasm; do row "$f"; first=$((first + BR)); done
worker=0
for f in dist/render-worker-*; do row "$f"; worker=$((worker + BR)); done
for f in dist/style-*.css dist/index.html dist/posts/four-line-query-friday-outage/index.html; do row "$f"; done
printf 'first load, wasm + js, brotli: %d B (budget 204800)\n' "$first"
printf 'renderer worker, loaded on the first client-side post view, brotli: %d B\n' "$worker"

section "content build and search (crates/content/src/bin/bench.rs)"
cargo run --release --locked -q -p blog-content --bin bench

section "whole build on a generated 10,000-post corpus (prerenderer: content, pages, feeds, sitemap)"
CORPUS="$ROOT/target/bench-corpus"
OUT="$ROOT/target/bench-10k"
cargo run --release --locked -q -p blog-content --bin bench -- --write-corpus "$CORPUS"
cargo build --profile host --locked -q -p fault-lines --features ssr --bin prerender
for run in 1 2; do
  rm -rf "$OUT" && mkdir -p "$OUT"
  cp dist/index.html dist/*.js dist/*.wasm dist/*.css dist/*.svg "$OUT"/
  rm -f "$OUT"/render-worker-*
  cp "$(ls dist/render-worker-*.js | grep -v start)" "$OUT/render-worker.js"
  cp dist/render-worker-*_bg.wasm "$OUT/render-worker_bg.wasm"
  start=$(date +%s.%N)
  target/host/prerender build --out "$OUT" --content "$CORPUS" --site "$SITE" --now 2100-01-01 2>&1 | grep -E '^prerender:'
  echo "run $run: $(seconds "$start") s wall, $(find "$OUT" -name index.html | wc -l) pages, $(du -sh "$OUT" | cut -f1) written"
done

section "Lighthouse 12.8, mobile, served like GitHub Pages under the strict CSP"
LH="$ROOT/target/tools/node_modules/.bin/lighthouse"
if [ ! -x "$LH" ]; then
  npm install --no-audit --no-fund --loglevel=error --prefix "$ROOT/target/tools" lighthouse@12.8.2 >/dev/null
fi
STATIC="$ROOT/target/bench-static"
rm -rf "$STATIC" && cp -r dist "$STATIC"
# The static reference: the same pages without their scripts and module preloads.
find "$STATIC" -name '*.html' -exec sed -i -E 's#<script type="module"[^>]*></script>##g; s#<link[^>]*rel=modulepreload[^>]*>##g; s#<link[^>]*type=application/wasm[^>]*>##g' {} +
node tests/e2e/server.mjs dist "$PORT" / >/dev/null &
APP=$!
node tests/e2e/server.mjs "$STATIC" $((PORT + 1)) / >/dev/null &
REF=$!
trap 'kill $APP $REF 2>/dev/null || true' EXIT
sleep 1
audit() {
  local url="$1" out="$2" dir
  dir=$(mktemp -d)
  CHROME_PATH=/usr/bin/chromium "$LH" "$url" --quiet --output=json --output-path="$out" \
    --form-factor=mobile --chrome-flags="--headless=new --no-sandbox --disable-gpu --user-data-dir=$dir" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
printf '%-34s %5s %5s %5s %5s %9s %7s %7s %9s %9s\n' page perf a11y bp seo "LCP ms" CLS "TBT ms" "ref LCP" "LCP/ref"
for p in "" "category/database/" "posts/four-line-query-friday-outage/"; do
  audit "http://127.0.0.1:$PORT/$p" target/lh-app.json
  audit "http://127.0.0.1:$((PORT + 1))/$p" target/lh-ref.json
  node -e '
    const [app, ref, name] = [require(process.argv[1]), require(process.argv[2]), process.argv[3]];
    const s = (r, k) => Math.round((r.categories[k].score || 0) * 100);
    const a = (r, k) => r.audits[k].numericValue;
    const lcp = a(app, "largest-contentful-paint"), rlcp = a(ref, "largest-contentful-paint");
    console.log(`${name.padEnd(34)} ${String(s(app, "performance")).padStart(5)} ${String(s(app, "accessibility")).padStart(5)} ${String(s(app, "best-practices")).padStart(5)} ${String(s(app, "seo")).padStart(5)} ${lcp.toFixed(0).padStart(9)} ${a(app, "cumulative-layout-shift").toFixed(3).padStart(7)} ${a(app, "total-blocking-time").toFixed(0).padStart(7)} ${rlcp.toFixed(0).padStart(9)} ${(lcp / rlcp).toFixed(2).padStart(9)}`);
    for (const k of ["accessibility", "best-practices", "seo"]) for (const ref of app.categories[k].auditRefs) {
      const au = app.audits[ref.id]; if (ref.weight > 0 && au.score !== null && au.score < 1) console.log(`    ${k}: ${ref.id}: ${au.title}`);
    }' "$ROOT/target/lh-app.json" "$ROOT/target/lh-ref.json" "/$p"
done
