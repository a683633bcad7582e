#!/usr/bin/env python3
"""Access (issue 5): tokens, limits, CORS and SQL.

  TOKEN  the admin and shop tokens are kept only as their BLAKE2b-256
         hash (libsodium's crypto_generichash): the database, its WAL and
         the log never hold a token; a token made on first start is
         printed once and works; a wrong, cut, longer or other token gets
         401; auth.c hashes what it is given and compares hashes with
         sodium_memcmp (constant time), and nothing else compares them.
  LIMIT  libmicrohttpd's limits: a 100 KB header (431), a 100 KB URL
         (414), 3,000 headers (431); the server serves on after each.
         (Body caps and 10 MB bodies: tests/badinput.py.) With --slow, a
         connection that never ends its headers is closed after the
         30 s idle timeout.
  CORS   no Access-Control-* header unless `encore serve --cors ORIGIN`;
         then on the public routes only (proposals, the shop's products),
         errors included, with a preflight OPTIONS answered 204; admin
         and order routes never, their OPTIONS a 405; a malformed origin
         refused at start.
  SQL    only prepared statements touch data: every SQL text given to
         SQLite in src/store is a literal or a named table of literals,
         nothing is formatted into SQL (one PRAGMA of a constant number
         aside), and no other layer calls SQLite.

Usage: python3 tests/access.py [--slow] ENCORE
"""
import argparse
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liveserver import ADMIN, ROOT, SHOP, Checks, Server, run  # noqa

CATALOGUE = os.path.join(ROOT, "tests", "cases", "catalogue.json")
REQUEST = (b'{"channel":"WEB","stage":"cart","now":"2027-05-02T10:00:00+02:00",'
           b'"cart":[{"product":"JAZZ-1","performance":"JAZZ-1-0612",'
           b'"seat_category":"CAT1","audience":"ADULT","quantity":2}]}')
ORIGIN = "https://shop.example.com"
checks = Checks()


def raw(port, data, timeout=10):
    """Sends data as it is and reads the answer until the server closes."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
    except (BrokenPipeError, ConnectionResetError):
        pass
    out = b""
    try:
        while True:
            got = s.recv(65536)
            if not got:
                break
            out += got
    except (ConnectionResetError, socket.timeout):
        pass
    s.close()
    head = out.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(head[0].split()[1]) if head[0] else 0
    headers = {}
    for line in head[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return status, headers


# ---- TOKEN ----

def blake2b(token):
    return hashlib.blake2b(token.encode(), digest_size=32).digest()


def file_bytes(*paths):
    data = b""
    for p in paths:
        if os.path.exists(p):
            with open(p, "rb") as f:
                data += f.read()
    return data


def stored_hashes(db):
    import sqlite3
    con = sqlite3.connect(db)
    rows = dict(con.execute("SELECT name, hash FROM tokens"))
    con.close()
    return rows


def test_tokens_given(encore, tmp):
    db = os.path.join(tmp, "given.db")
    run(encore, db, "import", CATALOGUE)
    server = Server(encore, db).start()
    status, _, _ = server.request("GET", "/api/v1/admin/profiles",
                                  token=ADMIN)
    checks("TOKEN the admin token works", status == 200, status)
    near = [ADMIN[:-1] + chr(ord(ADMIN[-1]) ^ 1), ADMIN[:-1], ADMIN + "x",
            ADMIN.upper(), SHOP, " " + ADMIN + " x"]
    for wrong in near:
        status, _, _ = server.request("GET", "/api/v1/admin/profiles",
                                      token=wrong)
        checks("TOKEN %r is refused" % wrong[:12], status == 401, status)
    status, _, _ = server.request(
        "GET", "/api/v1/admin/profiles",
        headers={"Authorization": "Basic " + ADMIN})
    checks("TOKEN another scheme is refused", status == 401, status)
    status, _, _ = server.request(
        "GET", "/api/v1/admin/profiles",
        headers={"Authorization": "Bearer " + "a" * 4000})
    checks("TOKEN a 4,000-byte token is refused", status == 401, status)
    code, reports = server.stop()
    checks("TOKEN clean stop", code == 0 and not reports, reports[:3])
    hashes = stored_hashes(db)
    checks("TOKEN the database keeps the BLAKE2b-256 of each token",
           hashes == {"admin": blake2b(ADMIN), "shop": blake2b(SHOP)},
           {k: v.hex()[:16] for k, v in hashes.items()})
    data = file_bytes(db, db + "-wal", db + ".log")
    checks("TOKEN no token in the database, its WAL or the log",
           ADMIN.encode() not in data and SHOP.encode() not in data)


def test_tokens_made(encore, tmp):
    """A token made on first start: printed once, kept as a hash."""
    db = os.path.join(tmp, "made.db")
    run(encore, db, "import", CATALOGUE)
    env = {"ENCORE_ADMIN_TOKEN": "", "ENCORE_SHOP_TOKEN": ""}
    server = Server(encore, db, env=env).start()
    log = server.log_text()
    m = re.search(r"admin token .*: (\S+)$", log, re.M)
    checks("TOKEN a new admin token is printed on first start", m, log)
    token = m.group(1) if m else "none"
    checks("TOKEN a made token has 256 random bits (43 base64url)",
           re.fullmatch(r"[A-Za-z0-9_-]{43}", token), token)
    status, _, _ = server.request("GET", "/api/v1/admin/profiles",
                                  token=token)
    checks("TOKEN the printed token works", status == 200, status)
    server.stop()
    server = Server(encore, db, env=env).start()
    checks("TOKEN not printed again on the next start",
           token not in server.log_text())
    status, _, _ = server.request("GET", "/api/v1/admin/profiles",
                                  token=token)
    checks("TOKEN still works after a restart", status == 200, status)
    code, reports = server.stop()
    checks("TOKEN clean stop", code == 0 and not reports, reports[:3])
    checks("TOKEN the made token is kept as its hash",
           stored_hashes(db).get("admin") == blake2b(token))
    checks("TOKEN the made token is not in the database",
           token.encode() not in file_bytes(db, db + "-wal"))


def c_function(text, name):
    """The body of C function name in text (from its line to the '}' that
    begins a line)."""
    m = re.search(r"^%s\(.*?^\}" % re.escape(name), text, re.M | re.S)
    return m.group(0) if m else ""


def test_tokens_compared(tmp):
    """Constant time: the code itself (a timing test over HTTP would
    drown in noise)."""
    with open(os.path.join(ROOT, "src", "server", "auth.c")) as f:
        auth = f.read()
    body = c_function(auth, "auth_check")
    checks("TOKEN auth_check hashes the token given", "auth_hash(" in body,
           body[:200])
    checks("TOKEN auth_check compares hashes with sodium_memcmp",
           re.search(r"sodium_memcmp\(given, hash, HTTP_TOKEN_HASH\)", body),
           body[-300:])
    plain = re.findall(r"(?<!sodium_)\b(memcmp|strcmp|strncmp|bcmp)\s*\(",
                       body)
    checks("TOKEN auth_check compares nothing else byte by byte",
           not plain, plain)
    server_src = ""
    for name in sorted(os.listdir(os.path.join(ROOT, "src", "server"))):
        with open(os.path.join(ROOT, "src", "server", name)) as f:
            server_src += f.read()
    others = re.findall(r"(?<!sodium_)\bmemcmp\s*\([^;]*(?:hash|token)",
                        server_src)
    checks("TOKEN no plain memcmp of a hash or a token in the server",
           not others, others)


# ---- LIMIT ----

def test_limits(server, slow):
    port = server.port
    cases = [
        ("a 100 KB header", b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " +
         b"a" * 100000 + b"\r\nConnection: close\r\n\r\n", 431),
        ("a 100 KB URL", b"GET /api/v1/shop/products?channel=WEB&x=" +
         b"a" * 100000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
         414),
        ("3,000 headers", b"GET /healthz HTTP/1.1\r\nHost: x\r\n" +
         b"".join(b"X-H%d: v\r\n" % i for i in range(3000)) +
         b"Connection: close\r\n\r\n", 431),
        ("a 100 KB token", b"GET /api/v1/admin/profiles HTTP/1.1\r\nHost: x"
         b"\r\nAuthorization: Bearer " + b"t" * 100000 +
         b"\r\nConnection: close\r\n\r\n", 431),
    ]
    for what, data, want in cases:
        status, _ = raw(port, data)
        checks("LIMIT %s -> %d" % (what, want), status == want, status)
        status, _, _ = server.request("GET", "/healthz")
        checks("LIMIT serves on after %s" % what, status == 200, status)
    if slow:
        s = socket.create_connection(("127.0.0.1", port), timeout=60)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        start = time.time()
        try:
            closed = s.recv(100) == b""
        except ConnectionResetError:
            closed = True
        took = time.time() - start
        s.close()
        checks("LIMIT headers never ended: closed after the 30 s timeout",
               closed and 25 <= took <= 45, (closed, took))


# ---- CORS ----

def test_cors_off(server):
    status, h, _ = server.request("POST", "/api/v1/proposals", REQUEST,
                                  headers={"Origin": ORIGIN})
    checks("CORS off: no Access-Control header on proposals",
           status == 200 and not any(k.lower().startswith("access-control")
                                     for k in h), h)
    status, h = raw(server.port, b"OPTIONS /api/v1/proposals HTTP/1.1\r\n"
                    b"Host: x\r\nOrigin: https://shop.example.com\r\n"
                    b"Access-Control-Request-Method: POST\r\n"
                    b"Connection: close\r\n\r\n")
    checks("CORS off: preflight answered 204 without Allow-Origin",
           status == 204 and h.get("allow") == "POST"
           and "access-control-allow-origin" not in h, (status, h))


def test_cors_on(server):
    def acao(method, path, body=None, token=None):
        status, h, _ = server.request(method, path, body, token=token,
                                      headers={"Origin": ORIGIN})
        return status, {k.lower(): v for k, v in h.items()}.get(
            "access-control-allow-origin")

    q = "?channel=WEB&now=2027-05-02T10:00:00%2B02:00"
    for what, (method, path, body) in {
            "proposals": ("POST", "/api/v1/proposals", REQUEST),
            "a refused proposal": ("POST", "/api/v1/proposals", b"{"),
            "shop products": ("GET", "/api/v1/shop/products" + q, None),
            "a shop product": ("GET", "/api/v1/shop/products/JAZZ-1" + q,
                               None),
            "an unknown shop product": ("GET", "/api/v1/shop/products/NOPE" +
                                        q, None)}.items():
        status, origin = acao(method, path, body)
        checks("CORS on: %s (%d) names the origin" % (what, status),
               origin == ORIGIN, origin)
    for what, (method, path, token) in {
            "admin profiles": ("GET", "/api/v1/admin/profiles", ADMIN),
            "admin refusal": ("GET", "/api/v1/admin/profiles", None),
            "an order": ("GET", "/api/v1/orders/1", SHOP),
            "healthz": ("GET", "/healthz", None),
            "openapi": ("GET", "/api/v1/openapi.json", None)}.items():
        status, origin = acao(method, path, token=token)
        checks("CORS on: no Allow-Origin on %s" % what, origin is None,
               (status, origin))
    for path, methods in (("/api/v1/proposals", "POST"),
                          ("/api/v1/shop/products/JAZZ-1", "GET, HEAD")):
        status, h = raw(server.port, b"OPTIONS " + path.encode() +
                        b" HTTP/1.1\r\nHost: x\r\nOrigin: " +
                        ORIGIN.encode() + b"\r\nConnection: close\r\n\r\n")
        checks("CORS on: preflight of %s" % path,
               status == 204 and h.get("access-control-allow-origin") ==
               ORIGIN and h.get("access-control-allow-methods") == methods
               and h.get("access-control-allow-headers") == "Content-Type",
               (status, h))
    for path in ("/api/v1/admin/catalogue", "/api/v1/orders"):
        status, h = raw(server.port, b"OPTIONS " + path.encode() +
                        b" HTTP/1.1\r\nHost: x\r\nOrigin: " +
                        ORIGIN.encode() + b"\r\nConnection: close\r\n\r\n")
        checks("CORS on: preflight of %s refused (405, no CORS)" % path,
               status == 405 and not any(k.startswith("access-control")
                                         for k in h), (status, h))


def test_cors_origins(encore, tmp):
    db = os.path.join(tmp, "cors.db")
    for bad in ("http://x\r\nSet-Cookie: a=b", "ftp://x", "https://x/path",
                "https://", "shop.example.com", "https://x:", "null"):
        p = subprocess.run([encore, "--db", db, "serve", "--listen",
                            "127.0.0.1:0", "--cors", bad],
                           capture_output=True, text=True, timeout=30)
        checks("CORS origin %r refused at start" % bad,
               p.returncode == 2 and "--cors" in p.stderr,
               (p.returncode, p.stderr[-200:]))


# ---- SQL ----

SQL_CALLS = r"\b(db_exec|db_prepare|sqlite3_exec|sqlite3_prepare(?:_v2|_v3)?)\s*\("
# Names that hold SQL without being a literal, each a table of literals:
# the migrations, the per-kind tables, the pool statements, one-statement
# arrays, and the wrappers' own parameter.
SQL_NAMES = {"migrations[i].sql", "t->insert", "t->select", "sql[i]",
             "pool_sql[i]", "sql"}


def call_args(text, start):
    """The arguments of the call whose '(' is at start, split at top-level
    commas, string literals and parentheses respected."""
    args, depth, cur, i = [], 0, "", start + 1
    while i < len(text):
        c = text[i]
        if c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            cur += text[i:j + 1]
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append(cur.strip())
                return args
            depth -= 1
        elif c == "," and depth == 0:
            args.append(cur.strip())
            cur = ""
            i += 1
            continue
        cur += c
        i += 1
    return args


def is_literal(expr, macros=()):
    """True when expr is string literals only, or macros defined as such
    (a name of macros stands for its literal)."""
    rest = re.sub(r'"(?:[^"\\]|\\.)*"', "", expr)
    rest = re.sub(r"/\*.*?\*/", "", rest, flags=re.S)
    for name in macros:
        rest = re.sub(r"\b%s\b" % name, "", rest)
    return rest.strip() == "" and ('"' in expr or rest != expr)


def literal_macros(text):
    """The #define'd names of a file whose body is string literals."""
    names = []
    for m in re.finditer(r"^#define\s+(\w+)\s+((?:[^\n]*\\\n)*[^\n]*)",
                         text, flags=re.M):
        body = m.group(2).replace("\\\n", " ")
        if is_literal(body):
            names.append(m.group(1))
    return names


def test_sql():
    store = os.path.join(ROOT, "src", "store")
    bad = []
    calls = 0
    for name in sorted(os.listdir(store)):
        if not name.endswith(".c"):
            continue
        with open(os.path.join(store, name)) as f:
            text = f.read()
        macros = literal_macros(text)
        for m in re.finditer(SQL_CALLS, text):
            args = call_args(text, m.end() - 1)
            if len(args) < 2 or args[0].startswith(("sqlite3 *", "const")):
                continue  # a definition, not a call
            calls += 1
            sql = args[1]
            if not is_literal(sql, macros) and sql not in SQL_NAMES:
                bad.append("%s: %s(%s)" % (name, m.group(1), sql))
        for m in re.finditer(r"\b(v?s?n?printf|strcat|strcpy)\s*\(", text):
            args = call_args(text, m.end() - 1)
            fmt = " ".join(a for a in args if a.startswith('"'))
            if re.search(r"\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|WHERE|"
                         r"CREATE|DROP|ALTER)\b", fmt) and \
                    fmt != '"PRAGMA user_version = %d"':
                bad.append("%s: SQL formatted: %s" % (name, fmt))
    checks("SQL statements found in the store", calls >= 30, calls)
    checks("SQL only literals or tables of literals reach SQLite", not bad,
           bad)
    everywhere = subprocess.run(
        ["grep", "-rlE", r"sqlite3_(mprintf|vmprintf|snprintf|str_new)",
         os.path.join(ROOT, "src")], capture_output=True, text=True).stdout
    checks("SQL no SQLite string building anywhere", everywhere == "",
           everywhere)
    outside = subprocess.run(
        ["grep", "-rl", "sqlite3_", os.path.join(ROOT, "src"),
         "--exclude-dir=store"], capture_output=True, text=True).stdout
    checks("SQL no layer but the store calls SQLite", outside == "", outside)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--slow", action="store_true",
                    help="also wait out the 30 s idle timeout")
    ap.add_argument("encore")
    args = ap.parse_args()
    encore = os.path.abspath(args.encore)
    tmp = tempfile.mkdtemp(prefix="encore-access-")
    try:
        test_tokens_given(encore, tmp)
        test_tokens_made(encore, tmp)
        test_tokens_compared(tmp)
        db = os.path.join(tmp, "serve.db")
        run(encore, db, "import", CATALOGUE)
        server = Server(encore, db).start()
        try:
            test_limits(server, args.slow)
            test_cors_off(server)
        finally:
            code, reports = server.stop()
            checks("LIMIT clean stop", code == 0 and not reports, reports[:3])
        server = Server(encore, db, ["--cors", ORIGIN]).start()
        try:
            test_cors_on(server)
        finally:
            code, reports = server.stop()
            checks("CORS clean stop", code == 0 and not reports, reports[:3])
        test_cors_origins(encore, tmp)
        test_sql()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(checks.summary("access"))


if __name__ == "__main__":
    main()
