#!/usr/bin/env bash
# Sets everything up, then runs every check and test:
#   fmt, clippy (host and wasm32), host tests (incl. the invalid-content build),
#   browser tests in headless Chromium, release builds at / and /blog/ (and of a
#   generated 300-post site), end-to-end tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh" --browser
cd "$ROOT"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (host, and the prerenderer with ssr)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p fault-lines --features ssr --all-targets --locked -- -D warnings
step "cargo clippy (wasm32: the app with hydrate, the renderer and search workers)"
cargo clippy -p fault-lines -p blog-core -p blog-render-worker -p blog-search-worker --features fault-lines/hydrate --all-targets --target wasm32-unknown-unknown --locked -- -D warnings

step "host tests (pure logic, content build, invalid content, launch posts, pages rendered on the host)"
cargo test --workspace --locked
cargo test -p fault-lines --features ssr --lib --locked

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CARGO_PROFILE_DEV_DEBUG=0 \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p fault-lines --features hydrate --target wasm32-unknown-unknown --locked

step "release builds: at / and under /blog/"
trunk build --offline --release
trunk build --offline --release --public-url /blog/ --dist target/dist-blog
step "release build of a generated 300-post site (paging, data chunks and search at size)"
cargo run --quiet --locked --profile host -p blog-content --bin bench -- --write-corpus target/corpus-300 300
BLOG_CONTENT="$ROOT/target/corpus-300" trunk build --offline --release --dist target/dist-300
step "release builds of the blogs moved in (tests/migrate/: each imported with blog-content import, then built)"
for site in jekyll hugo zola; do
  rm -rf "target/imported-$site"
  cargo run --quiet --locked -p blog-content -- import "tests/migrate/$site" --into "target/imported-$site"
  BLOG_CONTENT="$ROOT/target/imported-$site/content" BLOG_SITE="$ROOT/target/imported-$site/site.toml" \
    trunk build --offline --release --dist "target/dist-$site"
done

step "end-to-end tests (headless Chromium against dist/ on 127.0.0.1)"
DIST_ROOT="$ROOT/dist" DIST_SUB="$ROOT/target/dist-blog" DIST_LARGE="$ROOT/target/dist-300" DIST_MIGRATE="$ROOT/target/dist-" node --test --test-concurrency=1 tests/e2e/
