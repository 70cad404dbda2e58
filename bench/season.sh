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
#    alternating between the two instances; for each publication, the time until its organization's browse page
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
organizations=$((reports_wanted / 10))
years=2015-2024
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
need wrk nginx psql curl openssl python3

# ------------------------------------------------------------------ database
start_bench_postgres "$pg_port"
database="govinfo_season_$reports_wanted"
connection="$pg_admin;Database=$database"
build_release
if [ "$(pg "SELECT 1 FROM pg_database WHERE datname = '$database'" postgres)" != 1 ]; then
  log "Seeding $reports_wanted reports into $database (once; later runs reuse it)"
  pg "CREATE DATABASE $database" postgres
  cli migrate --provider Postgres --connection "$connection" >/dev/null
  cli seed --synthetic "$organizations" --years "$years" --provider Postgres --connection "$connection"
  pg "ANALYZE"
else
  log "Reusing $database"
  cli migrate --provider Postgres --connection "$connection" >/dev/null
fi
total_reports=$(pg 'SELECT count(*) FROM "AnnualReports"')

# The reviewer works for the top organization with the most submitted reports below it.
read -r top_id top_path < <(pg "SELECT o.\"Id\", o.\"Path\" FROM \"Organizations\" o WHERE o.\"ParentId\" IS NULL
  ORDER BY (SELECT count(*) FROM \"AnnualReports\" r JOIN \"Organizations\" d ON d.\"Id\" = r.\"OrganizationId\"
            WHERE r.\"Status\" = 1 AND d.\"Path\" LIKE o.\"Path\" || '%') DESC LIMIT 1" | tr '|' ' ')
needed=$(( $(python3 -c "import re; v='$duration'; n=float(re.sub('[a-z]','',v)); print(int(n*60 if v.endswith('m') else n))") / interval + 5 ))
pg "SELECT r.\"Id\", COALESCE(o.\"Code\", 'org-' || o.\"Id\"), r.\"Year\" FROM \"AnnualReports\" r JOIN \"Organizations\" o ON o.\"Id\" = r.\"OrganizationId\"
  WHERE r.\"Status\" = 1 AND o.\"Path\" LIKE '$top_path%' ORDER BY random() LIMIT $needed" | tr '|' ' ' > "$work/submitted.txt"
[ "$(wc -l < "$work/submitted.txt")" -ge "$needed" ] || {
  echo "Fewer than $needed submitted reports are left in $database; drop it to seed afresh." >&2; exit 1; }

admin_password="Season#$(openssl rand -hex 8)a1"
admin_user="season-admin-$(date +%s)"
printf '%s\n' "$admin_password" | cli create-admin --user "$admin_user" --name 发布季管理员 --password-stdin \
  --provider Postgres --connection "$connection" >/dev/null

# ------------------------------------------------------------------ two portals behind nginx
make_certificate "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for conf in nginx static; do [ -f "$work/$conf.pid" ] && kill "$(cat "$work/$conf.pid")" 2>/dev/null || true; done
}
trap cleanup EXIT
instances=()
for i in 0 1; do
  log "Starting portal $((i + 1)) (https://127.0.0.1:${ports[$i]})"
  # All the load comes from one address: the per-address search limit would answer most of it with 429.
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="https://127.0.0.1:${ports[$i]}" \
    Kestrel__Certificates__Default__Path="$root/$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$root/$work/key.pem" \
    Database__Provider=Postgres ConnectionStrings__Default="$connection" Demo__Enabled=false \
    Security__Search__PermitLimit=1000000000 Storage__Path="$root/$work/exports" \
    portal > "$work/portal-$i.log" 2>&1 &
  pids+=($!)
  instances+=("https://127.0.0.1:${ports[$i]}")
done
for i in 0 1; do wait_ready "${instances[$i]}" "${pids[$i]}" "$work/portal-$i.log"; done

cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $root/$work/nginx.pid;
error_log $root/$work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $root/$work/nginx-tmp;
  proxy_temp_path $root/$work/nginx-tmp;
  fastcgi_temp_path $root/$work/nginx-tmp;
  uwsgi_temp_path $root/$work/nginx-tmp;
  scgi_temp_path $root/$work/nginx-tmp;
  upstream portal {
    server 127.0.0.1:${ports[0]};
    server 127.0.0.1:${ports[1]};
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$nginx_port ssl;
    ssl_certificate $root/$work/cert.pem;
    ssl_certificate_key $root/$work/key.pem;
    location / {
      proxy_pass https://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_ssl_session_reuse on;
      proxy_read_timeout 30s;
    }
  }
}
CONF
sed -e "s|nginx.pid|static.pid|; s|nginx-error.log|static-error.log|" "$work/nginx.conf" | python3 -c '
import re, sys
conf = sys.stdin.read()
conf = re.sub(r"  upstream portal \{.*?\n  \}\n", "", conf, flags=re.S)
conf = re.sub(r"    location / \{.*?\n    \}\n", "    root '"$root/$work/static"';\n    default_type text/html;\n", conf, flags=re.S)
print(conf.replace("listen 127.0.0.1:'"$nginx_port"'", "listen 127.0.0.1:'"$static_port"'"))' > "$work/static.conf"
nginx -c "$root/$work/nginx.conf"
nginx -c "$root/$work/static.conf"
site="https://127.0.0.1:$nginx_port"

# ------------------------------------------------------------------ the pages
log "Choosing $pages public pages"
search_terms=(依申请公开 政府信息 行政复议 主动公开 年度报告 信息公开 财政预算 人民政府)
encode() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'; }
{
  # Report pages across the tree (40 %), browse (20 %) and statistics (15 %) of random subtrees and years, the
  # statistics API (10 %), searches (10 %), the API list (5 %); half as many again, since some answer 404 (a
  # subtree without reports that year).
  want() { echo $((pages * $1 * 3 / 200)); }
  pg "SELECT '/reports/' || COALESCE(o.\"Code\", 'org-' || o.\"Id\") || '/' || r.\"Year\" FROM \"AnnualReports\" r
    JOIN \"Organizations\" o ON o.\"Id\" = r.\"OrganizationId\" WHERE r.\"Status\" = 4 ORDER BY random() LIMIT $(want 40)"
  parents="FROM \"Organizations\" o CROSS JOIN generate_series(2016, 2024) AS y
    WHERE o.\"Code\" IS NOT NULL AND EXISTS (SELECT 1 FROM \"Organizations\" c WHERE c.\"ParentId\" = o.\"Id\") ORDER BY random()"
  pg "SELECT '/reports?org=' || o.\"Code\" || '&year=' || y $parents LIMIT $(want 20)"
  pg "SELECT '/stats?org=' || o.\"Code\" || '&year=' || y $parents LIMIT $(want 15)"
  pg "SELECT '/api/v1/stats?org=' || o.\"Code\" || '&year=' || y $parents LIMIT $(want 10)"
  for n in $(seq 1 "$(want 10)"); do
    term=${search_terms[$((n % ${#search_terms[@]}))]}
    echo "/search?q=$(encode "$term")&year=$((2016 + n % 9))&page=$((1 + n / ${#search_terms[@]} % 3))"
  done
  for n in $(seq 1 "$(want 5)"); do echo "/api/v1/reports?year=$((2016 + n % 9))&page=$n"; done
} | awk 'NF && !seen[$0]++' | shuf --random-source=<(yes) > "$work/candidates.txt"

# Each page fetched once (which also fills the caches); only those answering 200 are kept, with their bytes as a
# static file for nginx.
: > "$work/paths.txt"
: > "$work/static-paths.txt"
n=0
while read -r path && [ "$n" -lt "$pages" ]; do
  code=$(curl -ks -o "$work/static/p$n" -w '%{http_code}' "$site$path")
  if [ "$code" = 200 ]; then
    # Through nginx again (round robin: the other instance), with the host name wrk sends, which is part of the
    # cache key: both instances keep every page, so the quiet run measures the caches, not their first filling.
    curl -ks -o /dev/null "$site$path"
    echo "$path" >> "$work/paths.txt"; echo "/p$n" >> "$work/static-paths.txt"; n=$((n + 1))
  fi
done < "$work/candidates.txt"
page_count=$(wc -l < "$work/paths.txt")
log "$page_count pages answer 200"

# ------------------------------------------------------------------ wrk
run_wrk() { # name site paths-file
  log "wrk: $1"
  SOAK_PATHS="$3" wrk -t2 -c"$connections" -d3s --timeout 5s -s bench/soak.lua "$2" >/dev/null
  SOAK_PATHS="$3" wrk -t2 -c"$connections" -d"$duration" --timeout 5s --latency -s bench/soak.lua "$2" > "$work/wrk-$1.txt"
}
summary() { # file → rps p99-ms timeouts 5xx non2xx
  python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)", v); x = float(m.group(1))
    return x / 1000 if m.group(2) == "us" else x if m.group(2) == "ms" else x * 1000 if m.group(2) == "s" else x * 60000
p99 = ms(re.search(r"^\s+99%\s+(\S+)", t, re.M).group(1))
timeouts = int(re.search(r"timeout (\d+)", t).group(1)) if "timeout" in t else 0
server = int(re.search(r"5xx: (\d+)", t).group(1))
non2xx = int(re.search(r"Non-2xx or 3xx responses: (\d+)", t).group(1)) if "Non-2xx" in t else 0
print(f"{rps:.0f} {p99:.1f} {timeouts} {server} {non2xx}")
PY
}

run_wrk quiet "$site" "$work/paths.txt"
run_wrk nginx "https://127.0.0.1:$static_port" "$work/static-paths.txt"

# ------------------------------------------------------------------ the reviewer
reviewer_password="Review#$(openssl rand -hex 6)b2"
reviewer_user="season-reviewer-$(date +%s)"
sign_in "${instances[0]}" "$work/admin.jar" "$admin_user" "$admin_password"
token=$(curl -ks -c "$work/admin.jar" -b "$work/admin.jar" "${instances[0]}/admin/users/new" | token_of)
curl -ks -c "$work/admin.jar" -b "$work/admin.jar" -o /dev/null "${instances[0]}/admin/users/new" \
  --data-urlencode "Form.UserName=$reviewer_user" --data-urlencode "Form.DisplayName=发布季审核员" \
  --data-urlencode "Form.Role=Reviewer" --data-urlencode "Form.OrganizationId=$top_id" \
  --data-urlencode "Form.Password=$reviewer_password" --data-urlencode "__RequestVerificationToken=$token"
for i in 0 1; do sign_in "${instances[$i]}" "$work/reviewer-$i.jar" "$reviewer_user" "$reviewer_password"; done

cat > "$work/reviewer.py" <<'PY'
# Approves and publishes one submitted report every INTERVAL seconds through the review API, alternating
# between the instances; after each publication, asks both instances (directly) for the organization's browse
# page, kept in their caches beforehand, until it lists the report. One JSON line per publication.
import http.cookiejar, json, ssl, sys, threading, time, urllib.error, urllib.request, re
import os
instances, jars, submitted, ready, stop, interval, out = sys.argv[1].split(), sys.argv[2].split(), sys.argv[3], sys.argv[4], sys.argv[5], float(sys.argv[6]), sys.argv[7]
context = ssl._create_unverified_context()
def opener(jar_file):
    with open(jar_file) as source, open(jar_file + ".py", "w") as target:
        target.write("# Netscape HTTP Cookie File\n")
        for line in source.read().replace("#HttpOnly_", "").splitlines():
            parts = line.split("\t")
            if len(parts) == 7 and parts[4] == "0": parts[4] = str(int(time.time()) + 86400)
            target.write("\t".join(parts) + "\n")
    jar = http.cookiejar.MozillaCookieJar(jar_file + ".py"); jar.load(ignore_discard=True, ignore_expires=True)
    return urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar))
openers = [opener(j) for j in jars]
anonymous = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context))
tokens = []
for base, o in zip(instances, openers):
    page = o.open(base + "/account/password").read().decode()
    tokens.append(re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page).group(1))
def call(i, method, path, body=None):
    request = urllib.request.Request(instances[i] + path, method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "RequestVerificationToken": tokens[i]})
    try:
        with openers[i].open(request, timeout=30) as response: return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e: return e.code, e.read().decode(errors="replace")
def shows(i, path, link):
    try:
        with anonymous.open(instances[i] + path, timeout=10) as response: return link in response.read().decode()
    except Exception: return False
lock = threading.Lock(); results = []; watchers = []
def watch(entry, path, link, published_at):
    for i in range(len(instances)):
        while not shows(i, path, link):
            if time.time() - published_at > 30: break
            time.sleep(0.02)
        entry[f"visible_{i}"] = round(time.time() - published_at, 3) if shows(i, path, link) else None
    with lock: results.append(entry)
open(ready, "w").close()
n = 0; start = time.time()
for line in open(submitted):
    if os.path.exists(stop): break
    report_id, key, year = line.split()
    i = n % len(instances); n += 1
    browse = f"/reports?org={key}&year={year}"; link = f"/reports/{key}/{year}"
    for j in range(len(instances)):
        for _ in range(2): shows(j, browse, link)
    began = time.time()
    status, state = call(i, "GET", f"/api/v1/review/reports/{report_id}")
    entry = {"id": int(report_id), "instance": i}
    if status == 200:
        status, state = call(i, "POST", f"/api/v1/review/reports/{report_id}/approve", {"version": state["version"]})
    if status == 200:
        # A step answers {"message": …, "report": the new state}.
        status, state = call(i, "POST", f"/api/v1/review/reports/{report_id}/publish",
            {"publishedOn": time.strftime("%Y-%m-%d"), "secrecyReviewConfirmed": True, "version": state["report"]["version"]})
    entry["status"] = status; entry["seconds"] = round(time.time() - began, 3)
    if status == 200:
        t = threading.Thread(target=watch, args=(entry, browse, link, time.time())); t.start(); watchers.append(t)
    else:
        entry["error"] = str(state)[:200]
        with lock: results.append(entry)
    time.sleep(max(0, start + n * interval - time.time()))
for t in watchers: t.join()
with open(out, "w") as f:
    for entry in sorted(results, key=lambda e: e["id"]): f.write(json.dumps(entry) + "\n")
PY

log "Season: wrk while a reviewer publishes every ${interval}s"
python3 "$work/reviewer.py" "${instances[*]}" "$work/reviewer-0.jar $work/reviewer-1.jar" "$work/submitted.txt" \
  "$work/reviewer.ready" "$work/reviewer.stop" "$interval" "$work/publications.jsonl" &
reviewer=$!
pids+=("$reviewer")
for _ in $(seq 1 120); do [ -f "$work/reviewer.ready" ] && break; sleep 0.5; done
[ -f "$work/reviewer.ready" ] || { echo "The reviewer did not start" >&2; exit 1; }
run_wrk season "$site" "$work/paths.txt"
touch "$work/reviewer.stop"
wait "$reviewer"

# ------------------------------------------------------------------ results
seconds=$(python3 -c "import re; v='$duration'; n=float(re.sub('[a-z]','',v)); print(int(n*60 if v.endswith('m') else n))")
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
