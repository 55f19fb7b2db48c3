#!/usr/bin/env bash
# Runs the benchmark against the server as it is deployed: starts the services, builds, publishes the server
# ReadyToRun (scripts/publish.sh) and measures that. Arguments go to the benchmark (--quick, --only …).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/services.sh
scripts/browser.sh
scripts/designer.sh
dotnet build CareFlows.sln -c Release -nologo -v quiet
scripts/publish.sh artifacts/server
exec dotnet run -c Release --no-build --project bench/CareFlows.Bench -- --server artifacts/server/CareFlows.Server.dll "$@"
