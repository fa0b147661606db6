#!/usr/bin/env bash
# Runs the Record benchmark (ITI-65 deposits, ITI-67 find by patient, ITI-68 retrieve) on a throwaway PostgreSQL
# cluster started here (run as root), after loading --patients records and --documents documents into it.
# Usage: bench/record.sh [--patients N] [--documents N] [--seconds S] [--concurrency C] [--scenarios ITI-65,raw]
# (--scenarios: the scenarios whose names contain one of the parts; the baseline always runs)
# At the default 1,000,000 / 10,000,000 the cluster needs about 45 GB of disk and the load about 15 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Socle.Bench -c Release -nologo -clp:ErrorsOnly
BENCH=(dotnet bench/Socle.Bench/bin/Release/net10.0/Socle.Bench.dll --record)
filter() { grep -v -e '^{"EventId"' -e '^Socle is listening' -e '^Get a sandbox' -e '^Pick test'; }

. bench/pg-cluster.sh
DIR=$(mktemp -d "${SOCLE_BENCH_TMP:-/tmp}/socle-bench-pg.XXXXXX")
trap 'stop_pg_cluster; rm -rf "$DIR"' EXIT
PORT=55435
start_pg_cluster "$DIR" "$PORT" max_connections=200 max_wal_size=8GB maintenance_work_mem=1GB
"${BENCH[@]}" --provider Postgres --connection "Host=127.0.0.1;Port=$PORT;Database=socle_bench;Username=postgres;Maximum Pool Size=100" "$@" | filter
