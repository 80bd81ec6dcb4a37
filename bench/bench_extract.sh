#!/bin/sh
# Full-extraction throughput (`make bench-extract`): lede's analysis plus entities, quotes, dates
# and quantities, beside compromise's nearest equivalent, on the same news texts, each engine in
# its own process, RUNS rounds; reports the median of each engine.
# usage: sh bench/bench_extract.sh [DATA_DIR]
#   RUNS=3                          rounds (each engine runs once per round)
#   ENGINES="lede compromise"       a subset to run; the ratio needs both
#   LUA=lua5.4  NODE=node           interpreters
# Run it from the checkout with the Makefile's LUA_PATH/LUA_CPATH (`make bench-extract` does).
set -eu

data=${1:-../shared/data/news}
bench=$(cd "$(dirname "$0")" && pwd)
runs=${RUNS:-3}
engines=${ENGINES:-lede compromise}
lua=${LUA:-lua5.4}
node=${NODE:-node}

reuters=$data/reuters21578.jsonl
bbc=$data/bbc_fulltext.jsonl
if [ ! -f "$reuters" ] || [ ! -f "$bbc" ]; then
  echo "bench-extract: $data not found — benchmark data is not shipped with lede"
  exit 0
fi
set -- "$reuters:body" "$bbc:text"

case " $engines " in *" compromise "*)
  command -v "$node" >/dev/null || { echo "bench-extract: $node not found (install Node.js ≥ 18, or ENGINES=lede)" >&2; exit 1; }
  stamp=$bench/node/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ "$bench/node/package-lock.json" -nt "$stamp" ]; then
    echo "bench-extract: installing the Node peers (npm ci in bench/node)" >&2
    (cd "$bench/node" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
esac

results=$(mktemp)
trap 'rm -f "$results"' EXIT

round=1
while [ "$round" -le "$runs" ]; do
  for engine in $engines; do
    case $engine in
      lede) line=$("$lua" "$bench/extract/bench_extract.lua" "$@") ;;
      compromise) line=$("$node" "$bench/node/bench_extract.js" "$@") ;;
      *) echo "bench-extract: unknown engine '$engine'" >&2; exit 2 ;;
    esac
    echo "$line" >>"$results"
    echo "bench-extract: round $round/$runs $(echo "$line" | cut -f1,5 | tr '\t' ' ') s" >&2
  done
  round=$((round + 1))
done

echo "lede extraction benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
  "$("$lua" -v 2>&1 | cut -d' ' -f1-2), node $("$node" --version 2>/dev/null || echo absent)"
echo "corpus: $(basename "$reuters") (body) + $(basename "$bbc") (text), loaded before timing; $runs runs per engine"
echo

awk -F '\t' -v order="$engines" "$(cat "$bench/lib/median.awk")"'
  {
    e = $1; n[e]++
    bytes[e] = $2; texts[e] = $3; items[e] = $4
    mbs[e, n[e]] = $2 / $5 / 1e6; aps[e, n[e]] = $3 / $5
  }
  END {
    split(order, names, " ")
    for (k in names) {
      e = names[k]
      for (i = 1; i <= n[e]; i++) { a[i] = mbs[e, i]; b[i] = aps[e, i] }
      mb[e] = median(a, n[e]); ap[e] = median(b, n[e])
    }
    fmt = "| %-10s | %13s | %10s | %8s | %9s | %19s |\n"
    printf fmt, "engine", "MB/s (median)", "articles/s", "articles", "items", "ratio vs compromise"
    print "| ---------- | ------------: | ---------: | -------: | --------: | ------------------: |"
    for (k = 1; k in names; k++) {
      e = names[k]
      ratio = ("compromise" in mb) ? sprintf("%.3gx", mb[e] / mb["compromise"]) : "n/a"
      printf fmt, e, sprintf("%.2f", mb[e]), sprintf("%.0f", ap[e]), texts[e], items[e], ratio
      if (bytes[e] != bytes[names[1]]) mismatch = 1
    }
    printf "\nMB = 10^6 bytes of UTF-8 input (%d bytes). Timed: analysis and extraction only.\n", bytes[names[1]]
    print "lede: lede.article(text), then a:entities(), a:quotes(), a:dates(), a:quantities(), closed"
    print "per text. compromise 14 (core): nlp(text), then people(), places(), organizations(),"
    print "quotations(), numbers() read out as arrays (no dates: that is a plugin). items = matches found."
    if (mismatch) print "WARNING: engines saw different byte totals; the corpus was not read alike."
    if ("lede" in mb)
      printf "Target lede ≥ 20 MB/s: %.2f MB/s — %s\n", mb["lede"], (mb["lede"] >= 20 ? "met" : "NOT MET")
  }
' "$results"
