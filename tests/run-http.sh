#!/bin/sh
# The live server beyond single requests: a database with no catalogue
# yet, snapshots swapped in while serving after imports by another
# process (DESIGN.md "Snapshots"), requests in flight during the swaps,
# HEAD, a port already taken, and a clean stop on SIGINT that lets the
# request in flight finish.
#
# Usage: sh tests/run-http.sh build/encore
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

check() {
    if [ "$2" = "$3" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $1: got '$2', want '$3'"
    fi
}

post() {
    curl -s -o "$tmp/body" -w '%{http_code}' \
        -H 'Content-Type: application/json' --data-binary "@$1" \
        "$base_url/api/v1/proposals"
}

# Waits until /healthz reports generation $1 (the watcher polls every
# 500 ms); prints the last health seen.
wait_generation() {
    tries=0
    while :; do
        health=$(curl -s "$base_url/healthz")
        case $health in *"\"generation\":$1,"*) break ;; esac
        tries=$((tries + 1))
        [ "$tries" -gt 50 ] && break
        sleep 0.1
    done
    echo "$health"
}

: >"$tmp/server.log"
"$encore" --db "$tmp/db" serve --listen 127.0.0.1:0 2>"$tmp/server.log" &
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
base_url=$(sed -n 's/^encore: serving \(http:[^ ]*\)$/\1/p' "$tmp/server.log")
example=$cases/SPEC8-example-answer

# An empty database: served, and proposals answer not_found (SPEC 8).
check healthz-empty "$(curl -s "$base_url/healthz")" \
    '{"status":"ok","generation":0,"profiles":0}'
check empty-status "$(post "$example/request.json")" 404
"$encore" --db "$tmp/db" propose <"$example/request.json" 2>"$tmp/cli.err"
check empty-same-as-cli "$(cat "$tmp/body")" "$(cat "$tmp/cli.err")"

# An import by another process is picked up without a restart.
"$encore" --db "$tmp/db" import "$cases/catalogue.json" 2>/dev/null
check reload-after-import "$(wait_generation 1)" \
    '{"status":"ok","generation":1,"profiles":3}'
check example-status "$(post "$example/request.json")" 200
check example-body "$(cat "$tmp/body")" "$(cat "$example/expected.json")"

# A partial document (SPEC 9 merge) changes what is left of one pool.
cat >"$tmp/parking.json" <<'JSON'
{"format": "encore-catalogue/1",
 "products": [{"code": "PARKING", "kind": "service", "name": "Parking",
   "prices": [{"amount": 800}],
   "performances": [
     {"code": "PARKING-0612", "start": "2027-06-12T08:00:00+02:00", "capacity": {"*": 39}},
     {"code": "PARKING-0613", "start": "2027-06-13T08:00:00+02:00", "capacity": {"*": 25}}]}]}
JSON
"$encore" --db "$tmp/db" import "$tmp/parking.json" 2>/dev/null
check reload-after-merge "$(wait_generation 2)" \
    '{"status":"ok","generation":2,"profiles":3}'
post "$example/request.json" >/dev/null
case $(cat "$tmp/body") in
*'"PARKING-0612","start":"2027-06-12T08:00:00+02:00","available":39}'*)
    check new-snapshot-answers yes yes ;;
*) check new-snapshot-answers "$(cat "$tmp/body")" "available 39" ;;
esac

# Requests in flight while snapshots are swapped: every one answers 200
# (under ASan, a snapshot freed too early would abort the server).
for worker in 1 2 3 4; do
    (
        i=0
        while [ "$i" -lt 40 ]; do
            curl -s -o /dev/null -w '%{http_code}\n' \
                -H 'Content-Type: application/json' \
                --data-binary "@$example/request.json" \
                "$base_url/api/v1/proposals"
            i=$((i + 1))
        done
    ) >"$tmp/codes.$worker" &
    workers="${workers:-} $!"
done
for round in 1 2 3 4; do
    "$encore" --db "$tmp/db" import "$cases/catalogue.json" 2>/dev/null
    sleep 0.3
done
check swaps-reach-the-last "$(wait_generation 6)" \
    '{"status":"ok","generation":6,"profiles":3}'
# shellcheck disable=SC2086
wait $workers
check swaps-under-load "$(sort -u "$tmp"/codes.* | tr '\n' ' ')" '200 '

# HEAD answers as GET without a body.
check head-healthz "$(curl -s -I -o /dev/null -w '%{http_code}' \
    "$base_url/healthz")" 200

# A port already taken: a clear message and exit 2.
port=${base_url##*:}
"$encore" --db "$tmp/db" serve --listen "127.0.0.1:$port" \
    >/dev/null 2>"$tmp/second.log"
check port-taken-exit "$?" 2
check port-taken-message \
    "$(grep -c "^encore: cannot listen on 127.0.0.1:$port" "$tmp/second.log")" 1

# SIGINT stops the server cleanly, after the request in flight (a slow
# upload of 2 s) got its answer.
{
    head -c 200000 /dev/zero | tr '\0' ' '
    cat "$example/request.json"
} >"$tmp/slow.json"
curl -s -o "$tmp/slow.out" -w '%{http_code}' --limit-rate 100K \
    -H 'Content-Type: application/json' -H 'Expect:' \
    --data-binary "@$tmp/slow.json" "$base_url/api/v1/proposals" \
    >"$tmp/slow.code" &
slow_pid=$!
sleep 0.5
kill -INT "$server_pid"
wait "$slow_pid"
wait "$server_pid"
check sigint-exit "$?" 0
check sigint-drains "$(cat "$tmp/slow.code")" 200
server_pid=""
check sigint-sanitizers "$(grep -c Sanitizer "$tmp/server.log")" 0

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
