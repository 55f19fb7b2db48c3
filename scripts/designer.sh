#!/usr/bin/env bash
# Builds the designer (React + @xyflow/react, with vite) into src/CareFlows.Designer/dist, which the server serves
# at /designer/. Installs its npm packages from package-lock.json when they are missing or out of date.
# With "test" as the first argument it also runs the designer's unit tests (vitest). Safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../src/CareFlows.Designer"
log() { printf '[designer] %s\n' "$*"; }

if ! command -v npm >/dev/null; then
  echo "[designer] npm is missing: install Node.js 20 or later (apt-get install nodejs npm)" >&2
  exit 1
fi
# npm ci wipes and reinstalls; only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm ci --silent --no-audit --no-fund >/dev/null
fi
npx --no-install vite build --logLevel warn
log "built into $(pwd)/dist"
if [ "${1:-}" = test ]; then
  npx --no-install vitest run
fi
