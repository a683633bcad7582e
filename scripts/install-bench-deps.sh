#!/bin/sh
# Installs what `make bench` needs beyond the build (scripts/install-deps.sh):
# wrk, nginx, GNU time, Node.js and npm, only those missing, without asking;
# then the Node baseline's packages from bench/node/package-lock.json.
set -eu

cd "$(dirname "$0")/.."

PACKAGES="wrk nginx time"
command -v node >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs"
command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES npm"

. scripts/apt.sh
# shellcheck disable=SC2086
apt_install bench $PACKAGES
# On a machine run by systemd, Debian starts its own nginx on port 80
# after the install; the bench starts its own on loopback instead, so
# the one just installed is stopped and disabled.
case "$apt_missing" in
*nginx*)
    if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
        SUDO=""
        [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        $SUDO systemctl disable --now nginx >/dev/null 2>&1 || true
    fi
    ;;
esac

# The json-rules-engine baseline, pinned by the committed lock file.
if [ ! -d bench/node/node_modules/json-rules-engine ]; then
    echo "bench: npm ci in bench/node" >&2
    (cd bench/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
