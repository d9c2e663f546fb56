#!/usr/bin/env bash
# Publishes rind as one native executable at artifacts/rind.
# Fails when the native compilation warns about rind's own code (trimming or AOT).
set -euo pipefail

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
RIND_VERSION=${RIND_VERSION:-}
log=artifacts/publish.log
mkdir -p artifacts

# --version names the commit; a release names its version (RIND_VERSION, a tag such as v1.2.3).
commit=$(git rev-parse HEAD 2>/dev/null || true)
version=${RIND_VERSION#v}
dotnet publish src/Rind/Rind.csproj -c Release -f "$framework" -r "$rid" --disable-build-servers \
  -o artifacts/publish ${commit:+-p:SourceRevisionId=$commit} ${version:+-p:Version=$version} \
  -nologo -clp:NoSummary | tee "$log"

# Warnings are errors in the build, but the native compiler's own report is checked here too.
if grep -E ': (warning|error) (IL|NETSDK)[0-9]+' "$log"; then
  echo "publish: the native build reported the problems above" >&2
  exit 1
fi

# A rename, so that a run of the previous binary is not in the way.
cp artifacts/publish/rind artifacts/rind.new
mv -f artifacts/rind.new artifacts/rind
echo "published artifacts/rind ($(du -k artifacts/rind | cut -f1) KiB, $framework, $rid)"
