-- lede.index: an embedded, crash-safe search index on disk (see docs/QUERY.md and
-- docs/INDEX-FORMAT.md). A thin layer over lede.core's index: documents in, results out.
local core = require("lede.core")

local M = {}

local Index = {}
Index.__index = Index

-- Fields every document may carry besides keywords, in the order they are stored.
local ORDER = { "id", "title", "text", "date", "source", "url", "authors" }
local ALIASES = { body = "text", article = "text" }
-- What an article (lede.article) carries that is not a field to index.
local INTERNAL = { _core = true, timestamp = true, invalid_utf8 = true }

local function add_values(pairs_out, name, value)
  if type(value) == "string" then
    pairs_out[#pairs_out + 1] = { name, value }
  elseif type(value) == "number" then
    pairs_out[#pairs_out + 1] = { name, tostring(value) }
  elseif type(value) == "table" then
    for i, v in ipairs(value) do
      if type(v) ~= "string" then
        error(("lede.index: field '%s' value %d must be a string, got %s"):format(name, i, type(v)), 4)
      end
      pairs_out[#pairs_out + 1] = { name, v }
    end
  elseif value ~= nil and type(value) ~= "boolean" then
    error(("lede.index: field '%s' must be a string or a list of strings, got %s"):format(name, type(value)), 4)
  end
end

-- The (name, value) pairs of a document: the standard fields first, then keywords by name.
local function document_pairs(doc)
  if type(doc) ~= "table" then
    error("lede.index: add expects an article or a table of fields, got " .. type(doc), 3)
  end
  local out, seen = {}, {}
  for _, name in ipairs(ORDER) do
    local value = doc[name]
    if name == "text" and value == nil then value = doc.body or doc.article end
    add_values(out, name, value)
    seen[name] = true
  end
  local extra = {}
  for name in pairs(doc) do
    if type(name) == "string" and not seen[name] and not ALIASES[name] and not INTERNAL[name] then
      extra[#extra + 1] = name
    end
  end
  table.sort(extra)
  for _, name in ipairs(extra) do add_values(out, name, doc[name]) end
  return out
end

--- Opens the index in `dir` at its last commit; { create = true } makes it when missing.
function M.open(dir, opts)
  if type(dir) ~= "string" then error("lede.index.open: expected a directory path", 2) end
  opts = opts or {}
  return setmetatable({ _core = core.index_open(dir, opts.create), dir = dir }, Index)
end

--- Adds an article (or a table of fields); a document with the same id is replaced.
function Index:add(doc)
  self._core:add(document_pairs(doc))
end

--- Deletes the document with this id; returns whether there was one.
function Index:delete(id)
  if type(id) == "number" then id = tostring(id) end
  return self._core:delete(id)
end

function Index:commit() self._core:commit() end
function Index:optimize() self._core:optimize() end
function Index:stats() return self._core:stats() end
function Index:get(id)
  if type(id) == "number" then id = tostring(id) end
  return self._core:get(id)
end

--- Searches the last commit. opts: limit (10), offset, mode ("lenient" or "strict"),
-- any (a b means a OR b), facets ({ "source", "date:month", … }), snippet ("plain", "ansi",
-- "html", or false), open/close (plain markers), k1, b, title_weight, exhaustive, count.
function Index:search(query, opts)
  if type(query) ~= "string" then error("lede.index: search expects a query string", 2) end
  opts = opts or {}
  local o = {}
  for k, v in pairs(opts) do o[k] = v end
  if o.mode ~= nil then
    if o.mode ~= "strict" and o.mode ~= "lenient" then
      error("lede.index: mode must be 'lenient' or 'strict'", 2)
    end
    o.strict = o.mode == "strict"
  end
  if o.snippet == nil then o.snippet = "plain" end
  return self._core:search(query, o)
end

function Index:close() self._core:close() end
Index.__close = Index.close

return M
