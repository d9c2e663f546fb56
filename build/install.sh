#!/usr/bin/env bash
# Builds rind from this source tree and installs the native executable.
#
#   build/install.sh                 installs to ~/.local/bin/rind
#   build/install.sh --prefix DIR    installs to DIR/rind
#
# Needs the .NET 10 SDK; the installed program needs nothing else.
set -euo pipefail

prefix=${PREFIX:-$HOME/.local/bin}
while (($# > 0)); do
  case $1 in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/build/publish.sh"
mkdir -p "$prefix"
install -m 755 "$root/artifacts/rind" "$prefix/rind"
echo "installed $prefix/rind: $("$prefix/rind" --version)"
case ":$PATH:" in
  *":$prefix:"*) ;;
  *) echo "note: $prefix is not on your PATH; add it to use rind by name" ;;
esac
