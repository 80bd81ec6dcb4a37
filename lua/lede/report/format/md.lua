-- A report as Markdown (CommonMark, with GitHub's tables). Article text is escaped so that it
-- stays text: every ASCII punctuation mark that Markdown gives a meaning to is preceded by a
-- backslash (CommonMark lets any ASCII punctuation be escaped so), which disarms emphasis and
-- strikethrough (* _ ~), code (`), links and images ([ ]), raw HTML and autolinks (< >),
-- entities (&) and table cells (|); at the start of the text, block markers (# > - + = and "1.")
-- are escaped too. Text is put on one line first, so that no line of article text can start a
-- block of its own. Links are made only to http and https URLs.
local util = require "lede.report.format.util"

local M = {}

local SPECIAL = "[\\`*_%[%]<>|~&]"

local one_line = util.one_line

--- Article text as Markdown text that renders as itself.
function M.escape(s)
  s = one_line(s):gsub(SPECIAL, "\\%0"):gsub("^[#>+=-]", "\\%0")
  -- "1. text" or "1) text" at the start would open an ordered list.
  return (s:gsub("^(%d+)([.)])", "%1\\%2"))
end

--- A URL fit for a link destination, or nil: http or https only (util.http_url), and nothing
-- that could end the destination early (< > and backslash); ( ) are percent-encoded.
function M.safe_url(url)
  if not util.http_url(url) or url:find("[<>\\]") then return nil end
  return (url:gsub("%(", "%%28"):gsub("%)", "%%29"))
end

local esc = M.escape

-- [text](url) for a safe url, else the text (and the unsafe url, as text).
local function link(text, url)
  local safe = M.safe_url(url)
  if safe then return "[" .. esc(text) .. "](<" .. safe .. ">)" end
  if url then return esc(text) .. " (" .. esc(url) .. ")" end
  return esc(text)
end

local function ref(a)
  local parts = { link(a.title or a.id or "untitled", a.url) }
  if a.date then parts[#parts + 1] = esc(a.date:sub(1, 10)) end
  if a.source then parts[#parts + 1] = esc(a.source) end
  if a.id and a.title then parts[#parts + 1] = "`" .. a.id:gsub("`", "'"):gsub("[%c]", " ") .. "`" end
  return table.concat(parts, " · ")
end

local function number(v)
  return v == math.floor(v) and string.format("%d", v) or string.format("%.2f", v)
end

local blocks = {}

function blocks.heading(out, b) out[#out + 1] = "### " .. esc(b.text) end
function blocks.paragraph(out, b) out[#out + 1] = esc(b.text) end

function blocks.list(out, b)
  local lines = {}
  for i, item in ipairs(b.items) do
    lines[i] = "- " .. link(item.text, item.url) .. (item.note and (" — " .. esc(item.note)) or "")
  end
  out[#out + 1] = table.concat(lines, "\n")
end

local function md_table(columns, rows)
  local lines = { "| " .. table.concat(columns, " | ") .. " |" }
  local rule = {}
  for i = 1, #columns do rule[i] = "---" end
  lines[2] = "| " .. table.concat(rule, " | ") .. " |"
  for _, row in ipairs(rows) do lines[#lines + 1] = "| " .. table.concat(row, " | ") .. " |" end
  return table.concat(lines, "\n")
end

local function escaped_row(cells)
  local out = {}
  for i, c in ipairs(cells) do out[i] = esc(c) end
  return out
end

function blocks.fields(out, b)
  local rows = {}
  for i, row in ipairs(b.rows) do rows[i] = { "**" .. esc(row.key) .. "**", esc(row.value) } end
  out[#out + 1] = md_table({ "", "" }, rows)
end

function blocks.table(out, b)
  local rows = {}
  for i, row in ipairs(b.rows) do rows[i] = escaped_row(row) end
  out[#out + 1] = md_table(escaped_row(b.columns), rows)
end

function blocks.quotes(out, b)
  for _, q in ipairs(b.items) do
    local by = {}
    if q.speaker then by[#by + 1] = "**" .. esc(q.speaker) .. "**" .. (q.cue and (" (" .. esc(q.cue) .. ")") or "") end
    if q.date then by[#by + 1] = esc(q.date:sub(1, 10)) end
    if q.article then by[#by + 1] = link(q.article.title or q.article.id or "article", q.article.url) end
    local also = {}
    for k, a in ipairs(q.also or {}) do also[k] = link(a.title or a.id or "article", a.url) end
    if #also > 0 then by[#by + 1] = "also in " .. table.concat(also, "; ") end
    local text = "> “" .. esc(q.text) .. "”"
    if #by > 0 then text = text .. "  \n> — " .. table.concat(by, ", ") end
    out[#out + 1] = text
  end
end

function blocks.timeline(out, b)
  local lines = {}
  for _, e in ipairs(b.items) do
    local sources = {}
    for i, a in ipairs(e.articles) do sources[i] = link(a.title or a.id or "article", a.url) end
    lines[#lines + 1] = "- **" .. esc(e.date) .. "**" .. (e.label and (" (" .. esc(e.label) .. ")") or "")
      .. " — " .. esc(e.text) .. (#sources > 0 and (" — " .. table.concat(sources, "; ")) or "")
  end
  out[#out + 1] = table.concat(lines, "\n")
end

local function chart(out, title, items, label_name)
  out[#out + 1] = "**" .. esc(title) .. "**"
  local rows = {}
  for i, item in ipairs(items) do rows[i] = { esc(item.label), number(item.value) } end
  out[#out + 1] = md_table({ label_name, "count" }, rows)
end

function blocks.bar_chart(out, b) chart(out, b.title, b.items, "") end
function blocks.cooccurrence(out, b) chart(out, b.title, b.items, "with " .. esc(b.center)) end

function blocks.time_series(out, b)
  local items = {}
  for i, p in ipairs(b.points) do items[i] = { label = p.date, value = p.value } end
  chart(out, b.title, items, b.unit)
end

function blocks.articles(out, b)
  local lines = {}
  for i, a in ipairs(b.items) do lines[i] = "- " .. ref(a) end
  out[#out + 1] = table.concat(lines, "\n")
end

function M.render(doc)
  local out = { "# " .. esc(doc.title) }
  local meta = {}
  for _, m in ipairs(doc.meta) do meta[#meta + 1] = "**" .. esc(m.key) .. ":** " .. esc(m.value) end
  if #meta > 0 then out[#out + 1] = table.concat(meta, " · ") end
  for _, section in ipairs(doc.sections) do
    out[#out + 1] = "## " .. esc(section.title)
    for _, block in ipairs(section.blocks) do blocks[block.type](out, block) end
  end
  return table.concat(out, "\n\n") .. "\n"
end

return M
