# shellcheck shell=bash
# A Docker engine and the images for rind's integration tests.
#
# Source this file (from any directory), then:
#   rind_engine_up [--no-tls]   find or start an engine; exports DOCKER_HOST
#   rind_test_images [NAME...]  build the rind-test/NAME images (default: all)
#                               when missing or outdated
#   rind_engine_down            stop the engine and remove its data,
#                               certificates and logs, only if
#                               rind_engine_up started it here
#   rind_test_images_remove     remove the images rind_test_images built here
#
# The private engine also listens on a loopback TCP port with TLS, both sides
# verified (certificates from build/lib/tls.sh), unless started with --no-tls
# (then no certificate is made). When the engine in use is the private one and
# that listener answers, rind_engine_up without --no-tls exports
#   RIND_TLS_HOST                tcp://127.0.0.1:PORT
#   RIND_TLS_CERT_PATH           ca.pem, cert.pem, key.pem the listener accepts
#   RIND_TLS_WRONG_CA_CERT_PATH  the same client certificate with the ca.pem of
#                                an unrelated authority
# and unsets them otherwise (e.g. a developer's own engine is used, or a
# private engine started without the listener is reused).
#
# Settings (environment):
#   RIND_TEST_DIR=/run/rind-test            sockets, logs and run state
#   RIND_TEST_STATE_DIR=/var/lib/rind-test  data root and certificates
#   RIND_ENGINE_KEEP=1        leave an engine started here running, with its
#                             data and the images built (no traps,
#                             rind_engine_down and rind_test_images_remove do
#                             nothing); later runs reuse it
#   RIND_STORAGE_DRIVER=name  force dockerd's storage driver (default: dockerd's
#                             choice, then vfs if that fails)
#   RIND_ENGINE_TIMEOUT=60    seconds to wait for a started engine to answer
#   RIND_TLS_PORT=23760       the loopback port of the TLS listener
#
# Facts learned by trying, on Debian 12 with docker.io 20.10.24 as root:
#   - No extra flags are needed: dockerd starts and supervises its own
#     containerd (under --exec-root) when not given --containerd, and its
#     default cgroupfs driver worked on a cgroup v1 host (with no systemd).
#   - overlay2 worked (ext4 root) and is dockerd's own choice; vfs worked too.
#     dockerd skips overlay2 when the kernel lacks it, but overlay2 may still
#     fail, e.g. when / is itself an overlay, hence the vfs retry.
#   - The engine answers 0.3-0.5 s after start; building the three images
#     takes about 1 s, checking that they are up to date about 0.1 s.
#   - On SIGTERM dockerd stops every container, waiting 10 s for each that
#     ignores SIGTERM (e.g. `sleep` as PID 1), then stops its containerd.
#   - On SIGKILL dockerd's containerd dies with it, but each running
#     container's containerd-shim-runc-v2 and the container's processes
#     survive; rind_engine_down finds and stops them by PID. Their mounts are
#     cleaned up by the next dockerd start.
#   - With --tlsverify only the tcp:// listener speaks TLS; the Unix socket
#     still answers without. The listener refuses a client without a
#     certificate ("bad certificate"), answers plain HTTP with "Client sent an
#     HTTP request to an HTTPS server", and a client trusting another CA
#     refuses it ("certificate signed by unknown authority").
#   - dockerd takes the defaults of --tlsverify and the certificate paths from
#     DOCKER_TLS_VERIFY and DOCKER_CERT_PATH (see `dockerd --help` with them
#     set), so a client's settings would change how it starts.
#   - Making the certificates takes about 1.3 s, checking them 0.15 s.

# Where the project's private engine lives. Only the tests use it. The two
# folders can be set in the environment, so that a fresh engine can be tried
# beside one that runs (then set RIND_TLS_PORT and RIND_SSH_PORT too).
RIND_TEST_DIR=${RIND_TEST_DIR:-/run/rind-test}
RIND_TEST_STATE_DIR=${RIND_TEST_STATE_DIR:-/var/lib/rind-test}
RIND_TEST_HOST=unix://$RIND_TEST_DIR/docker.sock
RIND_TEST_DATA_ROOT=$RIND_TEST_STATE_DIR/docker
RIND_TEST_EXEC_ROOT=$RIND_TEST_DIR/exec
RIND_TEST_LOG=$RIND_TEST_DIR/dockerd.log
# Kept across reboots with the data root, as a reused engine needs the same CA.
RIND_TEST_TLS_DIR=$RIND_TEST_STATE_DIR/tls

# shellcheck source=build/lib/tls.sh
source "$(dirname "${BASH_SOURCE[0]}")/tls.sh"

# PID of the dockerd that rind_engine_up started in this shell, empty if none.
# Deliberately not exported: a child shell must never stop its parent's engine.
: "${RIND_ENGINE_STARTED_PID:=}"

_rind_say() { echo "rind-engine: $*" >&2; }

# Does an engine answer at this address? Bounded, as a stale socket can hang.
_rind_engine_answers() {
  DOCKER_HOST=$1 timeout 15 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

rind_engine_up() {
  local tls=true
  [[ ${1:-} != --no-tls ]] || tls=false
  _rind_engine_find_or_start "$tls" || return
  if $tls; then
    _rind_engine_tls_export
  else
    unset RIND_TLS_HOST RIND_TLS_CERT_PATH RIND_TLS_WRONG_CA_CERT_PATH
  fi
}

# Finds an engine, or starts the private one, with its TLS listener if $1 is
# true.
_rind_engine_find_or_start() {
  local tls=$1
  if [[ -n ${DOCKER_HOST:-} ]]; then
    if _rind_engine_answers "$DOCKER_HOST"; then
      export DOCKER_HOST
      _rind_say "using the engine at DOCKER_HOST=$DOCKER_HOST"
      return 0
    fi
    _rind_say "DOCKER_HOST=$DOCKER_HOST does not answer; looking further"
  fi
  # A developer's own engine first (never stopped here), then the private
  # engine a previous run left running.
  local host
  for host in unix:///var/run/docker.sock "$RIND_TEST_HOST"; do
    if _rind_engine_answers "$host"; then
      export DOCKER_HOST=$host
      _rind_say "using the engine at $host"
      return 0
    fi
  done

  if [[ -n ${RIND_STORAGE_DRIVER:-} ]]; then
    _rind_engine_start "$RIND_STORAGE_DRIVER" "$tls"
    return
  fi
  _rind_engine_start "" "$tls" && return 0
  # Retry only for storage trouble; other failures would just fail again.
  $_rind_engine_storage_trouble || return 1
  _rind_say "retrying with the vfs storage driver"
  _rind_engine_start vfs "$tls"
}

# Whether the last start failed for trouble with the storage driver (its log
# goes when it is stopped).
_rind_engine_storage_trouble=false

# Folders at fixed places that dockerd and its containerd make whatever their
# roots are (for plugin sockets, the shims' sockets). Those this shell's
# start made are removed once that engine has stopped, if nothing is left in
# them.
_RIND_ENGINE_FIXED_DIRS=(/run/docker /run/containerd)
_rind_engine_made_dirs=()

# Starts the private dockerd (storage driver $1, or dockerd's choice if empty;
# with the TLS listener if $2 is true) and waits until it answers.
_rind_engine_start() {
  local driver=$1 tls=$2 dockerd dir
  dockerd=$(command -v dockerd || echo /usr/sbin/dockerd)
  _rind_engine_storage_trouble=false
  for dir in "${_RIND_ENGINE_FIXED_DIRS[@]}"; do
    [[ -e $dir ]] || _rind_engine_made_dirs+=("$dir")
  done
  mkdir -p "$RIND_TEST_DIR" "$RIND_TEST_DATA_ROOT" || return 1
  # No bridge, no iptables rules, no forwarding: the tests' containers run
  # with --network none and must not touch the host's network.
  local -a args=(
    --host "$RIND_TEST_HOST"
    --data-root "$RIND_TEST_DATA_ROOT"
    --exec-root "$RIND_TEST_EXEC_ROOT"
    --pidfile "$RIND_TEST_DIR/docker.pid"
    --bridge=none --iptables=false --ip-forward=false --ip-masq=false
  )
  [[ -z $driver ]] || args+=(--storage-driver "$driver")
  # A config file of its own: the host's /etc/docker/daemon.json is for the
  # host's engine (its "hosts" would even conflict with --host). Before
  # Docker 23 dockerd also keeps a private key (the engine's ID) in
  # /etc/docker/key.json unless the config file names another place: the
  # data root then; later versions know no such setting.
  local version config='{}'
  version=$("$dockerd" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+' | head -n 1) || version=
  if [[ -n $version ]] && ((${version%%.*} < 23)); then
    config="{\"deprecated-key-path\": \"$RIND_TEST_DATA_ROOT/key.json\"}"
  fi
  printf '%s\n' "$config" >"$RIND_TEST_DIR/daemon.json" || return 1
  args+=(--config-file "$RIND_TEST_DIR/daemon.json")

  # The TLS listener: on loopback only, and only on a free port, as another
  # program there would make dockerd fail. The engine starts without it when
  # it cannot have it; the TLS tests then skip.
  local port=${RIND_TLS_PORT:-23760}
  if $tls; then
    if _rind_port_in_use "$port"; then
      _rind_say "127.0.0.1:$port is in use: starting without the TLS listener (set RIND_TLS_PORT)"
    elif rind_tls_material "$RIND_TEST_TLS_DIR"; then
      args+=(
        --host "tcp://127.0.0.1:$port" --tlsverify
        --tlscacert "$RIND_TEST_TLS_DIR/ca.pem"
        --tlscert "$RIND_TEST_TLS_DIR/server-cert.pem"
        --tlskey "$RIND_TEST_TLS_DIR/server-key.pem"
      )
    else
      _rind_say "no TLS certificates: starting without the TLS listener"
    fi
  fi

  # Stop it again if this shell is interrupted or exits, unless the caller
  # has its own traps (then it calls rind_engine_down) or wants it kept.
  # Interactive shells get no INT trap: Ctrl-C at a prompt must not exit.
  if [[ ${RIND_ENGINE_KEEP:-} != 1 ]]; then
    [[ -n $(trap -p EXIT) ]] || trap rind_engine_down EXIT
    if [[ $- != *i* ]]; then
      [[ -n $(trap -p INT) ]] || trap 'exit 130' INT
      [[ -n $(trap -p TERM) ]] || trap 'exit 143' TERM
    fi
  fi

  # Its own session, so that a Ctrl-C meant for the tests does not reach
  # dockerd, which rind_engine_down stops in order. (With job control on, a
  # background job has its own process group already, and setsid would fork,
  # hiding dockerd's PID.)
  local -a detach=()
  [[ $- == *m* ]] || detach=(setsid)

  _rind_say "starting dockerd${driver:+ (storage driver $driver)}; log: $RIND_TEST_LOG"
  # sbin directories added because dockerd looks up runc in PATH.
  # dockerd takes its TLS defaults from the client's variables
  # (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH): they must not reach it.
  PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" \
    "${detach[@]}" env -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u DOCKER_TLS \
    "$dockerd" "${args[@]}" </dev/null >"$RIND_TEST_LOG" 2>&1 &
  RIND_ENGINE_STARTED_PID=$!
  export DOCKER_HOST=$RIND_TEST_HOST

  local deadline=$((SECONDS + ${RIND_ENGINE_TIMEOUT:-60}))
  until _rind_engine_answers "$RIND_TEST_HOST"; do
    if ! kill -0 "$RIND_ENGINE_STARTED_PID" 2>/dev/null || ((SECONDS >= deadline)); then
      _rind_say "dockerd did not come up; last lines of $RIND_TEST_LOG:"
      tail -n 25 "$RIND_TEST_LOG" >&2
      ! grep -qiE 'graphdriver|storage.driver|overlay' "$RIND_TEST_LOG" 2>/dev/null || _rind_engine_storage_trouble=true
      rind_engine_down
      return 1
    fi
    sleep 0.2
  done
  _rind_say "dockerd is up (PID $RIND_ENGINE_STARTED_PID, storage driver $(docker info --format '{{.Driver}}' 2>/dev/null))"
}

# Is something listening on 127.0.0.1:$1? (A connect that succeeds.)
_rind_port_in_use() {
  # shellcheck disable=SC2016 # $1 is the inner shell's
  timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# The engine's ID through address $1, with only the TLS settings that follow
# ($2: DOCKER_CERT_PATH, with verification), none from the caller's
# environment. Fails when it does not answer.
_rind_engine_id() {
  local -a tls=()
  [[ -z ${2:-} ]] || tls=(DOCKER_TLS_VERIFY=1 "DOCKER_CERT_PATH=$2")
  env -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u DOCKER_TLS -u DOCKER_CONTEXT \
    DOCKER_HOST="$1" "${tls[@]}" timeout 15 docker info --format '{{.ID}}' 2>/dev/null
}

# Exports the RIND_TLS_* variables when the engine in use is the private one
# and its TLS listener answers as the same engine, the Unix socket still
# without TLS; unsets them otherwise, so that no test reaches another engine.
_rind_engine_tls_export() {
  unset RIND_TLS_HOST RIND_TLS_CERT_PATH RIND_TLS_WRONG_CA_CERT_PATH
  [[ $DOCKER_HOST == "$RIND_TEST_HOST" ]] || return 0
  local host=tcp://127.0.0.1:${RIND_TLS_PORT:-23760} client=$RIND_TEST_TLS_DIR/client id_unix id_tls
  id_unix=$(_rind_engine_id "$RIND_TEST_HOST") || id_unix=
  if [[ ! -s $client/cert.pem ]] || ! id_tls=$(_rind_engine_id "$host" "$client"); then
    _rind_say "no TLS listener answers at $host: this engine was started without one (it gets one when started again)"
    return 0
  fi
  if [[ -z $id_unix || $id_tls != "$id_unix" ]]; then
    _rind_say "$host is not the engine at $RIND_TEST_HOST: not using it"
    return 0
  fi
  export RIND_TLS_HOST=$host RIND_TLS_CERT_PATH=$client
  export RIND_TLS_WRONG_CA_CERT_PATH=$RIND_TEST_TLS_DIR/client-wrong-ca
  _rind_say "TLS listener at RIND_TLS_HOST=$RIND_TLS_HOST (client certificates: $RIND_TLS_CERT_PATH)"
}

rind_engine_down() {
  local pid=$RIND_ENGINE_STARTED_PID
  [[ -n $pid ]] || return 0
  if [[ ${RIND_ENGINE_KEEP:-} == 1 ]]; then
    _rind_say "leaving dockerd running (PID $pid, DOCKER_HOST=$RIND_TEST_HOST)"
    return 0
  fi
  RIND_ENGINE_STARTED_PID=

  if kill -0 "$pid" 2>/dev/null; then
    # dockerd's own shutdown waits 10 s for each container that ignores
    # SIGTERM; the tests' leftovers can simply go.
    local -a ids
    mapfile -t ids < <(DOCKER_HOST=$RIND_TEST_HOST timeout 10 docker ps -q --filter label=rind.test 2>/dev/null)
    ((${#ids[@]} == 0)) || DOCKER_HOST=$RIND_TEST_HOST timeout 30 docker rm -f "${ids[@]}" >/dev/null 2>&1 || true

    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      _rind_say "dockerd (PID $pid) ignored SIGTERM for 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true

  # Whatever still runs from our exec root (containerd, shims, and the
  # containers under them) belongs to the engine just stopped.
  local leftover child
  for leftover in $(rind_pids_using containerd "$RIND_TEST_EXEC_ROOT/containerd/"); do
    _rind_say "stopping leftover process $leftover: $(_rind_cmdline "$leftover")"
    # shellcheck disable=SC2013 # the file holds PIDs separated by spaces
    for child in $(cat "/proc/$leftover/task/"*/children 2>/dev/null); do
      kill -KILL "$child" 2>/dev/null || true
    done
    kill -TERM "$leftover" 2>/dev/null || true
    sleep 0.5
    kill -KILL "$leftover" 2>/dev/null || true
  done

  # What it kept goes too: images, containers, certificates, logs.
  _rind_test_images_forget "$RIND_TEST_HOST"
  rind_remove_tree "$RIND_TEST_DATA_ROOT" "$RIND_TEST_EXEC_ROOT" "$RIND_TEST_TLS_DIR"
  rm -f "$RIND_TEST_DIR/docker.pid" "$RIND_TEST_DIR/daemon.json" "${RIND_TEST_HOST#unix://}" "$RIND_TEST_LOG"
  rind_remove_empty_dirs "${_rind_engine_made_dirs[@]}"
  _rind_engine_made_dirs=()
  # The two folders stay while Podman's or the sshd's state is in them.
  rmdir "$RIND_TEST_DIR" "$RIND_TEST_STATE_DIR" 2>/dev/null || true
  _rind_say "stopped dockerd (PID $pid) and removed its data"
}

# Removes folders $@ with everything in them. Mounts left on or below them
# are unmounted first: dockerd mounts its data root on itself where / is not
# a shared mount, and does not always undo it; an engine that was killed
# leaves layers, shared memory and network namespaces mounted. rm never
# crosses into another file system.
rind_remove_tree() {
  local dir mount
  for dir in "$@"; do
    [[ -e $dir ]] || continue
    while read -r mount; do
      printf -v mount '%b' "$mount" # mountinfo writes a space as \040
      # -n: util-linux would otherwise make /run/mount for its mount table.
      umount -n -l "$mount" 2>/dev/null || _rind_say "could not unmount $mount"
    done < <(awk -v dir="$dir" '$5 == dir || index($5, dir "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r)
    rm -rf --one-file-system "$dir" || _rind_say "could not remove all of $dir"
  done
}

# Removes each of folders $@ if only empty folders are left in it.
rind_remove_empty_dirs() {
  local dir
  for dir in "$@"; do
    [[ -d $dir ]] || continue
    find "$dir" -depth -type d -empty -delete 2>/dev/null || true
  done
}

_rind_cmdline() {
  local -a argv
  mapfile -d '' argv 2>/dev/null <"/proc/$1/cmdline" || return 0
  echo "${argv[*]}"
}

# PIDs of the processes whose program's name contains $1 (containerd also
# names its shims) and whose command line mentions $2, in this shell's mount
# namespace (in another, the same path is another engine's). Reads /proc
# directly: no pattern-based kill tools.
rind_pids_using() {
  local dir ours
  local -a argv
  ours=$(readlink /proc/self/ns/mnt)
  for dir in /proc/[0-9]*; do
    mapfile -d '' argv 2>/dev/null <"$dir/cmdline" || continue
    [[ ${argv[0]:-} == *"$1"* && "${argv[*]}" == *"$2"* ]] || continue
    [[ $(readlink "$dir/ns/mnt" 2>/dev/null) == "$ours" ]] && echo "${dir#/proc/}"
  done
  return 0
}

# ---------------------------------------------------------------------------
# Test images, made with `docker import` from tiny root file systems: no
# registry is needed. Each image is also tagged r-<hash of the recipe and its
# input binaries>, so a changed recipe or an upgraded busybox rebuilds it.

RIND_TEST_IMAGES=(busybox dash bash devcontainer django)

# The parts shared by all images: busybox, users, and a fake virtualenv.
_rind_rootfs_base() {
  local root=$1 busybox applet
  busybox=$(command -v busybox)
  mkdir -p "$root"/{bin,dev,etc,home/app,opt,proc,root,sys,tmp,usr/bin,usr/local/bin,venv/bin}
  chmod 1777 "$root/tmp"
  chmod 0700 "$root/root"
  cp "$busybox" "$root/bin/busybox"
  # `busybox --list` includes sh, so /bin/sh is busybox ash here.
  for applet in $("$busybox" --list); do
    [[ $applet == busybox ]] || ln -s busybox "$root/bin/$applet"
  done

  cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
app:x:1000:1000:app:/home/app:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
  cat >"$root/etc/group" <<'EOF'
root:x:0:
app:x:1000:
nogroup:x:65534:
EOF

  # What the label app.rind's pre-step sources in the tests. Like a Python
  # virtualenv's activate, it defines deactivate in the shell that sources it
  # and puts "(venv) " before that shell's prompt.
  cat >"$root/venv/bin/activate" <<'EOF'
# Source this file: . /venv/bin/activate
deactivate() {
  PATH=$_OLD_VIRTUAL_PATH
  export PATH
  PS1=$_OLD_VIRTUAL_PS1
  export PS1
  unset VIRTUAL_ENV _OLD_VIRTUAL_PATH _OLD_VIRTUAL_PS1
  unset -f deactivate
}
VIRTUAL_ENV=/venv
export VIRTUAL_ENV
_OLD_VIRTUAL_PATH=$PATH
PATH="$VIRTUAL_ENV/bin:$PATH"
export PATH
_OLD_VIRTUAL_PS1=${PS1-}
PS1="(venv) ${PS1-}"
export PS1
EOF
  cat >"$root/venv/bin/venv-check" <<'EOF'
#!/bin/sh
echo "venv:$VIRTUAL_ENV"
EOF
  chmod 0644 "$root/venv/bin/activate"
  chmod 0755 "$root/venv/bin/venv-check"

  # Exists but may not be executed: exec must fail with 126.
  printf '#!/bin/sh\necho "this must not run"\n' >"$root/opt/not-executable"
  chmod 0644 "$root/opt/not-executable"
}

# /bin/sh is Debian's dash, with the libraries and loader it links to.
_rind_rootfs_dash() {
  local root=$1 dash lib
  dash=$(command -v dash)
  rm -f "$root/bin/dash" "$root/bin/sh"
  cp "$dash" "$root/bin/dash"
  ln -s dash "$root/bin/sh"
  for lib in $(ldd "$dash" | grep -o '/[^ )]*'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
}

# Adds a real bash, statically linked.
_rind_rootfs_bash() {
  rm -f "$1/bin/bash"
  cp "$(command -v bash-static)" "$1/bin/bash"
}

# A dev container's image, as the dev container CLI brings it up: the user
# vscode (uid 1000, in app's place) with bash as login shell, /etc/os-release
# (the CLI reads it), and an /etc/profile that, as Debian's, sets PATH and
# sources /etc/profile.d, where a script adds a tool's folder to PATH as a dev
# container feature does. vscode's ~/.profile sources ~/.bashrc, which sets a
# variable in interactive shells only.
_rind_rootfs_devcontainer() {
  local root=$1
  _rind_rootfs_bash "$root"
  sed -i 's/^app:.*/vscode:x:1000:1000:vscode:\/home\/vscode:\/bin\/bash/' "$root/etc/passwd"
  sed -i 's/^app:/vscode:/' "$root/etc/group"
  mkdir -p "$root/home/vscode" "$root/etc/profile.d" "$root/opt/tool/bin"
  printf 'ID=rind-test\nNAME="rind test"\n' >"$root/etc/os-release"
  cat >"$root/etc/profile" <<'EOF'
PATH="/usr/local/bin:/usr/bin:/bin"
export PATH
for script in /etc/profile.d/*.sh; do
  [ -r "$script" ] && . "$script"
done
unset script
EOF
  cat >"$root/etc/profile.d/tool.sh" <<'EOF'
export TOOL_HOME=/opt/tool
PATH="$TOOL_HOME/bin:$PATH"
EOF
  printf '#!/bin/sh\necho "tool:$TOOL_HOME"\n' >"$root/opt/tool/bin/tool-check"
  chmod 0755 "$root/opt/tool/bin/tool-check"
  printf '[ -f "$HOME/.bashrc" ] && . "$HOME/.bashrc"\n' >"$root/home/vscode/.profile"
  cat >"$root/home/vscode/.bashrc" <<'EOF'
case $- in
  *i*) ;;
  *) return ;;
esac
export BASHRC_SEEN=interactive
EOF
  # vscode's home as _rind_import makes app's (which is left, empty).
  if [[ $(id -u) == 0 ]]; then
    chown -R 1000:1000 "$root/home/vscode"
  else
    chmod 1777 "$root/home/vscode"
  fi
}

# Debian's python3 with its standard library, Debian's pip (python3-pip, whose
# dependencies it carries itself) and Django (python3-django, with what it
# imports), and a project made by django-admin startproject in
# /srv/mysite, whose manage.py runs as ./manage.py: what the completion tests ask
# for Django's own completion. Copied from this machine, as dash is.
_rind_rootfs_django() {
  local root=$1 python lib package
  python=$(readlink -f /usr/bin/python3)
  cp "$python" "$root/usr/bin/"
  ln -s "${python##*/}" "$root/usr/bin/python3"
  ln -s python3 "$root/usr/bin/python"
  ln -s /bin/busybox "$root/usr/bin/env"
  # The libraries of python and of its standard library's extension modules (sqlite3, ssl, ...).
  for lib in $(ldd "$python" "/usr/lib/${python##*/}/lib-dynload/"*.so 2>/dev/null | awk '/=> \// { print $3 } /^\t\// { print $1 }' | sort -u); do
    [[ -e $root$lib ]] && continue
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  mkdir -p "$root/usr/lib/python3/dist-packages" "$root/srv/mysite"
  tar -C /usr/lib --exclude="${python##*/}/test" -c "${python##*/}" | tar -C "$root/usr/lib" -x
  for package in django asgiref sqlparse pytz pip; do
    [[ ! -e /usr/lib/python3/dist-packages/$package ]] || cp -a "/usr/lib/python3/dist-packages/$package" "$root/usr/lib/python3/dist-packages/"
  done
  cp /usr/bin/pip3 "$root/usr/bin/pip3"
  ln -s pip3 "$root/usr/bin/pip"
  # Debian's pytz reads the system's time zones.
  mkdir -p "$root/usr/share"
  cp -a /usr/share/zoneinfo "$root/usr/share/"
  /usr/bin/python3 -m django startproject mysite "$root/srv/mysite"
  chmod 0755 "$root/srv/mysite/manage.py"
}

# Imports root file system $1 as image $2.
_rind_import() {
  local root=$1 image=$2
  local -a owner=(--numeric-owner)
  if [[ $(id -u) == 0 ]]; then
    chown -R 1000:1000 "$root/home/app"
  else
    # Cannot chown: ship root-owned files, with a home that app can write.
    owner+=(--owner=0 --group=0)
    chmod 1777 "$root/home/app"
  fi
  tar "${owner[@]}" -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
    --change 'WORKDIR /' \
    --change 'CMD ["sleep", "infinity"]' \
    --message 'rind integration test image' \
    - "$image" >/dev/null
}

# What image $1 is made of besides the base: the commands whose binaries it
# copies.
_rind_image_tools() {
  case $1 in
    dash) echo dash ;;
    bash | devcontainer) echo bash-static ;;
    django) echo /usr/bin/django-admin /usr/bin/pip3 ;;
  esac
}

# Hash of everything that makes up image $1: its recipe functions above and
# the binaries they copy. Each image has its own, so that the demo's image
# needs nothing the others need.
_rind_recipe_hash() {
  local name=$1 dash
  local -a recipe=(_rind_rootfs_base _rind_import) inputs=("$(command -v busybox)")
  case $name in
    dash)
      dash=$(command -v dash)
      recipe+=(_rind_rootfs_dash)
      # shellcheck disable=SC2207 # word splitting of ldd's paths is intended
      inputs+=("$dash" $(ldd "$dash" | grep -o '/[^ )]*'))
      ;;
    bash)
      recipe+=(_rind_rootfs_bash)
      inputs+=("$(command -v bash-static)")
      ;;
    devcontainer)
      recipe+=(_rind_rootfs_bash _rind_rootfs_devcontainer)
      inputs+=("$(command -v bash-static)")
      ;;
  esac
  local versions=
  if [[ $name == django ]]; then
    recipe+=(_rind_rootfs_django)
    # Hashing all of Python's files would take longer than copying them: their packages' versions stand for them.
    versions=$(dpkg-query -W "$(basename "$(readlink -f /usr/bin/python3)")-minimal" python3-django python3-pip 2>/dev/null)
  fi
  { declare -f "${recipe[@]}" && sha256sum "${inputs[@]}" && echo "$versions"; } | sha256sum | cut -c1-16
}

# The images rind_test_images built in this shell, as "DOCKER_HOST IMAGE:TAG"
# lines, for rind_test_images_remove.
RIND_TEST_IMAGES_BUILT=()

rind_test_images() {
  local -a names=("$@")
  ((${#names[@]} > 0)) || names=("${RIND_TEST_IMAGES[@]}")
  local tool name i
  local -a tools=(busybox docker)
  for name in "${names[@]}"; do
    # shellcheck disable=SC2207 # one word per tool
    tools+=($(_rind_image_tools "$name"))
  done
  for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null || { _rind_say "missing $tool (run build/prerequisites.sh)"; return 1; }
  done
  if ldd "$(command -v busybox)" >/dev/null 2>&1; then
    _rind_say "busybox is dynamically linked; the images need busybox-static"
    return 1
  fi

  local hash stale=() hashes=()
  for name in "${names[@]}"; do
    hash=$(_rind_recipe_hash "$name") || return 1
    # Up to date when :latest and the recipe tag are the same image.
    local ids
    if ! ids=$(docker image inspect --format '{{.Id}}' "rind-test/$name:latest" "rind-test/$name:r-$hash" 2>/dev/null) ||
      [[ $(sort -u <<<"$ids" | wc -l) != 1 ]]; then
      stale+=("$name")
      hashes+=("$hash")
    fi
  done
  if ((${#stale[@]} == 0)); then
    _rind_say "test images are up to date: ${names[*]}"
    return 0
  fi

  _rind_say "building test images: ${stale[*]}"
  # A subshell, so that its EXIT trap removes the scratch files even when
  # interrupted.
  (
    set -euo pipefail
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    _rind_rootfs_base "$scratch/base"
    for i in "${!stale[@]}"; do
      name=${stale[i]} hash=${hashes[i]}
      dir=$scratch/$name
      cp -a "$scratch/base" "$dir"
      case $name in
        dash) _rind_rootfs_dash "$dir" ;;
        bash) _rind_rootfs_bash "$dir" ;;
        devcontainer) _rind_rootfs_devcontainer "$dir" ;;
        django) _rind_rootfs_django "$dir" ;;
      esac
      _rind_import "$dir" "rind-test/$name:r-$hash"
      docker tag "rind-test/$name:r-$hash" "rind-test/$name:latest"
      # Drop older recipe tags; fails harmlessly while a container uses one.
      for tag in $(docker image ls --format '{{.Tag}}' "rind-test/$name"); do
        [[ $tag != r-* || $tag == "r-$hash" ]] || docker rmi "rind-test/$name:$tag" >/dev/null 2>&1 || true
      done
    done
  ) || return
  for i in "${!stale[@]}"; do
    RIND_TEST_IMAGES_BUILT+=("${DOCKER_HOST:-} rind-test/${stale[i]}:latest" "${DOCKER_HOST:-} rind-test/${stale[i]}:r-${hashes[i]}")
  done
}

# Removes the images rind_test_images built in this shell, from the engines it
# built them on, unless RIND_ENGINE_KEEP=1 keeps them for the next run. Call
# it after rind_engine_down: the images of an engine stopped here went with
# its data.
rind_test_images_remove() {
  ((${#RIND_TEST_IMAGES_BUILT[@]} > 0)) || return 0
  [[ ${RIND_ENGINE_KEEP:-} != 1 ]] || return 0
  local line host image
  for line in "${RIND_TEST_IMAGES_BUILT[@]}"; do
    host=${line%% *} image=${line#* }
    DOCKER_HOST=$host timeout 30 docker rmi "$image" >/dev/null 2>&1 ||
      _rind_say "could not remove the image $image (${host:-default engine}); still in use?"
  done
  RIND_TEST_IMAGES_BUILT=()
}

# Forgets the images built on engine $1, whose data is gone.
_rind_test_images_forget() {
  local line
  local -a kept=()
  for line in "${RIND_TEST_IMAGES_BUILT[@]}"; do
    [[ ${line%% *} == "$1" ]] || kept+=("$line")
  done
  RIND_TEST_IMAGES_BUILT=("${kept[@]}")
}
