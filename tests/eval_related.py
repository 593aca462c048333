#!/usr/bin/env python3
"""eval_related.py: how well `lede related` finds articles about the same event.

Takes a folder of news articles grouped by event in the layout of the
VietnameseMDS corpus (github lupanh/VietnameseMDS, KTLAB-200document-clusters:
clusters/cluster_N/DOCID.body.txt with DOCID.info.txt holding TITLE: and
TIME:), writes each article as a plain text file (title, date, body), ingests
them into a new store and asks `lede related ID --limit 5` for every article.

Prints, over all articles:
  precision@5  the share of the related articles shown (at most 5) that are
               about the same event (articles with none shown count as 1.0
               in the micro figure's denominator only if something is shown:
               the micro figure is shown-and-right / shown)
  recall@5     the share of each article's event-mates found in its top 5
               (of at most 5 mates)
  coverage     the share of articles for which something is shown
The data is for measuring only: never commit it or anything made from it.
Exits 77 (skipped) when the data folder is absent.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile


def load_clusters(data):
    """Yields (cluster, docid, title, date, body) for every article."""
    for cdir in sorted(glob.glob(os.path.join(data, "cluster_*"))):
        cluster = os.path.basename(cdir)
        for info in sorted(glob.glob(os.path.join(cdir, "*.info.txt"))):
            doc = os.path.basename(info)[: -len(".info.txt")]
            if doc.startswith("cluster_"):
                continue
            body_path = os.path.join(cdir, doc + ".body.txt")
            if not os.path.exists(body_path):
                continue
            with open(info, encoding="utf-8", errors="replace") as f:
                meta = f.read()
            with open(body_path, encoding="utf-8", errors="replace") as f:
                body = f.read().strip()
            t = re.search(r"TITLE:\s*(.*)", meta)
            tm = re.search(r"TIME:\s*(\S+ \S+)", meta)
            title = t.group(1).replace("_", " ").strip() if t else doc
            title = re.sub(r" ([,.:;!?])", r"\1", title)
            yield cluster, doc, title, tm.group(1) if tm else "", body


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lede", default=os.environ.get("LEDE_BIN", "./lede"))
    ap.add_argument("--data", required=True,
                    help="the clusters folder (clusters/cluster_N/...)")
    ap.add_argument("--limit", type=int, default=5)
    ap.add_argument("-v", action="store_true", help="list the misses")
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        print(f"eval_related: no data at {a.data}: skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        os.mkdir(corpus)
        cluster_of = {}
        for cluster, doc, title, date, body in load_clusters(a.data):
            name = f"{cluster}-{doc}.txt"
            with open(os.path.join(corpus, name), "w", encoding="utf-8") as f:
                f.write(f"{title}\n\n{date}\n\n{body}\n")
            cluster_of[name] = cluster
        if not cluster_of:
            print(f"eval_related: no articles under {a.data}: skipped")
            return 77
        db = os.path.join(tmp, "store.db")
        env = dict(os.environ, HOME=tmp, XDG_STATE_HOME=os.path.join(tmp, "state"))
        subprocess.run([a.lede, "--db", db, "ingest", corpus], check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rows = subprocess.run([a.lede, "--db", db, "list"], check=True, env=env,
                              capture_output=True, text=True).stdout.splitlines()
        source = {}
        for line in rows:
            f = line.split("\t")
            source[f[0]] = f[3]
        members = {}
        for aid, src in source.items():
            members.setdefault(cluster_of.get(src), []).append(aid)
        scored = []  # (score, same event, article) of everything shown
        shown = right = 0
        recall_sum = 0.0
        covered = 0
        for aid, src in sorted(source.items(), key=lambda x: int(x[0])):
            out = subprocess.run([a.lede, "--db", db, "related", aid, "--limit", str(a.limit)],
                                 check=True, env=env, capture_output=True,
                                 text=True).stdout.splitlines()
            got = [line.split("\t") for line in out]
            mates = [m for m in members[cluster_of[src]] if m != aid]
            hits = [g for g in got if cluster_of.get(g[4]) == cluster_of[src]]
            for g in got:
                scored.append((float(g[2]), cluster_of.get(g[4]) == cluster_of[src], aid))
            shown += len(got)
            right += len(hits)
            covered += bool(got)
            if mates:
                recall_sum += len(hits) / min(len(mates), a.limit)
            if a.v and len(hits) < len(got):
                for g in got:
                    if cluster_of.get(g[4]) != cluster_of[src]:
                        print(f"  miss: {src} -> {g[4]} ({g[2]})")
        n = len(source)
        print(f"eval_related: {n} articles in {len(members)} events")
        print(f"  precision@{a.limit}  {right / shown if shown else 0:.3f}"
              f"  ({right} of {shown} shown are about the same event)")
        print(f"  recall@{a.limit}     {recall_sum / n:.3f}")
        print(f"  coverage      {covered / n:.3f}  (articles with something shown)")
        if a.v:
            print("  had the least score shown been higher:")
            for cut in (0.25, 0.30, 0.35, 0.40, 0.45, 0.50):
                kept = [x for x in scored if x[0] >= cut]
                ok = sum(1 for x in kept if x[1])
                print(f"    >= {cut:.2f}: precision {ok / len(kept) if kept else 0:.3f},"
                      f" {ok} right of {len(kept)},"
                      f" coverage {len({x[2] for x in kept}) / n:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
