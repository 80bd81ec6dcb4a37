-- Where extraction time goes: each extractor timed alone over articles analysed beforehand.
-- usage: lua5.4 bench/extract/stages.lua FILE:FIELD...   (run from the checkout with the
-- Makefile's LUA_PATH/LUA_CPATH, e.g. `make bench-extract-stages`)
package.path = (arg[0]:match("^(.*)/") or ".") .. "/../?.lua;" .. package.path
local lede = require("lede")
local corpus = require("lib.corpus")

local texts, bytes = corpus.load(arg)
local t0 = corpus.now()
local articles = {}
for i = 1, #texts do articles[i] = lede.article(texts[i]) end
print(string.format("%-12s %8s %9s", "stage", "items", "seconds"))
print(string.format("%-12s %8d %9.3f", "analysis", #texts, corpus.now() - t0))
for _, method in ipairs { "entities", "dates", "quotes", "quantities" } do
  local start, items = corpus.now(), 0
  for _, a in ipairs(articles) do items = items + #a[method](a) end
  print(string.format("%-12s %8d %9.3f", method, items, corpus.now() - start))
end
print(string.format("(%d texts, %d bytes)", #texts, bytes))
