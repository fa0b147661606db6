#!/usr/bin/env bash
# Starts Socle on http://127.0.0.1:8080 with its embedded default: SQLite in ./data (under the current directory),
# sandbox data seeded on first start. The host is published precompiled (self-contained, one composite ReadyToRun
# image of the framework and the application: decision 0026) into .socle/host first, which halves its start-up time;
# that takes two to three minutes after a change of the code, and is skipped when nothing changed. Extra arguments go
# to the host, for example --urls http://0.0.0.0:9000 or --data-dir /srv/socle.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
repo="$(cd "$(dirname "$0")/.." && pwd)"
. "$repo/scripts/precompiled.sh"
publish_precompiled "$repo/src/Socle.Host" "$repo/.socle/host" Socle.Host
exec "$repo/.socle/host/Socle.Host" "$@"
