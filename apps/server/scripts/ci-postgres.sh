#!/usr/bin/env bash
# Throw-away PostgreSQL for the platform's database tests: installs Debian's postgresql package when missing,
# creates a cluster in a temp dir owned by the postgres user, serves it on loopback only, trust auth.
#   ci-postgres.sh start   → prints the connection URL on stdout (logs go to stderr)
#   ci-postgres.sh stop
set -euo pipefail
PORT="${HAIMIAN_PG_PORT:-54329}"
DATA="${HAIMIAN_PG_DIR:-/tmp/haimian-pg-$PORT}"

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if ! BIN="$(find_bin)"; then
      echo "ci-postgres: installing postgresql from Debian packages" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      BIN="$(find_bin)"
    fi
    if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      rm -rf "$DATA"
      mkdir -p "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
      as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
      as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DATA -c fsync=off" start >&2
    fi
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    if BIN="$(find_bin)"; then as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || true; fi
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
