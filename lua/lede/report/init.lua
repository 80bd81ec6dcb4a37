-- lede.report: reports over an index — the built-in ones (briefing, dossier, brief, quotes,
-- timeline, overview), or a user's script with the same helpers — written as text, Markdown,
-- JSON or HTML.
--
-- A report is a table { summary, usage, help?, options = { {name, VALUE|nil, help}, ... },
-- run = function(ctx, opts, operands) return document end }; a script may return just the run
-- function. `ctx` is a lede.report.corpus (searches, facets, articles over the index and the
-- date range); the document is made with ctx:document(title) (lede.report.doc).
local M = {}

M.BUILTIN = { "briefing", "brief", "dossier", "quotes", "timeline", "overview" }
M.FORMATS = { "text", "md", "json", "html" }

--- Figures that other modules compute for reports. providers.duplicates(ctx, hits) returns
-- { duplicates = articles that repeat an earlier one, groups = groups of them } over the hits
-- (stored fields) the overview covers; lede.dedup's by default (lede.report.near_duplicates).
-- Set it to nil and the overview shows no rate; to another function and it shows that one's.
M.providers = { duplicates = require "lede.report.near_duplicates" }

M.doc = require "lede.report.doc"
M.corpus = require "lede.report.corpus"

function M.is_builtin(name)
  for _, b in ipairs(M.BUILTIN) do
    if b == name then return true end
  end
  return false
end

local function checked(report, where)
  if type(report) == "function" then report = { run = report } end
  if type(report) ~= "table" or type(report.run) ~= "function" then
    error(where .. " must return a function or a table with a run function", 0)
  end
  report.options = report.options or {}
  if type(report.options) ~= "table" then error(where .. ": options must be a list", 0) end
  return report
end

--- The report called `name` (a built-in) or in the Lua file at `name` (a path). Returns the
-- report table and its name (a script's is its file name without ".lua").
function M.load(name)
  if M.is_builtin(name) then return require("lede.report." .. name), name end
  local chunk, err = loadfile(name, "t")
  if not chunk then
    local f = io.open(name, "rb")
    if not f then
      error(string.format("unknown report '%s' (%s, or the path of a Lua script)", name,
        table.concat(M.BUILTIN, ", ")), 0)
    end
    f:close()
    error(err, 0)
  end
  local ok, report = pcall(chunk)
  if not ok then error(name .. ": " .. tostring(report), 0) end
  return checked(report, name), (name:match("([^/]+)$"):gsub("%.lua$", ""))
end

--- Runs a report over an open index. opts: from, to (ISO dates), name (the report's name),
-- options (the report's own option values), operands (its arguments). Returns the document.
function M.run(report, ix, opts)
  local ctx = M.corpus.new(ix, { from = opts.from, to = opts.to, report = opts.name })
  ctx.providers = M.providers
  local document = report.run(ctx, opts.options or {}, opts.operands or {})
  if not M.doc.is_document(document) then
    error(string.format("report '%s' returned no document (make one with ctx:document(title))",
      opts.name or "?"), 0)
  end
  return document
end

--- The document in a format: "text" (opts: width, ansi), "md", "json" or "html".
function M.render(document, format, opts)
  if not M.doc.is_document(document) then error("lede.report.render: expected a document", 2) end
  for _, f in ipairs(M.FORMATS) do
    if f == format then return require("lede.report.format." .. format).render(document, opts) end
  end
  error(string.format("lede.report.render: unknown format '%s' (%s)", tostring(format),
    table.concat(M.FORMATS, ", ")), 2)
end

return M
