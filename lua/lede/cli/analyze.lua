-- `lede analyze`: the article model as JSON, one object per article (one per line for JSONL).
local args = require "lede.cli.args"
local input = require "lede.cli.input"
local json = require "lede.cli.json"

local scalar, object, array, sorted_keys = json.scalar, json.object, json.array, json.sorted_keys

local TOKEN_KEYS = { "start", "stop", "text", "kind", "lower", "stem", "stopword" }
-- The extraction's fields, in this order; a listed field that is missing is null.
local ENTITY_KEYS = { "start", "stop", "text", "type", "entity" }
local QUOTE_KEYS = { "start", "stop", "text", "kind", "cue", "speaker", "speaker_start", "speaker_stop" }
-- Then a quote's parts: the quoted pieces, several when the attribution splits the quote or it
-- runs over paragraphs (`text` joins them as they read).
local PART_KEYS = { "start", "stop", "text" }
local DATE_KEYS = { "start", "stop", "text", "type", "value" }
local QUANTITY_KEYS = { "start", "stop", "text", "value", "unit", "approx" }
-- A range ("between 40 and 50 troops") has value_max too, after value; else it is left out.
local RANGE_KEYS = { "start", "stop", "text", "value", "value_max", "unit", "approx" }

-- The mentions with `entity`, the canonical name: the mention's own, else its text.
local function entity_list(a)
  local list = {}
  for i, m in ipairs(a:entities()) do
    list[i] = { start = m.start, stop = m.stop, text = m.text, type = m.type,
      entity = m.entity or m.text }
  end
  return list
end

local function quote_array(list)
  local out = {}
  for i, q in ipairs(list) do
    local members = {}
    for k, key in ipairs(QUOTE_KEYS) do members[k] = { key, scalar(q[key]) } end
    members[#members + 1] = { "parts", array(q.parts, PART_KEYS) }
    out[i] = json.members(members)
  end
  return "[" .. table.concat(out, ",") .. "]"
end

local function quantity_array(list)
  local parts = {}
  for i, q in ipairs(list) do
    parts[i] = json.object(q.value_max ~= nil and RANGE_KEYS or QUANTITY_KEYS, q)
  end
  return "[" .. table.concat(parts, ",") .. "]"
end

local function encode(a, with_tokens, extract)
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
  if extract then
    parts[#parts + 1] = '"entities":' .. array(entity_list(a), ENTITY_KEYS)
    parts[#parts + 1] = '"quotes":' .. quote_array(a:quotes())
    parts[#parts + 1] = '"dates":' .. array(a:dates(), DATE_KEYS)
    parts[#parts + 1] = '"quantities":' .. quantity_array(a:quantities())
  end
  if with_tokens then parts[#parts + 1] = '"tokens":' .. array(a:tokens(), TOKEN_KEYS) end
  return "{" .. table.concat(parts, ",") .. "}"
end

local M = {
  summary = "print the article model (spans, sentences, counts, extraction) as JSON",
  usage = "lede analyze [--title T] [--date D] [--id ID] [--tokens] [--no-extract] [FILE|-]\n"
    .. "       lede analyze --jsonl [--strict] [--tokens] [--no-extract] [FILE|-]",
  help = table.concat({
    "FILE is plain text (.txt or any other name) or a .json article; without FILE, or with -,",
    "plain text is read from standard input. Spans are 1-based and inclusive: the text of a",
    "sentence is text:sub(start, stop).",
    "",
    "The extraction comes after the counts: \"entities\" (mentions: start, stop, text, type",
    "PER|ORG|LOC|MISC, and entity, the name of the entity mentioned), \"quotes\" (start, stop,",
    "text, kind direct|partial|indirect, cue, speaker, speaker_start, speaker_stop, and parts:",
    "the quoted pieces {start, stop, text}, several when the attribution splits the quote or it",
    "runs over paragraphs; text joins them as they read, with the punctuation kept inside the",
    "marks or \" … \" where the attribution ends a sentence), \"dates\" (start, stop, text, type",
    "DATE|TIME|DURATION|SET, value) and \"quantities\" (start, stop, text, value, value_max for a",
    "range, unit, approx). A field that is not found is null.",
    "--no-extract leaves the four lists out, for speed when only the spans are wanted.",
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
    { "no-extract", nil, "leave out entities, quotes, dates and quantities (faster)" },
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
    io.write(encode(a, opts.tokens, not opts["no-extract"]), "\n")
  end)
end

return M
