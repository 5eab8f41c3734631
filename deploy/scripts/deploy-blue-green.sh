#!/usr/bin/env bash
# Blue-green deploy of a release on this host (see lib.sh for the layout and settings).
#   deploy-blue-green.sh RELEASE_DIR
# 1. migrate:prod (verified backup first; migrations must be backward compatible: docs/operations.md)
# 2. start the release on the idle colour, wait for readiness, smoke-test every instance directly
# 3. switch nginx's upstream atomically (write, rename, nginx -t, reload)
# 4. watch 5xx rate and p95 latency for MONITOR_SECONDS (default 300); on a breach switch back at once, exit 1
# 5. the previous colour stays running out of traffic, drained, as standby for STANDBY_SECONDS (default 86400)
export SCRIPT_NAME=blue-green
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

[ $# -eq 1 ] || die "usage: $0 RELEASE_DIR"
release="$(release_dir "$1")"
MONITOR_SECONDS="${MONITOR_SECONDS:-300}"
take_lock
started="$(date +%s)"

live="$(state_get live)"
if [ -n "$live" ]; then target="$(other_colour "$live")"; else target=blue; fi
notify "blue-green deploy of $release to $target started (live: ${live:-nothing})"

migrate "$release"
start_colour "$target" "$release"
if ! wait_ready "$target" || ! smoke_colour "$target"; then
  stop_colour "$target"
  notify "blue-green deploy of $release failed before the switch; ${live:-nothing} still serves"
  exit 1
fi

offset="$(access_log_size)"
write_upstream "$target:1"
if [ -n "$live" ]; then record_switch "$target" "$live"; else state_set live "$target"; fi

if ! watch_colour "$target" "$MONITOR_SECONDS" "$offset"; then
  if [ -n "$live" ] && colour_running "$live"; then
    write_upstream "$live:1"
    state_set live "$live"
    state_set previous.release "$release"
    sleep "$DRAIN_SECONDS"
    stop_colour "$target"
    notify "blue-green deploy of $release ROLLED BACK automatically; $live serves again"
  else
    notify "blue-green deploy of $release is failing and there is nothing to switch back to"
  fi
  exit 1
fi

if [ -n "$live" ]; then keep_standby "$live"; fi
purge_cdn "$release"
notify "blue-green deploy of $release done: $target serves ($(($(date +%s) - started))s)"
