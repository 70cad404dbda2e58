#!/usr/bin/env bash
# Ten minutes of mixed traffic against the portal in Production settings over HTTPS, on PostgreSQL:
#   bench/soak.sh                 (BENCH_SOAK_DURATION=10m, BENCH_SOAK_ORGANIZATIONS=5000 x 10 years)
# - wrk at 64 connections: published report pages, browse, search, statistics, the API list and a report;
# - beside it, eight clerks (accounts made through the admin pages, the first admin by `govinfo create-admin`)
#   each saving their draft in a loop, as the editor's autosave does, and checking it (the live findings);
# - the portal's resident memory sampled every 5 seconds.
# Passes when no answer is 5xx, no acknowledged save is missing afterwards, and memory is flat (the last
# minute's average within 15 % of the second minute's). Appends the result to bench/results/soak.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

duration=${BENCH_SOAK_DURATION:-10m}
organizations=${BENCH_SOAK_ORGANIZATIONS:-5000}
pg_port=${BENCH_PG_PORT:-55440}
port=${BENCH_SOAK_PORT:-5093}
clerks=8
work=bench/.work/soak
rm -rf "$work"
mkdir -p "$work" bench/results
source bench/common.sh
need wrk psql curl openssl python3

start_bench_postgres "$pg_port"
admin=$pg_admin
database="govinfo_soak_$(date +%s)"
connection="$admin;Database=$database"

build_release

log "Seeding $organizations organizations x 2015-2024 into $database"
pg "CREATE DATABASE $database" postgres
cli migrate --provider Postgres --connection "$connection" >/dev/null
cli seed --synthetic "$organizations" --years 2015-2024 --provider Postgres --connection "$connection" 2>/dev/null
pg "ANALYZE"
admin_password="Soak#$(openssl rand -hex 8)a1"
printf '%s\n' "$admin_password" | cli create-admin --user soak-admin --name 压测管理员 --password-stdin \
  --provider Postgres --connection "$connection" >/dev/null

make_certificate "$work"

log "Starting the portal (Production, https://127.0.0.1:$port)"
# All the load comes from one address: the per-address search limit would answer most of it with 429.
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="https://127.0.0.1:$port" \
  Kestrel__Certificates__Default__Path="$root/$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$root/$work/key.pem" \
  Database__Provider=Postgres ConnectionStrings__Default="$connection" Demo__Enabled=false \
  Security__Search__PermitLimit=1000000000 \
  Storage__Path="$root/$work/exports" \
  portal > "$work/portal.log" 2>&1 &
portal=$!
loops=()
cleanup() {
  for pid in "${loops[@]}"; do kill "$pid" 2>/dev/null || true; done
  kill "$portal" 2>/dev/null || true
}
trap cleanup EXIT
site="https://127.0.0.1:$port"
wait_ready "$site" "$portal" "$work/portal.log"

log "Making $clerks clerks and their 2025 drafts"
sign_in "$site" "$work/admin.jar" soak-admin "$admin_password"
mapfile -t townships < <(pg "SELECT o.\"Id\" FROM \"Organizations\" o
  WHERE NOT EXISTS (SELECT 1 FROM \"Organizations\" c WHERE c.\"ParentId\" = o.\"Id\") ORDER BY o.\"Id\" LIMIT $clerks")
clerk_password="Clerk#$(openssl rand -hex 6)b2"
for i in $(seq 0 $((clerks - 1))); do
  jar="$work/clerk-$i.jar"
  token=$(curl -ks -c "$work/admin.jar" -b "$work/admin.jar" "$site/admin/users/new" | token_of)
  curl -ks -c "$work/admin.jar" -b "$work/admin.jar" -o /dev/null "$site/admin/users/new" \
    --data-urlencode "Form.UserName=soak-clerk-$i" --data-urlencode "Form.DisplayName=压测填报员$i" \
    --data-urlencode "Form.Role=Clerk" --data-urlencode "Form.OrganizationId=${townships[$i]}" \
    --data-urlencode "Form.Password=$clerk_password" --data-urlencode "__RequestVerificationToken=$token"
  sign_in "$site" "$jar" "soak-clerk-$i" "$clerk_password"
  token=$(curl -ks -c "$jar" -b "$jar" "$site/clerk/reports/start" | token_of)
  edit=$(curl -ks -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$site/clerk/reports/start" \
    --data-urlencode "Year=2025" --data-urlencode "__RequestVerificationToken=$token")
  [ -n "$edit" ] || { echo "clerk $i could not start the 2025 report" >&2; exit 1; }
  echo "$edit" > "$work/clerk-$i.url"
done

# One clerk's autosave loop: fills every cell with a changing number, saves with the version the last save
# returned, checks the findings; records each acknowledged save (number, version) and every status.
cat > "$work/clerk.py" <<'PY'
import html.parser, http.cookiejar, json, ssl, sys, time, urllib.parse, urllib.request
jar_file, edit_url, deadline, log_file = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
context = ssl._create_unverified_context()
# curl marks HttpOnly cookies with a "#HttpOnly_" prefix, which Python's reader would skip as a comment, and
# writes session cookies with expiry 0, which Python would take as long expired.
with open(jar_file) as source, open(jar_file + ".py", "w") as target:
    target.write("# Netscape HTTP Cookie File\n")
    for line in source.read().replace("#HttpOnly_", "").splitlines():
        parts = line.split("\t")
        if len(parts) == 7 and parts[4] == "0": parts[4] = str(int(time.time()) + 86400)
        target.write("\t".join(parts) + "\n")
jar = http.cookiejar.MozillaCookieJar(jar_file + ".py"); jar.load(ignore_discard=True, ignore_expires=True)
opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar))
class Form(html.parser.HTMLParser):
    # The editor's fields (cells, narrative parts, 签发人, version) and the antiforgery token, wherever they stand.
    def __init__(self):
        super().__init__(); self.fields = {}; self.textarea = None
    def wanted(self, name):
        return name and (name.startswith(("cell:", "section:", "explain:")) or name in ("version", "signedBy", "__RequestVerificationToken"))
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and self.wanted(a.get("name")) and a["name"] not in self.fields:
            self.fields[a["name"]] = a.get("value") or ""
        if tag == "textarea" and self.wanted(a.get("name")): self.textarea = a["name"]; self.fields[self.textarea] = ""
    def handle_data(self, data):
        if self.textarea: self.fields[self.textarea] += data
    def handle_endtag(self, tag):
        if tag == "textarea": self.textarea = None
form = Form(); form.feed(opener.open(edit_url).read().decode())
fields = form.fields
token = fields["__RequestVerificationToken"]
cells = [name for name in fields if name.startswith("cell:")]
if not cells or "version" not in fields: sys.exit("the editor form has no cells or no version field")
n = 0
with open(log_file, "w") as out:
    while time.time() < deadline:
        n += 1
        for name in cells: fields[name] = str(n % 7)
        for handler in ("save", "check"):
            request = urllib.request.Request(edit_url.replace("/edit", "/edit/" + handler), data=urllib.parse.urlencode(fields).encode(),
                headers={"Accept": "application/json", "RequestVerificationToken": token})
            try:
                with opener.open(request) as response: status, body = response.status, response.read()
            except urllib.error.HTTPError as error: status, body = error.code, error.read()
            except Exception as error: status, body = 0, str(error).encode()
            out.write(f"{handler} {status}\n")
            if handler == "save" and status == 200:
                version = json.loads(body)["version"]
                fields["version"] = str(version)
                out.write(f"ack {n} {version}\n")
        out.flush()
PY

log "Soak: $duration"
seconds=$(python3 -c "import re,sys; v=sys.argv[1]; n=float(re.match(r'[0-9.]+', v).group()); print(int(n*{'s':1,'m':60,'h':3600}.get(v[-1],1)))" "$duration")
deadline=$(( $(date +%s) + seconds ))
for i in $(seq 0 $((clerks - 1))); do
  python3 "$work/clerk.py" "$work/clerk-$i.jar" "$(cat "$work/clerk-$i.url")" "$deadline" "$work/clerk-$i.log" &
  loops+=($!)
done

# The public paths: published reports spread over the tree, browse pages, searches, statistics, the API.
pg "SELECT '/reports/' || o.\"Code\" || '/' || r.\"Year\" FROM \"AnnualReports\" r JOIN \"Organizations\" o ON o.\"Id\" = r.\"OrganizationId\"
  WHERE r.\"Status\" = 4 AND o.\"Code\" IS NOT NULL ORDER BY md5(r.\"Id\"::text) LIMIT 400" > "$work/paths.txt"
for y in 2019 2021 2023; do
  for p in 1 2 3; do echo "/reports?year=$y&page=$p"; echo "/api/v1/reports?year=$y&page=$p"; done
  echo "/search?q=%E4%BE%9D%E7%94%B3%E8%AF%B7&year=$y"
  echo "/stats?year=$y"
done >> "$work/paths.txt"
pg "SELECT '/stats?org=' || \"Code\" || '&year=2023' FROM \"Organizations\" WHERE \"Code\" IS NOT NULL ORDER BY \"Path\" LIMIT 20" >> "$work/paths.txt"

(while kill -0 "$portal" 2>/dev/null; do echo "$(date +%s) $(awk '/VmRSS/ {print $2}' "/proc/$portal/status")"; sleep 5; done) > "$work/rss.txt" &
sampler=$!
loops+=("$sampler")
SOAK_PATHS="$root/$work/paths.txt" wrk -t2 -c64 -d"$duration" --latency -s bench/soak.lua "$site" > "$work/wrk.txt" 2>&1 || true
for pid in "${loops[@]}"; do [ "$pid" = "$sampler" ] || wait "$pid" 2>/dev/null || true; done
kill "$sampler" 2>/dev/null || true

# ------------------------------------------------------------------ verdict
public_5xx=$(awk '/^5xx:/ {print $2}' "$work/wrk.txt")
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
saves=$(cat "$work"/clerk-*.log | grep -c '^save 200' || true)
checks=$(cat "$work"/clerk-*.log | grep -c '^check 200' || true)
clerk_5xx=$(cat "$work"/clerk-*.log | awk '$1 != "ack" && ($2 >= 500 || $2 == 0)' | wc -l)
conflicts=$(cat "$work"/clerk-*.log | grep -c '^save 409' || true)
# Every acknowledged save is in the database: each draft holds the version of its last acknowledged save.
lost=0
for i in $(seq 0 $((clerks - 1))); do
  last=$(awk '$1 == "ack" {v = $3} END {print v}' "$work/clerk-$i.log")
  id=$(sed -E 's#.*/reports/([0-9]+)/edit#\1#' "$work/clerk-$i.url")
  stored=$(pg "SELECT \"Version\" FROM \"AnnualReports\" WHERE \"Id\" = $id")
  [ -n "$last" ] && [ "$stored" != "$last" ] && lost=$((lost + 1))
done
read -r minute2 last_minute peak < <(awk 'NR == 1 {t0 = $1} {t = $1 - t0; if (t >= 60 && t < 120) {a += $2; na++} rows[NR] = $0; tt[NR] = t; if ($2 > peak) peak = $2}
  END {end = tt[NR]; for (i = 1; i <= NR; i++) if (tt[i] > end - 60) {split(rows[i], f, " "); b += f[2]; nb++}
       printf "%d %d %d\n", (na ? a / na : 0) / 1024, (nb ? b / nb : 0) / 1024, peak / 1024}' "$work/rss.txt")
flat=$(awk -v a="$minute2" -v b="$last_minute" 'BEGIN {print (a > 0 && b <= a * 1.15) ? "yes" : "no"}')
verdict=$([ "${public_5xx:-1}" = 0 ] && [ "$clerk_5xx" = 0 ] && [ "$lost" = 0 ] && [ "$flat" = yes ] && echo passed || echo failed)

results=bench/results/soak.md
[ -f "$results" ] || printf '| date | machine | duration | public requests | req/s | p99 | 5xx | clerk saves / checks | 409 | saves lost | RSS MB (2nd min / last min / peak) | verdict |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n' > "$results"
printf '| %s | %s cores, %s GiB, load %s | %s | %s | %s | %s | %s | %s / %s | %s | %s | %s / %s / %s | %s |\n' \
  "$(date -u +%Y-%m-%d)" "$(nproc)" "$(free -g | awk '/Mem:/ {print $2}')" "$(cut -d' ' -f1 /proc/loadavg)" "$duration" \
  "$requests" "$rps" "$p99" "$((public_5xx + clerk_5xx))" "$saves" "$checks" "$conflicts" "$lost" "$minute2" "$last_minute" "$peak" "$verdict" >> "$results"
tail -n 1 "$results"
pg "DROP DATABASE IF EXISTS $database" postgres >/dev/null 2>&1 || true
[ "$verdict" = passed ]
