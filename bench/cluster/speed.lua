-- Story clustering speed on the Reuters-21578 and BBC corpora (../shared/data/news): reading and
-- analysing the articles, then clustering them (lede_cluster_run), timed apart. BBC articles have
-- no dates: they are clustered after the dated ones, against every story (see lede.h).
-- usage: lua5.4 bench/cluster/speed.lua NEWS_DIR [THRESHOLD]
package.path = "bench/?.lua;" .. package.path
local corpus = require("lib.corpus")
local json = require("lib.json")
local core = require("lede.core")

local dir, threshold = arg[1], tonumber(arg[2] or "")
local files = { { "reuters21578.jsonl", "body" }, { "bbc_fulltext.jsonl", "text" } }
for _, f in ipairs(files) do
  local fh = io.open(dir .. "/" .. f[1], "rb")
  if not fh then
    print("bench-cluster: no " .. dir .. "/" .. f[1] .. "; skipped (see ../shared/data/news)")
    os.exit(0)
  end
  fh:close()
end

local records = {}
for _, f in ipairs(files) do
  for _, rec in ipairs(assert(json.read_lines(dir .. "/" .. f[1]))) do
    rec.text = rec[f[2]]
    rec.source = f[1]:match("^(%a+)")
    records[#records + 1] = rec
  end
end
collectgarbage()

local c = core.cluster_new({ threshold = threshold })
local t0 = corpus.now()
local bytes = 0
for _, rec in ipairs(records) do
  local date = rec.date and assert(core.parse_date(rec.date)).epoch or nil
  local text = rec.text or ""
  bytes = bytes + #text
  c:stage({ id = rec.source .. ":" .. rec.id, date = date, title = rec.title, text = text,
    source = rec.source })
end
local t1, cpu1 = corpus.now(), os.clock()
c:run()
local t2, cpu2 = corpus.now(), os.clock()

local stories, articles = c:stories(), c:articles()
local sizes, singletons, largest = {}, 0, 0
for _, s in ipairs(stories) do
  if s.size == 1 then singletons = singletons + 1 end
  largest = math.max(largest, s.size)
  sizes[#sizes + 1] = s
end
table.sort(sizes, function(a, b) return a.size > b.size end)
print(string.format("articles %d (%.1f MB of text), options threshold %.2f window %g days",
  #articles, bytes / 1e6, c:options().threshold, c:options().window))
print(string.format("analysis and staging: %.2f s; clustering (lede_cluster_run): %.2f s "
  .. "(processor time %.2f s)", t1 - t0, t2 - t1, cpu2 - cpu1))
print(string.format("stories %d, of which single articles %d; largest %d", #stories, singletons,
  largest))
print("largest stories (size, label):")
for i = 1, math.min(8, #sizes) do
  print(string.format("  %5d  %s", sizes[i].size, articles[sizes[i].label].title))
end
