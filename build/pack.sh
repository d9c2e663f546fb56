#!/usr/bin/env bash
# Packs rind as a .NET tool, so that `dotnet tool install -g rind` installs the native executable:
#   rind.RID   the native executable for one runtime (packed on that runtime's operating system,
#              as the SDK compiles native code for no other)
#   rind       the top-level package, without code: it names the runtime packages, and the
#              SDK installs the one for the machine it runs on
#
#   build/pack.sh                   both, for RIND_RUNTIME_IDENTIFIER (default linux-x64)
#   build/pack.sh --only runtime    only rind.RID
#   build/pack.sh --only top-level  only rind
#   build/pack.sh --output DIR      into DIR instead of artifacts/packages
#
# RIND_VERSION (a tag such as v1.2.3) sets the packages' version, as for build/publish.sh.
# Fails when the native compilation warns, as build/publish.sh does.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

parts=(runtime top-level)
output=artifacts/packages
while (($# > 0)); do
  case $1 in
    --only)
      case ${2:-} in
        runtime|top-level) parts=("$2") ;;
        *) echo "pack: --only takes runtime or top-level" >&2; exit 2 ;;
      esac
      shift 2 ;;
    --output) output=${2:?--output needs a folder}; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pack: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

rid=${RIND_RUNTIME_IDENTIFIER:-linux-x64}
RIND_VERSION=${RIND_VERSION:-}
version=${RIND_VERSION#v}
framework=$(dotnet msbuild src/Rind/Rind.csproj -getProperty:RindNativeTargetFramework)
commit=$(git rev-parse HEAD 2>/dev/null || true)
log=artifacts/pack.log
mkdir -p artifacts "$output"
: > "$log"

# The same properties as build/publish.sh's, so that right after a publish the native code is not
# compiled again. The packages hold the native executable's framework alone: where it falls behind
# the code's (see Directory.Build.props), the project is packed as if the code targeted it.
pack() {
  dotnet pack src/Rind/Rind.csproj -c Release -p:RindTargetFramework="$framework" -o "$output" "$@" \
    ${commit:+-p:SourceRevisionId=$commit} ${version:+-p:Version=$version} \
    -nologo -clp:NoSummary | tee -a "$log"
}
packed=()
for part in "${parts[@]}"; do
  case $part in
    # A folder of its own to publish into: the package takes every file there, so none may be left
    # from an earlier publish.
    runtime) rm -rf artifacts/tool-publish; pack -r "$rid" -p:PublishDir="$root/artifacts/tool-publish/"; packed+=("rind.$rid") ;;
    top-level) pack; packed+=(rind) ;;
  esac
done

if grep -E ': (warning|error) (IL|NETSDK|NU)[0-9]+' "$log"; then
  echo "pack: the build reported the problems above" >&2
  exit 1
fi
echo "packed ${packed[*]} into $output"
