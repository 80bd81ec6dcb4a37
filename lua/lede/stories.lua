-- lede.stories: articles grouped into stories (the same event or running story), incrementally.
--
-- A thin layer over lede.core's clustering (csrc/cluster, see lede_cluster_* in lede.h): articles
-- in, story tables out, and a state that can be saved and loaded again so that later articles
-- join the same stories under the same ids.
local core = require("lede.core")

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

local function wrap(c, opts)
  return setmetatable({ _core = c, entities = opts.entities ~= false }, Stories)
end

--- A new, empty clustering. opts: threshold (cosine to join a story, 0.2), window (days, 14),
-- title_weight (3), lead_weight (2), lead_paragraphs (2), entity_weight (3), max_features (32),
-- entities (true: an added lede.article gives its people, organisations and places as features;
-- false skips entity extraction, which is the slow part).
function M.new(opts)
  opts = check_options(opts, "lede.stories.new")
  return wrap(core.cluster_new(opts), opts)
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
  return wrap(c, opts)
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

--- Adds articles: a list of lede.article objects or tables of fields (id, title, text|body,
-- date, source, and entity names as `entities` or the index's person, org and place fields).
-- They are clustered together, in date order (ties by id); an id known already is skipped.
-- Returns how many were added.
function Stories:add(articles)
  if type(articles) ~= "table" then
    error("lede.stories: add expects a list of articles, got " .. type(articles), 2)
  end
  if require("lede").is_article(articles) then articles = { articles } end
  local added = 0
  for i, a in ipairs(articles) do
    if self._core:stage(document_of(self, a, i)) then added = added + 1 end
  end
  self._core:run()
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

-- Groups of members with the same fingerprint (exact duplicates: the same words in title and
-- text), in date order of their first member.
local function exact_duplicates(members)
  local groups, order = {}, {}
  for _, a in ipairs(members) do
    local g = groups[a.fingerprint]
    if not g then
      g = {}
      groups[a.fingerprint] = g
      order[#order + 1] = g
    end
    g[#g + 1] = a.id
  end
  local out = {}
  for _, g in ipairs(order) do
    if #g > 1 then out[#out + 1] = g end
  end
  return out
end

local TOP_FEATURES = 8

-- The story tables, built once per change.
local function build(self)
  if self._cache then return self._cache end
  local c = self._core
  local articles = c:articles()
  local list, by_article = {}, {}
  for i, s in ipairs(c:stories()) do
    local members, ids = {}, {}
    for k, m in ipairs(s.members) do
      members[k] = articles[m]
      ids[k] = articles[m].id
    end
    local terms, entities = {}, {}
    for _, f in ipairs(c:features(i, 4 * TOP_FEATURES)) do
      local into = f.entity and entities or terms
      if #into < TOP_FEATURES then into[#into + 1] = { text = f.text, weight = f.weight } end
    end
    local label = articles[s.label]
    local story = {
      id = s.id,
      label = label.title ~= "" and label.title or nil,
      label_id = label.id,
      first = iso(s.first),
      last = iso(s.last),
      size = s.size,
      sources = sources_of(members),
      articles = ids,
      terms = terms,
      entities = entities,
      -- Filled with exact duplicates only until near-duplicate detection (lede.dedup) fills it.
      duplicates = exact_duplicates(members),
    }
    list[i] = story
    for _, id in ipairs(ids) do by_article[id] = story end
  end
  self._cache = { list = list, by_article = by_article }
  return self._cache
end

--- The stories, in the order they started: { {id, label, label_id, first, last, size,
-- sources = { {name, count} }, articles = {ids by date}, terms = { {text, weight} },
-- entities = { {text, weight} }, duplicates = { {ids} } }, ... }. See docs/ARCHITECTURE.md.
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

--- Saves the state to path (written beside it, then renamed over it).
function Stories:save(path)
  if type(path) ~= "string" then error("lede.stories: save expects a file path", 2) end
  self._core:save(path)
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
