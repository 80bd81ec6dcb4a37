-- `lede sentences [FILE|-]`: one sentence per line, ready for grep, wc -l or a diff.
local input = require "lede.cli.input"

-- Whitespace inside a sentence becomes one space so a sentence is one line. Besides ASCII
-- whitespace this folds NBSP and the Unicode line breaks (NEL, U+2028, U+2029) that wire copy
-- sometimes carries, which would otherwise split a line in some viewers.
local function one_line(text)
  text = text:gsub("\194[\133\160]", " "):gsub("\226\128[\168\169]", " ")
  return (text:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

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
