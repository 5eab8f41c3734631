#!/usr/bin/env bash
# Ships a release bundle (dist, node_modules, package.json, deploy/) to a host over SSH, unpacks it under
# $REMOTE_ROOT/releases/<name> and runs that release's own deploy script there (canary, or blue-green for the very
# first deploy or when asked). Used by .github/workflows/ci-cd.yml.
#   SSH_HOST=user@host SSH_KEY="$(cat key)" remote-deploy.sh BUNDLE.tar.gz [canary|blue-green]
set -euo pipefail

bundle="$1"
strategy="${2:-canary}"
remote_root="${REMOTE_ROOT:-/srv/roleready}"
case "$strategy" in canary | blue-green) ;; *)
  echo "strategy must be canary or blue-green" >&2
  exit 2
  ;;
esac
if [ -z "${SSH_HOST:-}" ] || [ -z "${SSH_KEY:-}" ]; then
  echo "::warning::SSH_HOST/SSH_KEY are not configured for this environment; nothing was deployed"
  exit 0
fi

key="$(mktemp)"
trap 'rm -f "$key"' EXIT
printf '%s\n' "$SSH_KEY" >"$key"
chmod 600 "$key"
ssh_opts=(-i "$key" -o BatchMode=yes -o StrictHostKeyChecking=accept-new)

name="$(basename "$bundle" .tar.gz)"
release="$remote_root/releases/$name"
scp "${ssh_opts[@]}" "$bundle" "$SSH_HOST:/tmp/$name.tar.gz"
# shellcheck disable=SC2029 # expanded here on purpose: the remote shell gets the final paths
ssh "${ssh_opts[@]}" "$SSH_HOST" "set -e
  mkdir -p '$release'
  tar -xzf '/tmp/$name.tar.gz' -C '$release'
  rm -f '/tmp/$name.tar.gz'
  export DEPLOY_ROOT='$remote_root'
  if [ '$strategy' = canary ] && [ -s '$remote_root/state/live' ]; then
    '$release/deploy/scripts/deploy-canary.sh' '$release'
  else
    '$release/deploy/scripts/deploy-blue-green.sh' '$release'
  fi"
