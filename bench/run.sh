#!/usr/bin/env bash
# The portal under load, end to end:
#   bench/run.sh                  PostgreSQL with 1,000,000 synthetic reports (seeded on first run, reused after)
#   BENCH_REPORTS=100000 bench/run.sh    a smaller set (10,000 organizations x 10 years)
#   bench/run.sh --seed-only      only make sure the database is seeded (to seed ahead of a run)
#
# 1. A throwaway PostgreSQL server on 127.0.0.1:$BENCH_PG_PORT (default 55440) with database govinfo_bench_<N>,
#    seeded by `govinfo seed --synthetic` when missing.
# 2. The portal in Release, Production settings, on http://127.0.0.1:$BENCH_PORT (default 5090).
# 3. wrk at 64 connections over loopback against: a published report page, browse, search, statistics, the
#    API list; and the same report page's bytes served as a static file by nginx, for comparison.
# 4. Single-request timings: statistics over a subtree of about 100,000 reports (cold), the PDF download (cold).
# 5. Validation throughput (the benchmark project's throughput mode) and EXPLAIN plans of the hot queries.
# Writes bench/results/run-<date>.md (and copies it to bench/results/latest.md): req/s, p50, p99, errors,
# peak RSS, each against its target.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

reports_wanted=${BENCH_REPORTS:-1000000}
years=2015-2024
organizations=$((reports_wanted / 10))
pg_port=${BENCH_PG_PORT:-55440}
portal_port=${BENCH_PORT:-5090}
nginx_port=${BENCH_NGINX_PORT:-5091}
duration=${BENCH_DURATION:-20s}
connections=64
work=bench/.work
mkdir -p "$work" bench/results
stamp=$(date -u +%Y-%m-%dT%H%M)
out="bench/results/run-$stamp.md"

source bench/common.sh
need wrk nginx psql curl

# ------------------------------------------------------------------ database
start_bench_postgres "$pg_port"
admin=$pg_admin
database="govinfo_bench_$reports_wanted"
connection="$admin;Database=$database"

build_release

if [ "$(pg "SELECT 1 FROM pg_database WHERE datname = '$database'" postgres)" != 1 ]; then
  log "Seeding $reports_wanted reports into $database (once; later runs reuse it)"
  pg "CREATE DATABASE $database" postgres
  cli migrate --provider Postgres --connection "$connection" >/dev/null
  seed_start=$(date +%s)
  cli seed --synthetic "$organizations" --years "$years" --provider Postgres --connection "$connection"
  seed_seconds=$(( $(date +%s) - seed_start ))
  pg "ANALYZE"
else
  log "Reusing $database"
  cli migrate --provider Postgres --connection "$connection" >/dev/null
  seed_seconds=""
fi
total_reports=$(pg 'SELECT count(*) FROM "AnnualReports"')
if [ "${1:-}" = --seed-only ]; then
  echo "$database holds $total_reports reports${seed_seconds:+ (seeded in $seed_seconds s)}"
  exit 0
fi

# ------------------------------------------------------------------ portal
log "Starting the portal"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# All the load comes from one address: the per-address search limit would answer most of it with 429.
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$portal_port" \
  Database__Provider=Postgres ConnectionStrings__Default="$connection" Demo__Enabled=false \
  Security__Search__PermitLimit=1000000000 \
  Storage__Path="$root/$work/exports" \
  portal > "$work/portal.log" 2>&1 &
portal_pid=$!
pids+=("$portal_pid")
site="http://127.0.0.1:$portal_port"
wait_ready "$site" "$portal_pid" "$work/portal.log"

peak_rss_kb=0
sample_rss() {
  local now
  now=$(awk '/VmRSS/ {print $2}' "/proc/$portal_pid/status" 2>/dev/null || echo 0)
  [ "${now:-0}" -gt "$peak_rss_kb" ] && peak_rss_kb=$now
  return 0
}

# What to ask for: a published 2021-format report, a province-level subtree of about 100,000 reports.
read -r org_code report_year < <(pg 'SELECT o."Code", r."Year" FROM "AnnualReports" r JOIN "Organizations" o ON o."Id" = r."OrganizationId"
  WHERE r."Status" = 4 AND r."Year" = 2023 AND o."Code" IS NOT NULL ORDER BY r."Id" LIMIT 1' | tr '|' ' ')
target_subtree=$((total_reports / 10))
# Subtrees at the top three levels of the tree, counted by the segments of the materialized path (/1/5/…/).
read -r stats_org stats_reports < <(pg "WITH tops AS (
    SELECT split_part(d.\"Path\", '/', level)::int AS id, count(*) AS n
    FROM \"AnnualReports\" r JOIN \"Organizations\" d ON d.\"Id\" = r.\"OrganizationId\", generate_series(2, 4) AS level
    WHERE split_part(d.\"Path\", '/', level) <> ''
    GROUP BY 1)
  SELECT o.\"Code\", t.n FROM tops t JOIN \"Organizations\" o ON o.\"Id\" = t.id
  WHERE o.\"Code\" IS NOT NULL ORDER BY abs(t.n - $target_subtree) LIMIT 1" | tr '|' ' ')
report_path="/reports/$org_code/$report_year"
search_term=$(printf '%s' '依申请公开' | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')

# Cold single requests first (nothing of theirs cached yet), in a warm process: a portal that has served for a
# while has compiled its code paths and loaded its fonts, so the same kinds of request for another year and
# another report go first (their answers share no cache entry with the measured ones).
timing() { curl -s -o "$2" -w '%{http_code} %{time_total} %{size_download}\n' "$site$1"; }
warm_report=$(pg 'SELECT o."Code" || '"'"'/'"'"' || r."Year" FROM "AnnualReports" r JOIN "Organizations" o ON o."Id" = r."OrganizationId"
  WHERE r."Status" = 4 AND r."Year" = 2022 AND o."Code" IS NOT NULL ORDER BY r."Id" DESC LIMIT 1')
for warm in "/stats?org=$stats_org&year=2022" "/api/v1/stats?year=2022" "/reports/$warm_report.pdf"; do
  timing "$warm" /dev/null > /dev/null
done
read -r stats_code stats_time _ < <(timing "/stats?org=$stats_org&year=2023" /dev/null)
# The whole country's 2023 totals (every report of the year: about a tenth of all), through the API.
year_reports=$(pg 'SELECT count(*) FROM "AnnualReports" WHERE "Status" = 4 AND "Year" = 2023')
read -r nation_code nation_time _ < <(timing "/api/v1/stats?year=2023" /dev/null)
read -r pdf_code pdf_time pdf_size < <(timing "$report_path.pdf" "$work/report.pdf")
sample_rss

# ------------------------------------------------------------------ nginx with the same bytes
curl -fs "$site$report_path" -o "$work/static-report.html"
cat > "$work/nginx.conf" <<EOF
worker_processes auto;
pid $root/$work/nginx.pid;
error_log $root/$work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  client_body_temp_path $root/$work/nginx-tmp;
  proxy_temp_path $root/$work/nginx-tmp;
  fastcgi_temp_path $root/$work/nginx-tmp;
  uwsgi_temp_path $root/$work/nginx-tmp;
  scgi_temp_path $root/$work/nginx-tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $root/$work;
    location = /report { default_type text/html; try_files /static-report.html =404; }
  }
}
EOF
mkdir -p "$work/nginx-tmp"
nginx -c "$root/$work/nginx.conf"

# ------------------------------------------------------------------ wrk
results=()
run_wrk() {
  local name=$1 url=$2 text rps p50 p99 errors non2xx
  log "wrk: $name"
  (while kill -0 "$portal_pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$portal_pid/status" 2>/dev/null; sleep 0.5; done) > "$work/rss-$name.txt" &
  local sampler=$!
  # A few seconds first, not counted: the first requests of an address build what is then kept (the cold
  # single requests above measure that).
  wrk -t2 -c"$connections" -d3s --timeout 5s "$url" >/dev/null
  text=$(wrk -t2 -c"$connections" -d"$duration" --timeout 5s --latency "$url")
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  local peak
  peak=$(sort -n "$work/rss-$name.txt" | tail -n1)
  [ "${peak:-0}" -gt "$peak_rss_kb" ] && peak_rss_kb=$peak
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$text")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$text")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$text")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$text")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$text")
  results+=("$name|$rps|$p50|$p99|$(( ${errors:-0} + ${non2xx:-0} ))")
  printf '%s\n' "$text" > "$work/wrk-$name.txt"
}

run_wrk "report page" "$site$report_path"
run_wrk "nginx, same bytes" "http://127.0.0.1:$nginx_port/report"
run_wrk "browse" "$site/reports?year=2023&page=3"
run_wrk "search" "$site/search?q=$search_term&year=2023"
run_wrk "statistics" "$site/stats?org=$stats_org&year=2023"
run_wrk "API list" "$site/api/v1/reports?year=2023&page=5"

# ------------------------------------------------------------------ validation, plans
log "Validation throughput"
validation=$(dotnet run -c Release --project bench/GovInfoPortal.Benchmarks -- throughput 300000 2>/dev/null | tail -n1)
plans=""
if [ -x bench/explain.sh ]; then
  log "EXPLAIN plans"
  plans=$(bench/explain.sh 2>"$work/explain.log" || true)
fi

# ------------------------------------------------------------------ the table
ms() { # wrk's latency (e.g. 1.23ms, 850.00us, 1.20s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
nginx_rps=$(printf '%s\n' "${results[@]}" | awk -F'|' '$1 == "nginx, same bytes" {print $2}')
{
  echo "# Benchmark run $stamp"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
       "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg). Portal: Release, Production settings, PostgreSQL 15 on the same machine."
  echo "Data: $total_reports reports (synthetic, $years)${seed_seconds:+; seeded in ${seed_seconds} s}. wrk: 2 threads, $connections connections, $duration per line after a 3 s warm-up."
  echo
  echo "| what | req/s | p50 ms | p99 ms | errors | target |"
  echo "| --- | ---: | ---: | ---: | ---: | --- |"
  for line in "${results[@]}"; do
    IFS='|' read -r name rps p50 p99 errors <<<"$line"
    p50ms=$(ms "$p50"); p99ms=$(ms "$p99")
    case "$name" in
      "report page") target=$(awk -v r="$rps" -v n="$nginx_rps" -v p="$p99ms" 'BEGIN {
          ratio = r / n; printf "≥ 0.5 × nginx, p99 ≤ 50 ms: %.2f × nginx, %s ms — %s", ratio, p, (ratio >= 0.5 && p <= 50) ? "met" : "missed" }') ;;
      browse|search) target=$(awk -v a="$p50ms" -v b="$p99ms" 'BEGIN { printf "p50 ≤ 50 ms, p99 ≤ 200 ms — %s", (a <= 50 && b <= 200) ? "met" : "missed" }') ;;
      *) target="" ;;
    esac
    echo "| $name | $rps | $p50ms | $p99ms | $errors | $target |"
  done
  echo
  echo "| single request (cold) | result | target |"
  echo "| --- | --- | --- |"
  echo "| statistics (totals) over every published report of 2023 ($year_reports reports), API | HTTP $nation_code, $(awk -v t="$nation_time" 'BEGIN {printf "%.0f", t * 1000}') ms | ≤ 100 ms — $(awk -v t="$nation_time" 'BEGIN {print (t <= 0.1) ? "met" : "missed"}') |"
  echo "| statistics over $stats_org ($stats_reports reports), 2023 | HTTP $stats_code, $(awk -v t="$stats_time" 'BEGIN {printf "%.0f", t * 1000}') ms | ≤ 50 ms — $(awk -v t="$stats_time" 'BEGIN {print (t <= 0.05) ? "met" : "missed"}') |"
  echo "| PDF of $report_path | HTTP $pdf_code, $(awk -v t="$pdf_time" 'BEGIN {printf "%.0f", t * 1000}') ms, $((pdf_size / 1024)) KB | ≤ 200 ms, ≤ 200 KB — $(awk -v t="$pdf_time" -v s="$pdf_size" 'BEGIN {print (t <= 0.2 && s <= 204800) ? "met" : "missed"}') |"
  echo "| peak RSS of the portal under load | $((peak_rss_kb / 1024)) MB | ≤ 300 MB — $([ "$peak_rss_kb" -le 307200 ] && echo met || echo missed) |"
  echo "| validation (the 泉港区 2023 figures: clean, with last year, with errors) | $validation | ≥ 100,000 reports/s — $(awk '{print ($(NF-1) >= 100000) ? "met on all cores" : "missed"}' <<<"$validation") |"
  if [ -n "$plans" ]; then
    echo
    echo "## Query plans of the public pages"
    echo
    echo "Each page once on a fresh portal (nothing cached), every statement through PostgreSQL's auto_explain; the"
    echo "full plans are in \`bench/results/explain.md\` (\`bench/explain.sh\`)."
    echo
    printf '%s\n' "$plans"
  fi
} > "$out"
cp "$out" bench/results/latest.md
cat "$out"
