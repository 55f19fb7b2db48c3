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
# The versions in package-lock.json, installed when missing or older than the lock file. Not "npm ci": it refuses
# this lock file, which (as npm writes it here) lists rollup's per-platform binaries only as optional names.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  npm install --no-save --no-audit --no-fund --loglevel error
fi
npx --no-install vite build --logLevel warn
log "built into $(pwd)/dist"
if [ "${1:-}" = test ]; then
  npx --no-install vitest run
fi
