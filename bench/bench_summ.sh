#!/bin/sh
# Summarization speed (`make bench-summ`): articles per second for every lede.summarize method on
# cnndm_dev (1,013 detokenized stories, 3-sentence summaries), beside OTS (Debian's `ots`, installed
# when missing) timed on the same texts with and without process start-up. Every measurement runs
# on one core (taskset -c 0 when available) and is the median of RUNS runs.
# usage: sh bench/bench_summ.sh [DATA_DIR]
#   RUNS=3  METHODS="auto lead luhn lexrank lexrank-threshold textrank centroid pacsum"
#   PASSES=5 (passes over the 1,013 texts per lede run)   OTS_RATIO=10   LUA=lua5.4
#   PYTHON=/usr/bin/python3   NO_OTS=1 (skip OTS)
# Run it from the checkout after `make` (`make bench-summ` does both).
set -eu

data=${1:-../shared/data/summ}
bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
runs=${RUNS:-3}
methods=${METHODS:-auto lead luhn lexrank lexrank-threshold textrank centroid pacsum}
passes=${PASSES:-5}
ratio=${OTS_RATIO:-10}
lua=${LUA:-lua5.4}
python=${PYTHON:-/usr/bin/python3}

if [ ! -f "$data/cnndm_dev.jsonl" ]; then
  echo "bench-summ: $data/cnndm_dev.jsonl not found — the summarization data is not shipped with lede"
  exit 0
fi

export LUA_PATH="${LUA_PATH:-$root/lua/?.lua;$root/lua/?/init.lua;;}"
export LUA_CPATH="${LUA_CPATH:-$root/?.so;;}"
if ! $lua -e 'assert(type(require("lede").summarize) == "function")' 2>/dev/null; then
  echo "bench-summ: this build of lede has no lede.summarize — lede's rows are pending"
  methods=""
fi

pin=""
if command -v taskset >/dev/null 2>&1; then pin="taskset -c 0"; fi

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
use_ots=1
if [ -n "${NO_OTS:-}" ]; then use_ots=0; fi
if [ "$use_ots" = 1 ] && ! command -v ots >/dev/null 2>&1; then
  echo "bench-summ: installing ots" >&2
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ots; } >&2 || true
  command -v ots >/dev/null 2>&1 || { echo "bench-summ: ots could not be installed; its rows are left out" >&2; use_ots=0; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

$lua "$bench/summ/bench.lua" "$data" --dump "$work/texts.jsonl"
: > "$work/lede.jsonl"
i=1
while [ "$i" -le "$runs" ]; do
  for m in $methods; do
    $pin $lua "$bench/summ/bench.lua" "$data" --method "$m" --passes "$passes" >> "$work/lede.jsonl"
  done
  i=$((i + 1))
done
if [ "$use_ots" = 1 ]; then
  $pin "$python" "$bench/summ/ots_bench.py" "$work/texts.jsonl" --runs "$runs" --ratio "$ratio" > "$work/ots.json"
fi

echo "### Summarization speed — cnndm_dev, $(wc -l < "$work/texts.jsonl") articles, 3 sentences, one core, median of $runs runs"
echo
"$python" "$bench/summ/bench_report.py" "$work/lede.jsonl" "$work/ots.json"
if [ -n "${KEEP:-}" ]; then cp "$work/lede.jsonl" "$work/ots.json" "$KEEP" 2>/dev/null || true; fi
