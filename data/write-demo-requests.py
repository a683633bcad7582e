#!/usr/bin/env python3
"""Writes the three demo proposal requests for a (shifted) season.

usage: python3 data/write-demo-requests.py SEASON OUTDIR [--now TIME]

Reads the encore-catalogue/1 document SEASON, finds its active profile and
writes OUTDIR/product.json, cart.json and confirmation.json: one request
(SPEC 8) per stage, made so that each example line of the profile fires
(upsell on the product page; cart, conditional and favorite once the seats
are in the cart; post_purchase on the confirmation).

The seats are taken from the lines themselves: the base product of the
lines, its first performance that starts after TIME (default: now) and on
whose local date every same_as_base target has a performance, the seat
category and the minimum quantity of the conditional line, and the
audience its target allows. The requests carry no "now" unless --now is
given, so the server's clock applies. Codes do not move when a season is
shifted; only the chosen performance may differ.

Python 3 standard library only.
"""
import argparse
import json
import os
import sys
from datetime import datetime, timezone


def fail(message):
    sys.exit(f"write-demo-requests: {message}")


def active_profile(doc):
    """The first active profile (the one the demo shows)."""
    for profile in doc.get("profiles", []):
        if profile.get("status") == "active":
            return profile
    fail("the season has no active profile")
    return None


def line_of_type(profile, kind):
    for line in profile["lines"]:
        if line["type"] == kind:
            return line
    fail(f"profile {profile['code']} has no {kind} line")
    return None


def local_day(start):
    """The date written in an RFC 3339 start (R6: the venue's date)."""
    return start[:10]


def perf_on_day(product, day):
    """The code of product's performance on local date day, or None."""
    for perf in product.get("performances", []):
        if local_day(perf["start"]) == day:
            return perf["code"]
    return None


def pick_performance(products, base, same_day_targets, now):
    """The first performance of base after now where every target has one.

    Returns (performance code, local date).
    """
    perfs = sorted(products[base]["performances"],
                   key=lambda p: datetime.fromisoformat(p["start"]))
    for perf in perfs:
        if datetime.fromisoformat(perf["start"]) <= now:
            continue
        day = local_day(perf["start"])
        if all(perf_on_day(products[t], day) for t in same_day_targets):
            return perf["code"], day
    fail(f"no performance of {base} after {now.isoformat()} with every "
         f"target on the same day")
    return None


def build_requests(doc, now, with_now):
    """The three requests, as dicts in the key order of SPEC 8."""
    products = {p["code"]: p for p in doc["products"]}
    profile = active_profile(doc)
    upsell = line_of_type(profile, "upsell")
    cart = line_of_type(profile, "cart")
    cond = line_of_type(profile, "conditional")
    line_of_type(profile, "favorite")
    post = line_of_type(profile, "post_purchase")
    base = cond["base"]
    if any(x["base"] != base for x in (upsell, cart, post)):
        fail("the example lines do not share one base product")

    # The seats: what the conditional line asks for, on a day where the
    # package (upsell) and the same_as_base targets are all dated.
    parking = cart["targets"][0]["product"]
    dinner_target = cond["targets"][0]
    dinner = dinner_target["product"]
    package = upsell["targets"][0]["product"]
    perf, day = pick_performance(products, base, [package, parking, dinner],
                                 now)
    when = cond.get("when", {})
    seats = {"product": base, "performance": perf,
             "seat_category": when["seat_categories"][0],
             "audience": dinner_target["audiences"][0],
             "quantity": when.get("min_quantity", 1)}

    head = {"channel": profile["channels"][0]}

    def request(stage, **rest):
        r = dict(head, stage=stage, lang="en")
        if with_now:
            r["now"] = now.isoformat(timespec="seconds")
        r.update(rest)
        return r

    # The order just paid: the seats, one parking space and the dinners.
    paid = [seats,
            {"product": parking, "performance": perf_on_day(
                products[parking], day), "quantity": 1},
            {"product": dinner, "performance": perf_on_day(
                products[dinner], day), "audience": seats["audience"],
             "quantity": seats["quantity"]}]
    return {
        "product": request("product", focus=seats, cart=[]),
        "cart": request("cart", cart=[seats]),
        "confirmation": request("confirmation", cart=paid),
    }


def main(argv):
    parser = argparse.ArgumentParser(prog="write-demo-requests.py")
    parser.add_argument("season")
    parser.add_argument("outdir")
    parser.add_argument("--now", help="RFC 3339 time written into the "
                        "requests (default: none, and the clock picks)")
    args = parser.parse_args(argv[1:])
    with open(args.season, encoding="utf-8") as f:
        doc = json.load(f)
    now = datetime.fromisoformat(args.now) if args.now \
        else datetime.now(timezone.utc)
    if now.tzinfo is None:
        fail("--now needs a UTC offset")
    requests = build_requests(doc, now, args.now is not None)
    os.makedirs(args.outdir, exist_ok=True)
    for stage, req in requests.items():
        path = os.path.join(args.outdir, f"{stage}.json")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(req, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv)
