#!/usr/bin/env bash
# Packs rind for the package managers that install it:
#   rind.RID   the .NET tool's package of the native executable for one runtime (packed on that
#              runtime's operating system, as the SDK compiles native code for no other)
#   rind       the .NET tool's top-level package, without code: it names the runtime packages,
#              and the SDK installs the one for the machine it runs on
#   wheel      a Python wheel (pip, pipx) that installs the native executable as the command
#              rind, tagged for the platform the executable needs (build/lib/make_wheel.py)
#   deb        a Debian package, rind_VERSION-1_ARCH.deb, for the executable's architecture
#              (build/lib/make_deb.sh)
#   brew       the Homebrew formula, rind.rb, for a tap: it downloads the release's archives
#              (build/lib/make_formula.py)
#
#   build/pack.sh                   rind.RID and rind, for RIND_RUNTIME_IDENTIFIER (default linux-x64)
#   build/pack.sh --only PART       only PART: runtime (rind.RID), top-level (rind), wheel, deb or
#                                   brew; --only again adds another
#   build/pack.sh --output DIR      into DIR instead of artifacts/packages
#
# The wheel and the Debian package are made from an executable already published, RIND_BINARY or
# artifacts/rind (build/publish.sh), for whichever platform it is: nothing is compiled for them.
# RIND_VERSION (a tag such as v1.2.3) sets the packages' version, as for build/publish.sh; without it,
# Directory.Build.props' Version. RIND_HOMEPAGE names the project's home page in the wheel and the
# Debian package; RIND_DEB_MAINTAINER ('NAME <ADDRESS>') the Debian package's maintainer.
# The formula is made from the release's four archives, rind-VERSION-RID.tar.gz, in the folder
# RIND_ASSETS, and names the GitHub release of RIND_REPOSITORY (OWNER/NAME; by default
# GITHUB_REPOSITORY, which GitHub Actions sets); its license is the project's
# PackageLicenseExpression, when it has one.
# Fails when the native compilation warns, as build/publish.sh does.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# The name of the Python distribution: `rind` on the Python Package Index is another project's.
wheel_name=rind-cli

parts=()
output=artifacts/packages
while (($# > 0)); do
  case $1 in
    --only)
      case ${2:-} in
        runtime|top-level|wheel|deb|brew) parts+=("$2") ;;
        *) echo "pack: --only takes runtime, top-level, wheel, deb or brew" >&2; exit 2 ;;
      esac
      shift 2 ;;
    --output) output=${2:?--output needs a folder}; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pack: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

((${#parts[@]} > 0)) || parts=(runtime top-level)

rid=${RIND_RUNTIME_IDENTIFIER:-linux-x64}
RIND_VERSION=${RIND_VERSION:-}
version=${RIND_VERSION#v}
commit=$(git rev-parse HEAD 2>/dev/null || true)
log=artifacts/pack.log
mkdir -p artifacts "$output"
: > "$log"

# The same properties as build/publish.sh's, so that right after a publish the native code is not
# compiled again. The packages hold the native executable's framework alone: where it falls behind
# the code's (see Directory.Build.props), the project is packed as if the code targeted it.
framework=
pack() {
  [[ -n $framework ]] || framework=$(dotnet msbuild src/Rind/Rind.csproj -getProperty:RindNativeTargetFramework)
  dotnet pack src/Rind/Rind.csproj -c Release -p:RindTargetFramework="$framework" -o "$output" "$@" \
    ${commit:+-p:SourceRevisionId=$commit} ${version:+-p:Version=$version} \
    -nologo -clp:NoSummary | tee -a "$log"
}
# The wheel and the Debian package: from the published executable, dated by the commit (so that the
# same commit makes the same files), described as the .NET tool's package is.
binary=${RIND_BINARY:-artifacts/rind}
release_version() {
  if [[ -n $version ]]; then
    echo "$version"
  else
    sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1
  fi
}
summary=$(sed -n 's:.*<Description>\(.*\)</Description>.*:\1:p' src/Rind/Rind.csproj | head -n 1)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
native() {
  [[ -f $binary ]] ||
    { echo "pack: no executable at $binary to pack: run build/publish.sh first, or set RIND_BINARY" >&2; exit 1; }
}
wheel() {
  native
  python3 build/lib/make_wheel.py --name "$wheel_name" --version "$(release_version)" --binary "$binary" \
    --output "$output" --readme README.md --summary "$summary" --author "rind contributors" \
    --keywords docker,podman,exec,compose,container,cli ${RIND_HOMEPAGE:+--homepage "$RIND_HOMEPAGE"}
}
deb() {
  native
  local man=
  [[ ! -f docs/rind.1 ]] || man=docs/rind.1
  bash build/lib/make_deb.sh --binary "$binary" --version "$(release_version)" --output "$output" \
    --changelog CHANGELOG.md --summary "$summary" ${man:+--man "$man"} --completions src/Rind/Completion/Scripts \
    ${RIND_HOMEPAGE:+--homepage "$RIND_HOMEPAGE"} ${RIND_DEB_MAINTAINER:+--maintainer "$RIND_DEB_MAINTAINER"}
}
# The formula: from the archives alone, which hold the executables of all four runtimes.
formula() {
  local assets=${RIND_ASSETS:-} repository=${RIND_REPOSITORY:-${GITHUB_REPOSITORY:-}} license
  [[ -n $assets ]] || { echo "pack: the formula needs RIND_ASSETS, the folder of the release's archives" >&2; exit 2; }
  [[ -n $repository ]] || { echo "pack: the formula needs RIND_REPOSITORY, the GitHub OWNER/NAME of the release" >&2; exit 2; }
  license=$(sed -n 's:.*<PackageLicenseExpression>\(.*\)</PackageLicenseExpression>.*:\1:p' \
    Directory.Build.props src/Rind/Rind.csproj | head -n 1)
  python3 build/lib/make_formula.py --version "$(release_version)" --repository "$repository" \
    --assets "$assets" --output "$output/rind.rb" ${license:+--license "$license"}
}

packed=()
for part in "${parts[@]}"; do
  case $part in
    # A folder of its own to publish into: the package takes every file there, so none may be left
    # from an earlier publish.
    runtime) rm -rf artifacts/tool-publish; pack -r "$rid" -p:PublishDir="$root/artifacts/tool-publish/"; packed+=("rind.$rid") ;;
    top-level) pack; packed+=(rind) ;;
    wheel) made=$(wheel); packed+=("$(basename "$made")") ;;
    deb) made=$(deb); packed+=("$(basename "$made")") ;;
    brew) made=$(formula); packed+=("$(basename "$made")") ;;
  esac
done

if grep -E ': (warning|error) (IL|NETSDK|NU)[0-9]+' "$log"; then
  echo "pack: the build reported the problems above" >&2
  exit 1
fi
echo "packed ${packed[*]} into $output"
