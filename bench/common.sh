# Shared by the scripts in bench/ and scripts/security-scan.sh (sourced, from the repository root).

log() { printf '== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)" >&2; }

need() { # tool…
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$0 needs $tool (Debian package)" >&2; exit 2; }
  done
}

# Builds the portal and the command line in Release; `cli` runs the latter.
build_release() {
  log "Building (Release)"
  dotnet build -c Release src/GovInfoPortal.Web --nologo -v q >/dev/null
  dotnet build -c Release src/GovInfoPortal.Cli --nologo -v q >/dev/null
}
cli() { dotnet src/GovInfoPortal.Cli/bin/Release/net10.0/govinfo.dll "$@"; }
# Runs the Release portal with the project folder as its content root (appsettings.*.json, wwwroot), as `dotnet run`
# and the container do; settings come from the environment of the call. Start it in the background (`portal &`):
# it replaces the subshell, so `$!` is the portal itself.
portal() { ASPNETCORE_CONTENTROOT="$PWD/src/GovInfoPortal.Web" exec dotnet src/GovInfoPortal.Web/bin/Release/net10.0/GovInfoPortal.Web.dll "$@"; }

# A throwaway self-signed certificate for 127.0.0.1: cert.pem and key.pem in the folder given.
make_certificate() {
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 2 -keyout "$1/key.pem" -out "$1/cert.pem" >/dev/null 2>&1
}

# Waits up to five minutes for /health/ready of a portal started in the background; fails if it died.
wait_ready() { # base-address pid log-file
  for _ in $(seq 1 600); do
    curl -ksf "$1/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "The portal did not start; see $3" >&2; exit 1; }
    sleep 0.5
  done
  echo "The portal did not become ready in 5 minutes; see $3" >&2
  exit 1
}

# The antiforgery token of the form on the page read from stdin.
token_of() {
  python3 -c 'import re, sys; t = sys.stdin.read(); m = re.search(r"<input[^>]*name=\"__RequestVerificationToken\"[^>]*>", t); print(re.search(r"value=\"([^\"]+)\"", m.group(0)).group(1))'
}

# Signs in through the sign-in page into a curl cookie jar; fails when refused.
sign_in() { # site jar user password
  local token
  token=$(curl -ks -c "$2" -b "$2" "$1/account/login" | token_of)
  curl -ks -c "$2" -b "$2" -o /dev/null -w '%{http_code}' "$1/account/login" \
    --data-urlencode "Input.UserName=$3" --data-urlencode "Input.Password=$4" --data-urlencode "__RequestVerificationToken=$token" \
    | grep -q 302 || { echo "sign-in refused for $3" >&2; exit 1; }
}

# Starts (or finds running) the throwaway PostgreSQL server of the benchmarks on 127.0.0.1:PORT; sets $pg_admin (the
# connection string of its superuser) and `pg SQL [DATABASE]` (one query through psql; $database by default).
start_bench_postgres() { # port
  pg_port=$1
  pg_admin=$(bash scripts/test-postgres.sh start "$pg_port" | sed 's/^GOVINFO_TEST_POSTGRES=//')
}
pg() { psql "host=127.0.0.1 port=$pg_port user=postgres dbname=${2:-$database}" -tAqc "$1"; }
