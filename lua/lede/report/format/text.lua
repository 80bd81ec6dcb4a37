-- A report for the terminal: wrapped to opts.width columns, bold headings only when opts.ansi
-- (the caller decides: a terminal gets them, a file or a pipe does not). Article text can hold
-- control characters; they become spaces, so that a report cannot drive the terminal.
local util = require "lede.report.format.util"

local M = {}

local BOLD, RESET = "\27[1m", "\27[0m"
local BAR_WIDTH = 30

local clean = util.one_line

-- Columns a string takes on screen: its characters (bytes for invalid UTF-8).
local function width(s) return utf8.len(s) or #s end

-- The first `n` columns of s, cut on a character boundary.
local function cut(s, n)
  if width(s) <= n then return s end
  local stop = utf8.offset(s, n + 1)
  return stop and s:sub(1, stop - 1) or s:sub(1, n)
end

local Writer = {}
Writer.__index = Writer

function Writer:line(s) self.out[#self.out + 1] = s or "" end

function Writer:bold(s) return self.ansi and (BOLD .. s .. RESET) or s end

-- Words of text in lines of at most the width, the first starting with `first`, the others
-- with `rest` (a hanging indent). A word longer than a line is cut into pieces.
function Writer:wrap(text, first, rest)
  rest = rest or first
  local room = math.max(self.width - width(rest), 10)
  local prefix, line, used = first, {}, 0
  local function flush()
    self:line(prefix .. table.concat(line, " "))
    prefix, line, used = rest, {}, 0
  end
  for word in clean(text):gmatch("%S+") do
    while width(word) > room do
      if used > 0 then flush() end
      local head = cut(word, room)
      line[1] = head
      used = room
      flush()
      word = word:sub(#head + 1)
    end
    local w = width(word)
    if used > 0 and used + 1 + w > room then flush() end
    line[#line + 1] = word
    used = used + (used > 0 and 1 or 0) + w
  end
  if used > 0 then flush() end
end

-- A heading: wrapped, each line bold.
function Writer:heading(text)
  local first = #self.out + 1
  self:wrap(text, "")
  for i = first, #self.out do self.out[i] = self:bold(self.out[i]) end
end

local function pad(s, n) return s .. string.rep(" ", n - width(s)) end

local function ref_line(a)
  local parts = {}
  if a.title then parts[#parts + 1] = clean(a.title) end
  if a.date then parts[#parts + 1] = a.date:sub(1, 10) end
  if a.source then parts[#parts + 1] = clean(a.source) end
  if a.id then parts[#parts + 1] = "[" .. clean(a.id) .. "]" end
  return table.concat(parts, " · ")
end

local function number(v)
  return v == math.floor(v) and string.format("%d", v) or string.format("%.2f", v)
end

-- Rows of label, bar and value: bars scaled to the largest value, the label cut to 40% of the
-- width and the bar as long as the rest allows (at most BAR_WIDTH).
function Writer:bars(items)
  local top, lw, vw = 0, 0, 0
  for _, item in ipairs(items) do
    top = math.max(top, item.value)
    lw = math.max(lw, width(clean(item.label)))
    vw = math.max(vw, #number(item.value))
  end
  lw = math.min(lw, self.width * 2 // 5)
  local bar = math.max(math.min(BAR_WIDTH, self.width - lw - vw - 5), 1)
  for _, item in ipairs(items) do
    local n = top > 0 and math.floor(item.value / top * bar + 0.5) or 0
    if item.value > 0 and n == 0 then n = 1 end
    self:line("  " .. pad(cut(clean(item.label), lw), lw) .. "  " .. string.rep("█", n) .. " " .. number(item.value))
  end
end

local blocks = {}

function blocks.heading(w, b) w:heading(b.text) end

function blocks.paragraph(w, b) w:wrap(b.text, "") end

function blocks.list(w, b)
  for _, item in ipairs(b.items) do
    local text = item.text
    if item.note then text = text .. " (" .. item.note .. ")" end
    if item.url and item.url ~= item.text then text = text .. " <" .. item.url .. ">" end
    w:wrap(text, "  • ", "    ")
  end
end

function blocks.fields(w, b)
  local kw = 0
  for _, row in ipairs(b.rows) do kw = math.max(kw, width(clean(row.key))) end
  kw = math.min(kw, 24)
  for _, row in ipairs(b.rows) do
    local key = pad(cut(clean(row.key), kw), kw)
    w:wrap(row.value, "  " .. key .. "  ", "  " .. string.rep(" ", kw + 2))
  end
end

function blocks.table(w, b)
  local widths = {}
  for c, name in ipairs(b.columns) do widths[c] = width(clean(name)) end
  for _, row in ipairs(b.rows) do
    for c, cell in ipairs(row) do widths[c] = math.max(widths[c], width(clean(cell))) end
  end
  local function row_line(cells, bold)
    local parts = {}
    for c, cell in ipairs(cells) do parts[c] = pad(clean(cell), widths[c]) end
    local line = cut(("  " .. table.concat(parts, "  ")):gsub("%s+$", ""), w.width)
    return bold and w:bold(line) or line
  end
  w:line(row_line(b.columns, true))
  for _, row in ipairs(b.rows) do w:line(row_line(row)) end
end

function blocks.quotes(w, b)
  for i, q in ipairs(b.items) do
    if i > 1 then w:line() end
    w:wrap("“" .. q.text .. "”", "  ", "   ")
    local by = {}
    if q.speaker then by[#by + 1] = q.speaker .. (q.cue and (" (" .. q.cue .. ")") or "") end
    if q.date then by[#by + 1] = q.date:sub(1, 10) end
    if q.article then by[#by + 1] = ref_line({ title = q.article.title, id = q.article.id }) end
    if #by > 0 then w:wrap("— " .. table.concat(by, ", "), "    ", "      ") end
    local also = {}
    for k, a in ipairs(q.also or {}) do also[k] = ref_line({ title = a.title, id = a.id }) end
    if #also > 0 then w:wrap("also in " .. table.concat(also, "; "), "      ", "      ") end
  end
end

function blocks.timeline(w, b)
  local dw = 0
  for _, e in ipairs(b.items) do dw = math.max(dw, width(clean(e.date))) end
  local indent = string.rep(" ", dw + 4)
  for _, e in ipairs(b.items) do
    local text = e.text
    if e.label then text = text .. " [" .. e.label .. "]" end
    w:wrap(text, "  " .. pad(clean(e.date), dw) .. "  ", indent)
    for _, a in ipairs(e.articles) do w:wrap("— " .. ref_line(a), indent, indent .. "  ") end
  end
end

function blocks.bar_chart(w, b)
  w:heading(b.title)
  w:bars(b.items)
end

function blocks.time_series(w, b)
  w:heading(b.title)
  local items = {}
  for i, p in ipairs(b.points) do items[i] = { label = p.date, value = p.value } end
  w:bars(items)
end

blocks.cooccurrence = blocks.bar_chart

function blocks.articles(w, b)
  for _, a in ipairs(b.items) do
    w:wrap(ref_line(a) .. (a.url and (" <" .. a.url .. ">") or ""), "  • ", "    ")
  end
end

--- The document as text. opts: width (columns, at least 20; 80 when absent), ansi (bold).
function M.render(doc, opts)
  opts = opts or {}
  local w = setmetatable({ out = {}, width = math.max(opts.width or 80, 20), ansi = opts.ansi }, Writer)
  local title = clean(doc.title)
  w:wrap(title, "")
  w:line(string.rep("═", math.min(width(title), w.width)))
  local meta = {}
  for _, m in ipairs(doc.meta) do meta[#meta + 1] = m.key .. ": " .. m.value end
  if #meta > 0 then w:wrap(table.concat(meta, " · "), "") end
  for _, section in ipairs(doc.sections) do
    w:line()
    w:heading(section.title)
    w:line(string.rep("─", math.min(width(clean(section.title)), w.width)))
    for i, block in ipairs(section.blocks) do
      if i > 1 then w:line() end
      blocks[block.type](w, block)
    end
  end
  return table.concat(w.out, "\n") .. "\n"
end

return M
