#!/usr/bin/env python3
"""Races (issue 5, R7): a thousand buyers at once for the last fifty seats
and the last ten parking spaces.

The server holds tests/cases/catalogue.json, JAZZ-1-0612 with 50 seats
left in CAT1 and PARKING-0612 with 10 spaces. 1,000 buyers, every one on
a connection of its own to 127.0.0.1, released together (at most --bound
connections open at once), each order one seat (even buyers) or one
space (odd); the first 100 send their order twice at once with the same
Idempotency-Key, as a double click does. Exactly 50 seat orders and 10
parking orders are sold (201); the others get 409 naming the item; a
double click sells once (the second answer is the first one, 200, or the
same 409). Then the database, the shop, the admin API and the proposals
agree: nothing left, 50 and 10 recorded, PARKING no longer proposed.
Last, admin edits of one profile at once: none is lost, and a profile
deleted while a line is added stays deleted.

Usage: python3 tests/race.py [--buyers N] [--bound N] ENCORE
"""
import argparse
import asyncio
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liveserver import ADMIN, ROOT, SHOP, Checks, Server, integrity, run  # noqa

CATALOGUE = os.path.join(ROOT, "tests", "cases", "catalogue.json")
NOW = "2027-05-02T10:00:00+02:00"
SEATS, SPACES = 50, 10
SEAT = {"product": "JAZZ-1", "performance": "JAZZ-1-0612",
        "seat_category": "CAT1", "audience": "ADULT", "quantity": 1}
SPACE = {"product": "PARKING", "performance": "PARKING-0612", "quantity": 1}
checks = Checks()


async def order(port, key, item, start, bound):
    """One buyer: waits for the start, then orders on its own connection.
    Returns (key, item, status, answer)."""
    body = json.dumps({"channel": "WEB", "lang": "en", "now": NOW,
                       "cart": [item]}).encode()
    head = ("POST /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/json\r\nAuthorization: Bearer %s\r\n"
            "Idempotency-Key: %s\r\nContent-Length: %d\r\n"
            "Connection: close\r\n\r\n" % (SHOP, key, len(body))).encode()
    await start.wait()
    async with bound:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(head + body)
        await writer.drain()
        data = await reader.read()
        writer.close()
    head, _, text = data.partition(b"\r\n\r\n")
    status = int(head.split()[1]) if head else 0
    try:
        answer = json.loads(text)
    except ValueError:
        answer = text[:200]
    return key, item, status, answer


async def all_buyers(port, buyers, doubles, bound):
    start = asyncio.Event()
    limit = asyncio.Semaphore(bound)
    tasks = []
    for i in range(buyers):
        item = SEAT if i % 2 == 0 else SPACE
        for _ in range(2 if i < doubles else 1):
            tasks.append(asyncio.ensure_future(
                order(port, "race-%d" % i, item, start, limit)))
    await asyncio.sleep(0.2)  # every buyer is waiting
    start.set()
    return await asyncio.gather(*tasks, return_exceptions=True)


def sold_in_db(db, perf):
    con = sqlite3.connect(db, timeout=30)
    n = con.execute(
        "SELECT coalesce(sum(quantity), 0) FROM order_items JOIN orders ON"
        " orders.id = order_items.order_id WHERE status = 'paid' AND"
        " performance = ?", (perf,)).fetchone()[0]
    orders = con.execute("SELECT count(*) FROM orders").fetchone()[0]
    con.close()
    return n, orders


def check_results(results, doubles):
    errors = [r for r in results if isinstance(r, Exception)]
    checks("RACE no failed connection", not errors, errors[:3])
    results = [r for r in results if not isinstance(r, Exception)]
    sold = {"JAZZ-1": 0, "PARKING": 0}
    by_key = {}
    for key, item, status, answer in results:
        by_key.setdefault(key, []).append((status, answer))
        if status == 201:
            sold[item["product"]] += 1
    checks("R7 RACE exactly %d seats sold" % SEATS, sold["JAZZ-1"] == SEATS,
           sold)
    checks("R7 RACE exactly %d parking spaces sold" % SPACES,
           sold["PARKING"] == SPACES, sold)
    statuses = sorted({s for _, _, s, _ in results})
    checks("R7 RACE only 201, 200 (a replay) and 409", set(statuses) <=
           {200, 201, 409}, statuses)
    refused = [a for _, _, s, a in results if s == 409]
    checks("R7 RACE every 409 names the item's quantity",
           all(a["error"]["code"] == "conflict"
               and a["error"]["field"] == "cart[0].quantity"
               for a in refused), refused[:2])
    twice = [v for k, v in by_key.items() if len(v) == 2]
    checks("RACE %d double clicks" % doubles, len(twice) == doubles,
           len(twice))
    bad = []
    for answers in twice:
        codes = sorted(s for s, _ in answers)
        if codes == [200, 201]:
            if answers[0][1] != answers[1][1]:
                bad.append(("replay differs", answers))
        elif codes != [409, 409]:
            bad.append(codes)
    checks("RACE a double click sells once (201 + its replay, or 409 twice)",
           not bad, bad[:2])


def check_agree(server, db):
    """R7: the database, the shop, the admin API and proposals agree."""
    seats, orders = sold_in_db(db, "JAZZ-1-0612")
    spaces, _ = sold_in_db(db, "PARKING-0612")
    checks("R7 RACE the database records %d seats and %d spaces"
           % (SEATS, SPACES), (seats, spaces) == (SEATS, SPACES),
           (seats, spaces))
    checks("R7 RACE one order per sale", orders == SEATS + SPACES, orders)
    con = sqlite3.connect(db, timeout=30)
    left = con.execute(
        "SELECT performances.code, pools.code, \"left\" FROM pools JOIN"
        " performances ON performances.id = pools.performance_id WHERE"
        " performances.code IN ('JAZZ-1-0612', 'PARKING-0612')").fetchall()
    con.close()
    left = {(p, c): n for p, c, n in left}
    checks("R7 RACE nothing left in the database",
           left[("JAZZ-1-0612", "CAT1")] == 0
           and left[("PARKING-0612", "*")] == 0, left)
    q = "?channel=WEB&now=" + NOW.replace("+", "%2B")
    status, shop = server.json("GET", "/api/v1/shop/products/JAZZ-1" + q)
    perf = [p for p in shop["product"]["performances"]
            if p["code"] == "JAZZ-1-0612"]
    checks("R7 RACE the shop shows no seat left",
           perf and perf[0]["pools"]["CAT1"] == 0, perf)
    status, prod = server.json("GET", "/api/v1/admin/products/PARKING",
                               token=ADMIN)
    perf = [p for p in prod["product"]["performances"]
            if p["code"] == "PARKING-0612"]
    checks("R7 RACE the admin API shows no space left",
           perf and perf[0]["capacity"] == {"*": 0}, perf)
    req = {"channel": "WEB", "stage": "cart", "lang": "en", "now": NOW,
           "cart": [dict(SEAT, performance="JAZZ-1-0613", quantity=2)]}
    status, answer = server.json("POST", "/api/v1/proposals", req)
    req["cart"][0]["performance"] = "JAZZ-1-0612"
    status, sold_out = server.json("POST", "/api/v1/proposals", req)
    products = [p["product"] for p in sold_out.get("proposals", [])]
    checks("R7 RACE proposals: PARKING no longer proposed that day",
           status == 200 and "PARKING" not in products, sold_out)


def at_once(calls):
    """Runs the calls (no argument each) on threads released together;
    returns their results in order."""
    gate = threading.Barrier(len(calls))
    out = [None] * len(calls)

    def one(i):
        gate.wait()
        out[i] = calls[i]()
    threads = [threading.Thread(target=one, args=(i,))
               for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def line(id_, text=None):
    body = {"id": id_, "type": "cart", "base": "JAZZ-1",
            "targets": [{"product": "PARKING"}]}
    if text is not None:
        body["text"] = text
    return body


def profile_lines(server, code):
    status, prof = server.json("GET", "/api/v1/admin/profiles/" + code,
                               token=ADMIN)
    if status != 200:
        return None
    return {ln["id"]: ln for ln in prof["profile"].get("lines", [])}


def check_admin_races(server):
    """Admin edits of one profile at once each build on what the other
    stored (SPEC 3: every acknowledged write is kept)."""
    base = "/api/v1/admin/profiles/DRAFT-APP/lines"
    results = at_once([
        (lambda i=i: server.json("POST", base, line("RACE%d" % i),
                                 token=ADMIN)[0]) for i in range(8)])
    lines = profile_lines(server, "DRAFT-APP")
    checks("RACE 8 lines added at once: every one acknowledged and kept",
           results == [201] * 8 and
           all("RACE%d" % i in lines for i in range(8)), (results, lines and
                                                          sorted(lines)))
    lost = 0
    for r in range(10):
        texts = ("a%d" % r, "b%d" % r)
        results = at_once([
            (lambda t=t, i=i: server.json("PUT", base + "/RACE%d" % i,
                                          line("RACE%d" % i, t),
                                          token=ADMIN)[0])
            for i, t in enumerate(texts)])
        lines = profile_lines(server, "DRAFT-APP")
        lost += results != [200, 200] or \
            [lines["RACE%d" % i].get("text") for i in (0, 1)] != list(texts)
    checks("RACE two lines changed at once, 10 rounds: no change lost",
           lost == 0, lost)
    back = 0
    for r in range(10):
        code = "RACEDEL%d" % r
        status, _ = server.json("POST", "/api/v1/admin/profiles", {
            "code": code, "status": "draft", "channels": ["APP"]},
            token=ADMIN)
        deleted, added = at_once([
            lambda: server.json("DELETE", "/api/v1/admin/profiles/" + code,
                                token=ADMIN)[0],
            lambda: server.json("POST", "/api/v1/admin/profiles/%s/lines"
                                % code, line("L"), token=ADMIN)[0]])
        alive = profile_lines(server, code) is not None
        back += status != 201 or deleted != 200 or \
            (added == 201 and alive) or (added != 201 and added != 404)
    checks("RACE a profile deleted while a line is added: gone, or 404",
           back == 0, back)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--buyers", type=int, default=1000)
    ap.add_argument("--doubles", type=int, default=100)
    ap.add_argument("--bound", type=int, default=1000,
                    help="connections open at once, at most")
    ap.add_argument("encore")
    args = ap.parse_args()
    encore = os.path.abspath(args.encore)
    tmp = tempfile.mkdtemp(prefix="encore-race-")
    db = os.path.join(tmp, "race.db")
    try:
        code, _, err = run(encore, db, "import", CATALOGUE)
        if code != 0:
            raise SystemExit("race: import failed: " + err)
        server = Server(encore, db).start()
        try:
            status, _ = server.json("PUT", "/api/v1/admin/availability", {
                "performances": [
                    {"code": "JAZZ-1-0612", "capacity": {"CAT1": SEATS}},
                    {"code": "PARKING-0612", "capacity": {"*": SPACES}}]},
                token=ADMIN)
            checks("RACE availability set", status == 200, status)
            results = asyncio.run(all_buyers(server.port, args.buyers,
                                             args.doubles, args.bound))
            check_results(results, args.doubles)
            check_agree(server, db)
            check_admin_races(server)
        finally:
            code, reports = server.stop()
            checks("RACE server stops cleanly, sanitizers silent",
                   code == 0 and not reports, (code, reports[:3]))
        checks("RACE integrity_check", integrity(db) == "ok")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(checks.summary("race"))


if __name__ == "__main__":
    main()
