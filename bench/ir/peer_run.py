"""Peer runs for `make eval-ir`: SQLite FTS5 and Xapian index a collection and answer its queries.

usage: /usr/bin/python3 bench/ir/peer_run.py fts5|xapian DOCS.jsonl QUERIES.jsonl WORKDIR
           [--depth 1000] [--run NAME] [--title-weight 1]

Prints TREC run lines `qid Q0 docid rank score NAME` on stdout, at most --depth per query, and a
one-line summary on stderr. Both engines are used as shipped, with the settings below and nothing
tuned; every query is the query's `text`, its words OR-ed.

fts5    sqlite3's FTS5, tokenize='porter unicode61' (Porter stemmer over the unicode61 tokenizer:
        case folded, diacritics removed, no stopwords). Two columns, title and text, ranked by
        bm25() with its defaults (k1 = 1.2, b = 0.75) and both column weights 1. A query is every
        word of the text (runs of letters and digits, as unicode61 cuts them) put in double quotes
        and joined with OR, so nothing in the text is read as FTS5 syntax; a word that occurs
        twice is two OR-ed phrases, as FTS5 reads `"a" OR "a"`. Score = -bm25() (FTS5's bm25 is
        negative, better is lower).
xapian  python3-xapian: TermGenerator with Stem("english") and STEM_SOME; the title is indexed
        with wdf increment --title-weight (default 1: a title word counts as much as a text word,
        as with FTS5's column weights 1, 1), then the position is advanced and the text indexed
        with wdf increment 1. Queries go through QueryParser with the same stemmer and strategy,
        the database set, default operator OR and its default flags (phrase, boolean, love/hate);
        a query that QueryParser refuses is parsed again with no flags (counted on stderr).
        Ranked by BM25Weight() with its defaults (k1 = 1, k2 = 0, k3 = 1, b = 0.5,
        min_normlen = 0.5).

Scores are printed with repr(), all the digits of the double, so that trec_eval's re-sort by score
(ties by docid) keeps each engine's own order.
"""

import argparse
import json
import os
import re
import sys
import time

WORD = re.compile(r"[^\W_]+")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError as e:
                    sys.exit(f"peer_run: {path}:{lineno}: {e}")


def run_line(qid, docid, rank, score, name):
    return f"{qid} Q0 {docid} {rank} {score!r} {name}\n"


def fts5_query(text):
    return " OR ".join('"' + w + '"' for w in WORD.findall(text))


def run_fts5(docs, queries, workdir, depth, name, out):
    import sqlite3

    path = os.path.join(workdir, "fts5.sqlite")
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, text, tokenize='porter unicode61')")
    ids = []
    t0 = time.perf_counter()
    with db:
        for i, d in enumerate(docs, 1):
            ids.append(str(d["id"]))
            db.execute("INSERT INTO docs(rowid, title, text) VALUES (?, ?, ?)",
                       (i, d.get("title") or "", d.get("text") or ""))
    t1 = time.perf_counter()
    empty = 0
    sql = "SELECT rowid, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?"
    for q in queries:
        expr = fts5_query(q["text"])
        if not expr:
            empty += 1
            continue
        for rank, (rowid, bm25) in enumerate(db.execute(sql, (expr, depth)), 1):
            out.write(run_line(q["id"], ids[rowid - 1], rank, -bm25, name))
    t2 = time.perf_counter()
    db.close()
    return (f"sqlite {sqlite3.sqlite_version}; {len(ids)} docs indexed in {t1 - t0:.2f} s, "
            f"{len(queries)} queries in {t2 - t1:.2f} s; {empty} queries without a word")


def run_xapian(docs, queries, workdir, depth, name, out, title_weight):
    import xapian

    stem = xapian.Stem("english")
    db = xapian.WritableDatabase(os.path.join(workdir, "xapian.db"), xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_stemmer(stem)
    tg.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
    t0 = time.perf_counter()
    n = 0
    for d in docs:
        doc = xapian.Document()
        tg.set_document(doc)
        if d.get("title"):
            tg.index_text(d["title"], title_weight)
            tg.increase_termpos()
        tg.index_text(d.get("text") or "")
        doc.set_data(str(d["id"]))
        db.add_document(doc)
        n += 1
    db.commit()
    t1 = time.perf_counter()

    qp = xapian.QueryParser()
    qp.set_stemmer(stem)
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_OR)
    enquire = xapian.Enquire(db)
    enquire.set_weighting_scheme(xapian.BM25Weight())
    refused = 0
    for q in queries:
        try:
            query = qp.parse_query(q["text"])
        except xapian.QueryParserError:
            refused += 1
            query = qp.parse_query(q["text"], 0)
        enquire.set_query(query)
        for rank, m in enumerate(enquire.get_mset(0, depth), 1):
            out.write(run_line(q["id"], m.document.get_data().decode("utf-8"), rank, m.weight, name))
    t2 = time.perf_counter()
    db.close()
    return (f"xapian {xapian.version_string()}; {n} docs indexed in {t1 - t0:.2f} s, "
            f"{len(queries)} queries in {t2 - t1:.2f} s; {refused} queries reparsed without flags")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("system", choices=["fts5", "xapian"])
    ap.add_argument("docs")
    ap.add_argument("queries")
    ap.add_argument("workdir")
    ap.add_argument("--depth", type=int, default=1000)
    ap.add_argument("--run", default=None, help="run name (default: the system)")
    ap.add_argument("--title-weight", type=int, default=1, help="xapian: wdf increment of title words")
    a = ap.parse_args()
    docs = list(read_jsonl(a.docs))
    queries = [{"id": str(q["id"]), "text": q.get("text") or ""} for q in read_jsonl(a.queries)]
    os.makedirs(a.workdir, exist_ok=True)
    out = sys.stdout
    if a.system == "fts5":
        summary = run_fts5(docs, queries, a.workdir, a.depth, a.run or "fts5", out)
    else:
        summary = run_xapian(docs, queries, a.workdir, a.depth, a.run or "xapian", out, a.title_weight)
    out.flush()
    print(f"peer_run {a.system}: {summary}", file=sys.stderr)


if __name__ == "__main__":
    main()
