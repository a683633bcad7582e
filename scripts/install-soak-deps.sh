#!/bin/sh
# Installs what the hardening tests of issue 5 need beyond the build
# (scripts/install-deps.sh), only what is missing, without asking: clang
# with libFuzzer (libclang-rt-14-dev) for tests/fuzz, and wrk for
# tests/load.py. make test and make soak call it.
set -eu

PACKAGES="clang libclang-rt-14-dev wrk"

. "$(dirname "$0")/apt.sh"
# shellcheck disable=SC2086
apt_install encore $PACKAGES
