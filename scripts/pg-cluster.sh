#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on a free loopback port under a temporary folder.
#   scripts/pg-cluster.sh start        initdb + start; creates the databases; prints "NAME URL" per database
#   scripts/pg-cluster.sh url [NAME]   prints the URL of database NAME (store or api; default store)
#   scripts/pg-cluster.sh stop         stops the cluster and deletes its folder
# Databases: voordeur_store (C++ store tests), voordeur_api (API tests). Superuser "voordeur", trust
# authentication, reachable only on 127.0.0.1 and a socket in the cluster's folder; fsync off.
# PostgreSQL refuses to run as root, so as root the server runs as the "postgres" system user.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Where start leaves the cluster's folder, port and user for url and stop; one per checkout.
state="${TMPDIR:-/tmp}/voordeur-pg-$(printf '%s' "$root" | md5sum | cut -c1-12).state"
databases=(store api)

die() { echo "pg-cluster: $*" >&2; exit 1; }

bindir() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  die "initdb not found; install postgresql-15 (scripts/install-deps.sh)"
}

# Runs a PostgreSQL server program as the cluster's owner, from a folder that owner can enter.
as_owner() {
  if [ "$owner" = "$(id -un)" ]; then
    (cd "$dir" && "$@")
  else
    (cd "$dir" && runuser -u "$owner" -- "$@")
  fi
}

load_state() {
  [ -f "$state" ] || return 1
  # shellcheck disable=SC1090
  . "$state"
  [ -d "$dir" ]
}

url() {
  echo "postgresql://voordeur@127.0.0.1:$port/voordeur_$1"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  if load_state && as_owner "$(bindir)/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    echo "pg-cluster: already running in $dir" >&2
  else
    rm -f "$state"
    local bin
    bin=$(bindir)
    owner=$(id -un)
    if [ "$(id -u)" -eq 0 ]; then
      owner=postgres
      id -u postgres >/dev/null 2>&1 || die "user postgres is missing; install postgresql-15"
    fi
    dir=$(mktemp -d "${TMPDIR:-/tmp}/voordeur-pg.XXXXXX")
    chmod 700 "$dir"
    [ "$owner" = "$(id -un)" ] || chown "$owner:" "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U voordeur --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF
    # A port can be taken between the check and the start; then try another one.
    local started=no
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      port=$((20000 + RANDOM % 40000))
      port_in_use "$port" && continue
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null; then
        started=yes
        break
      fi
    done
    if [ $started = no ]; then
      cat "$dir/server.log" >&2 || true
      rm -rf "$dir"
      die "the server did not start"
    fi
    printf 'dir=%q\nport=%q\nowner=%q\n' "$dir" "$port" "$owner" >"$state"
    local name
    for name in "${databases[@]}"; do
      "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U voordeur -d postgres \
        -c "CREATE DATABASE voordeur_$name" >/dev/null
    done
    echo "pg-cluster: PostgreSQL running on 127.0.0.1:$port in $dir" >&2
  fi
  local name
  for name in "${databases[@]}"; do
    echo "$name $(url "$name")"
  done
}

stop() {
  if ! load_state; then
    rm -f "$state"
    echo "pg-cluster: no cluster to stop" >&2
    return 0
  fi
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$state"
  echo "pg-cluster: stopped and removed $dir" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url)
    load_state || die "no cluster running; run '$0 start' first"
    name=${2:-store}
    [[ " ${databases[*]} " == *" $name "* ]] || die "unknown database '$name' (one of: ${databases[*]})"
    url "$name"
    ;;
  *) die "usage: $0 start|stop|url [store|api]" ;;
esac
