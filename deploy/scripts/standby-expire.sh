#!/usr/bin/env bash
# Stops a standby colour once its standby period is over, unless it went back into service (a rollback) or was
# replaced by another release in the meantime. Started detached by keep_standby (lib.sh); one timer at a time.
#   standby-expire.sh COLOUR RELEASE SECONDS
export SCRIPT_NAME=standby
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

colour="$1" release="$2" seconds="$3"
previous="$(state_get standby-expire.pid)"
if [ -n "$previous" ] && [ "$previous" != "$$" ] && kill -0 "$previous" 2>/dev/null; then
  kill -TERM "$previous" 2>/dev/null || true
fi
state_set standby-expire.pid "$$"

sleep "$seconds" &
sleeper=$!
trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM INT
wait "$sleeper"

exec 9>"$STATE_DIR/deploy.lock"
flock 9
if [ "$(state_get live)" != "$colour" ] && [ "$(state_get "$colour.release")" = "$release" ]; then
  stop_colour "$colour"
  log "standby period over: $colour ($release) stopped"
fi
rm -f "$STATE_DIR/standby-expire.pid"
