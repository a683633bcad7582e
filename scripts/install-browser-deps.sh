#!/bin/sh
# Installs what the browser tests and the web build need, only what is
# missing, without asking: Debian's Chromium (and Node.js with npm), then
# the npm packages of tests/browser/ and web/ from their lock files
# (npm ci). make test calls it before tests/run-browser.sh.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)

. "$ROOT/scripts/apt.sh"
PACKAGES="chromium"
# Node.js may come from elsewhere than Debian; only ask apt when it is absent.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    PACKAGES="$PACKAGES nodejs npm"
fi
# shellcheck disable=SC2086
apt_install encore $PACKAGES

# npm ci only when node_modules was not installed from this very lock file
# (a copy of the lock is kept in node_modules once npm ci has run).
for dir in tests/browser web; do
    lock="$ROOT/$dir/package-lock.json"
    stamp="$ROOT/$dir/node_modules/.encore-installed-lock"
    if ! cmp -s "$lock" "$stamp"; then
        echo "encore: npm ci in $dir" >&2
        (cd "$ROOT/$dir" && npm ci --no-audit --no-fund --loglevel=error)
        cp "$lock" "$stamp"
    fi
done
