#!/usr/bin/env python3
"""Trims the public source tables down to the rows the sample season uses.

usage: python3 data/sources/trim.py NYPHIL_DIR TOULOUSE_DIR

NYPHIL_DIR holds nyphil_concerts.csv and nyphil_works.csv, the New York
Philharmonic Performance History flattened to CSV (one row per concert, one
row per programme item); TOULOUSE_DIR holds toulouse_agenda_2020.csv, the
Toulouse Metropole cultural agenda 2020 as one CSV (see the README.md beside
each extract for origin and licence). Writes the extracts beside this file:
nyphil/concerts.csv, nyphil/works.csv and toulouse/agenda.csv. Values are
copied unchanged; only rows (and, for Toulouse, columns) are dropped.
Python 3 standard library only; same inputs give the same bytes.
"""
import csv
import os
import sys

# Programmes of the 2024-25 season given at David Geffen Hall, Manhattan.
NYPHIL_PROGRAMS = [
    "14934", "14935", "15048", "14937", "14938", "14939", "14942", "14944",
    "14945", "14946", "14948", "14952", "14953", "14955", "14956", "14960",
    "14962", "14965", "14967", "14968", "14972", "14976", "14978", "14983",
]

# Toulouse events: price references for the concerts, and the partners'
# products (museum, cinema/planetarium, guided visit).
TOULOUSE_EVENTS = [
    "FMAMID031V50CF7B",  # Les Pecheurs de perles: subscription price range
    "FMAMID031V50AM33",  # Les Quatre Saisons: non-subscription price range
    "FMAMID031V50IW5H",  # Concert etudiant: student price
    "FMAMID031V50DUUX",  # Bach en famille: family concert prices
    "FMAMID031V50IBGN",  # Happy Hour (late concert): nightcap prices
    "FMAMID031V50FTWY",  # Oka Amazonie, Museum de Toulouse
    "FMAMID031V50I5EF",  # Wisigoths, Musee Saint-Raymond
    "FMAMID031V50GSE4",  # Nocturne de la Cite de l'espace
    "FMAMID031V50IRMR",  # Lever de rideau au Theatre du Capitole
]

TOULOUSE_COLUMNS = [
    "Identifiant", "Nom de la manifestation", "Descriptif court",
    "Date début", "Date fin", "Horaires", "Dates affichage - horaires",
    "Modification dernière minute", "Lieu - nom", "Commune",
    "Type de manifestation", "Catégorie de la manifestation",
    "Thème de la manifestation", "Manifestation gratuite", "Tarif normal",
    "Tarif enfant", "Tranche âge enfant", "snapshot",
    "tarif_normal_min_eur", "tarif_normal_max_eur",
    "tarif_enfant_min_eur", "tarif_enfant_max_eur",
]


def copy_rows(src, dst, keep, columns=None):
    """Copies the header and the rows of src for which keep(row) holds."""
    with open(src, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields = columns or reader.fieldnames
        rows = [r for r in reader if keep(r)]
    with open(dst, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n",
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: trim.py NYPHIL_DIR TOULOUSE_DIR")
    here = os.path.dirname(os.path.abspath(__file__))
    programs = set(NYPHIL_PROGRAMS)
    events = set(TOULOUSE_EVENTS)
    n = copy_rows(os.path.join(argv[1], "nyphil_concerts.csv"),
                  os.path.join(here, "nyphil", "concerts.csv"),
                  lambda r: r["program_id"] in programs)
    w = copy_rows(os.path.join(argv[1], "nyphil_works.csv"),
                  os.path.join(here, "nyphil", "works.csv"),
                  lambda r: r["program_id"] in programs)
    t = copy_rows(os.path.join(argv[2], "toulouse_agenda_2020.csv"),
                  os.path.join(here, "toulouse", "agenda.csv"),
                  lambda r: r["Identifiant"] in events, TOULOUSE_COLUMNS)
    print(f"trim: {n} concerts, {w} works, {t} Toulouse events",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
