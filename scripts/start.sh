#!/usr/bin/env bash
# Starts AccountPlaybooks on its embedded defaults: SQLite under data/, demo data and demo logins on first run,
# served on loopback only. Extra arguments go to the server (e.g. --urls http://127.0.0.1:6000).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "start.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
dotnet build src/AccountPlaybooks.Server -c Release -v quiet -nologo
exec dotnet run --project src/AccountPlaybooks.Server -c Release --no-build --no-launch-profile -- \
  --urls "${AP_URLS:-http://127.0.0.1:5080}" --Demo:Enabled=true "$@"
