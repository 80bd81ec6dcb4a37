-- `lede report NAME [options] [ARGS] INPUT...`: a report (lede.report) over an index directory,
-- or over JSONL/text files indexed first into a temporary directory that is removed afterwards.
local args = require "lede.cli.args"
local input = require "lede.cli.input"
local util = require "lede.cli.util"
local report = require "lede.report"

local function usage(fmt, ...) args.usage_error("report", fmt, ...) end

local OPTIONS = {
  { "format", "F", "text (default), md, json or html", "f" },
  { "output", "FILE", "write the report to FILE instead of standard output", "o" },
  { "from", "DATE", "only articles dated on or after DATE (ISO 8601: 2026-02-10, 2026-02)" },
  { "to", "DATE", "only articles dated on or before DATE (its whole day, month or year)" },
}

-- The options of several lists, each name once: the first list's, with the help texts of the
-- others that differ joined to it ("dossier: …; quotes, timeline: …").
local function merged_options(lists)
  local all, seen = {}, {}
  for _, list in ipairs(lists) do
    for _, opt in ipairs(list) do
      local kept = seen[opt[1]]
      if not kept then
        kept = { table.unpack(opt) }
        seen[opt[1]] = kept
        all[#all + 1] = kept
      elseif opt[3] and not kept[3]:find(opt[3], 1, true) then
        kept[3] = kept[3] .. "; " .. opt[3]
      end
    end
  end
  return all
end

-- Every built-in report's usage and options, for the help text.
local function reports_help()
  local lines, option_lists = { "reports:" }, {}
  for _, name in ipairs(report.BUILTIN) do
    local r = report.load(name)
    lines[#lines + 1] = "  " .. r.usage
    lines[#lines + 1] = "      " .. r.summary
    option_lists[#option_lists + 1] = r.options
  end
  lines[#lines + 1] = ""
  lines[#lines + 1] = "report options:"
  lines[#lines + 1] = args.describe(merged_options(option_lists))
  return table.concat(lines, "\n")
end

local M = {
  summary = "write a report (briefing, dossier, brief, quotes, timeline, overview) as text, md, JSON or HTML",
  usage = "lede report NAME [--format text|md|json|html] [-o FILE] [--from DATE] [--to DATE]\n"
    .. "                   [REPORT OPTIONS] [ARGS] INPUT...",
  help = table.concat({
    "NAME is a built-in report or the path of a Lua script (./my_report.lua) that returns",
    "function(ctx, opts, args) ... return document end; see docs/REPORTS.md.",
    "",
    "INPUT is an index directory (made by 'lede index'), or JSONL, JSON or text files and",
    "directories of .jsonl files, which are indexed first into a temporary directory",
    "(progress on stderr) removed afterwards.",
    "INPUT comes last: the trailing arguments that name existing files or directories are",
    "the input, the arguments before them the report's (a QUERY in the query language of",
    "'lede search').",
    "",
    "text wraps to the terminal width (COLUMNS, else tput cols, else 80); html is one",
    "self-contained file (inline CSS and SVG charts, no script); json follows the schema of",
    "docs/REPORTS.md (\"schema\": \"lede.report\", \"version\": 1).",
    "",
    reports_help(),
  }, "\n"),
  options = OPTIONS,
  operands = math.huge,
}

--- The dispatcher's parse for this command: NAME comes first, and decides which options the
-- rest of the line may have.
function M.parse(argv, first)
  local name = argv[first]
  if name == nil or name == "-h" or name == "--help" then
    return args.parse("report", OPTIONS, M.operands, argv, first)
  end
  if name:sub(1, 1) == "-" then usage("NAME comes first: lede report NAME [options] INPUT...") end
  local ok, r, report_name = pcall(report.load, name)
  if not ok then usage("%s", util.bare_error(r)) end
  local opts, operands = args.parse("report", merged_options({ OPTIONS, r.options }), M.operands, argv, first + 1)
  opts.report, opts.name = r, report_name
  return opts, operands
end

local function exists(path)
  return os.execute("test -e " .. util.quote(path)) == true
end

local function is_directory(path)
  return os.execute("test -d " .. util.quote(path)) == true
end

-- The report's arguments and the inputs: the trailing operands that exist.
local function split(operands)
  local first = #operands + 1
  while first > 1 and exists(operands[first - 1]) do first = first - 1 end
  if first > #operands then
    if #operands == 0 then usage("missing INPUT: an index directory or JSONL/text files") end
    usage("INPUT '%s' not found (the input comes last: an index directory or JSONL/text files)",
      operands[#operands])
  end
  return { table.unpack(operands, 1, first - 1) }, { table.unpack(operands, first) }
end

-- The .jsonl files of a directory that holds no index, sorted.
local function jsonl_files(dir)
  local files = {}
  for _, name in ipairs(util.list(dir)) do
    if name:match("%.jsonl$") then files[#files + 1] = util.join(dir, name) end
  end
  return files
end

local function check_date(opts, name)
  local value = opts[name]
  if value == nil then return nil end
  local parsed, err = require("lede").parse_date(value)
  if not parsed then usage("--%s: %s", name, err) end
  return value
end

-- A temporary directory, made by mktemp (private to this user).
local function temp_dir()
  local p = assert(io.popen("mktemp -d -t lede-report.XXXXXX 2>/dev/null"))
  local dir = p:read("l")
  p:close()
  if not dir or dir == "" then error("cannot make a temporary directory", 0) end
  return dir
end

-- Indexes the files into dir; returns the exit status of reading them (1 if a line was bad).
local function build_index(dir, files)
  local lede = require "lede"
  local ix = lede.index.open(dir, { create = true })
  local added, status = 0, 0
  local tty = util.is_terminal(2)
  for _, path in ipairs(files) do
    local st = input.each(path, {}, function(article, lineno)
      if article.id == nil then article.id = path .. ":" .. (lineno or 1) end
      ix:add(article)
      article:close()
      added = added + 1
      if tty and added % 100 == 0 then io.stderr:write(string.format("\rlede: indexing %s: %d articles", path, added)) end
    end)
    status = math.max(status, st)
  end
  ix:commit()
  ix:close()
  if tty then io.stderr:write("\r") end
  io.stderr:write(string.format("lede: indexed %s from %s into a temporary index\n",
    util.plural(added, "article", util.thousands), util.plural(#files, "file")))
  return status
end

-- Columns for text: COLUMNS, else what tput says of the terminal, else 80.
local function text_width(to_terminal)
  if not os.getenv("COLUMNS") and to_terminal then
    local p = io.popen("tput cols 2>/dev/null")
    local n = p and tonumber(p:read("l") or "")
    if p then p:close() end
    if n and n >= 20 then return n end
  end
  return util.columns()
end

local function write_output(path, text)
  if not path then
    io.write(text)
    return
  end
  local f, err = io.open(path, "wb")
  if not f then error("cannot write " .. err, 0) end
  f:write(text)
  f:close()
end

local function produce(opts, ix, report_args, format)
  local document = report.run(opts.report, ix, { from = opts.from, to = opts.to, name = opts.name,
    options = opts, operands = report_args })
  local to_terminal = not opts.output and util.is_terminal(1)
  return report.render(document, format, { width = text_width(to_terminal), ansi = to_terminal })
end

function M.run(opts, operands)
  if not opts.report then usage("missing NAME: %s, or the path of a Lua script", table.concat(report.BUILTIN, ", ")) end
  local format = opts.format or "text"
  local known = false
  for _, f in ipairs(report.FORMATS) do known = known or f == format end
  if not known then usage("--format takes %s, got '%s'", table.concat(report.FORMATS, ", "), format) end
  check_date(opts, "from")
  check_date(opts, "to")
  local report_args, inputs = split(operands)
  local lede = require "lede"

  local index_dir = #inputs == 1 and is_directory(inputs[1]) and io.open(util.join(inputs[1], "MANIFEST"), "rb")
  if index_dir then
    index_dir:close()
    local ix = lede.index.open(inputs[1])
    local ok, text = pcall(produce, opts, ix, report_args, format)
    ix:close()
    if not ok then error(text, 0) end
    write_output(opts.output, text)
    return 0
  end

  local files = {}
  for _, path in ipairs(inputs) do
    if is_directory(path) then
      local found = jsonl_files(path)
      if #found == 0 then
        error(string.format("%s holds no index and no .jsonl file", path), 0)
      end
      table.move(found, 1, #found, #files + 1, files)
    else
      files[#files + 1] = path
    end
  end
  local dir = temp_dir()
  local ok, status, text = pcall(function()
    local st = build_index(dir, files)
    local ix = lede.index.open(dir)
    local good, out = pcall(produce, opts, ix, report_args, format)
    ix:close()
    if not good then error(out, 0) end
    return st, out
  end)
  os.execute("rm -rf -- " .. util.quote(dir))
  if not ok then error(status, 0) end
  write_output(opts.output, text)
  return status
end

return M
