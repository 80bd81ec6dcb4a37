-- lede.report.corpus: what a report script sees of its input, an index and a date range.
--
-- Reports count and rank with the index (searches, facets, stored fields) and analyse only the
-- articles they show: ctx:article(id) makes a lede.article from the stored fields, once per id.
-- Every search is limited to the date range (--from, --to) when one is set.
local lede = require "lede"
local doc = require "lede.report.doc"

local M = {}

local Corpus = {}
Corpus.__index = Corpus

-- A facet limit meant as "every value": more than any index here has.
local ALL = 1000000

--- A corpus over an open index (lede.index.open). opts: from, to (ISO dates, both ends included
-- whole), report (the report's name, for documents it makes).
function M.new(ix, opts)
  opts = opts or {}
  return setmetatable({ lede = lede, index = ix, from = opts.from, to = opts.to,
    report = opts.report or "report", _articles = {} }, Corpus)
end

--- The query `q` (nil or "" for every article) limited to the date range.
function Corpus:query(q)
  local parts = {}
  if q and q:find("%S") then parts[1] = "(" .. q .. ")" end
  if self.from and self.to then
    parts[#parts + 1] = "date:" .. self.from .. ".." .. self.to
  elseif self.from then
    parts[#parts + 1] = "date:>=" .. self.from
  elseif self.to then
    parts[#parts + 1] = "date:<=" .. self.to
  end
  return table.concat(parts, " ")
end

--- ix:search over the range; opts as ix:search's, with no snippets unless asked and the limit
-- capped at the number of documents (the index sets room aside for `limit` hits).
function Corpus:search(q, opts)
  local o = { snippet = false }
  for k, v in pairs(opts or {}) do o[k] = v end
  o.limit = math.min(o.limit or 10, self:size())
  return self.index:search(self:query(q), o)
end

--- Documents in the index (whatever the range).
function Corpus:size()
  self._size = self._size or self.index:stats().documents
  return self._size
end

--- How many articles match q in the range.
function Corpus:count(q)
  return self:search(q, { limit = 0 }).total
end

--- The values of a keyword field (or "date", "date:week", "date:month") over the articles that
-- match q: { {value, count}, ... }, most frequent first; at most `limit` (all when nil).
function Corpus:facet(name, q, limit)
  local r = self:search(q, { limit = 0, count = false, facets = { name }, facet_limit = limit or ALL })
  return r.facets[name] or {}
end

--- The `n` best matches of q (stored fields and score), best first.
function Corpus:hits(q, n)
  return self:search(q, { limit = n or 10, count = false }).hits
end

--- The `n` latest dated articles that match q, latest first (ties by id). The days come from
-- the date facet, so that only the latest days are fetched.
function Corpus:recent(q, n)
  n = n or 10
  local days = self:facet("date", q)
  table.sort(days, function(a, b) return a.value > b.value end)
  local since, total = nil, 0
  for _, day in ipairs(days) do
    since, total = day.value, total + day.count
    if total >= n then break end
  end
  if not since then return {} end
  local query = (q and q:find("%S") and ("(" .. q .. ") ") or "") .. "date:>=" .. since
  local hits = self:hits(query, total)
  table.sort(hits, function(a, b)
    if a.date ~= b.date then return (a.date or "") > (b.date or "") end
    return a.id < b.id
  end)
  for i = #hits, n + 1, -1 do hits[i] = nil end
  return hits
end

--- The article with this id (or of this hit) as a lede.article, analysed once; nil if the
-- index has no such id.
function Corpus:article(id_or_hit)
  local id = type(id_or_hit) == "table" and id_or_hit.id or id_or_hit
  local cached = self._articles[id]
  if cached then return cached end
  local fields = type(id_or_hit) == "table" and id_or_hit.text and id_or_hit or self.index:get(id)
  if not fields then return nil end
  local a = lede.article { id = fields.id, title = fields.title, text = fields.text or "",
    date = fields.date, source = fields.source, url = fields.url, authors = fields.authors }
  self._articles[id] = a
  return a
end

--- The report option `name` of opts as a whole number of at least 1, or `default` when absent.
function Corpus:whole_number(opts, name, default)
  local v = opts[name]
  if v == nil then return default end
  local n = math.tointeger(tonumber(v))
  if not tostring(v):match("^%d+$") or not n or n < 1 then
    error(string.format("--%s takes a whole number of at least 1, got '%s'", name, tostring(v)), 0)
  end
  return n
end

--- A new document for this report (lede.report.doc), with the date range in its meta line.
function Corpus:document(title)
  local d = doc.new(self.report, title)
  if self.from or self.to then d:add_meta("period", (self.from or "…") .. " to " .. (self.to or "…")) end
  return d
end

return M
