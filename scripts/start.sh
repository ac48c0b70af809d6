#!/usr/bin/env bash
# Starts AccountPlaybooks on its embedded defaults: SQLite in ./data, demo data and demo logins on first run,
# served on loopback only. Extra arguments go to the server (e.g. --urls http://127.0.0.1:6000).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "start.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
out=$PWD/src/AccountPlaybooks.Server/bin/Release/net10.0
dotnet build src/AccountPlaybooks.Server -c Release -v quiet -nologo
# Run from the repository root so data/ (database, logs) is shared with the CLI; settings come from the build output.
exec dotnet "$out/AccountPlaybooks.Server.dll" --contentRoot "$out" \
  --urls "${AP_URLS:-http://127.0.0.1:5080}" --Demo:Enabled=true "$@"
