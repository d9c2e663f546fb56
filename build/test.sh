#!/usr/bin/env bash
# Runs all of rind's tests: unit tests, then the integration tests, which run
# the published native binary against a Docker engine.
#
#   build/test.sh [dotnet test arguments]     e.g. --filter "FullyQualifiedName~Exit"
#
# Ends with one line "tests: N passed, N failed[, N skipped]"; exits non-zero
# when a test or a step failed. Test results: artifacts/test-results/*.trx.
# The Docker engine: see build/lib/engine.sh (RIND_ENGINE_KEEP=1 keeps one
# started here running for the next run).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
results=artifacts/test-results

# shellcheck source=build/lib/engine.sh
source build/lib/engine.sh

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
# EXIT trap then stops the engine. This script goes, and so does the engine.
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
trap rind_engine_down EXIT
trap 'interrupted 130' INT
trap 'interrupted 143' TERM

failed_steps=()

if ! bash build/prerequisites.sh; then
  echo "step failed: prerequisites"
  echo "tests: 0 passed, 0 failed"
  exit 1
fi

rm -rf "$results"
mkdir -p "$results"

# Runs one test project; a non-zero exit is a failed step only when no test
# failed (a build error, a crash), as failed tests are counted from the .trx.
run_tests() {
  local name=$1 project=$2
  shift 2
  echo "== $name tests"
  local status=0
  run_step dotnet test "$project" -c Release --results-directory "$results" \
    --logger "trx;LogFileName=$name.trx" "$@" || status=$?
  if ((status != 0)) && ! grep -qE '<Counters [^>]*failed="[1-9]' "$results/$name.trx" 2>/dev/null; then
    failed_steps+=("$name tests (exit $status)")
  fi
}

run_tests unit tests/Rind.Tests/Rind.Tests.csproj "$@"

echo "== publish"
if run_step bash build/publish.sh && [[ -x artifacts/rind ]]; then
  echo "== engine"
  if rind_engine_up && rind_test_images; then
    # Leftovers of an interrupted run would confuse the tests; only the tests'
    # own containers carry this label.
    mapfile -t leftovers < <(docker ps -aq --filter label=rind.test)
    if ((${#leftovers[@]} > 0)); then
      echo "removing ${#leftovers[@]} leftover test container(s)"
      docker rm -f "${leftovers[@]}" >/dev/null
    fi
    export RIND_BINARY=$root/artifacts/rind
    run_tests integration \
      tests/Rind.IntegrationTests/Rind.IntegrationTests.csproj "$@"
  else
    failed_steps+=("docker engine or test images")
  fi
else
  failed_steps+=("publish")
fi

# Stop the engine now, so that the summary below is the last line.
rind_engine_down

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

for step in "${failed_steps[@]}"; do
  echo "step failed: $step"
done
summary="tests: $passed passed, $failed failed"
((skipped == 0)) || summary+=", $skipped skipped"
echo "$summary"
((failed == 0 && ${#failed_steps[@]} == 0))
