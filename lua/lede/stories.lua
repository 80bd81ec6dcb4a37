-- lede.stories: articles grouped into stories (the same event or running story), incrementally.
--
-- A thin layer over lede.core's clustering (csrc/cluster, see lede_cluster_* in lede.h): articles
-- in, story tables out, and a state that can be saved and loaded again so that later articles
-- join the same stories under the same ids.
local core = require("lede.core")
local dedup = require("lede.dedup")

local M = {}

local Stories = {}
Stories.__index = Stories

-- The entity types that make features: people, organisations and places.
local ENTITY_TYPES = { PER = true, ORG = true, LOC = true }
-- Keyword fields of an index document (lede.index extraction) that hold such entities.
local ENTITY_FIELDS = { "person", "org", "place" }

local OPTION_NAMES = { threshold = true, window = true, title_weight = true, lead_weight = true,
  lead_paragraphs = true, entity_weight = true, max_features = true, entities = true }

local function check_options(opts, where)
  if opts == nil then return {} end
  if type(opts) ~= "table" then error(where .. ": options must be a table", 3) end
  for k, v in pairs(opts) do
    if not OPTION_NAMES[k] then error(("%s: unknown option '%s'"):format(where, tostring(k)), 3) end
    if k ~= "entities" and (type(v) ~= "number" or v ~= v or v < 0) then
      error(("%s: option '%s' must be a number of at least 0"):format(where, k), 3)
    end
  end
  return opts
end

-- The near-duplicate side: each article's signature (lede.dedup, default options) is made once,
-- when it is added, and kept in a set; the set's pairs, cut along story lines, are the stories'
-- duplicates. `_signatures` lists { id, signature } in the order added to the set, for saving.
local function wrap(c, opts)
  return setmetatable({ _core = c, entities = opts.entities ~= false, _dedup = dedup.new(),
    _signatures = {} }, Stories)
end

--- A new, empty clustering. opts: threshold (cosine to join a story, 0.2), window (days, 14),
-- title_weight (3), lead_weight (2), lead_paragraphs (2), entity_weight (3), max_features (32),
-- entities (true: an added lede.article gives its people, organisations and places as features;
-- false skips entity extraction, which is the slow part).
function M.new(opts)
  opts = check_options(opts, "lede.stories.new")
  return wrap(core.cluster_new(opts), opts)
end

-- The articles' signatures are saved beside the state, in PATH.signatures (the state file's
-- format belongs to the C core; signatures are lede.dedup's bytes, each with its own CRC-32):
--   "LEDESIG\0"  u32 version (1)  u64 articles in the state  u32 count
--   count × (u32 length, id, u32 length, signature), in the order the articles were added.
-- A state without this file (saved by an earlier version) loads with no signatures: its articles
-- are then nobody's duplicates, and articles added later are compared only with each other.
local SIGNATURES_MAGIC, SIGNATURES_VERSION = "LEDESIG\0", 1

local function signatures_path(path) return path .. ".signatures" end

local function write_signatures(self, path)
  local parts = { string.pack("<c8I4I8I4", SIGNATURES_MAGIC, SIGNATURES_VERSION,
    #self._core:articles(), #self._signatures) }
  for i, s in ipairs(self._signatures) do parts[i + 1] = string.pack("<s4s4", s[1], s[2]) end
  local target = signatures_path(path)
  local f, err = io.open(target .. ".tmp", "wb")
  if not f then error("lede.stories: cannot write " .. err, 3) end
  local ok, werr = f:write(table.concat(parts))
  local closed, cerr = f:close()
  if not ok or not closed then
    os.remove(target .. ".tmp")
    error("lede.stories: cannot write " .. target .. ": " .. tostring(werr or cerr), 3)
  end
  local renamed, rerr = os.rename(target .. ".tmp", target)
  if not renamed then error("lede.stories: cannot write " .. target .. ": " .. rerr, 3) end
end

local function read_signatures(self, path)
  local name = signatures_path(path)
  local f = io.open(name, "rb")
  if not f then return end
  local bytes = f:read("a")
  f:close()
  local function corrupt(why) error(("lede.stories.load: %s: corrupt: %s"):format(name, why), 4) end
  if #bytes < 24 or bytes:sub(1, 8) ~= SIGNATURES_MAGIC then corrupt("not a lede signatures file") end
  local version, articles, count, pos = string.unpack("<I4I8I4", bytes, 9)
  if version ~= SIGNATURES_VERSION then
    corrupt(("version %d (this build reads %d)"):format(version, SIGNATURES_VERSION))
  end
  local known = #self._core:articles()
  if articles ~= known then
    corrupt(("saved with a state of %d articles, this state has %d"):format(articles, known))
  end
  if count > known then corrupt("more signatures than articles") end
  for i = 1, count do
    local ok, id, signature, after = pcall(string.unpack, "<s4s4", bytes, pos)
    if not ok then corrupt("truncated") end
    if not self._core:find(id) then corrupt(("article %q is not in the state"):format(id)) end
    local added, err = pcall(self._dedup.add, self._dedup, id, signature)
    if not added then corrupt(("signature of %q: %s"):format(id, tostring(err))) end
    self._signatures[i] = { id, signature }
    pos = after
  end
  if pos ~= #bytes + 1 then corrupt("bytes after the last signature") end
end

--- A clustering saved by st:save(path). opts: threshold and window change those the state was
-- made with (for the articles added from now on); entities as for new. The other options stay
-- as they were saved, since they shaped the stored vectors.
function M.load(path, opts)
  if type(path) ~= "string" then error("lede.stories.load: expected a file path", 2) end
  opts = check_options(opts, "lede.stories.load")
  for k in pairs(opts) do
    if k ~= "threshold" and k ~= "window" and k ~= "entities" then
      error(("lede.stories.load: option '%s' is fixed by the saved state"):format(k), 2)
    end
  end
  local c, err = core.cluster_load(path)
  if not c then error("lede.stories.load: " .. err, 2) end
  if opts.threshold or opts.window then c:tune(opts.threshold or 0, opts.window or 0) end
  local st = wrap(c, opts)
  read_signatures(st, path)
  return st
end

--- The clustering saved at path when there is one (see load), else a new one (see new).
function M.open(path, opts)
  local f = io.open(path, "rb")
  if f then
    f:close()
    return M.load(path, opts)
  end
  return M.new(opts)
end

local function strings_of(value, out)
  if type(value) == "string" then
    out[#out + 1] = value
  elseif type(value) == "table" then
    for _, v in ipairs(value) do
      if type(v) == "string" then out[#out + 1] = v end
    end
  end
  return out
end

-- The document a table of fields (or a lede.article) gives the core; `i` names it in errors.
local function document_of(self, a, i)
  local lede = require("lede")
  local article = lede.is_article(a)
  if type(a) ~= "table" then
    error(("lede.stories: article %d must be a lede.article or a table, got %s"):format(i, type(a)), 4)
  end
  local id = a.id
  if type(id) == "number" then id = string.format("%d", id) end
  if type(id) ~= "string" or id == "" then
    error(("lede.stories: article %d has no id (stories are named after article ids)"):format(i), 4)
  end
  local text = a.text or a.body or a.article
  if article then text = a.text end
  if text ~= nil and type(text) ~= "string" then
    error(("lede.stories: article %s: text must be a string"):format(id), 4)
  end
  local date = a.timestamp
  if not article and a.date ~= nil then
    local parsed, err
    if type(a.date) == "string" then parsed, err = core.parse_date(a.date) end
    if not parsed then
      error(("lede.stories: article %s: %s"):format(id, err or "date must be an ISO 8601 string"), 4)
    end
    date = parsed.epoch
  end
  -- An article's `entities` is its method: names given by the caller are a plain field.
  local given = rawget(a, "entities")
  local entities = strings_of(given, {})
  if article and self.entities and given == nil then
    for _, e in ipairs(a:entity_list()) do
      if ENTITY_TYPES[e.type] then
        for _ = 1, e.count do entities[#entities + 1] = e.key end
      end
    end
  elseif not article then
    for _, field in ipairs(ENTITY_FIELDS) do strings_of(a[field], entities) end
  end
  return { id = id, date = date, title = type(a.title) == "string" and a.title or nil, text = text,
    article = article and a._core or nil, source = type(a.source) == "string" and a.source or nil,
    entities = entities }
end

-- The signature of a document about to be staged, made from the analysis the clustering reads
-- too: an article's own, or the text's, analysed here once and handed to the core (which would
-- otherwise analyse it itself). Returns the signature (nil without text) and the analysis to
-- close once staged.
local function sign(self, doc)
  if doc.article then return core.dedup_signature(doc.article, self._dedup.options) end
  if doc.text == nil then return nil end
  local analysis = core.analyze(doc.text)
  doc.article = analysis
  return core.dedup_signature(analysis, self._dedup.options), analysis
end

--- Adds articles: a list of lede.article objects or tables of fields (id, title, text|body,
-- date, source, and entity names as `entities` or the index's person, org and place fields).
-- They are clustered together, in date order (ties by id); an id known already is skipped.
-- Returns how many were added.
function Stories:add(articles)
  if type(articles) ~= "table" then
    error("lede.stories: add expects a list of articles, got " .. type(articles), 2)
  end
  if require("lede").is_article(articles) then articles = { articles } end
  local c = self._core
  local added, signed = 0, {}
  for i, a in ipairs(articles) do
    local doc = document_of(self, a, i)
    local signature, analysis
    if not c:find(doc.id) then signature, analysis = sign(self, doc) end
    if c:stage(doc) then
      added = added + 1
      if signature then signed[#signed + 1] = { doc.id, signature } end
    end
    if analysis then analysis:close() end
  end
  c:run()
  -- Into the set in the order clustered (by date), so that a pair's earlier member comes first.
  local order = {}
  for _, s in ipairs(signed) do order[s[1]] = c:find(s[1]) end
  table.sort(signed, function(x, y) return order[x[1]] < order[y[1]] end)
  for _, s in ipairs(signed) do
    self._dedup:add(s[1], s[2])
    self._signatures[#self._signatures + 1] = s
  end
  self._cache = nil
  return added
end

--- Adds every document of a lede.index (see add); returns how many were added.
function Stories:add_index(ix)
  if type(ix) ~= "table" or type(ix.documents) ~= "function" then
    error("lede.stories: add_index expects an index (lede.index.open)", 2)
  end
  return self:add(ix:documents())
end

local function iso(epoch)
  if epoch == nil then return nil end
  return os.date("!%Y-%m-%dT%H:%M:%SZ", epoch)
end

-- Sources by count (most first), then name.
local function sources_of(members)
  local counts, list = {}, {}
  for _, a in ipairs(members) do
    if a.source ~= "" then
      if not counts[a.source] then list[#list + 1] = a.source end
      counts[a.source] = (counts[a.source] or 0) + 1
    end
  end
  table.sort(list, function(x, y)
    if counts[x] ~= counts[y] then return counts[x] > counts[y] end
    return x < y
  end)
  local out = {}
  for i, name in ipairs(list) do out[i] = { name = name, count = counts[name] } end
  return out
end

-- The duplicate groups of one story, from the near-duplicate pairs whose two articles are in it:
-- { {articles = {ids, earliest first}, kind = "exact" when every pair is, else "near",
--    pairs = { {a = earlier id, b = later id, similarity=, kind=}, ... }}, ... }, in the order of
-- their first articles. `position` gives an article's place in its story (by date). A group is
-- what the pairs connect: a walk from each article not yet reached, earliest first.
local function duplicate_groups(pairs, position)
  local linked, ids = {}, {}
  for _, p in ipairs(pairs) do
    if position[p.a] > position[p.b] then p.a, p.b = p.b, p.a end
    for _, id in ipairs({ p.a, p.b }) do
      if not linked[id] then
        linked[id] = {}
        ids[#ids + 1] = id
      end
    end
    table.insert(linked[p.a], p)
    table.insert(linked[p.b], p)
  end
  table.sort(ids, function(x, y) return position[x] < position[y] end)
  local group_of, groups = {}, {}
  for _, first in ipairs(ids) do
    if not group_of[first] then
      local g = { articles = {}, kind = "exact", pairs = {} }
      groups[#groups + 1] = g
      group_of[first] = g
      local todo = { first }
      while #todo > 0 do
        local id = table.remove(todo)
        g.articles[#g.articles + 1] = id
        for _, p in ipairs(linked[id]) do
          local other = p.a == id and p.b or p.a
          if not group_of[other] then
            group_of[other] = g
            todo[#todo + 1] = other
          end
        end
      end
      table.sort(g.articles, function(x, y) return position[x] < position[y] end)
    end
  end
  for _, p in ipairs(pairs) do
    local g = group_of[p.a]
    g.pairs[#g.pairs + 1] = p
    if p.kind == "near" then g.kind = "near" end
  end
  return groups
end

-- The slugs wire services put before a headline ("UPDATE 2-", "REFILE-"), which say what kind of
-- copy it is, not what happened.
local SLUGS = {}
for w in ([[UPDATE REFILE CORRECTED CORRECTION RPT REPEAT WRAPUP EXCLUSIVE ANALYSIS INSIGHT
  FACTBOX PREVIEW TIMELINE GRAPHIC BRIEF URGENT FLASH ALERT]]):gmatch("%S+") do SLUGS[w] = true end

--- A title as a story's headline: without a wire service's slug ("UPDATE 1-", "REFILE-");
-- nil for nil or "".
function M.headline(title)
  if title == nil or title == "" then return nil end
  local slug, rest = title:match("^(%u+) ?%d* ?%-%s*(.+)$")
  if slug and SLUGS[slug] then return rest end
  return title
end

local TOP_FEATURES = 8

-- The story tables, built once per change.
local function build(self)
  if self._cache then return self._cache end
  local c = self._core
  local articles = c:articles()
  local list, by_article, position = {}, {}, {}
  for i, s in ipairs(c:stories()) do
    local members, ids = {}, {}
    for k, m in ipairs(s.members) do
      members[k] = articles[m]
      ids[k] = articles[m].id
      position[ids[k]] = k
    end
    local terms, entities = {}, {}
    for _, f in ipairs(c:features(i, 4 * TOP_FEATURES)) do
      local into = f.entity and entities or terms
      if #into < TOP_FEATURES then into[#into + 1] = { text = f.text, weight = f.weight } end
    end
    local label = articles[s.label]
    local story = {
      id = s.id,
      label = M.headline(label.title),
      label_id = label.id,
      first = iso(s.first),
      last = iso(s.last),
      size = s.size,
      sources = sources_of(members),
      articles = ids,
      terms = terms,
      entities = entities,
      duplicates = {},
    }
    list[i] = story
    for _, id in ipairs(ids) do by_article[id] = story end
  end
  -- Each story's duplicate pairs: those whose two articles it holds (a copy that went to another
  -- story, which its words make rare, is a pair of neither).
  local story_pairs = {}
  for _, p in ipairs(self._dedup:pairs()) do
    local story = by_article[p.a]
    if story and story == by_article[p.b] then
      story_pairs[story] = story_pairs[story] or {}
      table.insert(story_pairs[story], p)
    end
  end
  for story, found in pairs(story_pairs) do story.duplicates = duplicate_groups(found, position) end
  self._cache = { list = list, by_article = by_article }
  return self._cache
end

--- The stories, in the order they started: { {id, label, label_id, first, last, size,
-- sources = { {name, count} }, articles = {ids by date}, terms = { {text, weight} },
-- entities = { {text, weight} }, duplicates = { {articles = {ids, earliest first}, kind =
-- "exact"|"near", pairs = { {a, b, similarity, kind} }} } }, ... }. Duplicates are the
-- near-duplicate pairs (lede.dedup, default options: the text only, not the title) of the story's
-- own articles. See docs/ARCHITECTURE.md.
function Stories:stories()
  return build(self).list
end

--- The story of the article with this id, or nil.
function Stories:story_of(id)
  if type(id) == "number" then id = string.format("%d", id) end
  return build(self).by_article[id]
end

--- The options in force: threshold, window, title_weight, lead_weight, lead_paragraphs,
-- entity_weight, max_features.
function Stories:options() return self._core:options() end

--- Saves the state to path, and the articles' near-duplicate signatures to path.signatures
-- (each written beside its name, then renamed over it).
function Stories:save(path)
  if type(path) ~= "string" then error("lede.stories: save expects a file path", 2) end
  self._core:save(path)
  write_signatures(self, path)
end

--- The stories of a list of articles or of an index, in one call: M.new(opts), then add or
-- add_index, then stories().
function M.build(input, opts)
  local st = M.new(opts)
  if type(input) == "table" and type(input.documents) == "function" then
    st:add_index(input)
  else
    st:add(input)
  end
  return st:stories()
end

return M
