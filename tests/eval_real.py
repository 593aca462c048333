#!/usr/bin/env python3
"""eval_real.py: scores lede's entities against independent annotated news.

Reads annotated documents (VLSP 2016 columns, VLSP 2018 ENAMEX files,
CoNLL-2003 -DOCSTART- files), writes each as an article file lede can
ingest, runs the real pipeline (lede ingest, then lede show --format json)
and prints precision, recall and F1 for PER, ORG and LOC with two
measures: (a) article level, the distinct (type, surface) pairs of each
article, micro-averaged; (b) mention level, exact span and type. Other
gold types (MISC, ...) are ignored. Exits 77 when no data is given or
found, so it never needs the data to pass. Stdlib only. See HACKING.
"""

import argparse
import collections
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

TYPES = ("PER", "ORG", "LOC")
# Gold type names of the formats, as lede's.
GOLD_TYPE = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANIZATION": "ORG",
             "LOC": "LOC", "LOCATION": "LOC"}
# A VLSP 2016 file has no document breaks: this many sentences make one.
SENTENCES_PER_DOC = 20
SKIP = 77


class Doc:
    """One gold document: its lines (paragraphs; the first is the title)
    and its mentions as (type, line, start, end) in characters."""

    def __init__(self, name):
        self.name = name
        self.lines = []
        self.mentions = []


def nfc(s):
    """The NFC form of s, as lede stores text."""
    return unicodedata.normalize("NFC", s)


def norm_surface(s):
    """A surface as compared: NFC, runs of white space as one space."""
    return " ".join(nfc(s).split())


# Tokens written without a space before them, and after them.
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "...", "'s", "'S",
                   "n't", "'m", "'re", "'ve", "'ll", "'d"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def detokenize(tokens):
    """Joins tokens into a line as a newspaper prints it; returns the line
    and each token's (start, end) in characters."""
    out, spans, glue, quote_open = "", [], True, False
    for t in tokens:
        t = t.replace("_", " ")
        closing_quote = t == '"' and quote_open
        if out and not glue and t not in NO_SPACE_BEFORE and not closing_quote:
            out += " "
        spans.append((len(out), len(out) + len(t)))
        out += t
        glue = t in NO_SPACE_AFTER
        if t == '"':
            quote_open = not quote_open
            glue = quote_open
    return out, spans


def bio_line(doc, rows):
    """Adds one sentence of (token, tag) rows to doc as a line, with its
    entities (IOB1 or IOB2 tags)."""
    line, spans = detokenize([r[0] for r in rows])
    ln = len(doc.lines)
    doc.lines.append(line)
    cur = None  # [type, start, end]
    for (tok, tag), (s, e) in zip(rows, spans):
        kind = tag[2:] if len(tag) > 2 and tag[1] == "-" else None
        if kind is None or tag[0] == "B" or cur is None or cur[0] != kind:
            if cur:
                doc.mentions.append((cur[0], ln, cur[1], cur[2]))
            cur = [kind, s, e] if kind else None
        else:
            cur[2] = e
    if cur:
        doc.mentions.append((cur[0], ln, cur[1], cur[2]))


def read_columns(path, text):
    """Documents of a CoNLL-like column file: -DOCSTART- lines break
    documents (CoNLL-2003); without them (VLSP 2016) every
    SENTENCES_PER_DOC sentences make one. Token first, NE tag in the
    fourth column; tab-separated columns may hold spaces (VLSP 2016)."""
    docs, sentences, rows = [], [], []
    has_docstart = "-DOCSTART-" in text
    base = os.path.basename(path)

    def flush_sentence():
        if rows:
            sentences.append(list(rows))
            rows.clear()

    def flush_doc():
        flush_sentence()
        if sentences:
            d = Doc("%s#%d" % (base, len(docs) + 1))
            for s in sentences:
                bio_line(d, s)
            docs.append(d)
            sentences.clear()

    for raw in text.splitlines():
        if raw.startswith("-DOCSTART-"):
            flush_doc()
            continue
        if not raw.strip():
            flush_sentence()
            if not has_docstart and len(sentences) >= SENTENCES_PER_DOC:
                flush_doc()
            continue
        cols = raw.split("\t") if "\t" in raw else raw.split()
        tag = cols[3] if len(cols) > 3 else "O"
        rows.append((nfc(cols[0]), tag))
    flush_doc()
    return docs


ENAMEX = re.compile(r'<ENAMEX\s+TYPE\s*=\s*"?([A-Za-z-]+)"?\s*>|</ENAMEX\s*>')


def read_enamex(path, text):
    """One document from a VLSP 2018 file: plain text with nested
    <ENAMEX TYPE="..."> tags; every level counts."""
    d = Doc(os.path.relpath(path))
    plain, stack, spans, at = "", [], [], 0
    for m in ENAMEX.finditer(text):
        plain += nfc(text[at:m.start()])
        at = m.end()
        if m.group(1):
            stack.append((m.group(1).upper(), len(plain)))
        elif stack:
            kind, start = stack.pop()
            spans.append((kind, start, len(plain)))
    plain += nfc(text[at:])
    starts, pos = [], 0
    for line in plain.split("\n"):
        starts.append(pos)
        d.lines.append(line)
        pos += len(line) + 1
    for kind, s, e in spans:
        ln = max(i for i, p in enumerate(starts) if p <= s)
        if e <= starts[ln] + len(d.lines[ln]):
            d.mentions.append((kind, ln, s - starts[ln], e - starts[ln]))
    return d


COLUMN_ROW = re.compile(r"(-DOCSTART-|\S[^\t ]*([\t ][^\t ]+){2,}[\t ](O|[BI]-[A-Za-z]+))\s*$")


def is_columns(text):
    """Whether text is a column file: nearly all of its first 200 non-blank
    lines hold four or more columns with an NE tag (or -DOCSTART-)."""
    lines = [ln for ln in text.splitlines()[:400] if ln.strip()][:200]
    good = sum(1 for ln in lines if COLUMN_ROW.match(ln))
    return bool(lines) and good >= 0.9 * len(lines)


def read_path(path, out, skipped):
    """Appends the documents of a file or folder (recursively) to out, and
    the files that are not annotated to skipped."""
    if os.path.isdir(path):
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for f in sorted(files):
                if not f.startswith((".", "README")) and not f.lower().endswith((".md", ".pdf")):
                    read_path(os.path.join(root, f), out, skipped)
        return
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        text = f.read()
    if "<ENAMEX" in text or path.lower().endswith(".muc"):
        out.append(read_enamex(path, text))
    elif is_columns(text):
        out.extend(read_columns(path, text))
    else:
        skipped.append(path)


def gold_of(doc, others=False):
    """The doc's gold mentions of the scored types (with others, also the
    rest, typed "other"): (type, line, s, e, surface)."""
    res = []
    for kind, ln, s, e in doc.mentions:
        t = GOLD_TYPE.get(kind, "other" if others else None)
        if t:
            res.append((t, ln, s, e, doc.lines[ln][s:e]))
    return res


def run_lede(lede, docs, work, show_all=False):
    """Writes docs as article files, ingests them in one store and returns
    each doc's article JSON (by doc index)."""
    src = os.path.join(work, "articles")
    os.makedirs(src)
    for i, d in enumerate(docs):
        with open(os.path.join(src, "doc%06d.txt" % i), "w", encoding="utf-8") as f:
            f.write("\n\n".join(d.lines) + "\n")
    db = os.path.join(work, "store.db")
    r = subprocess.run([lede, "--db", db, "ingest", src], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit("eval_real: lede ingest failed: %s" % r.stderr.strip())
    listing = json.loads(subprocess.run([lede, "--db", db, "list", "--format", "json"],
                                        check=True, capture_output=True, text=True).stdout)
    by_doc = {}
    for row in listing:
        art = json.loads(subprocess.run(
            [lede, "--db", db, "show", str(row["id"]), "--format", "json"]
            + (["--all"] if show_all else []),
            check=True, capture_output=True, text=True).stdout)
        for p in art.get("paths", []):
            m = re.search(r"doc(\d+)\.txt$", p)
            if m:
                by_doc[int(m.group(1))] = art
    return by_doc


FIELDS = ("title", "dateline", "lede", "caption", "credit", "body")
# Characters of a line's start that find it again when lede changed the
# line a little (a space added after a glued full stop).
ANCHOR = 24


def line_offsets(line, field, at):
    """Maps each character offset of line (and its end) to a byte offset in
    field, where the line starts at character at, or None where lede
    changed the text; a line stored verbatim maps one to one."""
    stored = field[at:at + len(line) + 16]
    if stored.startswith(line):
        to = list(range(len(line) + 1))
    else:
        to = [None] * (len(line) + 1)
        m = difflib.SequenceMatcher(None, line, stored, autojunk=False)
        for a, b, n in m.get_matching_blocks():
            for k in range(n + 1 if n else 0):
                to[a + k] = b + k
    base = len(field[:at].encode())
    return [None if c is None else base + len(stored[:c].encode()) for c in to]


def map_lines(doc, art):
    """Where the characters of each gold line are in the stored article:
    line -> (field, character -> byte offset map), for the lines lede kept
    (it drops repeated titles and site trailers, and fixes some spacing)."""
    cursor = {f: 0 for f in FIELDS}
    where = {}
    for ln, line in enumerate(doc.lines):
        stripped = line.strip(" \t\u00a0")
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip(" \t\u00a0"))
        for exact in (True, False):
            needle = stripped if exact else stripped[:ANCHOR]
            found = None
            for f in FIELDS:
                hay = art.get(f) or ""
                at = hay.find(needle, cursor[f])
                if at >= 0:
                    found = (f, hay, at)
                    break
            if found:
                f, hay, at = found
                offs = line_offsets(stripped, hay, at)
                cursor[f] = at + len(needle)
                where[ln] = (f, [None] * lead + offs)
                break
    return where


def error_class(item, other, fp):
    """Why a wrong span is wrong: item (type, field, start, end) is a false
    positive (fp) against the gold spans other, or a false negative against
    the predicted ones. Classes: the right span with another type, an
    overlapping span (a boundary error), a gold MISC or other unscored
    span, nothing there."""
    t, f, s, e = item
    same = [ot for ot, of, os_, oe in other if (of, os_, oe) == (f, s, e) and ot != t]
    near = [ot for ot, of, os_, oe in other if of == f and os_ < e and s < oe and ot != t
            or of == f and os_ < e and s < oe and (os_, oe) != (s, e)]
    side = "gold" if fp else "typed"
    if same and same[0] != "other":
        return "span right, %s %s" % (side, same[0])
    scored = sorted(ot for ot in near if ot != "other")
    if scored:
        return "overlaps %s %s" % (side, t if t in scored else scored[0])
    if same or near:
        return "gold MISC/other"
    return "not in gold" if fp else "not found"


class Score:
    """True positives, false positives and false negatives per type, with
    the surfaces of the errors."""

    def __init__(self):
        self.tp = collections.Counter()
        self.fp = collections.Counter()
        self.fn = collections.Counter()
        self.fp_s = collections.defaultdict(collections.Counter)
        self.fn_s = collections.defaultdict(collections.Counter)
        self.fp_c = collections.defaultdict(collections.Counter)
        self.fn_c = collections.defaultdict(collections.Counter)

    def add(self, gold, pred, surface_of):
        """Counts one article's sets of (type, key) items."""
        for item in pred & gold:
            self.tp[item[0]] += 1
        for item in pred - gold:
            self.fp[item[0]] += 1
            self.fp_s[item[0]][surface_of(item)] += 1
        for item in gold - pred:
            self.fn[item[0]] += 1
            self.fn_s[item[0]][surface_of(item)] += 1

    def report(self, title, out):
        """Prints P/R/F1 per type and micro over the three."""
        print(title, file=out)
        print("  %-5s %6s %6s %6s %6s %6s %6s" % ("type", "P", "R", "F1", "tp", "fp", "fn"),
              file=out)
        for t in TYPES + ("all",):
            ks = TYPES if t == "all" else (t,)
            tp, fp, fn = (sum(c[k] for k in ks) for c in (self.tp, self.fp, self.fn))
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print("  %-5s %6.3f %6.3f %6.3f %6d %6d %6d" % (t, p, r, f, tp, fp, fn), file=out)


def score_docs(docs, by_doc):
    """Scores each doc against its stored article (by_doc, by doc index):
    returns the article-level and mention-level Scores and how many gold
    mentions lie in text lede dropped or changed."""
    article, mention = Score(), Score()
    dropped = 0
    for i, d in enumerate(docs):
        art = by_doc.get(i, {"mentions": []})
        gold = gold_of(d)
        preds = [m for m in art["mentions"] if m["type"] in TYPES]
        article.add({(g[0], norm_surface(g[4])) for g in gold},
                    {(m["type"], norm_surface(m["text"])) for m in preds}, lambda it: it[1])
        where = map_lines(d, art) if art.get("id") else {}
        gset = set()
        for t, ln, s, e, surf in gold_of(d, others=True):
            if ln not in where or where[ln][1][s] is None or where[ln][1][e] is None:
                # a line lede dropped, or changed at the span's edge
                dropped += t != "other"
                continue
            f, offs = where[ln]
            gset.add((t, f, offs[s], offs[e], surf))
        pset = {(m["type"], m["field"], m["start"], m["end"], m["text"]) for m in preds}
        # a span is scored by type and offsets; the surface rides along for -v
        gkeys = {g[:4]: g[4] for g in gset if g[0] != "other"}
        pkeys = {p[:4]: p[4] for p in pset}
        names = {**pkeys, **gkeys}
        mention.add(set(gkeys), set(pkeys), lambda it: names[it])
        gall = {g[:4] for g in gset}
        for it in set(pkeys) - set(gkeys):
            mention.fp_c[it[0]][error_class(it, gall, True)] += 1
        for it in set(gkeys) - set(pkeys):
            mention.fn_c[it[0]][error_class(it, pkeys, False)] += 1
    return article, mention, dropped


def main():
    ap = argparse.ArgumentParser(
        description="Score lede's PER/ORG/LOC entities against annotated news "
        "(VLSP 2016 columns, VLSP 2018 ENAMEX, CoNLL-2003).")
    ap.add_argument("--data", action="append", default=[],
                    help="a file or folder of annotated documents (repeatable; "
                    "default: $EVAL_REAL_DATA, paths separated by ':')")
    ap.add_argument("--lede", default=os.environ.get("LEDE_BIN", "./lede"),
                    help="the lede binary (default $LEDE_BIN, else ./lede)")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    ap.add_argument("-v", "--verbose", action="count", default=0,
                    help="list the most frequent false positives and negatives per type "
                    "(article level; -vv also mention level)")
    ap.add_argument("--top", type=int, default=40, help="how many errors -v lists per type")
    ap.add_argument("--all", action="store_true",
                    help="score the entities of low confidence too (lede show --all), "
                    "not only those a reader sees by default")
    ap.add_argument("--keep", metavar="DIR",
                    help="write the article files and store to DIR (new or empty) and keep them")
    a = ap.parse_args()

    paths = a.data or [p for p in os.environ.get("EVAL_REAL_DATA", "").split(":") if p]
    if not paths:
        print("eval_real: no data (give --data PATH or set EVAL_REAL_DATA); skipped")
        return SKIP
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print("eval_real: data not found: %s; skipped" % ", ".join(missing))
        return SKIP
    # an uninstalled lede reads its data files from the checkout's data/
    data = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "data")
    if "LEDE_DATADIR" not in os.environ and os.path.isdir(data):
        os.environ["LEDE_DATADIR"] = os.path.normpath(data)
    if not os.access(a.lede, os.X_OK):
        sys.exit("eval_real: %s: no lede binary (build it, or give --lede)" % a.lede)
    docs, skipped = [], []
    for p in paths:
        read_path(p, docs, skipped)
    if skipped:
        print("eval_real: %d files are not annotated news and were skipped, e.g. %s"
              % (len(skipped), skipped[0]), file=sys.stderr)
    if a.limit:
        docs = docs[:a.limit]
    if not docs:
        print("eval_real: no annotated documents in %s; skipped" % ", ".join(paths))
        return SKIP

    if a.keep and os.path.exists(a.keep) and os.listdir(a.keep):
        sys.exit("eval_real: --keep %s: the folder exists and is not empty" % a.keep)
    work = a.keep or tempfile.mkdtemp(prefix="lede-eval-real.")
    try:
        by_doc = run_lede(a.lede, docs, work, a.all)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)

    article, mention, dropped = score_docs(docs, by_doc)
    out = sys.stdout
    print("eval_real: %d documents, %d stored articles, %d gold mentions (PER/ORG/LOC)"
          % (len(docs), len({id(v) for v in by_doc.values()}),
             sum(len(gold_of(d)) for d in docs)), file=out)
    article.report("(a) article level: distinct (type, surface) per article, micro", out)
    mention.report("(b) mention level: exact span and type", out)
    if dropped:
        print("  (%d gold mentions are in text lede dropped or changed, e.g. a repeated "
              "title or a site trailer: left out of (b))" % dropped, file=out)
    print("(c) mention-level errors by class", file=out)
    for t in TYPES:
        for label, c in (("fp", mention.fp_c[t]), ("fn", mention.fn_c[t])):
            print("  %s %s: %s" % (t, label, ", ".join("%s %d" % kv for kv in
                                                        sorted(c.items(), key=lambda kv: -kv[1]))),
                  file=out)
    lists = [(article, "article level, surface: articles")] if a.verbose else []
    if a.verbose > 1:
        lists.append((mention, "mention level, surface: mentions"))
    for score, how in lists:
        for t in TYPES:
            for label, c in (("false positives", score.fp_s[t]),
                             ("false negatives", score.fn_s[t])):
                print("\n%s %s (%s)" % (t, label, how), file=out)
                for s, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:a.top]:
                    print("  %4d  %s" % (n, s), file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
