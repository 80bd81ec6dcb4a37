-- Story clustering quality on the sample corpus: each file of examples/corpus is one story, so
-- the stories lede.stories finds are scored against the files by purity, inverse purity and
-- B-cubed precision, recall and F1, for articles with entities (the default), without, and from
-- an index (entities from its person, org and place fields).
-- usage: lua5.4 bench/cluster/eval.lua CORPUS_DIR
local lede = require("lede")

local dir = arg[1] or "examples/corpus"
local ls = assert(io.popen("ls -1 " .. dir .. "/*.jsonl"))
local files = {}
for path in ls:lines() do files[#files + 1] = path end
ls:close()

local truth, articles = {}, {}
for _, path in ipairs(files) do
  local name = path:match("([^/]+)%.jsonl$")
  for _, a in lede.read(path) do
    truth[a.id] = name
    articles[#articles + 1] = a
  end
end

-- purity, inverse purity, B-cubed P, R, F1 of a list of stories.
local function scores(stories)
  local cluster_of, n = {}, 0
  for i, s in ipairs(stories) do
    for _, id in ipairs(s.articles) do cluster_of[id] = i; n = n + 1 end
  end
  local function overlap_max(group_of, other_of)
    local best = {}
    local counts = {}
    for id, g in pairs(group_of) do
      local key = g .. "\0" .. other_of[id]
      counts[key] = (counts[key] or 0) + 1
      best[g] = math.max(best[g] or 0, counts[key])
    end
    local sum = 0
    for _, v in pairs(best) do sum = sum + v end
    return sum / n
  end
  local purity, inverse = overlap_max(cluster_of, truth), overlap_max(truth, cluster_of)
  local p, r = 0, 0
  for id in pairs(cluster_of) do
    local both, same_c, same_t = 0, 0, 0
    for other in pairs(cluster_of) do
      local c, t = cluster_of[id] == cluster_of[other], truth[id] == truth[other]
      if c then same_c = same_c + 1 end
      if t then same_t = same_t + 1 end
      if c and t then both = both + 1 end
    end
    p, r = p + both / same_c, r + both / same_t
  end
  p, r = p / n, r / n
  return purity, inverse, p, r, 2 * p * r / (p + r)
end

local index_dir = os.tmpname()
os.remove(index_dir)
local ix = lede.index.open(index_dir, { create = true })
for _, a in ipairs(articles) do ix:add(a) end
ix:commit()

local runs = {
  { "articles, entities (default)", function() return lede.stories.build(articles) end },
  { "articles, no entities", function() return lede.stories.build(articles, { entities = false }) end },
  { "index (person/org/place fields)", function() return lede.stories.build(ix) end },
}
print(string.format("sample corpus: %d articles, %d stories (one per file)", #articles, #files))
print(string.format("%-34s %7s %7s %8s %7s %7s %7s", "input", "stories", "purity", "inverse",
  "B3 P", "B3 R", "B3 F1"))
for _, run in ipairs(runs) do
  local stories = run[2]()
  local purity, inverse, p, r, f1 = scores(stories)
  print(string.format("%-34s %7d %7.3f %8.3f %7.3f %7.3f %7.3f", run[1], #stories, purity, inverse,
    p, r, f1))
end
ix:close()
os.execute("rm -rf '" .. index_dir .. "'")
