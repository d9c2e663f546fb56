#!/usr/bin/env bash
# Builds rind from this source tree and installs the native executable as PREFIX/bin/rind, its
# manual page as PREFIX/share/man/man1/rind.1 and its completions under PREFIX/share, or removes
# them again.
#
#   build/install.sh                            installs ~/.local/bin/rind
#   build/install.sh --prefix /usr/local        installs /usr/local/bin/rind
#   build/install.sh --uninstall [--prefix DIR] removes PREFIX/bin/rind, its page and completions
#
# PREFIX in the environment sets the default prefix. RIND_SKIP_BUILD=1 installs artifacts/rind
# as it is, without building it first (the tests install the binary they test this way).
# Building needs the .NET 10 SDK; the installed program needs nothing else. man finds the page
# of a bin folder on PATH in the share/man beside it; bash-completion and fish find the
# completions in ~/.local/share and /usr/local/share, zsh in /usr/local/share (else add the
# folder to fpath).
set -euo pipefail

prefix=${PREFIX:-$HOME/.local}
uninstall=false
while (($# > 0)); do
  case $1 in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
bin=${prefix%/}/bin
share=${prefix%/}/share
target=$bin/rind
page=$share/man/man1/rind.1
# Each shell's completion, and where that shell looks for a package's under a prefix's share.
declare -A completion_of=(
  [bash]=$share/bash-completion/completions/rind
  [zsh]=$share/zsh/site-functions/_rind
  [fish]=$share/fish/vendor_completions.d/rind.fish
)
files=("$target" "$page" "${completion_of[bash]}" "${completion_of[zsh]}" "${completion_of[fish]}")

if $uninstall; then
  for file in "${files[@]}"; do
    if [[ -d $file ]]; then
      echo "install: $file is a folder, not a file of rind's; left alone" >&2
      exit 1
    fi
  done
  removed=false
  for file in "${files[@]}"; do
    if [[ -e $file || -L $file ]]; then
      rm -f -- "$file"
      echo "removed $file"
      removed=true
    fi
  done
  $removed || echo "nothing to remove: neither $target nor its manual page or completions under $share exist"
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
mkdir -p -- "$(dirname "$page")"
install -m 644 -- "$root/docs/rind.1" "$page"
echo "installed $page"
for shell in bash zsh fish; do
  mkdir -p -- "$(dirname "${completion_of[$shell]}")"
  install -m 644 -- "$root/src/Rind/Completion/Scripts/rind.$shell" "${completion_of[$shell]}"
  echo "installed ${completion_of[$shell]}"
done
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "note: $bin is not on your PATH; add it to use rind by name" ;;
esac
