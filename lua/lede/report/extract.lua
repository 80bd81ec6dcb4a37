-- lede.report.extract: an article's quotations and dated events the way reports show them, and
-- the merging of near-identical events across articles.
local index = require "lede.index"
local util = require "lede.report.format.util"

local M = {}

--- The sentence (of article:sentences(), as `sentences`) that holds byte `pos`, or nil.
function M.sentence_at(sentences, pos)
  local lo, hi = 1, #sentences
  while lo <= hi do
    local mid = (lo + hi) // 2
    local s = sentences[mid]
    if pos < s.start then hi = mid - 1
    elseif pos > s.stop then lo = mid + 1
    else return s end
  end
end

--- The article's quotations in text order: { {text, speaker, cue, kind, date, article, start}, ... },
-- `speaker` by name (lede.index.speaker_name: "Margaret A. Holloway" for "she"), `date` the
-- article's.
function M.quotes(article)
  local mentions = article:entities()
  local out = {}
  for _, q in ipairs(article:quotes()) do
    local speaker = index.speaker_name(q, mentions)
    out[#out + 1] = { text = util.one_line(q.text), speaker = speaker and util.one_line(speaker),
      cue = q.cue, kind = q.kind, date = article.date, article = article, start = q.start }
  end
  return out
end

--- Sorts quotations (of M.quotes) by the date of their article, then article id, then place.
function M.sort_quotes(quotes)
  table.sort(quotes, function(a, b)
    if (a.date or "") ~= (b.date or "") then return (a.date or "") < (b.date or "") end
    if a.article.id ~= b.article.id then return (a.article.id or "") < (b.article.id or "") end
    return a.start < b.start
  end)
  return quotes
end

--- The quotations grouped by speaker: { {speaker, quotes = {...}}, ... }, the most quoted first
-- (then by name); quotations without a speaker are left out. `keep(name)` may reject speakers.
-- A quotation a speaker already has (the same words, case and spacing aside: wire copy run
-- again) is not repeated: its article joins the first one's `also`.
function M.by_speaker(quotes, keep)
  local groups, order = {}, {}
  for _, q in ipairs(quotes) do
    local name = q.speaker
    if name and (not keep or keep(name)) then
      local key = name:lower()
      local g = groups[key]
      if not g then
        g = { speaker = name, quotes = {}, seen = {} }
        groups[key], order[#order + 1] = g, g
      end
      local words = q.text:lower():gsub("%s+", " ")
      local first = g.seen[words]
      if not first then
        g.seen[words] = q
        q.also = q.also or {}
        table.insert(g.quotes, q)
      elseif q.article and first.article ~= q.article then
        table.insert(first.also, q.article)
      end
    end
  end
  for _, g in ipairs(order) do g.seen = nil end
  table.sort(order, function(a, b)
    if #a.quotes ~= #b.quotes then return #a.quotes > #b.quotes end
    return a.speaker:lower() < b.speaker:lower()
  end)
  return order
end

-- A resolved calendar value: a year, month, week or day, with or without a time. Not
-- PRESENT_REF, durations (P3D) or sets.
local function is_calendar(value)
  return type(value) == "string" and value:match("^%d%d%d%d") ~= nil
end

--- The article's dated events: each DATE or TIME resolved to a calendar value, with the
-- sentence it is in: { {date, label, text, type, article, start}, ... } in text order.
function M.events(article)
  local sentences = article:sentences()
  local out = {}
  for _, d in ipairs(article:dates()) do
    if (d.type == "DATE" or d.type == "TIME") and not d.unresolved and is_calendar(d.value) then
      local s = M.sentence_at(sentences, d.start)
      out[#out + 1] = { date = d.value, label = util.one_line(d.text), type = d.type, article = article,
        start = d.start, text = util.one_line(s and s.text or d.text) }
    end
  end
  return out
end

-- The words of a sentence, lower-cased, as a set, and how many there are.
local function word_set(text)
  local set, n = {}, 0
  for w in text:lower():gmatch("[%w\128-\255]+") do
    if not set[w] then set[w], n = true, n + 1 end
  end
  return set, n
end

-- Jaccard similarity of two word sets.
local function overlap(a, na, b, nb)
  if na == 0 or nb == 0 then return 0 end
  local shared = 0
  for w in pairs(a) do
    if b[w] then shared = shared + 1 end
  end
  return shared / (na + nb - shared)
end

--- Events sorted by date (then article date, then place in the text) with near-identical ones
-- merged: the same resolved date and sentences sharing at least `similar` (0.5) of their words
-- (Jaccard). Each merged event keeps the first one's sentence and lists every article it came
-- from: { {date, label, text, articles = { article, ... }}, ... }.
function M.merge_events(events, similar)
  similar = similar or 0.5
  local sorted = {}
  for i, e in ipairs(events) do sorted[i] = e end
  table.sort(sorted, function(a, b)
    if a.date ~= b.date then return a.date < b.date end
    local da, db = a.article.date or "", b.article.date or ""
    if da ~= db then return da < db end
    if a.article.id ~= b.article.id then return (a.article.id or "") < (b.article.id or "") end
    return a.start < b.start
  end)
  local out, same_date = {}, {}
  for _, e in ipairs(sorted) do
    if out[#out] and out[#out].date ~= e.date then same_date = {} end
    local words, n = word_set(e.text)
    local merged
    for _, kept in ipairs(same_date) do
      if overlap(words, n, kept.words, kept.n) >= similar then
        merged = kept
        break
      end
    end
    if merged then
      local seen = false
      for _, a in ipairs(merged.event.articles) do seen = seen or a.id == e.article.id end
      if not seen then table.insert(merged.event.articles, e.article) end
    else
      local event = { date = e.date, label = e.label, text = e.text, articles = { e.article } }
      out[#out + 1] = event
      same_date[#same_date + 1] = { event = event, words = words, n = n }
    end
  end
  return out
end

--- A summary of the articles (lede.summarize with `opts`) as one paragraph of text, each
-- sentence without the dateline it may open with ("WASHINGTON (Wire) -"): in a summary of
-- several articles the place and the agency are noise. Returns nil when nothing was chosen.
function M.summary(articles, opts)
  local lede = require "lede"
  local lines = {}
  for _, s in ipairs(lede.summarize(articles, opts)) do
    local a = articles[s.article] or articles
    local dateline = a.dateline and a:dateline()
    local text = s.text
    if dateline and s.start <= dateline.stop and s.stop > dateline.stop then
      text = a.text:sub(dateline.stop + 1, s.stop)
    end
    lines[#lines + 1] = util.one_line(text):gsub("^%s+", "")
  end
  return #lines > 0 and table.concat(lines, " ") or nil
end

--- The `n` keyphrases of a list of headlines: { {text, note = "N×", count}, ... }. The titles go
-- into one text, a paragraph each, so that the phrase finder sees them all at the cost of one
-- analysis.
function M.headline_phrases(titles, n)
  if #titles == 0 then return {} end
  local lede = require "lede"
  local a = lede.article { text = table.concat(titles, "\n\n") }
  local out = {}
  for i, k in ipairs(lede.keyphrases(a, n)) do out[i] = { text = k.text, note = k.count .. "×", count = k.count } end
  a:close()
  return out
end

return M
