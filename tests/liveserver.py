"""A live `encore serve` on 127.0.0.1 for the hardening tests (issue 5):
tests/badinput.py, crash.py, race.py, load.py and access.py.

Every server listens on 127.0.0.1 on a free port, with known tokens, and
writes its log to a file beside its database; nothing is sent anywhere
else.
"""
import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time

ADMIN = "admin-token-for-hardening"
SHOP = "shop-token-for-hardening"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SANITIZER = re.compile(r"(ERROR: \w+Sanitizer.*|runtime error:.*|"
                       r"SUMMARY: \w+Sanitizer.*)")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """encore serve on db; started by start(), stopped by stop() (SIGTERM,
    a clean stop) or kill() (SIGKILL)."""

    def __init__(self, encore, db, extra_args=(), env=None):
        self.encore = encore
        self.db = db
        self.extra_args = list(extra_args)
        self.env = dict(os.environ, ENCORE_ADMIN_TOKEN=ADMIN,
                        ENCORE_SHOP_TOKEN=SHOP)
        self.env.update(env or {})
        self.log_path = db + ".log"
        self.proc = None
        self.port = None

    def start(self, timeout=30):
        self.port = free_port()
        self.log = open(self.log_path, "a+")
        self.log_start = self.log.tell()
        self.proc = subprocess.Popen(
            [self.encore, "--db", self.db, "serve", "--listen",
             "127.0.0.1:%d" % self.port] + self.extra_args,
            stderr=self.log, stdout=subprocess.DEVNULL, env=self.env)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if "encore: serving" in self.log_text():
                return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError("encore serve did not start:\n" + self.log_text())

    def log_text(self):
        """What this run of the server wrote to its log so far."""
        with open(self.log_path, errors="replace") as f:
            f.seek(self.log_start)
            return f.read()

    def stop(self, timeout=60):
        """SIGTERM; returns (exit status, sanitizer reports of the log)."""
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=timeout)
        self.log.close()
        return code, SANITIZER.findall(self.log_text())

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        self.log.close()

    def request(self, method, path, body=None, headers=None, token=None,
                timeout=60):
        """One request on a connection of its own: (status, headers, body
        bytes). body may be bytes or a JSON value."""
        h = dict(headers or {})
        if token is not None:
            h["Authorization"] = "Bearer " + token
        if body is not None and not isinstance(body, bytes):
            body = json.dumps(body).encode()
        if body is not None:
            h.setdefault("Content-Type", "application/json")
        conn = http.client.HTTPConnection("127.0.0.1", self.port,
                                          timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=h)
            resp = conn.getresponse()
            return resp.status, dict(resp.getheaders()), resp.read()
        finally:
            conn.close()

    def json(self, method, path, body=None, **kw):
        status, headers, data = self.request(method, path, body, **kw)
        try:
            return status, json.loads(data)
        except ValueError:
            return status, data

    def generation(self):
        return self.json("GET", "/healthz")[1]["generation"]


def run(encore, db, *args, stdin=None):
    """An encore command on db: (exit status, stdout bytes, stderr text)."""
    p = subprocess.run([encore, "--db", db] + list(args), input=stdin,
                       capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def export(encore, db):
    code, out, err = run(encore, db, "export")
    if code != 0:
        raise RuntimeError("encore export failed: " + err)
    return out


def integrity(db):
    """PRAGMA integrity_check of db: "ok" when sound."""
    con = sqlite3.connect(db, timeout=30)
    try:
        return ";".join(r[0] for r in con.execute("PRAGMA integrity_check"))
    finally:
        con.close()


class Checks:
    """Counts named checks; prints the failures."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def __call__(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s%s" % (name, (": " + str(detail)[:800])
                                 if detail != "" else ""), flush=True)
        return ok

    def summary(self, what):
        print("%s: %d passed, %d failed" % (what, self.passed, self.failed))
        return 1 if self.failed else 0
