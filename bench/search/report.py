#!/usr/bin/python3
"""Tables of the search benchmark, in Markdown, from the lines engines.py and query_lede.lua print.

usage: report.py RESULTS.tsv CORPORA ENGINES LEDE_STATE
  CORPORA     space-separated corpus names in order (real synth-20000 ...)
  ENGINES     space-separated engines in order (fts5 xapian lede)
  LEDE_STATE  measured | pending
"""

import collections
import math
import statistics
import sys

CLASSES = ["rare", "common", "or", "and", "phrase", "prefix", "date"]
NAMES = {"fts5": "SQLite FTS5", "xapian": "Xapian", "lede": "lede"}


def label(corpus):
    if corpus == "real":
        return "Reuters-21578 + BBC (real)"
    if corpus.startswith("synth-"):
        n = int(corpus[6:])
        return "synthetic %s" % (("%dk" % (n // 1000)) if n % 1000 == 0 else n)
    return corpus


def p50(v):
    return statistics.median(v)


def p95(v):
    s = sorted(v)
    return s[max(0, math.ceil(0.95 * len(s)) - 1)]


def ms(x):
    return "%.3f" % x if x < 1 else "%.2f" % x if x < 100 else "%.0f" % x


def ratio(a, b):
    return "%.2f×" % (a / b) if a is not None and b else "—"


def main():
    path, corpora, engines, lede_state = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), \
        sys.argv[4]
    idx = {}
    q = collections.defaultdict(list)      # (engine, corpus, class) -> [ms]
    allq = collections.defaultdict(list)   # (engine, corpus) -> [ms]
    zero = collections.Counter()
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "index":
            e, c = f[1], f[2]
            idx[e, c] = {"docs": int(f[3]), "bytes": int(f[4]), "s": float(f[5]),
                         "size": int(f[6]), "note": f[7] if len(f) > 7 else ""}
        elif f[0] == "query":
            e, c, cls, t, hits = f[1], f[2], f[3], float(f[5]), int(f[6])
            q[e, c, cls].append(t)
            allq[e, c].append(t)
            if hits == 0:
                zero[e, c, cls] += 1

    def row_name(e):
        n = NAMES.get(e, e)
        return n

    def measured(e, c):
        return (e, c) in idx

    def mbs(e, c):
        r = idx.get((e, c))
        return r["bytes"] / r["s"] / 1e6 if r else None

    def size(e, c):
        r = idx.get((e, c))
        return r["size"] / 1e6 if r else None

    def mix50(e, c):
        v = allq.get((e, c))
        return p50(v) if v else None

    def class_median(e, c):
        v = [p50(q[e, c, k]) for k in CLASSES if q.get((e, c, k))]
        return statistics.median(v) if v else None

    out = []
    w = out.append
    for c in corpora:
        some = next((idx[e, c] for e in engines if (e, c) in idx), None)
        if not some:
            continue
        w("### %s — %d articles, %.1f MB of title+text" % (label(c), some["docs"], some["bytes"] / 1e6))
        w("")
        head = "| engine | index MB/s | index s | size MB | size / text | " + \
            " | ".join("%s p50 / p95" % k for k in CLASSES) + " | all p50 / p95 |"
        w(head)
        w("| --- | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in CLASSES) + " | ---: |")
        for e in engines:
            if not measured(e, c):
                w("| %s | pending | | | | %s | |" % (row_name(e), " | ".join("" for _ in CLASSES)))
                continue
            r = idx[e, c]
            cells = []
            for k in CLASSES:
                v = q.get((e, c, k))
                cells.append("%s / %s" % (ms(p50(v)), ms(p95(v))) if v else "—")
            va = allq.get((e, c))
            w("| %s | %.2f | %.1f | %.1f | %.2f | %s | %s |" % (
                row_name(e), mbs(e, c), r["s"], size(e, c), r["size"] / r["bytes"], " | ".join(cells),
                "%s / %s" % (ms(p50(va)), ms(p95(va))) if va else "—"))
        notes = ["%s: %s" % (NAMES.get(e, e), idx[e, c]["note"]) for e in engines
                 if (e, c) in idx and idx[e, c]["note"]]
        zs = ["%s %s %d" % (NAMES.get(e, e), k, zero[e, c, k]) for e in engines for k in CLASSES
              if zero[e, c, k]]
        w("")
        w("Latencies in ms. " + "; ".join(notes) + ".")
        if zs:
            w("Queries with no hit: " + ", ".join(zs) + ".")
        w("")

    synth = [c for c in corpora if c.startswith("synth-")]
    if synth:
        w("### Growth, synthetic corpora")
        w("")
        w("| engine | articles | MB text | index s | index MB/s | size MB | median of class p50s (ms) | all p50 (ms) |")
        w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for e in engines:
            for c in synth:
                if not measured(e, c):
                    w("| %s | %s | | pending | | | | |" % (row_name(e), c[6:]))
                    continue
                r = idx[e, c]
                w("| %s | %d | %.1f | %.1f | %.2f | %.1f | %s | %s |" % (
                    row_name(e), r["docs"], r["bytes"] / 1e6, r["s"], mbs(e, c), size(e, c),
                    ms(class_median(e, c)), ms(mix50(e, c))))
        w("")

    if "lede" in engines and len(engines) > 1:
        w("### lede against the peers")
        w("")
        peers = [e for e in engines if e != "lede"]
        w("| corpus | " + " | ".join("MB/s vs %s | size vs %s | all p50 vs %s" % (
            (NAMES[p],) * 3) for p in peers) + " |")
        w("| --- | " + " | ".join("---: | ---: | ---:" for _ in peers) + " |")
        for c in corpora:
            cells = []
            for p in peers:
                if measured("lede", c) and measured(p, c):
                    cells += [ratio(mbs("lede", c), mbs(p, c)), ratio(size("lede", c), size(p, c)),
                              ratio(mix50("lede", c), mix50(p, c))]
                else:
                    cells += ["pending"] * 3
            w("| %s | %s |" % (label(c), " | ".join(cells)))
        w("")
        w("Ratios are lede ÷ peer: above 1× is better for MB/s, below 1× is better for size and latency.")
        w("")
        big = synth[-1] if synth else None
        if big:
            w("Targets at %s (from the issue):" % label(big))
            if not measured("lede", big):
                w("- pending: lede's index has not landed (lede: %s)." % lede_state)
            else:
                checks = []
                if measured("fts5", big):
                    checks.append(("indexing ≥ 2× FTS5's MB/s", mbs("lede", big) / mbs("fts5", big), 2, ">="))
                    checks.append(("index size ≤ FTS5's", size("lede", big) / size("fts5", big), 1, "<="))
                    checks.append(("top-10 p50 ≤ ½ FTS5's", mix50("lede", big) / mix50("fts5", big), 0.5, "<="))
                if measured("xapian", big):
                    checks.append(("top-10 p50 ≤ Xapian's", mix50("lede", big) / mix50("xapian", big), 1, "<="))
                for name, v, goal, how in checks:
                    met = v >= goal if how == ">=" else v <= goal
                    w("- %s: %.2f× — %s" % (name, v, "met" if met else "NOT MET"))
            w("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
