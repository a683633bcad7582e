#!/bin/sh
# The libFuzzer targets of tests/fuzz (issue 5), built with clang into a
# folder of their own (CMake option ENCORE_FUZZ).
#
#   sh tests/fuzz/run.sh replay  every target once over its seed corpus and
#                                its regression cases (make test)
#   sh tests/fuzz/run.sh short   replay, then FUZZ_SECONDS (20) of fuzzing
#                                per target (make test)
#   sh tests/fuzz/run.sh long [TARGET]
#                                the soak: request and engine 10,000,000
#                                executions each, import 1,000,000 (or
#                                TARGET alone), on FUZZ_JOBS (2) processes;
#                                figures into $FUZZ_BUILD/results.txt
#                                (make soak)
#
# Fuzzing never writes into the repository: new inputs go to a copy of
# the corpus in $FUZZ_BUILD/work; a crash is kept in $FUZZ_BUILD/crashes
# and fails the run. Keep it as a case of tests/fuzz/regressions/TARGET/
# once fixed. Exit status 1 when a target crashed or a case failed.
set -eu

mode=${1:-short}
only=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-$root/build/fuzz}
seconds=${FUZZ_SECONDS:-20}
jobs=${FUZZ_JOBS:-2}
here=$root/tests/fuzz
targets="import request engine"

cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang \
    -DCMAKE_BUILD_TYPE=Debug -DENCORE_FUZZ=ON >/dev/null
cmake --build "$build" -j "$jobs" --target fuzz_import fuzz_request \
    fuzz_engine >/dev/null
mkdir -p "$build/crashes" "$build/work"

# Options every run of target $1 takes. An input runs in well under a
# millisecond; the timeout is wide because this machine is shared (a
# 10 s one fired once, under load, on an input that then ran 20,000
# times in 1 s), and still catches a hang.
options() {
    dict=""
    [ -f "$here/$1.dict" ] && dict="-dict=$here/$1.dict"
    echo "-max_len=65536 -timeout=60 -rss_limit_mb=2048 $dict" \
        "-artifact_prefix=$build/crashes/$1-"
}

# Runs every seed and regression case of target $1 once.
replay() {
    dirs="$here/corpus/$1"
    [ -d "$here/regressions/$1" ] && dirs="$dirs $here/regressions/$1"
    # shellcheck disable=SC2046,SC2086
    if ! "$build/fuzz_$1" $(options "$1") -runs=0 $dirs \
        >"$build/$1-replay.log" 2>&1; then
        echo "fuzz: $1: a seed or a regression case fails:" >&2
        grep -a -E "invariant|ERROR|SUMMARY|Running:" "$build/$1-replay.log" |
            tail -5 >&2
        return 1
    fi
    n=$(find $dirs -type f | wc -l)
    echo "fuzz: $1: $n seeds and regression cases pass"
}

# A working copy of target $1's corpus, so that fuzzing adds nothing to
# the repository.
work_corpus() {
    rm -rf "$build/work/$1"
    mkdir -p "$build/work/$1"
    cp "$here/corpus/$1/"* "$build/work/$1/"
    echo "$build/work/$1"
}

# Fuzzes target $1 for $seconds seconds.
fuzz_short() {
    work=$(work_corpus "$1")
    # shellcheck disable=SC2046
    if ! "$build/fuzz_$1" $(options "$1") -max_total_time="$seconds" \
        -print_final_stats=1 "$work" >"$build/$1-short.log" 2>&1; then
        echo "fuzz: $1 crashed; input kept in $build/crashes/:" >&2
        grep -a -E "invariant|ERROR|SUMMARY" "$build/$1-short.log" |
            head -5 >&2
        return 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
        "$build/$1-short.log")
    echo "fuzz: $1: $runs executions in ${seconds} s, no finding"
}

# Fuzzes target $1 for $2 executions in all, split over $jobs processes
# sharing one corpus; appends its figures to results.txt.
fuzz_long() {
    work=$(work_corpus "$1")
    per=$(($2 / jobs))
    start=$(date +%s)
    pids=""
    j=0
    while [ "$j" -lt "$jobs" ]; do
        # shellcheck disable=SC2046
        "$build/fuzz_$1" $(options "$1") -runs="$per" -seed=$((j + 1)) \
            -print_final_stats=1 "$work" >"$build/$1-long-$j.log" 2>&1 &
        pids="$pids $!"
        j=$((j + 1))
    done
    crashed=0
    for pid in $pids; do
        wait "$pid" || crashed=1
    done
    took=$(($(date +%s) - start))
    runs=$(cat "$build/$1-long-"*.log |
        sed -n 's/^stat::number_of_executed_units: *//p' |
        awk '{ s += $1 } END { print s + 0 }')
    corpus=$(find "$work" -type f | wc -l)
    line="$1: $runs executions in $took s on $jobs processes, corpus $corpus"
    if [ "$crashed" -ne 0 ]; then
        line="$line: CRASHED (see $build/crashes/)"
        grep -a -h -E "invariant|ERROR|SUMMARY" "$build/$1-long-"*.log |
            head -5 >&2
    fi
    echo "$line" | tee -a "$build/results.txt"
    return "$crashed"
}

status=0
for t in $targets; do
    replay "$t" || status=1
done
case $mode in
replay) ;;
short)
    for t in $targets; do
        fuzz_short "$t" || status=1
    done
    ;;
long)
    : >"$build/results.txt"
    echo "commit $(git -C "$root" rev-parse --short HEAD)," \
        "$(date -u +%Y-%m-%dT%H:%MZ)" >>"$build/results.txt"
    for pair in request:10000000 engine:10000000 import:1000000; do
        t=${pair%%:*}
        if [ -z "$only" ] || [ "$only" = "$t" ]; then
            fuzz_long "$t" "${pair#*:}" || status=1
        fi
    done
    ;;
*)
    echo "usage: sh tests/fuzz/run.sh replay|short|long [TARGET]" >&2
    exit 2
    ;;
esac
exit "$status"
