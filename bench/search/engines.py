#!/usr/bin/python3
"""The peers of the search benchmark, SQLite FTS5 and Xapian, and the timing of `lede index`.

usage:
  engines.py index ENGINE CORPUS_NAME FILE.jsonl DIR        ENGINE: fts5 | xapian
  engines.py query ENGINE CORPUS_NAME DIR QUERIES.jsonl REPS
  engines.py index-cmd CORPUS_NAME FILE.jsonl DIR LOG -- CMD...   (times CMD, e.g. `lede index`)

Output lines (tab-separated), read by report.py:
  index  ENGINE CORPUS DOCS BYTES SECONDS SIZE_BYTES NOTE
  query  ENGINE CORPUS CLASS N MILLISECONDS HITS

Indexing is timed end to end from the JSONL file to a committed, closed index (reading and JSON
decoding included, as `lede index` includes them); interpreter start-up is not. BYTES are the
UTF-8 bytes of title + text. Query timing runs every query once to warm up, then REPS more times;
a query's time is the median of its REPS runs, from the query string to the 10 result ids and
titles in hand (query parsing included, printing excluded).
"""

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time

now = time.perf_counter


def articles(path):
    """(id, title, text, date, source) of each line, and the bytes of title + text."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            yield (str(r.get("id", "")), r.get("title") or "", r.get("text") or "",
                   r.get("date") or "", r.get("source") or "")


def dir_size(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


def emit(*fields):
    print("\t".join(str(f) for f in fields), flush=True)


# ---- SQLite FTS5 ---------------------------------------------------------------------------------

FTS5_SCHEMA = ("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, text, source UNINDEXED, "
               "date UNINDEXED, tokenize='porter unicode61')")
FTS5_SELECT = "SELECT id, title FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10"
FTS5_SELECT_DATE = ("SELECT id, title FROM docs WHERE docs MATCH ? AND date >= ? AND date < ? "
                    "ORDER BY rank LIMIT 10")


def fts5_index(corpus, path, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    db_path = os.path.join(out_dir, "fts5.db")
    docs = nbytes = 0
    t0 = now()
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute(FTS5_SCHEMA)
    con.execute("BEGIN")
    ins = "INSERT INTO docs(id, title, text, source, date) VALUES (?, ?, ?, ?, ?)"
    for aid, title, text, date, source in articles(path):
        con.execute(ins, (aid, title, text, source, date))
        docs += 1
        nbytes += len(title.encode()) + len(text.encode())
    con.execute("COMMIT")
    con.close()
    seconds = now() - t0
    size_commit = dir_size(db_path)
    t1 = now()
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("INSERT INTO docs(docs) VALUES('optimize')")
    con.close()
    t_opt = now() - t1
    size = dir_size(db_path)
    note = "size after 'optimize' (%.1fs; %.1f MB after commit, before optimize)" % (
        t_opt, size_commit / 1e6)
    emit("index", "fts5", corpus, docs, nbytes, "%.3f" % seconds, size, note)


def fts5_queries(d):
    """Each neutral query as (class, n, sql, params)."""
    def quote(w):
        return '"' + w.replace('"', '""') + '"'
    c, t = d["class"], d["terms"]
    if c in ("rare", "common"):
        return FTS5_SELECT, (quote(t[0]),)
    if c == "or":
        return FTS5_SELECT, (" OR ".join(quote(w) for w in t),)
    if c == "and":
        return FTS5_SELECT, (" AND ".join(quote(w) for w in t),)
    if c == "phrase":
        return FTS5_SELECT, (quote(" ".join(t)),)
    if c == "prefix":
        return FTS5_SELECT, (quote(t[0]) + "*",)
    if c == "date":
        return FTS5_SELECT_DATE, (quote(t[0]), d["date_from"], d["date_to"])
    raise ValueError(c)


def fts5_runner(index_dir):
    con = sqlite3.connect("file:%s?mode=ro" % os.path.join(index_dir, "fts5.db"), uri=True)

    def run(d):
        sql, params = fts5_queries(d)
        rows = con.execute(sql, params).fetchall()  # [(id, title)]
        return len(rows)
    return run


# ---- Xapian --------------------------------------------------------------------------------------

SLOT_DATE, SLOT_ID = 0, 1
TITLE_PREFIX, TITLE_WEIGHT = "S", 2


def xapian_index(corpus, path, out_dir):
    import xapian
    docs = nbytes = 0
    t0 = now()
    db = xapian.WritableDatabase(out_dir, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_stemmer(xapian.Stem("english"))
    for aid, title, text, date, source in articles(path):
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text(title, 1, TITLE_PREFIX)          # title: field search
        tg.index_text(title, TITLE_WEIGHT)            # title in the default field, weighted
        tg.increase_termpos()
        tg.index_text(text)                           # positions on (phrase queries)
        doc.set_data(title + "\n" + text)             # stored text
        if date:
            doc.add_value(SLOT_DATE, date)            # ISO 8601: sorts as a string
        doc.add_value(SLOT_ID, aid)
        doc.add_boolean_term("Q" + aid)               # unique id term, as an application has
        db.add_document(doc)
        docs += 1
        nbytes += len(title.encode()) + len(text.encode())
    db.commit()
    db.close()
    seconds = now() - t0
    emit("index", "xapian", corpus, docs, nbytes, "%.3f" % seconds, dir_size(out_dir),
         "glass backend, not compacted")


def xapian_runner(index_dir):
    import xapian
    db = xapian.Database(index_dir)
    qp = xapian.QueryParser()
    qp.set_stemmer(xapian.Stem("english"))
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_database(db)  # for wildcard expansion
    flags = (xapian.QueryParser.FLAG_BOOLEAN | xapian.QueryParser.FLAG_PHRASE
             | xapian.QueryParser.FLAG_WILDCARD)
    enquire = xapian.Enquire(db)
    enquire.set_weighting_scheme(xapian.BM25Weight())

    def text_of(d):
        c, t = d["class"], d["terms"]
        if c in ("rare", "common", "date"):
            return t[0]
        if c == "or":
            return " OR ".join(t)
        if c == "and":
            return " AND ".join(t)
        if c == "phrase":
            return '"' + " ".join(t) + '"'
        if c == "prefix":
            return t[0] + "*"
        raise ValueError(c)

    def run(d):
        q = qp.parse_query(text_of(d), flags)
        if d["class"] == "date":
            # VALUE_RANGE is inclusive; "YYYY-MM-DD" of date_to sorts before any time that day.
            q = xapian.Query(xapian.Query.OP_FILTER, q,
                             xapian.Query(xapian.Query.OP_VALUE_RANGE, SLOT_DATE,
                                          d["date_from"], d["date_to"]))
        enquire.set_query(q)
        n = 0
        for m in enquire.get_mset(0, 10):
            doc = m.document
            doc.get_value(SLOT_ID)
            doc.get_data().split(b"\n", 1)[0].decode()
            n += 1
        return n
    return run


# ---- shared --------------------------------------------------------------------------------------

def time_queries(engine, corpus, run, queries_path, reps):
    with open(queries_path, encoding="utf-8") as f:
        queries = [json.loads(line) for line in f]
    for d in queries:  # warm-up
        run(d)
    times = [[] for _ in queries]
    hits = [0] * len(queries)
    for _ in range(reps):
        for i, d in enumerate(queries):
            t0 = now()
            hits[i] = run(d)
            times[i].append((now() - t0) * 1e3)
    for i, d in enumerate(queries):
        emit("query", engine, corpus, d["class"], d["n"], "%.4f" % statistics.median(times[i]),
             hits[i])


def index_cmd(corpus, path, out_dir, log, cmd):
    """Times an external indexer (lede's CLI) end to end, process start-up included."""
    docs = nbytes = 0
    for _, title, text, _, _ in articles(path):
        docs += 1
        nbytes += len(title.encode()) + len(text.encode())
    with open(log, "w") as err:
        t0 = now()
        rc = subprocess.call(cmd, stdout=err, stderr=err)
        seconds = now() - t0
    if rc != 0:
        sys.exit("engines: %s exited %d (see %s)" % (" ".join(cmd), rc, log))
    emit("index", "lede", corpus, docs, nbytes, "%.3f" % seconds, dir_size(out_dir),
         "CLI, process start-up included")


def main():
    a = sys.argv[1:]
    if a[0] == "index":
        engine, corpus, path, out_dir = a[1:5]
        {"fts5": fts5_index, "xapian": xapian_index}[engine](corpus, path, out_dir)
    elif a[0] == "query":
        engine, corpus, index_dir, queries, reps = a[1:6]
        run = {"fts5": fts5_runner, "xapian": xapian_runner}[engine](index_dir)
        time_queries(engine, corpus, run, queries, int(reps))
    elif a[0] == "index-cmd":
        corpus, path, out_dir, log = a[1:5]
        assert a[5] == "--"
        index_cmd(corpus, path, out_dir, log, a[6:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
