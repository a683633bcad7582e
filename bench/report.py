#!/usr/bin/env python3
"""Writes bench/RESULTS.md from the raw outputs of bench/run.sh.

usage: report.py OUT RUNS RESULTS.md

OUT holds machine.txt, commands.txt, answer.txt and runs/N/ for each run:
import.txt (/usr/bin/time -v), inproc.txt, sqlnaive.txt, rules.txt and
edit.txt ("name value" lines), wrk-*.txt (wrk --latency). Every figure
is the median over the runs; a ratio is computed within each run, then
its median taken.
"""
import os
import re
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def read_pairs(path, into):
    if not os.path.exists(path):
        return
    for line in open(path):
        parts = line.split()
        if len(parts) == 2:
            try:
                into[parts[0]] = float(parts[1])
            except ValueError:
                pass


def read_time(path, into):
    """/usr/bin/time -v: wall seconds and peak RSS in MB."""
    if not os.path.exists(path):
        return
    text = open(path).read()
    m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)",
                  text)
    if m:
        into["import.wall_s"] = (int(m.group(1) or 0) * 3600 +
                                 int(m.group(2)) * 60 + float(m.group(3)))
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        into["import.peak_mb"] = int(m.group(1)) / 1024


def read_wrk(path, name, into):
    """wrk --latency: requests/s, p50/p99 in ms, failures."""
    if not os.path.exists(path):
        return
    text = open(path).read()
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if m:
        into[name + ".rps"] = float(m.group(1))
    for pct in ("50", "99"):
        m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % pct, text, re.M)
        if m:
            into["%s.p%s_ms" % (name, pct)] = (float(m.group(1)) *
                                               UNITS[m.group(2)])
    m = re.search(r"(\d+) requests in", text)
    if m:
        into[name + ".requests"] = int(m.group(1))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    into[name + ".non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), "
                  r"timeout (\d+)", text)
    into[name + ".socket_errors"] = sum(map(int, m.groups())) if m else 0


def read_run(directory):
    f = {}
    read_time(os.path.join(directory, "import.txt"), f)
    for name in ("inproc", "sqlnaive", "rules", "edit"):
        read_pairs(os.path.join(directory, name + ".txt"), f)
    for server in ("encore", "nginx"):
        for conns in ("64", "256"):
            read_wrk(os.path.join(directory, "wrk-%s-%s.txt" % (server,
                                                                  conns)),
                     "http.%s.%s" % (server, conns), f)
    read_wrk(os.path.join(directory, "wrk-edit.txt"), "edit.wrk", f)
    add_ratios(f)
    return f


def ratio(f, name, num, den):
    if f.get(num) and f.get(den):
        f[name] = f[num] / f[den]


def add_ratios(f):
    """Ratios within one run."""
    for c in ("64", "256"):
        ratio(f, "ratio.http_vs_nginx.%s" % c, "http.encore.%s.rps" % c,
              "http.nginx.%s.rps" % c)
    for s in ("1", "5", "20"):
        e = "inproc.propose.%s.per_s" % s
        ratio(f, "ratio.vs_sql.%s" % s, e, "sqlnaive.propose.%s.per_s" % s)
        ratio(f, "ratio.vs_rules.%s" % s, e, "rules.indexed.%s.per_s" % s)
        ratio(f, "ratio.vs_rules_profile.%s" % s, e,
              "rules.profile.%s.per_s" % s)


def medians(runs):
    keys = sorted(set().union(*runs))
    return {k: statistics.median([r[k] for r in runs if k in r])
            for k in keys}, {k: [r.get(k) for r in runs] for k in keys}


def fmt(v):
    if v is None:
        return "-"
    if abs(v) >= 1000:
        return "{:,.0f}".format(v)
    if abs(v) >= 100:
        return "%.0f" % v
    if abs(v) >= 10:
        return "%.1f" % v
    return "%.2f" % v


# (figure, key, unit)
TABLES = [
    ("Import and snapshot", [
        ("import of the large catalogue, wall", "import.wall_s", "s"),
        ("import, peak memory (max RSS)", "import.peak_mb", "MB"),
        ("snapshot build (store_load of the db)", "inproc.snapshot_build_s",
         "s"),
    ]),
    ("In-process engine (enc_propose on parsed requests, one thread)", [
        (label % s, key % s, unit) for s in ("1", "5", "20")
        for label, key, unit in (
            ("%s-item carts, evaluations/s", "inproc.propose.%s.per_s", "/s"),
            ("%s-item carts, p50", "inproc.propose.%s.p50_us", "us"),
            ("%s-item carts, p99", "inproc.propose.%s.p99_us", "us"),
            ("%s-item carts, proposals per answer",
             "inproc.proposals_per_answer.%s", ""),
        )
    ]),
    ("Codec, timed apart (for the record)", [
        (label % s, key % s, unit) for s in ("1", "5", "20")
        for label, key, unit in (
            ("%s-item request parse, p50", "inproc.parse.%s.p50_us", "us"),
            ("%s-item answer encode, p50", "inproc.encode.%s.p50_us", "us"),
            ("%s-item answer, bytes", "inproc.answer_bytes.%s", "B"),
        )
    ]),
    ("SQL per request (same rules, SQLite queries on each request)", [
        (label % s, key % s, unit) for s in ("1", "5", "20")
        for label, key, unit in (
            ("%s-item carts, evaluations/s", "sqlnaive.propose.%s.per_s",
             "/s"),
            ("%s-item carts, p50", "sqlnaive.propose.%s.p50_us", "us"),
            ("%s-item carts, p99", "sqlnaive.propose.%s.p99_us", "us"),
            ("%s-item carts, same (line, product) pairs as Encore",
             "sqlnaive.agreement.%s", "share"),
        )
    ]),
    ("json-rules-engine (Node.js)", [
        (label % s, key % s, unit) for s in ("1", "5", "20")
        for label, key, unit in (
            ("%s-item, engine per (profile, base): evaluations/s",
             "rules.indexed.%s.per_s", "/s"),
            ("%s-item, engine per (profile, base): p50",
             "rules.indexed.%s.p50_us", "us"),
            ("%s-item, engine per (profile, base): p99",
             "rules.indexed.%s.p99_us", "us"),
            ("%s-item, one engine per profile: p50",
             "rules.profile.%s.p50_us", "us"),
        )
    ]),
    ("HTTP (wrk, 2 threads, POST of 5-item carts; nginx GET of the file)", [
        (label % (srv, c), key % (srv, c), unit)
        for c in ("64", "256") for srv in ("encore", "nginx")
        for label, key, unit in (
            ("%s, %s connections, requests/s", "http.%s.%s.rps", "/s"),
            ("%s, %s connections, p50", "http.%s.%s.p50_ms", "ms"),
            ("%s, %s connections, p99", "http.%s.%s.p99_ms", "ms"),
            ("%s, %s connections, non-2xx + socket errors",
             "http.%s.%s.failures", ""),
        )
    ]),
    ("Profile edited under wrk (64 connections)", [
        ("import of the edited profile", "edit.import_s", "s"),
        ("the import's commit, before its process ends",
         "edit.commit_before_end_s", "s"),
        ("first answer showing it, after the commit",
         "edit.served_after_commit_s", "s"),
        ("first answer showing it, after the import's start",
         "edit.served_after_start_s", "s"),
        ("wrk requests during the run", "edit.wrk.requests", ""),
        ("wrk non-2xx + socket errors", "edit.wrk.failures", ""),
        ("failed polls", "edit.poll_failures", ""),
        ("admin API write of the profile (PUT), answered after its "
         "commit and reload", "edit_admin.request_s", "s"),
        ("first answer showing it, after the PUT's start",
         "edit_admin.served_after_start_s", "s"),
        ("failed polls during the PUT", "edit_admin.poll_failures", ""),
    ]),
    ("Ratios (within each run, then the median)", [
        ("encore / nginx requests/s, 64 connections",
         "ratio.http_vs_nginx.64", "x"),
        ("encore / nginx requests/s, 256 connections",
         "ratio.http_vs_nginx.256", "x"),
    ] + [
        (label % s, key % s, "x") for s in ("1", "5", "20")
        for label, key in (
            ("%s-item: Encore / SQL per request", "ratio.vs_sql.%s"),
            ("%s-item: Encore / json-rules-engine (per base)",
             "ratio.vs_rules.%s"),
            ("%s-item: Encore / json-rules-engine (per profile)",
             "ratio.vs_rules_profile.%s"),
        )
    ]),
]

# (goal, key, test, threshold text)
GOALS = [
    ("HTTP at 64 connections >= 0.75x nginx", "ratio.http_vs_nginx.64",
     lambda v: v >= 0.75, "0.75x"),
    ("HTTP p99 at 64 connections < 10 ms", "http.encore.64.p99_ms",
     lambda v: v < 10, "10 ms"),
    ("In-process 5-item p50 < 2 us", "inproc.propose.5.p50_us",
     lambda v: v < 2, "2 us"),
    ("In-process 5-item p99 < 10 us", "inproc.propose.5.p99_us",
     lambda v: v < 10, "10 us"),
    (">= 100x json-rules-engine (5-item, its best setup)",
     "ratio.vs_rules.5", lambda v: v >= 100, "100x"),
    (">= 30x SQL per request (5-item)", "ratio.vs_sql.5",
     lambda v: v >= 30, "30x"),
    ("Import < 5 s", "import.wall_s", lambda v: v < 5, "5 s"),
    ("Import peak memory < 500 MB", "import.peak_mb", lambda v: v < 500,
     "500 MB"),
    ("Edited profile served within 1 s of its commit",
     "edit.served_after_commit_s", lambda v: v <= 1, "1 s"),
    ("Profile written through the admin API served within 1 s",
     "edit_admin.served_after_start_s", lambda v: v <= 1, "1 s"),
    ("No failed request while the profile is edited", "edit.wrk.failures",
     lambda v: v == 0, "0"),
]


def add_failures(f):
    for k in list(f):
        if k.endswith(".non2xx"):
            base = k[:-len(".non2xx")]
            f[base + ".failures"] = f[k] + f.get(base + ".socket_errors", 0)


def machine_lines(out):
    path = os.path.join(out, "machine.txt")
    pairs = [l.rstrip("\n").split(" ", 1) for l in open(path)]
    return {k: v for k, v in pairs}


def busy_note(out, nruns, nproc):
    """A warning when other work shared the machine during the runs."""
    peak = 0.0
    for r in range(1, nruns + 1):
        p = os.path.join(out, "runs", str(r), "load.txt")
        if os.path.exists(p):
            for l in open(p):
                if l.strip():
                    peak = max(peak, float(l.split()[1]))
    if peak <= 2 * nproc:
        return "The machine was otherwise quiet (load average at most %.1f " \
               "on %d cores)." % (peak, nproc)
    return ("**The machine was busy with other work during these runs** "
            "(load average up to %.1f on %d cores as its steps began; the "
            "bench alone keeps it near the number of cores): every figure is pessimistic and noisy, "
            "the ratios less so since both sides of each ratio ran in the "
            "same run. Rerun `make bench` on a quiet machine for figures to "
            "hold against the goals." % (peak, nproc))


def write(out, nruns, dest):
    runs = []
    for r in range(1, nruns + 1):
        f = read_run(os.path.join(out, "runs", str(r)))
        add_failures(f)
        runs.append(f)
    med, per_run = medians(runs)
    m = machine_lines(out)
    answer = {}
    read_pairs(os.path.join(out, "answer.txt"), answer)
    commands = [l.rstrip("\n")
                for l in open(os.path.join(out, "commands.txt"))]

    w = []
    w.append("# Encore benchmark results\n")
    w.append("Written by `make bench` (bench/run.sh, bench/report.py) on "
             "%s. Every figure is the median of %d runs (the runs column "
             "lists each run's value); ratios are computed within each run, "
             "then their median taken. Rerun with `make bench` (BENCH_RUNS, "
             "BENCH_WRK_SECONDS to change the runs and the wrk duration)."
             "\n" % (m.get("date", "?"), nruns))
    w.append("## Machine and versions\n")
    for k in ("nproc", "cpu", "memory", "kernel", "os", "encore", "gcc",
              "sqlite", "jansson", "libmicrohttpd", "nginx", "wrk", "node",
              "json-rules-engine", "python"):
        w.append("- %s: %s" % (k, m.get(k, "?")))
    loads = []
    for r in range(1, nruns + 1):
        p = os.path.join(out, "runs", str(r), "load.txt")
        if os.path.exists(p):
            loads.append("run %d: %s" % (r, ", ".join(
                l.split()[1] + " (" + l.split()[0] + ")"
                for l in open(p) if l.strip())))
    if loads:
        w.append("- load average (1 min) when each step began: "
                 + "; ".join(loads))
        w.append("")
        w.append(busy_note(out, nruns, int(m.get("nproc", "1"))))
    w.append("")
    w.append("## Goals of issue 4\n")
    w.append("| goal | median | runs | met |")
    w.append("|---|---|---|---|")
    for label, key, test, _ in GOALS:
        v = med.get(key)
        met = "-" if v is None else ("met" if test(v) else "not met")
        runs_txt = ", ".join(fmt(x) for x in per_run.get(key, []))
        w.append("| %s | %s | %s | %s |" % (label, fmt(v), runs_txt, met))
    w.append("")
    for title, rows in TABLES:
        w.append("## %s\n" % title)
        w.append("| figure | median | unit | runs |")
        w.append("|---|---|---|---|")
        for label, key, unit in rows:
            if key not in med:
                continue
            runs_txt = ", ".join(fmt(x) for x in per_run[key])
            w.append("| %s | %s | %s | %s |" % (label, fmt(med[key]), unit,
                                                runs_txt))
        w.append("")
    if answer.get("http.answer_bytes"):
        w.append("nginx serves the answer to the 5-item cart of median "
                 "size (%d bytes) as a static file.\n"
                 % answer["http.answer_bytes"])
    w.append(open(os.path.join(ROOT, "bench", "METHOD.md")).read())
    w.append("## Commands, as run\n")
    w.append("```")
    w.extend(commands)
    w.append("```")
    with open(dest, "w") as f:
        f.write("\n".join(w) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    write(sys.argv[1], int(sys.argv[2]), sys.argv[3])
