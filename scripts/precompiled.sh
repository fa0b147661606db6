# Sourced by start.sh and socle.sh: publishes a project precompiled (self-contained, composite ReadyToRun:
# decisions 0026 and 0027) into an output directory, unless nothing it is built from changed since the last publish.
# Even with nothing to do, `dotnet publish` takes about 5 s to find that out; comparing file times takes milliseconds.
# publish_precompiled PROJECT_DIR OUT_DIR EXECUTABLE_NAME
publish_precompiled() {
  local project=$1 out=$2 executable=$3
  local repo
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [ -x "$out/$executable" ] && [ -z "$(find "$repo/src" "$repo/Directory.Build.props" "$repo/Directory.Packages.props" \
      "$repo/global.json" -newer "$out/$executable" -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
    return 0
  fi
  echo "Building $(basename "$project") (precompiled) into $out ..." >&2
  dotnet publish "$project" -p:PublishProfile=Precompiled -o "$out" -nologo -clp:ErrorsOnly >&2
  touch "$out/$executable"
}
