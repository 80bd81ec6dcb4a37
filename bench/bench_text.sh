#!/bin/sh
# Text-pipeline throughput (`make bench-text`): lede against wink-nlp and compromise, on the same
# news texts, each engine in its own process, RUNS rounds; reports the median of each engine.
# usage: sh bench/bench_text.sh [DATA_DIR]
#   RUNS=5                                    rounds (each engine runs once per round)
#   ENGINES="lede wink-nlp compromise"        a subset to run; the ratio needs wink-nlp
#   LUA=lua5.4  NODE=node                     interpreters
# Run it from the checkout with the Makefile's LUA_PATH/LUA_CPATH (`make bench-text` does).
set -eu

data=${1:-../shared/data/news}
bench=$(cd "$(dirname "$0")" && pwd)
runs=${RUNS:-5}
engines=${ENGINES:-lede wink-nlp compromise}
lua=${LUA:-lua5.4}
node=${NODE:-node}

reuters=$data/reuters21578.jsonl
bbc=$data/bbc_fulltext.jsonl
if [ ! -f "$reuters" ] || [ ! -f "$bbc" ]; then
  echo "bench-text: $data not found — benchmark data is not shipped with lede"
  exit 0
fi
# FILE:FIELD pairs, the same for every engine, as the positional parameters.
set -- "$reuters:body" "$bbc:text"

case " $engines " in *" wink-nlp "* | *" compromise "*)
  command -v "$node" >/dev/null || { echo "bench-text: $node not found (install Node.js ≥ 18, or ENGINES=lede)" >&2; exit 1; }
  # npm writes node_modules/.package-lock.json on install: reinstall when the lock file is newer.
  stamp=$bench/node/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ "$bench/node/package-lock.json" -nt "$stamp" ]; then
    echo "bench-text: installing the Node peers (npm ci in bench/node)" >&2
    (cd "$bench/node" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
esac

results=$(mktemp)
trap 'rm -f "$results"' EXIT

# Rounds interleave the engines so that drift in machine load hits them alike.
round=1
while [ "$round" -le "$runs" ]; do
  for engine in $engines; do
    case $engine in
      lede) line=$("$lua" "$bench/bench_text.lua" "$@") ;;
      wink-nlp | compromise) line=$("$node" "$bench/node/bench_text.js" "$engine" "$@") ;;
      *) echo "bench-text: unknown engine '$engine'" >&2; exit 2 ;;
    esac
    echo "$line" >>"$results"
    echo "bench-text: round $round/$runs $(echo "$line" | cut -f1,6 | tr '\t' ' ') s" >&2
  done
  round=$((round + 1))
done

echo "lede text-pipeline benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
  "$("$lua" -v 2>&1 | cut -d' ' -f1-2), node $("$node" --version 2>/dev/null || echo absent)"
echo "corpus: $(basename "$reuters") (body) + $(basename "$bbc") (text), loaded before timing; $runs runs per engine"
echo

awk -F '\t' -v order="$engines" "$(cat "$bench/lib/median.awk")"'
  {
    e = $1; n[e]++
    bytes[e] = $2; sents[e] = $4; toks[e] = $5
    mbs[e, n[e]] = $2 / $6 / 1e6; tps[e, n[e]] = $5 / $6
  }
  END {
    split(order, names, " ")
    for (k in names) {
      e = names[k]
      for (i = 1; i <= n[e]; i++) { a[i] = mbs[e, i]; b[i] = tps[e, i] }
      mb[e] = median(a, n[e]); tp[e] = median(b, n[e])
    }
    fmt = "| %-10s | %13s | %10s | %9s | %9s | %17s |\n"
    printf fmt, "engine", "MB/s (median)", "tokens/s", "sentences", "tokens", "ratio vs wink-nlp"
    print "| ---------- | ------------: | ---------: | --------: | --------: | ----------------: |"
    for (k = 1; k in names; k++) {
      e = names[k]
      ratio = ("wink-nlp" in mb) ? sprintf("%.3gx", mb[e] / mb["wink-nlp"]) : "n/a"
      printf fmt, e, sprintf("%.2f", mb[e]), sprintf("%.0f", tp[e]), sents[e], toks[e], ratio
      if (bytes[e] != bytes[names[1]]) mismatch = 1
    }
    printf "\nMB = 10^6 bytes of UTF-8 input (%d bytes). Timed: analysis and counting only.\n", bytes[names[1]]
    print "Each engine counts tokens and sentences its own way (lede: a:counts(); wink-nlp: tokens()"
    print "and sentences() with only the sbd pipe; compromise: terms() and sentences(), full tagging;"
    print "compromise also ends a sentence at every newline, which Reuters hard-wraps at ~65 columns)."
    if (mismatch) print "WARNING: engines saw different byte totals; the corpus was not read alike."
    if (("lede" in mb) && ("wink-nlp" in mb))
      printf "Target lede ≥ 10× wink-nlp MB/s: %.1f× — %s\n", mb["lede"] / mb["wink-nlp"], \
        (mb["lede"] >= 10 * mb["wink-nlp"] ? "met" : "NOT MET")
  }
' "$results"
