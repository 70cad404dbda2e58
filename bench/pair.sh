# Shared by bench/season.sh and bench/chaos.sh (sourced after bench/common.sh, from the repository root): the seeded
# database, two portal instances behind nginx, the public pages, the reviewer and wrk. The callers set root, work,
# pg_port, reports_wanted, database_prefix, ports (two), nginx_port, pages and connections.

# Starts the throwaway PostgreSQL server, builds, seeds $database_prefix<N> once (later runs reuse it) and migrates;
# sets database, connection and total_reports.
season_database() {
  start_bench_postgres "$pg_port"
  database="$database_prefix$reports_wanted"
  connection="$pg_admin;Database=$database"
  build_release
  # bench/run.sh's database of the same size on the same server, when there is one, is copied rather than seeded
  # again (at 1,000,000 reports seeding takes the better part of an hour; the copy a minute or two).
  local template="govinfo_bench_$reports_wanted"
  if [ "$(pg "SELECT 1 FROM pg_database WHERE datname = '$database'" postgres)" != 1 ] \
    && [ "$(pg "SELECT 1 FROM pg_database WHERE datname = '$template'" postgres)" = 1 ]; then
    log "Copying $template (seeded by bench/run.sh) into $database"
    pg "CREATE DATABASE $database TEMPLATE $template" postgres
    cli migrate --provider Postgres --connection "$connection" >/dev/null
    pg "ANALYZE"
  elif [ "$(pg "SELECT 1 FROM pg_database WHERE datname = '$database'" postgres)" != 1 ]; then
    log "Seeding $reports_wanted reports into $database (once; later runs reuse it)"
    pg "CREATE DATABASE $database" postgres
    cli migrate --provider Postgres --connection "$connection" >/dev/null
    cli seed --synthetic "$((reports_wanted / 10))" --years 2015-2024 --provider Postgres --connection "$connection"
    pg "ANALYZE"
  else
    log "Reusing $database"
    cli migrate --provider Postgres --connection "$connection" >/dev/null
  fi
  total_reports=$(pg 'SELECT count(*) FROM "AnnualReports"')
}

seconds_of() { python3 -c "import re; v='$1'; n=float(re.sub('[a-z]','',v)); print(int(n*60 if v.endswith('m') else n))"; }

# Picks the top organization with the most submitted reports below it (top_id, top_path) and NEEDED of those reports
# at random into $work/submitted.txt (id, organization key, year); refuses a database with too few left. Makes the
# first admin (admin_user, admin_password).
season_submitted() { # needed
  read -r top_id top_path < <(pg "SELECT o.\"Id\", o.\"Path\" FROM \"Organizations\" o WHERE o.\"ParentId\" IS NULL
    ORDER BY (SELECT count(*) FROM \"AnnualReports\" r JOIN \"Organizations\" d ON d.\"Id\" = r.\"OrganizationId\"
              WHERE r.\"Status\" = 1 AND d.\"Path\" LIKE o.\"Path\" || '%') DESC LIMIT 1" | tr '|' ' ')
  pg "SELECT r.\"Id\", COALESCE(o.\"Code\", 'org-' || o.\"Id\"), r.\"Year\" FROM \"AnnualReports\" r JOIN \"Organizations\" o ON o.\"Id\" = r.\"OrganizationId\"
    WHERE r.\"Status\" = 1 AND o.\"Path\" LIKE '$top_path%' ORDER BY random() LIMIT $1" | tr '|' ' ' > "$work/submitted.txt"
  [ "$(wc -l < "$work/submitted.txt")" -ge "$1" ] || {
    echo "Fewer than $1 submitted reports are left in $database; drop it to seed afresh." >&2; exit 1; }
  admin_password="Season#$(openssl rand -hex 8)a1"
  admin_user="season-admin-$(date +%s)"
  printf '%s\n' "$admin_password" | cli create-admin --user "$admin_user" --name 发布季管理员 --password-stdin \
    --provider Postgres --connection "$connection" >/dev/null
}

# Portal instance I (0 or 1) in Production settings over HTTPS on ${ports[I]}, in the background; its pid goes to
# portal_pids[I] and to pids (ended on exit). Extra settings for both instances: $portal_settings (NAME=VALUE …).
pids=()
portal_pids=()
instances=()
start_instance() { # i
  log "Starting portal $(($1 + 1)) (https://127.0.0.1:${ports[$1]})"
  # All the load comes from one address: the per-address search limit would answer most of it with 429.
  # shellcheck disable=SC2086
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="https://127.0.0.1:${ports[$1]}" \
    Kestrel__Certificates__Default__Path="$root/$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$root/$work/key.pem" \
    Database__Provider=Postgres ConnectionStrings__Default="$connection" Demo__Enabled=false \
    Security__Search__PermitLimit=1000000000 Storage__Path="$root/$work/exports" ${portal_settings:-} \
    bash -c "source bench/common.sh; portal" >> "$work/portal-$1.log" 2>&1 &
  portal_pids[$1]=$!
  pids+=($!)
  instances[$1]="https://127.0.0.1:${ports[$1]}"
}

# Both instances and nginx (HTTPS, round robin) in front of them on $nginx_port; sets site. The access log is off
# unless $nginx_access_log names a file: then one line per answer (time, status, upstream status, the upstream's
# Warning header, request time, method and address).
start_pair() {
  make_certificate "$work"
  cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for conf in nginx static; do [ -f "$work/$conf.pid" ] && kill "$(cat "$work/$conf.pid")" 2>/dev/null || true; done
  }
  trap cleanup EXIT
  start_instance 0
  start_instance 1
  for i in 0 1; do wait_ready "${instances[$i]}" "${portal_pids[$i]}" "$work/portal-$i.log"; done
  local access="access_log off;"
  [ -z "${nginx_access_log:-}" ] || access="log_format chaos '\$msec \$status \$upstream_status \"\$upstream_http_warning\" \$request_time \$request_method \$request_uri';
  access_log $nginx_access_log chaos buffer=256k flush=1s;"
  cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $root/$work/nginx.pid;
error_log $root/$work/nginx-error.log;
events { worker_connections 4096; }
http {
  $access
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
  nginx -c "$root/$work/nginx.conf"
  site="https://127.0.0.1:$nginx_port"
}

# $pages different public pages that answer 200 through nginx, each fetched twice (round robin: both instances
# keep it) into $work/paths.txt, the first answer's bytes kept as $work/static/pN (listed in $work/static-paths.txt).
choose_pages() {
  log "Choosing $pages public pages"
  local search_terms=(依申请公开 政府信息 行政复议 主动公开 年度报告 信息公开 财政预算 人民政府)
  encode() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g'; }
  {
    # Report pages across the tree (40 %), browse (20 %) and statistics (15 %) of random subtrees and years, the
    # statistics API (10 %), searches (10 %), the API list (5 %); half as many again, since some answer 404 (a
    # subtree without reports that year).
    want() { echo $((pages * $1 * 3 / 200)); }
    pg "SELECT '/reports/' || COALESCE(o.\"Code\", 'org-' || o.\"Id\") || '/' || r.\"Year\" FROM \"AnnualReports\" r
      JOIN \"Organizations\" o ON o.\"Id\" = r.\"OrganizationId\" WHERE r.\"Status\" = 4 ORDER BY random() LIMIT $(want 40)"
    local parents="FROM \"Organizations\" o CROSS JOIN generate_series(2016, 2024) AS y
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
  : > "$work/paths.txt"
  : > "$work/static-paths.txt"
  local n=0 path code
  while read -r path && [ "$n" -lt "$pages" ]; do
    code=$(curl -ks -o "$work/static/p$n" -w '%{http_code}' "$site$path")
    if [ "$code" = 200 ]; then
      # Through nginx again (round robin: the other instance), with the host name wrk sends, which is part of the
      # cache key: both instances keep every page, so a run measures the caches, not their first filling.
      curl -ks -o /dev/null "$site$path"
      echo "$path" >> "$work/paths.txt"; echo "/p$n" >> "$work/static-paths.txt"; n=$((n + 1))
    fi
  done < "$work/candidates.txt"
  page_count=$(wc -l < "$work/paths.txt")
  log "$page_count pages answer 200"
}

# A reviewer for the top organization, made through the admin pages on the first instance (reviewer_user,
# reviewer_password); then signed in into $work/reviewer-N.jar for each site given.
make_reviewer() { # site…
  reviewer_password="Review#$(openssl rand -hex 6)b2"
  reviewer_user="season-reviewer-$(date +%s)"
  sign_in "${instances[0]}" "$work/admin.jar" "$admin_user" "$admin_password"
  local token n=0 each
  token=$(curl -ks -c "$work/admin.jar" -b "$work/admin.jar" "${instances[0]}/admin/users/new" | token_of)
  curl -ks -c "$work/admin.jar" -b "$work/admin.jar" -o /dev/null "${instances[0]}/admin/users/new" \
    --data-urlencode "Form.UserName=$reviewer_user" --data-urlencode "Form.DisplayName=发布季审核员" \
    --data-urlencode "Form.Role=Reviewer" --data-urlencode "Form.OrganizationId=$top_id" \
    --data-urlencode "Form.Password=$reviewer_password" --data-urlencode "__RequestVerificationToken=$token"
  for each in "$@"; do sign_in "$each" "$work/reviewer-$n.jar" "$reviewer_user" "$reviewer_password"; n=$((n + 1)); done
}

# Starts bench/reviewer.py in the background (its pid in $reviewer, also in pids) with the arguments given and waits
# until it has read its tokens.
start_reviewer() { # reviewer.py arguments…
  python3 bench/reviewer.py --submitted "$work/submitted.txt" --ready "$work/reviewer.ready" --stop "$work/reviewer.stop" "$@" &
  reviewer=$!
  pids+=("$reviewer")
  for _ in $(seq 1 120); do [ -f "$work/reviewer.ready" ] && break; sleep 0.5; done
  [ -f "$work/reviewer.ready" ] || { echo "The reviewer did not start" >&2; exit 1; }
}

run_wrk() { # name site paths-file [duration]
  log "wrk: $1"
  SOAK_PATHS="$3" wrk -t2 -c"$connections" -d3s --timeout 5s -s bench/soak.lua "$2" >/dev/null
  SOAK_PATHS="$3" wrk -t2 -c"$connections" -d"${4:-$duration}" --timeout 5s --latency -s bench/soak.lua "$2" > "$work/wrk-$1.txt"
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
