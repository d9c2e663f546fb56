#!/usr/bin/env bash
# Measures rind against docker exec on the same labelled container, runs alternating:
# the latency of a trivial command, start-up alone, throughput of 100 MB through cat,
# rind's peak memory while streaming, and the size of the binary; and rind --kube against
# kubectl exec on the same pod, the latency of a trivial command, over WebSocket and over
# SPDY/3.1 (a cluster that refuses WebSocket as OpenShift does); and rind in a dev container,
# from its workspace folder, against devcontainer exec there; and a Tab of rind's completion
# (Django's commands through manage.py, and a file name, in a labelled container with Django)
# against docker exec asking the same. Prints a table with the ratios and whether each
# budget is met.
#
#   build/bench.sh                 the full run (about a minute)
#   build/bench.sh --quick         few iterations and 10 MB, as CI's smoke run: it only
#                                  shows that the benchmark works, and judges no budget
#   build/bench.sh --strict        exit 1 when a budget is missed
#
# Uses the engine build/test.sh uses (DOCKER_HOST, /var/run/docker.sock, or a private one).
# The clusters are the integration tests' fake API server (HTTPS on 127.0.0.1, a bearer
# token), run as processes of their own; their pods are containers of that engine. The dev
# container is brought up on that engine by the dev container CLI (devcontainer up), from the
# rind-test/devcontainer image. Needs kubectl and devcontainer (build/prerequisites.sh).
set -euo pipefail
# Numbers with a dot whatever the user's locale, and string lengths in bytes (see width_of).
export LC_ALL=C

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

runs=41
megabytes=100
quick=false
strict=false
for argument in "$@"; do
  case $argument in
    --quick) quick=true; runs=7; megabytes=10 ;;
    --strict) strict=true ;;
    *) echo "bench: unknown argument '$argument'" >&2; exit 2 ;;
  esac
done
if $quick && $strict; then
  echo "bench: --strict judges the budgets, which a --quick run does not" >&2
  exit 2
fi
smoke_note="smoke run (--quick): $runs runs each and $megabytes MB; the budgets are for the full run on a quiet machine and are not judged here"
! $quick || echo "bench: $smoke_note"

[[ -x artifacts/rind ]] || bash build/publish.sh >/dev/null
rind=$root/artifacts/rind
command -v kubectl >/dev/null || { echo "bench: kubectl is needed, to compare rind --kube with it" >&2; exit 1; }
command -v devcontainer >/dev/null ||
  { echo "bench: devcontainer is needed, to compare rind in a dev container with it (build/prerequisites.sh installs it)" >&2; exit 1; }

# shellcheck source=build/lib/engine.sh
source build/lib/engine.sh
work=$(mktemp -d)
container=rind-bench-$$
django_container=rind-bench-django-$$
devcontainer_folder=$work/devcontainer
cleanup() {
  fake_clusters_down
  docker rm -f "$container" "$django_container" >/dev/null 2>&1 || true
  local -a devcontainers
  mapfile -t devcontainers < <(docker ps -aq --filter "label=devcontainer.local_folder=$devcontainer_folder" 2>/dev/null)
  ((${#devcontainers[@]} == 0)) || docker rm -f "${devcontainers[@]}" >/dev/null 2>&1 || true
  rm -rf "$work"
  rind_engine_down
  rind_test_images_remove
}
trap cleanup EXIT
# So that the EXIT trap runs when interrupted too.
trap 'exit 130' INT
trap 'exit 143' TERM
rind_engine_up --no-tls >/dev/null
rind_test_images busybox devcontainer django >/dev/null
docker run -d --network none --name "$container" --label rind.test --label app.rind \
  rind-test/busybox:latest sleep infinity >/dev/null
docker run -d --network none --name "$django_container" --label rind.test --label app.rind \
  --workdir /srv/mysite rind-test/django:latest sleep infinity >/dev/null
# Pick the container by name, so that other labelled containers on the engine do not matter.
export RIND_CONTAINER=$container

# The fake cluster: the integration test assembly run as a program (see FakeClusterProcess).
# It says "ready" once its pod runs and the kubeconfig is written, and when its input ends
# removes both and exits. Built each time (a few seconds when nothing changed), so that
# what is measured against is never an older fake. dotnet's scratch goes into $work.
mkdir -p "$work/tmp" "$work/home"
TMPDIR=$work/tmp dotnet build tests/Rind.IntegrationTests -c Release --disable-build-servers -nologo -v q \
  >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; echo "bench: the fake cluster did not build" >&2; exit 1; }
fake_cluster_dll=tests/Rind.IntegrationTests/bin/Release/net10.0/Rind.IntegrationTests.dll
pod=rind-bench-$$
# Two clusters: one as current Kubernetes serves exec (WebSocket), one as OpenShift does (WebSocket
# refused with 403, so that both rind and kubectl fall back to SPDY/3.1). Per transport: the PID,
# the file descriptors of its input and output, and its kubeconfig.
declare -A fake_cluster_pid=() fake_cluster_input=() fake_cluster_output=()
# Ends a cluster's input, which stops it, or with SIGTERM when that does not, or when its input
# was never opened (then it has not started yet). Its pod goes before the engine does.
fake_cluster_down() {
  local transport=$1 deadline=$SECONDS
  [[ -n ${fake_cluster_pid[$transport]:-} ]] || return 0
  if [[ -n ${fake_cluster_input[$transport]:-} ]]; then
    exec {fake_cluster_input[$transport]}>&- {fake_cluster_output[$transport]}<&-
    deadline=$((SECONDS + 60))
  fi
  while kill -0 "${fake_cluster_pid[$transport]}" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.1; done
  kill -TERM "${fake_cluster_pid[$transport]}" 2>/dev/null || true
  wait "${fake_cluster_pid[$transport]}" 2>/dev/null || true
  unset "fake_cluster_pid[$transport]"
}
fake_clusters_down() {
  local transport
  for transport in "${!fake_cluster_pid[@]}"; do fake_cluster_down "$transport"; done
}
# Starts the cluster of a transport (websocket or spdy), with its kubeconfig at $work/kubeconfig-TRANSPORT.
# Its input and output are named pipes, each opened in the same order on both sides.
fake_cluster_up() {
  local transport=$1 ready input output
  mkfifo "$work/fake-cluster-$transport.in" "$work/fake-cluster-$transport.out"
  TMPDIR=$work/tmp dotnet "$fake_cluster_dll" fake-cluster --kubeconfig "$work/kubeconfig-$transport" --pod "$pod" --transport "$transport" \
    <"$work/fake-cluster-$transport.in" >"$work/fake-cluster-$transport.out" 2>"$work/fake-cluster-$transport.log" &
  fake_cluster_pid[$transport]=$!
  exec {input}>"$work/fake-cluster-$transport.in" {output}<"$work/fake-cluster-$transport.out"
  fake_cluster_input[$transport]=$input
  fake_cluster_output[$transport]=$output
  if ! read -r -t 120 -u "$output" ready || [[ $ready != ready ]]; then
    cat "$work/fake-cluster-$transport.log" >&2
    echo "bench: the fake cluster ($transport) did not get ready" >&2
    exit 1
  fi
}
fake_cluster_up websocket
fake_cluster_up spdy

# The dev container, as an editor brings it up: its own user, an environment of its own (remoteEnv,
# and the user's login shell's, which devcontainer exec probes each time), and the workspace
# folder mounted. No app.rind label: rind finds it from its folder. The CLI's scratch goes into $work.
mkdir -p "$devcontainer_folder/.devcontainer"
cat >"$devcontainer_folder/.devcontainer/devcontainer.json" <<'EOF'
{
  "image": "rind-test/devcontainer:latest",
  "runArgs": ["--label", "rind.test", "--network", "none"],
  "updateRemoteUserUID": false,
  "remoteUser": "vscode",
  "remoteEnv": {"BENCH_PATH": "${containerEnv:PATH}"},
  "workspaceMount": "source=${localWorkspaceFolder},target=/workspaces/bench,type=bind",
  "workspaceFolder": "/workspaces/bench"
}
EOF
TMPDIR=$work/tmp devcontainer up --workspace-folder "$devcontainer_folder" --docker-path docker \
  >"$work/devcontainer-up.log" 2>&1 || { cat "$work/devcontainer-up.log" >&2; echo "bench: devcontainer up failed" >&2; exit 1; }

# bash's own clock: reading it starts no process, so it adds nothing to what it measures.
now_ns() { local now=${EPOCHREALTIME/[.,]/}; echo "${now}000"; }

# Runs shell function $1 once, unmeasured; when it fails, says so with its errors and exits.
warm_up() {
  "$1" >/dev/null 2>"$work/warm-up.err" </dev/null && return 0
  cat "$work/warm-up.err" >&2
  echo "bench: $1 failed" >&2
  exit 1
}

# Runs two shell functions $runs times each, alternating, after one warm-up each, and writes
# the nanoseconds of every run to $work/<function>.
measure() {
  local a=$1 b=$2 i start
  : > "$work/$a"
  : > "$work/$b"
  warm_up "$a"
  warm_up "$b"
  for ((i = 0; i < runs; i++)); do
    start=${EPOCHREALTIME/[.,]/}; "$a" >/dev/null 2>&1 </dev/null; echo "$(( (${EPOCHREALTIME/[.,]/} - start) * 1000 ))" >> "$work/$a"
    start=${EPOCHREALTIME/[.,]/}; "$b" >/dev/null 2>&1 </dev/null; echo "$(( (${EPOCHREALTIME/[.,]/} - start) * 1000 ))" >> "$work/$b"
  done
}

rind_true() { "$rind" true; }
docker_true() { docker exec "$container" true; }
# The same cluster, user and home for both; RIND_CONTAINER is the Docker rows': here rind finds
# the labelled pod itself, and kubectl is told its name.
rind_kube_true() { RIND_CONTAINER='' KUBECONFIG=$work/kubeconfig-websocket HOME=$work/home "$rind" --kube true; }
kubectl_true() { KUBECONFIG=$work/kubeconfig-websocket HOME=$work/home kubectl exec "$pod" -- true; }
rind_spdy_true() { RIND_CONTAINER='' KUBECONFIG=$work/kubeconfig-spdy HOME=$work/home "$rind" --kube true; }
kubectl_spdy_true() { KUBECONFIG=$work/kubeconfig-spdy HOME=$work/home kubectl exec "$pod" -- true; }
# Both from the workspace folder, as a user runs them there; RIND_CONTAINER is the Docker rows'.
in_devcontainer_folder() {
  local status=0
  cd "$devcontainer_folder" || return
  "$@" || status=$?
  cd "$root"
  return "$status"
}
rind_devcontainer_true() { RIND_CONTAINER='' in_devcontainer_folder "$rind" true; }
devcontainer_exec_true() {
  TMPDIR=$work/tmp in_devcontainer_folder devcontainer exec --workspace-folder "$devcontainer_folder" --docker-path docker true
}
# A Tab: what the completion scripts run, against docker exec asking Django, or the shell, the same.
# The deadline is lifted, so that a slow Tab is measured rather than cut short.
rind_tab_django() { RIND_CONTAINER=$django_container RIND_COMPLETION_TIMEOUT=60 "$rind" --complete ./manage.py mig | grep -qx migrate; }
docker_tab_django() {
  docker exec -e DJANGO_AUTO_COMPLETE=1 -e 'COMP_WORDS=manage.py mig' -e COMP_CWORD=1 "$django_container" ./manage.py | grep -qx migrate
}
rind_tab_file() { RIND_CONTAINER=$django_container RIND_COMPLETION_TIMEOUT=60 "$rind" --complete cat ma | grep -qx manage.py; }
docker_tab_file() {
  # shellcheck disable=SC2016 # the container's shell expands it
  docker exec "$django_container" sh -c 'for f in "$1"*; do printf "%s\n" "$f"; done' sh ma | grep -qx manage.py
}
rind_version() { "$rind" --version; }
docker_version() { docker --version; }
empty() { :; }
true_program() { /bin/true; }

# Median and spread (25th to 75th percentile) in milliseconds of a file of nanoseconds.
stats() {
  sort -n "$work/$1" | awk '{ v[NR] = $1 / 1e6 } END {
    printf "%.2f %.2f %.2f\n", v[int((NR + 1) / 2)], v[int(NR / 4) + 1], v[int(3 * NR / 4) + 1] }'
}

# From its folder rind must reach the dev container, as its user, and not the labelled container.
dev_user=$(RIND_CONTAINER='' in_devcontainer_folder "$rind" id -un 2>&1 </dev/null) || true
[[ $dev_user == vscode ]] ||
  { echo "bench: from the dev container's folder, rind id -un printed '$dev_user', not its remoteUser vscode" >&2; exit 1; }

# What starting any program costs here (fork and exec of /bin/true), for scale.
measure true_program empty
read -r floor _ _ < <(stats true_program)

measure rind_true docker_true
measure rind_kube_true kubectl_true
measure rind_spdy_true kubectl_spdy_true
measure rind_devcontainer_true devcontainer_exec_true
measure rind_tab_django docker_tab_django
measure rind_tab_file docker_tab_file
measure rind_version docker_version

dd if=/dev/urandom of="$work/input" bs=1M count="$megabytes" status=none
# The output goes straight into cmp, which checks it against the input: no disk in between, whose
# writing back of an earlier run's output would land in a later run's time.
throughput() {
  local command=$1 start elapsed
  start=$(now_ns)
  # shellcheck disable=SC2094 # both only read the input
  bash -c "$command" < "$work/input" | cmp -s - "$work/input" || { echo "bench: $command changed the bytes" >&2; exit 1; }
  elapsed=$(( $(now_ns) - start ))
  echo "$elapsed"
}
# Nine alternating runs each; the median counts.
for _ in 1 2 3 4 5 6 7 8 9; do
  throughput "'$rind' cat" >> "$work/rind_stream"
  throughput "docker exec -i '$container' cat" >> "$work/docker_stream"
done
median_ns() { sort -n "$work/$1" | sed -n 5p; }
rind_stream_ns=$(median_ns rind_stream)
docker_stream_ns=$(median_ns docker_stream)

peak_kb=$( { /usr/bin/time -f %M "$rind" cat < "$work/input" > /dev/null; } 2>&1 | tail -1)
binary_bytes=$(stat -c %s "$rind")

read -r rind_true_median rind_true_low rind_true_high < <(stats rind_true)
read -r docker_true_median docker_true_low docker_true_high < <(stats docker_true)
read -r rind_kube_true_median rind_kube_true_low rind_kube_true_high < <(stats rind_kube_true)
read -r kubectl_true_median kubectl_true_low kubectl_true_high < <(stats kubectl_true)
read -r rind_spdy_true_median rind_spdy_true_low rind_spdy_true_high < <(stats rind_spdy_true)
read -r kubectl_spdy_true_median kubectl_spdy_true_low kubectl_spdy_true_high < <(stats kubectl_spdy_true)
read -r rind_devcontainer_true_median rind_devcontainer_true_low rind_devcontainer_true_high < <(stats rind_devcontainer_true)
read -r devcontainer_exec_true_median devcontainer_exec_true_low devcontainer_exec_true_high < <(stats devcontainer_exec_true)
read -r rind_tab_django_median rind_tab_django_low rind_tab_django_high < <(stats rind_tab_django)
read -r docker_tab_django_median docker_tab_django_low docker_tab_django_high < <(stats docker_tab_django)
read -r rind_tab_file_median _ _ < <(stats rind_tab_file)
read -r docker_tab_file_median _ _ < <(stats docker_tab_file)
read -r rind_version_median _ _ < <(stats rind_version)
read -r docker_version_median _ _ < <(stats docker_version)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
mbps() { awk -v n="$1" -v mb="$megabytes" 'BEGIN { printf "%.0f", mb / (n / 1e9) }'; }
# Sets verdict for the awk condition $1; in this shell, not a subshell, so that missed stays set.
judge() {
  if $quick; then
    verdict="(not judged)"
  elif awk "BEGIN { exit !($1) }"; then
    verdict=met
  else
    verdict=MISSED
    missed=true
  fi
}
missed=false

rt=$rind_true_median; dt=$docker_true_median
rk=$rind_kube_true_median; kt=$kubectl_true_median
rp=$rind_spdy_true_median; kp=$kubectl_spdy_true_median
rd=$rind_devcontainer_true_median; de=$devcontainer_exec_true_median
rv=$rind_version_median; dv=$docker_version_median
rtd=$rind_tab_django_median; dtd=$docker_tab_django_median
rtf=$rind_tab_file_median; dtf=$docker_tab_file_median
rs=$(mbps "$rind_stream_ns"); ds=$(mbps "$docker_stream_ns")
peak_mb=$(awk -v k="$peak_kb" 'BEGIN { printf "%.1f", k / 1024 }')
size_mb=$(awk -v b="$binary_bytes" 'BEGIN { printf "%.1f", b / 1048576 }')

# The table: the cells of each row in turn, six a row, printed by print_table.
columns=6
cells=()
row() { cells+=("$@"); }

# Sets w to the number of columns string $1 takes: its UTF-8 characters (the bytes that
# do not continue one), each one column wide here, ≤ and ≥ too.
width_of() {
  local continuation=${1//[^$'\x80'-$'\xbf']/}
  w=$((${#1} - ${#continuation}))
}

# Prints the rows as a Markdown table, each column as wide as its widest cell, the
# numbers (rind, docker, ratio) aligned right.
print_table() {
  local -a widths=()
  local i c w pad line separator
  for ((i = 0; i < ${#cells[@]}; i++)); do
    width_of "${cells[i]}"
    c=$((i % columns))
    ((w <= ${widths[c]:-0})) || widths[c]=$w
  done
  for ((i = 0; i < ${#cells[@]}; i += columns)); do
    line="|" separator="|"
    for ((c = 0; c < columns; c++)); do
      width_of "${cells[i + c]}"
      printf -v pad '%*s' $((widths[c] - w)) ''
      if ((c >= 1 && c <= 3)); then
        line+=" $pad${cells[i + c]} |"
        printf -v pad '%*s' $((widths[c] + 1)) ''
        separator+="${pad// /-}:|"
      else
        line+=" ${cells[i + c]}$pad |"
        printf -v pad '%*s' $((widths[c] + 2)) ''
        separator+="${pad// /-}|"
      fi
    done
    echo "$line"
    ((i > 0)) || echo "$separator"
  done
}

row measure rind "docker / kubectl / devcontainer" ratio budget verdict
judge "$rt <= $dt"
row "run \`true\`: median" "$rt ms" "$dt ms" "$(ratio "$rt" "$dt")" "ratio ≤ 1.0" "$verdict"
row "run \`true\`: 25th-75th percentile" "$rind_true_low-$rind_true_high ms" "$docker_true_low-$docker_true_high ms" "" "" ""
judge "$rk <= $kt"
row "--kube: run \`true\`: median" "$rk ms" "$kt ms" "$(ratio "$rk" "$kt")" "ratio ≤ 1.0" "$verdict"
row "--kube: run \`true\`: 25th-75th percentile" "$rind_kube_true_low-$rind_kube_true_high ms" "$kubectl_true_low-$kubectl_true_high ms" "" "" ""
judge "$rp <= $kp"
row "--kube over SPDY (WebSocket refused): median" "$rp ms" "$kp ms" "$(ratio "$rp" "$kp")" "ratio ≤ 1.0" "$verdict"
row "--kube over SPDY: 25th-75th percentile" "$rind_spdy_true_low-$rind_spdy_true_high ms" "$kubectl_spdy_true_low-$kubectl_spdy_true_high ms" "" "" ""
judge "$rd * 10 <= $de"
row "in a dev container: run \`true\`: median" "$rd ms" "$de ms" "$(ratio "$rd" "$de")" "ratio ≤ 0.1" "$verdict"
row "in a dev container: run \`true\`: 25th-75th percentile" "$rind_devcontainer_true_low-$rind_devcontainer_true_high ms" "$devcontainer_exec_true_low-$devcontainer_exec_true_high ms" "" "" ""
# Python starting Django is nearly all of either's time, so only the deadline is a budget here.
judge "$rtd < 1000"
row "Tab: Django's \`./manage.py mig\`: median" "$rtd ms" "$dtd ms" "$(ratio "$rtd" "$dtd")" "< 1 s" "$verdict"
row "Tab: Django's: 25th-75th percentile" "$rind_tab_django_low-$rind_tab_django_high ms" "$docker_tab_django_low-$docker_tab_django_high ms" "" "" ""
judge "$rtf <= $dtf && $rtf < 1000"
row "Tab: a file name (\`cat ma\`): median" "$rtf ms" "$dtf ms" "$(ratio "$rtf" "$dtf")" "ratio ≤ 1.0, < 1 s" "$verdict"
judge "$rv < 5"
row "start-up (--version): median" "$rv ms" "$dv ms" "$(ratio "$rv" "$dv")" "rind < 5 ms" "$verdict"
judge "$rs >= $ds"
row "${megabytes} MB through cat" "$rs MB/s" "$ds MB/s" "$(ratio "$rs" "$ds")" "ratio ≥ 1.0" "$verdict"
judge "$peak_mb < 20"
row "peak memory while streaming" "$peak_mb MB" "" "" "< 20 MB" "$verdict"
judge "$size_mb < 10"
row "size of the binary" "$size_mb MB" "" "" "< 10 MB" "$verdict"

# The engine and the CLI are separate programs with versions of their own.
engine=$(docker version --format '{{.Server.Version}} ({{range $i, $c := .Server.Components}}{{if eq $i 0}}{{$c.Name}}, {{end}}{{end}}API {{.Server.APIVersion}})' 2>/dev/null) ||
  engine="of unknown version"
echo
! $quick || echo "$smoke_note"
echo "rind $("$rind" --version | cut -d' ' -f2-) against docker exec, with --kube against kubectl exec, and in a dev container against devcontainer exec; $runs runs each, alternating"
echo "engine: $engine at ${DOCKER_HOST:-the default address}; CLI: docker $(docker version --format '{{.Client.Version}}' 2>/dev/null)"
echo "cluster: the integration tests' fake API server on 127.0.0.1 (HTTPS, bearer token), its pod a container of that engine, once with WebSocket exec and once refusing it as OpenShift does; kubectl $(kubectl version --client 2>/dev/null | sed -n 's/^Client Version: //p')"
echo "Tab: rind --complete in a labelled container of the rind-test/django image (Debian's python3 and Django), against docker exec asking Django (DJANGO_AUTO_COMPLETE) or sh the same"
echo "dev container: brought up by devcontainer $(devcontainer --version 2>/dev/null) from the rind-test/devcontainer image (remoteUser, remoteEnv, bash login shell)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo
print_table
echo
echo "(starting /bin/true takes $floor ms here; the bytes of both streams were checked unchanged)"

if $strict && $missed; then
  exit 1
fi
