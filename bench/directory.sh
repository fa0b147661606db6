#!/usr/bin/env bash
# Directory benchmark: generates a Personne_activite extract of about 2 M rows (plus the matching MSSanté and
# other files), then on a throwaway PostgreSQL cluster and on SQLite measures the full import (time, peak memory,
# rows/s) next to a raw PostgreSQL COPY of the same file, the next-day delta import, and FHIR search latency.
# Usage: bench/directory.sh [--persons N] [--seconds S] [--concurrency C] [--extracts DIR] [--only postgres|sqlite]
# (run as root on a machine of the CI kind). --extracts keeps the generated files in DIR and reuses them next time.
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=1700000; SECONDS_PER=10; CONCURRENCY=8; EXTRACTS=""; ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --persons) PERSONS=$2; shift 2 ;;
    --seconds) SECONDS_PER=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --extracts) EXTRACTS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
dotnet build bench/Socle.Bench -c Release -nologo -clp:ErrorsOnly
OUT=bench/Socle.Bench/bin/Release/net10.0
# The CLI as an operator runs it: published precompiled by scripts/socle.sh (decision 0027).
. scripts/precompiled.sh
publish_precompiled src/Socle.Cli .socle/cli socle
SOCLE=(.socle/cli/socle)
BENCH=(dotnet "$OUT/Socle.Bench.dll")
WORK=$(mktemp -d /tmp/socle-bench-dir.XXXXXX)
chmod 755 "$WORK"
. bench/pg-cluster.sh
trap 'stop_pg_cluster; rm -rf "$WORK"' EXIT

echo "# Socle Directory benchmark: $PERSONS synthetic professionals, $(nproc) cores, $(date -u +%F)"
FILES=${EXTRACTS:-$WORK/extracts}
if [ ! -f "$FILES/persons-$PERSONS" ]; then
  rm -rf "$FILES"; mkdir -p "$FILES"
  start=$(date +%s.%N)
  "${SOCLE[@]}" directory generate --persons "$PERSONS" --out "$FILES/day0" --data-dir "$WORK/gen" >/dev/null 2>&1
  "${SOCLE[@]}" directory generate --persons "$PERSONS" --out "$FILES/day1" --day 1 --data-dir "$WORK/gen" >/dev/null 2>&1
  touch "$FILES/persons-$PERSONS"
  echo "Generated both days in $(printf '%.0f' "$(echo "$(date +%s.%N) - $start" | bc)") s"
fi
chmod -R a+rX "$FILES"
ACTIVITY=$(ls "$FILES"/day0/PS_LibreAcces_Personne_activite_*.txt)
for f in "$FILES"/day0/*.txt; do printf '  %-60s %10d lines %6d MB\n' "$(basename "$f")" "$(($(wc -l < "$f") - 1))" "$(($(stat -c %s "$f") / 1048576))"; done
ROWS=$(($(wc -l < "$ACTIVITY") - 1))

# Runs one CLI import; prints wall time, rows/s over the Personne_activite rows, and peak resident memory.
import() {
  local label=$1; shift
  local log="$WORK/import.log"
  /usr/bin/time -f '%e %M' -o "$WORK/time" "${SOCLE[@]}" directory import "$@" >"$log" 2>"$WORK/import.err" || { cat "$log" "$WORK/import.err"; exit 1; }
  read -r secs kb < "$WORK/time"
  printf '| %s | %s s | %.0f rows/s | %d MB |\n' "$label" "$secs" "$(echo "$ROWS / $secs" | bc -l)" "$((kb / 1024))"
  grep -E '^Rows read|^\s+(persons|structures|activities|mailboxes)|^Time:' "$log" | sed 's/^/    /' >&2
}

if [ "$ONLY" != sqlite ]; then
PORT=55434
start_pg_cluster "$WORK/pg" "$PORT" max_wal_size=4GB max_connections=100
PGCONN="Host=127.0.0.1;Port=$PORT;Database=socle_bench;Username=postgres;Maximum Pool Size=50"

echo
echo "## PostgreSQL 15"
echo
echo "| Step | Time | Rows/s (Personne_activite) | Peak memory |"
echo "|---|---:|---:|---:|"
COLS=$(seq -s, -f 'c%g text' 1 56)
psql -q -h 127.0.0.1 -p "$PORT" -U postgres -d socle_bench -c "CREATE TABLE raw_activite ($COLS)"
start=$(date +%s.%N)
psql -q -h 127.0.0.1 -p "$PORT" -U postgres -d socle_bench -c "\\copy raw_activite FROM '$ACTIVITY' WITH (FORMAT text, DELIMITER '|', HEADER true, ENCODING 'UTF8')"
secs=$(echo "$(date +%s.%N) - $start" | bc)
printf '| Raw COPY of the Personne_activite file into one text table (baseline) | %.1f s | %.0f rows/s | (server) |\n' "$secs" "$(echo "$ROWS / $secs" | bc -l)"
psql -q -h 127.0.0.1 -p "$PORT" -U postgres -d socle_bench -c "DROP TABLE raw_activite"
export Socle__Storage__Provider=Postgres ConnectionStrings__Socle="$PGCONN" Socle__Directory__SandboxPersons=0 Socle__Identity__SandboxPopulation=0
import "Full import, all four files" "$FILES"/day0/*.txt
import "Next-day import (about 1 % changed)" "$FILES"/day1/*.txt
"${BENCH[@]}" --directory-search --provider Postgres --connection "$PGCONN" --seconds "$SECONDS_PER" --concurrency "$CONCURRENCY" | grep -v '^{"EventId"' 

fi

if [ "$ONLY" != postgres ]; then
echo
echo "## SQLite"
echo
echo "| Step | Time | Rows/s (Personne_activite) | Peak memory |"
echo "|---|---:|---:|---:|"
export Socle__Storage__Provider=Sqlite ConnectionStrings__Socle="Data Source=$WORK/sqlite/socle.db"
mkdir -p "$WORK/sqlite"
import "Full import, all four files" "$FILES"/day0/*.txt --data-dir "$WORK/sqlite"
import "Next-day import (about 1 % changed)" "$FILES"/day1/*.txt --data-dir "$WORK/sqlite"
"${BENCH[@]}" --directory-search --provider Sqlite --connection "Data Source=$WORK/sqlite/socle.db" --seconds "$SECONDS_PER" --concurrency "$CONCURRENCY" | grep -v '^{"EventId"'
fi
