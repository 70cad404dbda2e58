#!/usr/bin/env bash
# Peak memory of the largest exports, measured on the running portal (Release, Production settings, HTTPS on
# loopback, SQLite): the year's ZIP of all PDFs of a subtree, built by the background worker, and the city-wide
# totals Excel with its list of every body. Each size gets a fresh database and a fresh portal process, so the
# process's peak resident memory (VmHWM) belongs to that size alone. If the exports stream, the peak stays
# flat as the number of reports grows; if something is held per report, it climbs with it.
#
#   bench/export-memory.sh                          # BENCH_EXPORT_SIZES="400 2000" organizations (one report each in 2022)
#   BENCH_EXPORT_SIZES="500 5000" bench/export-memory.sh
#
# Appends its table to bench/results/export-memory.md. Needs curl, openssl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes=${BENCH_EXPORT_SIZES:-400 2000}
port=${BENCH_EXPORT_PORT:-5093}
work=bench/.work/export-memory
rm -rf "$work"
mkdir -p "$work" bench/results
source bench/common.sh
need curl openssl python3

build_release
make_certificate "$work"
site="https://127.0.0.1:$port"
password="Export#$(openssl rand -hex 8)a1"
results="$work/results.md"

kib() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$2/status"; }
mib() { echo $(( $1 / 1024 )); } # KiB to MiB

# The status of the newest export job as the export page's status endpoint gives it.
job_status() {
  curl -ks -b "$1" -H 'Accept: application/json' "$site/review/exports?handler=status" |
    python3 -c 'import json, sys; jobs = json.load(sys.stdin)["jobs"]; print(jobs[0]["status"] if jobs else "none")'
}

for size in $sizes; do
  database="$root/$work/export-$size.db"
  connection="Data Source=$database"
  log "Seeding $size organizations x 2022-2023 into $database"
  cli migrate --provider Sqlite --connection "$connection" >/dev/null
  cli seed --synthetic "$size" --years 2022-2023 --provider Sqlite --connection "$connection" 2>/dev/null
  printf '%s\n' "$password" | cli create-admin --user export-admin --name 导出测量 --password-stdin \
    --provider Sqlite --connection "$connection" >/dev/null
  scope=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT \"Id\" FROM \"Organizations\" WHERE \"ParentId\" IS NULL ORDER BY \"Id\" LIMIT 1").fetchone()[0])' "$database")
  reports=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM \"AnnualReports\" WHERE \"Year\" = 2022").fetchone()[0])' "$database")

  log "Starting the portal on $site"
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$site" \
    Kestrel__Certificates__Default__Path="$root/$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$root/$work/key.pem" \
    Database__Provider=Sqlite ConnectionStrings__Default="$connection" Demo__Enabled=false \
    Storage__Path="$root/$work/exports-$size" Exports__PollInterval=00:00:01 \
    portal > "$work/portal-$size.log" 2>&1 &
  portal=$!
  trap 'kill $portal 2>/dev/null || true' EXIT
  wait_ready "$site" "$portal" "$work/portal-$size.log"
  jar="$work/admin-$size.jar"
  sign_in "$site" "$jar" export-admin "$password"

  # Warm up: one PDF download (fonts loaded) and the totals page, so the baseline holds what every request needs.
  code=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT \"Code\" FROM \"Organizations\" WHERE \"Id\" = ?", (int(sys.argv[2]),)).fetchone()[0])' "$database" "$scope")
  curl -ksf -o /dev/null "$site/reports/$code/2022.pdf"
  curl -ksf -o /dev/null -b "$jar" "$site/review/totals?year=2022&org=$scope"
  baseline=$(kib VmRSS "$portal")

  log "Year ZIP of $reports reports"
  token=$(curl -ks -b "$jar" -c "$jar" "$site/review/exports" | token_of)
  started=$(date +%s)
  curl -ks -b "$jar" -c "$jar" -o /dev/null "$site/review/exports" \
    --data-urlencode "org=$scope" --data-urlencode "year=2022" --data-urlencode "__RequestVerificationToken=$token"
  until [ "$(job_status "$jar")" = completed ]; do
    [ "$(job_status "$jar")" = failed ] && { echo "The export failed; see $work/portal-$size.log" >&2; exit 1; }
    sleep 1
  done
  zip_seconds=$(( $(date +%s) - started ))
  zip_bytes=$(du -b "$work/exports-$size"/*.zip | awk '{ print $1 }')
  zip_peak=$(kib VmHWM "$portal")

  log "Totals Excel over $size bodies"
  xlsx_bytes=$(curl -ksf -b "$jar" -o "$work/totals-$size.xlsx" -w '%{size_download}' "$site/review/totals?handler=xlsx&year=2022&org=$scope")
  xlsx_peak=$(kib VmHWM "$portal")

  kill "$portal"
  wait "$portal" 2>/dev/null || true
  trap - EXIT
  printf '| %s | %s | %s s | %s MiB | %s MiB | %s MiB | %s KiB | %s MiB |\n' "$(date -u +%Y-%m-%dT%H:%M)" "$reports" "$zip_seconds" \
    "$(awk -v b="$zip_bytes" 'BEGIN { printf "%.1f", b / 1048576 }')" "$(mib "$baseline")" "$(mib "$zip_peak")" "$(( xlsx_bytes / 1024 ))" "$(mib "$xlsx_peak")" >> "$results"
done

header=$([ -f bench/results/export-memory.md ] && echo no || echo yes)
{
  if [ "$header" = yes ]; then
    echo "# Peak memory of the large exports (bench/export-memory.sh)"
    echo
    echo "Resident memory of a fresh portal process (Release, Production, SQLite): after a warm-up, then its peak (VmHWM) once"
    echo "the year's ZIP of every 2022 report is built, then its peak once the totals Excel over every body is downloaded."
  fi
  echo
  echo "| run | reports | ZIP built in | ZIP | before | peak after ZIP | totals Excel | peak after Excel |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  cat "$results"
} >> bench/results/export-memory.md
cat "$results"
