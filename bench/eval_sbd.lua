-- Sentence-boundary evaluation of lede (`make eval-sbd`).
-- usage: lua5.4 bench/eval_sbd.lua [--json] [--verbose] DIR
-- DIR holds golden_rules_en.jsonl, gum_news.jsonl and pysbd_en_extra.jsonl (see its PROVENANCE.md).

package.path = (arg[0]:match("^(.*)/") or ".") .. "/?.lua;" .. package.path
local json = require("lib.json")
local lede -- required once the data is known to be there, so a missing folder never needs the build

local GOLDEN_TARGET = 46 -- of 48, from the issue
local F1_TARGET = 0.98
local CONVENTION = "a boundary is the byte offset just after a sentence's last non-space byte; "
  .. "each document's final boundary is excluded (trivially right); micro-averaged over documents"

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

-- lede's sentences of text as trimmed strings, or nil and the error lede raised.
local function split(text)
  local ok, a = pcall(lede.article, text)
  if not ok then return nil, tostring(a) end
  local out = json.array()
  for _, s in ipairs(a:sentences()) do out[#out + 1] = trim(s.text) end
  return out
end

local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do
    if a[i] ~= b[i] then return false end
  end
  return true
end

-- Exact-match evaluation, as pySBD scores its rules: the list of stripped segments must be equal.
local function exact_match(cases)
  local passed, failures = 0, json.array()
  for _, c in ipairs(cases) do
    local expected = json.array()
    for i, s in ipairs(c.sentences) do expected[i] = trim(s) end
    local got, err = split(c.text)
    if got and same(got, expected) then
      passed = passed + 1
    else
      failures[#failures + 1] = { id = c.id, name = c.name, expected = expected, got = got or ("error: " .. err),
        pysbd_fails_too = c.pysbd_expected_failure or nil }
    end
  end
  return { passed = passed, total = #cases, failures = failures }
end

-- Byte offset (0-based, exclusive) after the last non-space byte of text's bytes [start0, end0).
local function trimmed_end(text, start0, end0)
  while end0 > start0 and text:find("^%s", end0) do end0 = end0 - 1 end
  return end0
end

local function boundary_set(text, spans, final)
  local set = {}
  for _, sp in ipairs(spans) do
    local e = trimmed_end(text, math.tointeger(sp[1]), math.tointeger(sp[2]))
    if e ~= final and e > 0 then set[e] = true end
  end
  return set
end

-- Up to 30 bytes either side of a 0-based offset, the offset marked with "|".
local function context(text, at)
  local before = text:sub(math.max(1, at - 29), at):gsub("\n", "⏎")
  local after = text:sub(at + 1, at + 30):gsub("\n", "⏎")
  return before .. "|" .. after
end

-- Offsets in set but not in other, each recorded in errors as kind; returns how many.
local function differences(errors, doc, kind, set, other)
  local n = 0
  for e in pairs(set) do
    if not other[e] then
      n = n + 1
      errors[#errors + 1] = { doc = doc.id, kind = kind, offset = e, context = context(doc.text, e) }
    end
  end
  return n
end

local function size(set)
  local n = 0
  for _ in pairs(set) do n = n + 1 end
  return n
end

local function boundaries(docs)
  local r = { docs = #docs, gold = 0, predicted = 0, fp = 0, fn = 0, errors = json.array(),
    convention = CONVENTION }
  for _, d in ipairs(docs) do
    local final = trimmed_end(d.text, 0, #d.text)
    local spans = {}
    for i, s in ipairs(lede.article(d.text):sentences()) do spans[i] = { s.start - 1, s.stop } end
    local gold = boundary_set(d.text, d.sentence_byte_spans, final)
    local pred = boundary_set(d.text, spans, final)
    r.gold, r.predicted = r.gold + size(gold), r.predicted + size(pred)
    r.fn = r.fn + differences(r.errors, d, "missed", gold, pred)
    r.fp = r.fp + differences(r.errors, d, "spurious", pred, gold)
  end
  table.sort(r.errors, function(a, b)
    if a.doc ~= b.doc then return a.doc < b.doc end
    return a.offset < b.offset
  end)
  r.tp = r.gold - r.fn
  r.precision = r.predicted > 0 and r.tp / r.predicted or 0
  r.recall = r.gold > 0 and r.tp / r.gold or 0
  local pr = r.precision + r.recall
  r.f1 = pr > 0 and 2 * r.precision * r.recall / pr or 0
  return r
end

local function load(dir, name)
  local records, err = json.read_lines(dir .. "/" .. name)
  if not records then io.stderr:write("eval-sbd: skipping ", name, ": ", err, "\n") end
  return records
end

local function evaluate(dir)
  local results = { data = dir, lede_version = lede.version }
  local golden = load(dir, "golden_rules_en.jsonl")
  if golden then
    results.golden_rules = exact_match(golden)
    results.golden_rules.target = GOLDEN_TARGET
  end
  local gum = load(dir, "gum_news.jsonl")
  if gum then
    results.gum_news = boundaries(gum)
    results.gum_news.target_f1 = F1_TARGET
  end
  local extra = load(dir, "pysbd_en_extra.jsonl")
  if extra then
    local usable = {}
    for _, c in ipairs(extra) do
      if c.sentences_are_substrings then usable[#usable + 1] = c end
    end
    results.pysbd_extra = exact_match(usable)
    results.pysbd_extra.skipped = #extra - #usable
  end
  return results
end

local function met(ok) return ok and "met" or "NOT MET" end

local function print_failures(title, failures)
  if #failures == 0 then return end
  print(("\n%s (%d):"):format(title, #failures))
  for _, f in ipairs(failures) do
    print(("  %s  %s%s"):format(f.id, f.name or "", f.pysbd_fails_too and "  [pySBD fails it too]" or ""))
    print("    expected " .. json.encode(f.expected))
    print("    got      " .. (type(f.got) == "table" and json.encode(f.got) or f.got))
  end
end

local function report(r, verbose)
  print(("lede %s sentence boundaries — data: %s\n"):format(r.lede_version or "?", r.data))
  local row = "%-24s %6s  %-30s %s"
  print(row:format("set", "cases", "result", "target"))
  local g, n, x = r.golden_rules, r.gum_news, r.pysbd_extra
  if g then
    print(row:format("golden_rules_en", g.total, ("%d/%d exact"):format(g.passed, g.total),
      ("≥ %d/%d  %s"):format(g.target, g.total, met(g.passed >= g.target))))
  end
  if n then
    print(row:format("gum_news (docs)", n.docs, ("P %.3f  R %.3f  F1 %.3f"):format(n.precision, n.recall, n.f1),
      ("F1 ≥ %.2f  %s"):format(n.target_f1, met(n.f1 >= n.target_f1))))
  end
  if x then
    print(row:format("pysbd_en_extra", x.total, ("%d/%d exact (%.1f%%)"):format(x.passed, x.total,
      x.total > 0 and 100 * x.passed / x.total or 0), "informational"))
  end
  if n then
    print(("\ngum_news: %s.\n  %d gold and %d predicted boundaries: tp %d, fp %d, fn %d.")
      :format(n.convention, n.gold, n.predicted, n.tp, n.fp, n.fn))
  end
  if x then
    print(("pysbd_en_extra: %d cases whose expected sentences are substrings of the text (%d skipped: "
      .. "they need pySBD's text cleaning)."):format(x.total, x.skipped))
  end
  if g then print_failures("Failing golden rules", g.failures) end
  if verbose and n and #n.errors > 0 then
    print(("\nGUM boundary errors (%d; | marks the offset):"):format(#n.errors))
    for _, e in ipairs(n.errors) do
      print(("  %-8s %-28s %6d  %s"):format(e.kind, e.doc, e.offset, e.context))
    end
  end
  if verbose and x then print_failures("Failing pysbd_en_extra cases", x.failures) end
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

local function main(args)
  local as_json, verbose, dir = false, false, nil
  for _, a in ipairs(args) do
    if a == "--json" then as_json = true
    elseif a == "--verbose" then verbose = true
    elseif a:sub(1, 2) == "--" then
      io.stderr:write("usage: lua5.4 bench/eval_sbd.lua [--json] [--verbose] DIR\n")
      return 2
    else dir = a end
  end
  dir = dir or "../shared/data/sbd"
  if not exists(dir .. "/golden_rules_en.jsonl") and not exists(dir .. "/gum_news.jsonl") then
    print(("eval-sbd: %s not found — evaluation data is not shipped with lede"):format(dir))
    return 0
  end
  lede = require("lede")
  local results = evaluate(dir)
  if as_json then print(json.encode(results)) else report(results, verbose) end
  return 0
end

os.exit(main(arg))
