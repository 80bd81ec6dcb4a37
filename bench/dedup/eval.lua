-- make eval-dedup: how well lede.dedup finds copies of news stories, and how fast.
-- usage: lua5.4 bench/dedup/eval.lua [DATA_DIR]   (DATA_DIR holds reuters21578.jsonl)
--   SAMPLE=1000   originals copied at each perturbation level
--   SEED=20261127 the generator's seed (bench/dedup/perturb.lua)
--   SCALE=5       the scale run: every story and SCALE-1 perturbed copies (~100k); 0 skips it
--   SWEEP=1       instead: recall and precision for several shingle sizes and band layouts
--
-- 1. Duplicates already in Reuters-21578: exact and near pairs lede finds among its 19,779
--    stories, checked against the true shingle Jaccard similarity computed here in plain Lua.
-- 2. Perturbed copies: a sample of stories is copied at each level of bench/dedup/perturb.lua;
--    per level, one set holds all the stories and the copies. A pair (copy, its original) is a
--    true positive; any other pair with a copy is a false positive. The true Jaccard similarity
--    of each copy to its original says which misses the threshold asks for (the ceiling) and
--    which are misses of the LSH or of the estimate.
package.path = (arg[0]:match("^(.*)/") or ".") .. "/../?.lua;" .. package.path
local lede = require("lede")
local json = require("lib.json")
local now = require("lib.corpus").now
local perturb = require("dedup.perturb")

local data = arg[1] or "../shared/data/news"
local path = data .. "/reuters21578.jsonl"
local f = io.open(path, "rb")
if not f then
  print(("eval-dedup: %s not found — evaluation data is not shipped with lede; nothing measured")
    :format(path))
  return
end
f:close()

local SAMPLE = tonumber(os.getenv("SAMPLE")) or 1000
local SEED = tonumber(os.getenv("SEED")) or 20261127
local SCALE = tonumber(os.getenv("SCALE")) or 5
local SWEEP = os.getenv("SWEEP") == "1"
local DEFAULTS = lede.dedup.new().options

-- The stories, with a body (all records have one).
local stories = {}
for _, rec in ipairs(assert(json.read_lines(path))) do
  if type(rec.body) == "string" and rec.body:find("%S") then
    stories[#stories + 1] = { id = rec.id, title = rec.title or "", text = rec.body,
                              norm = rec.text_type == "NORM" }
  end
end
collectgarbage()

-- ---- The truth: shingle sets and their exact Jaccard similarity, written apart from the C ----

local function shingle_set(text, k)
  local a <close> = lede.article(text)
  local w = {}
  for _, t in ipairs(a:tokens()) do
    if t.kind ~= "punct" and t.kind ~= "quote" and t.kind ~= "symbol" then w[#w + 1] = t.lower end
  end
  local set = {}
  if #w > 0 and #w < k then set[table.concat(w, "\0")] = true end
  for i = 1, #w - k + 1 do set[table.concat(w, "\0", i, i + k - 1)] = true end
  return set, #w
end

local function jaccard(a, b)
  local inter, union = 0, 0
  for s in pairs(a) do
    union = union + 1
    if b[s] then inter = inter + 1 end
  end
  for s in pairs(b) do if not a[s] then union = union + 1 end end
  return union > 0 and inter / union or 0
end

local function memo_shingles(k)
  local cache = {}
  return function(story)
    local s = cache[story]
    if not s then s = shingle_set(story.text, k); cache[story] = s end
    return s
  end
end

-- ---- Signatures of all stories, timed -------------------------------------------------------

-- The signatures, the seconds for analysis and signature, and for the signature alone.
local function sign_all(opts)
  local sigs, t0, signing = {}, now(), 0
  for i, s in ipairs(stories) do
    local a <close> = lede.article(s.text)
    local t1 = now()
    sigs[i] = lede.dedup.signature(a, opts)
    signing = signing + now() - t1
  end
  return sigs, now() - t0, signing
end

local function fmt_int(n)
  local s = tostring(math.floor(n + 0.5))
  return (s:reverse():gsub("(%d%d%d)", "%1,"):reverse():gsub("^,", ""))
end

-- ---- The perturbation runs ------------------------------------------------------------------

-- The sample: NORM stories of at least 40 words whose body no other story repeats exactly.
local function sample_stories(rng, n)
  local count = {}
  for _, s in ipairs(stories) do count[s.text] = (count[s.text] or 0) + 1 end
  local eligible = {}
  for _, s in ipairs(stories) do
    local _, nwords = s.text:gsub("%S+", "")
    if s.norm and count[s.text] == 1 and nwords >= 40 then eligible[#eligible + 1] = s end
  end
  for i = #eligible, 2, -1 do -- Fisher–Yates with the generator's own PRNG
    local j = rng:int(i)
    eligible[i], eligible[j] = eligible[j], eligible[i]
  end
  return { table.unpack(eligible, 1, math.min(n, #eligible)) }, #eligible
end

local function vocabulary_of(list)
  local words = {}
  for i = 1, math.min(200, #list) do
    for w in list[i].text:gmatch("%a+") do words[#words + 1] = w:lower() end
  end
  return words
end

-- The story whose sentences an update of list[i] appends: the next one from halfway round the
-- list that has at least four sentences.
local function donor_for(list, i)
  for k = 0, #list - 1 do
    local d = list[(i + #list // 2 + k - 1) % #list + 1]
    if d ~= list[i] and #perturb.sentences(d.text) >= 4 then return d end
  end
  return list[i % #list + 1]
end

-- The copies of `sample` at one level, each { story = original, title, text }.
local function make_copies(level, index, sample, vocabulary)
  local rng = perturb.rng(SEED * 100 + index)
  local copies = {}
  for i, s in ipairs(sample) do
    local donor = donor_for(sample, i)
    local c = level.make(rng, s, { vocabulary = vocabulary, donor = donor.text })
    c.story = s
    copies[i] = c
  end
  return copies
end

local by_id = {}
for _, s in ipairs(stories) do by_id[s.id] = s end

-- One level: a set of all the stories, then the copies; scores the pairs with a copy. With
-- `shingles` (a memo of the stories' shingle sets), also the true similarities.
local function run_level(opts, sigs, copies, shingles)
  local set = lede.dedup.new(opts)
  for i, s in ipairs(stories) do set:add(s.id, sigs[i]) end
  local r = { tp = 0, fp = 0, fp_similar = 0, copies = #copies, above = 0, jsum = 0 }
  for i, c in ipairs(copies) do
    local found = set:add("copy:" .. i, lede.article(c))
    local mine = shingles and shingle_set(c.text, opts.shingle)
    if shingles then
      local j = jaccard(shingles(c.story), mine)
      r.jsum = r.jsum + j
      if j >= opts.threshold then r.above = r.above + 1 end
    end
    for _, m in ipairs(found) do
      if m.id == c.story.id then
        r.tp = r.tp + 1
      else
        r.fp = r.fp + 1
        if shingles then
          local other = by_id[m.id] and shingles(by_id[m.id])
            or shingle_set(copies[tonumber(m.id:match("^copy:(%d+)$"))].text, opts.shingle)
          if jaccard(other, mine) >= opts.threshold then r.fp_similar = r.fp_similar + 1 end
        end
      end
    end
  end
  return r
end

local function pct(x) return ("%.1f%%"):format(100 * x) end

local function perturbation_table(opts, sample, vocabulary)
  local sigs, sign_seconds, signing = sign_all(opts)
  local shingles = memo_shingles(opts.shingle)
  print(("| level | what | copies | mean true J | true J ≥ %.2g | pairs found | recall | precision | other pairs truly ≥ %.2g | precision, those counted true |")
    :format(opts.threshold, opts.threshold))
  print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
  local tp, fp, n = 0, 0, 0
  for index, level in ipairs(perturb.levels) do
    local copies = make_copies(level, index, sample, vocabulary)
    local r = run_level(opts, sigs, copies, shingles)
    tp, fp, n = tp + r.tp, fp + r.fp, n + r.copies
    local found = r.tp + r.fp
    print(("| %s | %s | %d | %.3f | %s | %d | **%s** | %s | %d | %s |"):format(level.name, level.what,
      r.copies, r.jsum / r.copies, pct(r.above / r.copies), found, pct(r.tp / r.copies),
      found > 0 and pct(r.tp / found) or "n/a", r.fp_similar,
      found > 0 and pct((r.tp + r.fp_similar) / found) or "n/a"))
  end
  print(("| all | | %d | | | %d | **%s** | **%s** | | |"):format(n, tp + fp, pct(tp / n),
    tp + fp > 0 and pct(tp / (tp + fp)) or "n/a"))
  return sign_seconds, signing
end

-- ---- Sweep: recall and precision per level for several layouts (no truth computed) ------------

local function sweep(sample, vocabulary)
  local configs = {
    { shingle = 3, hashes = 128, bands = 32 }, { shingle = 4, hashes = 128, bands = 32 },
    { shingle = 5, hashes = 128, bands = 32 }, { shingle = 5, hashes = 128, bands = 64 },
    { shingle = 5, hashes = 128, bands = 16 }, { shingle = 5, hashes = 64, bands = 16 },
    { shingle = 5, hashes = 256, bands = 64 },
  }
  local header = { "| shingle | hashes × … bands | threshold |" }
  for _, level in ipairs(perturb.levels) do header[#header + 1] = " " .. level.name .. " |" end
  print(table.concat(header) .. " precision |")
  print("|---:|---:|---:|" .. ("---:|"):rep(#perturb.levels + 1))
  for _, cfg in ipairs(configs) do
    for _, threshold in ipairs({ 0.4, 0.5 }) do
      local opts = { shingle = cfg.shingle, hashes = cfg.hashes, bands = cfg.bands,
                     threshold = threshold }
      local sigs = sign_all(opts)
      local row = { ("| %d | %d × %d | %.1f |"):format(cfg.shingle, cfg.hashes, cfg.bands, threshold) }
      local tp, fp = 0, 0
      for index, level in ipairs(perturb.levels) do
        local r = run_level(opts, sigs, make_copies(level, index, sample, vocabulary))
        tp, fp = tp + r.tp, fp + r.fp
        row[#row + 1] = (" %.0f |"):format(100 * r.tp / r.copies)
      end
      print(table.concat(row) .. (" %.1f |"):format(100 * tp / math.max(1, tp + fp)))
      io.stdout:flush()
    end
  end
end

-- ---- Duplicates already in Reuters ------------------------------------------------------------

local function reuters_duplicates(sigs)
  local set = lede.dedup.new()
  local t0 = now()
  for i, s in ipairs(stories) do set:add(s.id, sigs[i]) end
  local add_seconds = now() - t0
  local st = set:stats()
  -- The independent count: records whose body another record repeats byte for byte.
  local count, repeated = {}, 0
  for _, s in ipairs(stories) do count[s.text] = (count[s.text] or 0) + 1 end
  for _, s in ipairs(stories) do if count[s.text] > 1 then repeated = repeated + 1 end end
  local exact_ids, near_pairs = {}, {}
  local exact_groups, near_groups = 0, 0
  for _, g in ipairs(set:groups()) do
    if g.kind == "exact" then exact_groups = exact_groups + 1 else near_groups = near_groups + 1 end
    for _, p in ipairs(g.pairs) do
      if p.kind == "exact" then exact_ids[p.a], exact_ids[p.b] = true, true
      else near_pairs[#near_pairs + 1] = p end
    end
  end
  local nexact = 0
  for _ in pairs(exact_ids) do nexact = nexact + 1 end
  -- Every near pair checked against its true Jaccard similarity.
  local shingles = memo_shingles(DEFAULTS.shingle)
  local truly = 0
  for _, p in ipairs(near_pairs) do
    p.true_j = jaccard(shingles(by_id[p.a]), shingles(by_id[p.b]))
    if p.true_j >= DEFAULTS.threshold then truly = truly + 1 end
  end
  print(("Stories: %s; pairs found: %s exact, %s near; groups: %s (%s all exact, %s with a near pair); duplicate rate %s (%s stories beyond the first of their group); index %s bytes, %s s to add and query all.")
    :format(fmt_int(st.articles), fmt_int(st.exact_pairs), fmt_int(st.near_pairs),
      fmt_int(st.groups), fmt_int(exact_groups), fmt_int(near_groups), pct(st.rate),
      fmt_int(st.duplicates), fmt_int(st.bytes), ("%.2f"):format(add_seconds)))
  print(("Exact: %s stories have an exact copy by lede's normalised words; %s share their body byte for byte (PROVENANCE.md: 660)."):format(
    fmt_int(nexact), fmt_int(repeated)))
  print(("Near: of %s near pairs, %s (%s) have a true 5-shingle Jaccard ≥ %.2g; mean |estimate − true| %.3f.")
    :format(fmt_int(#near_pairs), fmt_int(truly), pct(truly / math.max(1, #near_pairs)),
      DEFAULTS.threshold, (function()
        local e = 0
        for _, p in ipairs(near_pairs) do e = e + math.abs(p.similarity - p.true_j) end
        return e / math.max(1, #near_pairs)
      end)()))
  print("\nExamples (exact groups, largest first; then near pairs from most to least similar):\n")
  local groups = set:groups()
  table.sort(groups, function(x, y) return #x.members > #y.members end)
  local shown = 0
  for _, g in ipairs(groups) do
    if g.kind == "exact" and shown < 3 then
      shown = shown + 1
      print(("- exact ×%d: %s — \"%s\""):format(#g.members, table.concat(g.members, ", ", 1,
        math.min(6, #g.members)) .. (#g.members > 6 and ", …" or ""), by_id[g.members[1]].title))
    end
  end
  table.sort(near_pairs, function(x, y) return x.similarity > y.similarity end)
  for k = 1, 5 do
    local p = near_pairs[math.max(1, math.floor((k - 1) * #near_pairs / 5) + 1)]
    if p then
      print(("- near %.2f (true %.2f): %s \"%s\" ~ %s \"%s\""):format(p.similarity, p.true_j, p.a,
        by_id[p.a].title, p.b, by_id[p.b].title))
    end
  end
end

-- ---- Scale: ~100k signatures ------------------------------------------------------------------

-- The copies are made in batches before timing, and their garbage collected, so that the
-- generator's work is not billed to signing.
local function scale_run(vocabulary)
  local rng = perturb.rng(SEED + 7)
  local set = lede.dedup.new()
  local sign_seconds, add_seconds, n = 0, 0, 0
  local t_start = now()
  local BATCH = 2000
  for copy = 1, SCALE do
    for first = 1, #stories, BATCH do
      local texts = {}
      for i = first, math.min(first + BATCH - 1, #stories) do
        local s = stories[i]
        if copy > 1 then
          local level = perturb.levels[rng:int(#perturb.levels)]
          s = level.make(rng, s, { vocabulary = vocabulary, donor = donor_for(stories, i).text })
        end
        texts[#texts + 1] = s.text
      end
      collectgarbage()
      for k, text in ipairs(texts) do
        local t0 = now()
        local a <close> = lede.article(text)
        local sig = lede.dedup.signature(a)
        local t1 = now()
        set:add(copy .. ":" .. stories[first + k - 1].id, sig)
        add_seconds = add_seconds + now() - t1
        sign_seconds = sign_seconds + t1 - t0
        n = n + 1
      end
    end
  end
  local st = set:stats()
  print(("%s signatures (Reuters ×%d: each story and %d perturbed copies at random levels): analysis + signature %.1f s (%s/s), add + query %.1f s (%s/s), %.0f s in all with the generator; index %.1f MB (%s bytes an entry); %s groups, duplicate rate %s.")
    :format(fmt_int(n), SCALE, SCALE - 1, sign_seconds, fmt_int(n / sign_seconds), add_seconds,
      fmt_int(n / add_seconds), now() - t_start, st.bytes / 1e6, fmt_int(st.bytes / n),
      fmt_int(st.groups), pct(st.rate)))
end

-- ---- Main ---------------------------------------------------------------------------------------

local rng = perturb.rng(SEED)
local sample, eligible = sample_stories(rng, SAMPLE)
local vocabulary = vocabulary_of(sample)
print(("lede near-duplicate evaluation — %s"):format(os.date("!%Y-%m-%d %H:%M UTC")))
print(("data: %s (%s stories); sample: %d of %s eligible stories (NORM, ≥ 40 words, body not repeated), seed %d")
  :format(path, fmt_int(#stories), #sample, fmt_int(eligible), SEED))
if SWEEP then
  sweep(sample, vocabulary)
  return
end
print(("options: shingle %d, hashes %d, bands %d (%d rows), threshold %.2g\n"):format(
  DEFAULTS.shingle, DEFAULTS.hashes, DEFAULTS.bands, DEFAULTS.hashes // DEFAULTS.bands,
  DEFAULTS.threshold))

print("### Perturbed copies\n")
local sign_seconds, signing = perturbation_table(DEFAULTS, sample, vocabulary)
print(("\nTime: %s stories analysed and signed in %.2f s (%s signatures/s, analysis included; the signature alone, from the analysed article, %.2f s, %s/s).")
  :format(fmt_int(#stories), sign_seconds, fmt_int(#stories / sign_seconds), signing,
    fmt_int(#stories / signing)))

print("\n### Duplicates already in Reuters-21578\n")
reuters_duplicates((sign_all(DEFAULTS)))

if SCALE > 0 then
  print("\n### Scale\n")
  scale_run(vocabulary)
end
