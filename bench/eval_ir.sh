#!/bin/sh
# Retrieval effectiveness (`make eval-ir`): lede's search against SQLite FTS5 and Xapian on the
# classic test collections in DATA_DIR (cran, cisi: docs.jsonl, queries.jsonl, qrels.txt; see its
# PROVENANCE.md). Every system indexes the same documents (id, title, text), answers the same
# query texts with their words OR-ed, returns its top DEPTH; every run is scored by
# bench/lib/treceval.lua (MAP, nDCG@10, P@10, R@100, computed as trec_eval 9.x computes them).
# usage: sh bench/eval_ir.sh [DATA_DIR]
#   COLLECTIONS="cran cisi"     SYSTEMS="lede fts5 xapian"     DEPTH=1000
#   LUA=lua5.4  PYTHON=/usr/bin/python3 (Debian's: sqlite3 with FTS5, python3-xapian)
#   LEDE=bin/lede               the lede command
#   TREC_EVAL=PATH              a trec_eval binary to cross-check against (else one on PATH, else
#                               Debian's package if there is one: Debian 12 has none)
#   WORK=DIR                    keep the indexes and run files in DIR (default: a temporary folder)
# Run it from the checkout after `make` (`make eval-ir` does both).
set -eu

data=${1:-../shared/data/ir}
bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
collections=${COLLECTIONS:-cran cisi}
systems=${SYSTEMS:-lede fts5 xapian}
depth=${DEPTH:-1000}
lua=${LUA:-lua5.4}
python=${PYTHON:-/usr/bin/python3}
lede=${LEDE:-$root/bin/lede}

for c in $collections; do
  for f in docs.jsonl queries.jsonl qrels.txt; do
    if [ ! -f "$data/$c/$f" ]; then
      echo "eval-ir: $data/$c/$f not found — the IR test collections are not shipped with lede"
      exit 0
    fi
  done
done

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
has() { case " $systems " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# ---- the peers' Python: Debian's python3, its sqlite3 (FTS5) and python3-xapian ----------------
if has fts5 || has xapian; then
  [ -x "$python" ] || { echo "eval-ir: $python not found (install python3, or set PYTHON)" >&2; exit 1; }
fi
if has fts5; then
  "$python" -c "import sqlite3; sqlite3.connect(':memory:').execute(\"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')\")" 2>/dev/null \
    || { echo "eval-ir: $python's sqlite3 has no FTS5 (Debian's python3 has it)" >&2; exit 1; }
fi
if has xapian && ! "$python" -c "import xapian" 2>/dev/null; then
  echo "eval-ir: installing python3-xapian" >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-xapian >&2
  "$python" -c "import xapian" 2>/dev/null || { echo "eval-ir: $python cannot import xapian" >&2; exit 1; }
fi

# ---- trec_eval, to cross-check bench/lib/treceval.lua where it can be had ------------------------
trec_eval=${TREC_EVAL:-$(command -v trec_eval || true)}
if [ -z "$trec_eval" ]; then
  pkg=$(apt-cache pkgnames trec 2>/dev/null | grep -x -e trec-eval -e trec_eval -e treceval | head -n 1 || true)
  if [ -n "$pkg" ]; then
    echo "eval-ir: installing $pkg" >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$pkg" >&2 || true
    trec_eval=$(command -v trec_eval || true)
  fi
fi
if [ -n "$trec_eval" ]; then
  crosscheck="every run also scored by $trec_eval; the trec_eval column says whether all four measures agree to its 4 decimals"
  set -- --trec-eval "$trec_eval"
else
  crosscheck="trec_eval not available (Debian 12 does not package it); bench/lib/treceval.lua is checked against hand-computed runs in spec/treceval_spec.lua"
  set --
fi

# ---- lede's run: PLACEHOLDER until `lede search` lands ------------------------------------------
# It switches itself on: once `bin/lede search --help` exits 0, lede builds an index with
#   lede index -o DIR docs.jsonl
# and answers the queries with
#   lede search DIR --queries queries.jsonl --limit DEPTH --run lede
# (lenient mode, words OR-ed), whose stdout is the TREC run. Until then lede's row says pending.
lede_ready=0
if has lede && "$lede" search --help >/dev/null 2>&1; then lede_ready=1; fi

if [ -n "${WORK:-}" ]; then
  work=$WORK
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

echo "lede retrieval effectiveness — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
  "$("$lua" -v 2>&1 | cut -d' ' -f1-2), $("$python" -c 'import sqlite3, sys; print("Python", sys.version.split()[0] + ", SQLite", sqlite3.sqlite_version)' 2>/dev/null || echo 'no python')," \
  "Xapian $("$python" -c 'import xapian; print(xapian.version_string())' 2>/dev/null || echo absent)"
echo "runs: top $depth per query for each query's text, its words OR-ed. Measures as trec_eval 9.x computes"
echo "them (bench/lib/treceval.lua), averaged over the judged queries a run answers (trec_eval's default, no -c)."
echo "cross-check: $crosscheck."
if has lede && [ "$lede_ready" -eq 0 ]; then
  echo "lede: pending — '$lede search --help' does not exit 0 yet (the search index has not landed)."
fi

for c in $collections; do
  dir=$work/$c
  mkdir -p "$dir"
  # The same input for every system: documents as {id, title, text} and queries as {id, text}.
  counts=$("$python" - "$data/$c" "$dir" <<'EOF'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
def copy(name, keys):
    n = 0
    with open(f"{src}/{name}", encoding="utf-8") as f, open(f"{dst}/{name}", "w", encoding="utf-8") as out:
        for line in f:
            if line.strip():
                o = json.loads(line)
                out.write(json.dumps({k: str(o[k]) for k in keys if o.get(k) is not None}, ensure_ascii=False) + "\n")
                n += 1
    return n
print(copy("docs.jsonl", ("id", "title", "text")), copy("queries.jsonl", ("id", "text")))
EOF
  )
  set -- "$@" --target lede "$data/$c/qrels.txt"
  rows=""
  for s in $systems; do
    case $s in
      lede)
        if [ "$lede_ready" -eq 1 ]; then
          echo "eval-ir: $c: lede index" >&2
          rm -rf "$dir/lede-index"
          "$lede" index -o "$dir/lede-index" "$dir/docs.jsonl" >&2 \
            || { echo "eval-ir: $c: 'lede index' failed" >&2; exit 1; }
          echo "eval-ir: $c: lede search" >&2
          "$lede" search "$dir/lede-index" --queries "$dir/queries.jsonl" --limit "$depth" --run lede >"$dir/lede.run" \
            || { echo "eval-ir: $c: 'lede search' failed" >&2; exit 1; }
          rows="$rows lede=$dir/lede.run"
        else
          rows="$rows lede=pending"
        fi
        ;;
      fts5 | xapian)
        echo "eval-ir: $c: $s" >&2
        "$python" "$bench/ir/peer_run.py" "$s" "$dir/docs.jsonl" "$dir/queries.jsonl" "$dir" \
          --depth "$depth" --run "$s" >"$dir/$s.run"
        rows="$rows $s=$dir/$s.run"
        ;;
      *) echo "eval-ir: unknown system '$s'" >&2; exit 2 ;;
    esac
  done
  echo
  echo "## $c ($(echo "$counts" | cut -d' ' -f1) documents, $(echo "$counts" | cut -d' ' -f2) queries)"
  echo
  # shellcheck disable=SC2086 # rows is a list of NAME=FILE words without spaces
  "$lua" "$bench/ir/evaluate.lua" "$@" $rows
  # drop this collection's --target and qrels, keep --trec-eval
  if [ -n "$trec_eval" ]; then set -- --trec-eval "$trec_eval"; else set --; fi
done
