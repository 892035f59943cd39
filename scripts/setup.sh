#!/usr/bin/env bash
# Installs what building and testing the blog needs, skipping what is already there.
#   scripts/setup.sh            toolchain, Trunk, wasm-bindgen, wasm-opt (enough to build and serve)
#   scripts/setup.sh --browser  the above, plus Chromium, ChromeDriver and brotli for the tests,
#                               and Debian's Jekyll and Hugo (the reference builds of tests/migrate/)
# Source it (`. scripts/setup.sh`) to also get the tools on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    say "apt-get install ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

setup_main() {
  export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
  export TRUNK_SKIP_VERSION_CHECK=true

  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; return 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "${1:-}" = "--browser" ]; then
    apt_install chromium chromium-driver brotli
    # The generators themselves, whose builds of tests/migrate/ the moved blogs are checked against.
    apt_install jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-redirect-from hugo
    # A real feed reader's parser, to check the Atom feeds in the end-to-end tests.
    if ! python3 -c 'import feedparser' 2>/dev/null; then
      say "pip install feedparser"
      python3 -m pip install --quiet --disable-pip-version-check 'feedparser==6.0.14'
    fi
  fi
  command -v npm >/dev/null || apt_install nodejs npm

  # wasm-opt (binaryen 132) and playwright-core, pinned in package-lock.json.
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
    || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "npm ci"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi

  if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    say "cargo install trunk $TRUNK_VERSION (takes several minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi

  # wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
  local wb
  wb="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb" ]; then
    say "cargo install wasm-bindgen-cli $wb"
    cargo install wasm-bindgen-cli --version "$wb"
  fi
  if ! grep -q "wasm_bindgen = \"$wb\"" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml [tools] wasm_bindgen must be \"$wb\" (the version in Cargo.lock)" >&2
    return 1
  fi

  (cd "$ROOT" && cargo fetch --locked -q)
}

setup_main "$@"
