-- lede: news articles as structured data.
--
-- The friendly API over the C core (lede.core). An article is a plain Lua table of metadata
-- (id, title, text, date, source, url, authors) whose methods ask the core for its analysis.
local core = require("lede.core")

local lede = { version = core.version }

local Article = {}
Article.__index = Article

local function check_string(value, field)
  if value ~= nil and type(value) ~= "string" then
    error(("lede.article: field '%s' must be a string, got %s"):format(field, type(value)), 3)
  end
  return value
end

local function authors_of(value)
  if value == nil then return nil end
  if type(value) == "string" then return { value } end
  if type(value) ~= "table" then
    error("lede.article: field 'authors' must be a string or a list of strings", 3)
  end
  local list = {}
  for i, name in ipairs(value) do
    if type(name) ~= "string" then
      error(("lede.article: authors[%d] must be a string, got %s"):format(i, type(name)), 3)
    end
    list[i] = name
  end
  return list
end

--- Makes an article from a table of fields, or from a text alone.
-- The text is analysed at once (tokens, sentences, paragraphs, stems) by the C core.
function lede.article(spec)
  if type(spec) == "string" then spec = { text = spec } end
  if type(spec) ~= "table" then
    error("lede.article: expected a text or a table of fields, got " .. type(spec), 2)
  end
  local text = spec.text or spec.body or spec.article
  if type(text) ~= "string" then
    error("lede.article: the article needs its text as a string (field 'text', 'body' or 'article')", 2)
  end
  local id = spec.id
  if type(id) == "number" then id = tostring(id) end
  local self = {
    id = check_string(id, "id"),
    title = check_string(spec.title, "title"),
    text = text,
    date = check_string(spec.date, "date"),
    source = check_string(spec.source, "source"),
    url = check_string(spec.url, "url"),
    authors = authors_of(spec.authors),
  }
  if self.date then
    local parsed, err = core.parse_date(self.date)
    if not parsed then error("lede.article: " .. err, 2) end
    self.timestamp = parsed.epoch
  end
  self._core, self.invalid_utf8 = core.analyze(text)
  return setmetatable(self, Article)
end

-- The C analysis of `self`, with a clear error for `article.method()` written for `article:method()`.
local function core_of(self)
  if getmetatable(self) ~= Article then
    error("lede: article methods are called with ':' (article:sentences())", 3)
  end
  return self._core
end

function Article:paragraphs() return core_of(self):paragraphs(self.text) end
function Article:sentences() return core_of(self):sentences(self.text) end
function Article:tokens() return core_of(self):tokens(self.text) end
function Article:terms(limit) return core_of(self):terms(limit) end
function Article:counts() return core_of(self):counts() end
function Article:dateline() return core_of(self):dateline(self.text) end
-- Dates and times (TIMEX3), resolved against the article's date (else a date in its text).
function Article:dates() return core_of(self):timexes(self.text, self.date) end
-- The entity model and the gazetteer are read on first use: installed beside this file
-- (lede/ner.model, lede/gazetteer/), or data/ in a checkout; LEDE_NER_MODEL and LEDE_GAZETTEER
-- (a directory) override them. `load(path)` returns the loaded thing or nil and a message.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local function first_loaded(env, installed, checkout, load)
  local candidates = { os.getenv(env), here .. "/" .. installed, here .. "/../../data/" .. checkout }
  local err
  for i = 1, 3 do
    if candidates[i] then
      local loaded
      loaded, err = load(candidates[i])
      if loaded then return loaded end
    end
  end
  error("lede: " .. tostring(err), 4) -- the caller of article:entities()
end

local function read_all(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local bytes = f:read("a")
  f:close()
  return bytes
end

local function load_gazetteer(dir)
  local lists = {}
  for list, file in pairs({ places = "countries.txt", organizations = "organizations.txt",
                            titles = "titles.txt" }) do
    local bytes, err = read_all(dir .. "/" .. file)
    if not bytes then return nil, "no gazetteer: " .. err end
    lists[list] = bytes
  end
  return core.gazetteer(lists)
end

-- Tags the article and groups the mentions: mentions, entities (see lede_entities).
local function entity_groups(self)
  local c = core_of(self)
  lede._ner_model = lede._ner_model or first_loaded("LEDE_NER_MODEL", "ner.model", "ner.model",
    function(path)
      local model, err = core.ner_load(path)
      if not model then return nil, "no entity model: " .. tostring(err) end
      return model
    end)
  lede._gazetteer = lede._gazetteer or first_loaded("LEDE_GAZETTEER", "gazetteer", "gazetteer",
    load_gazetteer)
  return c:entity_groups(lede._ner_model, lede._gazetteer, self.text)
end

-- Named-entity mentions { {start, stop, text, type, entity, key}, ... }, type PER, ORG, LOC or
-- MISC, in text order; `entity` is the name of the entity the mention belongs to and `key` its
-- normalised name (the same entity in another article has the same key).
function Article:entities()
  return (entity_groups(self))
end

-- The entities, most mentioned first (then earliest): { {name, type, key, count, first,
-- mentions = { {start, stop}, ... } }, ... }, `first` being the byte where the first mention
-- starts.
function Article:entity_list()
  local _, entities = entity_groups(self)
  return entities
end

--- Quotations: { {start, stop, text, kind = "direct"|"partial"|"indirect", cue, speaker,
--- mention, speaker_start, speaker_stop, parts = { {start, stop, text}, ... }, ...}, ... };
--- `text` joins the parts as they read; see docs/ARCHITECTURE.md.
function Article:quotes() return core_of(self):quotes(self.text) end
function Article:quantities() return core_of(self):quantities(self.text) end

--- The article's fields as a JSON-ready table; lede.article(t) makes the same article again.
function Article:to_table()
  local t = {}
  for _, field in ipairs({ "id", "title", "text", "date", "source", "url" }) do
    t[field] = self[field]
  end
  if self.authors then t.authors = { table.unpack(self.authors) } end
  return t
end

--- Frees the C analysis now rather than at garbage collection; the article is unusable after.
function Article:close() core_of(self):close() end
Article.__close = Article.close

function Article:__tostring()
  return ("lede.article(%s, %d bytes)"):format(self.id or "no id", #self.text)
end

--- Is `value` an article made by lede.article?
function lede.is_article(value)
  return getmetatable(value) == Article
end

--- Reads articles from a .txt, .json or .jsonl file (see lede.read).
function lede.read(path, ...)
  return require("lede.read").read(path, ...)
end

--- Parses an ISO 8601 date: a table of fields and `epoch`, or nil and a message.
lede.parse_date = core.parse_date

--- A search-result snippet of `text`: its sentences holding the most query stems (earlier ones
-- on ties; the opening ones when nothing matches), in text order, joined by " … ", white space
-- folded, every token whose stem is in the query highlighted.
-- `query` is a list of stems, or a query string whose words and numbers (stopwords left out) are
-- stemmed like the text, so "minister" finds "ministers".
-- opts: style = "plain" (default; markers `open`/`close`, none if absent) | "ansi" (bold) |
-- "html" (text escaped, <mark>…</mark>); sentences = at most this many (2); bytes = budget of
-- original text (300), the best sentence being cut with " …" when alone it passes it.
function lede.snippet(text, query, opts)
  if type(text) ~= "string" then
    error("lede.snippet: expected the text as a string, got " .. type(text), 2)
  end
  local stems = query
  if type(query) == "string" then
    stems = {}
    local seen = {}
    for _, t in ipairs(lede.article(query):tokens()) do
      if (t.kind == "word" or t.kind == "number") and not t.stopword and not seen[t.stem] then
        seen[t.stem] = true
        stems[#stems + 1] = t.stem
      end
    end
  elseif type(query) ~= "table" then
    error("lede.snippet: expected the query as a string or a list of stems, got " .. type(query), 2)
  end
  return core.snippet(text, stems, opts)
end

--- The phrases (1 to 4 words) that best say what an article, or a list of articles, is about:
-- frequent, early, recurring words, in the titles, shared by many of the articles. At most `n`
-- (10), best first: { {text=, score=, count=, positions={ {article=i, start=, stop=}, ... } } },
-- `article` being the index in the list (1 for a single article), text:sub(start, stop) the words.
function lede.keyphrases(articles, n)
  if lede.is_article(articles) then articles = { articles } end
  if type(articles) ~= "table" then
    error("lede.keyphrases: expected an article or a list of articles, got " .. type(articles), 2)
  end
  local k = n == nil and 10 or math.tointeger(n)
  if not k or k < 0 then error("lede.keyphrases: n must be a non-negative integer", 2) end
  local entries = {}
  for i, a in ipairs(articles) do
    if not lede.is_article(a) then
      error(("lede.keyphrases: articles[%d] is not an article (made by lede.article)"):format(i), 2)
    end
    entries[i] = { a._core, a.text, a.title }
  end
  return core.keyphrases(entries, k)
end

--- Extractive summaries: lede.summarize(article_or_articles, { method=, sentences=|words=|bytes=|
-- ratio=, cut=, query= }) (see lede/summarize.lua).
local summarize = require("lede.summarize")
function lede.summarize(articles, opts) return summarize(lede, articles, opts) end

--- The search index: lede.index.open(dir, { create = true }).
lede.index = require("lede.index")

--- Stories: articles grouped by event, incrementally (lede.stories.new(opts), st:add(articles)).
lede.stories = require("lede.stories")
--- Near-duplicates: lede.dedup.signature(article), lede.dedup.new(opts) (see lede/dedup.lua).
lede.dedup = require("lede.dedup")

return lede
