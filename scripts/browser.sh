#!/usr/bin/env bash
# Installs Debian's Chromium and Firefox ESR (when missing) for the browser tests, which drive them through
# Playwright: Chromium over CDP, Firefox over WebDriver BiDi (Playwright's "moz-firefox" channel, which needs
# Firefox 138 or later). Playwright is never asked to download a browser of its own. Safe to run any number of times.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[browser] installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "[browser] $(chromium --version 2>/dev/null || echo 'chromium missing'); $(firefox-esr --version 2>/dev/null || echo 'firefox-esr missing')"
