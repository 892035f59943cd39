#!/usr/bin/env bash
# Benchmark (figures, not a test): shipped wasm/JS sizes (raw, gzip, brotli) of a
# release build, content build time and manifest size for content/ and for a
# generated 10,000-post corpus, and search time per query over those posts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh" --browser
cd "$ROOT"

start=$(date +%s.%N)
trunk build --offline --release >/dev/null 2>&1
awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "release build (trunk build --release): %.1f s\n", e - s }'

printf '\n%-40s %10s %10s %10s\n' "shipped file" raw gzip brotli
total_br=0
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  raw=$(stat -c%s "$f"); gz=$(gzip -9c "$f" | wc -c); br=$(brotli -c -q 11 "$f" | wc -c)
  printf '%-40s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  case "$f" in *.wasm|*.js) total_br=$((total_br + br));; esac
done
printf '%-40s %32d  (budget 204800)\n\n' "wasm + js, brotli" "$total_br"

cargo run --release --locked -q -p blog-content --bin bench
