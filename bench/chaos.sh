#!/usr/bin/env bash
# The publication season with faults (issue 18): what is lost, duplicated or answered 5xx when parts fail.
#
# The set-up of bench/season.sh (bench/pair.sh): a throwaway PostgreSQL server with BENCH_REPORTS synthetic reports
# (default 20,000, seeded once into govinfo_chaos_<N>), two portal instances (Production, HTTPS) behind nginx (HTTPS,
# round robin), BENCH_CHAOS_PAGES (300) public pages kept in both caches. Then wrk sends those pages through nginx
# (64 connections) while a reviewer approves and publishes a submitted report every 2 s through the review API
# *through nginx*, reading the report again and going on after an error or a lost answer (bench/reviewer.py
# --retry-seconds), and these faults happen one after the other, each BENCH_CHAOS_PAUSE (20) s of plain traffic
# after the recovery from the one before (a slow start under load moves the later ones, never overlaps them):
#   portal 2 is killed (kill -9) after BENCH_CHAOS_PAUSE s of traffic; nginx goes on with portal 1; it is started
#     again BENCH_CHAOS_KILL_DOWN (15) s later (recovered when its /health/ready answers);
#   PostgreSQL is stopped (pg_ctl -m fast) and started again BENCH_CHAOS_PG_DOWN (10) s later (recovered when both
#     instances' /health/ready answer);
#   the standby is stopped (pg_ctl -m fast) and started again BENCH_CHAOS_STANDBY_DOWN (10) s later. The script
#     makes it (pg_basebackup -R from the seeded server, on port BENCH_PG_PORT + 1) and both portals read the public
#     side through it (ConnectionStrings:GovInfoRead = standby, then primary, prefer-standby), as the read-replica
#     set-up of the README does. BENCH_CHAOS_STANDBY=0 runs without a standby (the step is skipped and the results
#     say so); BENCH_CHAOS_STANDBY_STOP / BENCH_CHAOS_STANDBY_START replace the stop and start commands for a standby
#     of one's own, whose settings reach the portals through BENCH_CHAOS_PORTAL_SETTINGS ("NAME=VALUE …").
# The traffic ends BENCH_CHAOS_PAUSE s after the last recovery (wrk is stopped with SIGINT, which prints its summary).
# nginx logs every answer with its time, status and the portal's Warning header. Afterwards, and printed in
# bench/results/chaos.md:
#   - every publication the review API acknowledged (2xx) is published, with exactly one approval and one publication
#     in the audit trail; none is lost or duplicated (publications whose answer was lost are counted apart);
#   - `govinfo audit verify` passes;
#   - every 5xx lies within a fault's window [fault, recovery + BENCH_CHAOS_GRACE (5) s]; stale answers (Warning 110)
#     and 5xx are counted per window.
# It exits 1 when one of these fails.
#
#   bench/chaos.sh                                  # 20,000 reports (seeded once, about a minute), then 3 to 5 minutes
#   BENCH_REPORTS=100000 BENCH_CHAOS_PAUSE=60 BENCH_CHAOS_PG_DOWN=60 bench/chaos.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

reports_wanted=${BENCH_REPORTS:-20000}
database_prefix=govinfo_chaos_
# Its own server by default: the benchmark restarts it.
pg_port=${BENCH_PG_PORT:-55441}
ports=(${BENCH_CHAOS_PORTS:-5096 5097})
nginx_port=${BENCH_CHAOS_NGINX_PORT:-5098}
pages=${BENCH_CHAOS_PAGES:-300}
interval=${BENCH_CHAOS_INTERVAL:-2}
pause=${BENCH_CHAOS_PAUSE:-20}
kill_down=${BENCH_CHAOS_KILL_DOWN:-15}
pg_down=${BENCH_CHAOS_PG_DOWN:-10}
standby_down=${BENCH_CHAOS_STANDBY_DOWN:-10}
grace=${BENCH_CHAOS_GRACE:-5}
retry_seconds=${BENCH_CHAOS_RETRY_SECONDS:-90}
portal_settings=${BENCH_CHAOS_PORTAL_SETTINGS:-}
connections=64
work=bench/.work/chaos
rm -rf "$work"
mkdir -p "$work/static" "$work/nginx-tmp" bench/results
nginx_access_log="$root/$work/access.log"

source bench/common.sh
source bench/pair.sh
need wrk nginx psql curl openssl python3

# A streaming standby of the seeded server on port pg_port + 1, made afresh from a base backup taken now (after the
# reviewer's reports and admin are written); the portals read the public side through it.
make_standby() {
  standby_port=$((pg_port + 1))
  local dir=/tmp/govinfo-test-pg-$standby_port
  bash scripts/test-postgres.sh stop "$standby_port" >/dev/null 2>&1 || true
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  chmod 700 "$dir"
  log "Making the standby (pg_basebackup -R, port $standby_port)"
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$dir/data" -R -X stream -c fast
  else
    "$bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$dir/data" -R -X stream -c fast
  fi
  bash scripts/test-postgres.sh start "$standby_port" >/dev/null
  [ "$(psql "host=127.0.0.1 port=$standby_port user=postgres dbname=$database" -tAqc 'SELECT pg_is_in_recovery()')" = t ] || {
    echo "The standby on port $standby_port is not in recovery" >&2; exit 1; }
  BENCH_CHAOS_STANDBY_STOP="bash scripts/test-postgres.sh stop $standby_port"
  BENCH_CHAOS_STANDBY_START="bash scripts/test-postgres.sh start $standby_port"
  portal_settings="$portal_settings ConnectionStrings__GovInfoRead=Host=127.0.0.1:$standby_port,127.0.0.1:$pg_port;Database=$database;Username=postgres;TargetSessionAttributes=prefer-standby"
}

season_database
# Enough reports for the reviewer: the pauses and outages, and a minute for portal 2 to start under load.
season_submitted $(( (4 * pause + kill_down + pg_down + standby_down + 60) / interval + 5 ))
if [ "${BENCH_CHAOS_STANDBY:-1}" != 0 ] && [ -z "${BENCH_CHAOS_STANDBY_STOP:-}" ]; then
  make_standby
fi
start_pair
choose_pages
make_reviewer "$site"

events="$work/events.txt"
: > "$events"
event() { echo "$(date +%s.%N | cut -c1-14) $1" >> "$events"; log "$1"; }
seconds_since_traffic() { python3 -c "import sys; t = [float(l.split()[0]) for l in open(sys.argv[1])]; print(round(t[-1] - t[0]))" "$events"; }
both_ready() { # waits until every instance's /health/ready answers (at most 5 minutes)
  for _ in $(seq 1 1500); do
    curl -ksf "${instances[0]}/health/ready" >/dev/null 2>&1 && curl -ksf "${instances[1]}/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "The portals did not become ready again in 5 minutes" >&2
  exit 1
}

log "Chaos: wrk while a reviewer publishes every ${interval}s through nginx, with faults"
start_reviewer --sites "$site" --jars "$work/reviewer-0.jar" --interval "$interval" --out "$work/publications.jsonl" \
  --retry-seconds "$retry_seconds"
event traffic
# Bounded: stopped with SIGINT after the last fault, at the latest after 15 minutes.
SOAK_PATHS="$work/paths.txt" wrk -t2 -c"$connections" -d900s --timeout 5s --latency -s bench/soak.lua "$site" \
  > "$work/wrk-chaos.txt" &
traffic=$!
pids+=("$traffic")

sleep "$pause"
event "kill portal 2 (pid ${portal_pids[1]})"
kill -9 "${portal_pids[1]}"
wait "${portal_pids[1]}" 2>/dev/null || true
sleep "$kill_down"
event "restart portal 2"
start_instance 1
wait_ready "${instances[1]}" "${portal_pids[1]}" "$work/portal-1.log"
event "portal 2 ready"

sleep "$pause"
event "stop PostgreSQL"
bash scripts/test-postgres.sh stop "$pg_port" 2>> "$work/postgres.log"
event "PostgreSQL stopped"
sleep "$pg_down"
event "start PostgreSQL"
bash scripts/test-postgres.sh start "$pg_port" > /dev/null 2>> "$work/postgres.log"
event "PostgreSQL started"
both_ready
event "portals ready after PostgreSQL"

if [ -n "${BENCH_CHAOS_STANDBY_STOP:-}" ]; then
  sleep "$pause"
  event "stop the standby"
  bash -c "$BENCH_CHAOS_STANDBY_STOP" >> "$work/standby.log" 2>&1
  sleep "$standby_down"
  event "start the standby"
  bash -c "${BENCH_CHAOS_STANDBY_START:?BENCH_CHAOS_STANDBY_START is needed with BENCH_CHAOS_STANDBY_STOP}" >> "$work/standby.log" 2>&1
  both_ready
  event "portals ready after the standby"
fi

sleep "$pause"
kill -INT "$traffic"
wait "$traffic" || true
event "traffic ended"
touch "$work/reviewer.stop"
wait "$reviewer"
[ -z "${standby_port:-}" ] || bash scripts/test-postgres.sh stop "$standby_port" >> "$work/standby.log" 2>&1 || true
# nginx writes out its buffered log as it quits.
nginx -c "$root/$work/nginx.conf" -s quit
for _ in $(seq 1 50); do [ -f "$work/nginx.pid" ] || break; sleep 0.1; done

# ------------------------------------------------------------------ checks
log "Checking publications, the audit trail and the 5xx"
ids=$(python3 -c 'import json, sys; print(",".join(str(json.loads(l)["id"]) for l in open(sys.argv[1]) if l.strip()) or "0")' "$work/publications.jsonl")
pg "SELECT r.\"Id\", r.\"Status\",
    (SELECT count(*) FROM \"AuditEntries\" a WHERE a.\"ReportId\" = r.\"Id\" AND a.\"Action\" = 'workflow.approved'),
    (SELECT count(*) FROM \"AuditEntries\" a WHERE a.\"ReportId\" = r.\"Id\" AND a.\"Action\" = 'workflow.published')
  FROM \"AnnualReports\" r WHERE r.\"Id\" IN ($ids)" > "$work/database.txt"
audit_rc=0
cli audit verify --provider Postgres --connection "$connection" > "$work/audit-verify.txt" 2>&1 || audit_rc=$?

verdict=0
python3 - "$work" "$grace" "$total_reports" "$page_count" "$(seconds_since_traffic)" "$interval" "$audit_rc" "$pg_down" \
  "${BENCH_CHAOS_STANDBY_STOP:+yes}" > bench/results/chaos.md <<'PY' || verdict=$?
import collections, json, os, re, subprocess, sys, time
work, grace, total_reports, page_count, duration, interval, audit_rc, pg_down, standby = sys.argv[1:10]
grace = float(grace); audit_rc = int(audit_rc)
events = [(float(l.split(" ", 1)[0]), l.split(" ", 1)[1].strip()) for l in open(f"{work}/events.txt") if l.strip()]
t0 = events[0][0]
def when(name):
    return next(t for t, n in events if n.startswith(name))
def rel(t):
    return f"{t - t0:.1f}"
windows = [("portal 2 killed", when("kill portal 2"), when("kill portal 2") + grace),
           ("portal 2 restarted", when("restart portal 2"), when("portal 2 ready") + grace),
           ("PostgreSQL restarted", when("stop PostgreSQL"), when("portals ready after PostgreSQL") + grace)]
if standby:
    windows.append(("standby stopped", when("stop the standby"), when("portals ready after the standby") + grace))
end = when("traffic ended")

# The answers nginx gave during the traffic: time status upstream-status "warning" request-time method uri
line = re.compile(r'^(\S+) (\d+) (\S+) "([^"]*)" (\S+) (\S+) (\S+)$')
per_window = {name: collections.Counter() for name, _, _ in windows}
outside = collections.Counter()
outside_5xx = []
per_second = collections.defaultdict(collections.Counter)
server_paths = collections.Counter()
pg_start, pg_end = windows[2][1], windows[2][2]
for raw in open(f"{work}/access.log"):
    m = line.match(raw.strip())
    if not m:
        continue
    t, status, warning, method, uri = float(m.group(1)), int(m.group(2)), m.group(4), m.group(6), m.group(7)
    if t < t0 or t > end + 1:
        continue
    kind = "review" if uri.startswith("/api/v1/review") or uri.startswith("/account") else "public"
    stale = "110" in warning
    counter = next((per_window[name] for name, a, b in windows if a <= t <= b), outside)
    counter[f"{kind} all"] += 1
    if status >= 500:
        counter[f"{kind} 5xx"] += 1
        server_paths[f"{status} {method} {uri.split('?')[0]}"] += 1
        if counter is outside:
            outside_5xx.append(f"{rel(t)} s {status} {method} {uri}")
    if stale:
        counter[f"{kind} stale"] += 1
    if pg_start - 3 <= t <= pg_end + 5:
        second = int(t - t0)
        per_second[second]["all"] += 1
        per_second[second]["5xx"] += status >= 500
        per_second[second]["stale"] += stale

# The publications: what the reviewer was told, against the database.
entries = [json.loads(l) for l in open(f"{work}/publications.jsonl") if l.strip()]
database = {}
for row in open(f"{work}/database.txt"):
    if row.strip():
        report_id, status, approved, published = map(int, row.strip().split("|"))
        database[report_id] = (status, approved, published)
acknowledged = [e for e in entries if e.get("acknowledged_at")]
lost = [e["id"] for e in acknowledged if database.get(e["id"], (0, 0, 0))[0] != 4 or database[e["id"]][2] < 1]
duplicated = [e["id"] for e in entries if database.get(e["id"], (0, 0, 0))[2] > 1 or database.get(e["id"], (0, 0, 0))[1] > 1]
unacknowledged = [e for e in entries if not e.get("acknowledged_at")]
published_unacknowledged = [e["id"] for e in unacknowledged if database.get(e["id"], (0, 0, 0))[0] == 4]
not_published = [e for e in unacknowledged if database.get(e["id"], (0, 0, 0))[0] != 4]
retried = [e for e in entries if any(a[2] == 0 or a[2] >= 500 for a in e["attempts"])]
answers = collections.Counter(a[2] for e in entries for a in e["attempts"])
audit = open(f"{work}/audit-verify.txt").read().strip()
audit_line = next((l for l in audit.splitlines() if "审计" in l), audit.splitlines()[-1] if audit else "(no output)")

wrk = open(f"{work}/wrk-chaos.txt").read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1)
sockets = re.search(r"Socket errors: (.*)", wrk)
wrk_5xx = re.search(r"5xx: (\d+)", wrk).group(1)
total_out_5xx = outside["public 5xx"] + outside["review 5xx"]
ok = not lost and not duplicated and audit_rc == 0 and total_out_5xx == 0

cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
memory = int(open("/proc/meminfo").read().split("MemTotal:")[1].split()[0]) / 1048576
print(f"# Publication season with faults ({time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime(t0))})")
print()
print(f"Machine: {os.cpu_count()} cores ({cpu}), {memory:.0f} GB. {total_reports} reports on PostgreSQL 15; two portal instances")
print(f"(Production, HTTPS) behind nginx (HTTPS, round robin); {page_count} public pages, kept in both caches beforehand;")
print(f"wrk -t2 -c64 --timeout 5s for {duration} s (bench/soak.lua) through nginx; a reviewer approving and publishing a")
print(f"submitted report every {interval} s through the review API through nginx, reading the report again and going on")
print("after an error or a lost answer. `bench/chaos.sh`; the raw logs are in `bench/.work/chaos`.")
print()
print("## Faults (seconds after the traffic started)")
print()
print("| event | at |")
print("| --- | ---: |")
for t, name in events:
    print(f"| {name} | {rel(t)} |")
if not standby:
    print("| the standby stopped | not measured: no standby (BENCH_CHAOS_STANDBY=0) |")
print()
print(f"## Verdict: {'passed' if ok else 'FAILED'}")
print()
print("| check | result | |")
print("| --- | --- | --- |")
print(f"| publications acknowledged (2xx) | {len(acknowledged)} of {len(entries)} reports the reviewer took up | |")
print(f"| acknowledged and published in the database, one approval and one publication in the audit trail | {len(acknowledged) - len(lost)} | {'met' if not lost else 'MISSED'} |")
print(f"| acknowledged but lost (not published) | {len(lost)}{': ' + ', '.join(map(str, lost)) if lost else ''} | {'met' if not lost else 'MISSED'} |")
print(f"| duplicated (more than one approval or publication in the audit trail) | {len(duplicated)}{': ' + ', '.join(map(str, duplicated)) if duplicated else ''} | {'met' if not duplicated else 'MISSED'} |")
print(f"| not acknowledged, yet published once (the answer was lost in a fault; seen published on the re-read) | {len(published_unacknowledged)} | |")
print(f"| not acknowledged and not published (gave up, or the traffic ended) | {len(not_published)} | |")
print(f"| reports whose steps met an error or no answer and were taken up again | {len(retried)} | |")
print(f"| `govinfo audit verify` | {audit_line} (exit {audit_rc}) | {'met' if audit_rc == 0 else 'MISSED'} |")
print(f"| 5xx outside the fault windows (grace {grace:.0f} s after each recovery) | {total_out_5xx} | {'met' if total_out_5xx == 0 else 'MISSED'} |")
print()
print("Answers the reviewer got (status: requests; 0 = no answer): " + ", ".join(f"{k}: {v}" for k, v in sorted(answers.items())) + ".")
print()
print("## Answers per window (nginx's access log)")
print()
print("| window | from | to | public answers | public 5xx | public stale (Warning 110) | review API and sign-in answers | their 5xx |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, a, b in windows:
    c = per_window[name]
    print(f"| {name} | {rel(a)} | {rel(b)} | {c['public all']} | {c['public 5xx']} | {c['public stale']} | {c['review all']} | {c['review 5xx']} |")
c = outside
print(f"| outside the windows | | | {c['public all']} | {c['public 5xx']} | {c['public stale']} | {c['review all']} | {c['review 5xx']} |")
print()
print(f"wrk: {rps} req/s over the whole run, {wrk_5xx} 5xx counted by bench/soak.lua, socket errors: {sockets.group(1) if sockets else 'none'}.")
print()
if outside_5xx:
    print("5xx outside the windows (first 20):")
    print()
    for l in outside_5xx[:20]:
        print(f"- {l}")
    print()
if server_paths:
    print("5xx by status, method and address (most first): " + "; ".join(f"{k}: {v}" for k, v in server_paths.most_common(8)) + ".")
    print()
print("Around the PostgreSQL restart, per second (answers / 5xx / stale):")
print()
print("| s | answers | 5xx | stale |")
print("| ---: | ---: | ---: | ---: |")
for second in sorted(per_second):
    c = per_second[second]
    print(f"| {second} | {c['all']} | {c['5xx']} | {c['stale']} |")
print()
print("## Not measured by this script")
print()
print("- A failover (a standby promoted): " + ("not done; the standby the portals read through was stopped and started (above)." if standby else "not done, and no standby was configured (BENCH_CHAOS_STANDBY=0), so none was stopped."))
print("- Killing portal 1, nginx itself or the reviewer's own process; a network partition; a slow (rather than stopped) database;")
print("  PostgreSQL killed with SIGKILL or `-m immediate` (it is stopped with `-m fast`, which ends every session first).")
print("- Anything over HTTP/2 or from more than one client address; a database of production size (BENCH_REPORTS).")
print("- The reviewer's browser: the review API is called as the review page's script calls it, with the same cookie and token.")
sys.exit(0 if ok else 1)
PY
cat bench/results/chaos.md
exit "$verdict"
