#!/usr/bin/env bash
# Runs all of rind's tests: unit tests, then the integration tests, which run
# the published native binary against a Docker engine, and then again:
#   integration-podman  all of them against Podman's Docker API, but for the
#                       Category=Packaging ones (the .NET tool package, the
#                       wheel, the Debian package and the Homebrew formula,
#                       which build/pack.sh makes, also of rind cross-compiled
#                       for linux-arm64 and run under qemu, and
#                       build/install.sh) and
#                       the Category=Kubernetes ones (--kube against the fake
#                       cluster, whose pods the first pass's engine runs)
#   integration-tls     the Category=Representative ones through the engine's
#                       TLS listener (tcp://, both sides verified)
#   integration-ssh     the Category=Representative ones through ssh://
#   integration-kube-websocket-v4, integration-kube-spdy
#                       rind's Kubernetes tests (the Kube* classes) again,
#                       against a fake cluster that speaks WebSocket v4 only,
#                       then one that refuses WebSocket as OpenShift does, so
#                       that rind speaks SPDY/3.1 (RIND_TEST_KUBE_TRANSPORT)
# A pass that cannot run here (e.g. a developer's own engine has no TLS
# listener) says so in one line and counts as neither passed nor failed.
#
#   build/test.sh [dotnet test arguments]     e.g. --filter "FullyQualifiedName~Exit"
#
# Lists each skipped test once, with the passes that skipped it and why, then
# ends with one line "tests: N passed, N failed, N skipped" (a test counts
# once in each pass); exits non-zero when a test or a step failed. Test
# results: artifacts/test-results/*.trx.
# The engines: see build/lib/engine.sh and build/lib/podman.sh; the sshd:
# build/lib/ssh.sh. What they start here goes at the end with all it made
# (data, images, keys, certificates, logs); RIND_ENGINE_KEEP=1 keeps the
# engines and their data for the next run. Every pass sees the other ways to
# the engine (RIND_TLS_HOST, RIND_TLS_CERT_PATH, RIND_TLS_WRONG_CA_CERT_PATH,
# RIND_SSH_HOST), for the tests of those transports.
# The tests make their own containers through the engine's API (Docker.DotNet,
# on unix:// or plain tcp:// only), not with the docker command: the TLS and
# ssh passes give them the engine's Unix socket in RIND_FIXTURE_HOST.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
results=artifacts/test-results

# shellcheck source=build/lib/engine.sh
source build/lib/engine.sh
# shellcheck source=build/lib/ssh.sh
source build/lib/ssh.sh
# Podman's part may be absent; its pass then says so.
if [[ -f build/lib/podman.sh ]]; then
  # shellcheck source=build/lib/podman.sh
  source build/lib/podman.sh
fi

# Long steps run in the background, each in its own process group, and are
# waited for with `wait`: bash runs an INT trap only after a foreground command
# ends, and not at all when that command (dotnet does) handles SIGINT itself.
step_pid=
run_step() {
  setsid "$@" &
  step_pid=$!
  local status=0
  wait "$step_pid" || status=$?
  step_pid=
  return "$status"
}
# On INT/TERM: stop the running step with all its processes, then exit; the
# EXIT trap then stops the engines and the sshd. This script goes, and so do
# they.
interrupted() {
  if [[ -n $step_pid ]]; then
    kill -TERM -- "-$step_pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 100; i++)); do
      kill -0 "$step_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL -- "-$step_pid" 2>/dev/null || true
  fi
  exit "$1"
}
# dotnet leaves folders in the temporary folder at each run (empty ones,
# NuGet's and MSBuild's scratch), and so may the tests: a temporary folder of
# this run's own takes them, and goes at its end. Only dotnet gets it, as an
# engine kept running must not be left with a TMPDIR that is gone.
scratch=$(mktemp -d -t rind-test.XXXXXX)

# Stops what this run started (each function knows whether it did), in the
# order that leaves nothing using what goes next, and removes what it made.
podman_up=false
stop_all() {
  if $podman_up; then
    podman_up=false
    rind_podman_down || true
  fi
  rind_sshd_down || true
  rind_engine_down || true
  rind_test_images_remove || true
  # The terminals of tests cut short: their tmux servers run on detached, with
  # their sockets in the scratch folder.
  local server
  for server in $(rind_pids_using tmux "$scratch/"); do
    kill -TERM "$server" 2>/dev/null || true
  done
  rm -rf "$scratch"
}
trap stop_all EXIT
trap 'interrupted 130' INT
trap 'interrupted 143' TERM

failed_steps=()

if ! bash build/prerequisites.sh --for tests; then
  echo "step failed: prerequisites"
  echo "tests: 0 passed, 0 failed, 0 skipped"
  exit 1
fi

rm -rf "$results"
mkdir -p "$results"

# dotnet test prints each skipped test in every pass, without its reason:
# these lines are left out, and list_skips names each once, with it.
skip_line='^(\[xUnit\.net [0-9:.]+\] +.+ \[SKIP\]|  Skipped .+ \[[^]]*\])$'

# The passes run_tests ran, in order.
passes_run=()

# Runs one test project: run_tests NAME PROJECT [ENV...] -- [ARGUMENTS...],
# where ENV are env(1) arguments (VAR=VALUE, -u VAR). A non-zero exit is a
# failed step only when no test failed (a build error, a crash), as failed
# tests are counted from the .trx.
run_tests() {
  local name=$1 project=$2
  shift 2
  local -a environment=()
  while (($# > 0)) && [[ $1 != -- ]]; do
    environment+=("$1")
    shift
  done
  shift
  echo "== $name tests"
  passes_run+=("$name")
  local status=0
  # shellcheck disable=SC2016 # expanded by the inner bash
  run_step bash -c 'set -o pipefail; pattern=$1; shift; "$@" | sed -u -E "/$pattern/d"' _ "$skip_line" \
    env "${environment[@]}" "TMPDIR=$scratch" dotnet test "$project" -c Release --disable-build-servers \
    --results-directory "$results" --logger "trx;LogFileName=$name.trx" "$@" || status=$?
  if ((status != 0)) && ! grep -qE '<Counters [^>]*failed="[1-9]' "$results/$name.trx" 2>/dev/null; then
    failed_steps+=("$name tests (exit $status)")
  fi
}

run_tests unit tests/Rind.Tests/Rind.Tests.csproj -- "$@"

integration=tests/Rind.IntegrationTests/Rind.IntegrationTests.csproj
# The client's own TLS and context settings, cleared for the passes that name
# their engine themselves.
clear_engine_env=(-u DOCKER_TLS -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u DOCKER_CONTEXT -u RIND_TEST_RUN_OPTIONS -u RIND_FIXTURE_HOST)

# The caller's arguments for the passes after the first, in later_arguments:
# built already, and with any --filter narrowed to the representative tests
# when $1 is "narrow" (dotnet test would take only the last --filter), to
# rind's Kubernetes tests (the Kube* classes) when it is "kube", or else
# to all but the Category=Packaging and Category=Kubernetes ones: the
# packages, the install script and rind's Kubernetes mode (which reaches the
# engine only through the fake cluster's pods) are the same whatever the
# engine, and the first pass tested them.
later_arguments=()
later_pass_arguments() {
  local narrow=$1 filter=""
  shift
  later_arguments=(--no-build)
  while (($# > 0)); do
    case $1 in
      --filter) filter=${2:-}; shift; (($# == 0)) || shift ;;
      --filter=*) filter=${1#--filter=}; shift ;;
      --no-build) shift ;;
      *) later_arguments+=("$1"); shift ;;
    esac
  done
  if [[ $narrow == narrow ]]; then
    later_arguments+=(--filter "${filter:+($filter)&}Category=Representative")
  elif [[ $narrow == kube ]]; then
    later_arguments+=(--filter "${filter:+($filter)&}Category=Kubernetes&FullyQualifiedName~Rind.IntegrationTests.Kube")
  else
    later_arguments+=(--filter "${filter:+($filter)&}Category!=Packaging&Category!=Kubernetes")
  fi
}

skipped_pass() {
  echo "== $1 tests skipped: $2"
}

# Podman: the whole suite against Podman's Docker API, with the options its
# containers need to start here.
podman_pass() {
  if ! declare -F rind_podman_up >/dev/null; then
    skipped_pass integration-podman "build/lib/podman.sh is missing"
    return 0
  fi
  if [[ $(id -u) != 0 ]]; then
    skipped_pass integration-podman "the private Podman service needs root"
    return 0
  fi
  echo "== podman"
  podman_up=true
  if rind_podman_up && rind_podman_images; then
    later_pass_arguments all "$@"
    # The TLS and ssh endpoints lead to the Docker engine, not to Podman: their tests sit this pass out.
    run_tests integration-podman "$integration" "${clear_engine_env[@]}" \
      "DOCKER_HOST=$RIND_PODMAN_HOST" "RIND_TEST_RUN_OPTIONS=$podman_run_options" \
      RIND_TLS_HOST= RIND_TLS_CERT_PATH= RIND_TLS_WRONG_CA_CERT_PATH= RIND_SSH_HOST= -- "${later_arguments[@]}"
  else
    failed_steps+=("podman engine or test images")
  fi
  podman_up=false
  rind_podman_down || true
}
podman_run_options=${RIND_PODMAN_RUN_OPTIONS:-"--ulimit nofile=4096:4096 --ulimit nproc=4096:4096"}

tls_pass() {
  if [[ -z ${RIND_TLS_HOST:-} ]]; then
    if [[ $DOCKER_HOST != "$RIND_TEST_HOST" ]]; then
      skipped_pass integration-tls "the engine in use ($DOCKER_HOST) is not the private one, which has the TLS listener"
    else
      skipped_pass integration-tls "the private engine has no TLS listener (it gets one when started again)"
    fi
    return 0
  fi
  later_pass_arguments narrow "$@"
  run_tests integration-tls "$integration" "${clear_engine_env[@]}" "DOCKER_HOST=$RIND_TLS_HOST" \
    DOCKER_TLS_VERIFY=1 "DOCKER_CERT_PATH=$RIND_TLS_CERT_PATH" "RIND_FIXTURE_HOST=$DOCKER_HOST" -- "${later_arguments[@]}"
}

# rind's Kubernetes tests once more for each exec transport a cluster may
# demand; the first pass ran them over WebSocket v5.
kube_transport_passes() {
  local transport
  later_pass_arguments kube "$@"
  for transport in websocket-v4 spdy; do
    run_tests "integration-kube-$transport" "$integration" "RIND_TEST_KUBE_TRANSPORT=$transport" -- "${later_arguments[@]}"
  done
}

ssh_pass() {
  if [[ -z ${RIND_SSH_HOST:-} ]]; then
    skipped_pass integration-ssh "${ssh_unavailable:-the test sshd did not start}"
    return 0
  fi
  later_pass_arguments narrow "$@"
  run_tests integration-ssh "$integration" "${clear_engine_env[@]}" "DOCKER_HOST=$RIND_SSH_HOST" \
    "RIND_FIXTURE_HOST=$DOCKER_HOST" -- "${later_arguments[@]}"
}

echo "== publish"
if run_step bash build/publish.sh && [[ -x artifacts/rind ]]; then
  # The arm64 packages' tests pack rind cross-compiled for linux-arm64, and run it under qemu.
  if [[ $(uname -m) == x86_64 ]]; then
    echo "== publish linux-arm64"
    if run_step env RIND_RUNTIME_IDENTIFIER=linux-arm64 bash build/publish.sh --output artifacts/linux-arm64/rind; then
      export RIND_ARM64_BINARY=$root/artifacts/linux-arm64/rind
    else
      failed_steps+=("publish linux-arm64")
    fi
  fi
  echo "== engine"
  # shellcheck disable=SC2119 # no arguments: with the TLS listener, all the images
  if rind_engine_up && rind_test_images; then
    # Leftovers of an interrupted run would confuse the tests; only the tests'
    # own containers carry this label.
    mapfile -t leftovers < <(docker ps -aq --filter label=rind.test)
    if ((${#leftovers[@]} > 0)); then
      echo "removing ${#leftovers[@]} leftover test container(s)"
      docker rm -f "${leftovers[@]}" >/dev/null
    fi
    export RIND_BINARY=$root/artifacts/rind

    # Up before the first pass, as every pass's ssh:// tests use it.
    echo "== sshd"
    ssh_status=0
    rind_sshd_up || ssh_status=$?
    ssh_unavailable=
    case $ssh_status in
      0) ;;
      2) ssh_unavailable=$RIND_SSHD_UNAVAILABLE ;;
      *) failed_steps+=("sshd for the ssh:// tests") ;;
    esac

    run_tests integration "$integration" -- "$@"
    kube_transport_passes "$@"
    podman_pass "$@"
    tls_pass "$@"
    ssh_pass "$@"

    # The budgets are for the full run on a quiet machine; here the benchmark only has to work.
    echo "== benchmark (smoke run)"
    run_step bash build/bench.sh --quick || failed_steps+=("benchmark smoke run")
  else
    failed_steps+=("docker engine or test images")
  fi
else
  failed_steps+=("publish")
fi

# Stop everything now, so that the summary below is the last line.
stop_all
trap - EXIT

# Sums one attribute of the <Counters> element over all result files.
count() {
  local total=0 n file
  for file in "$results"/*.trx; do
    [[ -e $file ]] || continue
    n=$(grep -oE "<Counters [^>]*" "$file" | grep -oE " $1=\"[0-9]+\"" | grep -oE '[0-9]+' || true)
    total=$((total + ${n:-0}))
  done
  echo "$total"
}
passed=$(count passed)
failed=$(($(count failed) + $(count error) + $(count timeout) + $(count aborted)))
# Skipped tests are in total but not in executed (notExecuted stays 0).
skipped=$(($(count total) - $(count executed)))

# One line per skipped test and reason: "skipped NAME (PASS, ...): REASON",
# the passes in the order they ran.
list_skips() {
  local pass file
  for pass in "${passes_run[@]}"; do
    file=$results/$pass.trx
    [[ -e $file ]] || continue
    # Prints NAME, REASON and PASS, separated by tabs, for each result whose
    # outcome is NotExecuted; its reason is the text of its <Message>.
    awk -v pass="$pass" '
      function text(s) {
        gsub(/[\t\r\n]+/, " ", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s)
        gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s)
        return s
      }
      function report() { if (name != "") print name "\t" (reason == "" ? "no reason given" : reason) "\t" pass; name = "" }
      /<UnitTestResult / {
        name = ""; reason = ""; in_message = 0
        if ($0 ~ /outcome="NotExecuted"/ && match($0, / testName="[^"]*"/)) name = text(substr($0, RSTART + 11, RLENGTH - 12))
        if ($0 ~ /\/>[ \t\r]*$/) report()
        next
      }
      name != "" && /<Message>/ { in_message = 1; sub(/.*<Message>/, "") }
      in_message {
        line = $0
        if (sub(/<\/Message>.*/, "", line)) in_message = 0
        reason = reason (reason == "" ? "" : " ") text(line)
      }
      /<\/UnitTestResult>/ { report() }
    ' "$file"
  done | awk -F '\t' '
    !(($1, $2) in passes) { order[++n] = $1 SUBSEP $2; passes[$1, $2] = $3; next }
    { passes[$1, $2] = passes[$1, $2] ", " $3 }
    END { for (i = 1; i <= n; i++) { split(order[i], key, SUBSEP); print "skipped " key[1] " (" passes[order[i]] "): " key[2] } }
  '
}
list_skips
for step in "${failed_steps[@]}"; do
  echo "step failed: $step"
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
((failed == 0 && ${#failed_steps[@]} == 0))
