-- Summarization effectiveness (`make eval-summ`): every lede.summarize method, the lead baseline
-- and OTS, on the summarization sets in DATA_DIR, scored by lede.eval.rouge.
--
--   lua5.4 bench/summ/eval.lua DATA_DIR [--sets cnndm,duc2002,duc2003,bbc] [--limit N]
--                              [--json FILE] [--ots PATH | --no-ots]
--
-- Sets, budgets and conventions (see bench/RESULTS.md for the figures):
--   cnndm    3 sentences; ROUGE-1/2/Lsum F1, rouge_score conventions with Porter stemming;
--            references = the highlights joined by "\n"; articles detokenized (bench/summ/detok.lua)
--   duc2002  100 words; ROUGE-1/2/L recall, ROUGE-1.5.5 conventions (-l 100 -m, stop words kept)
--   duc2003  multi-document, 100 words; ROUGE-1/2 recall against 4 references, ROUGE-1.5.5
--            conventions (-l 100 -m, -f A: hits and counts pooled over the references)
--   bbc      40% of the sentences (ratio = 0.4); ROUGE-1/2/L F1, rouge_score conventions, stemming
-- Word budgets are asked of lede with cut = true (the last sentence cut to fill 100 words), as
-- the DUC baselines and ROUGE -l do.
local lede = require("lede")
local rouge = require("lede.eval.rouge")
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local common = dofile(here .. "/common.lua")
local json = dofile(here .. "/../lib/json.lua")

local args = { sets = nil, limit = nil, json = nil, ots = "ots" }
local i = 1
while i <= #arg do
  local a = arg[i]
  if a == "--sets" then args.sets = arg[i + 1]; i = i + 1
  elseif a == "--limit" then args.limit = tonumber(arg[i + 1]); i = i + 1
  elseif a == "--json" then args.json = arg[i + 1]; i = i + 1
  elseif a == "--ots" then args.ots = arg[i + 1]; i = i + 1
  elseif a == "--no-ots" then args.ots = nil
  elseif a:sub(1, 2) == "--" then io.stderr:write("eval-summ: unknown option " .. a .. "\n"); os.exit(2)
  else args.dir = a end
  i = i + 1
end
args.dir = args.dir or "../shared/data/summ"

common.detok.check()

local have_summarize = type(lede.summarize) == "function"

local function pct(x) return ("%.2f"):format(100 * x) end

local function lede_summary(set, rec, articles, method)
  local opts = { method = method }
  for k, v in pairs(set.budget) do opts[k] = v end
  local input = set.multi and articles or articles[1]
  local res = lede.summarize(input, opts)
  local lines, picks = {}, {}
  for k, s in ipairs(res) do
    lines[k] = common.one_line(s.text)
    picks[k] = { doc = s.article or 1, sentence = s.sentence or 0 }
  end
  return { lines = lines, picks = picks }
end

local function run_set(set)
  local records, err = common.load(args.dir, set, args.limit)
  if not records then return nil, err end
  local systems = {}
  local order = {}
  local function system(name)
    if not systems[name] then
      systems[name] = { name = name, pairs = {}, sentences = 0, dangling = 0, unresolved = 0,
                        words = 0, seconds = 0 }
      order[#order + 1] = name
    end
    return systems[name]
  end
  for _, m in ipairs(common.METHODS) do system("lede " .. m) end
  system(set.baseline)
  if args.ots then system("OTS") end

  local function add(name, rec, summary, seconds)
    local s = system(name)
    local text = table.concat(summary.lines, "\n")
    s.pairs[#s.pairs + 1] = { text, rec.references }
    local n, d, u = common.coherence(summary.lines, summary.picks or {})
    s.sentences, s.dangling, s.unresolved = s.sentences + n, s.dangling + d, s.unresolved + u
    s.words = s.words + common.count_words(rouge.truncate(text, set.rouge))
    s.seconds = s.seconds + (seconds or 0)
  end

  for _, rec in ipairs(records) do
    local articles, sents = {}, {}
    for d, doc in ipairs(rec.docs) do
      articles[d] = lede.article(doc)
      sents[d] = articles[d]:sentences()
    end
    -- lede's methods
    if have_summarize then
      for _, m in ipairs(common.METHODS) do
        local name = "lede " .. m
        if not systems[name].error then
          local t0 = os.clock()
          local ok, summary = pcall(lede_summary, set, rec, articles, m)
          if ok then
            add(name, rec, summary, os.clock() - t0)
          else
            systems[name].error = tostring(summary):gsub("\n.*", "")
          end
        end
      end
    end
    -- the lead baseline
    if set.budget.sentences then
      add(set.baseline, rec, common.lead(sents[1], set.budget.sentences))
    elseif set.budget.ratio then
      add(set.baseline, rec, common.lead(sents[1], common.ratio_count(set.budget.ratio, #sents[1])))
    else
      -- first 100 words: of the newest document for multi-document sets (the DUC baseline)
      local d = 1
      if set.multi then
        for k, doc in ipairs(rec.docs) do
          local best = rec.docs[d]
          if (doc.date or "") > (best.date or "") or ((doc.date or "") == (best.date or "") and doc.id > best.id) then
            d = k
          end
        end
      end
      add(set.baseline, rec, common.first_words(sents[d], set.budget.words, d))
    end
    -- OTS, on the same (detokenized) text; several documents joined by blank lines
    if args.ots then
      local texts = {}
      for d, doc in ipairs(rec.docs) do texts[d] = doc.text end
      local t0 = os.clock()
      local ots = common.ots_sentences(table.concat(texts, "\n\n"), args.ots)
      local picked = common.ots_pick(ots, set.budget)
      picked.picks = common.ots_locate(picked.chosen, rec.docs, sents)
      add("OTS", rec, picked, os.clock() - t0)
    end
    for _, a in ipairs(articles) do if a.close then a:close() end end
  end

  local rows = {}
  for _, name in ipairs(order) do
    local s = systems[name]
    local row = { system = name }
    if name:sub(1, 5) == "lede " and not have_summarize then
      row.pending = true
    elseif s.error then
      row.error = s.error
    else
      local scores = rouge.corpus(s.pairs, set.rouge)
      row.n = scores.n
      row.scores = {}
      for _, m in ipairs(set.rouge.metrics) do row.scores[m] = scores[m] end
      row.words = s.words / math.max(1, #s.pairs)
      row.sentences = s.sentences
      row.dangling = s.dangling
      row.unresolved = s.unresolved
    end
    rows[#rows + 1] = row
  end
  return { set = set.name, title = set.title, records = #records, rows = rows }
end

local function print_set(set, result)
  local budget = set.budget.sentences and (set.budget.sentences .. " sentences")
    or set.budget.words and (set.budget.words .. " words")
    or ("ratio " .. set.budget.ratio)
  print(("### %s — %s, %d %s"):format(result.title, budget, result.records,
    set.multi and "clusters" or "documents"))
  print()
  local head = { "system" }
  for _, l in ipairs(set.labels) do head[#head + 1] = l end
  head[#head + 1] = "words"
  print("| " .. table.concat(head, " | ") .. " |")
  local sep = { "---" }
  for _ = 2, #head do sep[#sep + 1] = "---:" end
  print("| " .. table.concat(sep, " | ") .. " |")
  for _, row in ipairs(result.rows) do
    local cells = { row.system }
    if row.pending or row.error then
      for _ = 1, #set.labels do cells[#cells + 1] = row.pending and "pending" or "error" end
      cells[#cells + 1] = ""
      if row.error then cells[1] = cells[1] .. " (" .. row.error .. ")" end
    else
      for _, m in ipairs(set.rouge.metrics) do cells[#cells + 1] = pct(row.scores[m][set.show]) end
      cells[#cells + 1] = ("%.1f"):format(row.words)
    end
    print("| " .. table.concat(cells, " | ") .. " |")
  end
  print()
end

local results = {}
local ran = {}
local wanted = {}
if args.sets then for s in args.sets:gmatch("[^,]+") do wanted[s] = true end end
local t_start = os.time()
for _, set in ipairs(common.SETS) do
  if not args.sets or wanted[set.name] then
    local t0 = os.clock()
    local result, err = run_set(set)
    if not result then
      print(("eval-summ: %s — skipped"):format(err))
    else
      result.seconds = os.clock() - t0
      results[#results + 1] = result
      ran[#ran + 1] = set
      print_set(set, result)
    end
  end
end
common.ots_cleanup()

-- Coherence: summary sentences that open with a pronoun or connective, and those whose previous
-- source sentence is not in the summary.
if #results > 0 then
  print("### Dangling openers — % of summary sentences that open with a pronoun or connective (unresolved: the sentence before it in the source is not in the summary)")
  print()
  local head, sep = { "system" }, { "---" }
  for _, set in ipairs(ran) do
    head[#head + 1] = set.name .. " opens"
    head[#head + 1] = set.name .. " unresolved"
    sep[#sep + 1] = "---:"
    sep[#sep + 1] = "---:"
  end
  print("| " .. table.concat(head, " | ") .. " |")
  print("| " .. table.concat(sep, " | ") .. " |")
  local names = {}
  for _, row in ipairs(results[1].rows) do names[#names + 1] = row.system end
  local baseline_names = {}
  for _, set in ipairs(ran) do baseline_names[set.baseline] = true end
  local function find(result, name, set)
    for _, row in ipairs(result.rows) do
      if row.system == name or (baseline_names[name] and row.system == set.baseline) then return row end
    end
  end
  for _, name in ipairs(names) do
    local label = baseline_names[name] and "lead baseline" or name
    local cells = { label }
    for k, result in ipairs(results) do
      local row = find(result, name, ran[k])
      if not row or row.pending or row.error then
        cells[#cells + 1] = row and row.pending and "pending" or "—"
        cells[#cells + 1] = cells[#cells]
      else
        local n = math.max(1, row.sentences)
        cells[#cells + 1] = ("%.1f"):format(100 * row.dangling / n)
        cells[#cells + 1] = ("%.1f"):format(100 * row.unresolved / n)
      end
    end
    print("| " .. table.concat(cells, " | ") .. " |")
  end
  print()
  print(("eval-summ: %d set(s) in %d s%s"):format(#results, os.time() - t_start,
    have_summarize and "" or "; lede.summarize is not in this build: its rows are pending"))
end

if args.json then
  local f = assert(io.open(args.json, "w"))
  f:write(json.encode(results), "\n")
  f:close()
end
