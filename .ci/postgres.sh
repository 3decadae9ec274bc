#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on loopback only, for the test suite's second run.
# Usage: .ci/postgres.sh start|stop   (prints the DATABASE_URL on start)
set -euo pipefail
PGPORT=${HEARD_PG_PORT:-54329}
PGDATA=${HEARD_PG_DATA:-/tmp/heard-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
start)
  if [ -z "$BIN" ]; then
    if [ "$(id -u)" != 0 ]; then echo "install Debian's postgresql to run the PostgreSQL tests" >&2; exit 1; fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  if [ -f "$PGDATA/postmaster.pid" ]; then as_postgres "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null || true; fi
  rm -rf "$PGDATA" && mkdir -p "$PGDATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
  as_postgres "$BIN/initdb" -D "$PGDATA" -U heard --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c max_connections=200" start >/dev/null
  as_postgres "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U heard heard
  echo "postgresql://heard@127.0.0.1:$PGPORT/heard"
  ;;
stop)
  [ -n "$BIN" ] && as_postgres "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null || true
  ;;
esac
