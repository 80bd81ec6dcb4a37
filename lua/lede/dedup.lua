-- lede.dedup: near-duplicate articles. A signature (a byte string) sums up an article's wording;
-- a set finds, as articles are added, the earlier ones that are copies of them: exact copies
-- (the same words in the same order, whatever the case, quote marks or white space) and near
-- copies (estimated Jaccard similarity of their 5-word shingles at least the threshold).
--
--   local set = lede.dedup.new()                 -- or new{ threshold = 0.7, ... }
--   for _, a in ipairs(articles) do set:add(a) end   -- each add returns its matches
--   set:groups()   -- { {members = {id, ...}, pairs = {...}, kind = "exact"|"near"}, ... }
--   set:stats()    -- { articles=, groups=, duplicates=, rate=, exact_pairs=, near_pairs=, bytes= }
local core = require("lede.core")

local dedup = {}

-- Defaults, as in csrc/lede.h; bench/RESULTS.md ("Near-duplicates") has the measurements.
local DEFAULTS = { shingle = 5, hashes = 128, bands = 32, threshold = 0.5 }

local function integer_option(opts, name, low, high, where)
  local v = opts[name]
  if v == nil then return nil end
  local n = math.tointeger(v)
  if not n or n < low or n > high then
    error(("%s: %s= must be an integer from %d to %s"):format(where, name, low, high), 4)
  end
  return n
end

-- The options with defaults filled in, checked: { shingle=, hashes=, bands=, threshold= }.
local function resolve(opts, where)
  if opts == nil then opts = {} end
  if type(opts) ~= "table" then error(where .. ": options must be a table", 3) end
  local o = {}
  o.shingle = integer_option(opts, "shingle", 1, 32, where) or DEFAULTS.shingle
  o.hashes = integer_option(opts, "hashes", 1, 1024, where) or DEFAULTS.hashes
  o.bands = integer_option(opts, "bands", 1, o.hashes, where)
    or math.min(DEFAULTS.bands, o.hashes)
  local t = opts.threshold
  if t ~= nil and (type(t) ~= "number" or not (t > 0 and t <= 1)) then
    error(where .. ": threshold= must be a number in (0, 1]", 3)
  end
  o.threshold = t or DEFAULTS.threshold
  return o
end

-- An analysed article from a lede.article, a table of fields or a text.
local function article_of(x, where)
  local lede = require("lede")
  if lede.is_article(x) then return x end
  if type(x) == "string" or (type(x) == "table" and getmetatable(x) == nil) then
    return lede.article(x)
  end
  error(("%s: expected an article, a table of fields or a text, got %s"):format(where, type(x)), 3)
end

--- The signature of an article (a lede.article, a table of fields, or a text): a byte string of
-- 20 + 4 × hashes bytes that can be stored and compared later. Only the article's text counts,
-- not its title, so a copy under a new headline is still a copy. opts: shingle (words per
-- shingle, 5), hashes (128); a set only takes signatures made with its own shingle and hashes.
function dedup.signature(article, opts)
  local o = resolve(opts, "lede.dedup.signature")
  return core.dedup_signature(article_of(article, "lede.dedup.signature")._core, o)
end

--- What a signature holds: { version=, shingle=, hashes=, words= }; an error for bytes that are
-- not a signature (damaged, truncated, or of another format version).
function dedup.info(signature)
  if type(signature) ~= "string" then
    error("lede.dedup.info: expected a signature (a string), got " .. type(signature), 2)
  end
  return core.dedup_info(signature)
end

--- The estimated Jaccard similarity of two signatures (0 to 1), and whether their texts are
-- exact copies.
function dedup.similarity(a, b)
  if type(a) ~= "string" or type(b) ~= "string" then
    error("lede.dedup.similarity: expected two signatures (strings from lede.dedup.signature)", 2)
  end
  return core.dedup_compare(a, b)
end

local Set = {}
Set.__index = Set

--- A new, empty set. opts: threshold (least estimated similarity of a near copy, 0.5), shingle
-- (5), hashes (128), bands (32; more bands find pairs of lower similarity, at more cost).
function dedup.new(opts)
  local o = resolve(opts, "lede.dedup.new")
  return setmetatable({
    options = o,
    _index = core.dedup_index(o),
    _ids = {},      -- number → id, in the order added
    _number = {},   -- id → number
    _pairs = {},    -- { a=, b=, similarity=, kind= }, in the order found
    _parent = {},   -- number → number: union-find over the pairs
  }, Set)
end

local function check_set(self)
  if getmetatable(self) ~= Set then
    error("lede.dedup: set methods are called with ':' (set:add(id, article))", 3)
  end
end

-- The signature of what was given: a string is taken as a signature (text goes through
-- lede.article or a table { text = ... }); anything else as an article.
function Set:_signature(x, where)
  if type(x) == "string" then return x end
  return core.dedup_signature(article_of(x, where)._core, self.options)
end

local function matches_of(self, found)
  for i, m in ipairs(found) do
    found[i] = { id = self._ids[m.id], similarity = m.similarity,
                 kind = m.exact and "exact" or "near" }
  end
  return found
end

local function root(parent, n)
  while parent[n] ~= n do
    parent[n] = parent[parent[n]]
    n = parent[n]
  end
  return n
end

--- Adds an article (or a signature) under `id` (a string or an integer); `set:add(article)`
-- takes the article's own id. Returns the earlier members it duplicates: { {id=, similarity=,
-- kind = "exact"|"near"}, ... }, most similar first.
function Set:add(id, x)
  check_set(self)
  if x == nil and type(id) == "table" then id, x = id.id, id end
  if type(id) ~= "string" and math.type(id) ~= "integer" then
    error("lede.dedup: set:add needs an id (a string or an integer), got " .. type(id), 2)
  end
  if self._number[id] then
    error(("lede.dedup: id %q is already in the set"):format(tostring(id)), 2)
  end
  local sig = self:_signature(x, "lede.dedup: set:add")
  local found = matches_of(self, self._index:query(sig))
  local n = #self._ids + 1
  self._index:add(n, sig)
  self._ids[n], self._number[id] = id, n
  self._parent[n] = n
  for _, m in ipairs(found) do
    self._pairs[#self._pairs + 1] = { a = m.id, b = id, similarity = m.similarity, kind = m.kind }
    local r1, r2 = root(self._parent, self._number[m.id]), root(self._parent, n)
    -- The earlier member stays the root, so a group's root is its first article.
    if r1 < r2 then self._parent[r2] = r1 else self._parent[r1] = r2 end
  end
  return found
end

--- The members that an article (or a signature) duplicates, without adding it; as set:add.
function Set:query(x)
  check_set(self)
  return matches_of(self, self._index:query(self:_signature(x, "lede.dedup: set:query")))
end

--- Every duplicate pair found: { {a = earlier id, b = later id, similarity=, kind=}, ... }, in
-- the order found.
function Set:pairs()
  check_set(self)
  local list = {}
  for i, p in ipairs(self._pairs) do
    list[i] = { a = p.a, b = p.b, similarity = p.similarity, kind = p.kind }
  end
  return list
end

--- The duplicate groups: articles joined by duplicate pairs (a chain of near copies makes one
-- group even when its ends differ more). { {members = {ids in the order added; the first is the
-- earliest}, pairs = {...}, kind = "exact" when every pair is exact, else "near"}, ... }, in the
-- order of their first members.
function Set:groups()
  check_set(self)
  local roots, size = {}, {}
  for n = 1, #self._ids do
    local r = root(self._parent, n)
    roots[n], size[r] = r, (size[r] or 0) + 1
  end
  local by_root, list = {}, {}
  for n, id in ipairs(self._ids) do
    local r = roots[n]
    if size[r] > 1 then
      local g = by_root[r]
      if not g then
        g = { members = {}, pairs = {}, kind = "exact" }
        by_root[r] = g
        list[#list + 1] = g -- the root is the group's first member: groups come in its order
      end
      g.members[#g.members + 1] = id
    end
  end
  for _, p in ipairs(self:pairs()) do
    local g = by_root[roots[self._number[p.a]]]
    g.pairs[#g.pairs + 1] = p
    if p.kind == "near" then g.kind = "near" end
  end
  return list
end

--- Counts: { articles=, groups=, duplicates = articles in groups beyond each group's first,
-- rate = duplicates / articles, exact_pairs=, near_pairs=, bytes = memory of the index }.
function Set:stats()
  check_set(self)
  local groups = self:groups()
  local s = { articles = #self._ids, groups = #groups, duplicates = 0, exact_pairs = 0,
              near_pairs = 0 }
  for _, g in ipairs(groups) do s.duplicates = s.duplicates + #g.members - 1 end
  for _, p in ipairs(self._pairs) do
    if p.kind == "exact" then s.exact_pairs = s.exact_pairs + 1 else s.near_pairs = s.near_pairs + 1 end
  end
  s.rate = s.articles > 0 and s.duplicates / s.articles or 0
  s.bytes = select(2, self._index:stats())
  return s
end

function Set:__len() return #self._ids end

return dedup
