#!/usr/bin/python3
"""Prints the table of bench/bench_summ.sh from its raw results.

usage: bench_report.py LEDE_RUNS.jsonl [OTS.json]
LEDE_RUNS.jsonl: bench/summ/bench.lua's lines (several runs per method); OTS.json: ots_bench.py's.
Rates are articles per second of wall time, the median over runs.
"""
import json
import statistics
import sys


def main():
    runs = {}
    order = []
    for line in open(sys.argv[1]):
        line = line.strip()
        if not line:
            continue
        r = json.loads(line)
        if r["method"] not in runs:
            runs[r["method"]] = []
            order.append(r["method"])
        runs[r["method"]].append(r)
    print("| summarizer | articles/s, text to summary | articles/s, summary of an analysed article | runs |")
    print("| --- | ---: | ---: | ---: |")
    for m in order:
        rs = runs[m]
        e2e = statistics.median(r["articles"] / r["end_to_end_wall"] for r in rs)
        summ = statistics.median(r["articles"] / r["summarize_wall"] for r in rs)
        print("| lede `%s` | %s | %s | %d |" % (m, "{:,.0f}".format(e2e), "{:,.0f}".format(summ), len(rs)))
    if len(sys.argv) > 2:
        try:
            o = json.load(open(sys.argv[2]))
        except (OSError, ValueError):
            o = None
        if o:
            n = o["articles"]
            print("| OTS, one `ots -r %d` process per article (start-up included) | %s | | %d |"
                  % (o["ratio"], "{:,.1f}".format(n / o["process"]), len(o["process_runs"])))
            own = o["process"] - n * o["startup"]
            if own > 0:
                print("| OTS, the same less %.1f ms start-up per process (empty-file run) | %s | | %d |"
                      % (1000 * o["startup"], "{:,.1f}".format(n / own), len(o["process_runs"])))
            if "library" in o:
                print("| OTS, libots in one process (ctypes; %d of 20 outputs differ from the command's) | %s | | %d |"
                      % (o.get("library_mismatches_of_20", 0), "{:,.1f}".format(n / o["library"]),
                         len(o["library_runs"])))


if __name__ == "__main__":
    main()
