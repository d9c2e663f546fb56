#!/usr/bin/env bash
# Makes the Debian package of a published native rind, for the architecture of that executable:
#
#   make_deb.sh --binary FILE --version VERSION --output DIR [--maintainer 'NAME <ADDRESS>']
#               [--homepage URL] [--man FILE] [--changelog FILE] [--summary TEXT]
#               [--completions DIR]
#
# It installs /usr/bin/rind, the man page gzipped as /usr/share/man/man1/rind.1.gz when --man is
# given, the completion scripts of DIR (rind.bash, rind.zsh, rind.fish) where bash-completion, zsh
# and fish look for a package's when --completions is given, and /usr/share/doc/rind/{copyright,changelog.Debian.gz}, with the project's own
# changelog as changelog.gz when --changelog is given, and lintian's overrides for the package. VERSION is a release's (1.2.3, 1.2.3-rc.1);
# the package's is VERSION-1, as the package is made from the released executable, with ~ before a
# pre-release so that it sorts before the release. File times come from SOURCE_DATE_EPOCH when set.
# Needs dpkg-deb, gzip and python3. Prints the package's path.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
binary= version= output= homepage= man= changelog= summary= completions=
maintainer='rind contributors <rind@packages.invalid>'
while (($# > 0)); do
  case $1 in
    --binary) binary=${2:?}; shift 2 ;;
    --version) version=${2:?}; shift 2 ;;
    --output) output=${2:?}; shift 2 ;;
    --maintainer) maintainer=${2:?}; shift 2 ;;
    --homepage) homepage=${2:-}; shift 2 ;;
    --man) man=${2:-}; shift 2 ;;
    --changelog) changelog=${2:-}; shift 2 ;;
    --summary) summary=${2:-}; shift 2 ;;
    --completions) completions=${2:-}; shift 2 ;;
    *) echo "make_deb: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ -n $binary && -n $version && -n $output ]] ||
  { echo "make_deb: --binary, --version and --output are needed" >&2; exit 2; }

# What the executable needs: its architecture and the newest glibc symbol version it links against.
info=$(python3 "$here/native_binary.py" "$binary")
os= arch= glibc= needed=
for pair in $info; do
  case $pair in
    os=*) os=${pair#os=} ;;
    arch=*) arch=${pair#arch=} ;;
    glibc=*) glibc=${pair#glibc=} ;;
    needed=*) needed=${pair#needed=} ;;
  esac
done
[[ $os == linux ]] || { echo "make_deb: $binary is not a Linux executable" >&2; exit 1; }
case $arch in
  x86_64) architecture=amd64 ;;
  aarch64) architecture=arm64 ;;
  *) echo "make_deb: no Debian architecture for $arch" >&2; exit 1 ;;
esac
# The Debian package of each library it names, as dpkg-shlibdeps would find them.
depends=()
declare -A seen=()
IFS=, read -r -a libraries <<< "$needed"
for library in "${libraries[@]}"; do
  case $library in
    libc.so.6|libm.so.6|libdl.so.2|librt.so.1|libpthread.so.0|libresolv.so.2|ld-linux-*.so.*)
      dependency="libc6${glibc:+ (>= $glibc)}" ;;
    libgcc_s.so.1) dependency=libgcc-s1 ;;
    libstdc++.so.6) dependency=libstdc++6 ;;
    libz.so.1) dependency=zlib1g ;;
    *) echo "make_deb: no Debian package known for $library, which $binary needs" >&2; exit 1 ;;
  esac
  [[ -n ${seen[$dependency]:-} ]] || depends+=("$dependency")
  seen[$dependency]=1
done

upstream=${version#v}
# A pre-release (1.2.3-rc.1) sorts before its release in Debian's order when written 1.2.3~rc.1.
upstream=${upstream/-/\~}
[[ $upstream =~ ^[0-9][A-Za-z0-9.+~]*$ ]] ||
  { echo "make_deb: version '$version' cannot be a Debian version" >&2; exit 1; }
package_version=$upstream-1
epoch=${SOURCE_DATE_EPOCH:-$(date +%s)}

stage=$(mktemp -d -t rind-deb.XXXXXX)
trap 'rm -rf "$stage"' EXIT
root=$stage/rind
umask 022
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/doc/rind"
install -m 755 "$binary" "$root/usr/bin/rind"
if [[ -n $man ]]; then
  mkdir -p "$root/usr/share/man/man1"
  gzip -9n < "$man" > "$root/usr/share/man/man1/rind.1.gz"
fi
if [[ -n $changelog ]]; then
  gzip -9n < "$changelog" > "$root/usr/share/doc/rind/changelog.gz"
fi
# The distribution's vendor folders: bash-completion loads a command's script on its first Tab, zsh
# and fish put theirs on the completion path.
if [[ -n $completions ]]; then
  install -D -m 644 "$completions/rind.bash" "$root/usr/share/bash-completion/completions/rind"
  install -D -m 644 "$completions/rind.zsh" "$root/usr/share/zsh/vendor-completions/_rind"
  install -D -m 644 "$completions/rind.fish" "$root/usr/share/fish/vendor_completions.d/rind.fish"
fi

# Policy 12.5: the copyright and the licence, in the machine-readable format.
license_file=
for candidate in LICENSE LICENSE.md LICENSE.txt COPYING; do
  [[ -f $here/../../$candidate ]] && { license_file=$here/../../$candidate; break; }
done
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: rind"
  [[ -z $homepage ]] || echo "Source: $homepage"
  echo
  echo "Files: *"
  echo "Copyright: $(date -u -d "@$epoch" +%Y) rind contributors"
  if [[ -n $license_file ]]; then
    echo "License: $(basename "$license_file")"
    # Continuation lines: a space before each line, and " ." for an empty one.
    sed -e 's/^[[:space:]]*$/./' -e 's/^/ /' "$license_file"
  else
    echo "License: none"
    echo " rind's source carries no licence file: no licence is granted beyond what the law allows."
  fi
} > "$root/usr/share/doc/rind/copyright"

# The .NET runtime that native AOT links into the executable carries its own zlib (zlib-ng, in its
# compression library), which the system's cannot replace: lintian's error about an embedded copy is
# answered here, where lintian reads it.
mkdir -p "$root/usr/share/lintian/overrides"
cat > "$root/usr/share/lintian/overrides/rind" <<'OVERRIDES'
# zlib is linked in by the .NET runtime (native AOT), not by rind, and cannot come from the system.
rind: embedded-library zlib [usr/bin/rind]
OVERRIDES

# Policy 12.7: the package's own changelog, in Debian's format, for this one version.
date_line=$(date -u -d "@$epoch" '+%a, %d %b %Y %H:%M:%S +0000')
{
  echo "rind ($package_version) unstable; urgency=medium"
  echo
  echo "  * rind $upstream, packaged from the released executable."
  [[ -z $changelog ]] || echo "    Its changes: /usr/share/doc/rind/changelog.gz."
  echo
  echo " -- $maintainer  $date_line"
} | gzip -9n > "$root/usr/share/doc/rind/changelog.Debian.gz"

description=${summary:-Runs a command in the running Docker container labelled app.rind, as if it were local.}
{
  echo "Package: rind"
  echo "Version: $package_version"
  echo "Architecture: $architecture"
  echo "Maintainer: $maintainer"
  echo "Installed-Size: $(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)"
  ((${#depends[@]} == 0)) || echo "Depends: $(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')"
  echo "Section: utils"
  echo "Priority: optional"
  [[ -z $homepage ]] || echo "Homepage: $homepage"
  echo "Description: run a command in the Docker container labelled app.rind"
  # The extended description: folded, a space before each line.
  echo "$description" | fold -s -w 76 | sed -e 's/[[:space:]]*$//' -e 's/^/ /'
} > "$root/DEBIAN/control"
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$epoch" {} +

mkdir -p "$output"
deb=$output/rind_${package_version}_$architecture.deb
SOURCE_DATE_EPOCH=$epoch dpkg-deb --build --root-owner-group "$root" "$deb.partial" >/dev/null
mv -f "$deb.partial" "$deb"
echo "$deb"
