#!/usr/bin/env bash
# A throwaway PostgreSQL for the data tests, on 127.0.0.1 only.
#   scripts/test-postgres.sh start [PORT]  initialise (first time) and start it; prints GOVINFO_TEST_POSTGRES=...
#   scripts/test-postgres.sh stop [PORT]   stop it (pg_ctl finds the server by the postmaster.pid in its directory)
#   scripts/test-postgres.sh env [PORT]    print GOVINFO_TEST_POSTGRES=... again
# PORT defaults to $GOVINFO_PG_PORT or 55432. The data directory is /tmp/govinfo-test-pg-PORT, owned by postgres
# (the server refuses to run as root). PostgreSQL server binaries are looked up under /usr/lib/postgresql/*/bin
# (or $PG_BIN); when missing and we are root, the Debian package is installed.
# Typical use:  export "$(scripts/test-postgres.sh start)"; dotnet test tests/GovInfoPortal.Data.Tests; scripts/test-postgres.sh stop
set -euo pipefail

command=${1:-}
port=${2:-${GOVINFO_PG_PORT:-55432}}
dir=/tmp/govinfo-test-pg-$port

connection="GOVINFO_TEST_POSTGRES=Host=127.0.0.1;Port=$port;Username=postgres"

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
  start)
    bin=$(find_bin)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing PostgreSQL server packages" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
        bin=$(find_bin)
      fi
      if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "PostgreSQL server binaries not found (set PG_BIN)" >&2
        exit 1
      fi
    fi
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --no-create-home postgres
    fi
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    chmod 700 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if as_postgres "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "already running on port $port" >&2
    else
      as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
        start >&2 || { cat "$dir/log" >&2; exit 1; }
    fi
    for _ in $(seq 1 60); do
      if as_postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then echo "$connection"; exit 0; fi
      sleep 0.5
    done
    echo "PostgreSQL did not become ready; see $dir/log" >&2
    exit 1
    ;;
  stop)
    bin=$(find_bin)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
    else
      echo "not running (no $dir/data/postmaster.pid)" >&2
    fi
    ;;
  env)
    echo "$connection"
    ;;
  *)
    echo "usage: $0 start|stop|env [PORT]" >&2
    exit 2
    ;;
esac
