-- `lede demo [DIR]`: a readable tour of what lede sees in every article of DIR/*.jsonl.
local input = require "lede.cli.input"
local util = require "lede.cli.util"

local TOP_TERMS = 8

local function jsonl_files(dir)
  util.open(dir):close()
  local files = {}
  for _, name in ipairs(util.list(dir)) do
    if name:match("%.jsonl$") then files[#files + 1] = util.join(dir, name) end
  end
  table.sort(files)
  if #files == 0 then error("no .jsonl files in " .. dir, 0) end
  return files
end

-- "1,234 articles"
local function plural(n, word)
  return util.plural(n, word, util.thousands)
end

local function terms_line(a)
  local parts = {}
  for i, t in ipairs(a:terms()) do
    if i > TOP_TERMS then break end
    parts[i] = t.term .. " " .. t.count
  end
  return table.concat(parts, " · ")
end

local function show(n, a)
  local c = a:counts()
  local title = a.title or ("(untitled" .. (a.id and (", id " .. a.id) or "") .. ")")
  io.write(string.format("%4d  %s\n", n, title))
  local rows = {
    { "date", a.date or "-" },
    { "source", a.source or "-" },
    { "size", plural(c.paragraphs, "paragraph") .. ", " .. plural(c.sentences, "sentence")
      .. ", " .. plural(c.tokens, "token") },
    { "terms", terms_line(a) },
  }
  for _, row in ipairs(rows) do io.write(string.format("      %-7s %s\n", row[1], row[2])) end
  io.write("\n")
end

local M = {
  summary = "show what lede finds in every article of DIR/*.jsonl",
  usage = "lede demo [DIR]",
  help = "DIR defaults to examples/corpus. For each article: its title, date, source, sizes and\n"
    .. "its top " .. TOP_TERMS .. " terms (stems, most frequent first); then the totals.",
  options = {},
  operands = 1,
}

function M.run(_, dirs)
  local dir = dirs[1] or "examples/corpus"
  local files = jsonl_files(dir)
  local status, n = 0, 0
  local total = { paragraphs = 0, sentences = 0, tokens = 0 }
  for _, path in ipairs(files) do
    io.write("== ", path, "\n\n")
    local s = input.each(path, { jsonl = true }, function(a)
      n = n + 1
      show(n, a)
      local c = a:counts()
      for k in pairs(total) do total[k] = total[k] + c[k] end
    end)
    status = math.max(status, s)
  end
  io.write(string.format("total: %s in %s: %s, %s, %s\n", plural(n, "article"),
    plural(#files, "file"), plural(total.paragraphs, "paragraph"),
    plural(total.sentences, "sentence"), plural(total.tokens, "token")))
  return status
end

return M
