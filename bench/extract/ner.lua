-- `make eval-ner`: the entity tagger on CoNLL-2003 dev (eng.testa) as the shared JSONL gives it,
-- scored as conlleval does: a mention counts when its span and its type are both exact.
-- Usage: lua ner.lua DEV.jsonl
local lede = require("lede")
local cjson = require("cjson")

local path = arg[1]
local f = path and io.open(path, "r")
if not f then
  print("eval-ner: no " .. tostring(path) .. " (see ../shared/data/ner/PROVENANCE.md); skipped")
  os.exit(0)
end

local types = { "PER", "ORG", "LOC", "MISC" }
local counts = {} -- type → { tp, predicted, gold }
for _, t in ipairs(types) do counts[t] = { 0, 0, 0 } end
local docs, tokens, elapsed = 0, 0, 0
for line in f:lines() do
  local doc = cjson.decode(line)
  local article = lede.article({ text = doc.text })
  local gold = {}
  for _, e in ipairs(doc.entities) do
    gold[string.format("%d:%d:%s", e.start, e["end"], e.type)] = true
    counts[e.type][3] = counts[e.type][3] + 1
  end
  local t0 = os.clock()
  local mentions = article:entities()
  elapsed = elapsed + os.clock() - t0
  for _, m in ipairs(mentions) do
    counts[m.type][2] = counts[m.type][2] + 1
    if gold[string.format("%d:%d:%s", m.start - 1, m.stop, m.type)] then
      counts[m.type][1] = counts[m.type][1] + 1
    end
  end
  docs = docs + 1
  tokens = tokens + #article:tokens()
  article:close()
end
f:close()

local function row(name, c)
  local p = c[2] > 0 and c[1] / c[2] or 0
  local r = c[3] > 0 and c[1] / c[3] or 0
  local f1 = p + r > 0 and 2 * p * r / (p + r) or 0
  print(string.format("| %-7s | %5d | %5d | %5d | %6.2f | %6.2f | %6.2f |", name, c[3], c[2], c[1],
    100 * p, 100 * r, 100 * f1))
end
print(string.format("CoNLL-2003 dev: %d documents, %d tokens, tagged in %.2f s (%.0f tokens/s)",
  docs, tokens, elapsed, tokens / elapsed))
print("| type    |  gold |  pred |    tp |      P |      R |     F1 |")
print("|---------|-------|-------|-------|--------|--------|--------|")
local all = { 0, 0, 0 }
for _, t in ipairs(types) do
  row(t, counts[t])
  for k = 1, 3 do all[k] = all[k] + counts[t][k] end
end
row("overall", all)
