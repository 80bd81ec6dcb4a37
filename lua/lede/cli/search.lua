-- `lede search DIR QUERY`: the best matches in an index, readable or as JSON; and
-- `lede search DIR --queries Q.jsonl`: a TREC run of many natural-language queries.
local cjson = require "cjson"
local args = require "lede.cli.args"
local json = require "lede.cli.json"
local util = require "lede.cli.util"
local read = require "lede.read"

local DEFAULT_LIMIT, BATCH_LIMIT = 10, 1000
-- Highlights when the output is not a terminal (and in --json, unless --snippet says otherwise).
local PLAIN_OPEN, PLAIN_CLOSE = "[", "]"
local BOLD, RESET = "\27[1m", "\27[0m"

local M = {
  summary = "search an index made by 'lede index'",
  usage = "lede search DIR QUERY... [--limit N] [--offset N] [--facets F,...] [--strict] [--any]\n"
    .. "                           [--snippet plain|ansi|html|none] [--json]\n"
    .. "       lede search DIR --queries Q.jsonl [--limit N] [--run NAME]",
  help = table.concat({
    "QUERY is in lede's query language: words (all of them must match, or any with --any),",
    "\"phrases\", OR, AND, NOT, -word, +word, (groups), prefix*, field:value such as",
    "source:\"continental press\", date:2026-02 and NEAR(a b). Quote it: 'storm -madrid' (a",
    "word that starts with '-' is otherwise read as an option; -- before QUERY works too).",
    "Several QUERY words are joined with spaces. A query that does not parse is read as well",
    "as it can be, unless --strict makes it an error (exit status 1).",
    "",
    "The results: a header with the number of matches, then for each hit its rank, title,",
    "date, source, id, score and a snippet wrapped to the terminal width (COLUMNS, else 80),",
    "matches in bold on a terminal and in " .. PLAIN_OPEN .. "brackets" .. PLAIN_CLOSE
      .. " elsewhere; then the facets. --facets names",
    "what to count the matches by: date (by day), date:week, date:month, or a keyword field",
    "such as source (the ten most frequent values of each).",
    "--json writes one object instead: {\"total\",\"exact\",\"hits\":[{\"id\",\"score\",\"title\",",
    "\"date\",\"source\",\"snippet\"}],\"facets\":{\"source\":[{\"value\",\"count\"}]}}.",
    "",
    "With --queries, every line of Q.jsonl (- for standard input) is a query {\"id\", \"text\"}",
    "whose text is natural language: its words are OR-ed, query syntax is ignored. The output",
    "is a TREC run, one line per hit: QID Q0 DOCID RANK SCORE NAME. A bad line is reported as",
    "Q.jsonl:LINE and skipped, and the exit status is 1.",
  }, "\n"),
  options = {
    { "limit", "N", "show N hits (default " .. DEFAULT_LIMIT .. "; with --queries " .. BATCH_LIMIT .. ")" },
    { "offset", "N", "skip the first N hits" },
    { "facets", "F,...", "count the matches by source, date, date:week, date:month, ..." },
    { "strict", nil, "a query that does not parse is an error" },
    { "any", nil, "match any of the words, not all of them" },
    { "snippet", "STYLE", "plain, ansi, html or none (default: ansi on a terminal, else plain)" },
    { "json", nil, "write the results as one JSON object" },
    { "queries", "FILE", "run every query of a JSONL file {\"id\", \"text\"}; write a TREC run" },
    { "run", "NAME", "the run name in the last column of --queries output (default lede)" },
  },
  operands = math.huge,
}

local function usage(fmt, ...) args.usage_error("search", fmt, ...) end

-- The index in dir. A directory without a MANIFEST holds none: rather than an empty result
-- for a mistyped path, say so.
local function open_index(dir)
  local lede = require "lede"
  local ok, ix = pcall(lede.index.open, dir)
  if not ok then error(util.bare_error(ix), 0) end
  local manifest = io.open(dir .. "/MANIFEST", "rb")
  if not manifest then
    ix:close()
    error(string.format("no index at %s (make one with 'lede index --output %s')", dir, dir), 0)
  end
  manifest:close()
  return ix
end

-- The index sets room aside for `limit` hits; there cannot be more than its documents.
local function cap(limit, ix)
  return math.min(limit, ix:stats().documents)
end

local function search(ix, query, params)
  local ok, result = pcall(ix.search, ix, query, params)
  if not ok then error(util.bare_error(result), 0) end
  return result
end

---------------------------------------------------------------------------------------------------
-- Readable output

-- How many columns a string takes: UTF-8 characters, not bytes, and no escape sequences.
local function width(s)
  s = s:gsub("\27%[[%d;]*m", "")
  return utf8.len(s) or #s
end

-- A field on one line that cannot drive the terminal: white space and control characters
-- (C0, DEL and C1: ESC would start an escape sequence) become single spaces, as in snippets.
local function one_line(s)
  s = s:gsub("[%z\1-\31\127]", " "):gsub("\194[\128-\159]", " ")
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- Words of text in lines of at most `cols` columns, each line starting with `indent`.
-- A word longer than a line gets a line of its own.
local function wrap(text, indent, cols, out)
  local room = math.max(cols - width(indent), 20)
  local line, used = {}, 0
  for word in text:gmatch("%S+") do
    local w = width(word)
    if used > 0 and used + 1 + w > room then
      out[#out + 1] = indent .. table.concat(line, " ")
      line, used = {}, 0
    end
    line[#line + 1] = word
    used = used + (used > 0 and 1 or 0) + w
  end
  if used > 0 then out[#out + 1] = indent .. table.concat(line, " ") end
end

local plural = util.plural

local function render(result, query, facet_names, offset, tty)
  local out, cols = {}, util.columns()
  local hits = result.hits
  local header = (result.exact and "" or "at least ") .. plural(result.total, "result")
    .. " for " .. json.scalar(query)
  if #hits > 0 and (offset > 0 or #hits < result.total) then
    header = header .. string.format(" (showing %d-%d)", offset + 1, offset + #hits)
  end
  out[1] = one_line(header)
  local last = offset + #hits
  local rank_width = #tostring(last)
  local indent = string.rep(" ", rank_width + 3)
  for i, hit in ipairs(hits) do
    out[#out + 1] = ""
    local rank = string.format(" %" .. rank_width .. "d. ", offset + i)
    local title = one_line(hit.title or "(untitled)")
    local title_lines = {}
    wrap(title, indent, cols, title_lines)
    title_lines[1] = rank .. title_lines[1]:sub(#indent + 1)
    for _, l in ipairs(title_lines) do
      out[#out + 1] = tty and (l:sub(1, #rank) .. BOLD .. l:sub(#rank + 1) .. RESET) or l
    end
    local meta = {}
    if hit.date then meta[#meta + 1] = hit.date:sub(1, 10) end
    if hit.source then meta[#meta + 1] = one_line(hit.source) end
    meta[#meta + 1] = one_line(hit.id)
    meta[#meta + 1] = string.format("score %.3f", hit.score)
    out[#out + 1] = indent .. table.concat(meta, " · ")
    if hit.snippet and hit.snippet:find("%S") then wrap(hit.snippet, indent, cols, out) end
  end
  for _, name in ipairs(facet_names) do
    local values = result.facets[name] or {}
    out[#out + 1] = ""
    out[#out + 1] = name
    local vw, cw = 0, 0
    for _, v in ipairs(values) do
      v.value = one_line(v.value)
      vw = math.max(vw, width(v.value))
      cw = math.max(cw, #tostring(v.count))
    end
    for _, v in ipairs(values) do
      out[#out + 1] = "  " .. v.value .. string.rep(" ", vw - width(v.value) + 2)
        .. string.format("%" .. cw .. "d", v.count)
    end
    if #values == 0 then out[#out + 1] = "  (none)" end
  end
  return table.concat(out, "\n") .. "\n"
end

local HIT_KEYS = { "id", "score", "title", "date", "source", "snippet" }
local FACET_KEYS = { "value", "count" }

local function render_json(result, facet_names)
  local facets = {}
  for i, name in ipairs(facet_names) do
    facets[i] = { name, json.array(result.facets[name] or {}, FACET_KEYS) }
  end
  return json.members {
    { "total", json.scalar(result.total) },
    { "exact", json.scalar(result.exact) },
    { "hits", json.array(result.hits, HIT_KEYS) },
    { "facets", json.members(facets) },
  } .. "\n"
end

-- Fields the index keeps but does not count (analysed or stored only): a facet of one of
-- them would always be empty.
local NOT_FACETS = { id = true, title = true, text = true, url = true, authors = true }
local DATE_UNITS = { day = true, week = true, month = true }

-- "source, date:month" -> { "source", "date:month" }, each name once.
local function facet_list(spec)
  local names, seen = {}, {}
  for name in (spec or ""):gmatch("[^,]+") do
    name = name:match("^%s*(.-)%s*$")
    local unit = name:match("^date:(.*)$")
    if unit and not DATE_UNITS[unit] then
      usage("unknown facet '%s' (date, date:day, date:week or date:month)", name)
    elseif NOT_FACETS[name] then
      usage("'%s' cannot be a facet: only date and keyword fields such as source are counted", name)
    end
    if name ~= "" and not seen[name] then
      names[#names + 1] = name
      seen[name] = true
    end
  end
  if spec and #names == 0 then usage("--facets needs field names, such as source,date:month") end
  return names
end

local SNIPPET_STYLES = { plain = true, ansi = true, html = true, none = true }

local function search_one(opts, dir, query)
  local style = opts.snippet
  if style and not SNIPPET_STYLES[style] then
    usage("--snippet takes plain, ansi, html or none, got '%s'", style)
  end
  local tty = not opts.json and util.is_terminal(1)
  style = style or (tty and "ansi" or "plain")
  local facet_names = facet_list(opts.facets)
  local offset = args.whole_number("search", M.options, opts, "offset", 0)
  local params = {
    limit = args.whole_number("search", M.options, opts, "limit", DEFAULT_LIMIT),
    offset = offset,
    mode = opts.strict and "strict" or "lenient",
    any = opts.any or nil,
    facets = #facet_names > 0 and facet_names or nil,
    snippet = style ~= "none" and style or false,
    open = style == "plain" and PLAIN_OPEN or nil,
    close = style == "plain" and PLAIN_CLOSE or nil,
  }
  local ix = open_index(dir)
  params.limit = cap(params.limit, ix)
  local result = search(ix, query, params)
  ix:close()
  io.write(opts.json and render_json(result, facet_names)
    or render(result, query, facet_names, offset, tty))
  return 0
end

---------------------------------------------------------------------------------------------------
-- Batch mode: a TREC run

-- Natural-language text as a query of plain words: the characters and words that are query
-- syntax ( ) " * +x -x field: AND OR NOT NEAR( ) are made ordinary text.
local function literal(text)
  text = text:gsub('[()"*]', " ")
  text = (" " .. text):gsub("(%s)[%+%-]+", "%1")
  text = text:gsub("%f[%w]([%a][%w_]*):", "%1 ")
  text = text:gsub("%f[%w](%u+)%f[%W]", function(w)
    if w == "AND" or w == "OR" or w == "NOT" then return w:lower() end
  end)
  return text
end

local function query_id(v)
  if type(v) == "number" and v == math.floor(v) and math.abs(v) < 2^53 then
    return string.format("%d", v)
  end
  if type(v) ~= "string" then return nil, 'field "id" must be a string or a whole number' end
  if v == "" or v:find("%s") then return nil, 'field "id" must be non-empty and without spaces' end
  return v
end

-- The query of one line, or nil and why not.
local function parse_query_line(line, decoder)
  local ok, obj = pcall(decoder.decode, line)
  if not ok then return nil, nil, "invalid JSON: " .. read.clean_error(obj) end
  if type(obj) ~= "table" or obj[1] ~= nil then return nil, nil, "expected a JSON object" end
  local id, err = query_id(obj.id)
  if not id then return nil, nil, obj.id == nil and 'no "id" field' or err end
  if type(obj.text) ~= "string" then return nil, nil, 'no text: expected a "text" string field' end
  return id, obj.text
end

local BATCH_ONLY = { "run" }
local SINGLE_ONLY = { "offset", "facets", "strict", "snippet", "json" }

local function search_batch(opts, dir)
  for _, name in ipairs(SINGLE_ONLY) do
    if opts[name] then usage("--%s cannot be used with --queries", name) end
  end
  local run = opts.run or "lede"
  if run == "" or run:find("%s") then usage("--run NAME must be a word without spaces, got '%s'", run) end
  local limit = args.whole_number("search", M.options, opts, "limit", BATCH_LIMIT)
  local path = opts.queries
  local fh, name = io.stdin, "stdin"
  if path ~= "-" then fh, name = util.open(path), path end
  local ix = open_index(dir)
  local decoder = cjson.new()
  local params = { limit = cap(limit, ix), mode = "lenient", any = true, snippet = false,
    count = false }
  local lineno, queries, skipped, renamed = 0, 0, 0, {}
  for line in fh:lines() do
    lineno = lineno + 1
    line = line:gsub("^\239\187\191", ""):gsub("\r$", "")
    if line:find("%S") then
      local qid, text, err = parse_query_line(line, decoder)
      if not qid then
        skipped = skipped + 1
        io.stderr:write(string.format("lede: %s:%d: %s\n", name, lineno, err))
      else
        queries = queries + 1
        local result = search(ix, literal(text), params)
        local out = {}
        for rank, hit in ipairs(result.hits) do
          local docid = hit.id
          -- A run is split on white space: an id with a space would shift every column.
          if docid:find("%s") then
            local fixed = docid:gsub("%s", "_")
            if not renamed[docid] then
              renamed[docid] = true
              io.stderr:write(string.format("lede: document id %q has white space; written as %s\n",
                docid, fixed))
            end
            docid = fixed
          end
          out[rank] = string.format("%s Q0 %s %d %.8f %s\n", qid, docid, rank, hit.score, run)
        end
        io.write(table.concat(out))
      end
    end
  end
  if fh ~= io.stdin then fh:close() end
  ix:close()
  if skipped > 0 then
    io.stderr:write(string.format("lede: %d of %d queries skipped\n", skipped, skipped + queries))
    return 1
  end
  return 0
end

function M.run(opts, operands)
  local dir = operands[1]
  if dir == nil then usage("missing DIR, the index to search") end
  if opts.queries then
    if #operands > 1 then usage("QUERY cannot be given with --queries") end
    return search_batch(opts, dir)
  end
  for _, name in ipairs(BATCH_ONLY) do
    if opts[name] then usage("--%s needs --queries", name) end
  end
  if #operands < 2 then usage("missing QUERY") end
  return search_one(opts, dir, table.concat(operands, " ", 2))
end

return M
