#!/usr/bin/env python3
"""Moves an encore-catalogue/1 season by a whole number of weeks.

usage: python3 scripts/shift-season.py IN OUT [--weeks N]

The sample season is real, so its dates are past. This writes a copy of IN
to OUT ('-' = standard output) in which every performance's start and end,
every sale window (of a product or of a performance) and every line's
valid_from and valid_to is moved by N weeks. Weekdays and local wall-clock
times are kept; each UTC offset is computed again from the institution's
time zone (system tzdata) for the new date, since daylight saving time may
differ. A bound written as a date alone stays a date alone.

Without --weeks, N is the smallest number of weeks that puts the first
performance 7 to 20 days after today (today in the institution's time
zone). The chosen N is printed on standard error. Codes do not move.

Python 3 standard library only.
"""
import argparse
import json
import math
import re
import sys
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def fail(message):
    sys.exit(f"shift-season: {message}")


def parse_instant(value, where):
    """An RFC 3339 date-time with an offset, as an aware datetime."""
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        t = None
    if t is None or t.tzinfo is None:
        fail(f"{where}: not an RFC 3339 time with an offset: {value!r}")
    return t


def shift_instant(value, weeks, tz, where):
    """Moves an instant by whole weeks of the venue's wall clock.

    The instant is read in the venue's time zone, its local date moved, and
    the UTC offset of the new local time taken from the zone. A local time
    that does not exist on the new date (the hour skipped when daylight
    saving time starts) is reported on stderr and written with the offset
    the zone gives it (that of the time before the change).
    """
    local = parse_instant(value, where).astimezone(tz).replace(tzinfo=None)
    moved = (local + timedelta(weeks=weeks)).replace(tzinfo=tz)
    if moved.astimezone(ZoneInfo("UTC")).astimezone(tz).replace(
            tzinfo=None) != moved.replace(tzinfo=None):
        print(f"shift-season: {where}: {moved:%Y-%m-%d %H:%M} does not "
              f"exist in {tz.key}", file=sys.stderr)
    return moved.isoformat(timespec="seconds")


def shift_bound(value, weeks, tz, where):
    """Moves a bound written as a date alone or as an instant."""
    if not isinstance(value, str):
        fail(f"{where}: not a string")
    if DATE_ONLY.match(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            fail(f"{where}: not a date: {value!r}")
        return (day + timedelta(weeks=weeks)).isoformat()
    return shift_instant(value, weeks, tz, where)


def shift_window(obj, key, weeks, tz, where):
    """Moves the from and to of obj[key] (a sale window), if present."""
    window = obj.get(key)
    if window is None:
        return
    for bound in ("from", "to"):
        if bound in window:
            window[bound] = shift_bound(window[bound], weeks, tz,
                                        f"{where}.{key}.{bound}")


def shift_document(doc, weeks, tz):
    """Moves every date of the document in place (see the module doc)."""
    for i, product in enumerate(doc.get("products", [])):
        where = f"products[{i}]"
        shift_window(product, "sale", weeks, tz, where)
        for j, perf in enumerate(product.get("performances", [])):
            pwhere = f"{where}.performances[{j}]"
            for key in ("start", "end"):
                if key in perf:
                    perf[key] = shift_instant(perf[key], weeks, tz,
                                              f"{pwhere}.{key}")
            shift_window(perf, "sale", weeks, tz, pwhere)
    for i, profile in enumerate(doc.get("profiles", [])):
        for j, line in enumerate(profile.get("lines", [])):
            for key in ("valid_from", "valid_to"):
                if key in line:
                    line[key] = shift_bound(
                        line[key], weeks, tz,
                        f"profiles[{i}].lines[{j}].{key}")


def first_performance_day(doc, tz):
    """The local date of the earliest performance start, or None."""
    starts = [parse_instant(perf["start"], "performance start")
              for product in doc.get("products", [])
              for perf in product.get("performances", [])]
    if not starts:
        return None
    return min(starts).astimezone(tz).date()


def default_weeks(first_day, today):
    """The smallest N with first_day + N weeks 7 to 20 days after today."""
    return math.ceil((today + timedelta(days=7) - first_day).days / 7)


def load_zone(doc):
    try:
        return ZoneInfo(doc["institution"]["timezone"])
    except (KeyError, TypeError):
        fail("the document has no institution.timezone")
    except (ZoneInfoNotFoundError, ValueError):
        fail(f"unknown time zone {doc['institution']['timezone']!r}")
    return None


def main(argv):
    parser = argparse.ArgumentParser(
        prog="shift-season.py",
        description="Move a season's dates by whole weeks.")
    parser.add_argument("input", help="encore-catalogue/1 document")
    parser.add_argument("output", help="where to write the moved copy, "
                        "'-' for standard output")
    parser.add_argument("--weeks", type=int, default=None,
                        help="weeks to add (negative: earlier)")
    args = parser.parse_args(argv[1:])

    with open(args.input, encoding="utf-8") as f:
        doc = json.load(f)
    tz = load_zone(doc)
    weeks = args.weeks
    if weeks is None:
        first = first_performance_day(doc, tz)
        if first is None:
            fail("no performance to start from; give --weeks")
        weeks = default_weeks(first, datetime.now(tz).date())
    shift_document(doc, weeks, tz)
    first = first_performance_day(doc, tz)
    print(f"shift-season: moved by {weeks} weeks; first performance on "
          f"{first}", file=sys.stderr)

    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


if __name__ == "__main__":
    main(sys.argv)
