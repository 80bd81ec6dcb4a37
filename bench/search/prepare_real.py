#!/usr/bin/python3
"""The real corpus for the search benchmark: Reuters-21578 (`body`) + BBC (`text`) as one JSONL
of {id, title, text, date, source}, the shape every engine reads.

usage: prepare_real.py DATA_DIR OUT.jsonl

Reuters dates are written as YYYY-MM-DDTHH:MM:SSZ (the source has milliseconds, and one story has
only a date); the BBC set has no dates, so its articles carry none and no date filter matches them.
"""

import json
import os
import re
import sys


def reuters_date(d):
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?", d or "")
    if not m:
        return None
    return "%sT%sZ" % (m.group(1), m.group(2) or "00:00:00")


def main():
    data, out_path = sys.argv[1], sys.argv[2]
    n = 0
    with open(out_path + ".tmp", "w", encoding="utf-8") as out:
        with open(os.path.join(data, "reuters21578.jsonl"), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                rec = {"id": "reuters/" + r["id"], "title": r.get("title") or "", "text": r["body"]}
                date = reuters_date(r.get("date"))
                if date:
                    rec["date"] = date
                rec["source"] = "Reuters"
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        with open(os.path.join(data, "bbc_fulltext.jsonl"), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                rec = {"id": "bbc/" + r["id"], "title": r.get("title") or "", "text": r["text"],
                       "source": "BBC News"}
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    os.replace(out_path + ".tmp", out_path)
    print("prepare_real: %d articles -> %s" % (n, out_path), file=sys.stderr)


if __name__ == "__main__":
    main()
