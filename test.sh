#!/usr/bin/env bash
# Runs every test: starts (installing if needed) PostgreSQL, RabbitMQ and the SMTP sink, builds once,
# then runs the unit tests and the integration tests against those real services.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/services.sh
scripts/browser.sh
dotnet build CareFlows.sln -c Release -nologo -v quiet

rm -f artifacts/fault-suite.md   # the fault suite's figures of this run (tests/…/Faults)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# The designer is built (the browser tests open it) and its own unit tests run (vitest).
scripts/designer.sh test 2>&1 | tee "$log" || status=$?
dotnet test CareFlows.sln -c Release --no-build -nologo 2>&1 | tee -a "$log" || status=$?

if [ -f artifacts/fault-suite.md ]; then printf '\nFault suite (figures of this run):\n'; cat artifacts/fault-suite.md; fi

# One closing line for people and CI alike, summed over the test projects.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     /^ +Tests +[0-9]/ { for (i = 1; i <= NF; i++) { if ($i == "passed") p += $(i-1); if ($i == "failed") f += $(i-1); if ($i == "skipped") s += $(i-1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
exit "$status"
