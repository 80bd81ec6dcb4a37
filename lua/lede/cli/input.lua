-- FILE-or-stdin input shared by the subcommands: hands every article to a function and reports
-- bad JSONL lines on stderr ("lede: FILE:LINE: message") instead of stopping, unless strict.
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

-- Calls fn(article) for each article of JSONL; returns 0, or 1 when a line was skipped.
function M.each_line(fh, name, opts, fn)
  local lines, skipped = 0, 0
  for _, article, err in read.lines(fh, name, opts.make) do
    lines = lines + 1
    if article then
      fn(article)
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

return M
