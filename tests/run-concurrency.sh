#!/bin/sh
# Concurrent writers on one database lose nothing (SPEC 9: what an import
# names is created or replaced, the rest is kept).
#
# usage: sh tests/run-concurrency.sh ENCORE
#
# Two partial imports, each changing the price of a different product, run
# at the same time into the same database, ten rounds: both changes must be
# there afterwards. Before the store took its write lock ahead of reading
# what it merges into, one of the two was silently lost in every round.
set -u
ENCORE=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/encore-conc.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

python3 - "$ROOT/tests/cases/catalogue.json" "$WORK" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for code, amount in (("GALA", 12345), ("OPERA", 54321)):
    product = next(p for p in doc["products"] if p["code"] == code)
    for row in product["prices"]:
        row["amount"] = amount
    part = {"format": "encore-catalogue/1", "products": [product]}
    json.dump(part, open("%s/%s.json" % (sys.argv[2], code), "w"))
PY

"$ENCORE" --db "$WORK/base.db" import "$ROOT/tests/cases/catalogue.json" \
    2>/dev/null || { echo "concurrency: base import failed"; exit 1; }

round=1
while [ $round -le 10 ]; do
    db="$WORK/r$round.db"
    "$ENCORE" --db "$WORK/base.db" export >"$WORK/base.json" 2>/dev/null
    "$ENCORE" --db "$db" import "$WORK/base.json" 2>/dev/null
    "$ENCORE" --db "$db" import "$WORK/GALA.json" 2>/dev/null &
    a=$!
    "$ENCORE" --db "$db" import "$WORK/OPERA.json" 2>/dev/null &
    b=$!
    wait $a; ra=$?
    wait $b; rb=$?
    out=$("$ENCORE" --db "$db" export 2>/dev/null)
    if [ $ra -eq 0 ] && [ $rb -eq 0 ] &&
        echo "$out" | grep -q '"amount": 12345' &&
        echo "$out" | grep -q '"amount": 54321'; then
        passed=$((passed + 1))
    else
        echo "FAIL SPEC9-concurrent-imports-keep-both round $round" \
            "(exit $ra $rb)"
        failed=$((failed + 1))
    fi
    round=$((round + 1))
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
