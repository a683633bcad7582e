#!/bin/sh
# The back-office and the ticketshop in headless Chromium (Debian's
# /usr/bin/chromium driven by playwright-core), then the OpenAPI
# conformance test: every endpoint of web/openapi.json called for real.
#
# Each suite gets a fresh database holding the sample season moved to the
# coming weeks (scripts/shift-season.py) and its own `encore serve` on
# 127.0.0.1 with a free port and known admin and shop tokens; the server
# is stopped by its pid. Ends with one line "N passed, N failed".
#
# usage: sh tests/run-browser.sh ENCORE
# ENCORE_SUITES="browser" or "openapi" runs only that suite.
# ENCORE_SCREENSHOTS=DIR also takes the README's screenshots into DIR, on
# a server of their own (ENCORE_SCREENSHOTS=docs/img refreshes them).
set -u

if [ $# -ne 1 ]; then
    echo "usage: sh tests/run-browser.sh ENCORE" >&2
    exit 2
fi
encore=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/encore-browser.XXXXXX")
server_pid=""
passed=0
failed=0

stop_server() {
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
        server_pid=""
    fi
}
cleanup() {
    stop_server
    if [ "$failed" -gt 0 ]; then
        echo "run-browser: logs and screenshots of the failures kept in $tmp"
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM

for need in node /usr/bin/chromium "$root/tests/browser/node_modules/playwright-core" \
    "$root/web/node_modules/esbuild"; do
    if ! command -v "$need" >/dev/null 2>&1 && [ ! -e "$need" ]; then
        echo "run-browser: $need is missing (sh scripts/install-browser-deps.sh)"
        echo "0 passed, 1 failed"
        exit 1
    fi
done

export ENCORE_ADMIN_TOKEN="admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
export ENCORE_SHOP_TOKEN="shop-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
python3 "$root/scripts/shift-season.py" "$root/data/sample-season.json" \
    "$tmp/season.json" 2>"$tmp/shift.log" || {
    cat "$tmp/shift.log"
    echo "0 passed, 1 failed"
    exit 1
}

# Starts encore serve on a fresh database named $1; sets ENCORE_URL.
start_server() {
    db="$tmp/$1.db"
    log="$tmp/$1.log"
    if ! "$encore" --db "$db" import "$tmp/season.json" >"$tmp/$1.import" 2>&1; then
        cat "$tmp/$1.import"
        return 1
    fi
    : >"$log"
    "$encore" --db "$db" serve --listen 127.0.0.1:0 --web "$root/web" 2>"$log" &
    server_pid=$!
    tries=0
    while ! grep -q '^encore: serving http://' "$log"; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ] || ! kill -0 "$server_pid" 2>/dev/null; then
            echo "run-browser: encore serve did not start:"
            cat "$log"
            server_pid=""
            return 1
        fi
        sleep 0.1
    done
    ENCORE_URL=$(sed -n 's/^encore: serving \(http:[^ ]*\)$/\1/p' "$log" | head -1)
    export ENCORE_URL
}

# Runs one node suite against a server of its own and adds its counts
# (its last line is "NAME: N passed, N failed").
run_suite() {
    name=$1
    script=$2
    if ! start_server "$name"; then
        failed=$((failed + 1))
        return
    fi
    ENCORE_SEASON="$tmp/season.json" ENCORE_TMP="$tmp" \
        node "$root/tests/browser/$script" | tee "$tmp/$name.out"
    stop_server
    # A sanitizer report in the server's log fails the suite (make test
    # runs the ASan and UBSan build).
    if grep -Eq 'Sanitizer|runtime error:' "$log"; then
        echo "run-browser: the server reported a sanitizer error:"
        grep -E -A5 'Sanitizer|runtime error:' "$log" | head -30
        failed=$((failed + 1))
    fi
    counts=$(sed -n 's/^[a-z]*: \([0-9]* passed, [0-9]* failed\)$/\1/p' \
        "$tmp/$name.out" | tail -1)
    if [ -z "$counts" ]; then
        echo "run-browser: $script ended without its counts"
        echo "--- server log"
        tail -20 "$tmp/$name.log"
        failed=$((failed + 1))
        return
    fi
    passed=$((passed + ${counts%% passed*}))
    rest=${counts#*, }
    failed=$((failed + ${rest%% failed}))
}

# The pages are shipped built: the committed files must be what their
# sources build to (web/build.mjs --check).
if (cd "$root/web" && node build.mjs --check); then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
fi

suites=${ENCORE_SUITES:-browser openapi}
case " $suites " in *" browser "*) run_suite browser scenarios.mjs ;; esac
case " $suites " in *" openapi "*) run_suite openapi openapi.mjs ;; esac
if [ -n "${ENCORE_SCREENSHOTS:-}" ]; then
    ENCORE_SCREENSHOTS=$(mkdir -p "$ENCORE_SCREENSHOTS" && cd "$ENCORE_SCREENSHOTS" && pwd)
    export ENCORE_SCREENSHOTS
    run_suite screenshots screenshots.mjs
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
