#!/usr/bin/env bash
# Puts the previous release back in service on this host (see lib.sh for the layout and settings).
#   rollback.sh [--yes] [--migrations]
# Uses the standby colour when it still runs the previous release (instant), else starts that release there; waits
# for readiness, smoke-tests it, asks for confirmation (unless --yes), switches traffic, drains and stops the version
# that served, checks health and smoke tests through nginx, and prints a checklist. With --migrations it then rolls
# the database back to the migration recorded before the last deploy (run by the newer release, which knows how).
export SCRIPT_NAME=rollback
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

assume_yes=false
migrations=false
for arg in "$@"; do
  case "$arg" in
    --yes | -y) assume_yes=true ;;
    --migrations) migrations=true ;;
    *) die "usage: $0 [--yes] [--migrations]" ;;
  esac
done

take_lock
started="$(date +%s)"
bad="$(live_colour)"
bad_release="$(state_get "$bad.release")"
previous="$(state_get previous.release)"
[ -n "$previous" ] || die "no previous release is recorded; nothing to roll back to"
[ -f "$previous/dist/main.js" ] || die "the previous release $previous is gone"
target="$(other_colour "$bad")"

if colour_running "$target" && [ "$(state_get "$target.release")" = "$previous" ]; then
  log "standby $target still runs $previous"
else
  start_colour "$target" "$previous"
fi
wait_ready "$target" || die "the previous release is not ready on $target; traffic was not switched"
smoke_colour "$target" || die "smoke tests failed on $target; traffic was not switched"

if ! $assume_yes; then
  printf 'Switch traffic from %s (%s) back to %s (%s)? [y/N] ' "$bad" "$bad_release" "$target" "$previous" >&2
  read -r answer || answer=""
  case "$answer" in
    y | Y | yes) ;;
    *) die "cancelled; nothing changed" ;;
  esac
fi

write_upstream "$target:1"
record_switch "$target" "$bad"
sleep "$DRAIN_SECONDS"
stop_colour "$bad"

smoke "http://$HTTP_LISTEN" || die "smoke tests through nginx failed after the rollback"
curl -fsS -m 5 -o /dev/null "http://$HTTP_LISTEN$READY_PATH" || die "not ready through nginx after the rollback"

if $migrations; then
  to="$(state_get migration.before)"
  [ -n "$to" ] || die "no migration was recorded before the last deploy"
  log "rolling the database back to $to with $bad_release"
  run_with_env "$bad_release" "$NODE_BIN" "$bad_release/dist/cli/migrate.js" rollback --to "$to" | sed 's/^/  migrate: /' >&2
fi

elapsed=$(($(date +%s) - started))
notify "rolled back from $bad_release to $previous in ${elapsed}s"
cat <<CHECKLIST
Rolled back in ${elapsed}s: $target now serves $previous ($bad, $bad_release, is stopped).
Post-rollback checklist:
  [ ] error rate and p95 latency back to normal (dashboards, nginx access log: $NGINX_PREFIX/logs/access.log)
  [ ] GET /api/health/detailed passes on every instance
  [ ] database migrations: $(if $migrations; then echo "rolled back to $(state_get migration.before)"; else echo "unchanged (kept: they are backward compatible; roll back with --migrations if needed)"; fi)
  [ ] CDN: purge cached responses of the rolled-back release if it changed public assets
  [ ] tell the team; open an incident record with the failing release and the time line
  [ ] keep $bad_release for investigation (logs: $RUN_DIR/$bad-*.log)
CHECKLIST
