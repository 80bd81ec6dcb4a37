-- `make eval-ner`: the entity tagger on CoNLL-2003 dev (eng.testa) as the shared JSONL gives it,
-- scored as conlleval does: a mention counts when its span and its type are both exact.
-- Beside lede, compromise 14 (bench/node, `npm ci`) on the same texts: people() / organizations()
-- / places() as PER / ORG / LOC, in one node process (bench/node/compromise_ner.js); both systems
-- are then scored on those three types alone. NODE=node picks the interpreter; without node the
-- compromise table is skipped.
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
local golds, texts = {}, {} -- per document: gold keys; texts for compromise
for line in f:lines() do
  local doc = cjson.decode(line)
  texts[#texts + 1] = doc.text
  local article = lede.article({ text = doc.text })
  local gold = {}
  for _, e in ipairs(doc.entities) do
    gold[string.format("%d:%d:%s", e.start, e["end"], e.type)] = true
    counts[e.type][3] = counts[e.type][3] + 1
  end
  golds[#golds + 1] = gold
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

-- Side by side on PER/ORG/LOC: lede's counts above restricted to the three types, and compromise.
local three = { "PER", "ORG", "LOC" }
local function compromise_counts()
  local node = os.getenv("NODE") or "node"
  if not os.execute(node .. " --version >/dev/null 2>&1") then return nil, node .. " not found" end
  local dir = (arg[0]:match("^(.*)/") or ".") .. "/../node"
  local stamp = io.open(dir .. "/node_modules/compromise/package.json", "r")
  if stamp then stamp:close()
  elseif not os.execute("cd '" .. dir .. "' && npm ci --no-audit --no-fund --loglevel=error >&2") then
    return nil, "npm ci in bench/node failed"
  end
  local inp, outp = os.tmpname(), os.tmpname()
  local w = assert(io.open(inp, "w"))
  for _, t in ipairs(texts) do w:write(cjson.encode({ text = t }), "\n") end
  w:close()
  local ok = os.execute(string.format("%s '%s/compromise_ner.js' '%s' '%s'", node, dir, inp, outp))
  os.remove(inp)
  if not ok then os.remove(outp); return nil, "compromise_ner.js failed" end
  local c = {}
  for _, t in ipairs(three) do c[t] = { 0, 0, 0 } end
  local i = 0
  for line in io.lines(outp) do
    i = i + 1
    for _, e in ipairs(cjson.decode(line).entities) do
      c[e.type][2] = c[e.type][2] + 1
      if golds[i][string.format("%d:%d:%s", e.start, e["end"], e.type)] then c[e.type][1] = c[e.type][1] + 1 end
    end
  end
  os.remove(outp)
  if i ~= #texts then return nil, "compromise_ner.js returned " .. i .. " of " .. #texts .. " documents" end
  for _, t in ipairs(three) do c[t][3] = counts[t][3] end
  return c
end

local function prf(c)
  local p = c[2] > 0 and c[1] / c[2] or 0
  local r = c[3] > 0 and c[1] / c[3] or 0
  return p, r, p + r > 0 and 2 * p * r / (p + r) or 0
end
local comp, why = compromise_counts()
print()
print("PER/ORG/LOC only (MISC set aside for both), exact span and type; compromise 14: people(),")
print("organizations(), places(), spans trimmed of punctuation, possessive 's and honorifics:")
if not comp then
  print("compromise: skipped (" .. why .. ")")
else
  print("| type    |  gold | lede pred | lede P | lede R | lede F1 | comp. pred | comp. P | comp. R | comp. F1 |")
  print("|---------|-------|-----------|--------|--------|---------|------------|---------|---------|----------|")
  local la, ca = { 0, 0, 0 }, { 0, 0, 0 }
  local function line(name, l, c)
    local lp, lr, lf = prf(l)
    local cp, cr, cf = prf(c)
    print(string.format("| %-7s | %5d | %9d | %6.2f | %6.2f | %7.2f | %10d | %7.2f | %7.2f | %8.2f |", name, l[3],
      l[2], 100 * lp, 100 * lr, 100 * lf, c[2], 100 * cp, 100 * cr, 100 * cf))
  end
  for _, t in ipairs(three) do
    line(t, counts[t], comp[t])
    for k = 1, 3 do la[k] = la[k] + counts[t][k]; ca[k] = ca[k] + comp[t][k] end
  end
  line("overall", la, ca)
end
