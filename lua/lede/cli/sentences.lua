-- `lede sentences [FILE|-]`: one sentence per line, ready for grep, wc -l or a diff.
local input = require "lede.cli.input"
local util = require "lede.cli.util"

-- A sentence is one line: util.one_line folds white space, NBSP and Unicode line breaks.
local one_line = util.one_line

local M = {
  summary = "print the sentences of an article, one per line",
  usage = "lede sentences [FILE|-]",
  help = table.concat({
    "FILE is plain text (.txt or any other name), a .json article or a .jsonl file of",
    "articles; without FILE, or with -, plain text is read from standard input. Articles",
    "after the first are separated by an empty line.",
  }, "\n"),
  options = {},
  operands = 1,
}

function M.run(_, files)
  local first = true
  return input.each(files[1], {}, function(article)
    if not first then io.write("\n") end
    first = false
    for _, s in ipairs(article:sentences()) do
      io.write(one_line(s.text), "\n")
    end
  end)
end

return M
