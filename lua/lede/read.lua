-- lede.read: turns .txt, .json and .jsonl input into articles.
--
-- This module only maps input to the field table that lede.article takes; building the article
-- is left to a constructor (`make`, default require("lede").article). Taking the constructor as
-- an argument avoids a require cycle with init.lua and lets the CLI add --title/--date overrides.
local cjson = require "cjson"

local M = {}

local json = cjson.new()

-- The default constructor, looked up late: init.lua requires this module while it is loading.
local function default_make(fields)
  return require("lede").article(fields)
end

-- "dir/story.txt" -> "story"
local function basename(path)
  return (path:match("([^/]*)$"):gsub("%.[^.]*$", ""))
end

-- Errors meant for a Lua caller carry a position ("init.lua:42: ") or the API's name
-- ("lede.article: "); after "FILE:LINE:" they only get in the way, so both are dropped.
function M.clean_error(err)
  err = tostring(err)
  return (err:gsub("^[^%s:]+%.lua:%d+: ", ""):gsub("^lede%.article: ", ""))
end

local function fail(fmt, ...)
  error(string.format(fmt, ...), 0)
end

-- JSON numbers arrive as floats; an id of 7 should stay "7", not "7.0".
local function id_string(v)
  if type(v) == "number" and v == math.floor(v) and math.abs(v) < 2^53 then
    return string.format("%d", v)
  end
  return tostring(v)
end

local function optional_string(obj, key)
  local v = obj[key]
  if v == nil or v == cjson.null then return nil end
  if type(v) ~= "string" then fail("field %q must be a string", key) end
  return v
end

local function authors_of(obj)
  local v = obj.authors
  if v == nil or v == cjson.null then return nil end
  if type(v) == "string" then return { v } end
  if type(v) ~= "table" then fail("field \"authors\" must be a string or a list of strings") end
  local list = {}
  for i, name in ipairs(v) do
    if type(name) ~= "string" then fail("authors[%d] must be a string", i) end
    list[#list + 1] = name
  end
  return list
end

-- Maps a decoded JSON object to lede.article fields; raises a plain message when it can't.
function M.fields(obj)
  if type(obj) ~= "table" or (obj[1] ~= nil) then fail("expected a JSON object") end
  local text
  for _, key in ipairs { "text", "body", "article" } do
    if type(obj[key]) == "string" then text = obj[key]; break end
  end
  if not text then fail("no text: expected a \"text\", \"body\" or \"article\" string field") end
  local id = obj.id
  if id == cjson.null then id = nil end
  if id ~= nil and type(id) ~= "string" and type(id) ~= "number" then
    fail("field \"id\" must be a string or a number")
  end
  return {
    id = id ~= nil and id_string(id) or nil,
    title = optional_string(obj, "title"),
    text = text,
    date = optional_string(obj, "date"),
    source = optional_string(obj, "source"),
    url = optional_string(obj, "url"),
    authors = authors_of(obj),
  }
end

-- Decodes one JSON value; a UTF-8 byte order mark (some editors write one) is ignored.
local function decode(s)
  local ok, v = pcall(json.decode, (s:gsub("^\239\187\191", "")))
  if not ok then fail("invalid JSON: %s", M.clean_error(v)) end
  return v
end

-- One article from a decoded object; errors name what went wrong, the caller adds where.
local function article_of(obj, make, default_id)
  local fields = M.fields(obj)
  if fields.id == nil then fields.id = default_id end
  local ok, a = pcall(make, fields)
  if not ok then fail("%s", M.clean_error(a)) end
  return a
end

-- The kind of input a path names by its extension: "txt", "json", "jsonl" or nil.
function M.kind(path)
  local ext = path:match("%.([^./]+)$")
  ext = ext and ext:lower()
  if ext == "txt" or ext == "json" or ext == "jsonl" then return ext end
  return nil
end

-- Whole-input kinds from an open handle: plain text -> article; JSON -> article or list.
function M.text(fh, name, make, id)
  local s, err = fh:read("a")
  if not s then fail("cannot read %s: %s", name, err) end
  return (make or default_make) { id = id, text = s }
end

function M.json(fh, name, make, id)
  make = make or default_make
  local s, err = fh:read("a")
  if not s then fail("cannot read %s: %s", name, err) end
  local ok, v = pcall(decode, s)
  if not ok then fail("%s: %s", name, v) end
  -- Looked up in the text: cjson decodes [] and {} to the same empty table.
  if s:match("^\239?\187?\191?%s*%[") then
    local list = {}
    for i, obj in ipairs(v) do
      local good, a = pcall(article_of, obj, make)
      if not good then fail("%s: article %d: %s", name, i, a) end
      list[i] = a
    end
    return list
  end
  local good, a = pcall(article_of, v, make, id)
  if not good then fail("%s: %s", name, a) end
  return a
end

-- JSONL as a stream: yields (lineno, article) or (lineno, nil, "NAME:LINE: message") and goes on.
-- Blank lines are skipped but counted, so line numbers match an editor's. The handle is read
-- line by line and closed at the end, or by the for loop if it is left early (the fourth value).
function M.lines(fh, name, make)
  make = make or default_make
  local lineno = 0
  local function iter()
    while true do
      local line, err = fh:read("l")
      if not line then
        if err then fail("cannot read %s: %s", name, err) end
        if fh ~= io.stdin then fh:close() end
        return nil
      end
      lineno = lineno + 1
      line = line:gsub("\r$", "")
      if line:find("%S") then
        local ok, a = pcall(function() return article_of(decode(line), make) end)
        if ok then return lineno, a end
        return lineno, nil, string.format("%s:%d: %s", name, lineno, a)
      end
    end
  end
  -- stdin must survive the loop, so it is not handed to the for loop to close.
  return iter, nil, nil, fh ~= io.stdin and fh or nil
end

local readers = { txt = M.text, json = M.json }

-- lede.read(path [, make]): .txt/.json -> an article (a .json array: a list of articles);
-- .jsonl -> an iterator `for lineno, article, err in lede.read(path)`.
function M.read(path, make)
  if type(path) ~= "string" then fail("lede.read: expected a path, got %s", type(path)) end
  local kind = M.kind(path)
  if not kind then
    fail("cannot read %s: unknown extension (expected .txt, .json or .jsonl)", path)
  end
  local fh, err = io.open(path, "rb")
  if not fh then fail("cannot open %s", err) end
  if kind == "jsonl" then return M.lines(fh, path, make) end
  local ok, result = pcall(readers[kind], fh, path, make, basename(path))
  fh:close()
  if not ok then error(result, 0) end
  return result
end

M.basename = basename

return M
