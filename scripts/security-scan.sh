#!/usr/bin/env bash
# Runs two standard scanners against the portal on loopback and fails if either reports anything:
#   scripts/security-scan.sh            (needs Debian's wapiti and sqlmap: apt-get install -y wapiti sqlmap)
# The portal runs in Release with Production settings over HTTPS (a throwaway self-signed certificate),
# on a fresh SQLite database in demo mode, so that the scanners can also work signed in as the demo
# clerk, reviewer and admin (cookies taken from a real sign-in).
# - wapiti crawls and attacks every page and form it finds: anonymous, then as each demo account (a session
#   from a real sign-in handed over as a wapiti cookie file), each pass time-boxed;
# - sqlmap tests every query parameter of the public pages and the API, and the sign-in form
#   (with its antiforgery token refreshed per request).
# Reports go to $SCAN_OUT (default bench/.work/scan); the summary is printed and the exit code says it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${SCAN_PORT:-5095}
out=${SCAN_OUT:-bench/.work/scan}
pass_seconds=${SCAN_PASS_SECONDS:-300}
tools=${SCAN_TOOLS:-wapiti sqlmap}   # one of them alone: SCAN_TOOLS=wapiti
rm -rf "$out"
mkdir -p "$out"
source bench/common.sh
need wapiti sqlmap openssl curl python3

build_release
make_certificate "$out"

log "Starting the portal (Production, demo data, https://127.0.0.1:$port)"
# The scanners send everything from one address: the per-address limits would answer most of it with 429.
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="https://127.0.0.1:$port" \
  Kestrel__Certificates__Default__Path="$root/$out/cert.pem" Kestrel__Certificates__Default__KeyPath="$root/$out/key.pem" \
  Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$root/$out/portal.db" Demo__Enabled=true \
  Security__Search__PermitLimit=1000000000 Security__SignIn__PermitLimit=1000000000 Security__Validate__PermitLimit=1000000000 \
  Exports__Folder="$root/$out/exports" \
  portal > "$out/portal.log" 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null || true' EXIT
site="https://127.0.0.1:$port"
wait_ready "$site" "$portal" "$out/portal.log"

cookie_file() { # user → a wapiti cookie file (JSON) of a signed-in session; prints its path
  local jar="$out/$1.jar"
  sign_in "$site" "$jar" "$1" "Demo#2026"
  python3 - "$jar" "$out/$1.cookies.json" <<'PY'
import json, sys
cookies = {}
for line in open(sys.argv[1]):
    if line.startswith("#HttpOnly_"):
        line = line[len("#HttpOnly_"):]
    elif line.startswith("#") or not line.strip():
        continue
    domain, _, path, secure, expires, name, value = line.rstrip("\n").split("\t")
    cookies.setdefault(domain, {}).setdefault(path, {})[name] = {
        "value": value, "version": 0, "secure": secure == "TRUE", "expires": int(expires) or None, "port": None}
json.dump(cookies, open(sys.argv[2], "w"))
PY
  echo "$out/$1.cookies.json"
}

failures=0
# Every wapiti module but those that need the network (ssrf's callback host, nikto's and wapp's databases)
# or only guess (buster's word lists, brute_login_form: it would lock the demo accounts out).
modules=backup,blindsql,cookieflags,crlf,csp,csrf,exec,file,htaccess,http_headers,methods,permanentxss,redirect,shellshock,sql,xss,xxe
wapiti_pass() { # name [cookie]
  log "wapiti: $1"
  local args=(-u "$site/" --scope folder -m "$modules" --max-scan-time "$pass_seconds" --max-attack-time 60 -t 10
    --flush-session -f json -o "$out/wapiti-$1.json" --verify-ssl 0
    # wapiti 3.0.4 reads compressed pages without decoding them and would find no links on the public pages.
    -H "Accept-Encoding: identity")
  [ -n "${2:-}" ] && args+=(-c "$2")
  wapiti "${args[@]}" > "$out/wapiti-$1.log" 2>&1 || true
  local found
  found=$(python3 -c 'import json,sys; r = json.load(open(sys.argv[1])); print(sum(len(v) for v in r.get("vulnerabilities", {}).values()))' "$out/wapiti-$1.json" 2>/dev/null || echo "no report")
  echo "wapiti ($1): $found findings" | tee -a "$out/summary.txt"
  [ "$found" = 0 ] || failures=$((failures + 1))
}

if [[ " $tools " == *" wapiti "* ]]; then
  wapiti_pass anonymous
  for user in demo-clerk demo-reviewer demo-admin; do
    wapiti_pass "$user" "$(cookie_file "$user")"
  done
fi

sqlmap_target() { # name sqlmap-arguments…
  local name=$1; shift
  log "sqlmap: $name"
  sqlmap --batch --level 2 --risk 1 --timeout 15 --retries 1 --output-dir "$root/$out/sqlmap" "$@" > "$out/sqlmap-$name.log" 2>&1 || true
  if grep -q "identified the following injection point" "$out/sqlmap-$name.log"; then
    echo "sqlmap ($name): INJECTABLE" | tee -a "$out/summary.txt"; failures=$((failures + 1))
  elif grep -qE "do not appear to be injectable|not injectable" "$out/sqlmap-$name.log"; then
    echo "sqlmap ($name): not injectable" | tee -a "$out/summary.txt"
  else
    echo "sqlmap ($name): no verdict (see $out/sqlmap-$name.log)" | tee -a "$out/summary.txt"; failures=$((failures + 1))
  fi
}
if [[ " $tools " == *" sqlmap "* ]]; then
  sqlmap_target search -u "$site/search?q=%E4%BE%9D%E7%94%B3%E8%AF%B7&year=2023&org=350582"
  sqlmap_target browse -u "$site/reports?year=2023&org=350582&page=1"
  sqlmap_target report -u "$site/reports/350505*/2023"
  sqlmap_target stats -u "$site/stats?org=350500&year=2023"
  sqlmap_target api-list -u "$site/api/v1/reports?year=2023&org=350582&q=%E5%85%AC%E5%BC%80&page=1&pageSize=20"
  sqlmap_target api-report -u "$site/api/v1/reports/350505*/2023"
  sqlmap_target api-stats -u "$site/api/v1/stats?org=350500&year=2023"
  sqlmap_target sign-in -u "$site/account/login" --data "Input.UserName=demo-clerk&Input.Password=x&__RequestVerificationToken=x" \
    -p "Input.UserName" --csrf-token "__RequestVerificationToken" --csrf-url "$site/account/login"
fi

echo "$(date -u +%Y-%m-%d): $failures scanner passes with findings" | tee -a "$out/summary.txt"
[ "$failures" = 0 ]
