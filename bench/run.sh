#!/bin/sh
# run.sh - the benchmark of issue 4, as `make bench` runs it: generates the
# large catalogue, times its import, runs the in-process driver, the SQL
# and json-rules-engine baselines, the HTTP path against nginx, and a live
# profile edit under load, BENCH_RUNS times each; bench/report.py then
# writes bench/RESULTS.md from the medians.
#
# usage: sh bench/run.sh [BUILD]     (BUILD holds encore, bench/inproc and
#                                     bench/sqlnaive; default build)
# BENCH_COMMIT names the commit measured when ROOT is not a git checkout.
# Servers listen on 127.0.0.1 only, are started and stopped here by pid,
# and every step is bounded by timeout(1).
set -eu

BUILD=${1:-build}
RUNS=${BENCH_RUNS:-3}
SECONDS_PER_WRK=${BENCH_WRK_SECONDS:-12}
ENCORE_PORT=${BENCH_ENCORE_PORT:-18080}
NGINX_PORT=${BENCH_NGINX_PORT:-18081}
mkdir -p "$BUILD/bench"
OUT=$(cd "$BUILD/bench" && pwd)
ENCORE=$(cd "$BUILD" && pwd)/encore
DB=$OUT/bench.db
ROOT=$(cd "$(dirname "$0")/.." && pwd)

ENCORE_PID=""
NGINX_PID=""
WRK_PID=""

say() { echo "bench: $*" >&2; }

# Writes a command once to commands.txt, for RESULTS.md: paths relative
# to the checkout, the run's number as N.
note() {
    line=$(echo "$*" | sed -e "s|$ROOT/||g" -e 's|/runs/[0-9]*/|/runs/N/|g')
    grep -qxF "$line" "$OUT/commands.txt" 2>/dev/null ||
        echo "$line" >>"$OUT/commands.txt"
}

# Notes a command and runs it.
run() {
    note "$@"
    "$@"
}

# Stops what this script started, by pid.
stop_all() {
    for pid in $WRK_PID $ENCORE_PID $NGINX_PID; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in $WRK_PID $ENCORE_PID $NGINX_PID; do
        wait "$pid" 2>/dev/null || true
    done
    WRK_PID="" ENCORE_PID="" NGINX_PID=""
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# Waits (at most 120 s) until url answers.
wait_http() {
    i=0
    until curl -sf -o /dev/null "$1"; do
        i=$((i + 1))
        [ $i -le 1200 ] || { say "$1 never answered"; exit 1; }
        sleep 0.1
    done
}

port_free() {
    if curl -s -o /dev/null "http://127.0.0.1:$1/"; then
        say "port $1 is taken; set BENCH_ENCORE_PORT / BENCH_NGINX_PORT"
        exit 1
    fi
}

# The catalogue is generated again when the generator or its arguments
# (BENCH_GEN_ARGS, for a smaller smoke run) changed.
step_generate() {
    gen=$ROOT/bench/gen-catalogue.py
    args="--seed 1 ${BENCH_GEN_ARGS:-}"
    if [ ! -s "$OUT/catalogue.json" ] || [ "$gen" -nt "$OUT/catalogue.json" ] ||
        [ "$(cat "$OUT/catalogue.args" 2>/dev/null)" != "$args" ]; then
        say "generating the catalogue and the carts"
        # shellcheck disable=SC2086
        run timeout 600 python3 "$gen" "$OUT/catalogue.json" $args \
            --carts "$OUT" --edit "$OUT"
        echo "$args" >"$OUT/catalogue.args"
    else
        note python3 "$gen" "$OUT/catalogue.json" $args --carts "$OUT" \
            --edit "$OUT"
    fi
}

# Import into a fresh database, under /usr/bin/time -v (wall, peak RSS).
step_import() {
    r=$1
    load_note "$r" import
    say "run $r: import"
    rm -f "$OUT/import.db" "$OUT/import.db-wal" "$OUT/import.db-shm"
    run timeout 600 /usr/bin/time -v -o "$OUT/runs/$r/import.txt" \
        "$ENCORE" --db "$OUT/import.db" import "$OUT/catalogue.json" \
        >/dev/null
    if [ "$r" = 1 ]; then
        rm -f "$DB" "$DB-wal" "$DB-shm"
        mv "$OUT/import.db" "$DB"
    fi
}

# Notes the machine's 1-minute load average as a step of run r begins:
# other work on the machine shows in the figures.
load_note() {
    echo "$2 $(cut -d' ' -f1 /proc/loadavg)" >>"$OUT/runs/$1/load.txt"
}

step_inproc() {
    load_note "$1" inproc
    say "run $1: in-process engine, SQL and json-rules-engine baselines"
    run timeout 600 "$OUT/inproc" "$DB" "$OUT" >"$OUT/runs/$1/inproc.txt"
    run timeout 600 "$OUT/sqlnaive" "$DB" "$OUT/naive.db" "$OUT" 1000 \
        >"$OUT/runs/$1/sqlnaive.txt"
    run timeout 600 node "$ROOT/bench/node/rules.js" "$OUT/catalogue.json" \
        "$OUT" 100 >"$OUT/runs/$1/rules.txt"
}

start_servers() {
    port_free "$ENCORE_PORT"
    port_free "$NGINX_PORT"
    # The admin token the edit step writes with: this run's own.
    ENCORE_ADMIN_TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    export ENCORE_ADMIN_TOKEN
    note "$ENCORE" --db "$DB" serve --listen "127.0.0.1:$ENCORE_PORT"
    "$ENCORE" --db "$DB" serve --listen "127.0.0.1:$ENCORE_PORT" 2>/dev/null &
    ENCORE_PID=$!
    wait_http "http://127.0.0.1:$ENCORE_PORT/healthz"
    mkdir -p "$OUT/nginx/root" "$OUT/nginx/tmp"
    run python3 "$ROOT/bench/http/client.py" answer "$ENCORE_PORT" \
        "$OUT/cart-5.json" "$OUT/nginx/root/answer.json" \
        >"$OUT/answer.txt"
    sed -e "s|@PORT@|$NGINX_PORT|" -e "s|@DIR@|$(cd "$OUT/nginx" && pwd)|" \
        "$ROOT/bench/http/nginx.conf.in" >"$OUT/nginx/nginx.conf"
    note nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -e stderr
    nginx -p "$OUT/nginx" -c "$OUT/nginx/nginx.conf" -e stderr \
        2>"$OUT/nginx/stderr.log" &
    NGINX_PID=$!
    wait_http "http://127.0.0.1:$NGINX_PORT/answer.json"
}

# wrk against one server: name, connections, run.
wrk_one() {
    dest=$OUT/runs/$3/wrk-$1-$2.txt
    if [ "$1" = encore ]; then
        run timeout $((SECONDS_PER_WRK + 30)) wrk -t2 -c"$2" \
            -d"${SECONDS_PER_WRK}s" --latency -s "$ROOT/bench/http/post.lua" \
            "http://127.0.0.1:$ENCORE_PORT/api/v1/proposals" \
            -- "$OUT/cart-5.json" >"$dest"
    else
        run timeout $((SECONDS_PER_WRK + 30)) wrk -t2 -c"$2" \
            -d"${SECONDS_PER_WRK}s" --latency \
            "http://127.0.0.1:$NGINX_PORT/answer.json" >"$dest"
    fi
}

step_http() {
    load_note "$1" http
    say "run $1: HTTP, encore and nginx"
    for c in 64 256; do
        wrk_one encore "$c" "$1"
        wrk_one nginx "$c" "$1"
    done
}

# The product an answer shows once edit doc a or b is served.
edit_expect() {
    python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$OUT/edit-poll.json" "$1"
}

# A profile edited while wrk runs (issue 4 item 5): each run imports the
# changed profile (b) with `encore import` from another process, then
# writes the original (a) back through the admin API, as the back-office
# does.
step_edit() {
    r=$1
    doc=edit-b
    expect=$(edit_expect b)
    load_note "$r" edit
    say "run $r: live edit ($doc) under wrk"
    note wrk -t2 -c64 -d150s --latency -s "$ROOT/bench/http/post.lua" \
        "http://127.0.0.1:$ENCORE_PORT/api/v1/proposals" -- "$OUT/cart-5.json"
    timeout 200 wrk -t2 -c64 -d150s --latency \
        -s "$ROOT/bench/http/post.lua" \
        "http://127.0.0.1:$ENCORE_PORT/api/v1/proposals" \
        -- "$OUT/cart-5.json" >"$OUT/runs/$r/wrk-edit.txt" &
    WRK_PID=$!
    sleep 2
    run timeout 180 python3 "$ROOT/bench/http/client.py" edit \
        "$ENCORE_PORT" "$ENCORE" "$DB" "$OUT/$doc.json" \
        "$OUT/edit-poll.json" "$expect" >"$OUT/runs/$r/edit.txt"
    sleep 1
    run timeout 180 python3 "$ROOT/bench/http/client.py" admin-edit \
        "$ENCORE_PORT" ENCORE_ADMIN_TOKEN "$OUT/edit-a.json" \
        "$OUT/edit-poll.json" "$(edit_expect a)" >>"$OUT/runs/$r/edit.txt"
    sleep 1
    kill -INT "$WRK_PID"
    wait "$WRK_PID" || true
    WRK_PID=""
}

step_machine() {
    {
        echo "date $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "nproc $(nproc)"
        echo "cpu $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
        echo "memory $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' \
            /proc/meminfo)"
        echo "kernel $(uname -sr)"
        echo "os $(. /etc/os-release && echo "$PRETTY_NAME")"
        commit=${BENCH_COMMIT:-$(git -C "$ROOT" rev-parse --short HEAD \
            2>/dev/null || echo '?')}
        echo "encore $("$ENCORE" --version), commit $commit"
        echo "gcc $(gcc -dumpfullversion)"
        echo "sqlite $(pkg-config --modversion sqlite3)"
        echo "jansson $(pkg-config --modversion jansson)"
        echo "libmicrohttpd $(pkg-config --modversion libmicrohttpd)"
        echo "nginx $(nginx -v 2>&1 | sed 's|.*/||')"
        echo "wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
        echo "node $(node --version)"
        echo "json-rules-engine $(node -p \
            "require('$ROOT/bench/node/node_modules/json-rules-engine/package.json').version")"
        echo "python $(python3 -c 'import platform; print(platform.python_version())')"
    } >"$OUT/machine.txt"
}

main() {
    mkdir -p "$OUT"
    rm -rf "$OUT/runs" "$OUT/commands.txt" "$OUT/naive.db"
    for r in $(seq 1 "$RUNS"); do mkdir -p "$OUT/runs/$r"; done
    step_machine
    step_generate
    for r in $(seq 1 "$RUNS"); do step_import "$r"; done
    rm -f "$OUT/import.db" "$OUT/import.db-wal" "$OUT/import.db-shm"
    for r in $(seq 1 "$RUNS"); do step_inproc "$r"; done
    start_servers
    for r in $(seq 1 "$RUNS"); do step_http "$r"; done
    for r in $(seq 1 "$RUNS"); do step_edit "$r"; done
    stop_all
    python3 "$ROOT/bench/report.py" "$OUT" "$RUNS" "$ROOT/bench/RESULTS.md"
    say "wrote bench/RESULTS.md"
}

main
