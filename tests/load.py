#!/usr/bin/env python3
"""Load (issue 5): mixed proposals and orders at 256 connections.

wrk runs tests/load.lua against `encore serve` on 127.0.0.1 for
--seconds (60): proposals at every stage, the shop's list and orders
(8 in 10 requests read, 1.5 in 10 write). Then:
  - no 5xx and no failed connection (connect, read, write or timeout
    error): a 409 (sold out) is an answer, not an error;
  - resident memory (VmRSS, sampled every half second) stays within 10 %
    of its level after the first sixth of the run (10 s of 60);
  - what orders took is what the database recorded (pools conserved) and
    PRAGMA integrity_check says ok;
  - the server stops cleanly on SIGTERM with no sanitizer report: with
    an ASan build, LeakSanitizer then reports any leak.

Usage: python3 tests/load.py [--seconds N] [--connections N] ENCORE
"""
import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liveserver import ADMIN, ROOT, SHOP, Checks, Server, integrity, run  # noqa

CATALOGUE = os.path.join(ROOT, "tests", "cases", "catalogue.json")
SCRIPT = os.path.join(ROOT, "tests", "load.lua")
# What is left when the load starts: orders of parking spaces succeed for
# the whole run, seats sell out early (409 from then on).
CAPACITY = {("PARKING-0612", "*"): 10000000, ("JAZZ-1-0612", "CAT1"): 200}
checks = Checks()


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Sampler(threading.Thread):
    """VmRSS of pid every half second, as (seconds since start, KiB)."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.samples = []
        self.stop = threading.Event()
        self.start_time = time.time()

    def run(self):
        while not self.stop.wait(0.5):
            try:
                self.samples.append((time.time() - self.start_time,
                                     rss_kib(self.pid)))
            except OSError:
                return


def pools(db):
    con = sqlite3.connect(db, timeout=30)
    out = {}
    for perf, pool in CAPACITY:
        left = con.execute(
            "SELECT \"left\" FROM pools JOIN performances ON performances.id"
            " = pools.performance_id WHERE performances.code = ? AND"
            " pools.code = ?", (perf, pool)).fetchone()[0]
        sold = con.execute(
            "SELECT coalesce(sum(quantity), 0) FROM order_items JOIN orders"
            " ON orders.id = order_items.order_id WHERE status = 'paid' AND"
            " drawn = 1 AND performance = ? AND pool = ?",
            (perf, pool)).fetchone()[0]
        out[(perf, pool)] = (left, sold)
    con.close()
    return out


def run_wrk(port, args):
    cmd = ["wrk", "-t", str(args.threads), "-c", str(args.connections),
           "-d", "%ds" % args.seconds, "--timeout", "10s", "-s", SCRIPT,
           "http://127.0.0.1:%d" % port]
    env = dict(os.environ, ENCORE_SHOP_TOKEN=SHOP)
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    m = re.search(r"^LOAD (\{.*\})$", p.stdout, re.M)
    if p.returncode != 0 or not m:
        raise SystemExit("load: wrk failed:\n" + p.stdout + p.stderr)
    return json.loads(m.group(1)), p.stdout


def check_wrk(result):
    statuses = {int(k): v for k, v in result["statuses"].items()}
    total = sum(statuses.values())
    errors = {k: result[k] for k in ("connect", "read", "write", "timeout")}
    checks("LOAD no failed connection", not any(errors.values()), errors)
    fivexx = {k: v for k, v in statuses.items() if k >= 500}
    checks("LOAD no 5xx", not fivexx, fivexx)
    checks("LOAD only 200, 201 and 409 (sold out)",
           set(statuses) <= {200, 201, 409}, statuses)
    checks("LOAD orders were placed", statuses.get(201, 0) > 0, statuses)
    rate = total / (result["duration_us"] / 1e6)
    print("load: %d requests, %.0f/s, statuses %s, p50 %.1f ms, p99 %.1f ms,"
          " max %.1f ms" % (total, rate, dict(sorted(statuses.items())),
                            result["p50_us"] / 1000, result["p99_us"] / 1000,
                            result["max_us"] / 1000), flush=True)


def check_rss(samples, seconds, tolerance):
    """Within tolerance of the level after the first sixth of the run."""
    warm = seconds / 6.0
    after = [(t, k) for t, k in samples if t >= warm]
    if not after:
        return checks("LOAD RSS sampled", False, samples)
    ref = after[0][1]
    peak = max(k for _, k in after)
    last = after[-1][1]
    print("load: RSS %.1f MiB at %.0f s, peak %.1f MiB, last %.1f MiB"
          " (%+.1f %%)" % (ref / 1024, after[0][0], peak / 1024, last / 1024,
                           100.0 * (peak - ref) / ref), flush=True)
    return checks("LOAD RSS within %d %% of its level at %.0f s"
                  % (tolerance * 100, warm), peak <= ref * (1 + tolerance),
                  (ref, peak))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--connections", type=int, default=256)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--tolerance", type=float, default=0.10)
    ap.add_argument("--no-rss", action="store_true",
                    help="skip the memory check (a build whose allocator"
                         " holds freed memory, such as ASan's)")
    ap.add_argument("encore")
    args = ap.parse_args()
    encore = os.path.abspath(args.encore)
    tmp = tempfile.mkdtemp(prefix="encore-load-")
    db = os.path.join(tmp, "load.db")
    try:
        code, _, err = run(encore, db, "import", CATALOGUE)
        if code != 0:
            raise SystemExit("load: import failed: " + err)
        server = Server(encore, db).start()
        perfs = {}
        for (perf, pool), n in CAPACITY.items():
            perfs.setdefault(perf, {})[pool] = n
        status, _ = server.json("PUT", "/api/v1/admin/availability", {
            "performances": [{"code": p, "capacity": c}
                             for p, c in perfs.items()]}, token=ADMIN)
        checks("LOAD availability set", status == 200, status)
        sampler = Sampler(server.proc.pid)
        sampler.start()
        try:
            result, _ = run_wrk(server.port, args)
        finally:
            sampler.stop.set()
            sampler.join()
            code, reports = server.stop(timeout=120)
        check_wrk(result)
        if not args.no_rss:
            check_rss(sampler.samples, args.seconds, args.tolerance)
        checks("LOAD clean stop, no sanitizer or leak report",
               code == 0 and not reports, (code, reports[:5]))
        for pool, (left, sold) in pools(db).items():
            checks("LOAD %s %s: left + sold = what there was" % pool,
                   left + sold == CAPACITY[pool], (left, sold))
        checks("LOAD integrity_check", integrity(db) == "ok")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(checks.summary("load"))


if __name__ == "__main__":
    main()
