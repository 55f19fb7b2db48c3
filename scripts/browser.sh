#!/usr/bin/env bash
# Installs Debian's Chromium (when missing) for the browser tests, which drive it through Playwright.
# Playwright is never asked to download a browser of its own. Safe to run any number of times.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v chromium >/dev/null; then
  echo "[browser] installing chromium"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
echo "[browser] $(chromium --version 2>/dev/null || echo 'chromium missing')"
