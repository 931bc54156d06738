#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the store tests.
#   scripts/throwaway-postgres.sh start   -> prints a postgresql:// URL (nothing if unavailable)
#   scripts/throwaway-postgres.sh stop
# Best effort: when PostgreSQL cannot be had, prints nothing and the tests that
# need it are skipped.
set -u
DATA=${STORYLINE_PGDATA:-/tmp/storyline-pgdata}
PORT=${STORYLINE_PGPORT:-55433}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
case "${1:-start}" in
stop)
    [ -n "$bin" ] && [ -d "$DATA" ] && su postgres -c "$bin/pg_ctl -D $DATA -m fast stop" >/dev/null 2>&1
    rm -rf "$DATA"
    exit 0 ;;
esac
if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -n "$bin" ] && [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 || exit 0
rm -rf "$DATA" && mkdir -p "$DATA" && chown postgres "$DATA"
su postgres -c "$bin/initdb -D $DATA -A trust" >/dev/null 2>&1 || exit 0
su postgres -c "$bin/pg_ctl -D $DATA -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1' -l $DATA/log -w start" >/dev/null 2>&1 || exit 0
su postgres -c "psql -h 127.0.0.1 -p $PORT -qc 'CREATE DATABASE storyline_test'" >/dev/null 2>&1 || exit 0
echo "postgresql://postgres@127.0.0.1:$PORT/storyline_test"
