#!/bin/sh
# The long runs of issue 5 (make soak), whose figures go into
# docs/SECURITY.md: the fuzzers for 10,000,000 executions (request,
# engine) and 1,000,000 (import), a hundred SIGKILLs, the race, 60 s of
# load on the release build (memory) and on the ASan build (leaks), and
# the access checks with the 30 s idle timeout. Each step's output goes
# to the terminal and to $SOAK_DIR/STEP.log; the figures end the run.
#
# Usage: sh tests/run-soak.sh RELEASE_ENCORE ASAN_ENCORE [SOAK_DIR]
# Exit status 1 when a step failed.
set -u

release=$1
asan=$2
dir=${3:-build/soak}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
status=0
start=$(date +%s)

# Runs step $1 (the rest: its command), its output shown and kept.
step() {
    name=$1
    shift
    echo "soak: $name: $*"
    { "$@" 2>&1 || echo "soak: $name FAILED (exit $?)"; } | tee "$dir/$name.log"
    grep -q -E "^soak: $name FAILED|^FAIL" "$dir/$name.log" && status=1
    return 0
}

cd "$root"
step fuzz sh tests/fuzz/run.sh long
step crash python3 tests/crash.py --rounds 100 "$asan"
step race python3 tests/race.py "$asan"
step load-release python3 tests/load.py --seconds 60 "$release"
step load-asan python3 tests/load.py --seconds 60 "$asan"
step access python3 tests/access.py --slow "$asan"

echo
echo "soak: $(( ($(date +%s) - start) / 60 )) min at commit" \
    "$(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ)"
cat build/fuzz/results.txt 2>/dev/null
grep -h -E "^(crash|race|load|access): " "$dir"/*.log | grep -v "^crash: round"
[ "$status" -eq 0 ] && echo "soak: every step passed" ||
    echo "soak: a step FAILED (see $dir)"
exit "$status"
