#!/usr/bin/env bash
# Sets everything up, then serves the blog with live reload at http://127.0.0.1:8080/
# (drafts and future-dated posts included; edits to content/ rebuild on save).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh"
cd "$ROOT"
exec trunk serve --offline --address 127.0.0.1 --port "${PORT:-8080}" "$@"
