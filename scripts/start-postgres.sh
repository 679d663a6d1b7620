#!/usr/bin/env bash
# Install (Debian) and start a local PostgreSQL for the tests that need one; prints the URL to use.
# Used by .ci/run; run it by hand to exercise the PostgreSQL tests locally:
#   export KOFURI_TEST_PG_URL=$(bash scripts/start-postgres.sh)
#
# Only the URL goes to stdout. Nothing this script starts may keep the caller's pipes open: a server that
# inherits the pipe of `$(…)` (or CI's output) keeps its reader waiting forever. So every command runs with
# stdout closed off (fd 3 keeps the real one for the URL), and the server starts with /dev/null and no other
# descriptor of ours.
set -euo pipefail
log=$(mktemp -t kofuri-postgres.XXXXXX)

quiet() {  # run a command with its output in the log; show the log if it fails
  if ! "$@" >>"$log" 2>&1 3>&-; then
    echo "start-postgres: '$*' failed:" >&2
    cat "$log" >&2
    return 1
  fi
}

start_detached() (
  for fd in /proc/$BASHPID/fd/*; do
    n=${fd##*/}
    if [ "$n" -gt 2 ]; then eval "exec $n>&-" 2>/dev/null || true; fi
  done
  exec "$@" </dev/null >/dev/null 2>&1
)

main() {
  if ! command -v pg_lsclusters >/dev/null || [ -z "$(ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null)" ]; then
    quiet apt-get update -qq
    DEBIAN_FRONTEND=noninteractive quiet apt-get install -y -qq postgresql
  fi
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | grep -q "^$version main"; then
    quiet pg_createcluster "$version" main
  fi
  if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    start_detached pg_ctlcluster "$version" main start || true
  fi
  for _ in $(seq 1 30); do
    su postgres -c "pg_isready -q" && break
    sleep 1
  done
  if ! su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_roles WHERE rolname='kofuri'\"" | grep -q 1; then
    quiet su postgres -c "psql -q -c \"CREATE ROLE kofuri LOGIN CREATEDB PASSWORD 'kofuri'\""
  fi
  # the tests drop their databases WITH (FORCE), which may have to end an autovacuum worker
  quiet su postgres -c "psql -q -c \"GRANT pg_signal_backend TO kofuri\""
  # operators are PostgreSQL login roles in a group role per application role (app/services/operators/pg_roles.py)
  quiet su postgres -c "psql -q -c \"ALTER ROLE kofuri CREATEROLE\""
}

exec 3>&1 1>&2
main 3>&-
rm -f "$log"
echo "postgresql+psycopg://kofuri:kofuri@127.0.0.1:5432/postgres" >&3
