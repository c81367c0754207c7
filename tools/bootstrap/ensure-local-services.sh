#!/usr/bin/env bash
# The tests use the machine's PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) through their own databases and
# key prefixes. When either is configured on this machine but stopped, start it the way the machine's docs say.
set -euo pipefail
pg_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }
if [[ -z "${BERTH_TEST_DATABASE_ADMIN_URL:-}" ]] && ! pg_up && ls /etc/postgresql >/dev/null 2>&1; then
  echo "berth: starting the machine's PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
fi
if [[ -z "${BERTH_TEST_REDIS_URL:-}" ]] && ! redis_up && command -v redis-server >/dev/null; then
  echo "berth: starting a Redis on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
fi
