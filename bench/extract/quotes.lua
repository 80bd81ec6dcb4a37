-- `make eval-quotes`: article:quotes() on PolNeAR dev, scored on the direct quotations
-- (quote_type == "direct", see ../shared/data/quotes/PROVENANCE.md).
--   Direct gold: quote_type "direct", and contents in '' marks (see is_direct).
--   span F1 (overlap): a predicted direct quote matches a gold one when their contents overlap
--   (one-to-one, in text order); exact: the same bytes once marks, white space and trailing
--   punctuation are set aside on both sides.
--   speaker: of the matched gold quotes with a source, how many have a predicted speaker mention
--   that overlaps the gold source (and the same over every gold quote with a source).
-- Usage: lua quotes.lua polnear_dev.jsonl
local lede = require("lede")
local cjson = require("cjson")

local path = arg[1]
local f = path and io.open(path, "r")
if not f then
  print("eval-quotes: no " .. tostring(path) .. " (see ../shared/data/quotes/PROVENANCE.md); skipped")
  os.exit(0)
end

local marks = { "\226\128\156", "\226\128\157", "\226\128\152", "\226\128\153", '"', "'", " ", "\n",
  "\t", "\194\160" }
local trailing = { ".", ",", ";", ":", "!", "?" }

local function strip(text, s, e)
  local changed = true
  while changed and s < e do
    changed = false
    for _, m in ipairs(marks) do
      if text:sub(s + 1, s + #m) == m then s, changed = s + #m, true end
      if e - #m >= s and text:sub(e - #m + 1, e) == m then e, changed = e - #m, true end
    end
    for _, m in ipairs(trailing) do
      if e > s and text:sub(e, e) == m then e, changed = e - 1, true end
    end
  end
  return s, e
end

local function overlaps(a0, a1, b0, b1) return a0 < b1 and b0 < a1 end

-- PROVENANCE's "direct" looks for “ or " only; some publishers write two apostrophes ('') for
-- a double mark, and those quotations are direct too.
local function is_direct(g, text)
  if g.quote_type == "direct" then return true end
  local s = text:sub(g.byte_start + 1, g.byte_end)
  return s:sub(1, 2) == "''" and s:find("''[%p%s]*$") ~= nil
end

local gold_n, pred_n, matched, exact, aside = 0, 0, 0, 0, 0
local with_speaker, matched_with_speaker, speaker_ok = 0, 0, 0
local articles, elapsed, bytes = 0, 0, 0
for line in f:lines() do
  local doc = cjson.decode(line)
  local text = doc.text
  articles, bytes = articles + 1, bytes + #text
  local t0 = os.clock()
  local quotes = lede.article({ text = text }):quotes()
  elapsed = elapsed + os.clock() - t0
  local pred = {}
  for _, q in ipairs(quotes) do
    if q.kind == "direct" then pred[#pred + 1] = q end
  end
  pred_n = pred_n + #pred
  -- A prediction inside a gold attribution of another type ("mixed": `that “…”`) is that
  -- attribution's quoted part: out of scope, neither right nor wrong.
  for _, q in ipairs(pred) do
    for _, g in ipairs(doc.quotes) do
      if not is_direct(g, text) and overlaps(g.byte_start, g.byte_end, q.start - 1, q.stop) then
        aside = aside + 1
        break
      end
    end
  end
  local used = {}
  for _, g in ipairs(doc.quotes) do
    if is_direct(g, text) then
      gold_n = gold_n + 1
      local gs, ge = strip(text, g.byte_start, g.byte_end)
      local has_speaker = g.byte_speaker_start ~= cjson.null and g.byte_speaker_start ~= nil
      if has_speaker then with_speaker = with_speaker + 1 end
      for i, q in ipairs(pred) do
        local ps, pe = strip(text, q.start - 1, q.stop)
        if not used[i] and overlaps(gs, ge, ps, pe) then
          used[i] = true
          matched = matched + 1
          if gs == ps and ge == pe then exact = exact + 1 end
          if has_speaker then
            matched_with_speaker = matched_with_speaker + 1
            if q.speaker_start and overlaps(g.byte_speaker_start, g.byte_speaker_end,
                q.speaker_start - 1, q.speaker_stop) then
              speaker_ok = speaker_ok + 1
            end
          end
          break
        end
      end
    end
  end
end
f:close()

local function f1(tp)
  local p, r = tp / math.max(pred_n - aside, 1), tp / math.max(gold_n, 1)
  return p, r, (p + r > 0) and 2 * p * r / (p + r) or 0
end
print(string.format("eval-quotes: %d articles, %d gold direct quotes, %d predicted direct", articles,
  gold_n, pred_n))
print(string.format("  (%d predictions inside gold mixed/indirect attributions set aside;" ..
  " precision with them counted wrong: %.3f)", aside, matched / math.max(pred_n, 1)))
print(string.format("  span (overlap)  P %.3f  R %.3f  F1 %.3f", f1(matched)))
print(string.format("  span (exact)    P %.3f  R %.3f  F1 %.3f", f1(exact)))
print(string.format("  speaker         %.3f of matched (%d/%d), %.3f of all gold with a source (%d)",
  speaker_ok / math.max(matched_with_speaker, 1), speaker_ok, matched_with_speaker,
  speaker_ok / math.max(with_speaker, 1), with_speaker))
print(string.format("  speed           %.0f KB/s (analysis and quotes, %.2f s)", bytes / 1024 /
  math.max(elapsed, 1e-9), elapsed))
