#!/bin/sh
# Search speed (`make bench-search`): lede's index against SQLite FTS5 and Xapian, side by side,
# on the real news corpora (Reuters-21578 + BBC) and on synthetic corpora of 20k..200k articles.
# For each corpus and engine: indexing MB/s and index size on disk, then top-10 query latency
# (p50/p95 per query class, warm, timed inside each engine's own process). Prints Markdown.
#
# usage: sh bench/bench_search.sh [DATA_DIR]          (DATA_DIR: ../shared/data/news)
#   SIZES="20000 50000 100000 200000"  synthetic corpus sizes (each a prefix of the largest)
#   REAL=1            also the real corpus (0: synthetic only)
#   ENGINES="fts5 xapian lede"
#   LEDE=auto         auto: measure lede when `bin/lede index --help` exits 0, else mark its rows
#                     pending; on: require it; off: pending
#   LEDE_SEARCH_OPTS=fair  fair: ix:search(q, {limit=10, snippet=false, count=false}), the work the
#                     peers do; default: ix:search(q, {limit=10}) (adds snippets and an exact total)
#   QUERIES=100       queries per class        REPS=3   timed runs per query (median taken)
#   SEED=42           synthetic corpus and query seed
#   OUT=bench/out/search   work folder (git-ignored): corpora are cached there, indexes removed
#                     after use unless KEEP=1; results-*.tsv and report-*.md are kept
#   PYTHON=/usr/bin/python3 (Debian's: sqlite3 with FTS5, python3-xapian)  LUA=lua5.4
set -eu

data=${1:-../shared/data/news}
bench=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$bench")
search=$bench/search
sizes=${SIZES:-20000 50000 100000 200000}
real=${REAL:-1}
engines=${ENGINES:-fts5 xapian lede}
lede_mode=${LEDE:-auto}
per_class=${QUERIES:-100}
reps=${REPS:-3}
seed=${SEED:-42}
out=${OUT:-$bench/out/search}
keep=${KEEP:-0}
py=${PYTHON:-/usr/bin/python3}
lua=${LUA:-lua5.4}
lede_bin=$root/bin/lede

# Outside `make`, run lede from the checkout as the Makefile's RUNENV does.
export LUA_PATH="${LUA_PATH:-$root/lua/?.lua;$root/lua/?/init.lua;;}"
export LUA_CPATH="${LUA_CPATH:-$root/?.so;;}"

say() { echo "bench-search: $*" >&2; }

reuters=$data/reuters21578.jsonl
bbc=$data/bbc_fulltext.jsonl
if [ ! -f "$reuters" ] || [ ! -f "$bbc" ]; then
  echo "bench-search: $data not found — benchmark data is not shipped with lede"
  exit 0
fi

start=$(date +%s)

# ---- the peers ---------------------------------------------------------------------------------
"$py" -c 'import sqlite3; sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(a)")' ||
  { say "$py has no SQLite with FTS5"; exit 1; }
case " $engines " in *" xapian "*)
  if ! "$py" -c 'import xapian' 2>/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    say "installing python3-xapian"
    { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-xapian; } >&2 ||
      say "could not install python3-xapian"
  fi
  "$py" -c 'import xapian' 2>/dev/null || { say "no Xapian for $py: skipping it"; engines=$(echo " $engines " | sed 's/ xapian / /'); }
esac

# ---- lede's side: the switch ------------------------------------------------------------------
# auto: lede is measured once `bin/lede index --help` exits 0; until then its rows say pending.
lede_state=pending
case " $engines " in *" lede "*)
  case $lede_mode in
    off) lede_state=pending ;;
    on | auto)
      if "$lua" "$lede_bin" index --help >/dev/null 2>&1; then
        lede_state=measured
      elif [ "$lede_mode" = on ]; then
        say "LEDE=on but '$lede_bin index --help' fails"; exit 1
      else
        say "lede has no 'index' command yet: its rows are marked pending"
      fi ;;
    *) say "LEDE must be auto, on or off"; exit 2 ;;
  esac
esac

# ---- corpora and queries -----------------------------------------------------------------------
mkdir -p "$out"
corpora=""
if [ "$real" = 1 ]; then
  realf=$out/real.jsonl
  if [ ! -s "$realf" ] || [ "$reuters" -nt "$realf" ] || [ "$bbc" -nt "$realf" ] ||
     [ "$search/prepare_real.py" -nt "$realf" ]; then
    "$py" "$search/prepare_real.py" "$data" "$realf"
  fi
  "$py" "$search/make_queries.py" "$realf" "$out/real.queries.jsonl" --sample 1000000 \
    --per-class "$per_class" --seed "$seed"
  corpora="real"
fi

max=0; min=0
for n in $sizes; do
  [ "$n" -gt "$max" ] && max=$n
  { [ "$min" -eq 0 ] || [ "$n" -lt "$min" ]; } && min=$n
done
sample=$((min < 20000 ? min : 20000))
if [ "$max" -gt 0 ]; then
  big=$out/synth-s$seed-$max.jsonl
  if [ ! -s "$big" ] || [ "$bench/gen_corpus.py" -nt "$big" ]; then
    say "generating $max synthetic articles (seed $seed)"
    "$py" "$bench/gen_corpus.py" -n "$max" --seed "$seed" -o "$big" "$reuters:body" "$bbc:text"
  fi
  for n in $sizes; do
    f=$out/synth-s$seed-$n.jsonl
    if [ "$n" -ne "$max" ] && { [ ! -s "$f" ] || [ "$big" -nt "$f" ]; }; then
      head -n "$n" "$big" >"$f"
    fi
    corpora="$corpora synth-$n"
  done
  # Drawn from the first articles, which every size holds: one query set for all sizes.
  "$py" "$search/make_queries.py" "$big" "$out/synth.queries.jsonl" --sample "$sample" \
    --per-class "$per_class" --seed "$seed"
fi

# ---- the runs ----------------------------------------------------------------------------------
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=$out/results-$stamp.tsv
: >"$results"
mkdir -p "$out/idx"
for corpus in $corpora; do
  case $corpus in
    real) file=$out/real.jsonl; queries=$out/real.queries.jsonl ;;
    synth-*) file=$out/synth-s$seed-${corpus#synth-}.jsonl; queries=$out/synth.queries.jsonl ;;
  esac
  for engine in $engines; do
    dir=$out/idx/$corpus-$engine
    rm -rf "$dir"
    t0=$(date +%s)
    case $engine in
      fts5 | xapian)
        "$py" "$search/engines.py" index "$engine" "$corpus" "$file" "$dir" >>"$results"
        t1=$(date +%s)
        "$py" "$search/engines.py" query "$engine" "$corpus" "$dir" "$queries" "$reps" >>"$results" ;;
      lede)
        [ "$lede_state" = pending ] && continue
        "$py" "$search/engines.py" index-cmd "$corpus" "$file" "$dir" "$out/lede-index-$corpus.log" \
          -- "$lua" "$lede_bin" index -o "$dir" "$file" >>"$results"
        t1=$(date +%s)
        "$lua" "$search/query_lede.lua" "$corpus" "$dir" "$queries" "$reps" >>"$results" ;;
      *) say "unknown engine '$engine'"; exit 2 ;;
    esac
    t2=$(date +%s)
    say "$corpus $engine: indexed in $((t1 - t0)) s, queries in $((t2 - t1)) s ($((t2 - start)) s so far)"
    [ "$keep" = 1 ] || rm -rf "$dir"
  done
done

# ---- the report --------------------------------------------------------------------------------
report=$out/report-$stamp.md
{
  echo "lede search benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(($(date +%s) - start)) s in all"
  echo
  echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
    "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);" \
    "$("$py" -c 'import sqlite3, sys; print("Python %d.%d.%d, SQLite %s" % (sys.version_info[:3] + (sqlite3.sqlite_version,)))')," \
    "Xapian $("$py" -c 'import xapian; print(xapian.version_string())' 2>/dev/null || echo absent)," \
    "$("$lua" -v 2>&1 | cut -d' ' -f1-2)"
  echo "lede: $lede_state (search options: ${LEDE_SEARCH_OPTS:-fair}); queries: $per_class per class, warm (one untimed pass), median of $reps timed runs each;" \
    "synthetic corpora: seed $seed, queries drawn from the first $sample articles"
  echo
  "$py" "$search/report.py" "$results" "$corpora" "$engines" "$lede_state"
} | tee "$report"
say "raw results: $results; report: $report"
