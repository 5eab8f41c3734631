# shellcheck shell=bash
# Shared functions of RoleReady's single-host deployment scripts (sourced, never run).
#
# Layout under $DEPLOY_ROOT:
#   roleready.env         settings every instance gets (DATABASE_URL, REDIS_URL, …; see .env.example)
#   nginx/                nginx prefix: conf/nginx.conf (rendered), conf/upstream.conf (switched), logs/, run/, tmp/
#   run/                  pid files and logs of the instances: <colour>-<n>.pid, <colour>-<n>.log
#   state/                live (colour), <colour>.release (release directory it runs), previous.release,
#                         migration.before (migration the database was at before the last deploy), deploy.lock
# A release is a directory holding the built service: dist/main.js, package.json, node_modules (or a link to it) and
# optionally release.env, settings for that release only (they override roleready.env).

set -euo pipefail

SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEPLOY_DIR="$(dirname "$SCRIPTS_DIR")"
export DEPLOY_DIR

DEPLOY_ROOT="${DEPLOY_ROOT:-/srv/roleready}"
ENV_FILE="${ENV_FILE:-$DEPLOY_ROOT/roleready.env}"
NGINX_PREFIX="$DEPLOY_ROOT/nginx"
RUN_DIR="$DEPLOY_ROOT/run"
STATE_DIR="$DEPLOY_ROOT/state"
NGINX_BIN="${NGINX_BIN:-nginx}"
NODE_BIN="${NODE_BIN:-node}"

INSTANCES="${INSTANCES:-2}"
BLUE_BASE_PORT="${BLUE_BASE_PORT:-8101}"
GREEN_BASE_PORT="${GREEN_BASE_PORT:-8201}"
HTTP_LISTEN="${HTTP_LISTEN:-127.0.0.1:8080}"
READY_PATH="${READY_PATH:-/api/health/ready}"
SMOKE_PATHS="${SMOKE_PATHS:-/api/health/live /api/health/ready /api/templates /api/docs/openapi.json}"
READY_TIMEOUT_SECONDS="${READY_TIMEOUT_SECONDS:-90}"
# How long nginx's old workers get to finish requests already sent to instances that left the upstream.
DRAIN_SECONDS="${DRAIN_SECONDS:-5}"
# Share of 5xx answers (0..1) above which a new version is rolled back, and the p95 latency ceiling in milliseconds.
MAX_ERROR_RATE="${MAX_ERROR_RATE:-0.05}"
MAX_P95_MS="${MAX_P95_MS:-2000}"
# Fewer requests than this in a window say nothing about a version: the window is extended (up to 3 times).
MIN_REQUESTS="${MIN_REQUESTS:-20}"
NOTIFY_WEBHOOK_URL="${NOTIFY_WEBHOOK_URL:-}"

log() { printf '%s [%s] %s\n' "$(date -u +%H:%M:%S)" "${SCRIPT_NAME:-deploy}" "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

# notify MESSAGE: posts {"text": MESSAGE} to the chat webhook when one is configured; never fails the deploy.
notify() {
  log "$1"
  [ -n "$NOTIFY_WEBHOOK_URL" ] || return 0
  local body
  # shellcheck disable=SC2016 # the template literal is JavaScript's
  body="$(MESSAGE="$1" "$NODE_BIN" -e 'process.stdout.write(JSON.stringify({ text: `RoleReady: ${process.env.MESSAGE}` }))')"
  curl -fsS -m 5 -X POST -H 'content-type: application/json' --data "$body" "$NOTIFY_WEBHOOK_URL" >/dev/null ||
    log "warning: notification to the webhook failed"
}

init_dirs() { mkdir -p "$RUN_DIR" "$STATE_DIR"; }

# Serialises deploys and rollbacks on this host.
take_lock() {
  init_dirs
  exec 9>"$STATE_DIR/deploy.lock"
  flock -n 9 || die "another deploy or rollback is running (lock: $STATE_DIR/deploy.lock)"
}

state_get() { cat "$STATE_DIR/$1" 2>/dev/null || true; }
state_set() {
  printf '%s\n' "$2" >"$STATE_DIR/$1.tmp"
  mv -f "$STATE_DIR/$1.tmp" "$STATE_DIR/$1"
}

other_colour() { if [ "$1" = blue ]; then echo green; else echo blue; fi; }

base_port() { if [ "$1" = blue ]; then echo "$BLUE_BASE_PORT"; else echo "$GREEN_BASE_PORT"; fi; }

# ports COLOUR: the loopback ports of that colour's instances, one a line.
ports() {
  local base i
  base="$(base_port "$1")"
  for ((i = 0; i < INSTANCES; i++)); do echo $((base + i)); done
}

release_dir() {
  [ -f "$1/dist/main.js" ] || die "$1 is not a release (no dist/main.js)"
  (cd "$1" && pwd)
}

# load_env RELEASE: exports roleready.env, then the release's release.env, into the current (sub)shell.
load_env() {
  set -a
  # shellcheck source=/dev/null
  if [ -f "$ENV_FILE" ]; then . "$ENV_FILE"; fi
  # shellcheck source=/dev/null
  if [ -f "$1/release.env" ]; then . "$1/release.env"; fi
  set +a
}

# run_with_env RELEASE COMMAND…: runs a command with those settings.
run_with_env() {
  local release="$1"
  shift
  (
    load_env "$release"
    exec "$@"
  )
}

instance_pid() {
  local pid
  pid="$(cat "$RUN_DIR/$1-$2.pid" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

colour_running() {
  local i
  for ((i = 0; i < INSTANCES; i++)); do [ -n "$(instance_pid "$1" "$i")" ] && return 0; done
  return 1
}

# start_colour COLOUR RELEASE: starts INSTANCES processes of RELEASE on COLOUR's ports (stopping what ran there).
start_colour() {
  local colour="$1" release="$2" i=0 port
  stop_colour "$colour"
  for port in $(ports "$colour"); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is taken by another process"; fi
  done
  for port in $(ports "$colour"); do
    # One subshell that becomes the process (exec), so the pid file names the service itself.
    (
      load_env "$release"
      export PORT="$port" HOST=127.0.0.1
      exec "$NODE_BIN" "$release/dist/main.js"
    ) >>"$RUN_DIR/$colour-$i.log" 2>&1 </dev/null 9>&- &
    echo $! >"$RUN_DIR/$colour-$i.pid"
    i=$((i + 1))
  done
  state_set "$colour.release" "$release"
  log "started $colour ($INSTANCES instances, ports $(ports "$colour" | paste -sd, -)) from $release"
}

# stop_colour COLOUR: SIGTERM (readiness fails, in-flight requests finish), SIGKILL after 30 s.
stop_colour() {
  local colour="$1" i pid pids=()
  for ((i = 0; i < INSTANCES; i++)); do
    pid="$(instance_pid "$colour" "$i")"
    if [ -n "$pid" ]; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$RUN_DIR/$colour-$i.pid"
  done
  [ "${#pids[@]}" -gt 0 ] || return 0
  local waited=0
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$waited" -ge 300 ]; then
        log "warning: $colour pid $pid still runs after 30 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
  done
  log "stopped $colour"
}

# wait_ready COLOUR [TIMEOUT]: every instance answers READY_PATH with 200.
wait_ready() {
  local colour="$1" timeout="${2:-$READY_TIMEOUT_SECONDS}" port deadline i=0
  deadline=$(($(date +%s) + timeout))
  for port in $(ports "$colour"); do
    until curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$port$READY_PATH" 2>/dev/null; do
      [ -n "$(instance_pid "$colour" "$i")" ] || {
        log "$colour instance $i exited: $(tail -n 5 "$RUN_DIR/$colour-$i.log" 2>/dev/null)"
        return 1
      }
      [ "$(date +%s)" -lt "$deadline" ] || {
        log "$colour on port $port not ready after ${timeout}s (see $RUN_DIR/$colour-$i.log)"
        return 1
      }
      sleep 0.2
    done
    i=$((i + 1))
  done
  log "$colour is ready"
}

# smoke BASE_URL: every SMOKE_PATHS answers 2xx (three tries a path: a fresh process may still be warming up).
smoke() {
  local base="$1" path code try
  for path in $SMOKE_PATHS; do
    for try in 1 2 3; do
      code="$(curl -sS -m 5 -o /dev/null -w '%{http_code}' "$base$path" || echo 000)"
      case "$code" in 2??) break ;; esac
      [ "$try" = 3 ] || sleep 1
    done
    case "$code" in
      2??) ;;
      *)
        log "smoke test failed: GET $base$path → $code"
        return 1
        ;;
    esac
  done
}

smoke_colour() {
  local port
  for port in $(ports "$1"); do smoke "http://127.0.0.1:$port" || return 1; done
  log "smoke tests passed on $1"
}

# write_upstream "COLOUR:WEIGHT" …: writes the upstream atomically, checks the whole config, reloads nginx.
# A weight of 0 leaves that colour out. On a failed check the previous upstream is put back.
write_upstream() {
  local conf="$NGINX_PREFIX/conf/upstream.conf" spec colour weight port n=0
  {
    echo "# written by deploy/scripts at $(date -u +%FT%TZ): $*"
    echo "upstream roleready {"
    for spec in "$@"; do
      colour="${spec%%:*}"
      weight="${spec#*:}"
      [ "$weight" -gt 0 ] || continue
      for port in $(ports "$colour"); do
        echo "  server 127.0.0.1:$port weight=$weight max_fails=0; # $colour"
        n=$((n + 1))
      done
    done
    echo "  keepalive 32;"
    echo "}"
  } >"$conf.new"
  [ "$n" -gt 0 ] || die "refusing to write an upstream without servers"
  cp -f "$conf" "$conf.bak" 2>/dev/null || true
  mv -f "$conf.new" "$conf"
  if ! "$NGINX_BIN" -q -t -p "$NGINX_PREFIX" -c conf/nginx.conf; then
    [ -f "$conf.bak" ] && mv -f "$conf.bak" "$conf"
    die "nginx rejected the new upstream; the previous one is kept"
  fi
  "$NGINX_BIN" -p "$NGINX_PREFIX" -c conf/nginx.conf -s reload
  # New workers take over within moments; old ones finish the requests they hold, then exit.
  sleep "${RELOAD_SETTLE_SECONDS:-1}"
  log "traffic: $*"
}

# weights STABLE_COLOUR CANARY_COLOUR PERCENT: "stable:W canary:W" giving the canary PERCENT % of requests.
weights() { echo "$1:$((100 - $3)) $2:$3"; }

access_log_size() { stat -c %s "$NGINX_PREFIX/logs/access.log" 2>/dev/null || echo 0; }

# window_stats OFFSET: per colour "colour requests errors5xx p95ms" for log lines after byte OFFSET.
window_stats() {
  "$NODE_BIN" "$SCRIPTS_DIR/log-stats.mjs" "$NGINX_PREFIX/logs/access.log" "$1" \
    "blue=$(ports blue | paste -sd, -)" "green=$(ports green | paste -sd, -)"
}

# stat_of STATS COLOUR FIELD(2 requests, 3 errors, 4 p95)
stat_of() { awk -v c="$2" -v f="$3" '$1 == c { print $f; found = 1 } END { if (!found) print 0 }' <<<"$1"; }

# above_rate ERRORS REQUESTS RATE: true when ERRORS/REQUESTS > RATE.
above_rate() { awk -v e="$1" -v n="$2" -v r="$3" 'BEGIN { exit !(n > 0 && e / n > r) }'; }

# migrate RELEASE: backup then migrate (npm run migrate:prod), recording where the database was for rollback.
migrate() {
  local release="$1" out was
  out="$(run_with_env "$release" "$NODE_BIN" "$release/dist/cli/migrate.js" prod)" || {
    printf '%s\n' "$out" >&2
    die "migration failed; traffic was not switched"
  }
  printf '%s\n' "$out" | sed 's/^/  migrate: /' >&2
  was="$(printf '%s\n' "$out" | sed -n 's/^was at *//p')"
  [ "$was" = "(no migrations)" ] && was=none
  state_set migration.before "${was:-none}"
}

live_colour() {
  local live
  live="$(state_get live)"
  [ -n "$live" ] || die "nothing is deployed yet (no $STATE_DIR/live); run deploy-blue-green.sh first"
  echo "$live"
}

# After a switch: record what serves now and what served before it.
record_switch() {
  local new="$1" old="$2"
  state_set previous.release "$(state_get "$old.release")"
  state_set previous.colour "$old"
  state_set live "$new"
}

# keep_standby COLOUR: the colour that left traffic keeps running, drained, for instant rollback, and is stopped by
# a detached timer after STANDBY_SECONDS unless it served again in between (deploy/scripts/standby-expire.sh).
keep_standby() {
  local colour="$1" release
  release="$(state_get "$colour.release")"
  state_set standby.until "$(($(date +%s) + ${STANDBY_SECONDS:-86400}))"
  DEPLOY_ROOT="$DEPLOY_ROOT" setsid "$SCRIPTS_DIR/standby-expire.sh" "$colour" "$release" "${STANDBY_SECONDS:-86400}" \
    >>"$RUN_DIR/standby.log" 2>&1 </dev/null 9>&- &
  log "$colour stays ready as standby for ${STANDBY_SECONDS:-86400}s ($release)"
}

# watch COLOUR SECONDS OFFSET: watches COLOUR's answers (access log after OFFSET) every CHECK_INTERVAL_SECONDS for
# SECONDS; fails as soon as, over at least MIN_REQUESTS, its 5xx share passes MAX_ERROR_RATE or its p95 MAX_P95_MS.
watch_colour() {
  local colour="$1" seconds="$2" offset="$3" start stats requests errors p95
  start="$(date +%s)"
  while :; do
    sleep "${CHECK_INTERVAL_SECONDS:-5}"
    stats="$(window_stats "$offset")"
    requests="$(stat_of "$stats" "$colour" 2)"
    errors="$(stat_of "$stats" "$colour" 3)"
    p95="$(stat_of "$stats" "$colour" 4)"
    if [ "$requests" -ge "$MIN_REQUESTS" ]; then
      if above_rate "$errors" "$requests" "$MAX_ERROR_RATE"; then
        log "$colour: $errors of $requests requests failed (5xx), above $MAX_ERROR_RATE"
        return 1
      fi
      if [ "$p95" -gt "$MAX_P95_MS" ]; then
        log "$colour: p95 latency ${p95} ms above ${MAX_P95_MS} ms over $requests requests"
        return 1
      fi
    fi
    [ $(($(date +%s) - start)) -lt "$seconds" ] || break
  done
  log "$colour watched ${seconds}s: $requests requests, $errors 5xx, p95 ${p95} ms"
}

# purge_cdn RELEASE: purge-on-deploy through the configured CDN (CDN_PROVIDER; a logged no-op without one). A failed
# purge is reported, never a reason to undo a deploy that serves correctly.
purge_cdn() {
  run_with_env "$1" "$NODE_BIN" "$1/dist/cli/cdn-purge.js" 2>&1 | sed 's/^/  cdn: /' >&2 ||
    log "warning: the CDN purge failed; purge by hand (see docs/operations.md)"
}
