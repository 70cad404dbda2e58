#!/usr/bin/env bash
# Adds the same-named EF Core migration to every provider's migrations project
# (SQLite, PostgreSQL, SQL Server), as the EF docs describe for several providers.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 MIGRATION_NAME" >&2
  exit 2
fi
name=$1
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
dotnet build src/GovInfoPortal.Data --nologo -v q
for provider in Sqlite Postgres SqlServer; do
  project="src/GovInfoPortal.Data.Migrations.$provider"
  echo "== $provider: adding migration $name"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
for provider in Sqlite Postgres SqlServer; do
  project="src/GovInfoPortal.Data.Migrations.$provider"
  dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project"
done
