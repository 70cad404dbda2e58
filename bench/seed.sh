#!/usr/bin/env bash
# Times the synthetic seed at scale:
#   bench/seed.sh postgres [ORGANIZATIONS] [YEARS]   default 100000 organizations x 2015-2024 = 1,000,000 reports
#   bench/seed.sh sqlite   [ORGANIZATIONS] [YEARS]   default 10000 organizations x 2015-2024 = 100,000 reports
# PostgreSQL runs in a throwaway server on 127.0.0.1 (scripts/test-postgres.sh, port $BENCH_PG_PORT or 55440),
# in a fresh database; SQLite in a fresh file. Appends a line to bench/results/seed.md.
set -euo pipefail
cd "$(dirname "$0")/.."

provider=${1:-postgres}
years=${3:-2015-2024}
results=bench/results/seed.md
mkdir -p bench/results bench/.work

dotnet build -c Release src/GovInfoPortal.Cli --nologo -v q >/dev/null
cli() { dotnet src/GovInfoPortal.Cli/bin/Release/net10.0/govinfo.dll "$@"; }

case "$provider" in
  postgres)
    organizations=${2:-100000}
    port=${BENCH_PG_PORT:-55440}
    admin=$(bash scripts/test-postgres.sh start "$port" | sed 's/^GOVINFO_TEST_POSTGRES=//')
    database="govinfo_bench_$(date +%s)"
    psql "host=127.0.0.1 port=$port user=postgres dbname=postgres" -qc "CREATE DATABASE $database" >/dev/null
    connection="$admin;Database=$database"
    args=(--provider Postgres --connection "$connection")
    ;;
  sqlite)
    organizations=${2:-10000}
    file="bench/.work/seed-$(date +%s).db"
    args=(--provider Sqlite --connection "Data Source=$file")
    ;;
  *)
    echo "usage: $0 postgres|sqlite [ORGANIZATIONS] [YEARS]" >&2
    exit 2
    ;;
esac

cli migrate "${args[@]}" >/dev/null
start=$(date +%s.%N)
cli seed --synthetic "$organizations" --years "$years" "${args[@]}"
end=$(date +%s.%N)
seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')

if [ "$provider" = postgres ]; then
  reports=$(psql "host=127.0.0.1 port=$port user=postgres dbname=$database" -tAc 'SELECT count(*) FROM "AnnualReports"')
  size=$(psql "host=127.0.0.1 port=$port user=postgres dbname=$database" -tAc "SELECT pg_size_pretty(pg_database_size('$database'))")
else
  reports=$(sqlite3 "$file" 'SELECT count(*) FROM AnnualReports' 2>/dev/null || echo "?")
  size=$(du -h "$file" | cut -f1)
fi

[ -f "$results" ] || printf '| date | machine | provider | organizations | years | reports | seconds | database size |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n' > "$results"
printf '| %s | %s cores, %s | %s | %s | %s | %s | %.0f | %s |\n' "$(date -u +%Y-%m-%d)" "$(nproc)" "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" \
  "$provider" "$organizations" "$years" "$reports" "$seconds" "$size" >> "$results"
tail -n 1 "$results"
