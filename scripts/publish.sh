#!/usr/bin/env bash
# Publishes the server as it is deployed (the Dockerfile does the same): Release, ReadyToRun for this machine's
# platform, framework-dependent, into artifacts/server (or the folder given as the first argument).
# ReadyToRun compiles the server and its libraries ahead of time, so a start does not wait for the JIT: on the
# project's machine it took start-up from about 2.6 s to about 2.0 s (docs/BENCHMARK.md). The build output that
# the tests run stays JIT-compiled: faster to build, and the tests do not time a start.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${1:-artifacts/server}
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  *) echo "[publish] no ReadyToRun runtime identifier for $(uname -m)" >&2; exit 1 ;;
esac
dotnet publish src/CareFlows.Server -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$out" -nologo -v quiet
printf '[publish] server published (ReadyToRun, %s) into %s\n' "$rid" "$out"
