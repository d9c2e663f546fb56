# shellcheck shell=bash
# Podman's Docker-compatible API service, with a store of its own, and the
# test images in it, for running rind's integration tests against Podman.
#
# Source this file (from any directory), then:
#   rind_podman_up       find or start the service; exports RIND_PODMAN_HOST
#   rind_podman_images   import the rind-test/* images when missing or outdated
#   rind_podman_down     remove the tests' containers, stop the service and
#                        remove its store, only if rind_podman_up started it
#                        here
#
# Then, for example:
#   DOCKER_HOST=$RIND_PODMAN_HOST RIND_TEST_RUN_OPTIONS=$RIND_PODMAN_RUN_OPTIONS \
#     dotnet test tests/Rind.IntegrationTests -c Release
#
# Settings (environment):
#   RIND_ENGINE_KEEP=1        leave a service started here running, with its
#                             store (no traps, rind_podman_down does nothing);
#                             later runs reuse it
#   RIND_PODMAN_TIMEOUT=60    seconds to wait for a started service to answer
#
# Facts learned by trying, on Debian 12 with podman 4.3.1 as root (no systemd,
# cgroup v1):
#   - podman refuses to start when DOCKER_CONFIG names a folder without a
#     config.json, so it runs without DOCKER_CONFIG.
#   - It picks runc (crun is not installed), cgroupfs and the file events
#     backend by itself here; the flags say so anyway, as another host may
#     differ.
#   - Containers cannot start with podman's default rlimits as root (it raises
#     nofile and nproc above the hard limits this host allows), so each
#     `docker run` needs RIND_PODMAN_RUN_OPTIONS.
#   - Networks: with a fresh store podman chooses the netavark backend and
#     writes that choice into the store; `podman network ls` then lists only
#     "podman", the default bridge, which exists in memory only: no interface
#     and no rule is made until a container joins it. Without the settings
#     below, podman creates /etc/containers/networks (netavark) or reads the
#     host's CNI files in /etc/cni/net.d; with them it touches neither. As
#     root it still creates /run/containers/networks (netavark's state; 4.3
#     has no setting for it), empty until a container joins a network.
#   - A container created through the Docker API without --network joins that
#     bridge whatever containers.conf says (its netns setting applies to
#     `podman run` only): netavark then makes a bridge podman0, a veth,
#     iptables chains NETAVARK_* that outlive the container, /run/netns, and
#     turns net.ipv4.ip_forward on. Every `docker run` against this service
#     must say --network none, as the tests' containers do.
#   - Its Docker API, as the tests' fixtures use it: POST /commit fails with
#     "Decode(): EOF" without a request body (the Docker CLI 28 sends none),
#     ignores the config in that body, and applies `changes`, where a LABEL with
#     several KEY="VALUE" pairs gives the first key all the rest as its value;
#     one LABEL per label works. GET /containers/ID/top gives each process as
#     one column, a line of the container's own ps, under one title.

# The image recipe, its helpers and the folders are engine.sh's; only the
# store differs.
if ! declare -F rind_test_images >/dev/null; then
  # shellcheck source=build/lib/engine.sh
  source "$(dirname "${BASH_SOURCE[0]}")/engine.sh"
fi

# Where the project's private Podman lives, beside the private engine of
# engine.sh (RIND_TEST_DIR, RIND_TEST_STATE_DIR). Only the tests use it.
RIND_PODMAN_DIR=$RIND_TEST_DIR
RIND_PODMAN_HOST=unix://$RIND_TEST_DIR/podman.sock
RIND_PODMAN_ROOT=$RIND_TEST_STATE_DIR/podman
RIND_PODMAN_RUNROOT=$RIND_TEST_DIR/podman-run
RIND_PODMAN_TMPDIR=$RIND_TEST_DIR/podman-tmp
RIND_PODMAN_NETWORKS=$RIND_TEST_STATE_DIR/podman-networks
RIND_PODMAN_CONF=$RIND_TEST_DIR/podman-containers.conf
RIND_PODMAN_LOG=$RIND_TEST_DIR/podman.log
# The service's TMPDIR: podman 4.3 leaves each tar file that `docker import`
# sends it in there (else in /var/tmp).
RIND_PODMAN_IMPORT_TMPDIR=$RIND_TEST_STATE_DIR/podman-import

# Folders at fixed places that podman makes whatever its store is: netavark's
# state, runc's, and the blob information cache of containers/image (a file
# in /var/lib/containers/cache). Those this shell's start made are removed
# once it has stopped, with that file, if nothing else is left in them.
_RIND_PODMAN_FIXED_DIRS=(/run/containers /run/runc /var/lib/containers)
_rind_podman_made_dirs=()

# What every `docker run` against this service needs (see the facts above).
# shellcheck disable=SC2034 # for the callers that run the tests
RIND_PODMAN_RUN_OPTIONS='--ulimit nofile=4096:4096 --ulimit nproc=4096:4096'

# PID of the service rind_podman_up started in this shell, empty if none.
# Deliberately not exported: a child shell must never stop its parent's service.
: "${RIND_PODMAN_STARTED_PID:=}"

_rind_podman_say() { echo "rind-podman: $*" >&2; }

# podman on the private store, as the service runs it. The host's /run/libpod
# and /etc/containers are not used: tmpdir and network files are ours too.
RIND_PODMAN_COMMAND=(
  env -u DOCKER_CONFIG CONTAINERS_CONF="$RIND_PODMAN_CONF" podman
  --root "$RIND_PODMAN_ROOT" --runroot "$RIND_PODMAN_RUNROOT" --tmpdir "$RIND_PODMAN_TMPDIR"
  --network-config-dir "$RIND_PODMAN_NETWORKS"
  --storage-driver vfs --cgroup-manager cgroupfs --events-backend file
)

_rind_podman() { "${RIND_PODMAN_COMMAND[@]}" "$@"; }

# Only this file is read when CONTAINERS_CONF names it; the host's own
# containers.conf sets nothing beyond podman's defaults on Debian 12.
_rind_podman_write_conf() {
  mkdir -p "$RIND_PODMAN_DIR" "$RIND_PODMAN_ROOT" "$RIND_PODMAN_NETWORKS" "$RIND_PODMAN_IMPORT_TMPDIR" || return 1
  cat >"$RIND_PODMAN_CONF" <<EOF
# Written by build/lib/podman.sh for rind's test service; rewritten at each start.
[containers]
# podman run without a network option gets none; the Docker API ignores this.
netns = "none"

[network]
# netavark keeps its default network in memory; CNI would read the host's files.
network_backend = "netavark"
network_config_dir = "$RIND_PODMAN_NETWORKS"

[engine]
# Each exec's conmon outlives the exec by this many seconds (default 300);
# the tests make hundreds of execs, and rind asks for the exit code at once.
exit_command_delay = 30
EOF
}

rind_podman_up() {
  if _rind_engine_answers "$RIND_PODMAN_HOST"; then
    export RIND_PODMAN_HOST
    _rind_podman_say "using the Podman service at $RIND_PODMAN_HOST"
    return 0
  fi
  command -v podman >/dev/null || { _rind_podman_say "missing podman (run build/prerequisites.sh)"; return 1; }
  local dir
  for dir in "${_RIND_PODMAN_FIXED_DIRS[@]}"; do
    [[ -e $dir ]] || _rind_podman_made_dirs+=("$dir")
  done
  _rind_podman_write_conf || return 1
  # A socket left by a service that was killed would make the new one fail.
  rm -f "${RIND_PODMAN_HOST#unix://}"

  # Stop it again if this shell is interrupted or exits, unless the caller
  # has its own traps (then it calls rind_podman_down) or wants it kept.
  if [[ ${RIND_ENGINE_KEEP:-} != 1 ]]; then
    [[ -n $(trap -p EXIT) ]] || trap rind_podman_down EXIT
    if [[ $- != *i* ]]; then
      [[ -n $(trap -p INT) ]] || trap 'exit 130' INT
      [[ -n $(trap -p TERM) ]] || trap 'exit 143' TERM
    fi
  fi

  # Its own session, as dockerd in engine.sh, so that a Ctrl-C meant for the
  # tests does not reach it; not with job control, where setsid would fork.
  local -a detach=()
  [[ $- == *m* ]] || detach=(setsid)

  _rind_podman_say "starting podman system service; log: $RIND_PODMAN_LOG"
  local started=$SECONDS
  TMPDIR=$RIND_PODMAN_IMPORT_TMPDIR "${detach[@]}" "${RIND_PODMAN_COMMAND[@]}" system service --time=0 "$RIND_PODMAN_HOST" \
    </dev/null >"$RIND_PODMAN_LOG" 2>&1 &
  RIND_PODMAN_STARTED_PID=$!

  local deadline=$((SECONDS + ${RIND_PODMAN_TIMEOUT:-60}))
  until _rind_engine_answers "$RIND_PODMAN_HOST"; do
    if ! kill -0 "$RIND_PODMAN_STARTED_PID" 2>/dev/null || ((SECONDS >= deadline)); then
      _rind_podman_say "the Podman service did not come up; last lines of $RIND_PODMAN_LOG:"
      tail -n 25 "$RIND_PODMAN_LOG" >&2
      rind_podman_down
      return 1
    fi
    sleep 0.2
  done
  export RIND_PODMAN_HOST
  _rind_podman_say "Podman is up (PID $RIND_PODMAN_STARTED_PID, $((SECONDS - started)) s)"
  _rind_podman_check_networks
}

# Says so when the store knows a network beyond the in-memory default, or
# when netavark has set up its bridge (a container ran without --network none).
_rind_podman_check_networks() {
  local networks
  if networks=$(_rind_podman network ls --format '{{.Name}}' 2>/dev/null) && [[ $networks != podman ]]; then
    _rind_podman_say "warning: networks in $RIND_PODMAN_NETWORKS: ${networks//$'\n'/, }"
  fi
  if [[ -e /sys/class/net/podman0 ]] || iptables -n -L NETAVARK_FORWARD >/dev/null 2>&1; then
    _rind_podman_say "warning: netavark made its bridge or its iptables rules: a container ran without --network none"
  fi
  return 0
}

# The images engine.sh builds, by engine.sh's own rind_test_images through
# this service's Docker API: the same recipe, tags and up-to-date check, and
# nothing to keep in step. Podman stores them as docker.io/rind-test/*.
rind_podman_images() {
  DOCKER_HOST=$RIND_PODMAN_HOST rind_test_images
}

rind_podman_down() {
  local pid=$RIND_PODMAN_STARTED_PID
  [[ -n $pid ]] || return 0
  if [[ ${RIND_ENGINE_KEEP:-} == 1 ]]; then
    _rind_podman_say "leaving the Podman service running (PID $pid, $RIND_PODMAN_HOST)"
    return 0
  fi
  RIND_PODMAN_STARTED_PID=

  if kill -0 "$pid" 2>/dev/null; then
    # Podman's containers outlive its service (each has its own conmon), so
    # the tests' leftovers go first.
    local -a ids
    mapfile -t ids < <(DOCKER_HOST=$RIND_PODMAN_HOST timeout 10 docker ps -aq --filter label=rind.test 2>/dev/null)
    ((${#ids[@]} == 0)) || DOCKER_HOST=$RIND_PODMAN_HOST timeout 30 docker rm -f "${ids[@]}" >/dev/null 2>&1 || true
    _rind_podman_check_networks

    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      _rind_podman_say "the Podman service (PID $pid) ignored SIGTERM for 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true

  # Each exec's conmon waits out exit_command_delay after the exec ended,
  # with the service gone for nothing; by PID, found by our store's path.
  local conmon
  for conmon in $(rind_pids_using conmon "$RIND_PODMAN_ROOT/"); do
    kill -KILL "$conmon" 2>/dev/null || true
  done

  # What it kept goes too: its store with the images, its state, its log.
  _rind_test_images_forget "$RIND_PODMAN_HOST"
  rind_remove_tree "$RIND_PODMAN_ROOT" "$RIND_PODMAN_RUNROOT" "$RIND_PODMAN_TMPDIR" \
    "$RIND_PODMAN_NETWORKS" "$RIND_PODMAN_IMPORT_TMPDIR"
  rm -f "$RIND_PODMAN_CONF" "$RIND_PODMAN_LOG" "${RIND_PODMAN_HOST#unix://}"
  local dir
  for dir in "${_rind_podman_made_dirs[@]}"; do
    [[ $dir != /var/lib/containers ]] || rm -f /var/lib/containers/cache/blob-info-cache-v1.boltdb
  done
  rind_remove_empty_dirs "${_rind_podman_made_dirs[@]}"
  _rind_podman_made_dirs=()
  # The two folders stay while the engine's or the sshd's state is in them.
  rmdir "$RIND_TEST_DIR" "$RIND_TEST_STATE_DIR" 2>/dev/null || true
  _rind_podman_say "stopped the Podman service (PID $pid) and removed its store"
}
