#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/.

Deterministic (a fixed random seed), so the corpus in the repository can
be rebuilt and reviewed:
  corpus/import/   the test catalogues, the import cases, partial
                   documents naming records of tests/cases/catalogue.json
  corpus/request/  requests against the sample season (every stage, a
                   package item, sold-out and unknown codes, bad values)
  corpus/engine/   random bytes (fuzz_engine.c reads them as carts)
Beside them, the files named by a SHA-1 are inputs the long runs of make
soak found, minimized with libFuzzer's -merge=1 (imports under 4 KB):
they start make test's short runs deeper. This script leaves them alone.

Usage: python3 tests/fuzz/seeds.py
"""
import glob
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def write(target, name, data):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, (dict, list)):
        data = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def import_seeds():
    for path in ["tests/cases/catalogue.json", "tests/data/spec-example.json",
                 "tests/data/rich-catalogue.json"]:
        with open(os.path.join(ROOT, path), "rb") as f:
            write("import", os.path.basename(path), f.read())
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/cases/imports/*/"
                                                    "document.json"))):
        with open(path, "rb") as f:
            write("import", os.path.basename(os.path.dirname(path)) + ".json",
                  f.read())
    fmt = {"format": "encore-catalogue/1"}
    write("import", "partial-audience.json",
          dict(fmt, audiences=[{"code": "SENIOR", "name": "Senior"}]))
    write("import", "partial-product.json", dict(fmt, products=[
        {"code": "PARKING", "kind": "service", "name": {"fr": "Parking",
                                                        "en": "Parking"},
         "prices": [{"amount": 900}],
         "performances": [{"code": "PARKING-0612",
                           "start": "2027-06-12T08:00:00+02:00",
                           "capacity": {"*": 3}}]}]))
    write("import", "partial-profile.json", dict(fmt, profiles=[
        {"code": "NEW", "status": "draft", "channels": ["WEB"], "lines": [
            {"id": "N1", "type": "conditional", "base": "JAZZ-1",
             "when": {"min_quantity": 2, "seat_categories": ["CAT1"]},
             "targets": [{"product": "DINNER", "date": "same_as_base",
                          "quantity": {"mode": "proportional", "per": 2}}],
             "valid_from": "2027-01-01", "valid_to": "2027-06-30T23:00:00Z"}]}]))
    write("import", "package-cycle.json", dict(fmt, products=[
        {"code": "A", "kind": "package", "name": "A", "prices": [],
         "components": [{"product": "B"}]},
        {"code": "B", "kind": "package", "name": "B", "prices": [],
         "components": [{"product": "A"}]}]))


SAMPLE_ITEM = {"product": "NYP-14934", "performance": "NYP-14934-1",
               "seat_category": "CAT1", "audience": "ADULT", "quantity": 2}


def request(stage, cart, **kw):
    r = {"channel": "WEB", "stage": stage, "lang": "en",
         "now": "2024-09-01T10:00:00-04:00", "cart": cart}
    r.update(kw)
    return r


def request_seeds():
    for path in sorted(glob.glob(os.path.join(ROOT, "data/demo-requests/"
                                                    "*.json"))):
        with open(path, "rb") as f:
            write("request", "demo-" + os.path.basename(path), f.read())
    write("request", "cart.json", request("cart", [SAMPLE_ITEM]))
    write("request", "cart-many.json", request("cart", [
        SAMPLE_ITEM, dict(SAMPLE_ITEM, performance="NYP-14934-2",
                          seat_category="CAT2", quantity=3),
        {"product": "PARKING", "performance": "PARKING-01", "quantity": 1},
        {"product": "TSHIRT", "quantity": 1},
        {"product": "NYP-14942", "performance": "NYP-14942-1",
         "audience": "CHILD", "quantity": 2}]))
    write("request", "package.json", request("cart", [
        {"product": "NYP-14934-TS", "performance": "NYP-14934-TS-1",
         "seat_category": "CAT1", "quantity": 2}]))
    write("request", "product.json", request(
        "product", [], focus=dict(SAMPLE_ITEM), lang="fr"))
    write("request", "product-undated-focus.json", request(
        "product", [], focus={"product": "NYP-14934", "quantity": 1}))
    write("request", "confirmation.json", request(
        "confirmation", [SAMPLE_ITEM], now="2024-09-12T10:00:00Z"))
    write("request", "mobile-no-now.json",
          {"channel": "MOBILE", "stage": "cart", "cart": [SAMPLE_ITEM]})
    write("request", "desk.json", request("cart", [SAMPLE_ITEM],
                                          channel="DESK"))
    write("request", "unknown.json", request("cart", [
        dict(SAMPLE_ITEM, product="NOPE")]))
    write("request", "bad-quantity.json", request("cart", [
        dict(SAMPLE_ITEM, quantity=1001)]))
    write("request", "bad-now.json", request("cart", [], now="2024-02-30"))
    write("request", "escapes.json",
          '{"channel":"\\u0057EB","stage":"cart","lang":"\\u00e9","cart":[]}')
    write("request", "deep.json", "[" * 40 + "]" * 40)


def engine_seeds():
    rng = random.Random(5)
    for i in range(24):
        n = rng.choice([16, 48, 128, 400])
        write("engine", "random-%02d" % i,
              bytes(rng.randrange(256) for _ in range(n)))


def main():
    import_seeds()
    request_seeds()
    engine_seeds()


if __name__ == "__main__":
    main()
