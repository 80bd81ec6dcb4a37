-- lede.index: an embedded, crash-safe search index on disk (see docs/QUERY.md and
-- docs/INDEX-FORMAT.md). A thin layer over lede.core's index: documents in, results out.
local core = require("lede.core")

local M = {}

local Index = {}
Index.__index = Index

-- Fields every document may carry besides keywords, in the order they are stored.
local ORDER = { "id", "title", "text", "date", "source", "url", "authors" }
local ALIASES = { body = "text", article = "text" }
-- What an article (lede.article) carries that is not a field to index.
local INTERNAL = { _core = true, timestamp = true, invalid_utf8 = true }

local function add_values(pairs_out, name, value)
  if type(value) == "string" then
    pairs_out[#pairs_out + 1] = { name, value }
  elseif type(value) == "number" then
    pairs_out[#pairs_out + 1] = { name, tostring(value) }
  elseif type(value) == "table" then
    for i, v in ipairs(value) do
      if type(v) ~= "string" then
        error(("lede.index: field '%s' value %d must be a string, got %s"):format(name, i, type(v)), 4)
      end
      pairs_out[#pairs_out + 1] = { name, v }
    end
  elseif value ~= nil and type(value) ~= "boolean" then
    error(("lede.index: field '%s' must be a string or a list of strings, got %s"):format(name, type(value)), 4)
  end
end

-- Keyword fields drawn from an article's extraction: the entity types that become fields.
local ENTITY_FIELDS = { PER = "person", ORG = "org", LOC = "place" }
M.EXTRACTED_FIELDS = { "person", "org", "place", "speaker" }

local function add_distinct(fields, seen, name, value)
  if type(value) ~= "string" then return end
  value = value:gsub("^%s+", ""):gsub("%s+$", "")
  if value == "" then return end
  seen[name] = seen[name] or {}
  if seen[name][value] then return end
  seen[name][value] = true
  fields[name] = fields[name] or {}
  fields[name][#fields[name] + 1] = value
end

--- The keyword fields extraction gives an article (lede.article): person, org and place (the
-- canonical names of its PER, ORG and LOC entities: mention.entity, else the mention's text) and
-- speaker (its quotations' speakers, a speaker that is a named entity by that entity's name),
-- each a list of distinct values in order of first mention; a field with none is absent.
function M.extracted_fields(article)
  local fields, seen = {}, {}
  local mentions = article:entities()
  for _, m in ipairs(mentions) do
    local name = ENTITY_FIELDS[m.type]
    if name then add_distinct(fields, seen, name, m.entity or m.text) end
  end
  for _, quote in ipairs(article:quotes()) do
    add_distinct(fields, seen, "speaker", M.speaker_name(quote, mentions))
  end
  return fields
end

-- First words of a speaker that does not name anyone by itself: pronouns and determiners.
local UNNAMED = {}
for w in ([[he she it they we i you one the a an this that these those its his her their our
  my your some another such]]):gmatch("%S+") do UNNAMED[w] = true end

--- Who said `quote` (one of article:quotes()), by name: the person (else the organisation)
-- named in the speaker's span (the resolved name's, for a pronoun or a description) by the
-- entity's canonical name ("Secretary-General Margaret A. Holloway" -> "Margaret A.
-- Holloway"), else the speaker as written when it names someone ("Federal prosecutors"); nil
-- when the quote has no speaker or only an unresolved pronoun or description ("it", "the
-- company"), which would mean a different speaker in every article.
function M.speaker_name(quote, mentions)
  local speaker = quote.speaker
  local first = quote.resolved_start or quote.speaker_start
  local last = quote.resolved_stop or quote.speaker_stop
  if speaker and first and last then
    -- A person before an organisation: "NATO Secretary-General Jens Stoltenberg" is the man.
    for _, wanted in ipairs { "PER", "ORG" } do
      for _, m in ipairs(mentions) do
        if m.type == wanted and m.start >= first and m.stop <= last then return m.entity or m.text end
      end
    end
  end
  if speaker and not quote.resolved_start and UNNAMED[(speaker:match("^%S+") or ""):lower()] then
    return nil
  end
  return speaker
end

--- Sets on `fields` (a table of a document's fields) those of M.extracted_fields(article) that
-- it does not give already; returns `fields`.
function M.add_extracted(fields, article)
  local extracted = M.extracted_fields(article)
  for _, name in ipairs(M.EXTRACTED_FIELDS) do
    if fields[name] == nil and extracted[name] then fields[name] = extracted[name] end
  end
  return fields
end

-- The (name, value) pairs of a document: the standard fields first, then keywords by name.
-- extracted: more keyword fields, for those the document does not give itself.
local function document_pairs(doc, extracted)
  if type(doc) ~= "table" then
    error("lede.index: add expects an article or a table of fields, got " .. type(doc), 3)
  end
  local out, seen = {}, {}
  for _, name in ipairs(ORDER) do
    local value = doc[name]
    if name == "text" and value == nil then value = doc.body or doc.article end
    add_values(out, name, value)
    seen[name] = true
  end
  local extra = {}
  for name in pairs(doc) do
    if type(name) == "string" and not seen[name] and not ALIASES[name] and not INTERNAL[name] then
      extra[#extra + 1] = name
    end
  end
  for name in pairs(extracted or {}) do
    if doc[name] == nil then extra[#extra + 1] = name end
  end
  table.sort(extra)
  for _, name in ipairs(extra) do
    local value = doc[name]
    if value == nil then value = extracted[name] end
    add_values(out, name, value)
  end
  return out
end

--- Opens the index in `dir` at its last commit; { create = true } makes it when missing.
-- extract (true unless false): an article added gets the keyword fields person, org, place and
-- speaker from its extraction (M.extracted_fields), unless it gives them itself.
function M.open(dir, opts)
  if type(dir) ~= "string" then error("lede.index.open: expected a directory path", 2) end
  opts = opts or {}
  return setmetatable({ _core = core.index_open(dir, opts.create), dir = dir,
    extract = opts.extract ~= false }, Index)
end

-- Is this an article made by lede.article? (lede requires this module: it is loaded lazily.)
local function is_article(doc)
  return getmetatable(doc) ~= nil and require("lede").is_article(doc)
end

--- Adds an article (or a table of fields); a document with the same id is replaced.
function Index:add(doc)
  local extracted
  if self.extract and is_article(doc) then extracted = M.extracted_fields(doc) end
  self._core:add(document_pairs(doc, extracted))
end

--- Deletes the document with this id; returns whether there was one.
function Index:delete(id)
  if type(id) == "number" then id = tostring(id) end
  return self._core:delete(id)
end

function Index:commit() self._core:commit() end
function Index:optimize() self._core:optimize() end
function Index:stats() return self._core:stats() end
function Index:get(id)
  if type(id) == "number" then id = tostring(id) end
  return self._core:get(id)
end

--- Searches the last commit. opts: limit (10), offset, mode ("lenient" or "strict"),
-- any (a b means a OR b), facets ({ "source", "date:month", … }), snippet ("plain", "ansi",
-- "html", or false), open/close (plain markers), k1, b, title_weight, exhaustive, count.
function Index:search(query, opts)
  if type(query) ~= "string" then error("lede.index: search expects a query string", 2) end
  opts = opts or {}
  local o = {}
  for k, v in pairs(opts) do o[k] = v end
  if o.mode ~= nil then
    if o.mode ~= "strict" and o.mode ~= "lenient" then
      error("lede.index: mode must be 'lenient' or 'strict'", 2)
    end
    o.strict = o.mode == "strict"
  end
  if o.snippet == nil then o.snippet = "plain" end
  return self._core:search(query, o)
end

--- Every document of the last commit as a table of its stored fields (as Index:get gives them),
-- in date order (undated ones last), then by id.
function Index:documents()
  local n = self:stats().documents
  if n == 0 then return {} end
  local docs = self._core:search("", { limit = n, snippet = false, count = false }).hits
  local epoch = {}
  for _, doc in ipairs(docs) do
    doc.score = nil
    local parsed = doc.date and core.parse_date(doc.date)
    epoch[doc] = parsed and parsed.epoch or math.huge
  end
  table.sort(docs, function(a, b)
    if epoch[a] ~= epoch[b] then return epoch[a] < epoch[b] end
    return a.id < b.id
  end)
  return docs
end

function Index:close() self._core:close() end
Index.__close = Index.close

return M
