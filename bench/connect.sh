#!/usr/bin/env bash
# Runs the Connect benchmark (token endpoint, userinfo, whole logins) on SQLite and on a throwaway PostgreSQL
# cluster started here (run as root). Usage: bench/connect.sh [--seconds S] [--concurrency C]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Socle.Bench -c Release -nologo -clp:ErrorsOnly
BENCH=(dotnet bench/Socle.Bench/bin/Release/net10.0/Socle.Bench.dll --connect)
filter() { grep -v -e '^{"EventId"' -e '^Socle is listening' -e '^Get a sandbox' -e '^Pick test'; }

"${BENCH[@]}" --provider Sqlite "$@" | filter

. bench/pg-cluster.sh
DIR=$(mktemp -d /tmp/socle-bench-pg.XXXXXX)
trap 'stop_pg_cluster; rm -rf "$DIR"' EXIT
PORT=55434
start_pg_cluster "$DIR" "$PORT" max_connections=200
echo
"${BENCH[@]}" --provider Postgres --connection "Host=127.0.0.1;Port=$PORT;Database=socle_bench;Username=postgres;Maximum Pool Size=100" "$@" | filter
