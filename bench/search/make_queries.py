#!/usr/bin/python3
"""The fixed query mix of the search benchmark, drawn deterministically from a corpus.

usage: make_queries.py CORPUS.jsonl OUT.jsonl [--sample N] [--per-class K] [--seed S]

Reads the first N articles (default 20,000: for the synthetic corpora that is a prefix of every
size, so one query set serves 20k..200k and the growth columns compare like with like). Words are
whole whitespace tokens of letters only, lower-cased, 3+ letters, not English stopwords, so that
every engine's tokenizer sees them alike. Document frequencies count title+text.

Classes (K distinct queries each, default 100):
  rare     one term with document frequency 2..10 in the sample
  common   one term among the 300 non-stopwords of highest document frequency
  or       2-4 terms of document-frequency rank 100..3000, any may match
  and      2-3 terms that occur together in one sampled article (so at least that one matches)
  phrase   2 adjacent words of one sampled article (no punctuation between them)
  prefix   the first 3-4 letters of a word of rank < 2000 (length 6+), as PREFIX*
  date     a term of rank 50..1000 AND a date window: one calendar year when the sample's dates
           span more than two years (synthetic: 2015-2024), else one calendar month (Reuters:
           Feb-Oct 1987); articles without a date never match

Each line is neutral: {"class", "n", "terms": [...], "date_from", "date_to", "date_label"};
each engine's runner writes it in its own query language.
"""

import argparse
import collections
import json
import random
import re

# Snowball's English stop list, plus the possessive/contraction remnants.
STOPWORDS = set("""
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves what which who whom this that
these those am is are was were be been being have has had having do does did doing would should
could ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd
she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't
haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't
mustn't let's that's who's what's here's there's when's where's why's how's a an the and but if
or because as until while of at by for with about against between into through during before
after above below to from up down in out on off over under again further then once here there
when where why how all any both each few more most other some such no nor not only own same so
than too very will can just also said say says mln dlrs pct cts vs
""".split())

ALPHA = re.compile(r"^[A-Za-z]{3,}$")
CLASSES = ["rare", "common", "or", "and", "phrase", "prefix", "date"]


def words_of(s):
    """Whitespace tokens of s: (lower-case word or None, ends-with-punctuation)."""
    out = []
    for tok in s.split():
        core = tok.rstrip(".,;:!?\"')")
        lead = core.lstrip("\"'(")
        ok = lead == core and ALPHA.match(core) and core.lower() not in STOPWORDS
        out.append((core.lower() if ok else None, core != tok))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--sample", type=int, default=20000)
    ap.add_argument("--per-class", type=int, default=100)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    k = args.per_class

    docs, dates = [], []
    df = collections.Counter()
    with open(args.corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= args.sample:
                break
            r = json.loads(line)
            toks = words_of(r.get("title") or "") + [(None, True)] + words_of(r.get("text") or "")
            docs.append(toks)
            df.update(set(w for w, _ in toks if w))
            if r.get("date"):
                dates.append(r["date"][:10])
    ranked = sorted(df, key=lambda w: (-df[w], w))
    rank = {w: i for i, w in enumerate(ranked)}

    def pick(pool, n, make):
        """n distinct queries from make(pool item), deterministic."""
        seen, out, tries = set(), [], 0
        while len(out) < n and tries < 200 * n:
            tries += 1
            q = make(pool)
            if q is None:
                continue
            key = tuple(q) if isinstance(q, list) else q
            if key in seen:
                continue
            seen.add(key)
            out.append(q)
        return out

    queries = {}
    rare = [w for w in ranked if 2 <= df[w] <= 10]
    queries["rare"] = [[w] for w in rng.sample(rare, min(k, len(rare)))]
    common = ranked[:300]
    queries["common"] = [[w] for w in rng.sample(common, min(k, len(common)))]
    mid = ranked[100:3000]
    queries["or"] = pick(mid, k, lambda p: sorted(rng.sample(p, rng.randint(2, 4))))

    def and_terms(_):
        doc = rng.choice(docs)
        ws = sorted(set(w for w, _ in doc if w and rank[w] < 5000))
        n = rng.randint(2, 3)
        return sorted(rng.sample(ws, n)) if len(ws) >= n else None
    queries["and"] = pick(None, k, and_terms)

    def phrase(_):
        doc = rng.choice(docs)
        pairs = [(doc[j][0], doc[j + 1][0]) for j in range(len(doc) - 1)
                 if doc[j][0] and doc[j + 1][0] and not doc[j][1] and doc[j][0] != doc[j + 1][0]]
        return list(rng.choice(pairs)) if pairs else None
    queries["phrase"] = pick(None, k, phrase)

    long_common = [w for w in ranked[:2000] if len(w) >= 6]
    queries["prefix"] = pick(long_common, k, lambda p: [rng.choice(p)[:rng.randint(3, 4)]])

    years = sorted(set(d[:4] for d in dates))
    if len(years) > 2:
        windows = [(y + "-01-01", "%04d-01-01" % (int(y) + 1), y) for y in years]
    else:
        months = sorted(set(d[:7] for d in dates))
        windows = []
        for m in months:
            y, mo = int(m[:4]), int(m[5:7])
            nxt = "%04d-%02d-01" % (y + mo // 12, mo % 12 + 1)
            windows.append((m + "-01", nxt, m))
    date_terms = ranked[50:1000]
    date_q = pick(date_terms, k, lambda p: [rng.choice(p), rng.choice(windows)[2]]) if windows else []

    with open(args.out, "w", encoding="utf-8") as out:
        for cls in CLASSES:
            if cls == "date":
                wmap = {w[2]: w for w in windows}
                for n, (term, label) in enumerate(date_q, 1):
                    lo, hi, _ = wmap[label]
                    out.write(json.dumps({"class": cls, "n": n, "terms": [term], "date_from": lo,
                                          "date_to": hi, "date_label": label}) + "\n")
            else:
                for n, terms in enumerate(queries[cls], 1):
                    out.write(json.dumps({"class": cls, "n": n, "terms": terms}) + "\n")
    counts = {c: (len(date_q) if c == "date" else len(queries[c])) for c in CLASSES}
    print("make_queries: %s from %d articles (%d distinct words)"
          % (" ".join("%s=%d" % kv for kv in counts.items()), len(docs), len(df)),
          file=__import__("sys").stderr)


if __name__ == "__main__":
    main()
