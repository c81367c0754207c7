#!/usr/bin/env bash
# `npm test`: everything CI runs. Installs what the tests need, then runs static checks, the migration drift check,
# the builds, and the unit, integration and end-to-end layers; the throwaway services (S3 on Swift, later OpenLDAP)
# are started and stopped by the test layers' global setup. Prints one "N passed, N failed" line at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false FORCE_COLOR=0
reports=tmp/test-reports
rm -rf "$reports" && mkdir -p "$reports"
step() { printf '\n=== %s ===\n' "$*"; }

step "dependencies"
bash tools/bootstrap/ensure-node-deps.sh
bash tools/bootstrap/ensure-test-packages.sh
bash tools/bootstrap/ensure-local-services.sh

step "lint, format, typecheck"
npx nx run-many -t lint format-check typecheck -p workspace console --output-style=static

step "build"
npx nx run-many -t build --output-style=static

step "OpenAPI document and typed client up to date"
npx nx run api-client:check --output-style=static

step "migration drift check"
DATABASE_URL="${BERTH_TEST_DATABASE_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}" npx nx run migrations:check --output-style=static

step "deploy files"
bash tools/test/lint-deploy.sh

status=0
for layer in unit int e2e; do
  step "tests: $layer"
  npx vitest run --project "$layer" --reporter=default --reporter=json --outputFile.json="$reports/$layer.json" || status=1
done
step "tests: console"
npx nx run console:test --output-style=static -- --reporter=default --reporter=json --outputFile.json="$PWD/$reports/console.json" || status=1

node tools/test/summarize.mjs "$reports"/*.json
exit $status
