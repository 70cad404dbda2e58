#!/usr/bin/env bash
# The publication season: the public site under load while reports are being published (issue 12).
#
# 1. A throwaway PostgreSQL server (bench/common.sh) with BENCH_REPORTS synthetic reports (default 1,000,000;
#    seeded once into govinfo_season_<N>, later runs reuse it).
# 2. Two portal instances (Production, HTTPS) behind nginx (HTTPS, round robin), as deployed.
# 3. BENCH_SEASON_PAGES (default 600) different public pages: report pages across the tree, browse and
#    statistics of random subtrees and years, the statistics API, searches, the API list.
# 4. wrk at 64 connections over those pages through nginx (bench/soak.lua, which counts the 5xx): first quiet,
#    then while a reviewer approves and publishes a submitted report every 2 s through the review API,
#    alternating between the two instances; for each publication, the time until its organization's feed
#    (kept in both caches beforehand) shows it on both instances.
# 5. The same pages' bytes as static files served by nginx over HTTPS, for the quiet ratio.
# Results, each line against its target: bench/results/season.md.
#
#   bench/season.sh                                         # 1,000,000 reports (seeding takes about 10 minutes)
#   BENCH_REPORTS=5000 BENCH_SEASON_DURATION=10s bench/season.sh   # a small trial
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

reports_wanted=${BENCH_REPORTS:-1000000}
database_prefix=govinfo_season_
pg_port=${BENCH_PG_PORT:-55440}
ports=(${BENCH_SEASON_PORTS:-5092 5093})
nginx_port=${BENCH_SEASON_NGINX_PORT:-5094}
static_port=${BENCH_SEASON_STATIC_PORT:-5095}
duration=${BENCH_SEASON_DURATION:-30s}
pages=${BENCH_SEASON_PAGES:-600}
interval=${BENCH_SEASON_INTERVAL:-2}
connections=64
work=bench/.work/season
rm -rf "$work"
mkdir -p "$work/static" "$work/nginx-tmp" bench/results

source bench/common.sh
source bench/pair.sh
need wrk nginx psql curl openssl python3

season_database
season_submitted $(( $(seconds_of "$duration") / interval + 5 ))
start_pair
sed -e "s|nginx.pid|static.pid|; s|nginx-error.log|static-error.log|" "$work/nginx.conf" | python3 -c '
import re, sys
conf = sys.stdin.read()
conf = re.sub(r"  upstream portal \{.*?\n  \}\n", "", conf, flags=re.S)
conf = re.sub(r"    location / \{.*?\n    \}\n", "    root '"$root/$work/static"';\n    default_type text/html;\n", conf, flags=re.S)
print(conf.replace("listen 127.0.0.1:'"$nginx_port"'", "listen 127.0.0.1:'"$static_port"'"))' > "$work/static.conf"
nginx -c "$root/$work/static.conf"
choose_pages

run_wrk quiet "$site" "$work/paths.txt"
run_wrk nginx "https://127.0.0.1:$static_port" "$work/static-paths.txt"

make_reviewer "${instances[@]}"
log "Season: wrk while a reviewer publishes every ${interval}s"
start_reviewer --sites "${instances[@]}" --jars "$work/reviewer-0.jar" "$work/reviewer-1.jar" --interval "$interval" \
  --out "$work/publications.jsonl" --watch
run_wrk season "$site" "$work/paths.txt"
touch "$work/reviewer.stop"
wait "$reviewer"

# ------------------------------------------------------------------ results
seconds=$(seconds_of "$duration")
read -r quiet_rps quiet_p99 quiet_timeouts quiet_5xx _ < <(summary "$work/wrk-quiet.txt")
read -r nginx_rps nginx_p99 _ _ _ < <(summary "$work/wrk-nginx.txt")
read -r season_rps season_p99 season_timeouts season_5xx _ < <(summary "$work/wrk-season.txt")
read -r published failed worst_visible median_publish < <(python3 - "$work/publications.jsonl" <<'PY'
import json, statistics, sys
entries = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
ok = [e for e in entries if e.get("status") == 200]
visible = [max(e.get("visible_0") or 999, e.get("visible_1") or 999) for e in ok]
print(len(ok), len(entries) - len(ok), f"{max(visible) if visible else 0:.2f}", f"{statistics.median([e['seconds'] for e in ok]) if ok else 0:.2f}")
PY
)
verdict() { [ "$1" = 1 ] && echo met || echo missed; }
ratio_quiet=$(awk -v a="$quiet_rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", a / b }')
ratio_season=$(awk -v a="$season_rps" -v b="$quiet_rps" 'BEGIN { printf "%.2f", a / b }')
{
  echo "# Publication season ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "$total_reports reports on PostgreSQL; two portal instances (Production, HTTPS) behind nginx (HTTPS, round robin);"
  echo "$page_count different public pages; wrk -t2 -c$connections -d$duration --timeout 5s (bench/soak.lua); a reviewer"
  echo "approving and publishing a submitted report every ${interval} s through the review API, alternating between the instances."
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)."
  echo
  echo "| measure | value | target | |"
  echo "| --- | --- | --- | --- |"
  echo "| quiet: throughput | $quiet_rps req/s (p99 $quiet_p99 ms, $quiet_timeouts time-outs, $quiet_5xx 5xx) | ≥ 0.3 × nginx: $ratio_quiet × | $(verdict "$(awk -v r="$ratio_quiet" 'BEGIN { print (r >= 0.3) }')") |"
  echo "| nginx, the same pages as static files | $nginx_rps req/s (p99 $nginx_p99 ms) | (reference) | |"
  echo "| season: throughput | $season_rps req/s | ≥ 0.8 × quiet: $ratio_season × | $(verdict "$(awk -v r="$ratio_season" 'BEGIN { print (r >= 0.8) }')") |"
  echo "| season: p99 | $season_p99 ms | ≤ 200 ms | $(verdict "$(awk -v p="$season_p99" 'BEGIN { print (p <= 200) }')") |"
  echo "| season: time-outs | $season_timeouts | none | $(verdict "$([ "$season_timeouts" = 0 ] && echo 1)") |"
  echo "| season: 5xx | $season_5xx | none | $(verdict "$([ "$season_5xx" = 0 ] && echo 1)") |"
  due=$(( seconds / interval ))
  echo "| season: publications | $published published of $due due ($failed refused), median $median_publish s each through the review API | one every ${interval} s | $(verdict "$([ "$failed" = 0 ] && [ "$published" -ge $((due - 1)) ] && echo 1)") |"
  echo "| season: visible on both instances | at most $worst_visible s after the publication | ≤ 2 s | $(verdict "$(awk -v v="$worst_visible" -v n="$published" 'BEGIN { print (n > 0 && v <= 2) }')") |"
  echo
  echo "Each publication: \`$work/publications.jsonl\` (seconds through the review API, seconds until visible on each instance)."
} > bench/results/season.md
cat bench/results/season.md
