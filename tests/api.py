#!/usr/bin/env python3
"""The admin, shop and order API against a live `encore serve` (issue 3).

Starts the server on 127.0.0.1 with a free port, known tokens, a fresh
database holding tests/cases/catalogue.json and a web folder of its own
(with a symlink that points out of it), then checks each promise of
docs/API.md; every check is named after the rule or promise it guards.
Every JSON answer is also validated against web/openapi.json (the
schema of its path, method and status), so the document stays true.

Usage: python3 tests/api.py build/encore
Ends with "N passed, N failed"; exit status 1 when a check failed.
"""
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN = "admin-token-for-tests"
SHOP = "shop-token-for-tests"
NOW = "2027-05-02T10:00:00+02:00"

passed = 0
failed = 0
openapi = json.load(open(os.path.join(ROOT, "web", "openapi.json")))


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s%s" % (name, (": " + str(detail)[:600]) if detail else ""))


# ---- a JSON Schema subset (what web/openapi.json uses) ----

def resolve(schema):
    while "$ref" in schema:
        node = openapi
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


TYPES = {"object": dict, "array": list, "string": str, "boolean": bool,
         "null": type(None)}


def type_ok(value, t):
    if t == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, TYPES[t])


def schema_errors(value, schema, path="$"):
    """The places where value breaks schema (empty when it conforms)."""
    schema = resolve(schema)
    errs = []
    if "oneOf" in schema:
        matches = [s for s in schema["oneOf"] if not schema_errors(value, s, path)]
        if len(matches) != 1:
            errs.append("%s: matches %d of oneOf" % (path, len(matches)))
        return errs
    t = schema.get("type")
    if t is not None:
        types = t if isinstance(t, list) else [t]
        if not any(type_ok(value, x) for x in types):
            return ["%s: %r is not %s" % (path, value, t)]
    if "const" in schema and value != schema["const"]:
        errs.append("%s: %r is not %r" % (path, value, schema["const"]))
    if "enum" in schema and value not in schema["enum"]:
        errs.append("%s: %r not in %r" % (path, value, schema["enum"]))
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                errs.append("%s: %s missing" % (path, key))
        for key, v in value.items():
            if key in props:
                errs += schema_errors(v, props[key], path + "." + key)
            elif schema.get("additionalProperties") is False:
                errs.append("%s: %s not documented" % (path, key))
            elif isinstance(schema.get("additionalProperties"), dict):
                errs += schema_errors(v, schema["additionalProperties"],
                                      path + "." + key)
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            errs.append("%s: fewer than %d items" % (path, schema["minItems"]))
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errs.append("%s: more than %d items" % (path, schema["maxItems"]))
        for i, v in enumerate(value):
            if "items" in schema:
                errs += schema_errors(v, schema["items"], "%s[%d]" % (path, i))
    if type_ok(value, "integer"):
        if "minimum" in schema and value < schema["minimum"]:
            errs.append("%s: below %d" % (path, schema["minimum"]))
    return errs


def openapi_operation(method, path):
    """The documented operation of a concrete path, and its template."""
    for template, item in openapi["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in item:
            return template, item[method.lower()]
    return None, None


def conforms(method, path, status, body):
    """Checks an answer against the document: the status is documented for
    the operation and a JSON body matches its schema."""
    template, op = openapi_operation(method, path.split("?")[0])
    name = "OPENAPI %s %s %d" % (method, template or path, status)
    if op is None:
        check(name + " documented", False, "no operation")
        return
    resp = op["responses"].get(str(status))
    if resp is None:
        check(name + " documented", False, "status not documented")
        return
    if "$ref" in resp:
        resp = resolve(resp)
    content = resp.get("content", {}).get("application/json")
    if content is None or not isinstance(body, (dict, list)):
        return
    errs = schema_errors(body, content["schema"])
    check(name, not errs, errs[:3])


# ---- HTTP ----

class Server:
    def __init__(self, encore, db, web):
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        env = dict(os.environ, ENCORE_ADMIN_TOKEN=ADMIN,
                   ENCORE_SHOP_TOKEN=SHOP)
        self.log = open(db + ".log", "w+")
        self.proc = subprocess.Popen(
            [encore, "--db", db, "serve", "--listen",
             "127.0.0.1:%d" % self.port, "--web", web],
            stderr=self.log, env=env)
        for _ in range(100):
            self.log.seek(0)
            if "encore: serving" in self.log.read():
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        self.log.seek(0)
        raise SystemExit("encore serve did not start:\n" + self.log.read())

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=30)
        self.log.seek(0)
        text = self.log.read()
        sanitizer = re.findall(r"(ERROR: \w+Sanitizer.*|runtime error:.*)", text)
        check("SERVER stops cleanly, sanitizers silent",
              code == 0 and not sanitizer, (code, sanitizer[:3]))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def call(method, path, body=None, token=None, headers=None, raw=None,
         validate=True):
    """One request; returns (status, parsed JSON or text, headers)."""
    data = None
    h = dict(headers or {})
    if token is not None:
        h["Authorization"] = "Bearer " + token
    if raw is not None:
        data = raw
        h.setdefault("Content-Type", "application/json")
    elif body is not None:
        data = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(server.base + path, data=data, method=method,
                                 headers=h)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            status, text, rh = resp.status, resp.read(), resp.headers
    except urllib.error.HTTPError as e:
        status, text, rh = e.code, e.read(), e.headers
    parsed = text.decode("utf-8", "replace")
    if rh.get("Content-Type", "").startswith("application/json"):
        try:
            parsed = json.loads(text)
        except ValueError:
            check("JSON answer parses %s %s" % (method, path), False, text[:200])
    if validate:
        conforms(method, path, status, parsed)
    return status, parsed, rh


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def admin(method, path, body=None, **kw):
    return call(method, "/api/v1/admin" + path, body, token=ADMIN, **kw)


def propose(stage, cart, channel="WEB", focus=None, now=NOW):
    req = {"channel": channel, "stage": stage, "lang": "en", "now": now,
           "cart": cart}
    if focus is not None:
        req["focus"] = focus
    return call("POST", "/api/v1/proposals", req)


def generation():
    return call("GET", "/healthz")[1]["generation"]


JAZZ_CAT1 = {"product": "JAZZ-1", "performance": "JAZZ-1-0612",
             "seat_category": "CAT1", "audience": "ADULT", "quantity": 2}


def proposed(answer, product):
    return [p for p in answer["proposals"] if p["product"] == product]


def pool_left(perf, pool):
    db = sqlite3.connect(DB)
    row = db.execute(
        "SELECT \"left\" FROM pools JOIN performances ON performances.id ="
        " pools.performance_id WHERE performances.code = ? AND pools.code = ?",
        (perf, pool)).fetchone()
    db.close()
    return row[0] if row else None


# ---- the checks ----

def admin_routes():
    """Every admin and shop-token route of the document, with its path
    made concrete on the test catalogue."""
    values = {"code": "WEB-2027", "id": "L2"}
    for template, item in openapi["paths"].items():
        for method, op in item.items():
            if not isinstance(op, dict) or "security" not in op:
                continue
            path = re.sub(r"\{(\w+)\}",
                          lambda m: values.get(m.group(1), "x"), template)
            if template.startswith("/api/v1/admin/products/"):
                path = "/api/v1/admin/products/JAZZ-1"
            if template.startswith("/api/v1/orders/"):
                path = path.replace("/x", "/1")
            yield method.upper(), path, list(op["security"][0])[0]


def test_auth():
    """Issue 3: no admin (or order) call without its token: 401 with
    WWW-Authenticate, before anything is done."""
    before = admin("GET", "/catalogue", validate=False)[1]
    gen = generation()
    routes = list(admin_routes())
    check("AUTH the document lists the admin routes", len(routes) >= 25,
          len(routes))
    body = {"code": "X", "status": "draft", "channels": ["WEB"]}
    for method, path, scheme in routes:
        other = SHOP if scheme == "adminToken" else ADMIN
        for token in (None, "wrong-token", other):
            status, answer, headers = call(
                method, path, body if method in ("POST", "PUT") else None,
                token=token)
            check("AUTH %s %s token=%s -> 401" % (method, path, token),
                  status == 401 and answer["error"]["code"] == "unauthorized"
                  and headers.get("WWW-Authenticate") == "Bearer",
                  (status, answer))
    status, _, _ = call("GET", "/api/v1/admin/profiles",
                        headers={"Authorization": "Basic " + ADMIN})
    check("AUTH another scheme -> 401", status == 401, status)
    check("AUTH nothing changed: generation", generation() == gen)
    after = admin("GET", "/catalogue", validate=False)[1]
    check("AUTH nothing changed: catalogue", before == after)
    for path in ("/healthz", "/api/v1/openapi.json",
                 "/api/v1/shop/products?channel=WEB"):
        check("AUTH public %s stays open" % path, call("GET", path)[0] == 200)
    check("AUTH public proposals stay open",
          propose("cart", [JAZZ_CAT1])[0] == 200)


def test_codes_with_slashes():
    """SPEC 7: a code is any string the operator chooses; one holding '/'
    or '%' is reached through the admin paths escaped (%2F, %25)."""
    for code, path in (("A/B", "A%2FB"), ("C%2FD", "C%252FD")):
        body = {"code": code, "status": "draft", "channels": ["APP"],
                "lines": [{"id": "X/1", "type": "cart", "base": "JAZZ-1",
                           "targets": [{"product": "PARKING"}]}]}
        status, answer, _ = admin("POST", "/profiles", body)
        check("PROFILE %s created" % code, status == 201, answer)
        status, answer, _ = admin("GET", "/profiles/" + path)
        check("PROFILE %s read as /profiles/%s" % (code, path),
              status == 200 and answer["profile"]["code"] == code, answer)
        status, answer, _ = admin("GET", "/profiles/%s/lines/X%%2F1" % path)
        check("LINE X/1 of %s read as .../lines/X%%2F1" % code,
              status == 200 and answer["line"]["id"] == "X/1", answer)
        status, answer, _ = admin("DELETE", "/profiles/" + path)
        check("PROFILE %s deleted" % code, status == 200, answer)
        status, answer, _ = admin("GET", "/profiles/" + path)
        check("PROFILE %s gone" % code, status == 404, answer)


def test_profile_crud():
    """SPEC 3, 7: a draft profile created, read, changed, deleted; bodies
    are SPEC 7 objects and errors name the body's fields (SPEC 5)."""
    draft = {"code": "SUMMER", "name": {"en": "Summer", "fr": "Été"},
             "status": "draft", "channels": ["APP"],
             "lines": [{"id": "S1", "type": "cart", "base": "JAZZ-1",
                        "targets": [{"product": "PARKING"}]}]}
    status, answer, _ = admin("POST", "/profiles", draft)
    check("PROFILE create -> 201", status == 201, answer)
    check("PROFILE create answers the stored profile",
          status == 201 and answer["profile"]["code"] == "SUMMER"
          and answer["profile"]["lines"][0]["id"] == "S1", answer)
    status, answer, _ = admin("POST", "/profiles", draft)
    check("PROFILE create an existing code -> 409 on code",
          status == 409 and answer["error"]["field"] == "code", answer)
    bad = dict(draft, code="BAD", lines=[
        {"id": "B1", "type": "cart", "base": "JAZZ-1",
         "targets": [{"product": "NOPE"}]}])
    status, answer, _ = admin("POST", "/profiles", bad)
    check("SPEC5 unknown code in a profile body -> 422 naming the body's field",
          status == 422 and answer["error"]["code"] == "unknown_code"
          and answer["error"]["field"] == "lines[0].targets[0].product", answer)
    status, answer, _ = call("POST", "/api/v1/admin/profiles", raw=b"{\"code\":",
                             token=ADMIN)
    check("SPEC5 malformed profile body -> 400 invalid_json",
          status == 400 and answer["error"]["code"] == "invalid_json", answer)
    status, answer, _ = admin("GET", "/profiles/SUMMER")
    check("PROFILE read", status == 200 and answer["profile"]["name"] ==
          {"en": "Summer", "fr": "Été"}, answer)
    status, answer, _ = admin("PUT", "/profiles/SUMMER",
                              {"code": "SUMMER", "name": "Summer nights",
                               "status": "draft", "channels": ["APP"]})
    check("PROFILE replace without lines keeps them",
          status == 200 and answer["profile"]["name"] == "Summer nights"
          and [l["id"] for l in answer["profile"]["lines"]] == ["S1"], answer)
    status, answer, _ = admin("PUT", "/profiles/SUMMER",
                              {"code": "OTHER", "status": "draft",
                               "channels": []})
    check("PROFILE replace with another code -> 400 on code",
          status == 400 and answer["error"]["field"] == "code", answer)
    status, answer, _ = admin("GET", "/profiles")
    summary = [p for p in answer["profiles"] if p["code"] == "SUMMER"]
    check("PROFILE list has status, channels, line and findings counts",
          summary and summary[0]["lines"] == 1 and summary[0]["status"] ==
          "draft" and summary[0]["channels"] == ["APP"], answer)
    status, answer, _ = admin("DELETE", "/profiles/SUMMER")
    check("PROFILE delete", status == 200 and answer == {"deleted": "SUMMER"},
          answer)
    check("PROFILE deleted is gone", admin("GET", "/profiles/SUMMER")[0] == 404)
    status, answer, _ = admin("DELETE", "/profiles/WEB-2027")
    check("PROFILE delete an active one -> 409", status == 409, answer)


def test_lines():
    """SPEC 3, 7: lines added, read, replaced, reordered, deleted; each
    write is one transaction and the next proposal reflects it."""
    admin("POST", "/profiles", {"code": "LINES", "status": "draft",
                                "channels": ["APP"]})
    line = {"id": "A1", "type": "cart", "base": "JAZZ-1",
            "targets": [{"product": "PARKING", "date": "same_as_base"}]}
    status, answer, _ = admin("POST", "/profiles/LINES/lines", line)
    check("LINE create -> 201", status == 201 and answer["line"]["id"] == "A1",
          answer)
    status, answer, _ = admin("POST", "/profiles/LINES/lines", line)
    check("LINE create an existing id -> 409 on id",
          status == 409 and answer["error"]["field"] == "id", answer)
    for i in (2, 3):
        admin("POST", "/profiles/LINES/lines", dict(line, id="A%d" % i))
    bad = dict(line, id="A4", targets=[{"product": "PARKING",
                                        "quantity": {"mode": "fixed"}}])
    status, answer, _ = admin("POST", "/profiles/LINES/lines", bad)
    check("SPEC5 a line body's error names its field",
          status == 400 and answer["error"]["field"].startswith("targets[0]"),
          answer)
    status, answer, _ = admin("GET", "/profiles/LINES/lines/A2")
    check("LINE read", status == 200 and answer["line"]["id"] == "A2", answer)
    check("LINE read unknown -> 404",
          admin("GET", "/profiles/LINES/lines/NOPE")[0] == 404)
    changed = dict(line, id="A2", text={"en": "Park <b>here</b>"})
    status, answer, _ = admin("PUT", "/profiles/LINES/lines/A2", changed)
    check("LINE replace keeps its place and stores text as given",
          status == 200 and answer["line"]["text"] == {"en": "Park <b>here</b>"},
          answer)
    status, answer, _ = admin("PUT", "/profiles/LINES/lines/A2",
                              dict(line, id="ZZ"))
    check("LINE replace with another id -> 400 on id",
          status == 400 and answer["error"]["field"] == "id", answer)
    status, answer, _ = admin("PUT", "/profiles/LINES/lines",
                              {"order": ["A3", "A1", "A2"]})
    ids = [l["id"] for l in answer["profile"]["lines"]] if status == 200 else []
    check("LINE reorder (R14 order)", ids == ["A3", "A1", "A2"], answer)
    status, answer, _ = admin("PUT", "/profiles/LINES/lines",
                              {"order": ["A3", "A1"]})
    check("LINE reorder without every id -> 400 on order",
          status == 400 and answer["error"]["field"] == "order", answer)
    status, answer, _ = admin("PUT", "/profiles/LINES/lines",
                              {"order": ["A3", "A1", "A1"]})
    check("LINE reorder with an id twice -> 400 on order[2]",
          status == 400 and answer["error"]["field"] == "order[2]", answer)
    status, answer, _ = admin("DELETE", "/profiles/LINES/lines/A1")
    check("LINE delete", status == 200 and answer == {"deleted": "A1"}, answer)
    ids = [l["id"] for l in admin("GET", "/profiles/LINES")[1]["profile"]["lines"]]
    check("LINE delete keeps the others in order", ids == ["A3", "A2"], ids)


def test_validate():
    """SPEC 6: validate lists errors and warnings beside their line and
    changes nothing."""
    gen = generation()
    status, answer, _ = admin("POST", "/profiles/DRAFT-APP/validate")
    errors = [f for f in answer.get("findings", []) if f["severity"] == "error"]
    check("SPEC6 validate: upsell target not a package containing the base",
          status == 200 and answer["errors"] >= 1 and errors
          and errors[0].get("line") == "D2", answer)
    admin("POST", "/profiles", {"code": "OLD", "status": "draft",
                                "channels": ["APP"], "lines": [
        {"id": "O1", "type": "cart", "base": "JAZZ-1",
         "targets": [{"product": "JAZZ-1"}], "valid_to": "2020-01-01"}]})
    status, answer, _ = admin("POST", "/profiles/OLD/validate")
    severities = sorted((f.get("line"), f["severity"]) for f in answer["findings"])
    check("SPEC6 validate: own base is an error, expired line a warning",
          ("O1", "error") in severities and ("O1", "warning") in severities,
          answer)
    check("SPEC6 validate changes nothing", generation() == gen + 1)
    status, answer, _ = admin("POST", "/profiles/NOPE/validate")
    check("SPEC6 validate unknown profile -> 404", status == 404, answer)


def test_activate():
    """SPEC 3: activation checks; with an error 422 and nothing changes;
    else the profile takes over its channels from the other active one."""
    gen = generation()
    status, answer, _ = admin("POST", "/profiles/DRAFT-APP/activate")
    check("SPEC3 activate with an error -> 422 check_failed with findings",
          status == 422 and answer["error"]["code"] == "check_failed"
          and answer["findings"]["errors"] >= 1, answer)
    check("SPEC3 refused activation changes nothing",
          generation() == gen and
          admin("GET", "/profiles/DRAFT-APP")[1]["profile"]["status"] == "draft")
    admin("POST", "/profiles", {"code": "TAKER", "status": "draft",
                                "channels": ["WEB"], "lines": [
        {"id": "T1", "type": "cart", "base": "JAZZ-1",
         "targets": [{"product": "TSHIRT"}]}]})
    status, answer, _ = admin("POST", "/profiles/TAKER/activate")
    check("SPEC3 activate takes over the channel",
          status == 200 and answer["profile"]["status"] == "active"
          and answer["took_over"] == [{"channel": "WEB", "from": "WEB-2027"}],
          answer)
    old = admin("GET", "/profiles/WEB-2027")[1]["profile"]
    check("SPEC3 the profile left without channels goes back to draft",
          old["status"] == "draft" and old["channels"] == ["WEB"], old)
    status, answer, _ = propose("cart", [JAZZ_CAT1])
    check("SPEC3 the next proposal uses the new active profile",
          answer["profile"] == "TAKER"
          and [p["product"] for p in answer["proposals"]] == ["TSHIRT"], answer)
    status, answer, _ = admin("POST", "/profiles/TAKER/deactivate")
    check("SPEC3 deactivate -> draft",
          status == 200 and answer["profile"]["status"] == "draft", answer)
    check("R1 no active profile on the channel: empty answer",
          propose("cart", [JAZZ_CAT1])[1]["profile"] is None)
    admin("PUT", "/profiles/WEB-2027", {"code": "WEB-2027",
                                        "name": "Web season 2027",
                                        "status": "draft", "channels": ["WEB"],
                                        "limits": {"sidebar": 3}})
    status, answer, _ = admin("POST", "/profiles/WEB-2027/activate")
    check("SPEC3 activate again", status == 200 and answer["took_over"] == [],
          answer)
    check("SPEC3 the old profile answers again",
          propose("cart", [JAZZ_CAT1])[1]["profile"] == "WEB-2027")


def test_active_refusal():
    """SPEC 3: a change to an active profile that would give it an error is
    refused (422 with the findings) and the profile stays as it was."""
    before = admin("GET", "/profiles/WEB-2027")[1]["profile"]
    gen = generation()
    broken = {"id": "L2", "type": "cart", "base": "JAZZ-1",
              "targets": [{"product": "JAZZ-1"}]}
    status, answer, _ = admin("PUT", "/profiles/WEB-2027/lines/L2", broken)
    check("SPEC3 erroneous line change to an active profile -> 422",
          status == 422 and answer["error"]["code"] == "check_failed"
          and any(f.get("line") == "L2" and f["severity"] == "error"
                  for f in answer["findings"]["findings"]), answer)
    status, answer, _ = admin("PUT", "/profiles/WEB-2027",
                              dict(before, channels=["WEB", "DESK"]))
    check("SPEC6 active profile on a non-internet channel -> 422",
          status == 422 and answer["error"]["code"] == "check_failed", answer)
    status, answer, _ = admin("POST", "/profiles/WEB-2027/lines",
                              {"id": "L99", "type": "cart", "base": "JAZZ-1",
                               "when": {"min_quantity": 2},
                               "targets": [{"product": "PARKING"}]})
    check("SPEC6 'when' on a non-conditional line of an active profile -> 422",
          status == 422, answer)
    check("SPEC3 refused changes leave the profile as it was",
          admin("GET", "/profiles/WEB-2027")[1]["profile"] == before
          and generation() == gen)


def sold_out_warned(product):
    """True when validating WEB-2027 warns that product is sold out
    (SPEC 6, read from what is left now)."""
    status, answer, _ = admin("POST", "/profiles/WEB-2027/validate")
    return status == 200 and any(
        "%s is sold out" % product in f["message"]
        for f in answer.get("findings", []))


def test_availability_and_preview():
    """R7: what the ticketing system pushes is what the next proposal uses;
    the preview gives the answer and why each line fired or stopped."""
    status, answer, _ = admin("PUT", "/availability", {
        "performances": [{"code": "PARKING-0612", "capacity": {"*": 0}}]})
    check("R7 availability push -> 200",
          status == 200 and answer == {"performances": 1, "products": 0},
          answer)
    check("R7 pushed sold out: the next proposal leaves the target out",
          not proposed(propose("cart", [JAZZ_CAT1])[1], "PARKING"))
    admin("PUT", "/availability", {"products": [{"code": "CAP", "stock": 0}]})
    check("SPEC6 validate warns of a target sold out by a push",
          sold_out_warned("CAP"))
    admin("PUT", "/availability", {"products": [{"code": "CAP", "stock": 1}]})
    check("SPEC6 validate no longer warns once it is pushed back",
          not sold_out_warned("CAP"))
    req = {"channel": "WEB", "stage": "cart", "lang": "en", "now": NOW,
           "cart": [JAZZ_CAT1]}
    status, answer, _ = admin("POST", "/preview", req)
    why = [t for t in answer.get("trace", []) if t.get("product") == "PARKING"]
    check("PREVIEW trace says R7 sold out",
          status == 200 and why and why[0]["outcome"] == "stopped"
          and why[0]["rule"] == "R7", answer)
    status, answer, _ = admin("PUT", "/availability", {
        "performances": [{"code": "PARKING-0612", "capacity": {"*": 5}}],
        "products": [{"code": "TSHIRT", "stock": 7}]})
    check("R7 availability push of pools and stocks",
          answer == {"performances": 1, "products": 1}, answer)
    parking = proposed(propose("cart", [JAZZ_CAT1])[1], "PARKING")
    check("R7 pushed 5 left: proposed with available 5",
          parking and parking[0]["performances"][0]["available"] == 5, parking)
    status, answer, _ = admin("POST", "/preview", req)
    plain = propose("cart", [JAZZ_CAT1])[1]
    check("PREVIEW answer is the proposal answer", answer["answer"] == plain,
          answer)
    lines = {t["line"]: t for t in answer["trace"]}
    check("PREVIEW trace has every line considered",
          lines.get("L2", {}).get("outcome") == "proposed"
          and lines.get("L1", {}).get("rule") == "R3", answer["trace"])
    status, answer, _ = admin("PUT", "/availability", {
        "performances": [{"code": "PARKING-0612", "capacity": {"CAT9": 1}}]})
    check("SPEC5 availability for a pool the performance lacks -> 422",
          status == 422 and answer["error"]["field"] ==
          "performances[0].capacity.CAT9", answer)
    status, answer, _ = admin("PUT", "/availability", {
        "products": [{"code": "WATER", "stock": 1}]})
    check("SPEC5 stock for an unlimited product -> 400",
          status == 400 and answer["error"]["field"] == "products[0].stock",
          answer)
    status, answer, _ = admin("PUT", "/availability", {
        "performances": [{"code": "PARKING-0612", "capacity": {"*": -1}}]})
    check("SPEC5 a negative count -> 400", status == 400, answer)
    check("R7 refused pushes change nothing",
          pool_left("PARKING-0612", "*") == 5)


def order(cart, key, channel="WEB", token=SHOP, now=NOW, raw=None):
    body = {"channel": channel, "lang": "en", "now": now, "cart": cart}
    headers = {"Idempotency-Key": key} if key is not None else {}
    return call("POST", "/api/v1/orders", body if raw is None else None,
                token=token, headers=headers, raw=raw)


PARKING = {"product": "PARKING", "performance": "PARKING-0612", "quantity": 2}


def test_orders():
    """Orders: stock taken atomically (R7), Idempotency-Key, 409 on too few
    left, the post-purchase proposals, cancel gives the stock back."""
    admin("PUT", "/availability", {
        "performances": [{"code": "PARKING-0612", "capacity": {"*": 5}}]})
    status, answer, _ = order([PARKING], None)
    check("ORDER without Idempotency-Key -> 400",
          status == 400 and answer["error"]["field"] == "Idempotency-Key",
          answer)
    cart = [JAZZ_CAT1, PARKING]
    status, first, _ = order(cart, "key-1")
    check("ORDER placed -> 201 paid with total",
          status == 201 and first["order"]["status"] == "paid"
          and first["order"]["total"] == 2 * 4500 + 2 * 800, first)
    check("ORDER answer carries the confirmation-stage proposals (R3)",
          status == 201 and first["proposals"]["stage"] == "confirmation"
          and [p["product"] for p in first["proposals"]["proposals"]] ==
          ["CINE-PASS"], first)
    check("R7 ORDER took from the pools",
          pool_left("PARKING-0612", "*") == 3
          and pool_left("JAZZ-1-0612", "CAT1") == 118)
    status, again, _ = order(cart, "key-1")
    check("ORDER retry with the same key and body -> 200, same answer",
          status == 200 and again == first, again)
    check("ORDER retry sells nothing more", pool_left("PARKING-0612", "*") == 3)
    status, answer, _ = order([PARKING], "key-1")
    check("ORDER same key, another body -> 409 on Idempotency-Key",
          status == 409 and answer["error"]["field"] == "Idempotency-Key",
          answer)
    big = dict(PARKING, quantity=4)
    status, answer, _ = order([JAZZ_CAT1, big], "key-2")
    check("R7 ORDER too few left -> 409 naming the item",
          status == 409 and answer["error"] == {
              "code": "conflict", "message": "only 3 left",
              "field": "cart[1].quantity"}, answer)
    check("R7 refused order sells nothing",
          pool_left("PARKING-0612", "*") == 3
          and pool_left("JAZZ-1-0612", "CAT1") == 118)
    parking = proposed(propose("cart", [JAZZ_CAT1])[1], "PARKING")
    check("R7 the next proposal sees what orders left",
          parking and parking[0]["performances"][0]["available"] == 3, parking)
    shop = call("GET", "/api/v1/shop/products/PARKING?channel=WEB&now=" +
                NOW.replace("+", "%2B"))[1]
    perf = [p for p in shop["product"]["performances"]
            if p["code"] == "PARKING-0612"]
    check("SHOP shows what orders left", perf and perf[0]["pools"] == {"*": 3},
          shop)
    status, answer, _ = order([{"product": "DESK-BAG", "quantity": 1}], "key-3")
    check("R5 ORDER of a product not sold on the channel -> 409",
          status == 409 and answer["error"]["field"] == "cart[0].product",
          answer)
    status, answer, _ = order([PARKING], "key-4",
                              now="2027-06-12T09:00:00+02:00")
    check("R6 ORDER of a performance that has started -> 409",
          status == 409 and answer["error"]["field"] == "cart[0].performance",
          answer)
    status, answer, _ = order([dict(PARKING, quantity=0)], "key-5")
    check("SPEC5 ORDER quantity 0 -> 400 on cart[0].quantity",
          status == 400 and answer["error"]["field"] == "cart[0].quantity",
          answer)
    status, answer, _ = order([], "key-6")
    check("ORDER empty cart -> 400 on cart",
          status == 400 and answer["error"]["field"] == "cart", answer)
    oid = first["order"]["id"]
    status, answer, _ = call("GET", "/api/v1/orders/%d" % oid, token=SHOP)
    check("ORDER read back", status == 200 and answer["order"] ==
          first["order"], answer)
    check("ORDER unknown -> 404",
          call("GET", "/api/v1/orders/99999", token=SHOP)[0] == 404)
    status, answer, _ = call("POST", "/api/v1/orders/%d/cancel" % oid,
                             token=SHOP)
    check("ORDER cancel -> cancelled",
          status == 200 and answer["order"]["status"] == "cancelled"
          and "cancelled" in answer["order"], answer)
    check("ORDER cancel gives the stock back",
          pool_left("PARKING-0612", "*") == 5
          and pool_left("JAZZ-1-0612", "CAT1") == 120)
    parking = proposed(propose("cart", [JAZZ_CAT1])[1], "PARKING")
    check("ORDER cancel: the next proposal sees the stock back",
          parking and parking[0]["performances"][0]["available"] == 5, parking)
    status, answer, _ = call("POST", "/api/v1/orders/%d/cancel" % oid,
                             token=SHOP)
    check("ORDER second cancel -> 409", status == 409, answer)
    check("ORDER second cancel gives nothing back",
          pool_left("PARKING-0612", "*") == 5)


def test_race():
    """R7: 50 buyers at once for the last 10 parking places: exactly 10
    sold, the rest 409, 0 left in the database and in proposals."""
    admin("PUT", "/availability", {
        "performances": [{"code": "PARKING-0612", "capacity": {"*": 10}}]})
    results = []
    lock = threading.Lock()
    start = threading.Barrier(50)

    def buyer(i):
        start.wait()
        status, answer, _ = order(
            [{"product": "PARKING", "performance": "PARKING-0612",
              "quantity": 1}], "race-%d" % i)
        with lock:
            results.append((status, answer))

    threads = [threading.Thread(target=buyer, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sold = [a for s, a in results if s == 201]
    refused = [a for s, a in results if s == 409]
    check("R7 RACE exactly 10 of 50 buyers get the last 10 places",
          len(sold) == 10 and len(refused) == 40,
          sorted(s for s, _ in results))
    check("R7 RACE the others get a clear conflict",
          all(a["error"]["field"] == "cart[0].quantity" and
              a["error"]["message"] == "only 0 left" for a in refused),
          refused[:2])
    check("R7 RACE 0 left in the database", pool_left("PARKING-0612", "*") == 0)
    db = sqlite3.connect(DB)
    n = db.execute("SELECT sum(quantity) FROM order_items WHERE performance ="
                   " 'PARKING-0612' AND order_id IN (SELECT id FROM orders"
                   " WHERE status = 'paid')").fetchone()[0]
    db.close()
    check("R7 RACE nothing sold twice", n == 10, n)
    check("R7 RACE sold out in proposals",
          not proposed(propose("cart", [JAZZ_CAT1])[1], "PARKING"))


def test_shop():
    """R5, R6, R7: the shop lists what is on sale on a channel."""
    q = "/api/v1/shop/products?channel=WEB&lang=en&now=" + NOW.replace("+", "%2B")
    status, answer, _ = call("GET", q)
    codes = [p["code"] for p in answer["products"]]
    check("SHOP lists products on sale", status == 200 and "JAZZ-1" in codes,
          answer)
    check("R5 SHOP leaves out archived and other channels' products",
          "OLD-GUIDE" not in codes and "DESK-BAG" not in codes, codes)
    check("R5 SHOP total counts them", answer["total"] == len(codes))
    status, answer, _ = call("GET", q + "&limit=2&offset=1")
    check("SHOP pages", [p["code"] for p in answer["products"]] == codes[1:3],
          answer)
    status, answer, _ = call("GET", "/api/v1/shop/products?channel=DESK&now=" +
                             NOW.replace("+", "%2B"))
    check("R5 SHOP on DESK lists the desk's bag",
          "DESK-BAG" in [p["code"] for p in answer["products"]])
    status, answer, _ = call("GET", "/api/v1/shop/products")
    check("SHOP without channel -> 400 on channel",
          status == 400 and answer["error"]["field"] == "channel", answer)
    status, answer, _ = call("GET", "/api/v1/shop/products?channel=NOPE")
    check("SHOP unknown channel -> 422", status == 422, answer)
    status, answer, _ = call("GET", "/api/v1/shop/products/DESK-BAG?channel=WEB")
    check("R5 SHOP product not on this channel -> 404", status == 404, answer)
    late = "/api/v1/shop/products/JAZZ-1?channel=WEB&now=2027-06-12T21:00:00%2B02:00"
    status, answer, _ = call("GET", late)
    check("R6 SHOP lists only performances yet to start",
          [p["code"] for p in answer["product"]["performances"]] ==
          ["JAZZ-1-0613"], answer)
    status, answer, _ = call("GET", "/api/v1/shop/products/TSHIRT?channel=WEB")
    check("R7 SHOP undated stock as available",
          answer["product"].get("available") == 7, answer)


def test_pickers_and_lists():
    """The editors' data: product search (code prefix first), lists."""
    status, answer, _ = admin("GET", "/products?q=jazz&limit=20")
    codes = [p["code"] for p in answer["products"]]
    check("PICKER search by code, code prefixes first",
          codes[:3] == ["JAZZ-1", "JAZZ-1-PACK", "JAZZ-2"]
          and len(codes) > 3, codes)
    status, answer, _ = admin("GET", "/products?q=QUARTET")
    check("PICKER search by name, any case",
          [p["code"] for p in answer["products"]][:1] == ["JAZZ-1"], answer)
    status, answer, _ = admin("GET", "/products?q=&limit=3")
    check("PICKER limit", len(answer["products"]) == 3, answer)
    status, answer, _ = admin("GET", "/products?limit=0")
    check("PICKER limit out of range -> 400", status == 400, answer)
    status, answer, _ = admin("GET", "/products/JAZZ-1")
    perfs = answer["product"].get("performances", [])
    check("PICKER product with performances and what is left",
          status == 200 and perfs[0]["code"] == "JAZZ-1-0612"
          and perfs[0]["capacity"]["CAT1"] == 120, answer)
    check("PICKER unknown product -> 404",
          admin("GET", "/products/NOPE")[0] == 404)
    status, answer, _ = admin("GET", "/seat-categories?lang=en")
    check("LIST seat categories", status == 200 and
          answer["seat_categories"][0]["code"] == "CAT1", answer)
    check("LIST audiences", admin("GET", "/audiences")[0] == 200)
    status, answer, _ = admin("GET", "/channels")
    check("LIST channels with types",
          {"code": "DESK", "name": "Box office", "type": "box_office"}
          in answer["channels"], answer)
    status, answer, _ = admin("GET", "/institution")
    check("LIST institution", answer["institution"]["languages"] ==
          ["fr", "en"], answer)


def test_catalogue():
    """SPEC 9: export and import through the admin API."""
    status, doc, _ = admin("GET", "/catalogue")
    check("CATALOGUE export", status == 200 and
          doc["format"] == "encore-catalogue/1", status)
    gen = generation()
    status, answer, _ = admin("PUT", "/catalogue", {
        "format": "encore-catalogue/1",
        "audiences": [{"code": "SENIOR", "name": "Senior"}]})
    check("CATALOGUE partial import merges (SPEC 9)",
          status == 200 and generation() == gen + 1, answer)
    check("CATALOGUE merged keeps the rest",
          len(admin("GET", "/catalogue")[1]["products"]) == len(doc["products"]))
    status, answer, _ = admin("PUT", "/catalogue", {
        "format": "encore-catalogue/1", "products": [{"code": "X"}]})
    check("SPEC5 import with a missing field -> 400, nothing changed",
          status == 400 and generation() == gen + 1, answer)
    status, answer, _ = admin("PUT", "/catalogue?replace=maybe", doc)
    check("CATALOGUE replace flag checked", status == 400, answer)


def test_static():
    """Pages: / redirects, files with their type, nothing out of web/."""
    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(server.base + "/")
        status, location = 200, None
    except urllib.error.HTTPError as e:
        status, location = e.code, e.headers.get("Location")
    check("STATIC / redirects to /shop/", (status, location) == (302, "/shop/"))
    status, text, headers = call("GET", "/shop/")
    check("STATIC /shop/ serves index.html",
          status == 200 and headers["Content-Type"].startswith("text/html")
          and "shop page" in text, (status, headers["Content-Type"]))
    status, text, headers = call("GET", "/admin/app.js")
    check("STATIC content type by extension",
          status == 200 and headers["Content-Type"].startswith("text/javascript"),
          headers["Content-Type"])
    for path in ("/admin/leak.txt", "/admin/%2e%2e/secret.txt",
                 "/admin/.hidden", "/admin/nope.js", "/shop//index.html"):
        status, answer, _ = call("GET", path, validate=False)
        check("STATIC %s -> 404 JSON" % path,
              status == 404 and isinstance(answer, dict)
              and answer["error"]["code"] == "not_found", (status, answer))
    status, answer, _ = call("GET", "/api/v1/openapi.json")
    check("OPENAPI served is web/openapi.json", answer == openapi)


def make_web(tmp):
    """A web folder of the test's own: pages, the document, and a symlink
    that points out of it."""
    web = os.path.join(tmp, "web")
    for site in ("admin", "shop"):
        os.makedirs(os.path.join(web, site))
        with open(os.path.join(web, site, "index.html"), "w") as f:
            f.write("<!doctype html><title>%s page</title>\n" % site)
    with open(os.path.join(web, "admin", "app.js"), "w") as f:
        f.write("console.log('admin');\n")
    with open(os.path.join(web, "admin", ".hidden"), "w") as f:
        f.write("hidden\n")
    with open(os.path.join(tmp, "secret.txt"), "w") as f:
        f.write("secret\n")
    os.symlink(os.path.join(tmp, "secret.txt"),
               os.path.join(web, "admin", "leak.txt"))
    shutil.copy(os.path.join(ROOT, "web", "openapi.json"), web)
    return web


def main():
    global server, DB
    if len(sys.argv) != 2:
        raise SystemExit("usage: python3 tests/api.py ENCORE")
    encore = os.path.abspath(sys.argv[1])
    tmp = tempfile.mkdtemp(prefix="encore-api-")
    DB = os.path.join(tmp, "encore.db")
    try:
        subprocess.run([encore, "--db", DB, "import",
                        os.path.join(ROOT, "tests", "cases", "catalogue.json")],
                       check=True, stderr=subprocess.DEVNULL)
        server = Server(encore, DB, make_web(tmp))
        try:
            for test in (test_auth, test_profile_crud, test_codes_with_slashes,
                         test_lines,
                         test_validate, test_activate, test_active_refusal,
                         test_availability_and_preview, test_orders, test_race,
                         test_shop, test_pickers_and_lists, test_catalogue,
                         test_static):
                test()
        finally:
            server.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
