#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL and Redis on loopback for the test suite.
#   scripts/test-services.sh start   → prints the DATABASE_URL and REDIS_URL to export
#   scripts/test-services.sh stop
# Data lives under $RR_SERVICES_DIR (default /tmp/roleready-test-services) and is deleted on stop.
set -euo pipefail

dir="${RR_SERVICES_DIR:-/tmp/roleready-test-services}"
pg_port="${RR_PG_PORT:-55432}"
redis_port="${RR_REDIS_PORT:-56379}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  [ -n "$pg_bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  command -v redis-server >/dev/null || { echo "Redis is not installed (apt-get install redis-server)" >&2; exit 1; }
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  if [ ! -f "$dir/pg/PG_VERSION" ]; then
    as_postgres "$pg_bin/initdb" -D "$dir/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_postgres "$pg_bin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off" start >/dev/null
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qtAc \
    "select 1 from pg_database where datname = 'roleready'" | grep -q 1 ||
    as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database roleready" >/dev/null
  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir"
  for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$pg_port/roleready"
  echo "export REDIS_URL=redis://127.0.0.1:$redis_port"
}

stop() {
  if [ -f "$dir/redis.pid" ]; then redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; fi
  if [ -f "$dir/pg/postmaster.pid" ]; then as_postgres "$pg_bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null || true; fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
