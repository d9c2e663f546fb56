#!/usr/bin/env bash
# Installs what building and trying or testing rind need, when missing.
#
#   build/prerequisites.sh --for demo    what build/build.sh's demo needs
#   build/prerequisites.sh [--for tests] what build/test.sh needs (the demo's too)
#   build/prerequisites.sh --check ...   only report; exit 1 if anything is missing
#
# Installs with apt-get, and the dev container CLI with npm, as root. Fast when
# all is present: only `command -v` and one `ldd` run.
set -euo pipefail

check_only=false
purpose=tests
while (($# > 0)); do
  case $1 in
    --check) check_only=true; shift ;;
    --for) purpose=${2:-}; shift; (($# == 0)) || shift ;;
    --for=*) purpose=${1#--for=}; shift ;;
    *) echo "prerequisites: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ $purpose == demo || $purpose == tests ]] ||
  { echo "prerequisites: --for takes demo or tests, not '$purpose'" >&2; exit 2; }

# Command -> Debian package that provides it. The demo runs a container of
# the rind-test/dash image on an engine.
declare -A package_of=(
  [docker]=docker.io          # client; build/lib/*.sh use it (engines, images), the tests do not
  [busybox]=busybox-static    # the test images' userland (must be static)
  [dash]=dash                 # /bin/sh of the rind-test/dash image
  [tar]=tar                   # root file systems for `docker import`
  [sha256sum]=coreutils       # image recipe hashes
  [timeout]=coreutils         # bounded waits for the engine
  [ldd]=libc-bin              # libraries of dash for its image
)
# The tests need these too.
if [[ $purpose == tests ]]; then
  package_of+=(
    [bash-static]=bash-static   # /bin/bash of the rind-test/bash image
    [tmux]=tmux                 # gives the integration tests a terminal
    [openssl]=openssl           # certificates for the engine's TLS listener
    [podman]=podman             # the Podman engine the integration tests also run against
    [sshd]=openssh-server       # a loopback sshd for the ssh:// transport's tests
    [ssh]=openssh-client        # rind's ssh:// transport runs the ssh client
    [ssh-keygen]=openssh-client
    [/usr/bin/time]=time        # peak memory of rind in the fault tests and the benchmark
    [strace]=strace             # which certificate files rind reads, in the Kubernetes trust tests
    [make]=make                 # the job-control tests run rind from a Makefile
    [docker-compose]=docker-compose  # compose 1.x runs the README's compose example in the tests
    [man]=man-db                # the unit tests render the manual page, docs/rind.1, with its warnings
    [python3]=python3           # build/pack.sh makes the wheel with it; the tests install it in a venv
    [pipx]=pipx                 # the tests install the wheel with pipx too
    [twine]=twine               # and check it as the package index would
    [dpkg-deb]=dpkg             # build/pack.sh makes the Debian package with it
    [lintian]=lintian           # the tests check the Debian package against Debian's policy
    [zsh]=zsh                   # the completion tests type Tab in zsh,
    [fish]=fish                 # in fish,
    [/usr/share/bash-completion/bash_completion]=bash-completion  # and in bash with bash-completion
    [/usr/bin/django-admin]=python3-django  # the rind-test/django image copies Debian's Django
    [/usr/bin/pip3]=python3-pip  # and Debian's pip
    [ruby]=ruby                 # the tests check the Homebrew formula's syntax and evaluate it
    # The arm64 executable the tests pack: cross-linked by clang (build/publish.sh finds clang-N)
    # with Debian's cross toolchain, and run under qemu.
    [clang-14]=clang-14
    [aarch64-linux-gnu-gcc]=crossbuild-essential-arm64
    [qemu-aarch64-static]=qemu-user-static
  )
fi
# Needed only to start a private engine, i.e. when none answers already.
declare -A engine_package_of=([dockerd]=docker.io [containerd]=containerd [runc]=runc)

# Like command -v, but also looks in the sbin directories that a non-root
# PATH often lacks (dockerd, runc live there).
have() {
  command -v "$1" >/dev/null || [[ $1 == /* && -e $1 ]] || [[ -x /usr/sbin/$1 || -x /sbin/$1 || -x /usr/local/sbin/$1 ]]
}

engine_answers() {
  local host
  for host in ${DOCKER_HOST:-} unix:///var/run/docker.sock "unix://${RIND_TEST_DIR:-/run/rind-test}/docker.sock"; do
    DOCKER_HOST=$host timeout 15 docker version >/dev/null 2>&1 && return 0
  done
  return 1
}

missing_packages() {
  local cmd
  for cmd in "${!package_of[@]}"; do
    have "$cmd" || echo "${package_of[$cmd]}"
  done
  # The test images copy busybox into containers: a dynamically linked one
  # would not run there.
  if have busybox && ldd "$(command -v busybox)" >/dev/null 2>&1; then
    echo busybox-static
  fi
  # Debian's python3 makes no virtual environment without python3-venv (ensurepip).
  if [[ $purpose == tests ]] && have python3 && ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    echo python3-venv
  fi
  local need_engine=false
  for cmd in "${!engine_package_of[@]}"; do
    have "$cmd" || need_engine=true
  done
  if $need_engine && ! { have docker && engine_answers; }; then
    for cmd in "${!engine_package_of[@]}"; do
      have "$cmd" || echo "${engine_package_of[$cmd]}"
    done
  fi
}

status=0
if ! command -v dotnet >/dev/null; then
  echo "prerequisites: dotnet not found: install the .NET 10 SDK (https://dot.net/download) and put dotnet on PATH" >&2
  status=1
fi
# The tests check their fake Kubernetes API server with the real kubectl, which
# Debian's archive does not carry.
if [[ $purpose == tests ]] && ! command -v kubectl >/dev/null; then
  echo "prerequisites: kubectl not found: install it (https://kubernetes.io/docs/tasks/tools/) and put it on PATH" >&2
  status=1
fi
# The tests bring up dev containers with the dev container CLI, which comes
# from npm (Debian's archive has neither it nor a Node.js new enough for it).
devcontainer_cli=@devcontainers/cli@0.89.0
npm_missing=()
if [[ $purpose == tests ]] && ! command -v devcontainer >/dev/null; then
  if command -v npm >/dev/null && node -e 'process.exit(parseInt(process.versions.node) < 20 ? 1 : 0)' 2>/dev/null; then
    npm_missing=("$devcontainer_cli")
  else
    echo "prerequisites: devcontainer not found: install Node.js 20 or later with npm (https://nodejs.org), then $devcontainer_cli with npm install -g" >&2
    status=1
  fi
fi

mapfile -t missing < <(missing_packages | sort -u)
if ((${#missing[@]} == 0 && ${#npm_missing[@]} == 0)); then
  exit "$status"
fi

if $check_only || [[ $(id -u) != 0 ]] || { ((${#missing[@]} > 0)) && ! command -v apt-get >/dev/null; }; then
  ((${#missing[@]} == 0)) || echo "prerequisites: missing; install these packages (Debian/Ubuntu names): ${missing[*]}" >&2
  ((${#npm_missing[@]} == 0)) || echo "prerequisites: missing; install these with npm install -g: ${npm_missing[*]}" >&2
  exit 1
fi

if ((${#npm_missing[@]} > 0)); then
  echo "prerequisites: installing ${npm_missing[*]} with npm" >&2
  npm install -g --no-audit --no-fund --loglevel=error "${npm_missing[@]}" >/dev/null
  command -v devcontainer >/dev/null ||
    { echo "prerequisites: still missing after npm install: devcontainer" >&2; exit 1; }
fi
((${#missing[@]} > 0)) || exit "$status"

echo "prerequisites: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
# Packages such as openssh-server start their service when installed; the tests start
# their own, on loopback only, so services are kept from starting during the install.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi
# Package lists may be absent or stale on a fresh machine: update and retry.
apt-get install -y -qq "${missing[@]}" >/dev/null ||
  { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }

mapfile -t still < <(missing_packages | sort -u)
if ((${#still[@]} > 0)); then
  echo "prerequisites: still missing after install: ${still[*]}" >&2
  exit 1
fi
exit "$status"
