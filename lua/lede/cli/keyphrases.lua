-- `lede keyphrases`: the phrases that say what an article is about (lede.keyphrases), for one
-- article, for every article of a JSONL file, or (--multi) for all of a file's articles at once.
local args = require "lede.cli.args"
local input = require "lede.cli.input"
local json = require "lede.cli.json"
local read = require "lede.read"
local util = require "lede.cli.util"

local scalar, array, members = json.scalar, json.array, json.members

local DEFAULT_NUMBER = 10

local M = {
  summary = "list the phrases that say what an article, or a story's articles, are about",
  usage = "lede keyphrases [-n N] [--json] [FILE|-]\n"
    .. "       lede keyphrases --jsonl [--strict] [-n N] [--json] [FILE|-]\n"
    .. "       lede keyphrases --multi [--strict] [-n N] [--json] [FILE|-]\n"
    .. "       lede keyphrases --stories [--strict] [-n N] [--json] [FILE|-]",
  help = table.concat({
    "FILE is plain text (.txt or any other name) or a .json article; without FILE, or with -,",
    "plain text is read from standard input. The keyphrases (phrases of one to four words) are",
    "written best first, one per line: how many times the phrase occurs, then the phrase.",
    "",
    "     7  Storm Odile",
    "    16  Spain",
    "",
    "The lists of the articles of a .json list are separated by an empty line. --json writes one",
    "object per article instead: {\"id\",\"keyphrases\":[{\"text\",\"score\",\"count\",",
    "\"positions\":[{\"start\",\"stop\"}]}]}, where text:sub(start, stop) is an occurrence.",
    "",
    "With --jsonl (implied by a .jsonl FILE) every line is an article object (fields id,",
    "title, text|body|article, date, source, url, authors) and every result is one line",
    "{\"id\",\"keyphrases\":[phrase texts]}, or with --json the object above.",
    "",
    "With --multi the whole FILE is one story: every line is an article (FILE is read as JSONL",
    "whatever its name, unless it is a .json list of articles) and the keyphrases of all the",
    "articles together are written once, as the list above or, with --json, as",
    "{\"keyphrases\":[{\"text\",\"score\",\"count\",\"positions\":[{\"source\",\"start\",\"stop\"}]}]},",
    "source being the id of the article the occurrence is in (an article without an id is",
    "named by its line number, or by its place in a .json list).",
    "This is not `lede summarize --multi`, which reads one story per line. For that format,",
    "{\"id\",\"articles\":[{\"id\",\"text\",\"title\",\"date\",\"source\"},...]}, give --stories:",
    "every story's result is one line {\"id\",\"keyphrases\":[phrase texts]}, or with --json",
    "{\"id\",\"keyphrases\":[...]} with positions as for --multi (an article without an id is",
    "named by its place in the story, \"1\", \"2\", ...).",
    "",
    "A bad line is reported on stderr as FILE:LINE, skipped, and the exit status is 1. With",
    "--multi the keyphrases of the good lines are still written; --strict stops at the first",
    "bad line and writes nothing.",
  }, "\n"),
  options = {
    { "number", "N", "list at most N keyphrases (default " .. DEFAULT_NUMBER .. ")", "n" },
    { "json", nil, "write the keyphrases as JSON with scores and positions" },
    { "jsonl", nil, "read one JSON article per line, write one JSON result per line" },
    { "multi", nil, "read one JSON article per line; list the keyphrases of all of them" },
    { "stories", nil, "read one story per line: {\"id\",\"articles\":[...]}, one result each" },
    { "strict", nil, "with --jsonl, --multi or --stories: stop at the first bad line" },
  },
  operands = 1,
}

local function texts(phrases)
  local out = {}
  for i, p in ipairs(phrases) do out[i] = p.text end
  return out
end

-- The readable list: "count  text" per phrase, the counts right-aligned.
local function write_list(phrases)
  local width = 1
  for _, p in ipairs(phrases) do width = math.max(width, #string.format("%d", p.count)) end
  for _, p in ipairs(phrases) do
    io.write(string.format("%" .. width .. "d  %s\n", p.count, util.one_line(p.text)))
  end
end

-- [{"text","score","count","positions":[{("source",)"start","stop"}]}]; names (the id of each
-- article of the list, by the API's article number) adds "source" to the positions.
local function detailed(phrases, names)
  local keys = names and { "source", "start", "stop" } or { "start", "stop" }
  local items = {}
  for i, p in ipairs(phrases) do
    local positions = {}
    for j, pos in ipairs(p.positions) do
      positions[j] = { source = names and names[pos.article], start = pos.start, stop = pos.stop }
    end
    items[i] = members {
      { "text", scalar(p.text) },
      { "score", scalar(p.score) },
      { "count", scalar(p.count) },
      { "positions", array(positions, keys) },
    }
  end
  return "[" .. table.concat(items, ",") .. "]"
end

-- --multi: the keyphrases of all the articles of path as one story. An article is named by its
-- id, or by its line number (its place in a .json list) when it has none.
local function multi(path, opts, n)
  local lede = require "lede"
  local jsonl = not (path and path ~= "-" and read.kind(path) == "json")
  local articles, names = {}, {}
  local status = input.each(path, { jsonl = jsonl, strict = opts.strict }, function(a, lineno)
    articles[#articles + 1] = a
    names[#articles] = a.id or string.format("%d", lineno or #articles)
  end)
  if status ~= 0 and opts.strict then return status end
  local phrases = lede.keyphrases(articles, n)
  if opts.json then
    io.write(members { { "keyphrases", detailed(phrases, names) } }, "\n")
  else
    write_list(phrases)
  end
  return status
end

function M.run(opts, files)
  local n = args.whole_number("keyphrases", M.options, opts, "number", DEFAULT_NUMBER, 1)
  local lede = require "lede"
  if opts.stories then
    return input.each_story(files[1], opts.strict, function(id, articles)
      local phrases = lede.keyphrases(articles, n)
      local names = {}
      for i, a in ipairs(articles) do names[i] = a.id end
      io.write(members {
        { "id", scalar(id) },
        { "keyphrases", opts.json and detailed(phrases, names) or array(texts(phrases)) },
      }, "\n")
    end)
  end
  if opts.multi then return multi(files[1], opts, n) end
  local jsonl = input.is_jsonl(files[1], opts.jsonl)
  local first = true
  return input.each(files[1], { jsonl = jsonl, strict = opts.strict }, function(a)
    local phrases = lede.keyphrases(a, n)
    if opts.json then
      io.write(members { { "id", scalar(a.id) }, { "keyphrases", detailed(phrases) } }, "\n")
    elseif jsonl then
      io.write(members { { "id", scalar(a.id) }, { "keyphrases", array(texts(phrases)) } }, "\n")
    else
      if not first then io.write("\n") end
      write_list(phrases)
    end
    first = false
  end)
end

return M
