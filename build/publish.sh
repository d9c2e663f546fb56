#!/usr/bin/env bash
# Publishes rind as one native executable at artifacts/rind.
#
#   build/publish.sh                  for RIND_RUNTIME_IDENTIFIER (default linux-x64)
#   build/publish.sh --output FILE    at FILE instead of artifacts/rind
#
# Fails when the native compilation warns about rind's own code (trimming or AOT). On linux-x64,
# RIND_RUNTIME_IDENTIFIER=linux-arm64 cross-compiles with clang and Debian's cross toolchain
# (crossbuild-essential-arm64), as the tests do for the arm64 packages.
set -euo pipefail

output=artifacts/rind
while (($# > 0)); do
  case $1 in
    --output) output=${2:?--output needs a file}; shift 2 ;;
    *) echo "publish: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# dotnet leaves folders in the temporary folder at each run (empty ones,
# NuGet's and MSBuild's scratch): a temporary folder of this run's own takes
# them, and goes at its end. No build server is left running either.
scratch=$(mktemp -d -t rind-publish.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
# So that the EXIT trap runs when interrupted too.
trap 'exit 130' INT
trap 'exit 143' TERM
export TMPDIR=$scratch

framework=$(dotnet msbuild src/Rind/Rind.csproj -getProperty:RindNativeTargetFramework)
rid=${RIND_RUNTIME_IDENTIFIER:-linux-x64}

# Linking for another Linux architecture needs clang (gcc knows no --target), which Debian names
# clang-N unless the package clang is installed; the native compiler takes it from this property.
case $(uname -s)-$(uname -m) in
  Linux-x86_64) host_rid=linux-x64 ;;
  Linux-aarch64) host_rid=linux-arm64 ;;
  *) host_rid= ;;
esac
if [[ $rid == linux-* && -n $host_rid && $rid != "$host_rid" && -z ${CppCompilerAndLinker:-} ]]; then
  CppCompilerAndLinker=$(command -v clang || compgen -c clang- | grep -E '^clang-[0-9]+$' | sort -t- -k2 -n | tail -1 || true)
  [[ -n $CppCompilerAndLinker ]] ||
    { echo "publish: cross-compiling for $rid needs clang (Debian: clang-14) and crossbuild-essential-${rid#linux-}" >&2; exit 1; }
  export CppCompilerAndLinker
fi
RIND_VERSION=${RIND_VERSION:-}
# Each runtime publishes into a folder of its own, so that one never leaves its files in another's.
published=artifacts/publish
[[ $rid == linux-x64 ]] || published=artifacts/publish-$rid
log=$published.log
mkdir -p artifacts "$(dirname "$output")"

# --version names the commit; a release names its version (RIND_VERSION, a tag such as v1.2.3).
commit=$(git rev-parse HEAD 2>/dev/null || true)
version=${RIND_VERSION#v}
dotnet publish src/Rind/Rind.csproj -c Release -f "$framework" -r "$rid" --disable-build-servers \
  -o "$published" ${commit:+-p:SourceRevisionId=$commit} ${version:+-p:Version=$version} \
  -nologo -clp:NoSummary | tee "$log"

# Warnings are errors in the build, but the native compiler's own report is checked here too.
if grep -E ': (warning|error) (IL|NETSDK)[0-9]+' "$log"; then
  echo "publish: the native build reported the problems above" >&2
  exit 1
fi

# A rename, so that a run of the previous binary is not in the way.
cp "$published/rind" "$output.new"
mv -f "$output.new" "$output"
echo "published $output ($(du -k "$output" | cut -f1) KiB, $framework, $rid)"
