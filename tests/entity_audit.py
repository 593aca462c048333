#!/usr/bin/env python3
"""entity_audit.py: print what a person needs to judge the entities of a store.

Given a lede store, prints (a) the sidebar's top N entities as `lede entities`
shows them, numbered, and (b) for K articles drawn at random (seeded, so a run
can be repeated) the article's fields with every highlighted mention written
in brackets with its type, e.g. "[PER Nguyễn Văn A]", and the entity it was
linked to when that differs from the text ("[ORG HNX => Sở Giao dịch ...]").

It reads a snapshot copy of the store (SQLite's backup API), because
`lede show` marks an article read: the user's store is left as it was.
Exits 77 when there is no store or no lede binary, so it can sit next to
the tests without data.

    tests/entity_audit.py --db STORE [--lede BIN] [--top N] [--articles K]
                          [--seed S] [--all-fields]
"""
import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77
# The fields of `lede show --format json` that carry text, in reading order.
FIELDS = ("title", "dateline", "lede", "caption", "credit", "body")


def skip(msg):
    """Leave with the automake 'skipped' status and a reason."""
    print("entity_audit: SKIP: " + msg, file=sys.stderr)
    sys.exit(SKIP)


def find_lede(given):
    """The lede binary: --lede, else $LEDE_BIN, else ./lede, else PATH."""
    for cand in (given, os.environ.get("LEDE_BIN"), "./lede"):
        if cand and os.access(cand, os.X_OK):
            return cand
    return shutil.which("lede")


def run_json(lede, db, args):
    """Run one lede command against the store and parse its JSON output."""
    out = subprocess.run([lede, "--db", db] + args, check=True,
                         stdout=subprocess.PIPE).stdout
    return json.loads(out.decode("utf-8"))


def bracket(text, mentions):
    """The text with each mention (byte offsets into UTF-8) bracketed and typed."""
    raw = text.encode("utf-8")
    out, pos = [], 0
    for m in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        if m["start"] < pos:  # overlapping mention: show it apart, never nest
            out.append(b" {overlap %s %s}" % (m["type"].encode(), m["text"].encode()))
            continue
        out.append(raw[pos:m["start"]])
        span = raw[m["start"]:m["end"]].decode("utf-8", "replace")
        link = "" if m.get("entity") in (None, m["text"], span) else " => " + m["entity"]
        out.append(("[%s %s%s]" % (m["type"], span, link)).encode("utf-8"))
        pos = m["end"]
    out.append(raw[pos:])
    return b"".join(out).decode("utf-8", "replace")


def snapshot(db, folder):
    """A consistent copy of the store in folder, so auditing changes nothing."""
    copy = os.path.join(folder, "audit.db")
    src = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    dst = sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return copy


def print_top(lede, db, top):
    """Part (a): the sidebar's top entities, numbered, with counts and aliases."""
    ents = run_json(lede, db, ["entities", "--format", "json"])
    print("== top %d entities (of %d)" % (min(top, len(ents)), len(ents)))
    for i, e in enumerate(ents[:top], 1):
        aliases = "|".join(e.get("aliases") or [])
        print("%3d  %-3s  %-40s %5d art %6d men  %s" % (
            i, e["type"], e["name"], e["articles"], e["mentions"], aliases))


def print_articles(lede, db, k, seed, all_fields):
    """Part (b): K seeded random articles with their mentions bracketed."""
    arts = run_json(lede, db, ["list", "--format", "json"])
    ids = sorted(a["id"] for a in arts)
    picked = random.Random(seed).sample(ids, min(k, len(ids)))
    total = 0
    for n, aid in enumerate(picked, 1):
        a = run_json(lede, db, ["show", str(aid), "--format", "json"])
        ms = a.get("mentions") or []
        total += len(ms)
        print("\n== article %d/%d: id %s, %s, %d mentions, %s" % (
            n, len(picked), aid, a.get("lang"), len(ms), ", ".join(a.get("paths") or [])))
        for f in FIELDS:
            text = a.get(f)
            if not text:
                continue
            fm = [m for m in ms if m.get("field") == f]
            if not fm and not all_fields and f != "body":
                continue
            print("-- %s:\n%s" % (f, bracket(text, fm)))
    print("\n== %d mentions in %d articles (seed %d)" % (total, len(picked), seed))


def main():
    """Parse arguments, check the store is there, print both parts."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", help="the lede store to audit")
    ap.add_argument("--lede", help="lede binary (default $LEDE_BIN, ./lede, PATH)")
    ap.add_argument("--top", type=int, default=100, help="entities to list (100)")
    ap.add_argument("--articles", type=int, default=10, help="articles to show (10)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (1)")
    ap.add_argument("--all-fields", action="store_true",
                    help="also print fields that have no mention")
    opt = ap.parse_args()
    if not opt.db:
        skip("no store given (--db STORE)")
    if not os.path.isfile(opt.db):
        skip("store %s not found" % opt.db)
    lede = find_lede(opt.lede)
    if not lede:
        skip("no lede binary (--lede, $LEDE_BIN, ./lede or PATH)")
    try:
        with tempfile.TemporaryDirectory(prefix="entity_audit.") as tmp:
            db = snapshot(opt.db, tmp)
            if not run_json(lede, db, ["list", "--format", "json"]):
                skip("store %s has no articles" % opt.db)
            print_top(lede, db, opt.top)
            print_articles(lede, db, opt.articles, opt.seed, opt.all_fields)
    except sqlite3.Error as e:
        print("entity_audit: cannot copy store %s: %s" % (opt.db, e), file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as e:
        print("entity_audit: %s failed (exit %d) on %s" % (lede, e.returncode, opt.db),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
