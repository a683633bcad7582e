#!/bin/sh
# Installs the Debian packages Encore needs to build, test and run the demo,
# only those missing, without asking (make demo / make test call this).
set -eu

PACKAGES="gcc make cmake pkg-config python3 curl tzdata clang-format
libjansson-dev libmicrohttpd-dev libsqlite3-dev libcmocka-dev sqlite3
libsodium-dev"

. "$(dirname "$0")/apt.sh"
# shellcheck disable=SC2086
apt_install encore $PACKAGES
