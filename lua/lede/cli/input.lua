-- FILE-or-stdin input shared by the subcommands: hands every article (or every story, a line
-- {"id","articles":[...]}) to a function and reports bad JSONL lines on stderr
-- ("lede: FILE:LINE: message") instead of stopping, unless strict.
local cjson = require "cjson"
local read = require "lede.read"
local util = require "lede.cli.util"

local M = {}

-- Which reader a command-line FILE gets: JSONL when asked or by extension; .json by extension;
-- anything else (and stdin) is plain text.
local function kind_of(path, jsonl)
  if jsonl then return "jsonl" end
  if path == nil then return "txt" end
  local kind = read.kind(path)
  return kind or "txt"
end

-- Is this input JSONL (so per-line options apply)?
function M.is_jsonl(path, jsonl)
  if path == "-" then path = nil end
  return kind_of(path, jsonl) == "jsonl"
end

-- Calls fn(article, lineno) for each article of JSONL; returns 0, or 1 when a line was skipped.
function M.each_line(fh, name, opts, fn)
  local lines, skipped = 0, 0
  for lineno, article, err in read.lines(fh, name, opts.make) do
    lines = lines + 1
    if article then
      fn(article, lineno)
    else
      skipped = skipped + 1
      io.stderr:write("lede: ", err, "\n")
      if opts.strict then return 1 end
    end
  end
  if skipped > 0 then
    io.stderr:write(string.format("lede: %d of %d lines skipped\n", skipped, lines))
    return 1
  end
  return 0
end

-- path: a file, "-" or nil (stdin). opts: jsonl (force JSONL), strict, make (constructor).
-- Returns the exit status; errors that stop the whole input are raised.
function M.each(path, opts, fn)
  if path == "-" then path = nil end
  local fh = path and util.open(path) or io.stdin
  local name = path or "stdin"
  local kind = kind_of(path, opts.jsonl)
  if kind == "jsonl" then return M.each_line(fh, name, opts, fn) end
  local id = path and read.basename(path) or nil
  local ok, result = pcall(read[kind == "json" and "json" or "text"], fh, name, opts.make, id)
  if path then fh:close() end
  if not ok then error(result, 0) end
  if getmetatable(result) == nil and type(result) == "table" then
    for _, article in ipairs(result) do fn(article) end
  else
    fn(result)
  end
  return 0
end

---------------------------------------------------------------------------------------------------
-- Stories: one per line, {"id","articles":[{"id","text","title","date","source"},...]}

local decoder = cjson.new()

local function fail(fmt, ...) error(string.format(fmt, ...), 0) end

-- JSON numbers arrive as floats; an id of 7 should stay "7", not "7.0" (as lede.read does).
local function id_string(v)
  if v == nil or v == cjson.null then return nil end
  if type(v) == "number" and v == math.floor(v) and math.abs(v) < 2^53 then
    return string.format("%d", v)
  end
  if type(v) ~= "string" and type(v) ~= "number" then fail("field \"id\" must be a string or a number") end
  return tostring(v)
end

-- A line's story: its id and its articles (one without an id is named by its place, "1", "2",
-- ...). Raises a plain message when the line is no story.
local function story_of(line)
  local ok, obj = pcall(decoder.decode, (line:gsub("^\239\187\191", "")))
  if not ok then fail("invalid JSON: %s", read.clean_error(obj)) end
  if type(obj) ~= "table" or obj[1] ~= nil then fail("expected a JSON object") end
  local id = id_string(obj.id)
  local list = obj.articles
  if type(list) ~= "table" or list[1] == nil then
    fail("no articles: expected an \"articles\" list of article objects")
  end
  local lede = require "lede"
  local articles = {}
  for i, fields in ipairs(list) do
    local good, a = pcall(function()
      local f = read.fields(fields)
      f.id = f.id or string.format("%d", i)
      return lede.article(f)
    end)
    if not good then fail("articles[%d]: %s", i, read.clean_error(a)) end
    articles[i] = a
  end
  return id, articles
end

-- Calls fn(id, articles) for each story of path ("-" or nil: stdin); reports bad lines as
-- each_line does. Returns the exit status.
function M.each_story(path, strict, fn)
  if path == "-" then path = nil end
  local fh = path and util.open(path) or io.stdin
  local name = path or "stdin"
  local lineno, lines, skipped = 0, 0, 0
  local status = 0
  for line in fh:lines() do
    lineno = lineno + 1
    line = line:gsub("\r$", "")
    if line:find("%S") then
      lines = lines + 1
      local ok, id, articles = pcall(story_of, line)
      if ok then
        fn(id, articles)
      else
        skipped = skipped + 1
        io.stderr:write("lede: ", name, ":", lineno, ": ", id, "\n")
        if strict then status = 1; break end
      end
    end
  end
  if path then fh:close() end
  if status == 0 and skipped > 0 then
    io.stderr:write(string.format("lede: %d of %d lines skipped\n", skipped, lines))
    status = 1
  end
  return status
end

return M
