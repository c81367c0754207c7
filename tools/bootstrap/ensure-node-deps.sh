#!/usr/bin/env bash
# Installs the locked npm dependencies when node_modules is missing or older than package-lock.json, and does nothing
# otherwise, so a second `npm start` or `npm test` skips the install. Shared by deploy/local/start.sh and the test run.
set -euo pipefail
cd "$(dirname "$0")/../.."
stamp=node_modules/.berth-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  exit 0
fi
echo "berth: installing npm dependencies (package-lock.json changed or node_modules missing)…"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
