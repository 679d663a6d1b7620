#!/usr/bin/env bash
# Install (Debian) and start a local PostgreSQL for the tests that need one; prints the URL to use.
# Used by .ci/run; run it by hand to exercise the PostgreSQL tests locally:
#   export KOFURI_TEST_PG_URL=$(bash scripts/start-postgres.sh)
set -euo pipefail
exec 3>&1 1>&2  # only the URL goes to stdout; everything else to stderr
if ! command -v pg_lsclusters >/dev/null || [ -z "$(ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null)" ]; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
# The server must not inherit any descriptor of ours beyond /dev/null: a daemon holding the pipe of
# `$(bash scripts/start-postgres.sh)` (fd 3 here) or CI's output keeps the caller waiting forever.
start_detached() (
  for fd in /proc/$BASHPID/fd/*; do
    n=${fd##*/}
    if [ "$n" -gt 2 ]; then eval "exec $n>&-" 2>/dev/null || true; fi
  done
  exec "$@" </dev/null >/dev/null 2>&1
)
if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  start_detached pg_ctlcluster "$version" main start || true
fi
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_roles WHERE rolname='kofuri'\"" | grep -q 1 ||
  su postgres -c "psql -q -c \"CREATE ROLE kofuri LOGIN CREATEDB PASSWORD 'kofuri'\"" >/dev/null
echo "postgresql+psycopg://kofuri:kofuri@127.0.0.1:5432/postgres" >&3
