#!/usr/bin/env bash
# CI's bundle checks (.ci/run): build the one-folder bundle, run its self-test, run it again in an empty
# environment (no virtual environment, no PATH at all: it must need nothing from them), and let it upgrade a
# database made by the first release.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
[ "${SKIP_BUILD:-}" = 1 ] || make bundle  # SKIP_BUILD=1: check a bundle already built
built=$(date +%s)
version=$(.venv/bin/python -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print(p["name"] + "-" + p["version"])')
bundle="$PWD/dist/$version"
echo "bundle built in $((built - start)) s: $bundle"

echo "== the bundle's self-test"
QT_QPA_PLATFORM=offscreen "$bundle/kofuri" --self-test

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "== the same in an empty environment (env -i: no PATH, no virtual environment, a fresh HOME)"
mkdir "$scratch/home"
(cd "$scratch" && env -i HOME="$scratch/home" QT_QPA_PLATFORM=offscreen "$bundle/kofuri" --self-test)

echo "== upgrade in place: a database made by the first release (schema 0001)"
cp tests/data/schema_0001.sqlite3 "$scratch/shop.sqlite3"
# Since operators exist, init creates the first supervisor and every later command logs in as it
# (KOFURI_PASSWORD is the documented way for scripts to give the password).
login=(--db "$scratch/shop.sqlite3" --data-dir "$scratch/data" --operator ci-admin)
pw="ci-$(date +%s)-Passw0rd"
env -i HOME="$scratch/home" KOFURI_PASSWORD="$pw" "$bundle/kofuri" "${login[@]}" init
listed=$(env -i HOME="$scratch/home" KOFURI_PASSWORD="$pw" "$bundle/kofuri" "${login[@]}" accounts list --format csv)
grep -q '初版 花子' <<<"$listed" || { echo "ci-bundle: the first release's registration is gone" >&2; exit 1; }
ls "$scratch/data/backups/"*before-upgrade* >/dev/null || { echo "ci-bundle: no backup before the upgrade" >&2; exit 1; }
echo "== sample data from the bundle (Faker's Japanese data survived the trimming)"
env -i HOME="$scratch/home" "$bundle/kofuri" --db "$scratch/demo.sqlite3" --data-dir "$scratch/data" demo --accounts 20
echo "bundle checks passed in $(($(date +%s) - start)) s"
