#!/usr/bin/env bash
# The query plans of the public pages, as PostgreSQL ran them:
#   bench/explain.sh                 against govinfo_bench_1000000 (seeded by bench/run.sh --seed-only)
#   BENCH_REPORTS=100000 bench/explain.sh
#
# A portal in Release (Production settings) whose connections load PostgreSQL's auto_explain module, which logs
# the plan of every statement with its actual times and buffers (EXPLAIN ANALYZE, BUFFERS). Each public page and
# API read is requested once on a fresh portal, so nothing comes from a cache; the plans are cut out of the
# server's log page by page into bench/results/explain.md (the full plans) and a summary is printed: per page the
# statements, the slowest, and every sequential scan of a large table (which would not hold at 1,000,000 reports).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/common.sh
need psql curl

reports_wanted=${BENCH_REPORTS:-1000000}
pg_port=${BENCH_PG_PORT:-55440}
portal_port=${BENCH_EXPLAIN_PORT:-5092}
work=bench/.work
out=bench/results/explain.md
mkdir -p "$work" bench/results

start_bench_postgres "$pg_port"
database="govinfo_bench_$reports_wanted"
[ "$(pg "SELECT 1 FROM pg_database WHERE datname = '$database'" postgres)" = 1 ] \
  || { echo "$database is missing: seed it first with BENCH_REPORTS=$reports_wanted bench/run.sh --seed-only" >&2; exit 2; }
build_release
cli migrate --provider Postgres --connection "$pg_admin;Database=$database" >/dev/null
server_log=$(pg "SELECT current_setting('data_directory')" postgres)/../log

# auto_explain for this portal's sessions only (the options are a superuser's connection settings).
explained="$pg_admin;Database=$database;Options=-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on -c auto_explain.log_timing=on -c auto_explain.log_nested_statements=on"
log "Starting a portal with auto_explain"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$portal_port" \
  Database__Provider=Postgres ConnectionStrings__Default="$explained" Demo__Enabled=false Documents__WarmUp=false \
  Security__Search__PermitLimit=1000000000 Storage__Path="$root/$work/exports" \
  portal > "$work/explain-portal.log" 2>&1 &
portal_pid=$!
trap 'kill "$portal_pid" 2>/dev/null || true' EXIT
site="http://127.0.0.1:$portal_port"
wait_ready "$site" "$portal_pid" "$work/explain-portal.log"

# What to ask for: a published report, its organization's parent, a subtree of about a tenth of the reports.
read -r org_code report_year parent_code < <(pg 'SELECT o."Code", r."Year", p."Code" FROM "AnnualReports" r
  JOIN "Organizations" o ON o."Id" = r."OrganizationId" JOIN "Organizations" p ON p."Id" = o."ParentId"
  WHERE r."Status" = 4 AND r."Year" = 2023 AND o."Code" IS NOT NULL AND p."Code" IS NOT NULL ORDER BY r."Id" LIMIT 1' | tr '|' ' ')
root_code=$(pg 'SELECT "Code" FROM "Organizations" WHERE "ParentId" IS NULL AND "Code" IS NOT NULL ORDER BY "Id" LIMIT 1')
term=$(printf '%s' '依申请公开' | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
pages=(
  "home|/"
  "browse by year|/reports?year=2023&page=50"
  "browse the tree|/reports?org=$parent_code&year=2023"
  "report page|/reports/$org_code/$report_year"
  "report PDF|/reports/$org_code/$report_year.pdf"
  "search|/search?q=$term&year=2023"
  "search, two characters|/search?q=%E6%B3%89%E6%B8%AF"
  "statistics of a body|/stats?org=$org_code"
  "statistics of a subtree|/stats?org=$root_code&year=2023"
  "API list|/api/v1/reports?year=2023&page=5"
  "API report|/api/v1/reports/$org_code/$report_year"
  "API statistics|/api/v1/stats?org=$root_code&year=2023"
  "feed|/feed.atom"
  "sitemap|/sitemaps/reports-1.xml"
)

marker() { pg "DO \$\$ BEGIN RAISE LOG 'govinfo-explain %', '$1'; END \$\$"; }
start_line=$(wc -l < "$server_log")
for entry in "${pages[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  marker "begin $name"
  status=$(curl -s -o /dev/null -w '%{http_code}' "$site$path")
  sleep 0.3 # the log is written by another process
  marker "end $name"
  log "$name: HTTP $status"
  printf '%s|%s|%s\n' "$name" "$path" "$status" >> "$work/explain-pages.txt.new"
done
mv "$work/explain-pages.txt.new" "$work/explain-pages.txt"
tail -n +"$((start_line + 1))" "$server_log" > "$work/explain-server.log"

# Cuts the log into pages; prints the full plans (markdown) to $out and the summary to stdout.
python3 - "$work/explain-server.log" "$work/explain-pages.txt" "$out" "$database" "$(pg 'SELECT count(*) FROM "AnnualReports"')" <<'PY'
import re, sys
log_file, pages_file, out_file, database, reports = sys.argv[1:]
pages = [line.rstrip("\n").split("|") for line in open(pages_file, encoding="utf-8")]
text = open(log_file, encoding="utf-8", errors="replace").read()
entry = re.compile(r"^\S+ \S+ \S+ \[\d+\] (?:\S+ )?LOG:  ", re.M)
chunks = entry.split(text)[1:]
current, plans = None, {}
for chunk in chunks:
    marker = re.match(r"govinfo-explain (begin|end) (.*)", chunk)
    if marker:
        current = marker.group(2).strip() if marker.group(1) == "begin" else None
        continue
    found = re.match(r"duration: ([\d.]+) ms  plan:\n(.*)", chunk, re.S)
    if current and found:
        body = "\n".join(l[1:] if l.startswith("\t") else l for l in found.group(2).rstrip().splitlines())
        plans.setdefault(current, []).append((float(found.group(1)), body))
large = ("AnnualReports", "Organizations", "ReportSearchEntries", "ReportRevisions", "ReportCorrections")
summary, full = [], []
for name, path, status in pages:
    items = plans.get(name, [])
    seq = sorted({m for _, body in items for m in re.findall(r"Seq Scan on \"?(\w+)\"?", body) if m in large})
    slowest = max((d for d, _ in items), default=0)
    summary.append(f"| {name} | `{path}` | {status} | {len(items)} | {slowest:.1f} | {', '.join(seq) or 'none'} |")
    full.append(f"## {name} — `{path}` (HTTP {status})\n")
    for duration, body in items:
        full.append(f"{duration:.2f} ms\n\n```\n{body}\n```\n")
head = ["| page | path | HTTP | statements | slowest ms | sequential scans of large tables |", "| --- | --- | ---: | ---: | ---: | --- |"]
with open(out_file, "w", encoding="utf-8") as out:
    out.write(f"# Query plans of the public pages\n\nDatabase {database}: {reports} reports. Each page was requested once on a fresh portal "
              "(no cache); PostgreSQL's auto_explain logged every statement with EXPLAIN ANALYZE and BUFFERS. Written by `bench/explain.sh`.\n\n")
    out.write("\n".join(head + summary) + "\n\n" + "\n".join(full))
print("\n".join(head + summary))
PY
