-- lede.summarize: extractive summaries of one article or of several about one story.
local core = require("lede.core")

local BUDGETS = { "sentences", "words", "bytes", "ratio" }

-- The budget of opts: exactly one of sentences=, words=, bytes=, ratio= (3 sentences when none).
local function budget(opts)
  local unit, amount
  for _, name in ipairs(BUDGETS) do
    if opts[name] ~= nil then
      if unit then
        error(("lede.summarize: give one budget, not both %s= and %s="):format(unit, name), 3)
      end
      unit, amount = name, opts[name]
      if type(amount) ~= "number" or amount < 0 or (name == "ratio" and amount > 1) then
        error(("lede.summarize: %s= must be a number%s"):format(name,
          name == "ratio" and " between 0 and 1" or " of at least 0"), 3)
      end
    end
  end
  return unit or "sentences", amount or 3
end

--- Summarizes an article, or a list of articles (multi-document). opts: method ("auto", "lead",
-- "luhn", "lexrank", "lexrank-threshold", "textrank", "centroid", "pacsum"), one budget
-- (sentences=, words=, bytes=, ratio=), cut (a word/byte budget may cut the last sentence),
-- query (a focused summary). Returns { {text, score, id, start, stop, article, sentence}, ... } in
-- reading order.
return function(lede, articles, opts)
  opts = opts or {}
  if type(articles) ~= "table" then
    error("lede.summarize: expected an article or a list of articles", 2)
  end
  local list = (lede.is_article(articles) or articles.text) and { articles } or articles
  local inputs = {}
  for i, a in ipairs(list) do
    if not lede.is_article(a) then a = lede.article(a) end
    list[i] = a
    inputs[i] = { a._core, a.text, a.title, a.timestamp }
  end
  if opts.query ~= nil and type(opts.query) ~= "string" then
    error("lede.summarize: query= must be a string", 2)
  end
  local unit, amount = budget(opts)
  local chosen = core.summarize(inputs, {
    method = opts.method or "auto", unit = unit, amount = amount, cut = opts.cut, query = opts.query,
  })
  for k, c in ipairs(chosen) do
    local a = list[c.article]
    chosen[k] = { text = a.text:sub(c.start, c.stop), score = c.score, id = a.id, start = c.start,
                  stop = c.stop, article = c.article, sentence = c.sentence }
  end
  return chosen
end
