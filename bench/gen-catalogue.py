#!/usr/bin/env python3
"""Generates a large, realistic encore-catalogue/1 document and carts.

usage: gen-catalogue.py OUT.json [--products N] [--performances N]
                        [--lines N] [--profiles N] [--seed S]
                        [--carts DIR] [--edit DIR]

Deterministic for a given seed. The shape follows a big venue group: most
products are events with dated performances priced per seat category and
audience; around them dated services (parking, dinner per day), undated
merchandise with stock, and packages of an event and a T-shirt. Lines are
spread over the profiles, one internet channel each, and use the five kinds.
With --carts, writes proposal requests with 1, 5 and 20 items to
DIR/cart-{1,5,20}.json (one JSON request per line): half the items are the
base of one of the profile's lines (cross-sells are set on the events that
sell), the others any event. With --edit, writes DIR/edit-a.json and
DIR/edit-b.json, the first profile as generated and with its first line's
merchandise target changed (import either to switch), and
DIR/edit-poll.json, a request whose answer shows which one is served,
with the two target codes (the live-edit test of bench/run.sh).
"""
import argparse
import json
import os
import random
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=1))
SEATS = ["CAT1", "CAT2", "CAT3"]
AUDIENCES = ["ADULT", "CHILD", "STUDENT", "SENIOR"]


def iso(dt):
    return dt.isoformat()


def build(args):
    rnd = random.Random(args.seed)
    start = datetime(2027, 1, 4, 0, 0, tzinfo=TZ)
    days = 365
    n_services_days = days
    n_merch = max(10, args.products // 100)
    n_packages = max(10, args.products // 20)
    n_events = args.products - 2 - n_merch - n_packages
    event_perfs = max(n_events,
                      args.performances - 2 * n_services_days - n_packages)
    perf_per_event = event_perfs // n_events
    perf_extra = event_perfs % n_events  # the first events get one more

    doc = {
        "format": "encore-catalogue/1",
        "institution": {"code": "BENCH", "name": "Bench Hall",
                        "timezone": "Europe/Paris", "currency": "EUR",
                        "languages": ["en", "fr"]},
        "channels": [{"code": "WEB%02d" % i, "name": "Web %d" % i,
                      "type": "internet"} for i in range(args.profiles)]
        + [{"code": "DESK", "name": "Desk", "type": "box_office"}],
        "seat_categories": [{"code": c, "name": c, "rank": i + 1}
                            for i, c in enumerate(SEATS)],
        "audiences": [{"code": a, "name": a.title()} for a in AUDIENCES],
        "activities": [{"code": "CONCERT", "name": "Concerts"},
                       {"code": "SERVICE", "name": "Services"}],
        "themes": [{"code": "MUSIC", "name": "Music"}],
        "products": [],
        "profiles": [],
    }
    products = doc["products"]
    event_days = {}

    # Events with performances spread over the year, per seat category.
    for e in range(n_events):
        code = "EV%05d" % e
        perfs = []
        first = rnd.randrange(days)
        for k in range(perf_per_event + (1 if e < perf_extra else 0)):
            day = (first + k * 3) % days
            at = start + timedelta(days=day, hours=20)
            perfs.append({"code": "%s-P%03d" % (code, k), "start": iso(at),
                          "capacity": {"CAT1": rnd.randrange(0, 200),
                                       "CAT2": rnd.randrange(0, 300),
                                       "CAT3": rnd.randrange(0, 400)}})
            event_days.setdefault(code, []).append(day)
        prices = [{"seat_category": s, "audience": a,
                   "amount": 1000 * (4 - i) + 500 * j}
                  for i, s in enumerate(SEATS)
                  for j, a in enumerate(AUDIENCES)]
        products.append({"code": code, "kind": "event",
                         "name": {"en": "Concert %d" % e,
                                  "fr": "Concert %d" % e},
                         "activity": "CONCERT", "themes": ["MUSIC"],
                         "cycle": "CYCLE%03d" % (e % 300),
                         "max_per_order": 10, "prices": prices,
                         "performances": perfs})

    # Parking and dinner, one performance per day.
    for code, hour, price in (("PARKING", 18, 800), ("DINNER", 19, 3500)):
        perfs = [{"code": "%s-D%03d" % (code, d),
                  "start": iso(start + timedelta(days=d, hours=hour)),
                  "capacity": {"*": 100}} for d in range(n_services_days)]
        products.append({"code": code, "kind": "service", "name": code.title(),
                         "activity": "SERVICE", "prices": [{"amount": price}],
                         "performances": perfs})

    for m in range(n_merch):
        products.append({"code": "MERCH%04d" % m, "kind": "merchandise",
                         "name": "T-shirt %d" % m, "stock": 500,
                         "prices": [{"amount": 2500}]})

    for p in range(n_packages):
        event = "EV%05d" % (p % n_events)
        day = event_days[event][0]
        products.append({
            "code": "PACK%04d" % p, "kind": "package",
            "name": "Concert + T-shirt %d" % p,
            "components": [{"product": event, "quantity": 1},
                           {"product": "MERCH%04d" % (p % n_merch),
                            "quantity": 1}],
            "prices": [{"seat_category": s, "amount": 6000 - 1000 * i}
                       for i, s in enumerate(SEATS)],
            "performances": [{"code": "PACK%04d-P0" % p,
                              "start": iso(start + timedelta(days=day,
                                                             hours=20)),
                              "capacity": {"CAT1": 30, "CAT2": 30,
                                           "CAT3": 30}}]})

    # Lines over the profiles: each profile one channel, all five kinds.
    per_profile = max(1, args.lines // args.profiles)
    kinds = ["cart", "cart", "conditional", "favorite", "post_purchase",
             "upsell"]
    for pr in range(args.profiles):
        lines = []
        for i in range(per_profile):
            kind = kinds[i % len(kinds)]
            if kind == "upsell":
                pack = rnd.randrange(n_packages)
                base = "EV%05d" % (pack % n_events)
                targets = [{"product": "PACK%04d" % pack}]
            else:
                base = "EV%05d" % rnd.randrange(n_events)
                if kind in ("cart", "conditional"):
                    targets = [{"product": "PARKING",
                                "date": "same_as_base"},
                               {"product": "MERCH%04d" % rnd.randrange(
                                   n_merch)}]
                else:
                    other = "EV%05d" % rnd.randrange(n_events)
                    if other == base:
                        other = "EV%05d" % ((int(base[2:]) + 1) % n_events)
                    targets = [{"product": other}]
            line = {"id": "L%05d" % i, "type": kind, "base": base,
                    "targets": targets}
            if kind == "conditional":
                line["when"] = {"min_quantity": 2, "seat_categories": ["CAT1"]}
                line["targets"] = [{"product": "DINNER",
                                    "date": "same_as_base",
                                    "quantity": {"mode": "proportional"}}]
            lines.append(line)
        doc["profiles"].append({"code": "PROF%02d" % pr, "name": "Profile %d" % pr,
                                "status": "active",
                                "channels": ["WEB%02d" % pr], "lines": lines})
    return doc, n_events, perf_per_event


def cart_item(rnd, doc, bases, n_events, perf_per_event):
    """One cart item: half the time the base of a line of the profile."""
    if bases and rnd.random() < 0.5:
        e = int(rnd.choice(bases)[2:])
    else:
        e = rnd.randrange(n_events)
    k = rnd.randrange(perf_per_event)
    return {"product": "EV%05d" % e,
            "performance": "EV%05d-P%03d" % (e, k),
            "seat_category": rnd.choice(SEATS),
            "audience": rnd.choice(AUDIENCES),
            "quantity": rnd.randrange(1, 4)}


def write_carts(directory, rnd, doc, n_events, perf_per_event, profiles):
    os.makedirs(directory, exist_ok=True)
    bases = [[line["base"] for line in p["lines"]
              if line["type"] in ("cart", "conditional", "favorite")]
             for p in doc["profiles"]]
    for size in (1, 5, 20):
        with open(os.path.join(directory, "cart-%d.json" % size), "w") as f:
            for _ in range(1000):
                pr = rnd.randrange(profiles)
                cart = [cart_item(rnd, doc, bases[pr], n_events,
                                  perf_per_event) for _ in range(size)]
                req = {"channel": "WEB%02d" % pr,
                       "stage": "cart", "now": "2027-01-01T10:00:00+01:00",
                       "cart": cart}
                f.write(json.dumps(req, separators=(",", ":")) + "\n")


def write_edit(directory, doc, n_merch):
    """The first profile as generated (a) and with the merchandise target
    of its first cart line changed (b), and a request showing which."""
    os.makedirs(directory, exist_ok=True)
    profile = doc["profiles"][0]
    line = next(l for l in profile["lines"] if l["type"] == "cart")
    old = line["targets"][1]["product"]
    new = "MERCH%04d" % ((int(old[5:]) + 1) % n_merch)
    for name, code in (("edit-a.json", old), ("edit-b.json", new)):
        changed = json.loads(json.dumps(profile))
        for l in changed["lines"]:
            if l["id"] == line["id"]:
                l["targets"][1]["product"] = code
        with open(os.path.join(directory, name), "w") as f:
            json.dump({"format": "encore-catalogue/1",
                       "profiles": [changed]}, f, separators=(",", ":"))
    poll = {"channel": profile["channels"][0], "stage": "cart",
            "now": "2027-01-01T10:00:00+01:00",
            "cart": [{"product": line["base"],
                      "performance": line["base"] + "-P000",
                      "seat_category": "CAT1", "audience": "ADULT",
                      "quantity": 1}]}
    with open(os.path.join(directory, "edit-poll.json"), "w") as f:
        json.dump({"request": poll, "line": line["id"], "a": old, "b": new},
                  f, separators=(",", ":"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--products", type=int, default=10000)
    ap.add_argument("--performances", type=int, default=200000)
    ap.add_argument("--lines", type=int, default=100000)
    ap.add_argument("--profiles", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--carts")
    ap.add_argument("--edit")
    args = ap.parse_args()
    doc, n_events, ppe = build(args)
    with open(args.out, "w") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
    if args.carts:
        write_carts(args.carts, random.Random(args.seed + 1), doc, n_events,
                    ppe, args.profiles)
    if args.edit:
        write_edit(args.edit, doc, max(10, args.products // 100))


if __name__ == "__main__":
    main()
