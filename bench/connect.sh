#!/usr/bin/env bash
# Runs the Connect benchmark (token endpoint, userinfo, whole logins) on SQLite and on a throwaway PostgreSQL
# cluster started here (run as root). Usage: bench/connect.sh [--seconds S] [--concurrency C]
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
dotnet build bench/Socle.Bench -c Release -nologo -clp:ErrorsOnly
BENCH=(dotnet bench/Socle.Bench/bin/Release/net10.0/Socle.Bench.dll --connect)
filter() { grep -v -e '^{"EventId"' -e '^Socle is listening' -e '^Get a sandbox' -e '^Pick test'; }

"${BENCH[@]}" --provider Sqlite "$@" | filter

DIR=$(mktemp -d /tmp/socle-bench-pg.XXXXXX)
chown postgres "$DIR"
as_pg() { (cd "$DIR" && runuser -u postgres -- "$@"); }
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
PORT=55434
as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c shared_buffers=1GB -c max_connections=200" start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres socle_bench
echo
"${BENCH[@]}" --provider Postgres --connection "Host=127.0.0.1;Port=$PORT;Database=socle_bench;Username=postgres;Maximum Pool Size=100" "$@" | filter
