-- Query latency of lede's index, for bench/bench_search.sh: the Lua twin of
-- `engines.py query` (same output, same warm-up and repetitions).
-- usage: lua5.4 bench/search/query_lede.lua CORPUS_NAME DIR QUERIES.jsonl REPS
-- Prints `query lede CORPUS CLASS N MILLISECONDS HITS` lines (tab-separated).

local corpus, dir, queries_path, reps = arg[1], arg[2], arg[3], tonumber(arg[4])
local cjson = require("cjson")
local lede = require("lede")

-- Wall clock (lua-system comes with busted); os.clock, CPU time, is the fallback.
local ok, system = pcall(require, "system")
local now = ok and system.monotime or os.clock

--------------------------------------------------------------------------------------------------
-- lede's side: the calls the benchmark makes (lede.index.open, ix:search; docs/QUERY.md for the
-- query language). Keep them in step with lua/lede/index.lua.
--------------------------------------------------------------------------------------------------

-- fair (the default): only what the peers do, top 10 without snippets or an exact total count
-- (Xapian's get_mset estimates the total; FTS5's LIMIT 10 counts nothing).
-- default: lede's own defaults, which add a snippet per hit and an exact total.
local SEARCH_OPTS = ({
  fair = { limit = 10, snippet = false, count = false },
  default = { limit = 10 },
})[os.getenv("LEDE_SEARCH_OPTS") or "fair"] or error("LEDE_SEARCH_OPTS must be fair or default")

local function quote(w) return '"' .. w .. '"' end

-- A neutral query (see make_queries.py) in lede's query language. Terms are plain lower-case
-- words of letters, so they need no escaping.
local function to_query(q)
  local c, t = q.class, q.terms
  if c == "rare" or c == "common" then return t[1] end
  if c == "or" then return table.concat(t, " OR ") end
  if c == "and" then return table.concat(t, " AND ") end
  if c == "phrase" then return quote(table.concat(t, " ")) end
  if c == "prefix" then return t[1] .. "*" end
  -- A calendar year ("2017") or month ("1987-03"): that whole period.
  if c == "date" then return t[1] .. " date:" .. q.date_label end
  error("unknown query class " .. tostring(c))
end

local ix = lede.index.open(dir)

-- One query, from the string to the ids and titles of the top 10 in hand.
local function run(q)
  local text = to_query(q)
  local hits = ix:search(text, SEARCH_OPTS).hits
  local n = 0
  for _, h in ipairs(hits) do
    local id, title = h.id, h.title
    if id == nil then error("a hit without an id: " .. text) end
    n = n + 1
  end
  return n
end
--------------------------------------------------------------------------------------------------

local queries = {}
for line in io.lines(queries_path) do queries[#queries + 1] = cjson.decode(line) end

for _, q in ipairs(queries) do run(q) end -- warm-up

local times, hits = {}, {}
for i = 1, #queries do times[i] = {} end
for _ = 1, reps do
  for i, q in ipairs(queries) do
    local t0 = now()
    hits[i] = run(q)
    times[i][#times[i] + 1] = (now() - t0) * 1e3
  end
end

local function median(v)
  table.sort(v)
  local n = #v
  return n % 2 == 1 and v[(n + 1) // 2] or (v[n // 2] + v[n // 2 + 1]) / 2
end

local out = {}
for i, q in ipairs(queries) do
  out[#out + 1] = string.format("query\tlede\t%s\t%s\t%d\t%.4f\t%d", corpus, q.class, q.n,
    median(times[i]), hits[i])
end
io.write(table.concat(out, "\n"), "\n")
ix:close()
