-- lede.report.doc: a report as plain data, filled by a report script and written by the
-- renderers (lede.report.render: text, md, json, html).
--
-- A document is { schema = "lede.report", version = 1, report, title, meta = { {key, value} },
-- sections = { {title, blocks = { block, ... }} } }; every block is a table with a `type` and
-- the fields docs/REPORTS.md lists. Builders check what they are given, so that a renderer
-- never meets a malformed block, and return their section so that calls chain. Text is kept as
-- it came from the articles: escaping is the renderers' job, never the builders'.
local M = { SCHEMA = "lede.report", VERSION = 1 }

local Doc, Section = {}, {}
Doc.__index, Section.__index = Doc, Section

local function fail(fmt, ...) error("lede.report: " .. string.format(fmt, ...), 3) end

local function text_of(value, what)
  if type(value) == "number" then return tostring(value) end
  if type(value) ~= "string" then fail("%s must be a string, got %s", what, type(value)) end
  return value
end

local function optional_text(value, what)
  if value == nil then return nil end
  return text_of(value, what)
end

local function number_of(value, what)
  if type(value) ~= "number" then fail("%s must be a number, got %s", what, type(value)) end
  return value
end

local function list_of(value, what)
  if type(value) ~= "table" then fail("%s must be a list, got %s", what, type(value)) end
  return value
end

--- An article as reports cite it: { id, title, date, source, url }, from a lede.article, a
-- search hit or the stored fields of ix:get(); nil for nil.
function M.ref(article)
  if article == nil then return nil end
  if type(article) ~= "table" then fail("an article reference must be a table, got %s", type(article)) end
  return {
    id = optional_text(article.id, "article id"),
    title = optional_text(article.title, "article title"),
    date = optional_text(article.date, "article date"),
    source = optional_text(article.source, "article source"),
    url = optional_text(article.url, "article url"),
  }
end

--- A new document: `report` names the report that made it ("brief", or a script's name).
function M.new(report, title)
  return setmetatable({ schema = M.SCHEMA, version = M.VERSION, report = text_of(report, "report"),
    title = text_of(title, "title"), meta = {}, sections = {} }, Doc)
end

--- Adds an entry to the meta line under the title (date, source, period…); a nil value is skipped.
function Doc:add_meta(key, value)
  if value ~= nil then
    self.meta[#self.meta + 1] = { key = text_of(key, "meta key"), value = text_of(value, "meta value") }
  end
  return self
end

--- Opens a new section at the end of the document and returns it.
function Doc:section(title)
  local s = setmetatable({ title = text_of(title, "section title"), blocks = {} }, Section)
  self.sections[#self.sections + 1] = s
  return s
end

function Section:add(block)
  self.blocks[#self.blocks + 1] = block
  return self
end

--- A heading inside the section.
function Section:heading(text)
  return self:add { type = "heading", text = text_of(text, "heading") }
end

function Section:paragraph(text)
  return self:add { type = "paragraph", text = text_of(text, "paragraph") }
end

--- A bullet list; each item a string or { text, note?, url? } (note: a short gloss after the text;
-- url: where the text links to, kept only if it is http or https when rendered).
function Section:list(items)
  local out = {}
  for i, item in ipairs(list_of(items, "list items")) do
    if type(item) ~= "table" then item = { text = item } end
    out[i] = { text = text_of(item.text, "list item"), note = optional_text(item.note, "list note"),
      url = optional_text(item.url, "list url") }
  end
  return self:add { type = "list", items = out }
end

--- Key/value rows: { {key, value}, ... } (or { key =, value = }).
function Section:fields(rows)
  local out = {}
  for i, row in ipairs(list_of(rows, "fields")) do
    out[i] = { key = text_of(row.key or row[1], "field key"), value = text_of(row.value or row[2], "field value") }
  end
  return self:add { type = "fields", rows = out }
end

--- A table: columns = { "name", ... }, rows = { { cell, ... }, ... } (cells strings or numbers).
function Section:table(columns, rows)
  local cols, out = {}, {}
  for i, c in ipairs(list_of(columns, "columns")) do cols[i] = text_of(c, "column") end
  for r, row in ipairs(list_of(rows, "rows")) do
    out[r] = {}
    for c = 1, #cols do out[r][c] = text_of(row[c] == nil and "" or row[c], "cell") end
  end
  return self:add { type = "table", columns = cols, rows = out }
end

local function refs(list)
  local out = {}
  for i, a in ipairs(list or {}) do out[i] = M.ref(a) end
  return out
end

--- Quotations: { {text, speaker?, cue?, kind?, date?, article?, also?}, ... }; `article` the
-- article (see M.ref) the quotation comes from, `also` other articles that carry it too.
function Section:quotes(items)
  local out = {}
  for i, q in ipairs(list_of(items, "quotes")) do
    out[i] = { text = text_of(q.text, "quote text"), speaker = optional_text(q.speaker, "speaker"),
      cue = optional_text(q.cue, "cue"), kind = optional_text(q.kind, "quote kind"),
      date = optional_text(q.date, "quote date"), article = M.ref(q.article), also = refs(q.also) }
  end
  return self:add { type = "quotes", items = out }
end

--- Dated events in order: { {date, text, label?, articles = { article, ... }?}, ... }; `date`
-- the resolved ISO value ("2026-02-12", "2026-02", "2026-02-12T10:00"), `label` how the text
-- said it ("Thursday"), `text` the sentence.
function Section:timeline(items)
  local out = {}
  for i, e in ipairs(list_of(items, "timeline")) do
    out[i] = { date = text_of(e.date, "event date"), text = text_of(e.text, "event text"),
      label = optional_text(e.label, "event label"), articles = refs(e.articles) }
  end
  return self:add { type = "timeline", items = out }
end

local function labelled(items, what)
  local out = {}
  for i, item in ipairs(list_of(items, what)) do
    out[i] = { label = text_of(item.label or item[1], what .. " label"),
      value = number_of(item.value or item[2], what .. " value") }
  end
  return out
end

--- A horizontal bar chart: items = { {label, value}, ... } in the order to draw.
function Section:bar_chart(title, items)
  return self:add { type = "bar_chart", title = text_of(title, "chart title"), items = labelled(items, "bar") }
end

--- Counts over time: points = { {date, value}, ... } in date order; unit "day", "week" or "month".
function Section:time_series(title, points, unit)
  local out = {}
  for i, p in ipairs(list_of(points, "points")) do
    out[i] = { date = text_of(p.date or p[1], "point date"), value = number_of(p.value or p[2], "point value") }
  end
  return self:add { type = "time_series", title = text_of(title, "chart title"), unit = unit or "day", points = out }
end

--- What appears with `center`: items = { {label, value}, ... }, value the number of articles (or
-- sentences) the two share, strongest first.
function Section:cooccurrence(title, center, items)
  return self:add { type = "cooccurrence", title = text_of(title, "chart title"),
    center = text_of(center, "center"), items = labelled(items, "co-occurrence") }
end

--- A list of articles (see M.ref), each shown with its date and source and linked to its url.
function Section:articles(list)
  return self:add { type = "articles", items = refs(list_of(list, "articles")) }
end

--- Is `value` a document made by M.new?
function M.is_document(value)
  return getmetatable(value) == Doc
end

return M
