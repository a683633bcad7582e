#!/usr/bin/env python3
"""HTTP helpers of bench/run.sh, on 127.0.0.1 only.

usage: client.py answer PORT CARTFILE OUT   writes the answer to the cart
           whose size is the median of all, as the static file nginx serves;
           fails unless every answer is a 200
       client.py admin-edit PORT TOKEN DOC POLL EXPECT
           writes the profile of DOC through the admin API (PUT
           /api/v1/admin/profiles/CODE, TOKEN from the environment variable
           it names) while polling as edit does; prints the request's
           duration (its commit and the snapshot's reload: the answer
           comes after both), the delay from its start to the first
           answer showing the change, and the polls that failed
       client.py edit PORT ENCORE DB DOC POLL EXPECT
           imports DOC into DB with ENCORE while polling the server with the
           request of POLL (edit-poll.json) until an answer shows product
           EXPECT, and DB's generation (read only) to see when the import
           commits; prints "name value" lines: the import's duration, the
           delay from its commit and from its start to the first answer
           showing the change, and the polls that failed
"""
import http.client
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time

HOST = "127.0.0.1"
POLL_EVERY_S = 0.005
EDIT_TIMEOUT_S = 120


def post(conn, body):
    conn.request("POST", "/api/v1/proposals", body,
                 {"Content-Type": "application/json"})
    resp = conn.getresponse()
    return resp.status, resp.read()


def cmd_answer(port, cartfile, out):
    conn = http.client.HTTPConnection(HOST, int(port), timeout=10)
    answers = []
    with open(cartfile) as f:
        for line in f:
            if line.strip():
                status, body = post(conn, line.strip())
                if status != 200:
                    sys.exit("bench: answer %d: %s" % (status, body[:200]))
                answers.append(body)
    answers.sort(key=len)
    with open(out, "wb") as f:
        f.write(answers[len(answers) // 2])
    print("http.answer_bytes %d" % len(answers[len(answers) // 2]))


def generation(db):
    """The store's generation (store/sqlite.c's meta row), read only."""
    conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
    try:
        return conn.execute(
            "SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
    finally:
        conn.close()


def watch_commit(db, times):
    """Sets times["commit"] when the generation moves (or the import ends
    first, which then stands for it)."""
    before = generation(db)
    while "end" not in times:
        if generation(db) != before:
            times["commit"] = time.monotonic()
            return
        time.sleep(POLL_EVERY_S)
    times["commit"] = times["end"]


def poll_start(port, poll, expect):
    """A connection, the poll's request and the bytes an answer shows
    once the edit is served; exits when it is served already."""
    body = json.dumps(json.load(open(poll))["request"])
    needle = ('"product":"%s"' % expect).encode()
    conn = http.client.HTTPConnection(HOST, int(port), timeout=10)
    status, answer = post(conn, body)
    if status != 200 or needle in answer:
        sys.exit("bench: the edit is already served, or the poll fails")
    return conn, body, needle


def poll_until_served(conn, body, needle):
    """Polls every POLL_EVERY_S until an answer shows needle: the
    monotonic time it did, and the polls that failed meanwhile."""
    failed = 0
    deadline = time.monotonic() + EDIT_TIMEOUT_S
    while time.monotonic() < deadline:
        status, answer = post(conn, body)
        if status != 200:
            failed += 1
        elif needle in answer:
            return time.monotonic(), failed
        else:
            time.sleep(POLL_EVERY_S)
    sys.exit("bench: the edit was not served within %d s" % EDIT_TIMEOUT_S)


def cmd_edit(port, encore, db, doc, poll, expect):
    conn, body, needle = poll_start(port, poll, expect)

    times = {}

    def run_import():
        times["start"] = time.monotonic()
        subprocess.run([encore, "--db", db, "import", doc], check=True,
                       stdout=subprocess.DEVNULL)
        times["end"] = time.monotonic()

    watcher = threading.Thread(target=watch_commit, args=(db, times))
    watcher.start()
    worker = threading.Thread(target=run_import)
    worker.start()
    seen, failed = poll_until_served(conn, body, needle)
    worker.join()
    watcher.join()
    print("edit.import_s %.3f" % (times["end"] - times["start"]))
    print("edit.commit_before_end_s %.3f" % (times["end"] - times["commit"]))
    print("edit.served_after_commit_s %.3f" % (seen - times["commit"]))
    print("edit.served_after_start_s %.3f" % (seen - times["start"]))
    print("edit.poll_failures %d" % failed)


def cmd_admin_edit(port, token_var, doc, poll, expect):
    conn, body, needle = poll_start(port, poll, expect)
    profile = json.load(open(doc))["profiles"][0]

    times = {}

    def run_put():
        admin = http.client.HTTPConnection(HOST, int(port), timeout=120)
        times["start"] = time.monotonic()
        admin.request("PUT", "/api/v1/admin/profiles/" + profile["code"],
                      json.dumps(profile),
                      {"Content-Type": "application/json",
                       "Authorization": "Bearer " + os.environ[token_var]})
        resp = admin.getresponse()
        resp.read()
        times["end"] = time.monotonic()
        times["status"] = resp.status

    worker = threading.Thread(target=run_put)
    worker.start()
    seen, failed = poll_until_served(conn, body, needle)
    worker.join()
    if times.get("status") != 200:
        sys.exit("bench: the admin write answered %s" % times.get("status"))
    print("edit_admin.request_s %.3f" % (times["end"] - times["start"]))
    print("edit_admin.served_after_start_s %.3f" % (seen - times["start"]))
    print("edit_admin.poll_failures %d" % failed)


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "answer":
        cmd_answer(*sys.argv[2:])
    elif len(sys.argv) == 8 and sys.argv[1] == "edit":
        cmd_edit(*sys.argv[2:])
    elif len(sys.argv) == 7 and sys.argv[1] == "admin-edit":
        cmd_admin_edit(*sys.argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
