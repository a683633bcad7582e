#!/usr/bin/env python3
"""Crash safety (issue 5): `encore import` and `encore serve` killed with
SIGKILL at random moments, then the database checked.

Rounds take turns among four scenarios:
  import-cli     `encore import` of a large document (BIG products more)
                 killed while it runs
  import-server  PUT /api/v1/admin/catalogue of the same document, the
                 server killed while it imports
  edits          a stream of admin edits of the active profile (a line
                 added, a line's text changed), the server killed
  orders         a stream of orders from 8 buyers, the server killed
After each kill: PRAGMA integrity_check says ok; the server starts again
and serves; an import is all there or not at all (the export is byte for
byte the one before or the one after it, and the one after when its
success was reported before the kill); every edit acknowledged is there,
the one in flight is there whole or not at all; every order acknowledged
(201) is there, paid, and a retry of its Idempotency-Key gets it back
without selling again; what is left in each pool is what was there less
what the orders recorded took (nothing sold twice, nothing lost).

Usage: python3 tests/crash.py [--rounds N] [--big N] [--seed N] ENCORE
"""
import argparse
import copy
import http.client
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liveserver import (ADMIN, ROOT, SHOP, Checks, Server, export,  # noqa
                        integrity, run)

CATALOGUE = os.path.join(ROOT, "tests", "cases", "catalogue.json")
NOW = "2027-05-02T10:00:00+02:00"
checks = Checks()


def big_document(n):
    """The test catalogue with n more products of 8 performances each."""
    with open(CATALOGUE) as f:
        doc = json.load(f)
    for i in range(n):
        code = "BIG-%05d" % i
        doc["products"].append({
            "code": code, "kind": "event",
            "name": {"fr": "Concert %d" % i, "en": "Concert %d" % i},
            "activity": "CONCERT", "max_per_order": 8,
            "prices": [{"seat_category": "CAT1", "audience": "ADULT",
                        "amount": 4000 + i % 100},
                       {"seat_category": "CAT2", "amount": 2500}],
            "performances": [{"code": "%s-%d" % (code, k),
                              "start": "2027-%02d-%02dT20:00:00+02:00"
                                       % (7 + k % 5, 1 + (i + k) % 28),
                              "capacity": {"CAT1": 50 + k, "CAT2": 100}}
                             for k in range(8)]})
    return json.dumps(doc).encode()


class Setup:
    """The databases and documents every round starts from."""

    def __init__(self, encore, tmp, big):
        self.encore = encore
        self.tmp = tmp
        self.pristine = os.path.join(tmp, "pristine.db")
        code, _, err = run(encore, self.pristine, "import", CATALOGUE)
        if code != 0:
            raise SystemExit("crash: setup import failed: " + err)
        self.before = export(encore, self.pristine)
        self.big = os.path.join(tmp, "big.json")
        with open(self.big, "wb") as f:
            f.write(big_document(big))
        ref = self.fresh("reference")
        start = time.time()
        code, _, err = run(encore, ref, "import", self.big)
        self.import_seconds = time.time() - start
        if code != 0:
            raise SystemExit("crash: big import failed: " + err)
        self.after = export(encore, ref)
        print("crash: big document %d bytes, imported in %.2f s"
              % (os.path.getsize(self.big), self.import_seconds), flush=True)

    def fresh(self, name):
        """A copy of the pristine database (its WAL folded in)."""
        db = os.path.join(self.tmp, name + ".db")
        for suffix in ("", "-wal", "-shm", ".log"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        src = sqlite3.connect(self.pristine)
        dst = sqlite3.connect(db)
        src.backup(dst)
        dst.close()
        src.close()
        return db


def check_restart(name, encore, db):
    """integrity_check, then the server starts on db, serves and stops
    cleanly; returns the export."""
    checks(name + ": integrity_check after the kill", integrity(db) == "ok")
    server = Server(encore, db).start()
    status, health = server.json("GET", "/healthz")
    checks(name + ": serves again", status == 200, health)
    code, reports = server.stop()
    checks(name + ": clean stop after restart", code == 0 and not reports,
           (code, reports[:3]))
    checks(name + ": integrity_check after the restart", integrity(db) == "ok")
    return export(encore, db)


def all_or_nothing(name, setup, db, reported):
    got = check_restart(name, setup.encore, db)
    checks(name + ": the import is all there or not at all",
           got in (setup.before, setup.after), "%d bytes" % len(got))
    if reported:
        checks(name + ": a reported import is there", got == setup.after)
    return got == setup.after


def round_import_cli(name, setup, rng):
    db = setup.fresh("import-cli")
    delay = rng.uniform(0.02, setup.import_seconds * 1.1)
    p = subprocess.Popen([setup.encore, "--db", db, "import", setup.big],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    reported = p.poll() == 0
    if p.poll() is None:
        p.kill()
    p.wait()
    done = all_or_nothing(name, setup, db, reported)
    return "killed at %.2f s, import %s" % (delay, "there" if done else "not")


def round_import_server(name, setup, rng):
    db = setup.fresh("import-server")
    server = Server(setup.encore, db).start()
    with open(setup.big, "rb") as f:
        body = f.read()
    result = {}

    def put():
        try:
            result["status"] = server.request(
                "PUT", "/api/v1/admin/catalogue", body, token=ADMIN)[0]
        except (OSError, http.client.HTTPException):
            result["status"] = None

    t = threading.Thread(target=put)
    t.start()
    delay = rng.uniform(0.02, setup.import_seconds * 1.3)
    time.sleep(delay)
    server.kill()
    t.join()
    reported = result.get("status") == 200
    done = all_or_nothing(name, setup, db, reported)
    return "killed at %.2f s, import %s" % (delay, "there" if done else "not")


def profile_lines(encore, db, code="WEB-2027"):
    doc = json.loads(export(encore, db))
    for p in doc["profiles"]:
        if p["code"] == code:
            return p["lines"]
    return None


def round_edits(name, setup, rng):
    """Lines added to and changed in the active profile, one at a time."""
    db = setup.fresh("edits")
    encore = setup.encore
    base = profile_lines(encore, db)
    state = {"acked": copy.deepcopy(base), "pending": None, "n": 0,
             "error": None}
    server = Server(encore, db).start()

    def edit_once(k, lines):
        new = copy.deepcopy(lines)
        if k % 3 == 2:
            line = dict(new[-1], text={"en": "changed %d" % k})
            new[-1] = line
            path = "/api/v1/admin/profiles/WEB-2027/lines/" + line["id"]
            return new, "PUT", path, line, 200
        line = {"id": "E%d" % k, "type": "cart", "base": "JAZZ-2",
                "targets": [{"product": "TSHIRT"}],
                "text": {"en": "edit %d" % k}}
        new.append(line)
        return new, "POST", "/api/v1/admin/profiles/WEB-2027/lines", line, 201

    def editor():
        k = 0
        while True:
            pending, method, path, body, want = edit_once(k, state["acked"])
            state["pending"] = pending
            try:
                status = server.request(method, path, body, token=ADMIN)[0]
            except (OSError, http.client.HTTPException):
                return
            if status != want:
                state["error"] = (method, path, status)
                return
            state["acked"] = pending
            state["n"] += 1
            k += 1

    t = threading.Thread(target=editor)
    t.start()
    delay = rng.uniform(0.2, 3.0)
    time.sleep(delay)
    server.kill()
    t.join()
    checks(name + ": every edit answered as expected", state["error"] is None,
           state["error"])
    check_restart(name, encore, db)
    got = profile_lines(encore, db)
    checks(name + ": acknowledged edits there, the one in flight whole or"
           " not at all", got in (state["acked"], state["pending"]),
           "%d lines, %d acked" % (len(got or []), len(state["acked"])))
    return "killed at %.2f s after %d edits" % (delay, state["n"])


POOLS = [("PARKING-0612", "*"), ("JAZZ-1-0612", "CAT1"),
         ("DINNER-0612", "*")]
CARTS = [
    [{"product": "PARKING", "performance": "PARKING-0612", "quantity": 1}],
    [{"product": "JAZZ-1", "performance": "JAZZ-1-0612",
      "seat_category": "CAT1", "audience": "ADULT", "quantity": 2},
     {"product": "PARKING", "performance": "PARKING-0612", "quantity": 1}],
    [{"product": "DINNER", "performance": "DINNER-0612", "audience": "ADULT",
      "quantity": 3}],
]


def pools_left(db):
    con = sqlite3.connect(db, timeout=30)
    left = {}
    for perf, pool in POOLS:
        left[(perf, pool)] = con.execute(
            "SELECT \"left\" FROM pools JOIN performances ON"
            " performances.id = pools.performance_id WHERE"
            " performances.code = ? AND pools.code = ?", (perf, pool)
        ).fetchone()[0]
    con.close()
    return left


def pools_sold(db):
    con = sqlite3.connect(db, timeout=30)
    sold = {}
    for perf, pool in POOLS:
        sold[(perf, pool)] = con.execute(
            "SELECT coalesce(sum(quantity), 0) FROM order_items JOIN orders"
            " ON orders.id = order_items.order_id WHERE status = 'paid' AND"
            " drawn = 1 AND performance = ? AND pool = ?", (perf, pool)
        ).fetchone()[0]
    con.close()
    return sold


def round_orders(name, setup, rng, buyers=8):
    db = setup.fresh("orders")
    encore = setup.encore
    server = Server(encore, db).start()
    # What is left, set so that some pools run out during the round (a
    # 409 is an answer) and others do not.
    capacity = {("PARKING-0612", "*"): 100000, ("JAZZ-1-0612", "CAT1"): 300,
                ("DINNER-0612", "*"): 150}
    perfs = {}
    for (perf, pool), n in capacity.items():
        perfs.setdefault(perf, {})[pool] = n
    status, _ = server.json("PUT", "/api/v1/admin/availability", {
        "performances": [{"code": p, "capacity": c} for p, c in perfs.items()]},
        token=ADMIN)
    checks(name + ": availability set", status == 200, status)
    acked = []
    unexpected = []
    lock = threading.Lock()

    def buyer(b):
        k = 0
        while True:
            key = "crash-%d-%d" % (b, k)
            body = {"channel": "WEB", "lang": "en", "now": NOW,
                    "cart": CARTS[(b + k) % len(CARTS)]}
            try:
                status, _, data = server.request(
                    "POST", "/api/v1/orders", body, token=SHOP,
                    headers={"Idempotency-Key": key})
            except (OSError, http.client.HTTPException):
                return
            with lock:
                if status == 201:
                    acked.append((key, body, json.loads(data)))
                elif status != 409:
                    unexpected.append((status, data[:200]))
            k += 1

    threads = [threading.Thread(target=buyer, args=(b,))
               for b in range(buyers)]
    for t in threads:
        t.start()
    delay = rng.uniform(0.3, 3.0)
    time.sleep(delay)
    server.kill()
    for t in threads:
        t.join()
    checks(name + ": only 201 and 409 answered", not unexpected,
           unexpected[:3])
    check_restart(name, encore, db)

    con = sqlite3.connect(db, timeout=30)
    missing = [key for key, _, answer in acked
               if con.execute("SELECT status FROM orders WHERE id = ?",
                              (answer["order"]["id"],)).fetchone()
               != ("paid",)]
    con.close()
    checks(name + ": every acknowledged order is there, paid", not missing,
           "%d of %d missing: %s" % (len(missing), len(acked), missing[:5]))
    left = pools_left(db)
    sold = pools_sold(db)
    for pool, n in capacity.items():
        checks(name + ": %s %s: left + sold = what there was" % pool,
               left[pool] + sold[pool] == n, (left[pool], sold[pool], n))
    if acked:
        server = Server(encore, db).start()
        key, body, answer = acked[rng.randrange(len(acked))]
        status, again = server.json("POST", "/api/v1/orders", body,
                                    token=SHOP,
                                    headers={"Idempotency-Key": key})
        checks(name + ": a retried order gets its first answer back",
               status == 200 and again == answer, (status, again))
        checks(name + ": the retry sold nothing", pools_left(db) == left)
        code, reports = server.stop()
        checks(name + ": clean stop", code == 0 and not reports, reports[:3])
    return "killed at %.2f s after %d orders" % (delay, len(acked))


SCENARIOS = [("import-cli", round_import_cli),
             ("import-server", round_import_server),
             ("edits", round_edits), ("orders", round_orders)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--big", type=int, default=1500,
                    help="products added by the large import")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("encore")
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print("crash: seed %d, %d rounds" % (seed, args.rounds), flush=True)
    tmp = tempfile.mkdtemp(prefix="encore-crash-")
    tally = {}
    try:
        setup = Setup(os.path.abspath(args.encore), tmp, args.big)
        for r in range(args.rounds):
            what, fn = SCENARIOS[r % len(SCENARIOS)]
            name = "CRASH round %d %s" % (r + 1, what)
            failed = checks.failed
            note = fn(name, setup, rng)
            tally[what] = tally.get(what, 0) + 1
            print("crash: round %d %s: %s%s" % (
                r + 1, what, note,
                "" if checks.failed == failed else " FAILED"), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("crash: %s" % ", ".join("%s %d" % kv for kv in tally.items()))
    sys.exit(checks.summary("crash"))


if __name__ == "__main__":
    main()
