#!/bin/sh
# Serves the sample season, moved to the coming weeks, on a fresh database.
#
# usage: sh scripts/demo.sh ENCORE DB LISTEN     (make demo calls it)
#
# ENCORE is the built program, DB the demo database (removed first), LISTEN
# the HOST:PORT to serve on. The real sample season is past, so it is
# shifted by whole weeks until its first concert is 7 to 20 days away
# (scripts/shift-season.py), imported, and three proposal requests are
# written to data/demo-requests/ from the shifted season, one per stage.
# They carry no "now": the server's clock applies. Then the server runs in
# the foreground (exec); Ctrl-C stops it.
set -eu

if [ $# -ne 3 ]; then
    echo "usage: sh scripts/demo.sh ENCORE DB LISTEN" >&2
    exit 2
fi
ENCORE=$1
DB=$2
LISTEN=$3

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SAMPLE="$ROOT/data/sample-season.json"
REQUESTS="$ROOT/data/demo-requests"

if [ ! -x "$ENCORE" ]; then
    echo "demo: $ENCORE is not built (run make)" >&2
    exit 1
fi

# A fresh database: the old one and SQLite's side files go.
mkdir -p "$(dirname "$DB")"
rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"

SHIFTED=$(mktemp "${TMPDIR:-/tmp}/encore-season.XXXXXX")
trap 'rm -f "$SHIFTED"' EXIT
trap 'rm -f "$SHIFTED"; exit 130' INT TERM
python3 "$ROOT/scripts/shift-season.py" "$SAMPLE" "$SHIFTED"
"$ENCORE" --db "$DB" import "$SHIFTED"
python3 "$ROOT/data/write-demo-requests.py" "$SHIFTED" "$REQUESTS"
rm -f "$SHIFTED"
trap - EXIT INT TERM

URL="http://$LISTEN"

# The tokens of this demo, made here so that the page addresses below can
# carry them (in the URL fragment, which browsers never send). The server
# keeps only their hashes.
ENCORE_ADMIN_TOKEN=${ENCORE_ADMIN_TOKEN:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')}
ENCORE_SHOP_TOKEN=${ENCORE_SHOP_TOKEN:-$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')}
export ENCORE_ADMIN_TOKEN ENCORE_SHOP_TOKEN
cat <<EOF

Encore serves the sample season on $URL
(David Geffen Hall, New York Philharmonic 2024-25, moved to the coming weeks)
Ticketshop:   $URL/shop/#key=$ENCORE_SHOP_TOKEN
Back-office:  $URL/admin/#token=$ENCORE_ADMIN_TOKEN
Proposals API: POST $URL/api/v1/proposals    (OpenAPI: $URL/api/v1/openapi.json)
Admin token: $ENCORE_ADMIN_TOKEN    shop token: $ENCORE_SHOP_TOKEN

Proposals at each stage of a purchase; paste a command in another terminal.

1. Product page: two 1st-category seats of the opening concert in view
   -> upsell: the concert with the season T-shirt, in place of the seats
curl -s -H 'Content-Type: application/json' --data-binary @$REQUESTS/product.json $URL/api/v1/proposals

2. Cart: the two seats are in the cart
   -> cart: parking on the day of the concert
   -> conditional: dinner for two before the concert (two 1st-category seats)
   -> favorite: another concert of the subscription season, in the sidebar
curl -s -H 'Content-Type: application/json' --data-binary @$REQUESTS/cart.json $URL/api/v1/proposals

3. Confirmation: the order is paid (seats, parking, dinners)
   -> post_purchase: the partner museum's exhibition
curl -s -H 'Content-Type: application/json' --data-binary @$REQUESTS/confirmation.json $URL/api/v1/proposals

The requests are in $REQUESTS/. Ctrl-C stops the server.

EOF
exec "$ENCORE" --db "$DB" serve --listen "$LISTEN"
