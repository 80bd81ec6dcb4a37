-- `lede report timeline`: the dated events the articles mention, in date order. Each DATE or
-- TIME is resolved against its article's date; the same event told by several articles (the
-- same date, much the same sentence) is shown once, with every article that tells it.
local extract = require "lede.report.extract"

local DEFAULT_ARTICLES = 40

local function plural(n, word) return string.format("%d %s%s", n, word, n == 1 and "" or "s") end

return {
  summary = "dated events across articles, in date order, near-identical ones merged",
  usage = "timeline [--articles N] [QUERY]",
  help = "The N best matches of QUERY, or without a QUERY the N latest articles.",
  options = {
    { "articles", "N", "quotes, timeline: read at most N articles (default " .. DEFAULT_ARTICLES .. ")" },
  },
  run = function(ctx, opts, operands)
    local query = table.concat(operands, " ")
    local n = ctx:whole_number(opts, "articles", DEFAULT_ARTICLES)
    local hits = query:find("%S") and ctx:hits(query, n) or ctx:recent(nil, n)
    local events = {}
    for _, hit in ipairs(hits) do
      for _, e in ipairs(extract.events(ctx:article(hit))) do events[#events + 1] = e end
    end
    local merged = extract.merge_events(events)
    local d = ctx:document(query:find("%S") and ("Timeline: " .. query) or "Timeline")
    d:add_meta("events", plural(#merged, "event") .. " from " .. plural(#hits, "article"))
    local s = d:section("Events")
    if #merged == 0 then
      s:paragraph("No dated event was found.")
    else
      s:timeline(merged)
    end
    return d
  end,
}
