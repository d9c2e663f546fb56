#!/usr/bin/env bash
# Builds rind from this source tree and installs the native executable as PREFIX/bin/rind and its
# manual page as PREFIX/share/man/man1/rind.1, or removes them again.
#
#   build/install.sh                            installs ~/.local/bin/rind
#   build/install.sh --prefix /usr/local        installs /usr/local/bin/rind
#   build/install.sh --uninstall [--prefix DIR] removes PREFIX/bin/rind and its page
#
# PREFIX in the environment sets the default prefix. RIND_SKIP_BUILD=1 installs artifacts/rind
# as it is, without building it first (the tests install the binary they test this way).
# Building needs the .NET 10 SDK; the installed program needs nothing else. man finds the page
# of a bin folder on PATH in the share/man beside it.
set -euo pipefail

prefix=${PREFIX:-$HOME/.local}
uninstall=false
while (($# > 0)); do
  case $1 in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
bin=${prefix%/}/bin
target=$bin/rind
man1=${prefix%/}/share/man/man1
page=$man1/rind.1

if $uninstall; then
  for file in "$target" "$page"; do
    if [[ -d $file ]]; then
      echo "install: $file is a folder, not a file of rind's; left alone" >&2
      exit 1
    fi
  done
  removed=false
  for file in "$target" "$page"; do
    if [[ -e $file || -L $file ]]; then
      rm -f -- "$file"
      echo "removed $file"
      removed=true
    fi
  done
  $removed || echo "nothing to remove: neither $target nor $page exists"
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
mkdir -p -- "$man1"
install -m 644 -- "$root/docs/rind.1" "$page"
echo "installed $page"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "note: $bin is not on your PATH; add it to use rind by name" ;;
esac
