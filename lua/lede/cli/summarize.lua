-- `lede summarize`: extractive summaries (lede.summarize) of an article, of every article of a
-- JSONL file, or (--multi) of each group of articles about one story.
local args = require "lede.cli.args"
local input = require "lede.cli.input"
local json = require "lede.cli.json"
local util = require "lede.cli.util"

local scalar, array, members = json.scalar, json.array, json.members

local METHODS = { "auto", "lead", "luhn", "lexrank", "lexrank-threshold", "textrank", "centroid", "pacsum" }
local BUDGETS = { "sentences", "words", "bytes", "ratio" }
local DEFAULT_SENTENCES = 3

local M = {
  summary = "print an extractive summary of an article, or of several about one story",
  usage = "lede summarize [--method M] [--sentences N|--words N|--bytes N|--ratio R] [--cut]\n"
    .. "                      [--query Q] [--json] [FILE|-]\n"
    .. "       lede summarize --jsonl [--strict] [OPTIONS] [FILE|-]\n"
    .. "       lede summarize --multi [--strict] [OPTIONS] [FILE|-]",
  help = table.concat({
    "FILE is plain text (.txt or any other name) or a .json article; without FILE, or with -,",
    "plain text is read from standard input. The summary is the chosen sentences in reading",
    "order, one per line (white space inside a sentence folded to one space); the articles",
    "of a .json list are separated by an empty line. --json writes one object per article",
    "instead: {\"id\",\"method\",\"summary\":[{\"text\",\"score\",\"start\",\"stop\"}]}, where",
    "text is the article's text:sub(start, stop).",
    "",
    "The budget is one of --sentences, --words, --bytes or --ratio (of the article's",
    "sentences); the default is " .. DEFAULT_SENTENCES .. " sentences. A word or byte budget keeps whole sentences",
    "unless --cut lets it end the last one early. --query favours the sentences about Q.",
    "Methods: " .. table.concat(METHODS, ", ") .. " (default auto).",
    "",
    "With --jsonl (implied by a .jsonl FILE) every line is an article object (fields id,",
    "title, text|body|article, date, source, url, authors) and every result is one line",
    "{\"id\",\"summary\":[sentence texts]}, or with --json the object above.",
    "With --multi every line is a story {\"id\",\"articles\":[{\"id\",\"text\",\"title\",\"date\",",
    "\"source\"},...]} summarized as one: {\"id\",\"summary\":[sentence texts],\"sources\":[the id",
    "of each sentence's article]}; an article without an id is named by its place (\"1\",",
    "\"2\", ...). With --json: {\"id\",\"method\",\"summary\":[{\"text\",\"score\",\"start\",\"stop\",",
    "\"source\"}]}, start and stop being offsets into the source article's text.",
    "A bad line is reported on stderr as FILE:LINE, skipped, and the exit status is 1.",
  }, "\n"),
  options = {
    { "method", "M", "how sentences are chosen (the methods above; default auto)" },
    { "sentences", "N", "at most N sentences (the default budget, " .. DEFAULT_SENTENCES .. ")" },
    { "words", "N", "at most N words" },
    { "bytes", "N", "at most N bytes" },
    { "ratio", "R", "a share of the article's sentences, 0 < R <= 1" },
    { "cut", nil, "a word or byte budget may cut the last sentence short" },
    { "query", "Q", "favour the sentences about Q (a focused summary)" },
    { "json", nil, "write each summary as JSON with scores and spans" },
    { "jsonl", nil, "read one JSON article per line, write one JSON summary per line" },
    { "multi", nil, "read one story per line: {\"id\",\"articles\":[...]}, summarized together" },
    { "strict", nil, "with --jsonl or --multi: stop at the first bad line" },
  },
  operands = 1,
}

local function usage(fmt, ...) args.usage_error("summarize", fmt, ...) end

-- The lede.summarize options from the command line's; every mistake is a usage error.
local function summary_options(opts)
  local method = opts.method or "auto"
  local known = false
  for _, m in ipairs(METHODS) do known = known or m == method end
  if not known then
    usage("unknown method '%s' (methods: %s)", method, table.concat(METHODS, ", "))
  end
  local o = { method = method, cut = opts.cut or nil, query = opts.query }
  local unit
  for _, name in ipairs(BUDGETS) do
    local v = opts[name]
    if v ~= nil then
      if unit then usage("give one budget, not both --%s and --%s", unit, name) end
      unit = name
      if name == "ratio" then
        local r = tonumber(v)
        if not r or not (r > 0 and r <= 1) then
          usage("--ratio takes a number above 0 and at most 1, got '%s'", v)
        end
        o.ratio = r
      else
        o[name] = args.whole_number("summarize", M.options, opts, name, nil, 1)
      end
    end
  end
  if not unit then o.sentences = DEFAULT_SENTENCES end
  return o
end

local function texts(summary)
  local out = {}
  for i, s in ipairs(summary) do out[i] = s.text end
  return out
end

-- The id of the article each sentence comes from.
local function sources(summary)
  local out = {}
  for i, s in ipairs(summary) do out[i] = s.id end
  return out
end

-- {"id","method","summary":[{"text","score","start","stop"(,"source")}]}
local function detailed(id, method, summary, with_source)
  local items = {}
  for i, s in ipairs(summary) do
    items[i] = { text = s.text, score = s.score, start = s.start, stop = s.stop, source = s.id }
  end
  local keys = { "text", "score", "start", "stop" }
  if with_source then keys[#keys + 1] = "source" end
  return members {
    { "id", scalar(id) },
    { "method", scalar(method) },
    { "summary", array(items, keys) },
  }
end

function M.run(opts, files)
  local o = summary_options(opts)
  local lede = require "lede"
  if opts.multi then
    return input.each_story(files[1], opts.strict, function(id, articles)
      local summary = lede.summarize(articles, o)
      if opts.json then
        io.write(detailed(id, o.method, summary, true), "\n")
      else
        io.write(members {
          { "id", scalar(id) },
          { "summary", array(texts(summary)) },
          { "sources", array(sources(summary)) },
        }, "\n")
      end
    end)
  end
  local jsonl = input.is_jsonl(files[1], opts.jsonl)
  local first = true
  return input.each(files[1], { jsonl = jsonl, strict = opts.strict }, function(a)
    local summary = lede.summarize(a, o)
    if opts.json then
      io.write(detailed(a.id, o.method, summary, false), "\n")
    elseif jsonl then
      io.write(members { { "id", scalar(a.id) }, { "summary", array(texts(summary)) } }, "\n")
    else
      if not first then io.write("\n") end
      for _, s in ipairs(summary) do io.write(util.one_line(s.text), "\n") end
    end
    first = false
  end)
end

return M
