# shellcheck shell=bash
# An sshd of the tests' own on loopback, whose sessions reach the test engine,
# for rind's ssh:// transport (`ssh HOST docker system dial-stdio`).
#
# Source this file, then (as root):
#   rind_sshd_up     start it (stopping one an interrupted run left running),
#                    add the host alias rind-test-ssh to the ssh client's
#                    config, check that `docker` reaches the engine through it;
#                    exports RIND_SSH_HOST=ssh://rind-test-ssh. Returns 2 when
#                    it cannot run here (RIND_SSHD_UNAVAILABLE says why), 1
#                    when it failed
#   rind_sshd_down   stop it, remove the alias and its folder with the keys,
#                    only if rind_sshd_up started it here
#
# Settings (environment):
#   RIND_SSH_PORT=23722   its port on 127.0.0.1
#   RIND_TEST_DIR         the private engine's run folder, which holds ssh/
#                         (default /run/rind-test, as in build/lib/engine.sh)
#   DOCKER_HOST           the engine the sessions reach, a unix:// one
#                         (default: the private engine of build/lib/engine.sh)
#
# Everything else is under $RIND_TEST_DIR/ssh (/run/rind-test/ssh): host key,
# the client's key pair, authorized_keys, config, pid file and log, made at
# each start and removed when it stops. The ssh client reads only
# ~/.ssh/config of the user's home in the password database (not $HOME), so
# the alias goes there, first in the file (ssh takes the first value it
# finds), in a marked block that rind_sshd_down removes; nothing else in that
# file is touched.
#
# Facts learned by trying, on Debian 12 with OpenSSH 9.2 and Docker CLI 28:
#   - sshd needs its privilege separation folder /run/sshd, which only the
#     packaged service makes.
#   - sshd rewrites its process title ("sshd: /usr/sbin/sshd -f ... [listener]")
#     but keeps its arguments in it.
#   - The Docker CLI runs `ssh -o ConnectTimeout=30 -T -- rind-test-ssh docker
#     system dial-stdio` (`docker -D` shows it), one connection per command,
#     0.3-0.6 s each here (root's shell startup files run in each); starting
#     sshd and the check take about 0.6 s.

RIND_SSH_DIR=${RIND_TEST_DIR:-/run/rind-test}/ssh
RIND_SSH_ALIAS=rind-test-ssh
_RIND_SSH_BEGIN="# >>> $RIND_SSH_ALIAS: rind's test sshd (build/lib/ssh.sh); rind_sshd_down removes this block >>>"
_RIND_SSH_END="# <<< $RIND_SSH_ALIAS <<<"

# PID of the sshd that rind_sshd_up started in this shell, empty if none.
# Deliberately not exported: a child shell must never stop its parent's sshd.
: "${RIND_SSHD_STARTED_PID:=}"

_rind_ssh_say() { echo "rind-ssh: $*" >&2; }

_rind_sshd_binary() {
  local path
  for path in "$(command -v sshd)" /usr/sbin/sshd /usr/local/sbin/sshd; do
    [[ -n $path && -x $path ]] && { echo "$path"; return 0; }
  done
  return 1
}

# The ssh client's per-user config file, as ssh finds it.
_rind_ssh_client_config() {
  local home
  home=$(getent passwd "$(id -u)" | cut -d: -f6)
  echo "${home:-$HOME}/.ssh/config"
}

# The PID in our pid file, if that process is an sshd with our config.
_rind_sshd_running_pid() {
  local pid argv
  pid=$(cat "$RIND_SSH_DIR/sshd.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  # sshd rewrites its title, but keeps its arguments in it.
  argv=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $argv == *sshd* && $argv == *"-f $RIND_SSH_DIR/sshd_config"* ]] || return 1
  echo "$pid"
}

_rind_sshd_config() {
  cat <<EOF
# Written by build/lib/ssh.sh for rind's tests; rewritten at each start.
ListenAddress 127.0.0.1:$1
HostKey $RIND_SSH_DIR/host_key
PidFile $RIND_SSH_DIR/sshd.pid
AuthorizedKeysFile $RIND_SSH_DIR/authorized_keys
AllowUsers root
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
# PAM's session modules expect a login system (loginuid, motd) that
# containers and CI machines may lack; keys need none of it.
UsePAM no
# For the remote \`docker system dial-stdio\`.
SetEnv DOCKER_HOST=$2
# Each docker command is a connection of its own, often several at once.
MaxStartups 100
AllowAgentForwarding no
AllowTcpForwarding no
X11Forwarding no
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
EOF
}

# Why rind_sshd_up cannot run here, when it returned 2; for the caller.
# shellcheck disable=SC2034
RIND_SSHD_UNAVAILABLE=

_rind_sshd_unavailable() {
  RIND_SSHD_UNAVAILABLE=$1
  _rind_ssh_say "$1"
  return 2
}

# Folders outside RIND_SSH_DIR that rind_sshd_up made (sshd's privilege
# separation folder, ~/.ssh), removed again when empty.
_rind_ssh_made_dirs=()

rind_sshd_up() {
  local status=0
  _rind_sshd_start || status=$?
  # A start that failed before sshd ran leaves nothing either.
  ((status == 0)) || [[ -n $RIND_SSHD_STARTED_PID ]] || _rind_sshd_remove_state
  return "$status"
}

_rind_sshd_start() {
  local port=${RIND_SSH_PORT:-23722} engine=${DOCKER_HOST:-unix://${RIND_TEST_DIR:-/run/rind-test}/docker.sock} sshd
  # shellcheck disable=SC2034 # for the caller
  RIND_SSHD_UNAVAILABLE=
  # The sessions reach the engine as root on this machine, through its socket.
  [[ $engine == unix://* ]] || _rind_sshd_unavailable "the engine $engine is not on a Unix socket here" || return
  [[ $(id -u) == 0 ]] || _rind_sshd_unavailable "the test sshd needs root (it logs in as root)" || return
  sshd=$(_rind_sshd_binary) || _rind_sshd_unavailable "sshd is not installed (openssh-server)" || return
  local tool
  for tool in ssh ssh-keygen docker; do
    command -v "$tool" >/dev/null || _rind_sshd_unavailable "$tool is not installed" || return
  done

  local pid
  if pid=$(_rind_sshd_running_pid); then
    _rind_ssh_say "stopping the sshd an interrupted run left (PID $pid)"
    _rind_sshd_stop "$pid"
  fi
  # Keys of this run's own, which go when it stops.
  rm -rf "$RIND_SSH_DIR"
  mkdir -p "$RIND_SSH_DIR" && chmod 0700 "$RIND_SSH_DIR" || return 1
  local key
  for key in host_key client_key; do
    ssh-keygen -q -t ed25519 -N '' -C "rind-test $key" -f "$RIND_SSH_DIR/$key" || return 1
  done
  (umask 077 && cp "$RIND_SSH_DIR/client_key.pub" "$RIND_SSH_DIR/authorized_keys") || return 1

  # Another program on the port would show only in sshd's log: say it here.
  # shellcheck disable=SC2016 # $1 is the inner shell's
  if timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$port" 2>/dev/null; then
    _rind_ssh_say "127.0.0.1:$port is in use (set RIND_SSH_PORT)"
    return 1
  fi
  _rind_sshd_config "$port" "$engine" >"$RIND_SSH_DIR/sshd_config" || return 1
  # sshd's privilege separation needs this empty root-owned folder; the
  # system's service would make it, and it is not started here.
  if [[ ! -d /run/sshd ]]; then
    mkdir -m 0755 /run/sshd || return 1
    _rind_ssh_made_dirs+=(/run/sshd)
  fi

  rm -f "$RIND_SSH_DIR/sshd.pid"
  # sshd needs its absolute path. It detaches on its own (a session of its
  # own, so a Ctrl-C for the tests does not reach it) and writes its pid file
  # once it listens.
  if ! "$sshd" -f "$RIND_SSH_DIR/sshd_config" -E "$RIND_SSH_DIR/sshd.log" </dev/null; then
    _rind_ssh_say "sshd did not start; last lines of $RIND_SSH_DIR/sshd.log:"
    tail -n 15 "$RIND_SSH_DIR/sshd.log" >&2
    return 1
  fi
  local deadline=$((SECONDS + 10))
  until pid=$(_rind_sshd_running_pid); do
    if ((SECONDS >= deadline)); then
      _rind_ssh_say "sshd wrote no pid file; last lines of $RIND_SSH_DIR/sshd.log:"
      tail -n 15 "$RIND_SSH_DIR/sshd.log" >&2
      return 1
    fi
    sleep 0.1
  done
  RIND_SSHD_STARTED_PID=$pid

  # Stop it again if this shell is interrupted or exits, unless the caller
  # has its own traps (then it calls rind_sshd_down).
  [[ -n $(trap -p EXIT) ]] || trap rind_sshd_down EXIT
  if [[ $- != *i* ]]; then
    [[ -n $(trap -p INT) ]] || trap 'exit 130' INT
    [[ -n $(trap -p TERM) ]] || trap 'exit 143' TERM
  fi

  if ! _rind_ssh_alias_add || ! _rind_ssh_check; then
    _rind_ssh_say "docker through ssh://$RIND_SSH_ALIAS does not reach $engine; last lines of $RIND_SSH_DIR/sshd.log:"
    tail -n 15 "$RIND_SSH_DIR/sshd.log" >&2
    rind_sshd_down
    return 1
  fi
  export RIND_SSH_HOST=ssh://$RIND_SSH_ALIAS
  _rind_ssh_say "sshd is up (PID $pid, 127.0.0.1:$port), RIND_SSH_HOST=$RIND_SSH_HOST reaches $engine"
}

# Does the docker CLI reach the engine through the alias? It runs
# `ssh rind-test-ssh docker system dial-stdio`, as rind does.
_rind_ssh_check() {
  local out
  if ! out=$(env -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u DOCKER_TLS -u DOCKER_CONTEXT \
    DOCKER_HOST="ssh://$RIND_SSH_ALIAS" timeout 60 docker version --format '{{.Server.Version}}' 2>&1); then
    _rind_ssh_say "docker version through ssh://$RIND_SSH_ALIAS failed: ${out//$'\n'/ }"
    return 1
  fi
}

# Puts the alias block first in the client's config, replacing an old one.
# The file is rewritten in place, so that its owner, mode and links stay.
_rind_ssh_alias_add() {
  local file dir scratch
  file=$(_rind_ssh_client_config)
  dir=$(dirname "$file")
  _rind_ssh_alias_remove || return 1
  if [[ ! -d $dir ]]; then
    mkdir -m 0700 "$dir" || return 1
    _rind_ssh_made_dirs+=("$dir")
  fi
  [[ -e $file ]] || (umask 077 && : >"$file") || return 1
  scratch=$(mktemp "$RIND_SSH_DIR/config.XXXXXX") || return 1
  {
    echo "$_RIND_SSH_BEGIN"
    echo "Host $RIND_SSH_ALIAS"
    echo "    HostName 127.0.0.1"
    echo "    Port ${RIND_SSH_PORT:-23722}"
    echo "    User root"
    echo "    IdentityFile $RIND_SSH_DIR/client_key"
    echo "    IdentitiesOnly yes"
    echo "    StrictHostKeyChecking no"
    echo "    UserKnownHostsFile /dev/null"
    echo "    LogLevel ERROR"
    # Ends the Host section: what follows applies to every host, as before.
    echo "Host *"
    echo "$_RIND_SSH_END"
    cat "$file"
  } >"$scratch" && cat "$scratch" >"$file"
  local status=$?
  rm -f "$scratch"
  return "$status"
}

# Removes the alias block from the client's config, byte for byte as it was
# added; the file goes too when nothing else is left in it.
_rind_ssh_alias_remove() {
  local file first last
  file=$(_rind_ssh_client_config)
  [[ -f $file ]] || return 0
  first=$(grep -nxF -m1 "$_RIND_SSH_BEGIN" "$file" | cut -d: -f1 || true)
  last=$(grep -nxF -m1 "$_RIND_SSH_END" "$file" | cut -d: -f1 || true)
  [[ -n $first && -n $last ]] && ((first < last)) || return 0
  local scratch
  scratch=$(mktemp "$RIND_SSH_DIR/config.XXXXXX") || return 1
  sed "${first},${last}d" "$file" >"$scratch" && cat "$scratch" >"$file"
  local status=$?
  rm -f "$scratch"
  [[ -s $file ]] || rm -f "$file"
  return "$status"
}

# Is process $1 still running? sshd detaches, so init reaps it, and some
# inits take a second or more: a zombie counts as ended.
_rind_sshd_alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# Stops sshd $1 and the sessions it runs (its children), by PID.
_rind_sshd_stop() {
  local pid=$1 child
  # shellcheck disable=SC2013 # the file holds PIDs separated by spaces
  for child in $(cat "/proc/$pid/task/"*/children 2>/dev/null); do
    kill -TERM "$child" 2>/dev/null || true
  done
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 10))
  while _rind_sshd_alive "$pid" && ((SECONDS < deadline)); do sleep 0.05; done
  _rind_sshd_alive "$pid" && kill -KILL "$pid" 2>/dev/null
  rm -f "$RIND_SSH_DIR/sshd.pid"
}

rind_sshd_down() {
  local pid=$RIND_SSHD_STARTED_PID
  [[ -n $pid ]] || return 0
  RIND_SSHD_STARTED_PID=
  unset RIND_SSH_HOST
  _rind_ssh_alias_remove
  # Only if it is still ours: the PID may have been reused since.
  if [[ $(_rind_sshd_running_pid) == "$pid" ]]; then
    _rind_sshd_stop "$pid"
    _rind_ssh_say "stopped sshd (PID $pid) and removed its keys"
  else
    _rind_ssh_say "sshd (PID $pid) had ended already; removed its keys"
  fi
  _rind_sshd_remove_state
}

# Removes the keys, the config and the log, and the folders made elsewhere.
_rind_sshd_remove_state() {
  rm -rf "$RIND_SSH_DIR"
  # The run folder stays while the engine's or Podman's state is in it.
  rmdir "$(dirname "$RIND_SSH_DIR")" 2>/dev/null || true
  ((${#_rind_ssh_made_dirs[@]} == 0)) || rmdir "${_rind_ssh_made_dirs[@]}" 2>/dev/null || true
  _rind_ssh_made_dirs=()
}
