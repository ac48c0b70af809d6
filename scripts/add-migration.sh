#!/usr/bin/env bash
# Adds one EF Core migration per provider (SQLite and PostgreSQL keep separate histories).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/AccountPlaybooks.Data \
    --context "${provider}DbContext" --output-dir "Migrations/$provider"
done
