#!/usr/bin/env python3
"""Builds data/sample-season.json, the Encore sample season.

usage: python3 data/build-sample.py [OUT]   (default: data/sample-season.json)

Reads only the extracts in data/sources/ (see their README.md for origin and
licence) and writes one encore-catalogue/1 document (SPEC 7): a concert hall,
David Geffen Hall in New York, selling real New York Philharmonic programmes
of the 2024-25 season on its web ticketshop, with prices derived from the
Toulouse Metropole agenda, products of partners taken from that agenda, the
services and merchandise a hall sells around its shows, and two cross-sell
profiles (one active, one draft) that hold the five examples of the seed.

Python 3 standard library only. Deterministic: the same extracts (and the
same tzdata) give the same bytes; nothing depends on the clock, on hash
seeds or on the order of a set.
"""
import csv
import hashlib
import json
import os
import re
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "sources")
TIMEZONE = "America/New_York"
TZ = ZoneInfo(TIMEZONE)
SEASON = "2024-25"
HALL = "David Geffen Hall"

# Dates of the season, written as whole local days (SPEC 7): when single
# tickets and the cross-sell lines open, and the last concert of the season.
SEASON_SALE_FROM = "2024-03-04"
NON_SUBSCRIPTION_SALE_FROM = "2024-06-03"
SERVICES_SALE_FROM = "2024-08-01"
SEASON_LAST_DAY = "2025-06-14"

# The roles of the profile examples (programme ids of the NY Phil).
BASE_PROGRAM = "14934"      # opening week: Mozart & Mahler, Tilson Thomas
FAVORITE_PROGRAM = "14944"  # same cycle: Mozart's Clarinet Concerto, Payare
PACKAGE_PROGRAMS = {"14934": "TSHIRT", "14967": "TSHIRT", "14978": "TSHIRT",
                    "14960": "TSHIRT-KIDS"}
DRAFT_BASE_PROGRAM = "14942"  # a Young People's Concert
DRAFT_FAVORITE_PROGRAM = "14960"
POST_PURCHASE_TARGET = "MUSEUM-OKA"

# Price references in the Toulouse agenda (Identifiant), per NY Phil event
# type. "seated": the range gives the seat categories (CAT1 = the highest
# amount, CAT3 = the lowest, CAT2 = their mean); "unreserved": one pool
# "*", and the range gives the audiences (ADULT = highest, CHILD = the
# child price).
PRICE_REFERENCES = {
    "Subscription Season": ("FMAMID031V50CF7B", "seated"),
    "Non-Subscription": ("FMAMID031V50AM33", "seated"),
    "Young People's Concert": ("FMAMID031V50DUUX", "unreserved"),
    "Nightcap": ("FMAMID031V50IBGN", "unreserved"),
}
STUDENT_REFERENCE = "FMAMID031V50IW5H"  # Concert etudiant, ONCT: 5,00 EUR

# Amounts with no source (cents). Stated in data/README.md.
TSHIRT_PRICES = {"TSHIRT": 2500, "TSHIRT-KIDS": 1800}
PACKAGE_SAVING = 500
PARKING_PRICE = 3500
DINNER_PRICE = 6500

# What is left for sale now, at full availability, per pool (SPEC 7 says
# capacities are what is left; build_left() takes a share of these).
HALL_POOLS = {"CAT1": 500, "CAT2": 900, "CAT3": 800}
UNRESERVED_POOL = {"Young People's Concert": 1800, "Nightcap": 240}
PACKAGE_POOLS = {"CAT1": 40, "CAT2": 60, "CAT3": 40}
PACKAGE_UNRESERVED_POOL = 60
PARKING_POOL = 160
DINNER_POOL = 60
SOLD_OUT = {("NYP-14978-4", "CAT1")}  # one sold-out pool, to be seen

# Partners' products from the Toulouse agenda: the source's names are in
# capitals without accents, so the names are written here, from the source.
PARTNER_PRODUCTS = [
    {"id": "FMAMID031V50FTWY", "code": "MUSEUM-OKA", "activity": "MUSEUM",
     "name": {"en": "Exhibition \u201cOka Amazonie\u201d, Mus\u00e9um de "
                    "Toulouse",
              "fr": "Exposition \u00ab\u00a0Oka Amazonie\u00a0\u00bb, "
                    "Mus\u00e9um de Toulouse"},
     "venue": "Mus\u00e9um de Toulouse", "stock": 300, "max": 8},
    {"id": "FMAMID031V50I5EF", "code": "MUSEUM-WISIGOTHS",
     "activity": "MUSEUM",
     "name": {"en": "Exhibition \u201cVisigoths, Kings of Toulouse\u201d, "
                    "Mus\u00e9e Saint-Raymond",
              "fr": "Exposition \u00ab\u00a0Wisigoths, rois de "
                    "Toulouse\u00a0\u00bb, mus\u00e9e Saint-Raymond"},
     "venue": "Mus\u00e9e Saint-Raymond", "stock": 250, "max": 8},
    {"id": "FMAMID031V50GSE4", "code": "CINEMA-CITE-ESPACE",
     "activity": "CINEMA",
     "name": {"en": "Late night at the Cit\u00e9 de l'espace",
              "fr": "Nocturne de la Cit\u00e9 de l'espace"},
     "venue": "Cit\u00e9 de l'espace", "stock": 180, "max": 8},
    {"id": "FMAMID031V50IRMR", "code": "VISIT-CAPITOLE",
     "activity": "GUIDED_VISIT",
     "name": {"en": "Curtain up: guided visit of the Th\u00e9\u00e2tre du "
                    "Capitole",
              "fr": "Lever de rideau au Th\u00e9\u00e2tre du Capitole "
                    "(visite guid\u00e9e)"},
     "venue": "Office de tourisme de Toulouse", "stock": 25, "max": 6},
]

# Themes: the Toulouse themes (French names as in the source) under two
# parents taken from the source's "Type de manifestation".
THEMES = [
    ("MUSIC", "Musique", "Music", None),
    ("CULTURE", "Culturelle", "Culture", None),
    ("CLASSICAL", "Musique classique", "Classical music", "MUSIC"),
    ("JAZZ", "Jazz et blues", "Jazz and blues", "MUSIC"),
    ("FILM", "Cin\u00e9ma", "Cinema", "CULTURE"),
    ("MUSEUM", "Mus\u00e9e", "Museum", "CULTURE"),
    ("ASTRONOMY", "Astronomie", "Astronomy", "CULTURE"),
    ("VIDEO", "Vid\u00e9o", "Video", "CULTURE"),
    ("YOUNG", "Jeune public", "Young audiences", None),
]
JAZZ_COMPOSERS = {"Ellington", "Gershwin"}

# Event types of the NY Phil, as shown to buyers (the cycle is their code).
EVENT_TYPES = {
    "Subscription Season": ("Subscription season", "Saison d'abonnement"),
    "Non-Subscription": ("Film and specials", "Cin\u00e9-concerts et "
                         "\u00e9v\u00e9nements"),
    "Young People's Concert": ("Young People's Concert",
                               "Concert jeunes publics"),
    "Nightcap": ("Nightcap", "Nightcap"),
}


# ---------------------------------------------------------------- reading

def read_csv(*parts):
    """Rows of a CSV extract in data/sources/, as dicts, in file order."""
    with open(os.path.join(SOURCES, *parts), encoding="utf-8",
              newline="") as f:
        return list(csv.DictReader(f))


def read_programs():
    """The NY Phil programmes of the extract, in order of first concert.

    Each is a dict: id, event_type, season, venue, concerts (rows in date
    order) and works (rows in programme order).
    """
    programs = {}
    for row in read_csv("nyphil", "concerts.csv"):
        p = programs.setdefault(row["program_id"], {
            "id": row["program_id"], "event_type": row["event_type"],
            "season": row["season"], "venue": row["venue"],
            "concerts": [], "works": []})
        p["concerts"].append(row)
    for row in read_csv("nyphil", "works.csv"):
        programs[row["program_id"]]["works"].append(row)
    for p in programs.values():
        p["concerts"].sort(key=lambda r: concert_start(r))
    return sorted(programs.values(),
                  key=lambda p: (concert_start(p["concerts"][0]), p["id"]))


# ------------------------------------------------------------ time helpers

def concert_start(row):
    """The local start of a concert row ("2024-09-12", "7:30PM")."""
    m = re.fullmatch(r"(\d{1,2}):(\d{2})([AP])M", row["time"].strip())
    if not m:
        sys.exit(f"build-sample: bad time {row['time']!r}")
    hour = int(m.group(1)) % 12 + (12 if m.group(3) == "P" else 0)
    y, mo, d = (int(x) for x in row["date"].split("-"))
    return datetime(y, mo, d, hour, int(m.group(2)), tzinfo=TZ)


def rfc3339(t):
    """An aware datetime as RFC 3339 with the venue's UTC offset."""
    return t.isoformat(timespec="seconds")


def cents(euros):
    """'22.0' -> 2200 (the extract's parsed amounts)."""
    return int(round(float(euros) * 100))


def share(code, full, low=0.08, high=0.58):
    """A deterministic part of full, between low and high, from the code."""
    u = int(hashlib.sha256(code.encode()).hexdigest()[:8], 16) / 2**32
    return int(round(full * (low + (high - low) * u)))


# ------------------------------------------------------------------ names

def person(name):
    """'Jarvi [Järvi], Paavo' -> 'Paavo Järvi'; names without a comma kept."""
    name = re.sub(r"\S+ \[([^\]]+)\]", r"\1", name.strip())
    name = re.sub(r"\S+ \(([^)]+)\)", r"\1", name)
    last, sep, first = name.partition(",")
    if not sep:
        return name
    return re.sub(r"\s+", " ", f"{first.strip()} {last.strip()}").strip()


def surname(composer):
    """'Varese [Varèse],  Edgard' -> 'Varèse'."""
    last = composer.split(",")[0].strip()
    m = re.search(r"\[([^\]]+)\]", last)
    return m.group(1) if m else last


SMALL_WORDS = {"a", "an", "and", "the", "of", "in", "on", "for", "to", "by",
               "at", "from", "with", "or", "as", "et", "de", "du", "des",
               "la", "le", "les", "und", "der", "die", "das", "von"}
ARTICLE = r"(THE|A|AN|LA|LE|LES|DER|DIE|DAS|IL)"


def title_word(word, first):
    """One word of a title in title case; keys, catalogue numbers kept."""
    core = word.strip("()[]\"':;,.")
    if re.fullmatch(r"[IVX]+|BWV|SZ|BB|[KD]\.\d+", core):
        return word
    if re.fullmatch(r"[A-G]", core) and first is None:
        return word  # a key letter, as in "A major"
    lower = word.lower()
    if first is False and core.lower() in SMALL_WORDS:
        return lower
    if core.lower() in ("major", "minor"):
        return lower
    out = re.sub(r"(^|[\[(\"'\-])([^\W\d_])",
                 lambda m: m.group(1) + m.group(2).upper(), lower)
    return re.sub(r"-(Flat|Sharp)\b", lambda m: "-" + m.group(1).lower(),
                  out)


def work_title(raw):
    """The NY Phil's catalogue title in reading order and title case.

    'CONCERTO, PIANO NO. 14, E-FLAT MAJOR, K.449' -> 'Piano Concerto No. 14,
    E-flat major, K.449'; 'VALSE, LA' -> 'La Valse'.
    """
    t = re.sub(r"\s+", " ", raw.strip()).replace("SHAR P ", "SHARP ")
    arranger = ""
    m = re.search(r" \(ARR\. ([^)]*)\)$", t)
    if m:
        arranger, t = f" (arr. {m.group(1)})", t[:m.start()]
    m = re.match(r"^(.+?), " + ARTICLE + r"(?=$|,| \[| \()(.*)$", t)
    if m:
        t = f"{m.group(2)} {m.group(1)}{m.group(3)}"
    m = re.match(r"^(CONCERTO|SONATA), ([A-Z ]+?)(?: AND ORCHESTRA)?,?"
                 r"(?: (NO\. ?\d+))?(,.*|$)", t)
    if m:
        number = f" {m.group(3)}" if m.group(3) else ""
        t = f"{m.group(2).strip()} {m.group(1)}{number}{m.group(4)}"
    t = re.sub(r"\bOP\. ?(\d)", r"OP. \1", t)
    t = re.sub(r"\b([A-G])[ -](FLAT|SHARP) ", r"\1-\2 ", t)
    words = t.split(" ")
    out = []
    first = True
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        is_key = (re.fullmatch(r"[A-G](-FLAT|-SHARP)?", w)
                  and nxt.rstrip(",") in ("MAJOR", "MINOR"))
        starts = first or w.startswith(("[", "("))
        out.append(w[0] + w[1:].lower() if is_key
                   else title_word(w, starts))
        first = w.endswith((":", ";", ","))
    return " ".join(out) + arranger


def join_words(items, conjunction):
    """['A', 'B', 'C'] -> 'A, B & C' (conjunction '&' or 'et')."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def program_people(p):
    """(conductor or None, soloists) of a programme, as display names."""
    conductor = None
    soloists = []
    for w in p["works"]:
        if w["interval"]:
            continue
        c = w["conductor"].strip()
        if conductor is None and c and c != "Not conducted":
            conductor = person(c)
        names = w["soloists"].split(" | ") if w["soloists"] else []
        roles = w["soloist_roles"].split(" | ") if w["soloist_roles"] else []
        for name, role in zip(names, roles):
            if role == "S" and person(name) not in soloists:
                soloists.append(person(name))
    return conductor, soloists


def program_composers(p):
    """Distinct composers' surnames, in programme order."""
    out = []
    for w in p["works"]:
        if w["interval"] or not w["composer"].strip():
            continue
        s = surname(w["composer"])
        if s not in ("Traditional", "Anthem", "VARIOUS") and s not in out:
            out.append(s)
    return out


def program_name(p):
    """The product name in both languages: what, who conducts, who plays.

    A programme of one work is named by it ('George Frideric Handel:
    Messiah'), others by their first three composers; then the conductor
    and up to two soloists. Young People's Concerts and Nightcaps say so.
    """
    works = [w for w in p["works"] if not w["interval"]]
    conductor, soloists = program_people(p)
    if len(works) == 1:
        what = f"{person(works[0]['composer'])}: " \
               f"{work_title(works[0]['work_title'])}"
        what_fr = what.replace(": ", "\u00a0: ", 1)
    else:
        composers = program_composers(p)[:3]
        what = join_words(composers, "&")
        what_fr = join_words(composers, "et")
    en, fr = what, what_fr
    if conductor:
        en, fr = f"{en} \u2014 {conductor}", f"{fr} \u2014 {conductor}"
    if soloists:
        en += (", with " if conductor else " \u2014 ") + \
            join_words(soloists[:2], "and")
        fr += (", avec " if conductor else " \u2014 ") + \
            join_words(soloists[:2], "et")
    if p["event_type"] in ("Young People's Concert", "Nightcap"):
        label_en, label_fr = EVENT_TYPES[p["event_type"]]
        en, fr = f"{label_en}: {en}", f"{label_fr}\u00a0: {fr}"
    return {"en": en, "fr": fr}


def program_description(p):
    """The works of the programme, one per line, as 'Composer: Title'."""
    lines = []
    for w in p["works"]:
        if w["interval"] or not w["work_title"]:
            continue
        line = f"{surname(w['composer'])}: {work_title(w['work_title'])}"
        if w["movement"]:
            line += f" ({w['movement']})"
        if line not in lines:
            lines.append(line)
    return "\n".join(lines)


def cycle_code(event_type):
    """'Young People's Concert' -> 'YOUNG-PEOPLES-CONCERT'."""
    return re.sub(r"[^A-Z0-9]+", "-",
                  event_type.replace("'", "").upper()).strip("-")


# ----------------------------------------------------------------- prices

def toulouse_range(row, kind):
    """(min, max) in cents of 'normal' or 'enfant' prices, or None."""
    lo, hi = row[f"tarif_{kind}_min_eur"], row[f"tarif_{kind}_max_eur"]
    if not lo or not hi:
        return None
    return cents(lo), cents(hi)


def concert_prices(p, agenda):
    """The price rows of a concert, derived from its Toulouse reference."""
    ref, layout = PRICE_REFERENCES[p["event_type"]]
    lo, hi = toulouse_range(agenda[ref], "normal")
    student = toulouse_range(agenda[STUDENT_REFERENCE], "normal")[1]
    if layout == "seated":
        mid = int(round((lo + hi) / 2 / 50.0)) * 50
        rows = [{"seat_category": "CAT1", "audience": "ADULT", "amount": hi},
                {"seat_category": "CAT2", "audience": "ADULT", "amount": mid},
                {"seat_category": "CAT3", "audience": "ADULT", "amount": lo}]
        if student < lo:
            rows.append({"seat_category": "CAT3", "audience": "STUDENT",
                         "amount": student})
        return rows
    rows = [{"audience": "ADULT", "amount": hi}]
    child = toulouse_range(agenda[ref], "enfant")
    if child:
        rows.append({"audience": "CHILD", "amount": child[1]})
    rows.append({"audience": "STUDENT", "amount": min(lo, student)})
    return rows


def partner_prices(row):
    """Price rows of a partner's product from its 'Tarif' columns.

    The highest normal price is the adult one, the lowest the reduced one
    (students and seniors), the child price the highest 'Tarif enfant'
    (else the reduced one). A single price is one row for everybody.
    """
    lo, hi = toulouse_range(row, "normal")
    if lo == hi:
        return [{"amount": hi}]
    child = toulouse_range(row, "enfant")
    return [{"audience": "ADULT", "amount": hi},
            {"audience": "CHILD", "amount": child[1] if child else lo},
            {"audience": "STUDENT", "amount": lo},
            {"audience": "SENIOR", "amount": lo}]


# --------------------------------------------------------------- products

def concert_code(p):
    return f"NYP-{p['id']}"


def seated(p):
    return PRICE_REFERENCES[p["event_type"]][1] == "seated"


def concert_capacity(code, p):
    """Pools left for one performance: per seat category, or one '*'."""
    if not seated(p):
        return {"*": share(code, UNRESERVED_POOL[p["event_type"]])}
    return {cat: 0 if (code, cat) in SOLD_OUT else share(code + cat, full)
            for cat, full in HALL_POOLS.items()}


def concert_themes(p):
    themes = ["CLASSICAL"]
    if set(program_composers(p)) & JAZZ_COMPOSERS:
        themes.append("JAZZ")
    titles = " ".join(w["work_title"] for w in p["works"])
    if p["event_type"] == "Non-Subscription" or "FILM" in titles:
        themes.append("FILM")
    if p["event_type"] == "Young People's Concert":
        themes.append("YOUNG")
    return themes


def concert_product(p, agenda):
    """One NY Phil programme as an event with its performances."""
    code = concert_code(p)
    sale_from = NON_SUBSCRIPTION_SALE_FROM \
        if p["event_type"] == "Non-Subscription" else SEASON_SALE_FROM
    performances = []
    for i, row in enumerate(p["concerts"], 1):
        pcode = f"{code}-{i}"
        performances.append({"code": pcode,
                             "start": rfc3339(concert_start(row)),
                             "capacity": concert_capacity(pcode, p)})
    return {"code": code, "kind": "event", "name": program_name(p),
            "description": program_description(p), "activity": "CONCERT",
            "themes": concert_themes(p), "cycle": cycle_code(p["event_type"]),
            "season": p["season"], "venue": p["venue"],
            "sale": {"from": sale_from}, "max_per_order": 10,
            "prices": concert_prices(p, agenda),
            "performances": performances}


def package_product(p, concert, tshirt):
    """The concert with a T-shirt: own performances, capacity and prices."""
    code = f"{concert['code']}-TS"
    rows = []
    for r in concert["prices"]:
        if r.get("audience") not in ("ADULT", "CHILD"):
            continue
        if seated(p) and r["audience"] != "ADULT":
            continue
        row = {k: v for k, v in r.items() if k != "audience"} \
            if seated(p) else dict(r)
        row["amount"] = r["amount"] + TSHIRT_PRICES[tshirt] - PACKAGE_SAVING
        rows.append(row)
    performances = []
    for perf in concert["performances"]:
        pcode = perf["code"].replace(concert["code"], code, 1)
        capacity = {"*": share(pcode, PACKAGE_UNRESERVED_POOL)} \
            if not seated(p) else \
            {cat: share(pcode + cat, full)
             for cat, full in PACKAGE_POOLS.items()}
        performances.append({"code": pcode, "start": perf["start"],
                             "capacity": capacity})
    shirt = {"TSHIRT": ("season T-shirt", "T-shirt de la saison"),
             "TSHIRT-KIDS": ("kids' T-shirt", "T-shirt enfant")}[tshirt]
    return {"code": code, "kind": "package",
            "name": {"en": f"{concert['name']['en']} + {shirt[0]}",
                     "fr": f"{concert['name']['fr']} + {shirt[1]}"},
            "activity": "CONCERT", "cycle": concert["cycle"],
            "season": concert["season"], "venue": concert["venue"],
            "sale": {"from": SERVICES_SALE_FROM}, "max_per_order": 4,
            "components": [{"product": concert["code"], "quantity": 1},
                           {"product": tshirt, "quantity": 1}],
            "prices": rows,
            "performances": performances}


def concert_days(concerts):
    """Local dates with a concert, each with its concerts' starts, sorted."""
    days = {}
    for c in concerts:
        for perf in c["performances"]:
            start = datetime.fromisoformat(perf["start"])
            days.setdefault(start.date(), []).append(start)
    return sorted(days.items())


def parking_product(concerts):
    """Parking: one dated performance per concert day, one shared pool."""
    performances = []
    for i, (day, starts) in enumerate(concert_days(concerts), 1):
        code = f"PARKING-{i:02d}"
        opens = min(starts) - timedelta(minutes=90)
        performances.append({"code": code, "start": rfc3339(opens),
                             "capacity": {"*": share(code, PARKING_POOL)}})
    return {"code": "PARKING", "kind": "service",
            "name": {"en": "Parking on concert day",
                     "fr": "Parking le jour du concert"},
            "description": {"en": "Lincoln Center garage, from 90 minutes "
                                  "before the first concert of the day.",
                            "fr": "Parking du Lincoln Center, \u00e0 partir "
                                  "de 90 minutes avant le premier concert "
                                  "du jour."},
            "venue": HALL, "channels": ["WEB", "MOBILE", "PHONE"],
            "max_per_order": 2, "prices": [{"amount": PARKING_PRICE}],
            "performances": performances}


def dinner_product(concerts):
    """Dinner at 17:30 each concert day, booked online until noon."""
    performances = []
    for i, (day, _) in enumerate(concert_days(concerts), 1):
        code = f"DINNER-{i:02d}"
        start = datetime(day.year, day.month, day.day, 17, 30, tzinfo=TZ)
        noon = datetime(day.year, day.month, day.day, 12, 0, tzinfo=TZ)
        performances.append({"code": code, "start": rfc3339(start),
                             "sale": {"from": SERVICES_SALE_FROM,
                                      "to": rfc3339(noon)},
                             "capacity": {"*": share(code, DINNER_POOL)}})
    return {"code": "DINNER", "kind": "service",
            "name": {"en": "Dinner before the concert",
                     "fr": "D\u00eener avant le concert"},
            "description": {"en": "Three courses at the hall's restaurant, "
                                  "served at 5:30 PM.",
                            "fr": "Trois plats au restaurant de la salle, "
                                  "servis \u00e0 17 h 30."},
            "venue": HALL, "max_per_order": 8,
            "prices": [{"audience": "ADULT", "amount": DINNER_PRICE}],
            "performances": performances}


def tshirt_products():
    return [
        {"code": "TSHIRT", "kind": "merchandise",
         "name": {"en": "Season T-shirt",
                  "fr": "T-shirt de la saison"},
         "season": SEASON, "stock": 150, "max_per_order": 4,
         "prices": [{"amount": TSHIRT_PRICES["TSHIRT"]}]},
        {"code": "TSHIRT-KIDS", "kind": "merchandise",
         "name": {"en": "Kids' T-shirt, Young People's Concerts",
                  "fr": "T-shirt enfant, concerts jeunes publics"},
         "season": SEASON, "stock": 40, "max_per_order": 4,
         "prices": [{"amount": TSHIRT_PRICES["TSHIRT-KIDS"]}]},
    ]


def partner_product(spec, row, theme_codes):
    """A partner's undated product from its Toulouse agenda row."""
    themes = [theme_codes[t.strip()]
              for t in row["Thème de la manifestation"].split(",")
              if t.strip()]
    product = {"code": spec["code"], "kind": "pass_open",
               "name": spec["name"],
               "description": {"fr": row["Descriptif court"]},
               "activity": spec["activity"], "themes": themes,
               "venue": spec["venue"], "channels": ["WEB", "MOBILE"],
               "sale": {"from": SEASON_SALE_FROM, "to": SEASON_LAST_DAY},
               "stock": spec["stock"], "max_per_order": spec["max"],
               "prices": partner_prices(row)}
    if not themes:
        del product["themes"]  # absent, not empty (SPEC 5)
    return product


# ------------------------------------------------------ reference records

def institution():
    return {"code": "DGH", "name": HALL, "timezone": TIMEZONE,
            "currency": "USD", "languages": ["en", "fr"]}


def channels():
    return [
        {"code": "WEB", "name": {"en": "Web ticketshop",
                                 "fr": "Billetterie en ligne"},
         "type": "internet"},
        {"code": "MOBILE", "name": {"en": "Mobile app",
                                    "fr": "Application mobile"},
         "type": "internet"},
        {"code": "DESK", "name": {"en": "Box office", "fr": "Guichet"},
         "type": "box_office"},
        {"code": "PHONE", "name": {"en": "Call center",
                                   "fr": "Centre d'appels"},
         "type": "call_center"},
    ]


def seat_categories():
    return [
        {"code": "CAT1", "name": {"en": "1st category",
                                  "fr": "1re cat\u00e9gorie"}, "rank": 1},
        {"code": "CAT2", "name": {"en": "2nd category",
                                  "fr": "2e cat\u00e9gorie"}, "rank": 2},
        {"code": "CAT3", "name": {"en": "3rd category",
                                  "fr": "3e cat\u00e9gorie"}, "rank": 3},
    ]


def audiences():
    return [
        {"code": "ADULT", "name": {"en": "Adult", "fr": "Adulte"}},
        {"code": "CHILD", "name": {"en": "Child (under 13)",
                                   "fr": "Enfant (moins de 13 ans)"}},
        {"code": "STUDENT", "name": {"en": "Student",
                                     "fr": "\u00c9tudiant"}},
        {"code": "SENIOR", "name": {"en": "Senior (65 and over)",
                                    "fr": "Senior (65 ans et plus)"}},
    ]


def activities():
    return [
        {"code": "CONCERT", "name": {"en": "Concerts", "fr": "Concerts"}},
        {"code": "CINEMA", "name": {"en": "Cinema", "fr": "Cin\u00e9ma"}},
        {"code": "MUSEUM", "name": {"en": "Museums", "fr": "Mus\u00e9es"}},
        {"code": "GUIDED_VISIT", "name": {"en": "Guided visits",
                                          "fr": "Visites guid\u00e9es"}},
    ]


def themes(agenda):
    """The theme records; every French name must occur in the extract."""
    seen = set()
    for row in agenda.values():
        for col in ("Thème de la manifestation", "Type de manifestation"):
            seen.update(t.strip() for t in row[col].split(","))
    out = []
    for code, fr, en, parent in THEMES:
        if fr not in seen:
            sys.exit(f"build-sample: theme {fr!r} is not in the extract")
        record = {"code": code, "name": {"en": en, "fr": fr}}
        if parent:
            record["parent"] = parent
        out.append(record)
    return out


# --------------------------------------------------------------- profiles

def season_line(line):
    """A line valid for the season, as whole local days (R2)."""
    text = line.pop("text")
    line["valid_from"] = SEASON_SALE_FROM
    line["valid_to"] = SEASON_LAST_DAY
    line["text"] = text  # last, in the order encore export writes
    return line


def active_profile(base, package, favorite):
    """The web profile: the five examples of the seed, one line each."""
    lines = [
        {"id": "UPSELL-TSHIRT", "type": "upsell", "base": base,
         "targets": [{"product": package}],
         "text": {"en": "Take the season T-shirt with your ticket, "
                        "and save $5.",
                  "fr": "Prenez le T-shirt de la saison avec votre billet "
                        "et \u00e9conomisez 5 $."}},
        {"id": "CART-PARKING", "type": "cart", "base": base,
         "targets": [{"product": "PARKING", "date": "same_as_base",
                      "quantity": {"mode": "choice", "max": 2}}],
         "text": {"en": "Park at Lincoln Center on the day of your concert.",
                  "fr": "Garez-vous au Lincoln Center le jour de votre "
                        "concert."}},
        {"id": "COND-DINNER", "type": "conditional", "base": base,
         "when": {"min_quantity": 2, "seat_categories": ["CAT1"]},
         "targets": [{"product": "DINNER", "date": "same_as_base",
                      "quantity": {"mode": "proportional"},
                      "audiences": ["ADULT"]}],
         "text": {"en": "Two seats in 1st category: make it an evening "
                        "with dinner before the concert.",
                  "fr": "Deux places en 1re cat\u00e9gorie\u00a0: "
                        "faites-en une soir\u00e9e avec un d\u00eener "
                        "avant le concert."}},
        {"id": "FAV-SAME-CYCLE", "type": "favorite", "base": base,
         "targets": [{"product": favorite["code"]}],
         "text": {"en": "You may also like this concert of the "
                        "subscription season.",
                  "fr": "Vous aimerez aussi ce concert de la saison "
                        "d'abonnement."}},
        {"id": "POST-MUSEUM", "type": "post_purchase", "base": base,
         "targets": [{"product": POST_PURCHASE_TARGET}],
         "text": {"en": "Thank you! Our partner the Mus\u00e9um de Toulouse "
                        "invites you to its Amazon exhibition.",
                  "fr": "Merci\u00a0! Notre partenaire le Mus\u00e9um de "
                        "Toulouse vous invite \u00e0 son exposition sur "
                        "l'Amazonie."}},
    ]
    return {"code": "WEB-SEASON",
            "name": {"en": "Web and app, concert season",
                     "fr": "Web et application, saison de concerts"},
            "status": "active", "channels": ["WEB", "MOBILE"],
            "limits": {"sidebar": 3},
            "lines": [season_line(x) for x in lines]}


def draft_profile(base, favorite):
    """A draft being prepared for family afternoons (not yet validated)."""
    lines = [
        {"id": "CART-KIDS-TSHIRT", "type": "cart", "base": base,
         "targets": [{"product": "TSHIRT-KIDS",
                      "quantity": {"mode": "choice", "max": 4}}],
         "text": {"en": "A T-shirt for the young concertgoer?",
                  "fr": "Un T-shirt pour le jeune m\u00e9lomane\u00a0?"}},
        {"id": "FAV-NEXT-YPC", "type": "favorite", "base": base,
         "targets": [{"product": favorite}],
         "text": {"en": "The next Young People's Concert.",
                  "fr": "Le prochain concert jeunes publics."}},
    ]
    return {"code": "WEB-FAMILY", "name": {"en": "Family afternoons (draft)",
                                           "fr": "Apr\u00e8s-midi en "
                                                 "famille (brouillon)"},
            "status": "draft", "channels": ["WEB"],
            "lines": [season_line(x) for x in lines]}


# ------------------------------------------------------------------ build

def build():
    """The whole document, as ordered dicts (SPEC 7 key order)."""
    agenda = {r["Identifiant"]: r for r in read_csv("toulouse", "agenda.csv")}
    programs = read_programs()
    concerts = [concert_product(p, agenda) for p in programs]
    by_id = {p["id"]: (p, c) for p, c in zip(programs, concerts)}
    packages = []
    for pid, tshirt in PACKAGE_PROGRAMS.items():
        p, c = by_id[pid]
        packages.append(package_product(p, c, tshirt))
    theme_codes = {fr: code for code, fr, _, _ in THEMES}
    partners = [partner_product(s, agenda[s["id"]], theme_codes)
                for s in PARTNER_PRODUCTS]
    base = by_id[BASE_PROGRAM][1]["code"]
    products = concerts + packages + [parking_product(concerts),
                                      dinner_product(concerts)] \
        + tshirt_products() + partners
    return {
        "format": "encore-catalogue/1",
        "institution": institution(),
        "channels": channels(),
        "seat_categories": seat_categories(),
        "audiences": audiences(),
        "activities": activities(),
        "themes": themes(agenda),
        "products": products,
        "profiles": [
            active_profile(base, f"{base}-TS", by_id[FAVORITE_PROGRAM][1]),
            draft_profile(by_id[DRAFT_BASE_PROGRAM][1]["code"],
                          by_id[DRAFT_FAVORITE_PROGRAM][1]["code"]),
        ],
    }


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join(HERE,
                                                     "sample-season.json")
    doc = build()
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    n_perf = sum(len(p.get("performances", [])) for p in doc["products"])
    print(f"build-sample: {out}: {len(doc['products'])} products, "
          f"{n_perf} performances", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
