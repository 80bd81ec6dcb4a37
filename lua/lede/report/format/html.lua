-- A report as one self-contained HTML file: inline CSS (responsive, with a print style), charts
-- as inline SVG, no script and nothing fetched. Every string from the document goes through
-- escape() (text and attribute values alike); links are made only to http and https URLs, any
-- other URL (javascript:, data:…) is shown as text. A Content-Security-Policy that allows no
-- script and no fetch backs this up in the browser.
local util = require "lede.report.format.util"
local dates = require "lede.report.dates"

local M = {}

local CSS = [[
:root{--fg:#1c1c1e;--muted:#5f6368;--rule:#dcdcdc;--accent:#1f5fa8;--bar:#3d7cc9;--soft:#eef3fa}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:#fff;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
main{max-width:58rem;margin:0 auto;padding:1.5rem 1rem 3rem}
header h1{font:700 2rem/1.2 Georgia,"Times New Roman",serif;margin:0 0 .5rem}
.meta{color:var(--muted);font-size:.92rem;margin:0}
.meta span+span::before{content:" · "}
section{margin-top:2rem;border-top:2px solid var(--fg);padding-top:.5rem}
section>h2{font-size:.8rem;letter-spacing:.09em;text-transform:uppercase;margin:0 0 .9rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
p{margin:0 0 .9rem}
a{color:var(--accent)}
ul{margin:0 0 1rem;padding-left:1.2rem}
li{margin:.15rem 0}
.note,.by,.src{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;width:100%;margin:0 0 1rem;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .6rem .3rem 0;border-bottom:1px solid var(--rule)}
table.fields th{width:11rem;font-weight:600}
blockquote{margin:0 0 1rem;padding:.3rem 0 .3rem 1rem;border-left:3px solid var(--accent)}
blockquote p{margin:0 0 .2rem;font-family:Georgia,"Times New Roman",serif;font-size:1.05rem}
ol.timeline{list-style:none;margin:0 0 1rem .4rem;padding:0;border-left:2px solid var(--rule)}
ol.timeline li{position:relative;padding:0 0 .9rem 1.1rem;margin:0}
ol.timeline li::before{content:"";position:absolute;left:-.45rem;top:.45rem;width:.8rem;height:.8rem;border-radius:50%;background:var(--accent)}
ol.timeline time{font-weight:700;margin-right:.4rem}
figure{margin:0 0 1.2rem}
figcaption{font-weight:600;font-size:.9rem;margin-bottom:.3rem}
svg{display:block;width:100%;height:auto;max-width:44rem}
svg text{font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--fg)}
svg .muted{fill:var(--muted)}
svg .bar{fill:var(--bar)}
svg .edge{stroke:var(--bar);stroke-opacity:.55}
svg .node{fill:var(--bar)}
svg .center{fill:var(--fg)}
svg .axis{stroke:var(--muted);stroke-width:1}
footer{margin-top:2.5rem;color:var(--muted);font-size:.8rem}
@media (max-width:40rem){header h1{font-size:1.55rem}main{padding:1rem .8rem 2rem}table.fields th{width:auto}}
@media print{
body{font-size:10.5pt}main{max-width:none;padding:0}
section{break-inside:auto}blockquote,figure,li,tr{break-inside:avoid}h2,h3{break-after:avoid}
a{color:inherit;text-decoration:none}
a[href]::after{content:" <" attr(href) ">";color:var(--muted);font-size:.8em}
}
]]

-- No script and no fetch: styles are inline, images are inline SVG.
local CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

local ENTITIES = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }

--- Text safe in HTML text and in a quoted attribute value. Control characters other than white
-- space are not allowed in HTML: they become spaces.
function M.escape(s)
  s = tostring(s):gsub("[%z\1-\8\11\12\14-\31\127]", " ")
  return (s:gsub("[&<>\"']", ENTITIES))
end

local esc = M.escape

local function link(text, url)
  local safe = util.http_url(url)
  if safe then return '<a href="' .. esc(safe) .. '" rel="noopener noreferrer">' .. esc(text) .. "</a>" end
  return esc(text)
end

local function number(v)
  return v == math.floor(v) and string.format("%d", v) or string.format("%.2f", v)
end

-- The first n characters of s, with "…" when cut (SVG text does not wrap).
local function shorten(s, n)
  if (utf8.len(s) or #s) <= n then return s end
  local stop = utf8.offset(s, n) or n
  return s:sub(1, stop - 1) .. "…"
end

local function ref(a)
  local parts = { link(a.title or a.id or "untitled", a.url) }
  local src = {}
  if a.date then src[#src + 1] = esc(a.date:sub(1, 10)) end
  if a.source then src[#src + 1] = esc(a.source) end
  if a.id and a.title then src[#src + 1] = esc(a.id) end
  if #src > 0 then parts[2] = ' <span class="src">' .. table.concat(src, " · ") .. "</span>" end
  return table.concat(parts)
end

---------------------------------------------------------------------------------------------------
-- Charts (SVG). Coordinates are in the viewBox; the CSS scales it to the width.

local function svg_open(w, h, label)
  return string.format('<svg viewBox="0 0 %d %d" role="img" aria-label="%s">', w, h, esc(label))
end

local function fmt(x) return string.format("%.1f", x) end

-- Horizontal bars, one row per item, the label on the left and the value after the bar.
local function bar_svg(title, items)
  -- Labels at 12 units: 28 characters fit the 212 units left of the bars.
  local W, ROW, LABEL = 560, 24, 220
  local h = #items * ROW + 8
  local top = 0
  for _, item in ipairs(items) do top = math.max(top, item.value) end
  local room = W - LABEL - 60
  local out = { svg_open(W, h, title) }
  for i, item in ipairs(items) do
    local y = (i - 1) * ROW + 4
    local len = top > 0 and item.value / top * room or 0
    out[#out + 1] = string.format('<g><title>%s: %s</title><text x="%d" y="%s" text-anchor="end" font-size="12">%s</text>'
      .. '<rect class="bar" x="%d" y="%d" width="%s" height="%d" rx="2"></rect>'
      .. '<text class="muted" x="%s" y="%s">%s</text></g>',
      esc(item.label), number(item.value), LABEL - 8, fmt(y + ROW * 0.62), esc(shorten(item.label, 28)),
      LABEL, y + 3, fmt(math.max(len, item.value > 0 and 1 or 0)), ROW - 8,
      fmt(LABEL + len + 6), fmt(y + ROW * 0.62), number(item.value))
  end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

-- Columns over time, with the first and last date and the largest value on the axes.
local function series_svg(title, points)
  local W, H, LEFT, BOTTOM, TOP = 640, 200, 36, 24, 10
  local top = 0
  for _, p in ipairs(points) do top = math.max(top, p.value) end
  local n = math.max(#points, 1)
  local slot = (W - LEFT - 4) / n
  local plot = H - BOTTOM - TOP
  local out = { svg_open(W, H, title),
    string.format('<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"></line>', LEFT, H - BOTTOM, W - 4, H - BOTTOM),
    string.format('<text class="muted" x="%d" y="%d" text-anchor="end">%s</text>', LEFT - 6, TOP + 10, number(top)),
    string.format('<text class="muted" x="%d" y="%d" text-anchor="end">0</text>', LEFT - 6, H - BOTTOM) }
  for i, p in ipairs(points) do
    local hgt = top > 0 and p.value / top * plot or 0
    out[#out + 1] = string.format('<rect class="bar" x="%s" y="%s" width="%s" height="%s"><title>%s: %s</title></rect>',
      fmt(LEFT + (i - 1) * slot + slot * 0.12), fmt(H - BOTTOM - hgt), fmt(math.max(slot * 0.76, 0.5)),
      fmt(hgt), esc(p.date), number(p.value))
  end
  if #points > 0 then
    out[#out + 1] = string.format('<text class="muted" x="%d" y="%d">%s</text>', LEFT, H - 6, esc(points[1].date))
    if #points > 1 then
      out[#out + 1] = string.format('<text class="muted" x="%d" y="%d" text-anchor="end">%s</text>', W - 4, H - 6,
        esc(points[#points].date))
    end
  end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

-- The center in the middle, the others around it: the closer the tie (value), the thicker the
-- line and the larger the dot.
local function cooccurrence_svg(title, center, items)
  local W, H, R = 560, 380, 130
  local cx, cy = W / 2, H / 2
  local top = 0
  for _, item in ipairs(items) do top = math.max(top, item.value) end
  local out = { svg_open(W, H, title) }
  local nodes = {}
  for i, item in ipairs(items) do
    local angle = -math.pi / 2 + (i - 1) * 2 * math.pi / #items
    local share = top > 0 and item.value / top or 0
    local x, y = cx + R * math.cos(angle), cy + R * math.sin(angle)
    out[#out + 1] = string.format('<line class="edge" x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="%s"></line>',
      fmt(cx), fmt(cy), fmt(x), fmt(y), fmt(1 + 5 * share))
    -- Labels read away from the center; only the nodes straight above or below are centred,
    -- so that two labels near the bottom do not run into each other.
    local anchor = math.abs(math.cos(angle)) < 0.1 and "middle" or (math.cos(angle) > 0 and "start" or "end")
    local dx = anchor == "start" and 10 or (anchor == "end" and -10 or 0)
    local dy = anchor == "middle" and (math.sin(angle) > 0 and 22 or -12) or 4
    nodes[#nodes + 1] = string.format('<g><title>%s: %s</title><circle class="node" cx="%s" cy="%s" r="%s"></circle>'
      .. '<text x="%s" y="%s" text-anchor="%s">%s</text></g>', esc(item.label), number(item.value), fmt(x), fmt(y),
      fmt(4 + 6 * share), fmt(x + dx), fmt(y + dy), anchor, esc(shorten(item.label, 22)))
  end
  out[#out + 1] = table.concat(nodes)
  out[#out + 1] = string.format('<circle class="center" cx="%s" cy="%s" r="9"></circle>'
    .. '<text x="%s" y="%s" text-anchor="middle" font-weight="700" stroke="#fff" stroke-width="4" '
    .. 'paint-order="stroke">%s</text></svg>',
    fmt(cx), fmt(cy), fmt(cx), fmt(cy + 26), esc(shorten(center, 28)))
  return table.concat(out)
end

-- The events as dots on a date axis: where they bunch and where the gaps are.
local function timeline_svg(items)
  local days, first, last = {}, nil, nil
  for i, e in ipairs(items) do
    local d = dates.day_number(e.date)
    days[i] = d
    if d then
      first, last = math.min(first or d, d), math.max(last or d, d)
    end
  end
  if not first or first == last then return nil end
  local W, H, L, Rm = 640, 56, 12, 12
  local out = { svg_open(W, H, "events on a date axis"),
    string.format('<line class="axis" x1="%d" y1="22" x2="%d" y2="22"></line>', L, W - Rm) }
  for i, d in ipairs(days) do
    if d then
      out[#out + 1] = string.format('<circle class="node" cx="%s" cy="22" r="5" fill-opacity=".6"><title>%s</title></circle>',
        fmt(L + (d - first) / (last - first) * (W - L - Rm)), esc(items[i].date))
    end
  end
  local first_label, last_label
  for i, d in ipairs(days) do
    if d == first and not first_label then first_label = items[i].date end
    if d == last then last_label = items[i].date end
  end
  out[#out + 1] = string.format('<text class="muted" x="%d" y="48">%s</text><text class="muted" x="%d" y="48" '
    .. 'text-anchor="end">%s</text></svg>', L, esc(first_label), W - Rm, esc(last_label))
  return table.concat(out)
end

---------------------------------------------------------------------------------------------------
-- Blocks

local blocks = {}

function blocks.heading(out, b) out[#out + 1] = "<h3>" .. esc(b.text) .. "</h3>" end
function blocks.paragraph(out, b) out[#out + 1] = "<p>" .. esc(b.text) .. "</p>" end

function blocks.list(out, b)
  out[#out + 1] = "<ul>"
  for _, item in ipairs(b.items) do
    out[#out + 1] = "<li>" .. link(item.text, item.url)
      .. (item.note and (' <span class="note">' .. esc(item.note) .. "</span>") or "") .. "</li>"
  end
  out[#out + 1] = "</ul>"
end

function blocks.fields(out, b)
  out[#out + 1] = '<table class="fields"><tbody>'
  for _, row in ipairs(b.rows) do
    out[#out + 1] = "<tr><th scope=\"row\">" .. esc(row.key) .. "</th><td>" .. esc(row.value) .. "</td></tr>"
  end
  out[#out + 1] = "</tbody></table>"
end

function blocks.table(out, b)
  out[#out + 1] = "<table><thead><tr>"
  for _, c in ipairs(b.columns) do out[#out + 1] = "<th>" .. esc(c) .. "</th>" end
  out[#out + 1] = "</tr></thead><tbody>"
  for _, row in ipairs(b.rows) do
    out[#out + 1] = "<tr>"
    for _, cell in ipairs(row) do out[#out + 1] = "<td>" .. esc(cell) .. "</td>" end
    out[#out + 1] = "</tr>"
  end
  out[#out + 1] = "</tbody></table>"
end

function blocks.quotes(out, b)
  for _, q in ipairs(b.items) do
    local by = {}
    if q.speaker then
      by[#by + 1] = "<strong>" .. esc(q.speaker) .. "</strong>" .. (q.cue and (" (" .. esc(q.cue) .. ")") or "")
    end
    if q.date then by[#by + 1] = '<time>' .. esc(q.date:sub(1, 10)) .. "</time>" end
    if q.article then by[#by + 1] = link(q.article.title or q.article.id or "article", q.article.url) end
    local also = {}
    for k, a in ipairs(q.also or {}) do also[k] = link(a.title or a.id or "article", a.url) end
    if #also > 0 then by[#by + 1] = "also in " .. table.concat(also, "; ") end
    out[#out + 1] = "<blockquote><p>“" .. esc(q.text) .. "”</p>"
      .. (#by > 0 and ('<div class="by">— ' .. table.concat(by, ", ") .. "</div>") or "") .. "</blockquote>"
  end
end

function blocks.timeline(out, b)
  local axis = timeline_svg(b.items)
  if axis then out[#out + 1] = "<figure>" .. axis .. "</figure>" end
  out[#out + 1] = '<ol class="timeline">'
  for _, e in ipairs(b.items) do
    local sources = {}
    for i, a in ipairs(e.articles) do sources[i] = ref(a) end
    out[#out + 1] = "<li><time>" .. esc(e.date) .. "</time>"
      .. (e.label and ('<span class="note">' .. esc(e.label) .. "</span>") or "")
      .. "<div>" .. esc(e.text) .. "</div>"
      .. (#sources > 0 and ('<div class="src">' .. table.concat(sources, "<br>") .. "</div>") or "") .. "</li>"
  end
  out[#out + 1] = "</ol>"
end

local function figure(out, title, svg)
  out[#out + 1] = "<figure><figcaption>" .. esc(title) .. "</figcaption>" .. svg .. "</figure>"
end

function blocks.bar_chart(out, b) figure(out, b.title, bar_svg(b.title, b.items)) end
function blocks.time_series(out, b) figure(out, b.title, series_svg(b.title, b.points)) end
function blocks.cooccurrence(out, b) figure(out, b.title, cooccurrence_svg(b.title, b.center, b.items)) end

function blocks.articles(out, b)
  out[#out + 1] = "<ul>"
  for _, a in ipairs(b.items) do out[#out + 1] = "<li>" .. ref(a) .. "</li>" end
  out[#out + 1] = "</ul>"
end

function M.render(doc)
  local out = {
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="' .. CSP .. '">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="lede report ' .. esc(doc.report) .. '">',
    "<title>" .. esc(doc.title) .. "</title>",
    "<style>" .. CSS .. "</style></head><body><main>",
    "<header><h1>" .. esc(doc.title) .. "</h1>",
  }
  if #doc.meta > 0 then
    local meta = {}
    for i, m in ipairs(doc.meta) do meta[i] = "<span>" .. esc(m.key) .. ": " .. esc(m.value) .. "</span>" end
    out[#out + 1] = '<p class="meta">' .. table.concat(meta) .. "</p>"
  end
  out[#out + 1] = "</header>"
  for _, section in ipairs(doc.sections) do
    out[#out + 1] = "<section><h2>" .. esc(section.title) .. "</h2>"
    for _, block in ipairs(section.blocks) do blocks[block.type](out, block) end
    out[#out + 1] = "</section>"
  end
  out[#out + 1] = "<footer>Made by lede report " .. esc(doc.report) .. ".</footer></main></body></html>"
  return table.concat(out, "\n") .. "\n"
end

return M
