#!/bin/sh
# Black-box cases (SPEC 4, 5, 8): every tests/cases/NAME/ is run through
# `encore propose` and through one live `encore serve` on 127.0.0.1, and
# both outputs are compared with the expected bytes.
#
# A case holds request.json and either expected.json (exit 0, HTTP 200)
# or expected-error.json with its exit status and HTTP status in case.env.
# case.env (optional) holds key=value lines:
#   exit=2 status=422   what an error case gives (CLI, HTTP)
#   method=GET          HTTP method (default POST)
#   path=/healthz       HTTP path (default /api/v1/proposals)
#   content_type=...    Content-Type sent (default application/json)
#   allow=POST          the Allow header a 405 must carry
#   pad=N               N spaces are put before the request (size limits)
#   http_only=1         not run through the CLI (routes, media types)
#
# Also `encore check` against tests/cases/check/expected.txt, and the
# import cases of tests/cases/imports/NAME/: document.json must be
# refused with expected-error.json as the last line of stderr and exit 2,
# leaving `encore export` unchanged.
#
# Usage: sh tests/run-cases.sh build/encore
set -u

encore=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cases=$(cd "$(dirname "$0")" && pwd)/cases
tmp=$(mktemp -d)
server_pid=""
passed=0
failed=0

cleanup() {
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

pass() {
    passed=$((passed + 1))
}

fail() {
    failed=$((failed + 1))
    echo "FAIL $1: $2"
}

# Reads a case's case.env into variables; unset keys get their defaults.
load_env() {
    exit_want=0
    status_want=200
    method=POST
    path=/api/v1/proposals
    content_type=application/json
    allow=""
    pad=0
    http_only=0
    [ -f "$1/case.env" ] || return 0
    while IFS='=' read -r key value; do
        case $key in
        exit) exit_want=$value ;;
        status) status_want=$value ;;
        method) method=$value ;;
        path) path=$value ;;
        content_type) content_type=$value ;;
        allow) allow=$value ;;
        pad) pad=$value ;;
        http_only) http_only=$value ;;
        esac
    done <"$1/case.env"
}

# The request body of a case, with its padding, in $tmp/request.
make_request() {
    if [ "$pad" -gt 0 ]; then
        head -c "$pad" /dev/zero | tr '\0' ' ' >"$tmp/request"
        cat "$1/request.json" >>"$tmp/request"
    else
        cp "$1/request.json" "$tmp/request"
    fi
}

# The expected output of a case.
expected_file() {
    if [ -f "$1/expected.json" ]; then
        echo "$1/expected.json"
    else
        echo "$1/expected-error.json"
    fi
}

run_cli() {
    name=$1
    dir=$2
    "$encore" --db "$tmp/db" propose <"$tmp/request" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ "$rc" -ne "$exit_want" ]; then
        fail "$name" "cli exit $rc, want $exit_want: $(head -c 300 "$tmp/err")"
        return
    fi
    if [ "$exit_want" -eq 0 ]; then
        got=$tmp/out
        other=$tmp/err
    else
        got=$tmp/err
        other=$tmp/out
    fi
    if ! cmp -s "$got" "$(expected_file "$dir")"; then
        fail "$name" "cli output differs:"
        diff "$(expected_file "$dir")" "$got" | head -5
        return
    fi
    if [ -s "$other" ]; then
        fail "$name" "cli wrote more: $(head -c 300 "$other")"
        return
    fi
    pass
}

run_http() {
    name=$1
    dir=$2
    set -- -s -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' -X "$method"
    if [ "$method" = POST ]; then
        set -- "$@" -H "Content-Type: $content_type" \
            --data-binary "@$tmp/request"
    fi
    code=$(curl "$@" "$base_url$path")
    if [ "$code" != "$status_want" ]; then
        fail "$name" "http status $code, want $status_want"
        return
    fi
    if ! cmp -s "$tmp/body" "$(expected_file "$dir")"; then
        fail "$name" "http body differs:"
        diff "$(expected_file "$dir")" "$tmp/body" | head -5
        return
    fi
    if ! grep -qi '^content-type: application/json' "$tmp/headers"; then
        fail "$name" "http answer is not application/json"
        return
    fi
    if [ -n "$allow" ] &&
        ! grep -qi "^allow: $allow" "$tmp/headers"; then
        fail "$name" "http answer lacks Allow: $allow"
        return
    fi
    pass
}

# Starts `encore serve` on a port the system chooses; sets base_url.
start_server() {
    : >"$tmp/server.log"
    "$encore" --db "$tmp/db" serve --listen 127.0.0.1:0 \
        2>"$tmp/server.log" &
    server_pid=$!
    tries=0
    while ! grep -q '^encore: serving http://' "$tmp/server.log"; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ] || ! kill -0 "$server_pid" 2>/dev/null; then
            echo "encore serve did not start:"
            cat "$tmp/server.log"
            exit 1
        fi
        sleep 0.1
    done
    base_url=$(sed -n 's/^encore: serving \(http:[^ ]*\)$/\1/p' \
        "$tmp/server.log")
}

# SIGTERM must end the server cleanly: exit 0, sanitizers silent.
stop_server() {
    kill -TERM "$server_pid"
    wait "$server_pid"
    rc=$?
    server_pid=""
    if [ "$rc" -ne 0 ] || grep -q 'Sanitizer' "$tmp/server.log"; then
        fail "serve-stops-cleanly" "exit $rc"
        tail -20 "$tmp/server.log"
    else
        pass
    fi
    # STYLE 14: one access-log line per request, with its duration.
    lines=$(grep -c 'component=http .*status=[0-9]* bytes=[0-9]* duration_us=' \
        "$tmp/server.log")
    if [ "$lines" -ne "$http_requests" ]; then
        fail "serve-access-log" "$lines access lines for $http_requests requests"
    else
        pass
    fi
}

# An import that must be refused, leaving the database as it was.
run_import() {
    name=imports/$1
    dir=$2
    "$encore" --db "$tmp/db" export >"$tmp/before" 2>&1
    "$encore" --db "$tmp/db" import "$dir/document.json" \
        >"$tmp/out" 2>"$tmp/err"
    rc=$?
    "$encore" --db "$tmp/db" export >"$tmp/after" 2>&1
    if [ "$rc" -ne 2 ]; then
        fail "$name" "import exit $rc, want 2"
    elif ! tail -n 1 "$tmp/err" | cmp -s - "$dir/expected-error.json"; then
        fail "$name" "import error differs:"
        tail -n 1 "$tmp/err" | diff "$dir/expected-error.json" - | head -5
    elif ! head -n 1 "$tmp/err" | grep -q '^encore: '; then
        fail "$name" "no 'encore: ' message first"
    elif ! cmp -s "$tmp/before" "$tmp/after"; then
        fail "$name" "the database changed"
    else
        pass
    fi
}

# An empty database answers not_found through both entry points (SPEC 8).
run_empty() {
    echo '{"channel":"WEB","stage":"cart","cart":[]}' |
        "$encore" --db "$tmp/empty.db" propose >"$tmp/out" 2>"$tmp/err"
    rc=$?
    want='{"error":{"code":"not_found","message":"no catalogue imported yet"}}'
    if [ "$rc" -ne 2 ] || [ "$(cat "$tmp/err")" != "$want" ]; then
        fail "SPEC8-empty-database" "exit $rc: $(cat "$tmp/err")"
    else
        pass
    fi
}

# SPEC 6: `check` prints one line per finding and exits 1 on an error (the
# test catalogue's draft has one); an import prints the same on stderr.
run_check() {
    "$encore" --db "$tmp/db" check --now 2027-05-02T10:00:00+02:00 \
        >"$tmp/out" 2>/dev/null
    rc=$?
    if [ "$rc" -ne 1 ] || ! cmp -s "$tmp/out" "$cases/check/expected.txt"; then
        fail "SPEC6-check" "exit $rc: $(cat "$tmp/out")"
        return
    fi
    # The import ran on the system clock: compare with a check as of now.
    "$encore" --db "$tmp/db" check >"$tmp/out" 2>/dev/null
    if ! sed 's/^/encore: /' "$tmp/out" | cmp -s - "$tmp/import.findings"
    then
        fail "SPEC6-import-findings" "$(cat "$tmp/import.log")"
    else
        pass
    fi
}

if ! "$encore" --db "$tmp/db" import "$cases/catalogue.json" \
    2>"$tmp/import.log"; then
    echo "cannot import the test catalogue:"
    cat "$tmp/import.log"
    exit 1
fi
grep -v '^encore: imported ' "$tmp/import.log" >"$tmp/import.findings"
run_empty
run_check
start_server
http_requests=0
for dir in "$cases"/*/; do
    dir=${dir%/}
    name=$(basename "$dir")
    [ -f "$dir/request.json" ] || continue
    load_env "$dir"
    make_request "$dir"
    [ "$http_only" = 1 ] || run_cli "$name" "$dir"
    run_http "$name" "$dir"
    http_requests=$((http_requests + 1))
done
stop_server
for dir in "$cases"/imports/*/; do
    [ -f "$dir/document.json" ] || continue
    run_import "$(basename "$dir")" "${dir%/}"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
