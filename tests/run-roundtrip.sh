#!/bin/sh
# Import and export round-trip (SPEC 7, 9): for the test catalogue and the
# sample season, import the document, export it, import the export into a
# fresh database and export again: the two exports must be the same bytes,
# and the export must hold exactly what the original document says (the
# same JSON values, keys in any order). Importing the export again, with
# and without --replace, and from stdin, must not change it either.
#
# Usage: sh tests/run-roundtrip.sh build/encore
set -u

encore=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
passed=0
failed=0
trap 'rm -rf "$tmp"' EXIT

check() {
    if [ "$2" = ok ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $1: $2"
    fi
}

# Prints "ok" when two files are the same bytes, else the first lines that
# differ.
same() {
    if cmp -s "$1" "$2"; then
        echo ok
    else
        diff "$1" "$2" | head -6
    fi
}

# Prints "ok" when two JSON documents hold the same values (key order
# aside), else the path of the first difference.
same_json() {
    python3 - "$1" "$2" <<'PY'
import json, sys

def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return path
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}.{key}"
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path} (length {len(a)} != {len(b)})"
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else path

try:
    with open(sys.argv[1], encoding="utf-8") as f:
        a = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        b = json.load(f)
except ValueError as e:
    print(f"not JSON: {e}")
    sys.exit(0)
found = first_difference(a, b)
print("ok" if found is None else f"differs at {found}")
PY
}

# Exports database $1 into file $2; prints "ok" or why not.
export_to() {
    if "$encore" --db "$1" export >"$2" 2>"$tmp/err"; then
        echo ok
    else
        echo "export failed: $(cat "$tmp/err")"
    fi
}

# Imports into database $1 with the remaining arguments; "ok" or why not.
import_from() {
    db=$1
    shift
    if "$encore" --db "$db" import "$@" 2>"$tmp/err" >/dev/null; then
        echo ok
    else
        echo "import failed: $(cat "$tmp/err")"
    fi
}

roundtrip() {
    name=$1
    doc=$2
    dir=$tmp/$name
    mkdir -p "$dir"
    db=$dir/first.db
    check "$name-import" "$(import_from "$db" "$doc")"
    check "$name-export" "$(export_to "$db" "$dir/export.json")"
    check "$name-same-as-original" "$(same_json "$doc" "$dir/export.json")"

    db=$dir/second.db
    check "$name-import-export" "$(import_from "$db" "$dir/export.json")"
    export_to "$db" "$dir/again.json" >/dev/null
    check "$name-export-is-stable" "$(same "$dir/export.json" "$dir/again.json")"

    db=$dir/first.db
    check "$name-merge-itself" "$(import_from "$db" "$dir/export.json")"
    export_to "$db" "$dir/merged.json" >/dev/null
    check "$name-merge-changes-nothing" \
        "$(same "$dir/export.json" "$dir/merged.json")"
    check "$name-replace" "$(import_from "$db" --replace "$dir/export.json")"
    export_to "$db" "$dir/replaced.json" >/dev/null
    check "$name-replace-changes-nothing" \
        "$(same "$dir/export.json" "$dir/replaced.json")"

    db=$dir/stdin.db
    check "$name-import-stdin" "$(import_from "$db" - <"$doc")"
    export_to "$db" "$dir/stdin.json" >/dev/null
    check "$name-stdin-same" "$(same "$dir/export.json" "$dir/stdin.json")"
}

roundtrip catalogue "$root/tests/cases/catalogue.json"
sample=$root/data/sample-season.json
if [ -f "$sample" ]; then
    roundtrip sample "$sample"
else
    echo "SKIP sample: $sample does not exist yet (data/ builds it)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
