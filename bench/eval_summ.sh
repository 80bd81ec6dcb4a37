#!/bin/sh
# Summarization effectiveness (`make eval-summ`): every lede.summarize method, the lead baselines
# and OTS (Debian's `ots`, installed when missing) on the summarization sets in DATA_DIR
# (cnndm_dev, duc2002_sds, duc2003_clusters, bbc_summary; see its PROVENANCE.md), scored with
# lede.eval.rouge. Sets, budgets and ROUGE conventions: bench/summ/eval.lua.
# usage: sh bench/eval_summ.sh [DATA_DIR]
#   SETS=cnndm,duc2002,duc2003,bbc   LIMIT=N (first N records per set)   JSON=FILE (all figures)
#   NO_OTS=1 (skip OTS)   LUA=lua5.4
# Run it from the checkout after `make` (`make eval-summ` does both).
set -eu

data=${1:-../shared/data/summ}
bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
lua=${LUA:-lua5.4}

found=0
for f in cnndm_dev.jsonl duc2002_sds.jsonl duc2003_clusters.jsonl bbc_summary.jsonl; do
  if [ -f "$data/$f" ]; then found=1; fi
done
if [ "$found" = 0 ]; then
  echo "eval-summ: no summarization set in $data — the data is not shipped with lede"
  exit 0
fi

export LUA_PATH="${LUA_PATH:-$root/lua/?.lua;$root/lua/?/init.lua;;}"
export LUA_CPATH="${LUA_CPATH:-$root/?.so;;}"

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
ots_opt=""
if [ -n "${NO_OTS:-}" ]; then
  ots_opt="--no-ots"
elif ! command -v ots >/dev/null 2>&1; then
  echo "eval-summ: installing ots" >&2
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq ots; } >&2 || true
  if ! command -v ots >/dev/null 2>&1; then
    echo "eval-summ: ots could not be installed; its rows are left out" >&2
    ots_opt="--no-ots"
  fi
fi

set -- "$data"
if [ -n "${SETS:-}" ]; then set -- "$@" --sets "$SETS"; fi
if [ -n "${LIMIT:-}" ]; then set -- "$@" --limit "$LIMIT"; fi
if [ -n "${JSON:-}" ]; then set -- "$@" --json "$JSON"; fi
if [ -n "$ots_opt" ]; then set -- "$@" "$ots_opt"; fi
exec $lua "$bench/summ/eval.lua" "$@"
