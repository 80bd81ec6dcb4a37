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

-- A person's index values that are the same person across articles: an article that says
-- "Reagan" throughout is named "Reagan", one that says "Ronald Reagan" first is named so. The
-- surname joins the full name when one full name alone ends with it ("Baker" stays apart when
-- both "James Baker" and "Howard Baker" are in the index).
local function same_person(values, name)
  local lower = name:lower()
  local surname = lower:match("(%S+)$")
  local full_names, has_surname = {}, false
  for _, v in ipairs(values) do
    local value = v.value:lower()
    if value == surname then has_surname = v.value end
    if value:find(" ", 1, true) and value:sub(-#surname - 1) == " " .. surname then
      full_names[#full_names + 1] = v.value
    end
  end
  if #full_names ~= 1 then return { name } end
  if lower == surname then return { full_names[1], name } end
  if full_names[1]:lower() == lower and has_surname then return { name, has_surname } end
  return { name }
end

-- The entity NAME stands for: the person, org or place value equal to NAME (case aside), else
-- the most frequent one that holds NAME as whole words ("Holloway" finds "Margaret A.
-- Holloway"). Returns { name, values (the index values that are it; name is the first), field,
-- type, noun } or nil.
local function resolve(ctx, name)
  local wanted = name:lower():gsub("%s+", " ")
  local pattern = "%f[%w]" .. wanted:gsub("%p", "%%%0") .. "%f[%W]"
  local best, best_exact, best_values
  for _, f in ipairs(FIELDS) do
    local values = ctx:facet(f[1])
    for _, v in ipairs(values) do
      local value = v.value:lower()
      local exact = value == wanted
      if exact or value:find(pattern) then
        local better = not best or (exact and not best_exact)
          or (exact == best_exact and v.count > best.count)
        if better then
          best, best_exact, best_values = { name = v.value, field = f[1], type = f[2], noun = f[3],
            count = v.count }, exact, values
        end
      end
    end
  end
  if not best then return nil end
  best.values = best.type == "PER" and same_person(best_values, best.name) or { best.name }
  best.name = best.values[1]
  best.is = {}
  for _, v in ipairs(best.values) do best.is[v:lower()] = true end
  return best
end

-- The ways the articles write the entity ("Holloway", "the Secretary-General's" aside: names
-- only), most frequent first, and its mentions in each article.
local function aliases(articles, entity)
  local count, order = {}, {}
  for _, a in ipairs(articles) do
    for _, e in ipairs(a:entity_list()) do
      if entity.is[e.name:lower()] or entity.is[e.key] then
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
      if not entity.is[v.value:lower()] then items[#items + 1] = { v.value, v.count } end
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
  local quotes = {}
  for _, a in ipairs(articles) do
    for _, q in ipairs(extract.quotes(a)) do
      if q.speaker and entity.is[q.speaker:lower()] then
        q.speaker = entity.name -- "Reagan" and "Ronald Reagan" are one speaker here
        quotes[#quotes + 1] = q
      end
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
    local clauses = {}
    for i, v in ipairs(entity.values) do clauses[i] = clause(entity.field, v) end
    local query = #clauses == 1 and clauses[1] or "(" .. table.concat(clauses, " OR ") .. ")"
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
