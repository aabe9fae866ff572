#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL and a NATS server with
# JetStream for the tests, in a folder of their own (/tmp/claimtrace-services
# unless CLAIMTRACE_SERVICES_DIR says otherwise), on ports of their own.
#
#   eval "$(scripts/services.sh start)"   # exports CLAIMTRACE_TEST_POSTGRES, CLAIMTRACE_TEST_NATS
#   scripts/services.sh stop
#
# PostgreSQL comes from the Debian `postgresql` package (its binaries in
# /usr/lib/postgresql/*/bin), NATS from `nats-server`. Nothing is left
# running or listening after `stop`; the data is thrown away.
set -euo pipefail
cd "$(dirname "$0")/.."
# Outside the checkout: as root, PostgreSQL runs as `postgres`, which may
# not be allowed into the folder the checkout is in.
dir="${CLAIMTRACE_SERVICES_DIR:-${TMPDIR:-/tmp}/claimtrace-services}"
pg_port="${CLAIMTRACE_PG_PORT:-55432}"
nats_port="${CLAIMTRACE_NATS_PORT:-54222}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

# PostgreSQL refuses to run as root: as root, run it as `postgres`.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    [ -x "$pg_bin/initdb" ] || { echo "services: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
    command -v nats-server >/dev/null || { echo "services: nats-server is not installed (apt-get install nats-server)" >&2; exit 1; }
    stop >/dev/null 2>&1 || true
    mkdir -p "$dir"
    rm -rf "$dir/pg" "$dir/nats"
    mkdir -p "$dir/pg" "$dir/nats"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/pg"
    as_pg "$pg_bin/initdb" -D "$dir/pg/data" -U claimtrace --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log" 2>&1 \
        || { cat "$dir/pg/initdb.log" >&2; exit 1; }
    as_pg "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w \
        -o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2
    as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U claimtrace claimtrace >&2
    nats-server -js -sd "$dir/nats" -a 127.0.0.1 -p "$nats_port" -l "$dir/nats/server.log" -P "$dir/nats/pid" </dev/null >/dev/null 2>&1 &
    for _ in $(seq 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$nats_port") 2>/dev/null && break
        sleep 0.1
    done
    echo "export CLAIMTRACE_TEST_POSTGRES=postgres://claimtrace@127.0.0.1:$pg_port/claimtrace"
    echo "export CLAIMTRACE_TEST_NATS=nats://127.0.0.1:$nats_port"
}

stop() {
    if [ -f "$dir/pg/data/postmaster.pid" ]; then
        as_pg "$pg_bin/pg_ctl" -D "$dir/pg/data" -m immediate stop >&2 || true
    fi
    if [ -f "$dir/nats/pid" ]; then
        kill "$(cat "$dir/nats/pid")" 2>/dev/null || true
        rm -f "$dir/nats/pid"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: scripts/services.sh start|stop" >&2; exit 2 ;;
esac
