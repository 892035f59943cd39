#!/usr/bin/env bash
# Lighthouse 12.8 (mobile) for `/`, a category and a post of dist/, served like GitHub Pages
# (gzip, 404.html) under the strict CSP, each beside the same page with its scripts removed
# (the static reference). Prints scores, LCP, CLS and TBT, the LCP ratio, and every failing
# audit of accessibility, best practices and SEO. Each page is audited RUNS times (default 3),
# and the run with the median LCP is reported: Lighthouse's simulated timings vary from run
# to run. Figures, not a test.
#   scripts/lighthouse.sh [PORT]     (after a release build; scripts/bench.sh runs it)
# Lighthouse is installed under target/tools on first use.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${1:-18450}"
RUNS="${RUNS:-3}"
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
# Audits `url` RUNS times; keeps the report with the median LCP as `out`.
audit_median() {
  local url="$1" out="$2" i
  for i in $(seq 1 "$RUNS"); do audit "$url" "$out.$i"; done
  node -e '
    const fs = require("fs");
    const [out, n] = [process.argv[1], Number(process.argv[2])];
    const runs = [...Array(n).keys()].map((i) => `${out}.${i + 1}`).filter((f) => fs.existsSync(f));
    const lcp = (f) => JSON.parse(fs.readFileSync(f)).audits["largest-contentful-paint"].numericValue;
    runs.sort((a, b) => lcp(a) - lcp(b));
    fs.copyFileSync(runs[Math.floor(runs.length / 2)], out);
    for (const f of runs) fs.unlinkSync(f);' "$out" "$RUNS"
}
for p in "" "category/database/" "posts/four-line-query-friday-outage/"; do
  audit_median "http://127.0.0.1:$PORT/$p" target/lh-app.json
  audit_median "http://127.0.0.1:$((PORT + 1))/$p" target/lh-ref.json
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
