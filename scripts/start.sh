#!/usr/bin/env bash
# Starts Socle on http://127.0.0.1:8080 with its embedded default: SQLite in ./data, sandbox data seeded on first
# start. Extra arguments go to the host (for example --urls http://0.0.0.0:9000 or --data-dir /srv/socle).
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --project "$(dirname "$0")/../src/Socle.Host" -c Release -- "$@"
