#!/usr/bin/env bash
# The single-host front of RoleReady: nginx, unprivileged, with its own prefix under $DEPLOY_ROOT/nginx.
#   nginx-host.sh start     render conf/nginx.conf from deploy/nginx/nginx.conf.template and start nginx
#   nginx-host.sh stop      stop nginx, every instance and the standby timer (tear-down of the whole host)
#   nginx-host.sh status    live colour, releases, instances and the current upstream
export SCRIPT_NAME=nginx-host
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

start() {
  init_dirs
  mkdir -p "$NGINX_PREFIX"/{conf,logs,run,tmp}
  local user_directive=""
  # As root, nginx's workers drop to nobody; they only need the temp directory. They buffer request bodies over
  # 16 KB there, so a parent nobody cannot search (a 0700 home or mktemp directory) would fail those with a 500.
  if [ "$(id -u)" = 0 ]; then
    user_directive="user nobody nogroup;"
    chown nobody "$NGINX_PREFIX/tmp"
    runuser -u nobody -- test -w "$NGINX_PREFIX/tmp" ||
      die "nginx's workers (nobody) cannot reach $NGINX_PREFIX/tmp, where they buffer request bodies over 16 KB; make its parent directories searchable (chmod o+x) or choose another DEPLOY_ROOT"
  fi
  sed -e "s|@@USER_DIRECTIVE@@|$user_directive|" \
    -e "s|@@LISTEN@@|$HTTP_LISTEN|" \
    -e "s|@@CLIENT_MAX_BODY_SIZE@@|${CLIENT_MAX_BODY_SIZE:-12m}|" \
    "$DEPLOY_DIR/nginx/nginx.conf.template" >"$NGINX_PREFIX/conf/nginx.conf"
  local live
  live="$(state_get live)"
  if [ ! -f "$NGINX_PREFIX/conf/upstream.conf" ]; then
    printf 'upstream roleready {\n  server 127.0.0.1:%s max_fails=0; # %s\n  keepalive 32;\n}\n' \
      "$(ports "${live:-blue}" | head -n 1)" "${live:-blue}" >"$NGINX_PREFIX/conf/upstream.conf"
  fi
  "$NGINX_BIN" -q -t -p "$NGINX_PREFIX" -c conf/nginx.conf
  if [ -f "$NGINX_PREFIX/run/nginx.pid" ] && kill -0 "$(cat "$NGINX_PREFIX/run/nginx.pid")" 2>/dev/null; then
    "$NGINX_BIN" -p "$NGINX_PREFIX" -c conf/nginx.conf -s reload
  else
    "$NGINX_BIN" -p "$NGINX_PREFIX" -c conf/nginx.conf
  fi
  log "nginx listens on $HTTP_LISTEN (prefix $NGINX_PREFIX)"
}

stop() {
  local timer
  timer="$(state_get standby-expire.pid)"
  if [ -n "$timer" ]; then kill -TERM "$timer" 2>/dev/null || true; fi
  if [ -f "$NGINX_PREFIX/run/nginx.pid" ]; then
    "$NGINX_BIN" -p "$NGINX_PREFIX" -c conf/nginx.conf -s quit 2>/dev/null || true
  fi
  stop_colour blue
  stop_colour green
}

status() {
  local colour
  echo "live: $(state_get live)   previous: $(state_get previous.release)"
  for colour in blue green; do
    echo "$colour: $(state_get "$colour.release") ($(colour_running "$colour" && echo running || echo stopped))"
  done
  cat "$NGINX_PREFIX/conf/upstream.conf" 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" ;;
esac
