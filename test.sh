#!/usr/bin/env bash
# Runs every test: domain, both databases (SQLite and a throwaway PostgreSQL), components, and the browser journeys.
# Installs what a fresh Debian machine lacks (Chromium, PostgreSQL) and fails loudly if it cannot.
# Ends with one line: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\n== %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi
}

apt_install() {
  say "Installing $*"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y --no-install-recommends "$@" >/tmp/sharedservices-apt.log 2>&1 && return 0
  # The package index may be missing on a fresh machine, or dpkg half-configured: repair and retry once.
  as_root dpkg --configure -a >>/tmp/sharedservices-apt.log 2>&1 || true
  as_root apt-get update >>/tmp/sharedservices-apt.log 2>&1 || true
  as_root apt-get install -y --no-install-recommends "$@" >>/tmp/sharedservices-apt.log 2>&1 \
    || { tail -20 /tmp/sharedservices-apt.log >&2; die "could not install $* (log: /tmp/sharedservices-apt.log)"; }
}

# --- Chromium for the browser tests ---
export SHAREDSERVICES_CHROMIUM="${SHAREDSERVICES_CHROMIUM:-/usr/bin/chromium}"
[ -x "$SHAREDSERVICES_CHROMIUM" ] || apt_install chromium
[ -x "$SHAREDSERVICES_CHROMIUM" ] || die "Chromium is not at $SHAREDSERVICES_CHROMIUM after installing it"

# --- A throwaway PostgreSQL cluster on 127.0.0.1 ---
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || apt_install postgresql
PGBIN=$(pg_bin)
[ -x "$PGBIN/initdb" ] || die "PostgreSQL's initdb not found after installing postgresql"

# A port nothing listens on: SHAREDSERVICES_PGPORT if set, else the first free one from 55432 (another test run, or a
# cluster still shutting down, may hold 55432).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -n "${SHAREDSERVICES_PGPORT:-}" ]; then
  PGPORT="$SHAREDSERVICES_PGPORT"
  port_in_use "$PGPORT" && die "SHAREDSERVICES_PGPORT=$PGPORT is already in use"
else
  PGPORT=55432
  while port_in_use "$PGPORT"; do
    PGPORT=$((PGPORT + 1))
    [ "$PGPORT" -le 55499 ] || die "no free port for PostgreSQL between 55432 and 55499"
  done
fi
PGTMP=$(mktemp -d /tmp/sharedservices-pg.XXXXXX)
pg_user=""
if [ "$(id -u)" -eq 0 ]; then pg_user=postgres; chown postgres:postgres "$PGTMP"; fi
as_pg() { if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }
stop_pg() {
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap stop_pg EXIT

say "Starting a throwaway PostgreSQL on 127.0.0.1:$PGPORT"
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -A trust -U postgres -E UTF8 --no-locale --no-sync >"$PGTMP/initdb.log" 2>&1 \
  || { cat "$PGTMP/initdb.log" >&2; die "initdb failed"; }
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" -w -t 30 \
  -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$PGTMP/log" >&2; die "PostgreSQL did not start"; }
export SHAREDSERVICES_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"

# --- The tests ---
RESULTS="$PWD/TestResults"
rm -rf "$RESULTS"
say "Building and running the tests"
set +e
dotnet test SharedServices.sln --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS"
status=$?
set -e

# --- The closing line, from the TRX results ---
passed=0; failed=0; total=0
shopt -s nullglob
for trx in "$RESULTS"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); total=$((total + ${t:-0}))
done
notrun=$((total - passed - failed))
if [ "$total" -eq 0 ]; then failed=$((failed + 1)); echo "No test results were written: the build or the test host failed." >&2; fi
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1 && echo "dotnet test failed (exit $status) without a failing test: see above." >&2
[ "$notrun" -gt 0 ] && echo "$notrun tests did not run (skipped or not executed): that counts as a failure." >&2 && failed=$((failed + notrun))
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
