-- `lede report briefing`: the morning read over a period — its top stories (by size, sources
-- and recency), each with a summary that tells repeated wire copy once, its key people,
-- organisations and places, its most notable quotation and its articles; then the names and
-- headline phrases that rose most against the period before.
--
-- Stories come from lede.stories: the index's saved clustering (DIR/stories.state, written by
-- `lede cluster DIR --write`) when there is one, so that ids stay stable; else the articles of
-- the period and the one before are clustered on the spot. Only the articles of the stories
-- shown are analysed.
local corpus = require "lede.report.corpus"
local dates = require "lede.report.dates"
local extract = require "lede.report.extract"

local DEFAULT_DAYS, DEFAULT_STORIES = 7, 5
local READ_PER_STORY = 8      -- articles of a story analysed for its summary and quotation
local SUMMARY_SENTENCES = 3
local KEY_ENTITIES = 6
local ARTICLES_SHOWN = 12     -- a story's latest articles listed
local CANDIDATES = 40         -- stories weighed again by the cohesion of their headlines
local TEMPLATE_SHARE, TEMPLATE_FLOOR = 0.01, 10 -- headlines with a word that is no story's name
local RISING = 10
local HALF_LIFE_DAYS = 3      -- a story's weight halves for each 3 days since its last article
local ENTITY_FIELDS = { { "person", "person" }, { "org", "organisation" }, { "place", "place" } }

local function plural(n, word) return string.format("%d %s%s", n, word, n == 1 and "" or "s") end

-- The period [from, to] (ISO days) and the one of the same length to compare it with: --from/
-- --to when given, else the last --days days up to the latest dated article. The period to
-- compare with ends the day before, or, when no article is dated in it (a gap in the archive),
-- on the latest day before the period that has articles.
local function periods(ctx, days)
  local facet = ctx:facet("date")
  if #facet == 0 then return nil end
  table.sort(facet, function(a, b) return a.value < b.value end)
  local to = ctx.to and dates.last_day(ctx.to) or dates.day_number(facet[#facet].value)
  local from = ctx.from and dates.day_number(ctx.from) or to - days + 1
  local length = to - from + 1
  local before_end = from - 1
  local all = ctx.index:search("", { limit = 0, count = false, snippet = false, facets = { "date" },
    facet_limit = 1000000 }).facets.date or {}
  local latest_before
  for _, d in ipairs(all) do
    local day = dates.day_number(d.value)
    if day < from and (not latest_before or day > latest_before) then latest_before = day end
  end
  if latest_before and latest_before < before_end - length + 1 then before_end = latest_before end
  return { from = dates.iso(from), to = dates.iso(to), first = from, last = to },
    { from = dates.iso(before_end - length + 1), to = dates.iso(before_end) }
end

-- The clustering: the index's saved one, brought up to date with `docs` (in memory only), or a
-- new one of `docs`.
local function clustering(ctx, docs)
  local stories = ctx.lede.stories
  local state = ctx.index.dir and (ctx.index.dir .. "/stories.state")
  local f = state and io.open(state, "rb")
  local st
  if f then
    f:close()
    st = stories.load(state)
  else
    st = stories.new()
  end
  st:add(docs)
  return st
end

-- A story's weight in the period: its articles, more for each source beyond the first, halved
-- for every HALF_LIFE_DAYS between its last article and the period's end (the leaders are then
-- scaled by their cohesion).
local function weight(members, sources, last_day, period)
  local age = period.last - last_day
  return (#members + 1.5 * (sources - 1)) * 0.5 ^ (age / HALF_LIFE_DAYS)
end

-- The lower-case words of a headline, each once (letters only: tickers and figures aside).
local function title_words(title)
  local set = {}
  for w in (title or ""):lower():gmatch("%a%a%a+") do set[w] = true end
  return set
end

-- How much the story's headlines are about one thing of their own: of the words in at least
-- half of its members' headlines, the largest share of the index's headlines with that word
-- that are the story's. A running story's headlines repeat a name ("Odile", "Lindqvist") found
-- in few other headlines; the notices of one template ("RULE INDUSTRIES 2ND QTR NET", ...)
-- share only the template's words, which thousands of other headlines have: a word in more than
-- one headline in a hundred (or ten, in a small index) names no story.
local function cohesion(ix, entry, documents)
  local count = {}
  for _, hit in ipairs(entry.members) do
    for w in pairs(title_words(hit.title)) do count[w] = (count[w] or 0) + 1 end
  end
  local common = math.max(TEMPLATE_FLOOR, documents * TEMPLATE_SHARE)
  local best = 0
  for w, n in pairs(count) do
    if 2 * n >= #entry.members then
      local df = ix:search("title:" .. w, { limit = 0, snippet = false }).total
      if df > 0 and df <= common then best = math.max(best, math.min(1, n / df)) end
    end
  end
  return best > 0 and best or 1 / #entry.members
end

-- The stories with articles in the period, heaviest first: { {story, members (hits, latest
-- first), sources, weight} }.
local function ranked(ix, st, hits, period)
  local documents = ix:stats().documents
  local by_story, order = {}, {}
  for _, hit in ipairs(hits) do
    local story = st:story_of(hit.id)
    if story then
      local entry = by_story[story.id]
      if not entry then
        entry = { story = story, members = {}, source_seen = {}, sources = 0, last_day = period.first }
        by_story[story.id], order[#order + 1] = entry, entry
      end
      entry.members[#entry.members + 1] = hit
      if hit.source and not entry.source_seen[hit.source] then
        entry.source_seen[hit.source], entry.sources = true, entry.sources + 1
      end
      local day = hit.date and dates.day_number(hit.date)
      if day and day > entry.last_day then entry.last_day = day end
    end
  end
  for _, e in ipairs(order) do
    e.weight = weight(e.members, math.max(e.sources, 1), e.last_day, period)
    table.sort(e.members, function(a, b)
      if (a.date or "") ~= (b.date or "") then return (a.date or "") > (b.date or "") end
      return a.id < b.id
    end)
  end
  local function heaviest_first(a, b)
    if a.weight ~= b.weight then return a.weight > b.weight end
    return a.story.id < b.story.id
  end
  table.sort(order, heaviest_first)
  -- The leaders are weighed again by their cohesion, squared (a few index lookups each): a
  -- template of 72 notices whose best word is one headline in seven falls behind a story of
  -- four articles that has its name to itself.
  local leaders = {}
  for i = 1, math.min(#order, CANDIDATES) do
    order[i].weight = order[i].weight * cohesion(ix, order[i], documents) ^ 2
    leaders[i] = order[i]
  end
  table.sort(leaders, heaviest_first)
  for i, e in ipairs(leaders) do order[i] = e end
  return order
end

-- The members worth reading: one of each duplicate group (its earliest), the latest first; and
-- how many members were left out as copies.
local function distinct(entry)
  local later_copy = {}
  for _, group in ipairs(entry.story.duplicates or {}) do
    for k = 2, #group.articles do later_copy[group.articles[k]] = true end
  end
  local out = {}
  for _, hit in ipairs(entry.members) do
    if not later_copy[hit.id] then out[#out + 1] = hit end
  end
  return out, #entry.members - #out
end

-- The people, organisations and places most of the story's articles name.
local function key_entities(members)
  local count, order = {}, {}
  for _, hit in ipairs(members) do
    local seen = {} -- a name may be in two fields ("European Union": org and place)
    for _, f in ipairs(ENTITY_FIELDS) do
      local values = hit[f[1]]
      if type(values) == "string" then values = { values } end
      for _, v in ipairs(values or {}) do
        if not seen[v] then
          seen[v] = true
          if not count[v] then order[#order + 1] = v end
          count[v] = (count[v] or 0) + 1
        end
      end
    end
  end
  table.sort(order, function(a, b)
    if count[a] ~= count[b] then return count[a] > count[b] end
    return a < b
  end)
  local items = {}
  for i = 1, math.min(KEY_ENTITIES, #order) do
    items[i] = { text = order[i], note = plural(count[order[i]], "article") }
  end
  return items
end

-- The quotation a reader should see: a direct one, by a named speaker who is quoted often in
-- the story, neither a fragment nor a speech (10 to 45 words), and the more articles carry it
-- the better.
local function notable_quote(quotes)
  local by_speaker = {}
  for _, g in ipairs(extract.by_speaker(quotes)) do by_speaker[g.speaker] = #g.quotes end
  local best, best_score
  for _, q in ipairs(quotes) do
    if q.speaker and q.kind ~= "indirect" then
      local words = select(2, q.text:gsub("%S+", ""))
      local score = (q.kind == "direct" and 2 or 0) + (by_speaker[q.speaker] or 0)
        + #(q.also or {}) + ((words >= 10 and words <= 45) and 3 or 0)
      if not best or score > best_score then best, best_score = q, score end
    end
  end
  return best
end

local headline = require("lede.stories").headline

-- Is the headline written in capitals only (a wire's flash)?
local function shouting(title) return title ~= nil and not title:find("%l") end

-- The story's headline: its most representative one when that article is in the period and
-- not in capitals, else the latest of the period's that is not.
local function label(entry)
  for _, hit in ipairs(entry.members) do
    if hit.id == entry.story.label_id and not shouting(hit.title) then return headline(hit.title) end
  end
  for _, hit in ipairs(entry.members) do
    if hit.title and not shouting(hit.title) then return headline(hit.title) end
  end
  return headline(entry.members[1].title) or entry.story.id
end

local function story_section(d, ctx, entry)
  local story = entry.story
  local members = entry.members
  local s = d:section(label(entry))
  local first_date = members[#members].date and members[#members].date:sub(1, 10)
  local last_date = members[1].date and members[1].date:sub(1, 10)
  local sources = {}
  for name in pairs(entry.source_seen) do sources[#sources + 1] = name end
  table.sort(sources)
  local rows = { { "articles", tostring(#members) }, { "sources", table.concat(sources, ", ") } }
  if first_date then
    rows[#rows + 1] = { "dates", first_date == last_date and first_date or (first_date .. " to " .. last_date) }
  end
  local readable, copies = distinct(entry)
  if copies > 0 then rows[#rows + 1] = { "repeats", plural(copies, "article") .. " told once" } end
  rows[#rows + 1] = { "story", story.id }
  s:fields(rows)

  local articles = {}
  for i = 1, math.min(READ_PER_STORY, #readable) do articles[i] = ctx:article(readable[i]) end
  local summary = extract.summary(articles, { sentences = SUMMARY_SENTENCES })
  if summary then s:paragraph(summary) end
  local entities = key_entities(members)
  if #entities > 0 then s:heading("Key names"):list(entities) end
  local quotes = {}
  for _, a in ipairs(articles) do
    for _, q in ipairs(extract.quotes(a)) do quotes[#quotes + 1] = q end
  end
  extract.sort_quotes(quotes)
  local quote = notable_quote(quotes)
  if quote then s:heading("Notable quotation"):quotes { quote } end
  local shown = {}
  for i = 1, math.min(ARTICLES_SHOWN, #members) do shown[i] = members[i] end
  s:heading("Articles"):articles(shown)
  if #members > #shown then
    s:paragraph(string.format("… and %s before them.", plural(#members - #shown, "more article")))
  end
end

-- How far `now` stands above what the previous period's count predicts for a period of this
-- size, in units of the predicted count's spread (a rough Poisson z-score).
local function rise(now, before, scale)
  local expected = before * scale
  return (now - expected) / math.sqrt(expected + 1)
end

local function top_rising(items)
  table.sort(items, function(a, b)
    if a.score ~= b.score then return a.score > b.score end
    return a.name < b.name
  end)
  for i = #items, RISING + 1, -1 do items[i] = nil end
  return items
end

-- Names counted in more articles than the period before predicts.
local function rising_entities(now_ctx, before_ctx, scale)
  local items = {}
  for _, f in ipairs(ENTITY_FIELDS) do
    local before = {}
    for _, v in ipairs(before_ctx:facet(f[1])) do before[v.value] = v.count end
    for _, v in ipairs(now_ctx:facet(f[1])) do
      local prev = before[v.value] or 0
      local score = rise(v.count, prev, scale)
      if v.count >= 2 and v.count > prev and score > 0 then
        items[#items + 1] = { name = v.value, kind = f[2], now = v.count, before = prev, score = score }
      end
    end
  end
  return top_rising(items)
end

-- Headline phrases of the period, counted in the headlines before.
local function rising_phrases(now_hits, before_hits, scale)
  local titles, before_titles = {}, {}
  for _, h in ipairs(now_hits) do titles[#titles + 1] = h.title end
  for _, h in ipairs(before_hits) do before_titles[#before_titles + 1] = (h.title or ""):lower() end
  local items = {}
  for _, p in ipairs(extract.headline_phrases(titles, 3 * RISING)) do
    local needle, prev = p.text:lower(), 0
    for _, t in ipairs(before_titles) do
      if t:find(needle, 1, true) then prev = prev + 1 end
    end
    local score = rise(p.count, prev, scale)
    if p.count >= 2 and p.count > prev and score > 0 then
      items[#items + 1] = { name = p.text, now = p.count, before = prev, score = score }
    end
  end
  return top_rising(items)
end

local function rising_section(d, now_ctx, before_ctx, now_hits, before)
  local s = d:section("Rising against the previous period")
  if #before.hits == 0 then
    s:paragraph(string.format("No article in the previous period (%s to %s) to compare with.",
      before.period.from, before.period.to))
    return
  end
  local scale = #now_hits / #before.hits
  s:paragraph(string.format("Against %s from %s to %s; counts are articles (headlines for phrases).",
    plural(#before.hits, "article"), before.period.from, before.period.to))
  local names = rising_entities(now_ctx, before_ctx, scale)
  if #names > 0 then
    local bars, rows = {}, {}
    for i, e in ipairs(names) do
      bars[i] = { e.name, e.now }
      rows[i] = { e.name, e.kind, e.now, e.before }
    end
    s:bar_chart("Names rising most (articles this period)", bars)
    s:table({ "name", "type", "this period", "before" }, rows)
  end
  local phrases = rising_phrases(now_hits, before.hits, scale)
  if #phrases > 0 then
    local rows = {}
    for i, p in ipairs(phrases) do rows[i] = { p.name, p.now, p.before } end
    s:heading("Headline phrases rising most"):table({ "phrase", "this period", "before" }, rows)
  end
  if #names == 0 and #phrases == 0 then s:paragraph("Nothing rose markedly.") end
end

return {
  summary = "the top stories of a period, with summaries, names, quotations, and what is rising",
  usage = "briefing [--days N] [--stories N]",
  help = "The period is --from/--to, else the last N days (--days, default " .. DEFAULT_DAYS .. ") up to\n"
    .. "the latest dated article; stories are ranked by articles, sources and recency. With a\n"
    .. "saved clustering (lede cluster DIR --write) the story ids are the saved ones.",
  options = {
    { "days", "N", "briefing: the last N days when --from/--to are not given (default " .. DEFAULT_DAYS .. ")" },
    { "stories", "N", "briefing: show the top N stories (default " .. DEFAULT_STORIES .. ")" },
  },
  run = function(ctx, opts)
    local days = ctx:whole_number(opts, "days", DEFAULT_DAYS)
    local top = ctx:whole_number(opts, "stories", DEFAULT_STORIES)
    local period, previous = periods(ctx, days)
    if not period then
      local d = ctx:document("Briefing")
      d:section("Stories"):paragraph("No dated article in the index: a briefing covers a period.")
      return d
    end
    local now_ctx = corpus.new(ctx.index, { from = period.from, to = period.to, report = ctx.report })
    now_ctx.providers, now_ctx._articles = ctx.providers, ctx._articles
    local before_ctx = corpus.new(ctx.index, { from = previous.from, to = previous.to })
    local now_hits = now_ctx:search(nil, { limit = now_ctx:size(), count = false }).hits
    local before_hits = before_ctx:search(nil, { limit = before_ctx:size(), count = false }).hits

    local d = now_ctx:document("Briefing, " .. period.from .. " to " .. period.to)
    local all = {}
    for _, h in ipairs(before_hits) do all[#all + 1] = h end
    for _, h in ipairs(now_hits) do all[#all + 1] = h end
    local stories = ranked(ctx.index, clustering(ctx, all), now_hits, period)
    d:add_meta("articles", tostring(#now_hits))
    d:add_meta("stories", tostring(#stories))

    if #stories == 0 then
      d:section("Top stories"):paragraph("No article in this period.")
    else
      local sizes = {}
      for i = 1, math.min(top, #stories) do
        local e = stories[i]
        sizes[i] = { label(e), #e.members }
      end
      d:section("Top stories"):bar_chart("Articles per story", sizes)
      for i = 1, math.min(top, #stories) do story_section(d, now_ctx, stories[i]) end
    end
    rising_section(d, now_ctx, before_ctx, now_hits, { hits = before_hits, period = previous })
    return d
  end,
}
