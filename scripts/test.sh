#!/usr/bin/env bash
# Runs every test of Socle on a fresh machine: installs what is missing (PostgreSQL server binaries for the
# PostgreSQL suites, Chromium for browser tests), builds the whole solution and runs all test projects.
# The PostgreSQL suites start their own throwaway cluster; they never skip.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x "${PGBIN:-/usr/lib/postgresql/15/bin}/initdb" ] || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # A first Debian install of chromium sometimes stops on a dpkg archive error; a second pass with -f completes it.
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || apt-get install -y -qq -f >/dev/null
fi

# The browser tests' relying party is a node application on openid-client (a certified OIDC library), pinned by its lock file.
npm ci --prefix tests/Socle.Host.Tests/Browser/rp --no-audit --no-fund --loglevel=error 2>&1 | grep -v 'Unknown user config' || true
[ -d tests/Socle.Host.Tests/Browser/rp/node_modules/openid-client ] || { echo "npm ci of the test relying party failed" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
dotnet build Socle.slnx -c Release -warnaserror -nologo -clp:ErrorsOnly

log=$(mktemp)
status=0
dotnet test Socle.slnx -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit $status
