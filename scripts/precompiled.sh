# Sourced by start.sh and socle.sh: publishes a project precompiled (self-contained, composite ReadyToRun:
# decisions 0026 and 0027) into an output directory, unless nothing it is built from changed since the last publish.
# Even with nothing to do, `dotnet publish` takes about 5 s to find that out; comparing file times takes milliseconds.
# publish_precompiled PROJECT_DIR OUT_DIR EXECUTABLE_NAME
publish_precompiled() {
  local project=$1 out=$2 executable=$3
  local repo stamp
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  stamp="$out/.published"
  # Build outputs are pruned, directories included: a build writing into bin/ or obj/ changes those directories' times.
  if [ -x "$out/$executable" ] && [ -f "$stamp" ] && [ -z "$(find "$repo/src" "$repo/Directory.Build.props" \
      "$repo/Directory.Packages.props" "$repo/global.json" \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  echo "Building $(basename "$project") (precompiled) into $out ..." >&2
  mkdir -p "$out"
  # Stamped with the time the publish started: a file changed while it runs is seen as changed next time.
  touch "$out/.publishing"
  dotnet publish "$project" -p:PublishProfile=Precompiled -o "$out" -nologo -clp:ErrorsOnly >&2
  mv "$out/.publishing" "$stamp"
}
