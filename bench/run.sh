#!/usr/bin/env bash
# Runs the Identity benchmark on SQLite and on a throwaway PostgreSQL cluster started here (run as root on a
# machine of the CI kind). Usage: bench/run.sh [--identities N] [--locals N] [--seconds S] [--concurrency C]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Socle.Bench -c Release -nologo -clp:ErrorsOnly
BENCH=(dotnet bench/Socle.Bench/bin/Release/net10.0/Socle.Bench.dll)

# Start-up is measured on the host as scripts/start.sh runs it: published precompiled (decision 0026).
HOSTDIR=$(mktemp -d /tmp/socle-bench-host.XXXXXX)
dotnet publish src/Socle.Host -p:PublishProfile=Precompiled -o "$HOSTDIR" -nologo -clp:ErrorsOnly >/dev/null
"${BENCH[@]}" --startup-only --host-dll "$HOSTDIR/Socle.Host.dll"
rm -rf "$HOSTDIR"

"${BENCH[@]}" --provider Sqlite "$@"

. bench/pg-cluster.sh
DIR=$(mktemp -d /tmp/socle-bench-pg.XXXXXX)
trap 'stop_pg_cluster; rm -rf "$DIR"' EXIT
PORT=55433
start_pg_cluster "$DIR" "$PORT" max_connections=200
echo
"${BENCH[@]}" --provider Postgres --connection "Host=127.0.0.1;Port=$PORT;Database=socle_bench;Username=postgres;Maximum Pool Size=100" "$@"
