-- `lede report quotes`: a quote sheet — who said what, with the cue, the date and the article,
-- grouped by speaker. The index's speaker field picks the articles; only those are analysed.
local extract = require "lede.report.extract"

local DEFAULT_ARTICLES, TOP_SPEAKERS = 40, 10

-- Speaker names for --speaker NAME as the index has them: the value equal to NAME (case
-- aside), else every value that contains NAME ("Holloway" finds "Margaret A. Holloway").
local function speaker_values(ctx, name, query)
  local wanted = name:lower()
  local exact, partial = {}, {}
  for _, v in ipairs(ctx:facet("speaker", query)) do
    local value = v.value:lower()
    if value == wanted then exact[#exact + 1] = v.value
    elseif value:find(wanted, 1, true) then partial[#partial + 1] = v.value end
  end
  return #exact > 0 and exact or partial
end

-- The query clause for any of these speakers: speaker:"A" OR speaker:"B".
local function speaker_clause(names)
  local parts = {}
  for i, n in ipairs(names) do parts[i] = 'speaker:"' .. n:gsub('"', " ") .. '"' end
  return "(" .. table.concat(parts, " OR ") .. ")"
end

local function plural(n, word) return string.format("%d %s%s", n, word, n == 1 and "" or "s") end

return {
  summary = "a quote sheet: quotations grouped by speaker, with cue, date and article",
  usage = "quotes [--speaker NAME] [--articles N] [QUERY]",
  help = "The articles that match QUERY (all when absent), the latest first without a QUERY;\n"
    .. "--speaker keeps one speaker (a part of the name will do: Holloway).",
  options = {
    { "speaker", "NAME", "quotes: only this speaker's quotations" },
    { "articles", "N", "quotes, timeline: read at most N articles (default " .. DEFAULT_ARTICLES .. ")" },
  },
  run = function(ctx, opts, operands)
    local query = table.concat(operands, " ")
    local has_query = query:find("%S") ~= nil
    local n = ctx:whole_number(opts, "articles", DEFAULT_ARTICLES)
    local title = "Quote sheet"
    local keep, names
    if opts.speaker then
      names = speaker_values(ctx, opts.speaker, query)
      title = "Quote sheet: " .. opts.speaker
      local wanted = {}
      for _, v in ipairs(names) do wanted[v:lower()] = true end
      keep = function(name) return wanted[name:lower()] end
    end
    local d = ctx:document(title)
    if has_query then d:add_meta("query", query) end

    local hits = {}
    if not names or #names > 0 then
      local q = names and ((has_query and "(" .. query .. ") " or "") .. speaker_clause(names)) or query
      hits = (has_query or names) and ctx:hits(q, n) or ctx:recent(nil, n)
    end
    local quotes = {}
    for _, hit in ipairs(hits) do
      for _, q in ipairs(extract.quotes(ctx:article(hit))) do quotes[#quotes + 1] = q end
    end
    extract.sort_quotes(quotes)
    local groups = extract.by_speaker(quotes, keep)
    local shown = 0
    for _, g in ipairs(groups) do shown = shown + #g.quotes end
    d:add_meta("found", plural(shown, "quotation") .. " by " .. plural(#groups, "speaker") .. " in "
      .. plural(#hits, "article"))

    if not opts.speaker then
      local top = {}
      for i, v in ipairs(ctx:facet("speaker", query, TOP_SPEAKERS)) do top[i] = { v.value, v.count } end
      if #top > 0 then d:section("Most quoted"):bar_chart("Articles quoting each speaker", top) end
    end
    if #groups == 0 then
      d:section("Quotations"):paragraph(opts.speaker and ("No quotation by " .. opts.speaker .. " was found.")
        or "No quotation was found.")
    end
    for _, g in ipairs(groups) do d:section(g.speaker):quotes(g.quotes) end
    return d
  end,
}
