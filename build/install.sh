#!/usr/bin/env bash
# Builds rind from this source tree and installs the native executable as PREFIX/bin/rind,
# or removes it again.
#
#   build/install.sh                            installs ~/.local/bin/rind
#   build/install.sh --prefix /usr/local        installs /usr/local/bin/rind
#   build/install.sh --uninstall [--prefix DIR] removes PREFIX/bin/rind
#
# PREFIX in the environment sets the default prefix. RIND_SKIP_BUILD=1 installs artifacts/rind
# as it is, without building it first (the tests install the binary they test this way).
# Building needs the .NET 10 SDK; the installed program needs nothing else.
set -euo pipefail

prefix=${PREFIX:-$HOME/.local}
uninstall=false
while (($# > 0)); do
  case $1 in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
bin=${prefix%/}/bin
target=$bin/rind

if $uninstall; then
  if [[ -d $target ]]; then
    echo "install: $target is a folder, not rind; left alone" >&2
    exit 1
  elif [[ -e $target || -L $target ]]; then
    rm -f -- "$target"
    echo "removed $target"
  else
    echo "nothing to remove: $target does not exist"
  fi
  exit 0
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ ${RIND_SKIP_BUILD:-} == 1 ]]; then
  [[ -x $root/artifacts/rind ]] ||
    { echo "install: no artifacts/rind to install: build it (build/publish.sh) or leave RIND_SKIP_BUILD unset" >&2; exit 1; }
else
  bash "$root/build/publish.sh"
fi
mkdir -p -- "$bin"
# install(1) replaces the file rather than writing into it, so a running rind is not in the way.
install -m 755 -- "$root/artifacts/rind" "$target"
echo "installed $target: $("$target" --version)"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "note: $bin is not on your PATH; add it to use rind by name" ;;
esac
