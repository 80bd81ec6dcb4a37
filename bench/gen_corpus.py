#!/usr/bin/python3
"""Synthetic news corpus for the search benchmark (`make bench-search`).

usage: gen_corpus.py [-n N] [--seed S] [--jobs J] [-o OUT.jsonl] REAL.jsonl[:FIELD]...
       gen_corpus.py --self-test REAL.jsonl[:FIELD]...   (checks the determinism promised below)

Learns from real news JSONL (default field: `text`, or `body` for Reuters):
  - the vocabulary with its frequencies (Zipfian by nature), each word in its usual mid-sentence
    casing, plus a Good-Turing share of never-seen words drawn from a longer synthetic tail, so
    that the vocabulary keeps growing with the corpus as real text does (Heaps' law);
  - word successors (a bigram model: with probability --bigram the next word follows the previous
    one as in the real text, otherwise it is drawn from the unigram distribution);
  - the distributions of article lengths (words), sentence lengths (words), paragraph lengths
    (sentences), title lengths (words) and the comma rate.
Writes N JSONL articles {id, title, text, date, source}: dates uniform over 2015-01-01 ..
2024-12-31 (UTC), sources from a fixed list of 20 with Zipf-like weights.

Deterministic: article i is made by its own random generator seeded from (seed, i), so the same
seed gives byte-identical output whatever --jobs is, and the first M articles of a corpus of N > M
are exactly the corpus of M.
"""

import argparse
import bisect
import calendar
import collections
import json
import multiprocessing
import os
import random
import re
import sys
import time

SOURCES = [
    "Reuters", "Associated Press", "Agence France-Presse", "BBC News", "The Guardian",
    "The New York Times", "The Washington Post", "Financial Times", "Bloomberg", "Al Jazeera",
    "Deutsche Welle", "The Times of India", "The Sydney Morning Herald", "Le Monde",
    "The Globe and Mail", "NPR", "CNN", "Politico", "The Wall Street Journal", "Kyodo News",
]
SOURCE_WEIGHTS = [1.0 / (r + 1) ** 0.8 for r in range(len(SOURCES))]

DATE_FROM = calendar.timegm((2015, 1, 1, 0, 0, 0))
DATE_TO = calendar.timegm((2025, 1, 1, 0, 0, 0))

_W = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[A-Za-z0-9]+(?:['.&\-][A-Za-z0-9]+)*"
WORD = re.compile(_W)
# Word, then the punctuation that follows it (to learn the comma rate).
WORD_PUNCT = re.compile("(" + _W + ")(,?)")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')]?\s+(?=[\"'(]?[A-Z0-9])")

TAIL_FACTOR = 3      # synthetic tail vocabulary = TAIL_FACTOR x the real vocabulary
MIN_ARTICLE_WORDS = 20


def learn(specs):
    """Statistics of the real corpora given as PATH[:FIELD]."""
    counts = collections.Counter()      # lower-case word -> occurrences
    forms = collections.defaultdict(collections.Counter)  # lower -> surface form (mid-sentence)
    succ_pairs = []                      # (lower, next lower) inside sentences
    article_lens, sentence_lens, paragraph_lens, title_lens = [], [], [], []
    commas = words_total = 0
    for spec in specs:
        path, _, field = spec.partition(":")
        field = field or ("body" if "reuters" in os.path.basename(path) else "text")
        with open(path, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                text = rec.get(field) or ""
                title = rec.get("title") or ""
                if title:
                    title_lens.append(len(WORD.findall(title)))
                # Reuters hard-wraps lines and indents paragraphs; BBC has one paragraph a line.
                paras = re.split(r"\n(?:\s*\n|    )", text) if "\n    " in text or "\n\n" in text \
                    else text.split("\n")
                n_article = 0
                for para in paras:
                    para = " ".join(para.split())
                    if not para:
                        continue
                    sentences = [s for s in SENTENCE_END.split(para) if s]
                    n_sent = 0
                    for s in sentences:
                        toks = WORD_PUNCT.findall(s)
                        if not toks:
                            continue
                        n_sent += 1
                        sentence_lens.append(len(toks))
                        n_article += len(toks)
                        prev = None
                        for k, (w, comma) in enumerate(toks):
                            low = w.lower()
                            counts[low] += 1
                            if k > 0:
                                forms[low][w] += 1
                            if comma:
                                commas += 1
                            if prev is not None:
                                succ_pairs.append((prev, low))
                            prev = low
                    if n_sent:
                        paragraph_lens.append(n_sent)
                words_total += n_article
                if n_article >= MIN_ARTICLE_WORDS:
                    article_lens.append(n_article)
    title_lens = [n for n in title_lens if n > 0]

    # Vocabulary by descending frequency, ties alphabetical (deterministic).
    vocab = sorted(counts, key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    surface = []
    for w in vocab:
        fc = forms.get(w)
        surface.append(min(fc, key=lambda s: (-fc[s], s)) if fc else w)
    succ = [[] for _ in vocab]
    for a, b in succ_pairs:
        succ[index[a]].append(index[b])
    hapax = sum(1 for w in vocab if counts[w] == 1)
    return {
        "surface": surface,
        "weights": [counts[w] for w in vocab],
        "succ": succ,
        "p_new": hapax / max(1, words_total),  # Good-Turing: probability of an unseen word
        "p_comma": commas / max(1, words_total),
        "article_lens": sorted(article_lens),
        "sentence_lens": sorted(n for n in sentence_lens if n >= 3),
        "paragraph_lens": sorted(paragraph_lens),
        "title_lens": sorted(title_lens),
    }


def make_tail(model, seed):
    """Plausible never-seen words: the start of one real word glued to the end of another."""
    rng = random.Random(seed * 7919 + 1)
    letters = [w for w in model["surface"][:20000] if w.isalpha() and w.islower() and len(w) >= 5]
    seen = set(w.lower() for w in model["surface"])
    want = TAIL_FACTOR * len(model["surface"])
    tail = []
    while len(tail) < want:
        a, b = rng.choice(letters), rng.choice(letters)
        w = a[:rng.randint(2, min(5, len(a) - 1))] + b[-rng.randint(3, min(5, len(b) - 1)):]
        if w not in seen:
            seen.add(w)
            tail.append(w)
    return tail


def build_sampler(model, seed):
    """Cumulative weights over real words + synthetic tail (tail mass = p_new, Zipf s=1)."""
    real = model["weights"]
    total_real = float(sum(real))
    tail = make_tail(model, seed)
    v = len(real)
    tw = [1.0 / (v + r + 1) for r in range(len(tail))]
    tail_scale = model["p_new"] * total_real / (1 - model["p_new"]) / sum(tw)
    cum, acc = [], 0.0
    for w in real:
        acc += w
        cum.append(acc)
    for w in tw:
        acc += w * tail_scale
        cum.append(acc)
    return model["surface"] + tail, cum


# Globals for the worker processes (inherited by fork).
G = {}


def gen_article(i):
    seed = G["seed"]
    rng = random.Random(seed * 4294967296 + i)
    rnd = rng.random
    words, cum, total = G["words"], G["cum"], G["total"]
    succ, p_bigram, p_comma = G["succ"], G["p_bigram"], G["p_comma"]
    nreal = len(succ)
    m = G["model"]
    bis = bisect.bisect

    def unigram():
        return bis(cum, rnd() * total)

    def sentence(n):
        ids = [unigram()]
        for _ in range(n - 1):
            prev = ids[-1]
            if prev < nreal and rnd() < p_bigram and succ[prev]:
                ids.append(succ[prev][int(rnd() * len(succ[prev]))])
            else:
                ids.append(unigram())
        toks = [words[k] for k in ids]
        toks[0] = toks[0][:1].upper() + toks[0][1:]
        return toks

    n_words = rng.choice(m["article_lens"])
    title = sentence(rng.choice(m["title_lens"]))

    paragraphs = []
    done = 0
    while done < n_words:
        sents = []
        for _ in range(rng.choice(m["paragraph_lens"])):
            if done >= n_words:
                break
            n = min(rng.choice(m["sentence_lens"]), max(3, n_words - done))
            done += n
            toks = sentence(n)
            for k in range(n - 1):
                if rnd() < p_comma:
                    toks[k] += ","
            sents.append(" ".join(toks) + ".")
        paragraphs.append(" ".join(sents))
    date = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(rng.randrange(DATE_FROM, DATE_TO)))
    source = rng.choices(SOURCES, SOURCE_WEIGHTS)[0]
    rec = {"id": "syn-%07d" % (i + 1), "title": " ".join(title), "text": "\n\n".join(paragraphs),
           "date": date, "source": source}
    return json.dumps(rec, ensure_ascii=False)


def gen_chunk(bounds):
    lo, hi = bounds
    return "".join(gen_article(i) + "\n" for i in range(lo, hi))


def self_test(real):
    """Runs this script as a user would and compares the bytes of what it writes."""
    import hashlib
    import subprocess
    import tempfile

    def run(n, seed, jobs):
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as f:
            subprocess.check_call([sys.executable, os.path.abspath(__file__), "-n", str(n),
                                   "--seed", str(seed), "--jobs", str(jobs), "-o", f.name] + real,
                                  stderr=subprocess.DEVNULL)
            with open(f.name, "rb") as g:
                return g.read()
    a, b = run(3000, 42, 1), run(3000, 42, 2)
    c, d = run(1000, 42, 2), run(1000, 43, 2)
    checks = [
        ("same seed, 1 and 2 jobs: byte-identical", a == b),
        ("1000 articles are the first 1000 lines of 3000", a.splitlines(True)[:1000] == c.splitlines(True)),
        ("another seed gives other articles", c != d),
        ("3000 lines of JSON with id, title, text, date, source",
         len(a.splitlines()) == 3000 and all(set(json.loads(l)) == {"id", "title", "text", "date", "source"}
                                             for l in a.splitlines())),
    ]
    for name, ok in checks:
        print("%s: %s" % ("ok" if ok else "FAILED", name))
    print("sha256 of 3000 articles, seed 42: %s" % hashlib.sha256(a).hexdigest())
    print("%d passed, %d failed" % (sum(ok for _, ok in checks), sum(not ok for _, ok in checks)))
    return all(ok for _, ok in checks)


def main():
    if "--self-test" in sys.argv:
        sys.exit(0 if self_test([a for a in sys.argv[1:] if a != "--self-test"]) else 1)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("real", nargs="+", help="real JSONL corpora, PATH[:FIELD]")
    ap.add_argument("-n", type=int, default=200000, help="articles to write (200000)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--bigram", type=float, default=0.6,
                    help="probability that a word follows the previous one's real successors")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()

    t0 = time.time()
    model = learn(args.real)
    words, cum = build_sampler(model, args.seed)
    G.update(seed=args.seed, words=words, cum=cum, total=cum[-1], succ=model["succ"],
             p_bigram=args.bigram, p_comma=model["p_comma"], model=model)
    print("gen_corpus: learned %d words (+%d tail, p_new=%.4f), %d articles, %d sentences in %.1fs"
          % (len(model["surface"]), len(words) - len(model["surface"]), model["p_new"],
             len(model["article_lens"]), len(model["sentence_lens"]), time.time() - t0),
          file=sys.stderr)

    out = sys.stdout if args.output == "-" else open(args.output + ".tmp", "w", encoding="utf-8")
    step = 1000
    chunks = [(lo, min(lo + step, args.n)) for lo in range(0, args.n, step)]
    if args.jobs > 1 and len(chunks) > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            for text in pool.imap(gen_chunk, chunks, chunksize=4):
                out.write(text)
    else:
        for c in chunks:
            out.write(gen_chunk(c))
    if out is not sys.stdout:
        out.close()
        os.replace(args.output + ".tmp", args.output)
    print("gen_corpus: %d articles (seed %d) in %.1fs" % (args.n, args.seed, time.time() - t0),
          file=sys.stderr)


if __name__ == "__main__":
    main()
