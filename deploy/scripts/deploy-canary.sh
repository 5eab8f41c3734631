#!/usr/bin/env bash
# Canary deploy of a release on this host (see lib.sh for the layout and settings).
#   deploy-canary.sh RELEASE_DIR
# migrate:prod, start the release on the idle colour, wait for readiness, smoke-test it, then send it
# CANARY_STEPS percent of the requests (default "5 25 50 100") through weighted upstreams. At each step, after
# STEP_SECONDS (default 300), the canary's 5xx share is compared with the stable version's, from nginx's access log:
# when it passes MAX_ERROR_RATE (default 0.05) and the stable version's own, traffic goes back to 100% stable, the
# canary is stopped and the script exits 2. At 100% the stable colour stays as standby (as after a blue-green deploy).
export SCRIPT_NAME=canary
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

[ $# -eq 1 ] || die "usage: $0 RELEASE_DIR"
release="$(release_dir "$1")"
CANARY_STEPS="${CANARY_STEPS:-5 25 50 100}"
STEP_SECONDS="${STEP_SECONDS:-300}"
take_lock
started="$(date +%s)"

stable="$(live_colour)"
colour_running "$stable" || die "the live colour $stable is not running"
canary="$(other_colour "$stable")"
notify "canary deploy of $release on $canary started (stable: $stable)"

migrate "$release"
start_colour "$canary" "$release"
if ! wait_ready "$canary" || ! smoke_colour "$canary"; then
  stop_colour "$canary"
  notify "canary of $release failed before taking traffic; $stable still serves"
  exit 1
fi

roll_back() {
  write_upstream "$stable:1"
  sleep "$DRAIN_SECONDS"
  stop_colour "$canary"
  notify "canary of $release ROLLED BACK at $1% ($2); $stable serves 100%"
  exit 2
}

for percent in $CANARY_STEPS; do
  offset="$(access_log_size)"
  if [ "$percent" -ge 100 ]; then
    write_upstream "$canary:1"
    record_switch "$canary" "$stable"
    if ! watch_colour "$canary" "$STEP_SECONDS" "$offset"; then
      state_set live "$stable"
      state_set previous.release "$release"
      roll_back 100 "errors or latency at full traffic"
    fi
    break
  fi
  # shellcheck disable=SC2046 # weights prints one argument per colour
  write_upstream $(weights "$stable" "$canary" "$percent")
  # One monitoring window, extended (up to 3 windows) until the canary has answered MIN_REQUESTS.
  for ((window = 0; window < 3; window++)); do
    sleep "$STEP_SECONDS"
    stats="$(window_stats "$offset")"
    canary_requests="$(stat_of "$stats" "$canary" 2)"
    [ "$canary_requests" -lt "$MIN_REQUESTS" ] || break
  done
  canary_errors="$(stat_of "$stats" "$canary" 3)"
  stable_requests="$(stat_of "$stats" "$stable" 2)"
  stable_errors="$(stat_of "$stats" "$stable" 3)"
  summary="canary $canary_errors/$canary_requests 5xx, stable $stable_errors/$stable_requests 5xx"
  log "step $percent%: $summary"
  if above_rate "$canary_errors" "$canary_requests" "$MAX_ERROR_RATE"; then
    stable_rate="$(awk -v e="$stable_errors" -v n="$stable_requests" 'BEGIN { print (n > 0 ? e / n : 0) }')"
    if above_rate "$canary_errors" "$canary_requests" "$stable_rate"; then roll_back "$percent" "$summary"; fi
    log "the stable version fails as often; not blaming the canary"
  fi
done

keep_standby "$stable"
purge_cdn "$release"
notify "canary deploy of $release done: $canary serves 100% ($(($(date +%s) - started))s)"
