-- `lede report dossier ENTITY`: everything the corpus says about one person, organisation or
-- place — the names it goes by, its mentions over time, who and what it appears with, what it
-- said, a summary of the coverage focused on it, and its articles. The index's person, org,
-- place and speaker fields find the entity and count; only the articles shown are analysed.
local dates = require "lede.report.dates"
local extract = require "lede.report.extract"

local DEFAULT_ARTICLES, COMPANIONS, SUMMARY_SENTENCES = 25, 15, 5
local FIELDS = { { "person", "PER", "person" }, { "org", "ORG", "organisation" },
  { "place", "LOC", "place" } }

local function plural(n, word) return string.format("%d %s%s", n, word, n == 1 and "" or "s") end

-- The query clause for a keyword field's value.
local function clause(field, value) return field .. ':"' .. value:gsub('"', " ") .. '"' end

-- The entity NAME stands for: the person, org or place value equal to NAME (case aside), else
-- the most frequent one that holds NAME as whole words ("Holloway" finds "Margaret A.
-- Holloway"). Returns { name, field, type, noun, count } or nil.
local function resolve(ctx, name)
  local wanted = name:lower():gsub("%s+", " ")
  local pattern = "%f[%w]" .. wanted:gsub("%p", "%%%0") .. "%f[%W]"
  local best, best_exact
  for _, f in ipairs(FIELDS) do
    for _, v in ipairs(ctx:facet(f[1])) do
      local value = v.value:lower()
      local exact = value == wanted
      if exact or value:find(pattern) then
        local better = not best or (exact and not best_exact)
          or (exact == best_exact and v.count > best.count)
        if better then
          best, best_exact = { name = v.value, field = f[1], type = f[2], noun = f[3], count = v.count }, exact
        end
      end
    end
  end
  return best
end

-- The ways the articles write the entity ("Holloway", "the Secretary-General's" aside: names
-- only), most frequent first, and its mentions in each article.
local function aliases(articles, entity)
  local key, count, order = entity.name:lower(), {}, {}
  for _, a in ipairs(articles) do
    for _, e in ipairs(a:entity_list()) do
      if e.name:lower() == key or e.key == key then
        for _, m in ipairs(e.mentions) do
          local form = a.text:sub(m.start, m.stop):gsub("%s+", " "):gsub("['’]s$", "")
          if not count[form] then order[#order + 1] = form end
          count[form] = (count[form] or 0) + 1
        end
      end
    end
  end
  table.sort(order, function(x, y)
    if count[x] ~= count[y] then return count[x] > count[y] end
    return x < y
  end)
  local items = {}
  for i, form in ipairs(order) do items[i] = { text = form, note = plural(count[form], "mention") } end
  return items
end

-- The people, organisations and places named in the entity's articles, by articles shared.
local function companions(ctx, entity, query)
  local items = {}
  for _, f in ipairs(FIELDS) do
    for _, v in ipairs(ctx:facet(f[1], query, COMPANIONS + 1)) do
      if v.value:lower() ~= entity.name:lower() then items[#items + 1] = { v.value, v.count } end
    end
  end
  table.sort(items, function(a, b)
    if a[2] ~= b[2] then return a[2] > b[2] end
    return a[1] < b[1]
  end)
  for i = #items, COMPANIONS + 1, -1 do items[i] = nil end
  return items
end

-- The entity's own quotations in these articles (its speaker value, case aside).
local function quotations(articles, entity)
  local key, quotes = entity.name:lower(), {}
  for _, a in ipairs(articles) do
    for _, q in ipairs(extract.quotes(a)) do
      if q.speaker and q.speaker:lower() == key then quotes[#quotes + 1] = q end
    end
  end
  extract.sort_quotes(quotes)
  local groups = extract.by_speaker(quotes)
  return groups[1] and groups[1].quotes or {}
end

return {
  summary = "one person, organisation or place: names, mentions over time, companions, quotes, summary",
  usage = "dossier [--articles N] ENTITY",
  help = "ENTITY as the index names it, or a part of it in whole words (Holloway); the most\n"
    .. "frequent match wins. Its latest N articles are read for the names, quotes and summary.",
  options = {
    { "articles", "N", "dossier: read at most N of the entity's articles (default " .. DEFAULT_ARTICLES .. ")" },
  },
  run = function(ctx, opts, operands)
    local name = table.concat(operands, " ")
    if not name:find("%S") then error("dossier: name an entity (lede report dossier NAME INPUT…)", 0) end
    local n = ctx:whole_number(opts, "articles", DEFAULT_ARTICLES)
    local entity = resolve(ctx, name)
    if not entity then
      error(string.format("dossier: no person, organisation or place named '%s' in the index", name), 0)
    end
    local query = clause(entity.field, entity.name)
    local total = ctx:count(query)
    local hits = ctx:recent(query, n)
    if #hits == 0 then hits = ctx:hits(query, n) end -- undated articles only
    local articles = {}
    for i, hit in ipairs(hits) do articles[i] = ctx:article(hit) end

    local d = ctx:document(entity.name)
    d:add_meta("type", entity.noun)
    d:add_meta("articles", tostring(total))
    local days = ctx:facet("date", query)
    table.sort(days, function(a, b) return a.value < b.value end)
    if #days > 0 then d:add_meta("covers", days[1].value .. " to " .. days[#days].value) end

    local names = aliases(articles, entity)
    if #names > 0 then d:section("Names"):list(names) end
    local points, unit = dates.over_time(days)
    if points then
      d:section("Mentions over time"):time_series("Articles naming " .. entity.name .. " per " .. unit,
        points, unit)
    end
    local with = companions(ctx, entity, query)
    if #with > 0 then
      d:section("Appears with"):cooccurrence("Articles shared with " .. entity.name, entity.name, with)
    end
    local quotes = quotations(articles, entity)
    if #quotes > 0 then d:section("Quotations"):quotes(quotes) end
    local summary = extract.summary(articles, { query = entity.name, sentences = SUMMARY_SENTENCES })
    if summary then d:section("Summary"):paragraph(summary) end
    local refs = {}
    for i, a in ipairs(articles) do refs[i] = a end
    d:section(#articles < total and string.format("Latest %d of %d articles", #articles, total)
      or "Articles"):articles(refs)
    return d
  end,
}
