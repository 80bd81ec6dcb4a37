-- Retrieval effectiveness measures computed the way trec_eval 9.x computes them (the
-- usnistgov/trec_eval sources: get_qrels.c, get_trec_results.c, form_res_rels.c, m_map.c, m_P.c,
-- m_recall.c, m_ndcg_cut.c, meas_avg.c and the main loop of trec_eval.c). Measures are named as
-- trec_eval prints them: map, P_k, recall_k, ndcg_cut_k.
--
-- What trec_eval does, and so what this does:
--   * Run lines are `qid iter docno rank sim runid`; iter and rank are ignored. Ranks are assigned
--     by sorting each query's results by sim (read as a double) descending, ties broken by docno in
--     reverse byte order (strcmp(p2, p1): "9" before "10", "b" before "a"). So a run's own order
--     and its rank column do not count, only the printed score; print enough digits.
--   * A docno twice for one query, in the run or in the qrels, is an error.
--   * A judged document is relevant when rel >= the relevance level (-l, default 1). nDCG's gain
--     is the rel value itself (every rel > 0 gains, whatever the level), discounted by
--     log2(rank + 1); the ideal ranking is every judged document with rel > 0, best first, cut at
--     the same depth. P_k fills a short ranking with non-relevant documents; recall_k is relevant
--     retrieved in the top k over all relevant.
--   * Queries evaluated: by default those with both qrels lines and run lines (queries of the run
--     with no qrels lines, and queries of the qrels the run lacks, are left out of the average).
--     With complete = true (trec_eval -c) every query of the qrels counts, a missing one as 0.
--     A query whose qrels lines are all non-relevant is evaluated (it scores 0), as in trec_eval.
--   * Averages are arithmetic means over the queries evaluated.
--
-- Lua compares strings with strcoll; the standalone lua5.4 never calls setlocale, so that is the
-- C locale's byte order, which is strcmp's.

local M = {}

M.DEFAULT_MEASURES = { "map", "ndcg_cut_10", "P_10", "recall_100" }

local function fail(fmt, ...)
  error("treceval: " .. string.format(fmt, ...), 0)
end

local function lines_of(text)
  if text ~= "" and text:sub(-1) ~= "\n" then text = text .. "\n" end
  return text:gmatch("([^\n]*)\n")
end

local function fields(line)
  local out = {}
  for w in line:gmatch("%S+") do out[#out + 1] = w end
  return out
end

local function slurp(path)
  local f, err = io.open(path, "rb")
  if not f then fail("cannot read %s", err) end
  local s = f:read("a")
  f:close()
  return s
end

-- Qrels text (`qid iter docno rel`, one judgment a line) → { [qid] = { [docno] = rel } }.
-- Blank lines and lines starting with '#' are skipped.
function M.parse_qrels(text)
  local qrels, n = {}, 0
  for line in lines_of(text) do
    n = n + 1
    if line:find("%S") and not line:find("^%s*#") then
      local f = fields(line)
      if #f < 4 then fail("qrels line %d: expected 'qid iter docno rel'", n) end
      local rel = math.tointeger(tonumber(f[4]))
      if not rel then fail("qrels line %d: relevance '%s' is not an integer", n, f[4]) end
      local q = qrels[f[1]]
      if not q then q = {}; qrels[f[1]] = q end
      if q[f[3]] ~= nil then fail("qrels line %d: document %s judged twice for query %s", n, f[3], f[1]) end
      q[f[3]] = rel
    end
  end
  return qrels
end

-- Run text (`qid iter docno rank sim runid`) → { [qid] = { {docno=, sim=}, ... } }, runid (of the
-- last line, as trec_eval keeps it).
function M.parse_run(text)
  local run, seen, runid, n = {}, {}, nil, 0
  for line in lines_of(text) do
    n = n + 1
    if line:find("%S") and not line:find("^%s*#") then
      local f = fields(line)
      if #f < 6 then fail("run line %d: expected 'qid iter docno rank sim runid'", n) end
      local sim = tonumber(f[5])
      if not sim then fail("run line %d: score '%s' is not a number", n, f[5]) end
      local qid, docno = f[1], f[3]
      local q = run[qid]
      if not q then q = {}; run[qid] = q; seen[qid] = {} end
      if seen[qid][docno] then fail("run line %d: document %s retrieved twice for query %s", n, docno, qid) end
      seen[qid][docno] = true
      q[#q + 1] = { docno = docno, sim = sim + 0.0 }
      runid = f[6]
    end
  end
  return run, runid
end

function M.read_qrels(path) return M.parse_qrels(slurp(path)) end
function M.read_run(path) return M.parse_run(slurp(path)) end

-- The results of one query in trec_eval's order (a new list): sim descending, then docno
-- descending in byte order.
function M.rank(results)
  local sorted = {}
  for i, r in ipairs(results) do sorted[i] = r end
  table.sort(sorted, function(a, b)
    if a.sim ~= b.sim then return a.sim > b.sim end
    return a.docno > b.docno
  end)
  return sorted
end

-- measure name → kind, cutoff ("P_10" → "P", 10; "map" → "map", nil)
local function parse_measure(name)
  if name == "map" then return "map" end
  local kind, k = name:match("^([%a_]-)_(%d+)$")
  k = tonumber(k)
  if k and k > 0 and (kind == "P" or kind == "recall" or kind == "ndcg_cut") then return kind, k end
  fail("unknown measure '%s' (known: map, P_k, recall_k, ndcg_cut_k)", name)
end

-- One query's measures. judged: { [docno] = rel } (nil for a query missing from the qrels is not
-- allowed here); ranked: results already in trec_eval order (may be empty).
local function evaluate_query(judged, ranked, measures, level, max_docs)
  local num_ret = math.min(#ranked, max_docs)
  -- rels[i]: the rel value at rank i; -1 when the qrels do not name the document, -2 when they
  -- give it a negative rel (trec_eval's RELVALUE_NONPOOL and RELVALUE_UNJUDGED)
  local rels = {}
  for i = 1, num_ret do
    local r = judged[ranked[i].docno]
    rels[i] = r == nil and -1 or r < 0 and -2 or r
  end
  local num_rel, gains = 0, {}
  for _, r in pairs(judged) do
    if r >= 0 and r >= level then num_rel = num_rel + 1 end
    if r > 0 then gains[#gains + 1] = r end
  end
  table.sort(gains, function(a, b) return a > b end)

  local out = {}
  for _, name in ipairs(measures) do
    local kind, k = parse_measure(name)
    local v = 0.0
    if kind == "map" then
      local found, sum = 0, 0.0
      for i = 1, num_ret do
        if rels[i] >= level then
          found = found + 1
          sum = sum + found / i
        end
      end
      if found > 0 then v = sum / num_rel end
    elseif kind == "P" then
      local found = 0
      for i = 1, math.min(num_ret, k) do
        if rels[i] >= level then found = found + 1 end
      end
      v = found / k
    elseif kind == "recall" then
      if num_rel > 0 then
        local found = 0
        for i = 1, math.min(num_ret, k) do
          if rels[i] >= level then found = found + 1 end
        end
        v = found / num_rel
      end
    else -- ndcg_cut
      local dcg, ideal = 0.0, 0.0
      for i = 1, math.min(num_ret, k) do
        if rels[i] > 0 then dcg = dcg + rels[i] / (math.log(i + 1) / math.log(2)) end
      end
      for i = 1, math.min(#gains, k) do
        ideal = ideal + gains[i] / (math.log(i + 1) / math.log(2))
      end
      if ideal > 0 then v = dcg / ideal end
    end
    out[name] = v
  end
  return out
end

-- Evaluates a run against qrels.
--   opts.measures   list of measure names (default M.DEFAULT_MEASURES)
--   opts.complete   true: average over every query of the qrels, missing ones as 0 (trec_eval -c)
--   opts.level      relevance level (trec_eval -l, default 1)
--   opts.max_docs   only the top max_docs of each query count (trec_eval -M, default all)
-- Returns { mean = { [measure] = v }, per_query = { [qid] = { [measure] = v } }, num_q = n,
--   qids = {sorted qids evaluated}, missing = {qids of the qrels the run lacks} }.
function M.evaluate(qrels, run, opts)
  opts = opts or {}
  local measures = opts.measures or M.DEFAULT_MEASURES
  local level = opts.level or 1
  local max_docs = opts.max_docs or math.huge
  for _, name in ipairs(measures) do parse_measure(name) end

  local qids, missing = {}, {}
  for qid in pairs(qrels) do
    if run[qid] then qids[#qids + 1] = qid else missing[#missing + 1] = qid end
  end
  table.sort(qids)
  table.sort(missing)

  local per_query, sums = {}, {}
  for _, name in ipairs(measures) do sums[name] = 0.0 end
  for _, qid in ipairs(qids) do
    local v = evaluate_query(qrels[qid], M.rank(run[qid]), measures, level, max_docs)
    per_query[qid] = v
    for _, name in ipairs(measures) do sums[name] = sums[name] + v[name] end
  end
  if opts.complete then
    for _, qid in ipairs(missing) do
      local v = evaluate_query(qrels[qid], {}, measures, level, max_docs)
      per_query[qid] = v
      for _, name in ipairs(measures) do sums[name] = sums[name] + v[name] end
    end
  end

  local num_q = #qids + (opts.complete and #missing or 0)
  local mean = {}
  for _, name in ipairs(measures) do
    mean[name] = num_q > 0 and sums[name] / num_q or 0.0
  end
  return { mean = mean, per_query = per_query, num_q = num_q, qids = qids, missing = missing }
end

-- trec_eval's summary lines for a result: "name<TAB>all<TAB>0.1234" (measure padded to 22 as
-- trec_eval pads it), num_q first.
function M.format(result, measures)
  measures = measures or M.DEFAULT_MEASURES
  local out = { string.format("%-22s\tall\t%d", "num_q", result.num_q) }
  for _, name in ipairs(measures) do
    out[#out + 1] = string.format("%-22s\tall\t%.4f", name, result.mean[name])
  end
  return table.concat(out, "\n") .. "\n"
end

return M
