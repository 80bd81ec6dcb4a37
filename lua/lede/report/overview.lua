-- `lede report overview`: what a corpus holds — counts, sources, the dates it covers, articles
-- over time, the most named people, organisations and places, the most quoted speakers and the
-- phrases of its headlines. Counts come from the index's facets; only the stored titles and
-- texts are read (for the words and the phrases), no article is analysed in full.
local dates = require "lede.report.dates"
local extract = require "lede.report.extract"

local TOP = 10
local PHRASES = 15
local ENTITY_CHARTS = { { "person", "People" }, { "org", "Organisations" }, { "place", "Places" } }

local thousands = require("lede.cli.util").thousands

-- The most frequent values of a keyword field, as chart items.
local function top_values(ctx, field, query)
  local items = {}
  for i, v in ipairs(ctx:facet(field, query, TOP)) do items[i] = { v.value, v.count } end
  return items
end

return {
  summary = "counts, sources, dates covered, articles over time, top entities and phrases",
  usage = "overview [QUERY]",
  help = "Over the articles that match QUERY (all when absent) in the --from/--to range.\n"
    .. "The near-duplicate rate counts exact and near copies of an earlier article's text\n"
    .. "(lede.dedup; a script may replace require('lede.report').providers.duplicates).",
  options = {},
  run = function(ctx, _, operands)
    local query = table.concat(operands, " ")
    local all = ctx:search(query, { limit = ctx:size(), count = true })
    local words, titles = 0, {}
    for _, hit in ipairs(all.hits) do
      words = words + select(2, (hit.text or ""):gsub("%S+", ""))
      if hit.title then titles[#titles + 1] = hit.title end
    end
    local days = ctx:facet("date", query)
    table.sort(days, function(a, b) return a.value < b.value end)
    local dated = 0
    for _, d in ipairs(days) do dated = dated + d.count end
    local sources = ctx:facet("source", query)

    local d = ctx:document(query:find("%S") and ("Overview: " .. query) or "Overview")
    if #days > 0 then d:add_meta("covers", days[1].value .. " to " .. days[#days].value) end
    local rows = {
      { "articles", thousands(all.total) },
      { "words", thousands(words) },
      { "sources", thousands(#sources) },
    }
    if #days > 0 then
      rows[#rows + 1] = { "first day", days[1].value }
      rows[#rows + 1] = { "last day", days[#days].value }
      rows[#rows + 1] = { "days with articles", thousands(#days) }
    end
    if dated < all.total then rows[#rows + 1] = { "undated articles", thousands(all.total - dated) } end
    -- The hook for near-duplicate detection: a provider registered by the module that finds
    -- them gives the number; without one no figure is shown, rather than a made-up one.
    local duplicates = ctx.providers and ctx.providers.duplicates
    if duplicates then
      local found = duplicates(ctx, all.hits)
      local share = all.total > 0 and found.duplicates / all.total * 100 or 0
      rows[#rows + 1] = { "near-duplicates", string.format("%s (%.1f%%) in %s groups",
        thousands(found.duplicates), share, thousands(found.groups)) }
    end
    d:section("Counts"):fields(rows)

    local points, unit = dates.over_time(days)
    if points then d:section("Articles over time"):time_series("Articles per " .. unit, points, unit) end
    if #sources > 0 then
      local items = {}
      for i = 1, math.min(TOP, #sources) do items[i] = { sources[i].value, sources[i].count } end
      d:section("Sources"):bar_chart("Articles per source", items)
    end
    local s = d:section("Most named")
    local charts = 0
    for _, c in ipairs(ENTITY_CHARTS) do
      local items = top_values(ctx, c[1], query)
      if #items > 0 then
        s:bar_chart(c[2] .. " (articles naming them)", items)
        charts = charts + 1
      end
    end
    if charts == 0 then s:paragraph("No entity in the index (it was built with --no-extract).") end
    local speakers = top_values(ctx, "speaker", query)
    if #speakers > 0 then d:section("Most quoted"):bar_chart("Articles quoting each speaker", speakers) end
    local phrases = extract.headline_phrases(titles, PHRASES)
    if #phrases > 0 then d:section("Headline phrases"):list(phrases) end
    return d
  end,
}
