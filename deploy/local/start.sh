#!/usr/bin/env bash
# `npm start`: install what is missing, build what changed (Nx caches the rest), then run the local launcher in the
# foreground. The launcher starts Postgres, Redis, the migration step, registry, core-api and worker.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false}
bash tools/bootstrap/ensure-node-deps.sh
echo "berth: building (cached when nothing changed)…"
npx nx run-many -t build -p core-api registry worker migrations console local --output-style=stream-without-prefixes --verbose=false >/tmp/berth-build.$$.log 2>&1 || {
  cat /tmp/berth-build.$$.log
  echo "berth: build failed" >&2
  exit 1
}
rm -f /tmp/berth-build.$$.log
exec node dist/deploy/local/deploy/local/src/main.js
