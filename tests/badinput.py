#!/usr/bin/env python3
"""The bad-input table (issue 5; SPEC 5 and 8): every case of
tests/badinput/*.json is sent through each of its entry points, and must
get its exact error (code, field, status), leaving the database as it was.

Entry points by kind of case:
  request  `encore propose` (stdin; exit 2, the error object as the last
           line of stderr) and POST /api/v1/proposals
  import   `encore import FILE` (exit 2, same) and PUT
           /api/v1/admin/catalogue with the admin token
  order    POST /api/v1/orders with the shop token (HTTP only)
  admin    any admin route with the admin token (HTTP only)

A case file is a JSON array of cases:
  name      starts with the rule it guards ("SPEC5 ...")
  kind      request | import | order | admin
  body      how its bytes are made (one of):
              "text": "..."            exactly these characters (UTF-8)
              "hex": "7b22ff"          exactly these bytes
              "json": VALUE            VALUE written compact
              "base": "request"|"catalogue"|"order"|"line", with
                "set": {PATH: VALUE}, "delete": [PATH], "replace":
                [[OLD, NEW]] (on the compact text; NEW may hold \\xNN
                bytes), "cut": N (the first N bytes only)
              "generate": {"fn": NAME, ...} (see GENERATORS)
  expect    {"code", "field" (null: none), "status"}
  cli, http an "expect" of their own for that entry point, or false to
            skip it (an HTTP matter only, or the CLI reads files)
  method, path, headers, chunked   for HTTP (defaults by kind)

After every case: `encore export` of the database is the same bytes as
before the table, PRAGMA integrity_check says ok, and the server's
generation has not moved. Every answer is strict UTF-8 JSON.

Usage: python3 tests/badinput.py build/encore
"""
import copy
import glob
import json
import os
import re
import shutil
import socket
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liveserver import (ADMIN, ROOT, SHOP, Checks, Server, export,  # noqa
                        integrity, run)

TABLE = os.path.join(ROOT, "tests", "badinput")
CATALOGUE = os.path.join(ROOT, "tests", "cases", "catalogue.json")

REQUEST = {"channel": "WEB", "stage": "cart", "lang": "en",
           "now": "2027-05-02T10:00:00+02:00",
           "cart": [{"product": "JAZZ-1", "performance": "JAZZ-1-0612",
                     "seat_category": "CAT1", "audience": "ADULT",
                     "quantity": 2}]}
ORDER = {"channel": "WEB", "lang": "en", "now": "2027-05-02T10:00:00+02:00",
         "cart": [{"product": "PARKING", "performance": "PARKING-0612",
                   "quantity": 1}]}
LINE = {"id": "BAD", "type": "cart", "base": "JAZZ-1",
        "targets": [{"product": "PARKING", "date": "same_as_base"}]}

checks = Checks()


# ---- making a case's bytes ----

def path_steps(path):
    """"cart[0].quantity" -> ["cart", 0, "quantity"]."""
    steps = []
    for part in path.split("."):
        m = re.match(r"^([^\[]*)((\[\d+\])*)$", part)
        if m.group(1):
            steps.append(m.group(1))
        steps += [int(i) for i in re.findall(r"\[(\d+)\]", m.group(2))]
    return steps


def path_set(doc, path, value, delete=False):
    steps = path_steps(path)
    node = doc
    for s in steps[:-1]:
        node = node[s]
    if delete:
        del node[steps[-1]]
    elif isinstance(node, list) and steps[-1] == len(node):
        node.append(value)
    else:
        node[steps[-1]] = value


def base_doc(name):
    if name == "request":
        return copy.deepcopy(REQUEST)
    if name == "order":
        return copy.deepcopy(ORDER)
    if name == "line":
        return copy.deepcopy(LINE)
    with open(CATALOGUE) as f:
        return json.load(f)


def compact(doc):
    return json.dumps(doc, ensure_ascii=False,
                      separators=(",", ":")).encode()


def escaped_bytes(s):
    """A replacement string: \\xNN stands for the byte NN."""
    out = bytearray()
    i = 0
    while i < len(s):
        if s.startswith("\\x", i):
            out.append(int(s[i + 2:i + 4], 16))
            i += 4
        else:
            out += s[i].encode()
            i += 1
    return bytes(out)


def gen_deep(spec):
    n = spec["n"]
    return (spec.get("open", "[") * n + spec.get("close", "]") * n).encode()


def gen_pad(spec):
    """A valid body of the base kind after spec["bytes"] spaces, or after
    as many as make it spec["total"] bytes long; "drop": that many bytes
    cut from its end."""
    body = compact(base_doc(spec["base"]))
    pad = spec["total"] - len(body) if "total" in spec else spec["bytes"]
    return (b" " * pad + body)[:len(body) + pad - spec.get("drop", 0)]


def gen_big_string(spec):
    """The base document with a string of spec["bytes"] bytes at path."""
    doc = base_doc(spec["base"])
    path_set(doc, spec["path"], "x" * spec["bytes"])
    return compact(doc)


def gen_many(spec):
    """The base document with spec["n"] copies of the element at path
    (an array), the last one changed by "last" (PATH: VALUE)."""
    doc = base_doc(spec["base"])
    steps = path_steps(spec["path"])
    node = doc
    for s in steps:
        node = node[s]
    item = node[0]
    node[:] = [copy.deepcopy(item) for _ in range(spec["n"])]
    for path, value in spec.get("last", {}).items():
        path_set(doc, spec["path"] + "[%d]." % (spec["n"] - 1) + path, value)
    return compact(doc)


def gen_channels(spec):
    """A document of spec["n"] channels whose last repeats the first."""
    doc = base_doc("catalogue")
    chans = [{"code": "C%d" % i, "name": "C", "type": "internet"}
             for i in range(spec["n"] - 1)]
    chans.append(dict(chans[0]))
    doc["channels"] = doc["channels"] + chans
    return compact(doc)


GENERATORS = {"deep": gen_deep, "pad": gen_pad, "big_string": gen_big_string,
              "many": gen_many, "channels": gen_channels}


def case_bytes(case):
    body = case["body"]
    if "text" in body:
        return body["text"].encode()
    if "hex" in body:
        return bytes.fromhex(body["hex"])
    if "json" in body:
        return compact(body["json"])
    if "generate" in body:
        return GENERATORS[body["generate"]["fn"]](body["generate"])
    doc = base_doc(body["base"])
    for path in body.get("delete", []):
        path_set(doc, path, None, delete=True)
    for path, value in body.get("set", {}).items():
        path_set(doc, path, value)
    data = compact(doc)
    for old, new in body.get("replace", []):
        if old.encode() not in data:
            raise SystemExit("case %s: %r not in its body" % (case["name"],
                                                             old))
        data = data.replace(old.encode(), escaped_bytes(new), 1)
    if "cut" in body:
        data = data[:body["cut"]]
    return data


# ---- HTTP over a raw socket (a body the server refuses early) ----

def http_raw(port, method, path, headers, body, chunked=False):
    """Sends one request, whatever the server does with its body, and
    reads the whole answer: (status, headers, body bytes)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=120)
    h = dict(headers)
    h["Host"] = "127.0.0.1"
    h["Connection"] = "close"
    if chunked:
        h["Transfer-Encoding"] = "chunked"
    else:
        h.setdefault("Content-Length", str(len(body)))
    head = "%s %s HTTP/1.1\r\n" % (method, path)
    head += "".join("%s: %s\r\n" % kv for kv in h.items()) + "\r\n"
    try:
        s.sendall(head.encode())
        step = 65536
        for i in range(0, len(body), step):
            piece = body[i:i + step]
            if chunked:
                piece = b"%x\r\n%s\r\n" % (len(piece), piece)
            s.sendall(piece)
        if chunked:
            s.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # answered from its headers: the rest is not read
    data = b""
    try:
        while True:
            got = s.recv(65536)
            if not got:
                break
            data += got
    except ConnectionResetError:
        pass
    s.close()
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines[0] else 0
    hdrs = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        hdrs[k.strip().lower()] = v.strip()
    return status, hdrs, rest


# ---- running a case ----

def error_of(text):
    """The error object of an answer's text, or None."""
    try:
        obj = json.loads(text)
        return obj.get("error") if isinstance(obj, dict) else None
    except ValueError:
        return None


def same_error(name, got, expect):
    """The error's code and field are those expected (field null: none)."""
    if got is None:
        return checks(name, False, "no error object")
    want = {"code": expect["code"]}
    have = {"code": got.get("code")}
    want["field"] = expect.get("field")
    have["field"] = got.get("field")
    return checks(name, have == want and bool(got.get("message")),
                  "got %s, want %s" % (got, want))


def strict_utf8(name, data):
    try:
        data.decode("utf-8", "strict")
        return True
    except UnicodeDecodeError as e:
        return checks(name + ": answer is UTF-8", False, e)


def run_cli(case, expect, body, ctx):
    kind = case["kind"]
    name = "%s [cli]" % case["name"]
    if kind == "request":
        code, out, err = run(ctx["encore"], ctx["cli_db"], "propose",
                             stdin=body)
    else:
        path = os.path.join(ctx["tmp"], "document.json")
        with open(path, "wb") as f:
            f.write(body)
        code, out, err = run(ctx["encore"], ctx["cli_db"], "import", path)
    last = err.strip().split("\n")[-1] if err.strip() else ""
    strict_utf8(name, last.encode())
    checks(name + ": exit 2", code == 2 and out == b"", (code, out[:200]))
    same_error(name, error_of(last), expect)


def http_target(case):
    """Method, path, headers of a case's HTTP request, by kind."""
    headers = {"Content-Type": "application/json"}
    headers.update(case.get("headers", {}))
    kind = case["kind"]
    if kind == "request":
        default = ("POST", "/api/v1/proposals")
    elif kind == "import":
        default = ("PUT", "/api/v1/admin/catalogue")
        headers.setdefault("Authorization", "Bearer " + ADMIN)
    elif kind == "order":
        default = ("POST", "/api/v1/orders")
        headers.setdefault("Authorization", "Bearer " + SHOP)
        headers.setdefault("Idempotency-Key", "bad-" + case["name"][:100])
    else:
        default = ("PUT", "/api/v1/admin/profiles/WEB-2027")
        headers.setdefault("Authorization", "Bearer " + ADMIN)
    headers = {k: v for k, v in headers.items() if v is not None}
    return (case.get("method", default[0]), case.get("path", default[1]),
            headers)


def run_http(case, expect, body, ctx):
    name = "%s [http]" % case["name"]
    method, path, headers = http_target(case)
    status, hdrs, data = http_raw(ctx["server"].port, method, path, headers,
                                  body, case.get("chunked", False))
    strict_utf8(name, data)
    checks(name + ": status", status == expect["status"],
           (status, data[:300]))
    checks(name + ": JSON", hdrs.get("content-type", "").startswith(
        "application/json"), hdrs.get("content-type"))
    same_error(name, error_of(data), expect)


def unchanged(name, ctx):
    """SPEC 5: nothing changed: the export, the integrity, the
    generation."""
    for db, baseline in ((ctx["cli_db"], ctx["cli_export"]),
                         (ctx["http_db"], ctx["http_export"])):
        try:
            after = export(ctx["encore"], db)
        except RuntimeError as e:
            after = str(e).encode()
        checks(name + ": export unchanged (%s)" % os.path.basename(db),
               after == baseline, "%d bytes, was %d" % (len(after),
                                                        len(baseline)))
        checks(name + ": integrity_check", integrity(db) == "ok")
    checks(name + ": generation unchanged",
           ctx["server"].generation() == ctx["generation"])


def run_case(case, ctx):
    body = case_bytes(case)
    for where, runner in (("cli", run_cli), ("http", run_http)):
        expect = case.get(where, case["expect"])
        if expect is False:
            continue
        if where == "cli" and case["kind"] not in ("request", "import"):
            continue
        if expect is not case["expect"]:
            expect = dict(case["expect"], **expect)
        runner(case, expect, body, ctx)
    unchanged(case["name"], ctx)


def load_cases():
    cases = []
    for path in sorted(glob.glob(os.path.join(TABLE, "*.json"))):
        with open(path) as f:
            for case in json.load(f):
                case["file"] = os.path.basename(path)
                cases.append(case)
    names = [c["name"] for c in cases]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise SystemExit("badinput: cases named twice: %s" % sorted(dup))
    return cases


def main():
    if len(sys.argv) < 2:
        raise SystemExit("usage: python3 tests/badinput.py ENCORE [NAME...]")
    encore = os.path.abspath(sys.argv[1])
    only = sys.argv[2:]
    cases = [c for c in load_cases()
             if not only or any(o in c["name"] for o in only)]
    tmp = tempfile.mkdtemp(prefix="encore-badinput-")
    try:
        ctx = {"encore": encore, "tmp": tmp,
               "cli_db": os.path.join(tmp, "cli.db"),
               "http_db": os.path.join(tmp, "http.db")}
        for db in (ctx["cli_db"], ctx["http_db"]):
            code, _, err = run(encore, db, "import", CATALOGUE)
            if code != 0:
                raise SystemExit("badinput: setup import failed: " + err)
        ctx["cli_export"] = export(encore, ctx["cli_db"])
        ctx["http_export"] = export(encore, ctx["http_db"])
        ctx["server"] = Server(encore, ctx["http_db"]).start()
        ctx["generation"] = ctx["server"].generation()
        try:
            for case in cases:
                run_case(case, ctx)
        finally:
            code, reports = ctx["server"].stop()
            checks("server stops cleanly, sanitizers silent",
                   code == 0 and not reports, (code, reports[:3]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("badinput: %d cases" % len(cases))
    sys.exit(checks.summary("badinput"))


if __name__ == "__main__":
    main()
