#!/usr/bin/env bash
# Regenerates openapi.json and docs/errors.md from what is staged in git (not the working tree) and stages them.
# Useful when the working tree holds unfinished changes that must not leak into the generated artefacts.
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
git -C "$root" checkout-index --all --prefix="$tmp/"
ln -s "$root/node_modules" "$tmp/node_modules"
(cd "$tmp" && npx tsx scripts/write-docs.ts >/dev/null)
for f in openapi.json docs/errors.md; do
  h="$(git -C "$root" hash-object -w "$tmp/$f")"
  git -C "$root" update-index --cacheinfo "100644,$h,$f"
done
echo "staged openapi.json and docs/errors.md generated from the index"
