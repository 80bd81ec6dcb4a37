-- `lede analyze`: the article model as JSON, one object per article (one per line for JSONL).
local args = require "lede.cli.args"
local input = require "lede.cli.input"
local json = require "lede.cli.json"

local scalar, object, array, sorted_keys = json.scalar, json.object, json.array, json.sorted_keys

local TOKEN_KEYS = { "start", "stop", "text", "kind", "lower", "stem", "stopword" }

local function encode(a, with_tokens)
  local counts = a:counts()
  local parts = {
    '"id":' .. scalar(a.id),
    '"title":' .. scalar(a.title),
    '"date":' .. scalar(a.date),
    '"source":' .. scalar(a.source),
    '"url":' .. scalar(a.url),
    '"authors":' .. array(a.authors),
    '"paragraphs":' .. array(a:paragraphs(), { "start", "stop" }),
    '"sentences":' .. array(a:sentences(), { "start", "stop", "text" }),
    '"counts":' .. object(sorted_keys(counts), counts),
    '"invalid_utf8":' .. scalar(a.invalid_utf8 or 0),
  }
  if with_tokens then parts[#parts + 1] = '"tokens":' .. array(a:tokens(), TOKEN_KEYS) end
  return "{" .. table.concat(parts, ",") .. "}"
end

local M = {
  summary = "print the article model (spans, sentences, counts) as JSON",
  usage = "lede analyze [--title T] [--date D] [--id ID] [--tokens] [FILE|-]\n"
    .. "       lede analyze --jsonl [--strict] [--tokens] [FILE|-]",
  help = table.concat({
    "FILE is plain text (.txt or any other name) or a .json article; without FILE, or with -,",
    "plain text is read from standard input. Spans are 1-based and inclusive: the text of a",
    "sentence is text:sub(start, stop).",
    "",
    "With --jsonl (implied by a .jsonl FILE) every line is an article object (fields id,",
    "title, text|body|article, date, source, url, authors) and every result is one line.",
    "A bad line is reported on stderr as FILE:LINE, skipped, and the exit status is 1.",
  }, "\n"),
  options = {
    { "title", "T", "set the article's title" },
    { "date", "D", "set the date (ISO 8601: 2020-02-14, 2020-02-14T10:30:00Z, 2020-02, 2020)" },
    { "id", "ID", "set the article's id (default: the file name without extension)" },
    { "tokens", nil, "include every token (text, kind, lower, stem, stopword)" },
    { "jsonl", nil, "read one JSON article per line, write one JSON result per line" },
    { "strict", nil, "with --jsonl: stop at the first bad line" },
  },
  operands = 1,
}

-- The per-article options change a single article; on JSONL they would stamp every line alike.
local SINGLE = { "title", "date", "id" }

function M.run(opts, files)
  local jsonl = input.is_jsonl(files[1], opts.jsonl)
  local make
  if jsonl then
    for _, name in ipairs(SINGLE) do
      if opts[name] then args.usage_error("analyze", "--%s cannot be used with JSONL input", name) end
    end
  else
    make = function(fields)
      for _, name in ipairs(SINGLE) do fields[name] = opts[name] or fields[name] end
      return require("lede").article(fields)
    end
  end
  return input.each(files[1], { jsonl = jsonl, strict = opts.strict, make = make }, function(a)
    io.write(encode(a, opts.tokens), "\n")
  end)
end

return M
