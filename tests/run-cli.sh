#!/bin/sh
# SPEC 9, bad usage of the command line: every line `encore` writes to
# stderr starts with "encore: " (getopt's own messages included, which
# would start with the program's path), and the exit status is 2.
#
# Usage: sh tests/run-cli.sh build/encore
set -u

encore=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# Runs encore with the arguments; checks exit 2, a first line saying want,
# and "encore: " before every line.
bad_usage() {
    want=$1
    shift
    "$encore" --db "$tmp/db" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    if [ "$rc" -ne 2 ]; then
        echo "FAIL SPEC9 '$*': exit $rc, want 2"
        failed=$((failed + 1))
    elif grep -qv '^encore: ' "$tmp/err" || [ ! -s "$tmp/err" ]; then
        echo "FAIL SPEC9 '$*': a line without 'encore: ':"
        head -3 "$tmp/err"
        failed=$((failed + 1))
    elif [ "$(head -n 1 "$tmp/err")" != "encore: $want" ]; then
        echo "FAIL SPEC9 '$*': $(head -n 1 "$tmp/err"), want encore: $want"
        failed=$((failed + 1))
    else
        passed=$((passed + 1))
    fi
}

# Global options: `--db` is the last argument, so it lacks its value.
"$encore" --db >"$tmp/out" 2>"$tmp/err"
if [ "$?" -eq 2 ] && [ "$(cat "$tmp/err")" = "encore: option '--db' requires an argument
encore: usage: encore [--db PATH] COMMAND [ARGS] (encore --help lists the commands)" ]; then
    passed=$((passed + 1))
else
    echo "FAIL SPEC9 '--db': $(cat "$tmp/err")"
    failed=$((failed + 1))
fi
bad_usage "unknown option '-x'" -x
bad_usage "unknown option '--nope'" --nope
bad_usage "option '--help' takes no argument" --help=2
bad_usage "usage: encore [--db PATH] COMMAND [ARGS] (encore --help lists the commands)"
bad_usage "unknown command 'frobnicate' (encore --help lists them)" frobnicate
# A command's options.
bad_usage "unknown option '--foo'" import --foo x.json
bad_usage "option '--replace' takes no argument" import --replace=3 x.json
bad_usage "usage: encore [--db PATH] import [--replace] FILE|-" import
bad_usage "option '--now' requires an argument" check --now
bad_usage "unknown option '-q'" serve -q
bad_usage "unknown option '--listen'" export --listen x

# `encore import` prints the generation it committed, read inside its own
# write transaction: eight imports at once print eight distinct ones.
doc=$(cd "$(dirname "$0")/.." && pwd)/data/sample-season.json
"$encore" --db "$tmp/gen.db" import "$doc" 2>/dev/null
for i in 1 2 3 4 5 6 7 8; do
    "$encore" --db "$tmp/gen.db" import "$doc" 2>"$tmp/gen.$i" &
done
wait
gens=$(sed -n 's/^encore: imported .*; generation \([0-9]*\)$/\1/p' \
    "$tmp"/gen.? | sort -n | tr '\n' ' ')
if [ "$gens" = "2 3 4 5 6 7 8 9 " ]; then
    passed=$((passed + 1))
else
    echo "FAIL SPEC9 concurrent imports printed generations: $gens"
    failed=$((failed + 1))
fi

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
