-- Shared by bench/summ/eval.lua and bench/summ/bench.lua: the data sets, the baselines, OTS, and
-- the dangling-opener check. Loaded with dofile(bench/summ/common.lua).
local cjson = require("cjson")

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local detok = dofile(here .. "/detok.lua")

local common = { detok = detok }

common.METHODS = { "auto", "lead", "luhn", "lexrank", "lexrank-threshold", "textrank", "centroid",
  "pacsum" }

local function read_jsonl(path)
  local out = {}
  for line in io.lines(path) do
    if line:find("%S") then out[#out + 1] = cjson.decode(line) end
  end
  return out
end

-- "APW19981017.0151" -> "1998-10-17" (the DUC document ids carry the wire date).
local function date_of_docid(id)
  local y, m, d = tostring(id):match("^%a+(%d%d%d%d)(%d%d)(%d%d)")
  return y and (y .. "-" .. m .. "-" .. d) or nil
end
common.date_of_docid = date_of_docid

-- Each set: its file, how a record becomes inputs (articles as field tables, so that each
-- consumer makes its own lede.article), references, the summary budget, the ROUGE settings and
-- which scores are shown.
common.SETS = {
  {
    name = "cnndm", file = "cnndm_dev.jsonl", title = "CNN/DailyMail dev (1,013 stories carved from test)",
    budget = { sentences = 3 }, baseline = "LEAD-3",
    rouge = { stem = true, metrics = { "rouge1", "rouge2", "rougeLsum" } }, show = "f",
    labels = { "R-1 F", "R-2 F", "R-Lsum F" },
    record = function(r)
      return { id = r.id, docs = { { id = r.id, text = detok.detokenize(r.article) } },
               references = { table.concat(r.highlights, "\n") } }
    end,
  },
  {
    name = "duc2002", file = "duc2002_sds.jsonl", title = "DUC 2002 single-document (533 documents, 1 reference)",
    budget = { words = 100, cut = true }, baseline = "first 100 words",
    rouge = { conventions = "rouge155", stem = true, words = 100, metrics = { "rouge1", "rouge2", "rougeLsum" } },
    show = "r", labels = { "R-1 R", "R-2 R", "R-L R" },
    record = function(r)
      return { id = r.id, docs = { { id = r.id, text = r.article } }, references = { r.summary } }
    end,
  },
  {
    name = "duc2003", file = "duc2003_clusters.jsonl", title = "DUC 2003 task 2, multi-document (30 clusters, 4 references)",
    budget = { words = 100, cut = true }, baseline = "first 100 words of the newest document",
    rouge = { conventions = "rouge155", stem = true, words = 100, metrics = { "rouge1", "rouge2" } },
    show = "r", labels = { "R-1 R", "R-2 R" }, multi = true,
    record = function(r)
      local docs = {}
      for i, d in ipairs(r.docs) do docs[i] = { id = d.id, text = d.text, date = date_of_docid(d.id) } end
      return { id = r.id, docs = docs, references = r.references }
    end,
  },
  {
    name = "bbc", file = "bbc_summary.jsonl", title = "BBC News Summary (2,225 articles, extractive references)",
    budget = { ratio = 0.4 }, baseline = "LEAD-40%",
    rouge = { stem = true, metrics = { "rouge1", "rouge2", "rougeL" } }, show = "f",
    labels = { "R-1 F", "R-2 F", "R-L F" },
    record = function(r)
      return { id = r.id, docs = { { id = r.id, title = r.title, text = r.article } }, references = { r.summary } }
    end,
  },
}

function common.set_named(name)
  for _, s in ipairs(common.SETS) do if s.name == name then return s end end
end

--- The records of a set, or nil and a message when its file is missing.
function common.load(dir, set, limit)
  local path = dir .. "/" .. set.file
  local f = io.open(path, "r")
  if not f then return nil, path .. " not found" end
  f:close()
  local out = {}
  for i, r in ipairs(read_jsonl(path)) do
    if limit and i > limit then break end
    out[i] = set.record(r)
  end
  return out
end

---------------------------------------------------------------------------------------------------
-- Sentences of a text as lede splits them: { {start, stop, text, words}, ... }
---------------------------------------------------------------------------------------------------

-- A sentence on one line (ROUGE-Lsum reads one sentence per line).
function common.one_line(s)
  return (s:gsub("%s*\n%s*", " "))
end

local function count_words(s)
  local n = 0
  for _ in s:gmatch("%S+") do n = n + 1 end
  return n
end
common.count_words = count_words

-- The index of the sentence containing byte offset pos (1-based), or nil.
local function sentence_at(sents, pos)
  local lo, hi = 1, #sents
  while lo <= hi do
    local mid = (lo + hi) // 2
    local s = sents[mid]
    if pos < s.start then hi = mid - 1
    elseif pos > s.stop then lo = mid + 1
    else return mid end
  end
  -- between sentences: the next one
  return lo <= #sents and lo or nil
end
common.sentence_at = sentence_at

---------------------------------------------------------------------------------------------------
-- Baselines. A summary is { lines = {text...}, picks = { {doc=, sentence=}, ... } }.
---------------------------------------------------------------------------------------------------

-- The first k sentences (LEAD-k) of document 1.
function common.lead(sents, k)
  local lines, picks = {}, {}
  for i = 1, math.min(k, #sents) do
    lines[i] = common.one_line(sents[i].text)
    picks[i] = { doc = 1, sentence = i }
  end
  return { lines = lines, picks = picks }
end

-- The first n words of a document, whole sentences then the head of the next (ROUGE -l cuts the
-- same way); picks are the sentences it touches.
function common.first_words(sents, n, doc)
  local lines, picks, used = {}, {}, 0
  for i, s in ipairs(sents) do
    if used >= n then break end
    local w = count_words(s.text)
    if used + w <= n then
      lines[#lines + 1] = common.one_line(s.text)
    else
      local ws = {}
      for x in s.text:gmatch("%S+") do ws[#ws + 1] = x end
      lines[#lines + 1] = table.concat(ws, " ", 1, n - used)
    end
    picks[#picks + 1] = { doc = doc or 1, sentence = i }
    used = used + w
  end
  return { lines = lines, picks = picks }
end

-- The sentence budget of a ratio, as lede's summarizer computes it.
function common.ratio_count(ratio, n)
  if ratio <= 0 then return 0 end
  return math.max(1, math.floor(ratio * n + 0.5))
end

---------------------------------------------------------------------------------------------------
-- OTS (the Open Text Summarizer, Debian package `ots`): its own sentence splitting and scores,
-- read from its HTML output (`ots -h`), which lists every sentence with its score in comments.
-- The harness then applies the same budget as for lede: the top sentences by OTS score, shown in
-- document order (what `ots -r` itself prints, only with our budget instead of its percentage).
---------------------------------------------------------------------------------------------------

local ots_tmp = os.tmpname()

--- OTS's sentences of a text: { {text=, score=, order=}, ... } in document order.
function common.ots_sentences(text, ots)
  local f = assert(io.open(ots_tmp, "wb"))
  f:write(text)
  f:close()
  local p = assert(io.popen((ots or "ots") .. " -h '" .. ots_tmp .. "' 2>/dev/null", "r"))
  local html = p:read("a")
  p:close()
  local out = {}
  for score, body in html:gmatch("<!%-%-%((%-?%d+)%)%-%-><FONT[^>]*><span[^>]*>(.-)</span></FONT>\n") do
    local t = body:gsub("<br>", "\n"):gsub("^%s+", ""):gsub("%s+$", "")
    out[#out + 1] = { text = t, score = tonumber(score), order = #out + 1 }
  end
  return out
end

function common.ots_cleanup() os.remove(ots_tmp) end

-- The OTS summary for a budget: { sentences = k } | { words = n } | { ratio = r }.
function common.ots_pick(sents, budget)
  local ranked = {}
  for i, s in ipairs(sents) do ranked[i] = s end
  table.sort(ranked, function(a, b)
    if a.score ~= b.score then return a.score > b.score end
    return a.order < b.order
  end)
  local chosen = {}
  if budget.sentences or budget.ratio then
    local k = budget.sentences or common.ratio_count(budget.ratio, #sents)
    for i = 1, math.min(k, #ranked) do chosen[#chosen + 1] = ranked[i] end
  else
    local used = 0
    for _, s in ipairs(ranked) do
      if used >= budget.words then break end
      chosen[#chosen + 1] = s
      used = used + count_words(s.text)
    end
  end
  table.sort(chosen, function(a, b) return a.order < b.order end)
  local lines = {}
  for i, s in ipairs(chosen) do lines[i] = common.one_line(s.text) end
  if budget.words then
    -- the last sentence in document order is cut to the budget, as ROUGE -l would
    lines = common.first_words(chosen, budget.words).lines
  end
  return { lines = lines, chosen = chosen }
end

-- Locates OTS's sentences in the source documents (lede's sentences) for the coherence check.
-- texts: the documents' texts; sents: their lede sentences; joined: how OTS saw them.
function common.ots_locate(chosen, docs, sents)
  local picks = {}
  for _, s in ipairs(chosen) do
    local probe = s.text:match("^[^\n]*"):sub(1, 60)
    local found
    for d, doc in ipairs(docs) do
      local at = probe ~= "" and doc.text:find(probe, 1, true)
      if at then
        found = { doc = d, sentence = sentence_at(sents[d], at) }
        break
      end
    end
    picks[#picks + 1] = found or { doc = 0, sentence = 0 }
  end
  return picks
end

---------------------------------------------------------------------------------------------------
-- Dangling openers: a sentence that opens with a pronoun or a discourse connective leans on the
-- sentence before it. "Unresolved" when that sentence is not in the summary (or there is none).
---------------------------------------------------------------------------------------------------

local OPENERS = {}
for w in ([[he she it they this these those that his her their its
  but however and also meanwhile moreover furthermore yet so still then instead nevertheless
  nonetheless besides therefore thus hence otherwise likewise similarly additionally such]]):gmatch("%a+") do
  OPENERS[w] = true
end
common.OPENER_PHRASES = { "in addition", "as a result", "on the other hand", "by contrast",
  "in contrast", "at the same time", "even so", "after that", "as well" }

--- Whether a sentence opens with a dangling word (quotes and dashes before it are skipped).
function common.dangling(text)
  local s = text:gsub("^[%s\"'`(%[%-\226\128\156\226\128\152]+", ""):lower()
  local first = s:match("^(%a+)")
  if not first then return false end
  if OPENERS[first] then return true end
  for _, p in ipairs(common.OPENER_PHRASES) do
    if s:sub(1, #p) == p and not s:sub(#p + 1, #p + 1):match("%a") then return true end
  end
  return false
end

--- Counts for one summary: sentences, dangling openers, unresolved ones.
-- lines: the summary's sentences; picks: their {doc, sentence} (sentence 0: not located).
function common.coherence(lines, picks)
  local chosen = {}
  for _, p in ipairs(picks) do chosen[p.doc .. ":" .. p.sentence] = true end
  local n, dangling, unresolved = 0, 0, 0
  for i, line in ipairs(lines) do
    n = n + 1
    if common.dangling(line) then
      dangling = dangling + 1
      local p = picks[i]
      if not p or p.sentence <= 1 or not chosen[p.doc .. ":" .. (p.sentence - 1)] then
        unresolved = unresolved + 1
      end
    end
  end
  return n, dangling, unresolved
end

return common
