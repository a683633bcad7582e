#!/usr/bin/env python3
"""Tests the sample season: the document (SPEC 7) and, given the program,
the five examples of its active profile (SPEC 2, R1-R14).

usage: python3 data/test-sample.py [--encore build/encore]

Without --encore it checks data/sample-season.json on its own: allowed
keys, required fields, types and formats, codes unique and resolved,
offsets of the venue's time zone, the coherence of the season (packages,
parking and dinner on concert days), that build-sample.py gives the same
bytes, and that shift-season.py keeps weekdays and wall clocks.

With --encore it also imports the season into a temporary database, runs
`check`, and asks `propose` for the demo requests (with a "now" in the
season) and for variants where an example must not fire. Each finding is
one line; the last line is 'N passed, N failed'. Exit 1 on a failure.
Python 3 standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SAMPLE = os.path.join(HERE, "sample-season.json")

KEYS = {
    "document": {"format", "institution", "channels", "seat_categories",
                 "audiences", "activities", "themes", "products",
                 "profiles"},
    "institution": {"code", "name", "timezone", "currency", "languages"},
    "channel": {"code", "name", "type"},
    "seat_category": {"code", "name", "rank"},
    "audience": {"code", "name"},
    "activity": {"code", "name"},
    "theme": {"code", "name", "parent"},
    "product": {"code", "kind", "name", "description", "activity", "themes",
                "cycle", "season", "venue", "channels", "sale", "status",
                "stock", "max_per_order", "prices", "components",
                "performances"},
    "price": {"seat_category", "audience", "amount"},
    "component": {"product", "quantity"},
    "performance": {"code", "start", "end", "venue", "sale", "capacity"},
    "sale": {"from", "to"},
    "profile": {"code", "name", "status", "channels", "limits", "lines"},
    "limits": {"instead", "under_cart", "sidebar", "confirmation"},
    "line": {"id", "type", "base", "targets", "when", "valid_from",
             "valid_to", "text"},
    "when": {"min_quantity", "performances", "seat_categories"},
    "target": {"product", "quantity", "date", "seat_categories",
               "audiences"},
    "quantity": {"mode", "per", "value", "min", "max"},
}
REQUIRED = {
    "document": {"format", "institution"},
    "institution": {"code", "timezone", "currency", "languages"},
    "product": {"code", "kind", "name", "prices"},
    "performance": {"code", "start", "capacity"},
    "profile": {"code", "status", "channels"},
    "line": {"id", "type", "base", "targets"},
}
CODED = {"channel", "seat_category", "audience", "activity", "theme",
         "product", "performance", "profile"}
KINDS = {"event", "pass_dated", "pass_timed", "pass_open", "subscription",
         "service", "merchandise", "package"}
CHANNEL_TYPES = {"internet", "box_office", "call_center", "partner", "kiosk"}
LINE_TYPES = {"upsell", "cart", "conditional", "favorite", "post_purchase"}
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"
                     r"(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Report:
    """Counts checks; prints failures and a closing 'N passed, N failed'."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {what}")
        return ok

    def close(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


# ------------------------------------------------------------ SPEC 7 shape

def check_object(rep, obj, kind, where):
    """obj is an object with only the keys of kind and its required ones."""
    if not rep.check(isinstance(obj, dict), f"{where}: an object"):
        return False
    unknown = set(obj) - KEYS[kind]
    missing = REQUIRED.get(kind, set()) - set(obj)
    if kind in CODED:
        missing |= {"code"} - set(obj)
    rep.check(not unknown, f"{where}: unknown keys {sorted(unknown)}")
    rep.check(not missing, f"{where}: missing {sorted(missing)}")
    return True


def check_text(rep, value, languages, where):
    """A name or a text: a string, or an object of language to string."""
    if isinstance(value, str):
        rep.check(value != "" and not re.search(r"[\x00-\x08\x0b-\x1f]",
                                                value),
                  f"{where}: a non-empty plain text")
        return
    if rep.check(isinstance(value, dict) and value, f"{where}: a text"):
        for lang, s in value.items():
            rep.check(lang in languages, f"{where}.{lang}: a language")
            rep.check(isinstance(s, str) and s and not re.search(
                r"[\x00-\x08\x0b-\x1f]", s), f"{where}.{lang}: plain text")


def check_time(rep, value, tz, where):
    """RFC 3339 with the venue's UTC offset for that local time."""
    if not rep.check(isinstance(value, str) and RFC3339.match(value),
                     f"{where}: RFC 3339 ({value!r})"):
        return None
    t = datetime.fromisoformat(value)
    venue = t.replace(tzinfo=None).replace(tzinfo=tz).utcoffset()
    rep.check(t.utcoffset() == venue,
              f"{where}: offset of {tz.key} ({value})")
    return t


def check_bound(rep, value, tz, where):
    if isinstance(value, str) and DATE.match(value):
        return rep.check(date.fromisoformat(value) is not None, where)
    return check_time(rep, value, tz, where)


def check_codes(rep, records, where):
    """Codes present, strings, unique within their kind."""
    codes = [r.get("code") for r in records]
    rep.check(all(isinstance(c, str) and c and re.fullmatch(r"[\x21-\x7e]+",
                                                            c)
                  for c in codes), f"{where}: codes are printable strings")
    rep.check(len(codes) == len(set(codes)), f"{where}: codes unique")
    return set(codes)


def check_reference_records(rep, doc, languages):
    """Channels, seat categories, audiences, activities, themes."""
    out = {}
    for kind, key in (("channel", "channels"),
                      ("seat_category", "seat_categories"),
                      ("audience", "audiences"), ("activity", "activities"),
                      ("theme", "themes")):
        records = doc.get(key, [])
        for i, r in enumerate(records):
            check_object(rep, r, kind, f"{key}[{i}]")
            if "name" in r:
                check_text(rep, r["name"], languages, f"{key}[{i}].name")
        out[key] = check_codes(rep, records, key)
    for i, c in enumerate(doc.get("channels", [])):
        rep.check(c.get("type") in CHANNEL_TYPES, f"channels[{i}].type")
    for i, s in enumerate(doc.get("seat_categories", [])):
        rep.check(isinstance(s.get("rank", 1), int), f"seat_categories[{i}]")
    for i, t in enumerate(doc.get("themes", [])):
        if "parent" in t:
            rep.check(t["parent"] in out["themes"] and t["parent"] !=
                      t["code"], f"themes[{i}].parent resolves")
    return out


def check_prices(rep, p, refs, where):
    rep.check(isinstance(p.get("prices"), list) and p["prices"],
              f"{where}.prices: a non-empty list")
    for j, row in enumerate(p.get("prices", [])):
        check_object(rep, row, "price", f"{where}.prices[{j}]")
        rep.check(isinstance(row.get("amount"), int) and row["amount"] >= 0,
                  f"{where}.prices[{j}].amount: integer >= 0")
        if "seat_category" in row:
            rep.check(row["seat_category"] in refs["seat_categories"],
                      f"{where}.prices[{j}].seat_category resolves")
        if "audience" in row:
            rep.check(row["audience"] in refs["audiences"],
                      f"{where}.prices[{j}].audience resolves")


def check_performance(rep, perf, refs, tz, where):
    check_object(rep, perf, "performance", where)
    check_time(rep, perf.get("start"), tz, f"{where}.start")
    if "end" in perf:
        check_time(rep, perf["end"], tz, f"{where}.end")
    for b in ("from", "to"):
        if b in perf.get("sale", {}):
            check_bound(rep, perf["sale"][b], tz, f"{where}.sale.{b}")
    cap = perf.get("capacity", {})
    rep.check(isinstance(cap, dict) and cap, f"{where}.capacity: pools")
    for k, v in cap.items():
        rep.check(k == "*" or k in refs["seat_categories"],
                  f"{where}.capacity.{k}: a seat category or '*'")
        rep.check(isinstance(v, int) and v >= 0,
                  f"{where}.capacity.{k}: integer >= 0")


def check_product(rep, p, refs, tz, languages, where):
    check_object(rep, p, "product", where)
    rep.check(p.get("kind") in KINDS, f"{where}.kind")
    check_text(rep, p.get("name", ""), languages, f"{where}.name")
    if "description" in p:
        check_text(rep, p["description"], languages, f"{where}.description")
    if "activity" in p:
        rep.check(p["activity"] in refs["activities"], f"{where}.activity")
    for key in ("themes", "channels"):
        rep.check(p.get(key, [None]) != [], f"{where}.{key}: not empty")
    for t in p.get("themes", []):
        rep.check(t in refs["themes"], f"{where}.themes: {t} resolves")
    for c in p.get("channels", []):
        rep.check(c in refs["channels"], f"{where}.channels: {c} resolves")
    for b in ("from", "to"):
        if b in p.get("sale", {}):
            check_bound(rep, p["sale"][b], tz, f"{where}.sale.{b}")
    rep.check(p.get("status", "on_sale") in ("on_sale", "archived"),
              f"{where}.status")
    for key in ("stock", "max_per_order"):
        if key in p:
            rep.check(isinstance(p[key], int) and p[key] >= 0,
                      f"{where}.{key}: integer >= 0")
    rep.check(not ("stock" in p and p.get("performances")),
              f"{where}: stock only on undated products")
    check_prices(rep, p, refs, where)
    if p.get("kind") == "package":
        rep.check(bool(p.get("components")), f"{where}.components")
    for j, perf in enumerate(p.get("performances", [])):
        check_performance(rep, perf, refs, tz,
                          f"{where}.performances[{j}]")


def check_components(rep, products):
    """Components resolve; no package contains itself (SPEC 7)."""
    by_code = {p["code"]: p for p in products}

    def contents(code, seen):
        for c in by_code.get(code, {}).get("components", []):
            if c["product"] in seen:
                return False
            if not contents(c["product"], seen | {c["product"]}):
                return False
        return True

    for i, p in enumerate(products):
        for j, c in enumerate(p.get("components", [])):
            check_object(rep, c, "component", f"products[{i}].components[{j}]")
            rep.check(c.get("product") in by_code,
                      f"products[{i}].components[{j}].product resolves")
            rep.check(isinstance(c.get("quantity", 1), int) and
                      c.get("quantity", 1) >= 1,
                      f"products[{i}].components[{j}].quantity >= 1")
        if p.get("components"):
            rep.check(contents(p["code"], {p["code"]}),
                      f"products[{i}]: does not contain itself")


def check_line(rep, line, refs, products, perfs, languages, where):
    check_object(rep, line, "line", where)
    rep.check(line.get("type") in LINE_TYPES, f"{where}.type")
    rep.check(line.get("base") in products, f"{where}.base resolves")
    rep.check(("when" in line) <= (line.get("type") == "conditional"),
              f"{where}: when only on a conditional line (SPEC 6)")
    when = line.get("when", {})
    check_object(rep, when, "when", f"{where}.when")
    for pc in when.get("performances", []):
        rep.check(pc in perfs, f"{where}.when.performances: {pc}")
    for sc in when.get("seat_categories", []):
        rep.check(sc in refs["seat_categories"], f"{where}.when: {sc}")
    for b in ("valid_from", "valid_to"):
        if b in line:
            rep.check(DATE.match(line[b]) is not None,
                      f"{where}.{b}: a date alone")
    if "valid_from" in line and "valid_to" in line:
        rep.check(line["valid_from"] <= line["valid_to"],
                  f"{where}: valid_from <= valid_to (SPEC 6)")
    if "text" in line:
        check_text(rep, line["text"], languages, f"{where}.text")
    rep.check(bool(line.get("targets")), f"{where}.targets: one or more")
    for k, t in enumerate(line.get("targets", [])):
        tw = f"{where}.targets[{k}]"
        check_object(rep, t, "target", tw)
        rep.check(t.get("product") in products, f"{tw}.product resolves")
        rep.check(t.get("product") != line.get("base"),
                  f"{tw}: not its own base (SPEC 6)")
        q = t.get("quantity", {})
        check_object(rep, q, "quantity", f"{tw}.quantity")
        for n in ("per", "value", "min", "max"):
            if n in q:
                rep.check(isinstance(q[n], int) and q[n] >= 1,
                          f"{tw}.quantity.{n} >= 1")
        rep.check(q.get("min", 1) <= q.get("max", 10 ** 9),
                  f"{tw}.quantity: min <= max")
        rep.check(t.get("date", "same_as_base") in ("same_as_base",
                                                    "choice"), f"{tw}.date")
        for sc in t.get("seat_categories", []):
            rep.check(sc in refs["seat_categories"], f"{tw}: {sc}")
        for au in t.get("audiences", []):
            rep.check(au in refs["audiences"], f"{tw}: {au}")
        if line.get("type") == "upsell":
            target = products.get(t.get("product"), {})
            rep.check(any(c["product"] == line.get("base")
                          for c in target.get("components", [])),
                      f"{tw}: an upsell target is a package with the base")


def check_profiles(rep, doc, refs, languages):
    products = {p["code"]: p for p in doc.get("products", [])}
    perfs = {perf["code"] for p in doc.get("products", [])
             for perf in p.get("performances", [])}
    internet = {c["code"] for c in doc.get("channels", [])
                if c.get("type") == "internet"}
    profiles = doc.get("profiles", [])
    check_codes(rep, profiles, "profiles")
    held = {}
    for i, prof in enumerate(profiles):
        where = f"profiles[{i}]"
        check_object(rep, prof, "profile", where)
        rep.check(prof.get("status") in ("active", "draft"), f"{where}.status")
        check_object(rep, prof.get("limits", {}), "limits", f"{where}.limits")
        for c in prof.get("channels", []):
            rep.check(c in internet, f"{where}.channels: {c} is internet")
            if prof.get("status") == "active":
                rep.check(c not in held, f"{where}: {c} held once (SPEC 3)")
                held[c] = prof["code"]
        ids = [ln.get("id") for ln in prof.get("lines", [])]
        rep.check(len(ids) == len(set(ids)), f"{where}: line ids unique")
        for j, line in enumerate(prof.get("lines", [])):
            check_line(rep, line, refs, products, perfs, languages,
                       f"{where}.lines[{j}]")


def check_document(rep, doc):
    """Everything SPEC 7 says of a document, on the sample season."""
    check_object(rep, doc, "document", "document")
    rep.check(doc.get("format") == "encore-catalogue/1", "format")
    inst = doc.get("institution", {})
    check_object(rep, inst, "institution", "institution")
    tz = ZoneInfo(inst["timezone"])
    languages = inst.get("languages", [])
    rep.check(sorted(languages) == ["en", "fr"], "languages en and fr")
    rep.check(re.fullmatch(r"[A-Z]{3}", inst.get("currency", "")) is not None,
              "institution.currency: ISO 4217")
    refs = check_reference_records(rep, doc, languages)
    products = doc.get("products", [])
    refs["products"] = check_codes(rep, products, "products")
    perf_codes = [perf.get("code") for p in products
                  for perf in p.get("performances", [])]
    rep.check(len(perf_codes) == len(set(perf_codes)),
              "performance codes unique across products")
    for i, p in enumerate(products):
        check_product(rep, p, refs, tz, languages, f"products[{i}]")
    check_components(rep, products)
    check_profiles(rep, doc, refs, languages)
    return tz


# ---------------------------------------------------- coherence of season

def local_days(product):
    return [perf["start"][:10] for perf in product.get("performances", [])]


def check_season(rep, doc):
    """The brief's season: one example each, services on concert days."""
    products = {p["code"]: p for p in doc["products"]}
    concerts = [p for p in doc["products"] if p["kind"] == "event"]
    rep.check(15 <= len(concerts) <= 30, f"{len(concerts)} concerts, 15-30")
    rep.check(all(1 <= len(p["performances"]) <= 6 for p in concerts),
              "1 to 6 performances per concert")
    days = sorted({d for p in concerts for d in local_days(p)})
    for service in ("PARKING", "DINNER"):
        rep.check(sorted(local_days(products[service])) == days,
                  f"{service}: one performance per concert day")
    rep.check(products["PARKING"]["performances"][0]["capacity"].keys() ==
              {"*"}, "PARKING: one shared pool '*'")
    rep.check([r.get("audience") for r in products["DINNER"]["prices"]] ==
              ["ADULT"], "DINNER: an ADULT price")
    for p in doc["products"]:
        if p["kind"] != "package":
            continue
        inner = [products[c["product"]] for c in p["components"]
                 if products[c["product"]].get("performances")]
        rep.check(all(local_days(p) == local_days(c) for c in inner),
                  f"{p['code']}: performances on its concert's days")
    active = [x for x in doc["profiles"] if x["status"] == "active"]
    drafts = [x for x in doc["profiles"] if x["status"] == "draft"]
    rep.check(len(active) == 1 and len(drafts) == 1, "one active, one draft")
    prof = active[0]
    rep.check(sorted(prof["channels"]) == ["MOBILE", "WEB"],
              "active profile on WEB and MOBILE")
    rep.check(sorted(x["type"] for x in prof["lines"]) ==
              sorted(LINE_TYPES), "the active profile has each kind once")
    lines = {x["type"]: x for x in prof["lines"]}
    cond = lines["conditional"]
    rep.check(cond["when"] == {"min_quantity": 2,
                               "seat_categories": ["CAT1"]},
              "conditional: two 1st-category seats")
    rep.check(cond["targets"][0] == {"product": "DINNER",
                                     "date": "same_as_base",
                                     "quantity": {"mode": "proportional"},
                                     "audiences": ["ADULT"]},
              "conditional: dinner, proportional, same day, ADULT")
    rep.check(lines["cart"]["targets"][0]["date"] == "same_as_base",
              "cart: parking on the day of the concert")
    base = products[lines["favorite"]["base"]]
    fav = products[lines["favorite"]["targets"][0]["product"]]
    rep.check(fav["cycle"] == base["cycle"] and fav["code"] != base["code"],
              "favorite: another concert of the same cycle")
    post = products[lines["post_purchase"]["targets"][0]["product"]]
    rep.check(post["activity"] in ("CINEMA", "MUSEUM"),
              "post_purchase: a cinema or museum activity")
    for x in prof["lines"]:
        rep.check(set(x.get("text", {})) == {"en", "fr"},
                  f"line {x['id']}: text in both languages")


def check_scripts(rep):
    """build-sample.py is deterministic; shift-season.py keeps clocks."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "season.json")
        subprocess.run([sys.executable, os.path.join(HERE, "build-sample.py"),
                        out], check=True, stderr=subprocess.DEVNULL)
        with open(out, "rb") as a, open(SAMPLE, "rb") as b:
            rep.check(a.read() == b.read(),
                      "build-sample.py gives the committed bytes")
        shifted = os.path.join(tmp, "shifted.json")
        run = subprocess.run(
            [sys.executable, os.path.join(ROOT, "scripts", "shift-season.py"),
             SAMPLE, shifted], check=True, capture_output=True, text=True)
        m = re.search(r"moved by (-?\d+) weeks", run.stderr)
        rep.check(m is not None, "shift-season.py prints N on stderr")
        with open(SAMPLE) as f:
            before = json.load(f)
        with open(shifted) as f:
            after = json.load(f)
        check_shift(rep, before, after, int(m.group(1)) if m else 0)


def check_shift(rep, before, after, weeks):
    """Every start moved by N weeks of wall clock, offsets of the zone."""
    tz = ZoneInfo(before["institution"]["timezone"])
    moved = []
    for pa, pb in zip(before["products"], after["products"]):
        for x, y in zip(pa.get("performances", []),
                        pb.get("performances", [])):
            a = datetime.fromisoformat(x["start"]).replace(tzinfo=None)
            b = datetime.fromisoformat(y["start"])
            moved.append(b.replace(tzinfo=None) - a == timedelta(weeks=weeks)
                         and b.utcoffset() == b.replace(tzinfo=tz).utcoffset()
                         and x["code"] == y["code"])
    rep.check(moved and all(moved), "shift keeps weekday, wall clock, codes")
    first = min(datetime.fromisoformat(perf["start"])
                for p in after["products"]
                for perf in p.get("performances", []))
    ahead = (first.date() - datetime.now(tz).date()).days
    rep.check(7 <= ahead <= 20, f"first shifted performance {ahead} days on")
    la = before["profiles"][0]["lines"][0]
    lb = after["profiles"][0]["lines"][0]
    rep.check(date.fromisoformat(lb["valid_to"]) -
              date.fromisoformat(la["valid_to"]) == timedelta(weeks=weeks),
              "shift moves line validity (date alone)")


# ------------------------------------------------------ with the program

def encore(binary, db, *args, stdin=None):
    return subprocess.run([binary, "--db", db, *args], input=stdin,
                          capture_output=True, text=True, timeout=60)


def propose(binary, db, request):
    run = encore(binary, db, "propose", stdin=json.dumps(request))
    try:
        return run.returncode, json.loads(run.stdout) if run.stdout else None
    except ValueError:
        return run.returncode, None


def kinds(answer):
    """(type, product) of each proposal, in order."""
    return [(p["type"], p["product"]) for p in (answer or {}).get(
        "proposals", [])]


def check_program(rep, binary):
    """Import, check and the five examples at their moment, not elsewhere."""
    with open(SAMPLE) as f:
        doc = json.load(f)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "sample.db")
        run = encore(binary, db, "import", SAMPLE)
        if not rep.check(run.returncode == 0,
                         f"import: exit {run.returncode} {run.stderr}"):
            return
        run = encore(binary, db, "check", "--now",
                     "2024-09-01T10:00:00-04:00")
        rep.check(run.returncode == 0 and ": error:" not in run.stdout,
                  f"check in the season: no error\n{run.stdout}")
        run = encore(binary, db, "check")
        rep.check(run.returncode == 0, "check today (season past): no error")
        run = encore(binary, db, "export")
        rep.check(run.returncode == 0 and json.loads(run.stdout) == doc,
                  "export gives the document back (SPEC 7 round trip)")
        check_examples(rep, binary, db, doc, tmp)


def load_requests(doc, tmp, now):
    out = os.path.join(tmp, "requests")
    season = os.path.join(tmp, "season.json")
    with open(season, "w") as f:
        json.dump(doc, f)
    subprocess.run([sys.executable,
                    os.path.join(HERE, "write-demo-requests.py"), season, out,
                    "--now", now], check=True)
    reqs = {}
    for stage in ("product", "cart", "confirmation"):
        with open(os.path.join(out, f"{stage}.json")) as f:
            reqs[stage] = json.load(f)
    return reqs


def check_examples(rep, binary, db, doc, tmp):
    """The demo requests, a few days before the opening concert."""
    reqs = load_requests(doc, tmp, "2024-09-02T10:00:00-04:00")
    expect = {
        "product": [("upsell", "NYP-14934-TS")],
        "cart": [("cart", "PARKING"), ("conditional", "DINNER"),
                 ("favorite", "NYP-14944")],
        "confirmation": [("post_purchase", "MUSEUM-OKA")],
    }
    for stage, req in reqs.items():
        rc, ans = propose(binary, db, req)
        print(f"-- {stage}: {json.dumps(req)}\n   {json.dumps(ans)}")
        rep.check(rc == 0 and kinds(ans) == expect[stage],
                  f"{stage}: {kinds(ans)} == {expect[stage]}")
        if stage == "product" and ans and ans.get("proposals"):
            rep.check(ans["proposals"][0].get("price_difference") == 2000,
                      "upsell: price_difference = T-shirt less $5 (R12)")
        if stage == "cart" and kinds(ans) == expect["cart"]:
            dinner = ans["proposals"][1]
            rep.check(dinner["quantity"] == {"mode": "fixed", "value": 2},
                      "dinner: proportional to 2 seats (R8)")
            rep.check([p["code"] for p in dinner["performances"]] ==
                      ["DINNER-01"], "dinner: the concert's day only (R6)")
            rep.check([p["code"] for p in ans["proposals"][0]
                       ["performances"]] == ["PARKING-01"],
                      "parking: the concert's day only (R6)")
    check_not_elsewhere(rep, binary, db, reqs)


def variant(req, **changes):
    r = json.loads(json.dumps(req))
    item = r["cart"][0]
    item.update(changes)
    return r


def check_not_elsewhere(rep, binary, db, reqs):
    """Where an example must not fire."""
    cart = reqs["cart"]
    cases = [
        ("1 seat: no dinner", variant(cart, quantity=1),
         [("cart", "PARKING"), ("favorite", "NYP-14944")]),
        ("2 CAT2 seats: no dinner", variant(cart, seat_category="CAT2"),
         [("cart", "PARKING"), ("favorite", "NYP-14944")]),
        ("another concert: nothing", variant(
            cart, product="NYP-14944", performance="NYP-14944-1"), []),
        ("box office: no profile (R1)", dict(cart, channel="DESK"), []),
        ("after the season (R2)", dict(
            cart, now="2025-06-20T10:00:00-04:00"), None),
    ]
    for name, req, want in cases:
        rc, ans = propose(binary, db, req)
        if want is None:  # the performance is past: the request is fine
            rep.check(rc == 0 and kinds(ans) == [], f"{name}: {kinds(ans)}")
            continue
        rep.check(rc == 0 and kinds(ans) == want, f"{name}: {kinds(ans)}")
    rc, ans = propose(binary, db, dict(cart, channel="DESK"))
    rep.check(ans is not None and ans.get("profile") is None,
              "box office: profile null (R1)")
    prod = json.loads(json.dumps(reqs["product"]))
    prod["focus"].update(product="NYP-14944", performance="NYP-14944-1")
    rc, ans = propose(binary, db, prod)
    rep.check(rc == 0 and kinds(ans) == [], "upsell only for its concert")


def main(argv):
    parser = argparse.ArgumentParser(prog="test-sample.py")
    parser.add_argument("--encore", help="the built program, to test the "
                        "examples against it")
    args = parser.parse_args(argv[1:])
    rep = Report()
    with open(SAMPLE, encoding="utf-8") as f:
        doc = json.load(f)
    check_document(rep, doc)
    check_season(rep, doc)
    check_scripts(rep)
    if args.encore:
        check_program(rep, args.encore)
    return rep.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
