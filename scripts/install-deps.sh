#!/bin/sh
# Installs the Debian packages Encore needs to build, test and run the demo,
# only those missing, without asking (make demo / make test call this).
set -eu

PACKAGES="gcc make cmake pkg-config python3 curl tzdata clang-format
libjansson-dev libmicrohttpd-dev libsqlite3-dev libcmocka-dev sqlite3
libsodium-dev"

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
