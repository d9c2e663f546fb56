#!/usr/bin/env bash
# Builds rind as one native executable at artifacts/rind, then shows it at work:
# a container labelled app.rind, and commands run in it.
#
#   build/build.sh            build, then the demo
#   build/build.sh --no-demo  build only
#
# The demo installs only what it needs (build/prerequisites.sh --for demo),
# and leaves nothing behind: its container, the image it built and a private
# engine it started go at the end (RIND_ENGINE_KEEP=1 keeps the engine and the
# image, see build/lib/engine.sh).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

bash build/publish.sh
[[ ${1:-} == --no-demo ]] && exit 0

echo
echo "== demo"
bash build/prerequisites.sh --for demo
# shellcheck source=build/lib/engine.sh
source build/lib/engine.sh
demo=
cleanup() {
  [[ -z $demo ]] || docker rm -f "$demo" >/dev/null 2>&1 || true
  rind_engine_down
  rind_test_images_remove
}
trap cleanup EXIT
# So that the EXIT trap runs when interrupted too.
trap 'exit 130' INT
trap 'exit 143' TERM
# The demo needs no TLS listener, so no certificates are made for it.
rind_engine_up --no-tls
rind_test_images dash

# A container of your own that carries the label is left alone and used as it is.
if [[ -z $(docker ps -q --filter label=app.rind) ]]; then
  demo=rind-demo-$$
  docker run -d --network none --name "$demo" --label rind.test \
    --label 'app.rind=source /venv/bin/activate' rind-test/dash sleep infinity >/dev/null
  echo "started container $demo with the label app.rind=\"source /venv/bin/activate\""
fi

# Shows a rind command line as a shell would quote it, runs it, and its exit code.
show() {
  printf '\n$ rind %s\n' "${*@Q}"
  local status=0
  artifacts/rind "$@" || status=$?
  printf '(exit code %s)\n' "$status"
}
show --version
# shellcheck disable=SC2016 # the words must reach the command unexpanded
show printf '[%s]\n' 'a  b' '$(id)' '' '*'
# shellcheck disable=SC2016 # expanded by the shell in the container
show sh -c 'echo "virtualenv: $VIRTUAL_ENV"; exit 3'
printf '\n$ echo hello | rind cat\n'
echo hello | artifacts/rind cat
show no-such-command
