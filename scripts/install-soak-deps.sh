#!/bin/sh
# Installs what the hardening tests of issue 5 need beyond the build
# (scripts/install-deps.sh), only what is missing, without asking: clang
# with libFuzzer (libclang-rt-14-dev) for tests/fuzz, and wrk for
# tests/load.py. make test and make soak call it.
set -eu

PACKAGES="clang libclang-rt-14-dev wrk"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
        grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "encore: installing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
