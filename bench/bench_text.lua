-- One timed pass of lede over the news corpus, for bench/bench_text.sh (which runs it, repeats it
-- and reports). usage: lua5.4 bench/bench_text.lua FILE:FIELD...
-- Prints one line: engine bytes texts sentences tokens seconds (tab-separated).

package.path = (arg[0]:match("^(.*)/") or ".") .. "/?.lua;" .. package.path
local lede = require("lede")
local corpus = require("lib.corpus")

local texts, bytes = corpus.load(arg)
local now = corpus.now

-- Timed: the whole C pipeline (tokenize, split, stem) per text, and reading its counts. The
-- article is closed when done, as a stream processor would (`<close>`): Lua's collector does not
-- see the memory the C analysis holds, so leaving it to the collector inflates memory 5x.
local sentences, tokens = 0, 0
local t0 = now()
for i = 1, #texts do
  local a <close> = lede.article(texts[i])
  local c = a:counts()
  sentences, tokens = sentences + c.sentences, tokens + c.tokens
end
local seconds = now() - t0

print(table.concat({ "lede", bytes, #texts, sentences, tokens, string.format("%.6f", seconds) }, "\t"))
