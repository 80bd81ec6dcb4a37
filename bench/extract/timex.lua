-- make eval-timex: lede's dates and times against TIMEX3 gold (TimeBank/AQUAINT, TempEval-3
-- training data) and GUM's Wikinews date layer. The reference date is each document's `dct`.
-- Scores in TempEval-3's sense: spans strict (exact) and relaxed (overlap, one to one), type and
-- value accuracy on relaxed matches, and value P/R/F1 (value right on a relaxed match).
local cjson = require("cjson")
local lede = require("lede")

local dir = arg[1] or "../shared/data/timex"
local verbose = os.getenv("TIMEX_VERBOSE")

local function prf(hit, nsys, ngold)
  local p = nsys > 0 and hit / nsys or 0
  local r = ngold > 0 and hit / ngold or 0
  return p, r, (p + r > 0) and 2 * p * r / (p + r) or 0
end

local function evaluate(path, name, byte_offsets)
  local f = io.open(path)
  if not f then
    print(("%s: %s not found, skipped"):format(name, path))
    return
  end
  local n = { sys = 0, gold = 0, strict = 0, relaxed = 0, type = 0, value = 0, docs = 0 }
  local start_clock = os.clock()
  for line in f:lines() do
    local d = cjson.decode(line)
    n.docs = n.docs + 1
    local a = lede.article{ text = d.text, date = d.dct }
    local sys = a:dates()
    a:close()
    n.sys, n.gold = n.sys + #sys, n.gold + #d.timexes
    local used = {}
    for _, g in ipairs(d.timexes) do
      local gs = byte_offsets and g.byte_start or g.start
      local ge = byte_offsets and g.byte_end or g["end"]
      local best
      for k, s in ipairs(sys) do
        if not used[k] and s.start - 1 < ge and s.stop > gs then
          if not best or (s.start - 1 == gs and s.stop == ge) then best = k end
        end
      end
      if best then
        local s = sys[best]
        used[best] = true
        n.relaxed = n.relaxed + 1
        if s.start - 1 == gs and s.stop == ge then n.strict = n.strict + 1 end
        if s.type == g.type then n.type = n.type + 1 end
        if s.value == g.value then n.value = n.value + 1
        elseif verbose then print("VALUE", d.dct, g.text, g.value, s.text, s.value) end
      elseif verbose then print("MISS", d.dct, g.text, g.type, g.value) end
    end
    if verbose then
      for k, s in ipairs(sys) do
        if not used[k] then print("EXTRA", d.dct, s.text, s.type, s.value) end
      end
    end
  end
  f:close()
  local seconds = os.clock() - start_clock
  print(("%s: %d docs, %d gold, %d found (%.2f s)"):format(name, n.docs, n.gold, n.sys, seconds))
  print(("  span strict   P %.3f  R %.3f  F1 %.3f"):format(prf(n.strict, n.sys, n.gold)))
  print(("  span relaxed  P %.3f  R %.3f  F1 %.3f"):format(prf(n.relaxed, n.sys, n.gold)))
  print(("  type accuracy %.3f   value accuracy %.3f (on relaxed matches)"):format(
    n.relaxed > 0 and n.type / n.relaxed or 0, n.relaxed > 0 and n.value / n.relaxed or 0))
  print(("  value         P %.3f  R %.3f  F1 %.3f"):format(prf(n.value, n.sys, n.gold)))
end

evaluate(dir .. "/timebank.jsonl", "timebank", false)
evaluate(dir .. "/gum_news_dates.jsonl", "gum_news_dates", true)
