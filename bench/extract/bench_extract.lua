-- One timed pass of lede's full extraction over the news corpus, for bench/bench_extract.sh (which
-- runs it, repeats it and reports). usage: lua5.4 bench/extract/bench_extract.lua FILE:FIELD...
-- Prints one line: engine bytes texts items seconds (tab-separated); items = entities + quotes +
-- dates + quantities found, a check that the work was done.

package.path = (arg[0]:match("^(.*)/") or ".") .. "/../?.lua;" .. package.path
local lede = require("lede")
local corpus = require("lib.corpus")

local texts, bytes = corpus.load(arg)
local now = corpus.now

-- Timed: analysis (tokenize, split, tag) and the four extractors, per text; closed when done.
local items = 0
local t0 = now()
for i = 1, #texts do
  local a <close> = lede.article(texts[i])
  items = items + #a:entities() + #a:quotes() + #a:dates() + #a:quantities()
end
local seconds = now() - t0

print(table.concat({ "lede", bytes, #texts, items, string.format("%.6f", seconds) }, "\t"))
