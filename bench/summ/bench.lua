-- Summarization speed of one lede method on cnndm_dev (one run; bench/bench_summ.sh repeats it).
--
--   lua5.4 bench/summ/bench.lua DATA_DIR --method M [--sentences 3] [--passes 5]  -> a JSON line
--   lua5.4 bench/summ/bench.lua DATA_DIR --dump FILE                  -> the detokenized texts,
--                                                                         one JSON string a line
-- The texts are read and detokenized before timing. Two loops are timed, each over all texts
-- --passes times (so that a measurement lasts about a second):
--   end_to_end: lede.article(text) then lede.summarize(a, {method, sentences}) for every text
--   summarize:  lede.summarize only, on articles analysed beforehand
-- Wall time comes from `date +%s.%N` around each loop (Lua has no finer wall clock); CPU time
-- from os.clock().
local lede = require("lede")
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local common = dofile(here .. "/common.lua")
local json = dofile(here .. "/../lib/json.lua")

local dir, method, dump, sentences, passes = nil, "auto", nil, 3, 5
local i = 1
while i <= #arg do
  local a = arg[i]
  if a == "--method" then method = arg[i + 1]; i = i + 1
  elseif a == "--dump" then dump = arg[i + 1]; i = i + 1
  elseif a == "--sentences" then sentences = tonumber(arg[i + 1]); i = i + 1
  elseif a == "--passes" then passes = tonumber(arg[i + 1]); i = i + 1
  else dir = a end
  i = i + 1
end
dir = dir or "../shared/data/summ"

local records, err = common.load(dir, common.set_named("cnndm"))
if not records then io.stderr:write("bench-summ: ", err, "\n"); os.exit(1) end
local texts = {}
for k, r in ipairs(records) do texts[k] = r.docs[1].text end

if dump then
  local f = assert(io.open(dump, "w"))
  for _, t in ipairs(texts) do f:write(json.encode(t), "\n") end
  f:close()
  os.exit(0)
end

local function now()
  local p = io.popen("date +%s.%N")
  local s = p:read("l")
  p:close()
  return tonumber(s)
end

local opts = { method = method, sentences = sentences }
local chosen = 0

-- Warm-up: the analyzer's caches and the allocator, as in a long-running process.
for k = 1, math.min(50, #texts) do
  local a = lede.article(texts[k])
  lede.summarize(a, opts)
  if a.close then a:close() end
end
collectgarbage()

local w0, c0 = now(), os.clock()
for _ = 1, passes do
  for _, t in ipairs(texts) do
    local a = lede.article(t)
    chosen = chosen + #lede.summarize(a, opts)
    if a.close then a:close() end
  end
end
local w1, c1 = now(), os.clock()

local articles = {}
for k, t in ipairs(texts) do articles[k] = lede.article(t) end
collectgarbage()
local w2, c2 = now(), os.clock()
for _ = 1, passes do
  for _, a in ipairs(articles) do chosen = chosen + #lede.summarize(a, opts) end
end
local w3, c3 = now(), os.clock()
for _, a in ipairs(articles) do if a.close then a:close() end end

local bytes = 0
for _, t in ipairs(texts) do bytes = bytes + #t end
print(json.encode({
  method = method, articles = #texts * passes, bytes = bytes * passes, sentences_chosen = chosen,
  end_to_end_wall = w1 - w0, end_to_end_cpu = c1 - c0,
  summarize_wall = w3 - w2, summarize_cpu = c3 - c2,
}))
