-- `lede report brief`: one article at a glance — its summary, who and what it names, who said
-- what, the dates it mentions, its figures and its keyphrases.
local extract = require "lede.report.extract"

local ENTITIES_SHOWN, QUANTITIES_SHOWN, KEYPHRASES_SHOWN = 10, 12, 10
local ENTITY_SECTIONS = { { "PER", "People" }, { "ORG", "Organisations" }, { "LOC", "Places" } }

local function plural(n, word) return string.format("%d %s%s", n, word, n == 1 and "" or "s") end

-- The article the brief is about: --id, else the best match of QUERY, else the latest.
local function chosen(ctx, opts, operands)
  if opts.id then
    local a = ctx:article(opts.id)
    if not a then error(string.format("no article with id '%s'", opts.id), 0) end
    return a
  end
  local query = table.concat(operands, " ")
  local hit = query:find("%S") and ctx:hits(query, 1)[1] or ctx:recent(nil, 1)[1] or ctx:hits(nil, 1)[1]
  if not hit then
    error(query:find("%S") and string.format("no article matches '%s'", query) or "no article", 0)
  end
  return ctx:article(hit)
end

local function number(v)
  if v == math.floor(v) and math.abs(v) < 1e15 then return string.format("%d", v) end
  return string.format("%.4g", v)
end

local function quantity_value(q)
  local v = number(q.value)
  if q.value_max then v = v .. "–" .. number(q.value_max) end
  if q.approx then v = q.approx:gsub("_", " ") .. " " .. v end
  return v
end

local function entities(d, article)
  local by_type = {}
  for _, e in ipairs(article:entity_list()) do
    local list = by_type[e.type] or {}
    by_type[e.type] = list
    if #list < ENTITIES_SHOWN then list[#list + 1] = { text = e.name, note = plural(e.count, "mention") } end
  end
  local s
  for _, kind in ipairs(ENTITY_SECTIONS) do
    if by_type[kind[1]] then
      s = s or d:section("People, organisations and places")
      s:heading(kind[2]):list(by_type[kind[1]])
    end
  end
end

-- The brief is about one article: its quotations and events need not cite it each time.
local function uncited(items)
  for _, item in ipairs(items) do
    item.article, item.date = nil, item.articles and item.date or nil
    if item.articles then item.articles = {} end
  end
  return items
end

local function quotations(d, article)
  local quotes = uncited(extract.quotes(article))
  if #quotes == 0 then return end
  local s = d:section("Quotations")
  local groups = extract.by_speaker(quotes)
  local attributed = 0
  for _, g in ipairs(groups) do
    s:heading(g.speaker):quotes(g.quotes)
    attributed = attributed + #g.quotes
  end
  if attributed < #quotes then
    local others = {}
    for _, q in ipairs(quotes) do if not q.speaker then others[#others + 1] = q end end
    s:heading("Unattributed"):quotes(others)
  end
end

local function timeline(d, article)
  local events = uncited(extract.merge_events(extract.events(article), 1))
  if #events > 0 then d:section("Timeline"):timeline(events) end
end

local function quantities(d, article)
  local rows = {}
  for _, q in ipairs(article:quantities()) do
    if #rows == QUANTITIES_SHOWN then break end
    rows[#rows + 1] = { q.text, quantity_value(q), q.unit or "" }
  end
  if #rows > 0 then d:section("Key figures"):table({ "as written", "value", "unit" }, rows) end
end

local function keyphrases(d, lede, article)
  local items = {}
  for i, k in ipairs(lede.keyphrases(article, KEYPHRASES_SHOWN)) do items[i] = k.text end
  if #items > 0 then d:section("Keyphrases"):list(items) end
end

return {
  summary = "one article: summary, people, quotations, dates, figures, keyphrases",
  usage = "brief [--id ID] [QUERY]",
  help = "The article with --id ID, else the best match of QUERY, else the latest article.",
  options = {
    { "id", "ID", "brief: the article with this id" },
  },
  run = function(ctx, opts, operands)
    local article = chosen(ctx, opts, operands)
    local d = ctx:document(article.title or article.id or "Untitled article")
    d:add_meta("date", article.date and article.date:sub(1, 10))
    d:add_meta("source", article.source)
    d:add_meta("by", article.authors and table.concat(article.authors, ", "))
    d:add_meta("id", article.id)
    local s = d:section("Summary")
    local sentences = {}
    for i, sent in ipairs(ctx.lede.summarize(article, { sentences = 3 })) do sentences[i] = sent.text end
    s:paragraph(table.concat(sentences, " "))
    if article.url then s:list { { text = article.url, url = article.url } } end
    entities(d, article)
    quotations(d, article)
    timeline(d, article)
    quantities(d, article)
    keyphrases(d, ctx.lede, article)
    return d
  end,
}
