-- The search index on the sample corpus: query semantics, updates, deletes, persistence, merges,
-- facets, and the pruned top-k against exhaustive scoring.
local lede = require("lede")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local tmpdir, remove_dir, sorted = helpers.temp_path, helpers.remove_dir, helpers.sorted

local function ids(result) return helpers.pluck(result.hits, "id") end

local function set_of(list)
  local s = {}
  for _, x in ipairs(list) do s[x] = true end
  return s
end

-- Ids of corpus articles whose field (lower-cased) satisfies pred.
local function where(articles, pred)
  local out = {}
  for _, a in ipairs(articles) do
    if pred(a) then out[#out + 1] = a.id end
  end
  table.sort(out)
  return out
end

describe("lede.index", function()
  local articles = helpers.corpus_articles()
  local dir = tmpdir()
  local ix

  setup(function()
    ix = lede.index.open(dir, { create = true })
    for _, a in ipairs(articles) do ix:add(a) end
    ix:commit()
  end)

  teardown(function()
    ix:close()
    remove_dir(dir)
  end)

  local function all_ids(query, opts)
    opts = opts or {}
    opts.limit = 1000
    return sorted(ids(ix:search(query, opts)))
  end

  it("holds every article", function()
    local stats = ix:stats()
    assert.equal(#articles, stats.documents)
    assert.equal(0, stats.pending)
    assert.equal(articles[1].title, ix:get(articles[1].id).title)
    assert.is_nil(ix:get("no-such-id"))
  end)

  it("finds words through their stems, in title and text", function()
    local expected = where(articles, function(a)
      local t = (a.title .. " " .. a.text):lower()
      return t:find("evacuat", 1, true) ~= nil
    end)
    assert.same(expected, all_ids("evacuated"))
    assert.same(expected, all_ids("evacuation"))
  end)

  it("matches phrases of stems and ranks title matches first", function()
    -- "defence ministers" also matches "defence minister" and "Defence Minister's": stems.
    local expected = where(articles, function(a)
      local t = (a.title .. "\n" .. a.text):lower():gsub("%s+", " ")
      return t:find("defence minister", 1, true) ~= nil
    end)
    assert.same(expected, all_ids('"defence ministers"'))
    local top = ix:search('"defence ministers"', { limit = 1 }).hits[1]
    assert.truthy(top.title:lower():find("defence ministers", 1, true))
  end)

  it("combines AND, OR, NOT, +required and -excluded", function()
    local storm, galicia = set_of(all_ids("storm")), set_of(all_ids("galicia"))
    local both, either, only = {}, {}, {}
    for id in pairs(storm) do
      if galicia[id] then both[#both + 1] = id else only[#only + 1] = id end
      either[#either + 1] = id
    end
    for id in pairs(galicia) do
      if not storm[id] then either[#either + 1] = id end
    end
    assert.same(sorted(both), all_ids("storm AND galicia"))
    assert.same(sorted(both), all_ids("storm galicia"))
    assert.same(sorted(either), all_ids("storm OR galicia"))
    assert.same(sorted(only), all_ids("storm NOT galicia"))
    assert.same(sorted(only), all_ids("storm -galicia"))
    assert.same(sorted(both), all_ids("+storm +galicia", { any = true }))
    assert.same(sorted(either), all_ids("storm galicia", { any = true }))
  end)

  it("restricts terms to a field", function()
    local expected = where(articles, function(a) return a.title:lower():find("storm", 1, true) ~= nil end)
    assert.same(expected, all_ids("title:storm"))
    local continental = where(articles, function(a) return a.source == "Continental Press" end)
    assert.same(continental, all_ids('source:"Continental Press"'))
    assert.same(continental, all_ids('source:"continental press"'))
  end)

  it("filters by date ranges", function()
    local function in_range(from, to)
      return where(articles, function(a) return a.date and a.date:sub(1, 10) >= from and a.date:sub(1, 10) <= to end)
    end
    assert.same(in_range("2026-02-13", "2026-02-13"), all_ids("date:2026-02-13"))
    assert.same(in_range("2026-02-10", "2026-02-20"), all_ids("date:2026-02-10..2026-02-20"))
    assert.same(in_range("2026-03-01", "9999"), all_ids("date:>=2026-03"))
    local storm_in_feb = {}
    local feb = set_of(in_range("2026-02-01", "2026-02-28"))
    for _, id in ipairs(all_ids("storm")) do
      if feb[id] then storm_in_feb[#storm_in_feb + 1] = id end
    end
    assert.same(storm_in_feb, all_ids("storm date:2026-02"))
  end)

  it("expands prefixes, also of words whose stem is shorter than the prefix", function()
    local function starting(prefix)
      return where(articles, function(a)
        for w in (a.title .. " " .. a.text):lower():gmatch("%a+") do
          if w:sub(1, #prefix) == prefix then return true end
        end
        return false
      end)
    end
    assert.same(starting("evacua"), all_ids("evacua*"))
    assert.same(starting("minist"), all_ids("minist*"))
    assert.same(starting("tariff"), all_ids("TARIFF*"))
  end)

  it("finds words near each other", function()
    local near = all_ids("NEAR/2(training mission)")
    local phrase = set_of(all_ids('"training mission"'))
    for id in pairs(phrase) do assert.is_true(set_of(near)[id], id) end
    assert.is_true(#near >= #all_ids('"training mission"'))
  end)

  it("counts facets over the whole result set", function()
    local r = ix:search("", { facets = { "source", "date:month" }, facet_limit = 100 })
    assert.equal(#articles, r.total)
    local expected = {} -- facets show a value as first written, and count it whatever its case
    for _, a in ipairs(articles) do
      if a.source then expected[a.source] = (expected[a.source] or 0) + 1 end
    end
    local got = {}
    for _, v in ipairs(r.facets.source) do got[v.value] = v.count end
    assert.same(expected, got)
    local months = 0
    for _, v in ipairs(r.facets["date:month"]) do months = months + v.count end
    assert.equal(#where(articles, function(a) return a.date ~= nil end), months)
  end)

  it("returns snippets with highlights", function()
    local hit = ix:search("gusts", { limit = 1, snippet = "plain", open = "[", close = "]" }).hits[1]
    assert.truthy(hit.snippet:find("[gusts]", 1, true), hit.snippet)
    local html = ix:search("gusts", { limit = 1, snippet = "html" }).hits[1]
    assert.truthy(html.snippet:find("<mark>", 1, true))
  end)

  it("pages through results", function()
    local first = ids(ix:search("storm", { limit = 3 }))
    local next_ = ids(ix:search("storm", { limit = 3, offset = 3 }))
    local all = ids(ix:search("storm", { limit = 6 }))
    assert.same(all, { first[1], first[2], first[3], next_[1], next_[2], next_[3] })
  end)

  it("gives the pruned top 10 of exhaustive scoring on random queries", function()
    math.randomseed(7)
    local words = {}
    for _, a in ipairs(articles) do
      for w in a.text:lower():gmatch("%a%a%a%a+") do words[#words + 1] = w end
    end
    for _ = 1, 200 do
      local q = {}
      for k = 1, math.random(2, 6) do q[k] = words[math.random(#words)] end
      local query = table.concat(q, " ")
      -- Without an exact total a disjunction is pruned (MaxScore).
      local pruned = ix:search(query, { any = true, limit = 10, snippet = false, count = false })
      local full = ix:search(query, { any = true, limit = 10, snippet = false, exhaustive = true })
      assert.is_true(pruned.total <= full.total, query)
      assert.equal(#full.hits, #pruned.hits, query)
      for i, h in ipairs(full.hits) do
        assert.equal(h.id, pruned.hits[i].id, query)
        assert.near(h.score, pruned.hits[i].score, 1e-9, query)
      end
    end
  end)
end)

describe("lede.index changes", function()
  local dir

  before_each(function() dir = tmpdir() end)
  after_each(function() remove_dir(dir) end)

  local function doc(id, text, extra)
    return helpers.merged({ id = id, title = "Headline " .. id, text = text, date = "2026-02-13",
                            source = "Wire" }, extra)
  end

  it("shows nothing until commit, and everything committed after reopening", function()
    local ix = lede.index.open(dir, { create = true })
    ix:add(doc("a", "Ministers met in Brussels."))
    assert.equal(0, ix:search("ministers").total)
    assert.equal(1, ix:stats().pending)
    ix:commit()
    assert.equal(1, ix:search("ministers").total)
    ix:add(doc("b", "Ministers met again."))
    ix:close()
    local again = lede.index.open(dir)
    assert.same({ "a" }, ids(again:search("ministers")))
    again:close()
  end)

  it("replaces a document with the same id and deletes by id", function()
    local ix = lede.index.open(dir, { create = true })
    ix:add(doc("a", "The storm hit the coast."))
    ix:commit()
    ix:add(doc("a", "The election was close."))
    ix:commit()
    assert.equal(0, ix:search("storm").total)
    assert.same({ "a" }, ids(ix:search("election")))
    assert.equal("The election was close.", ix:get("a").text)
    assert.is_true(ix:delete("a"))
    assert.is_false(ix:delete("a"))
    ix:commit()
    assert.equal(0, ix:search("election").total)
    assert.is_nil(ix:get("a"))
    assert.equal(0, ix:stats().documents)
    ix:close()
  end)

  it("replaces within one uncommitted batch too", function()
    local ix = lede.index.open(dir, { create = true })
    ix:add(doc("a", "first version"))
    ix:add(doc("a", "second version"))
    ix:commit()
    assert.equal(1, ix:stats().documents)
    assert.equal("second version", ix:get("a").text)
    assert.equal(0, ix:search("first").total)
    ix:close()
  end)

  it("keeps keyword fields and lists, and finds them by field", function()
    local ix = lede.index.open(dir, { create = true })
    ix:add(doc("a", "Talks resumed.", { person = { "Margaret A. Holloway", "Élodie Tremblay-Haines" }, story = "nato-iraq" }))
    ix:add(doc("b", "Talks stalled.", { person = "MARGARET A. HOLLOWAY " }))
    ix:commit()
    assert.same({ "a", "b" }, sorted(ids(ix:search('person:"margaret a. holloway"'))))
    assert.same({ "a" }, ids(ix:search('person:"élodie tremblay-haines"')))
    assert.same({ "a" }, ids(ix:search("story:nato-iraq")))
    local got = ix:get("a")
    assert.same({ "Margaret A. Holloway", "Élodie Tremblay-Haines" }, got.person)
    local r = ix:search("talks", { facets = { "person" } })
    assert.same({ value = "Margaret A. Holloway", count = 2 }, r.facets.person[1])
    ix:close()
  end)

  it("merges segments without losing or resurrecting documents", function()
    local ix = lede.index.open(dir, { create = true })
    for batch = 1, 20 do
      for k = 1, 5 do ix:add(doc(batch .. "-" .. k, "batch " .. batch .. " item " .. k .. " talks")) end
      ix:commit()
    end
    ix:delete("3-3")
    ix:commit()
    local stats = ix:stats()
    assert.is_true(stats.segments <= 16, "the merge policy keeps segments few")
    assert.equal(99, stats.documents)
    ix:optimize()
    stats = ix:stats()
    assert.equal(1, stats.segments)
    assert.equal(0, stats.deleted)
    assert.equal(99, ix:search("talks", { limit = 0 }).total)
    assert.is_nil(ix:get("3-3"))
    ix:close()
    local files = helpers.sh("ls " .. helpers.quote(dir) .. " | grep -c lseg")
    assert.equal("1\n", files)
  end)

  it("refuses bad documents and leaves the index as it was", function()
    local ix = lede.index.open(dir, { create = true })
    ix:add(doc("a", "Original text."))
    ix:commit()
    assert.has_error(function() ix:add({ title = "no id", text = "x" }) end, "lede: a document needs an id")
    assert.has_error(function() ix:add(doc("a", "Replacement.", { date = "yesterday" })) end,
      "lede: invalid date 'yesterday'")
    assert.has_error(function() ix:add(doc("b", "x", { ["Bad Name"] = "v" })) end)
    ix:commit()
    assert.equal("Original text.", ix:get("a").text)
    assert.equal(1, ix:stats().documents)
    ix:close()
  end)

  it("lets one writer in at a time", function()
    local a = lede.index.open(dir, { create = true })
    a:add(doc("a", "x"))
    local b = lede.index.open(dir)
    assert.has_error(function() b:add(doc("b", "y")) end)
    a:commit()
    a:close()
    b:add(doc("b", "y"))
    b:commit()
    assert.equal(2, b:stats().documents)
    b:close()
  end)

  it("reports a strict query error with its position", function()
    local ix = lede.index.open(dir, { create = true })
    local ok, err = pcall(ix.search, ix, "storm AND (coast", { mode = "strict" })
    assert.is_false(ok)
    assert.truthy(err:find("position", 1, true), err)
    assert.equal(0, ix:search("storm AND (coast").total)
    ix:close()
  end)

  it("supports <close>", function()
    do
      local ix <close> = lede.index.open(dir, { create = true })
      ix:add(doc("a", "x"))
      ix:commit()
    end
    local again = lede.index.open(dir)
    assert.equal(1, again:stats().documents)
    again:close()
  end)

  it("says clearly when there is no index", function()
    assert.has_error(function() lede.index.open(dir .. "/missing") end)
    local ok, err = pcall(lede.index.open, dir .. "/missing")
    assert.truthy(err:find("no index at", 1, true), err)
  end)
end)

describe("lede.index on a generated corpus of 3,000 documents", function()
  local dir = tmpdir()
  local ix
  local docs = {}
  local vocabulary = {}

  setup(function()
    math.randomseed(11)
    for i = 1, 300 do vocabulary[i] = "w" .. string.char(97 + i % 26) .. string.char(97 + (i * 7) % 26) .. i end
    -- Zipf-like: word i is drawn with weight 1/i, so a few words are in most documents.
    local cumulative, total = {}, 0
    for i = 1, #vocabulary do total = total + 1 / i; cumulative[i] = total end
    local function word()
      local r = math.random() * total
      local lo, hi = 1, #vocabulary
      while lo < hi do
        local mid = (lo + hi) // 2
        if cumulative[mid] < r then lo = mid + 1 else hi = mid end
      end
      return vocabulary[lo]
    end
    ix = lede.index.open(dir, { create = true })
    for d = 1, 3000 do
      local words = {}
      for k = 1, math.random(5, 60) do words[k] = word() end
      docs[d] = { id = "d" .. d, text = table.concat(words, " "), words = words }
      ix:add({ id = docs[d].id, text = docs[d].text })
      if d % 700 == 0 then ix:commit() end
    end
    ix:commit()
  end)

  teardown(function()
    ix:close()
    remove_dir(dir)
  end)

  local function brute(pred)
    local out = {}
    for _, d in ipairs(docs) do if pred(d) then out[#out + 1] = d.id end end
    table.sort(out)
    return out
  end

  local function has(d, w)
    for _, x in ipairs(d.words) do if x == w then return true end end
    return false
  end

  local function has_phrase(d, a, b)
    for i = 1, #d.words - 1 do if d.words[i] == a and d.words[i + 1] == b then return true end end
    return false
  end

  local function found(query)
    local r = ix:search(query, { limit = 5000, snippet = false })
    return sorted(ids(r)), r.total
  end

  it("spreads over several segments", function()
    assert.is_true(ix:stats().segments > 1)
  end)

  it("answers AND, phrases and NOT like a brute-force scan, across skip blocks", function()
    math.randomseed(12)
    for _ = 1, 60 do
      local a, b = vocabulary[math.random(1, 40)], vocabulary[math.random(1, 40)]
      local got, total = found(a .. " " .. b)
      local want = brute(function(d) return has(d, a) and has(d, b) end)
      assert.same(want, got, a .. " " .. b)
      assert.equal(#want, total)
      assert.same(brute(function(d) return has_phrase(d, a, b) end), (found('"' .. a .. " " .. b .. '"')))
      assert.same(brute(function(d) return has(d, a) and not has(d, b) end), (found(a .. " -" .. b)))
    end
  end)

  it("gives the pruned top 10 of exhaustive scoring on random queries", function()
    math.randomseed(13)
    for _ = 1, 150 do
      local q = {}
      for k = 1, math.random(2, 8) do q[k] = vocabulary[math.random(1, #vocabulary)] end
      local query = table.concat(q, " ")
      local pruned = ix:search(query, { any = true, limit = 10, snippet = false, count = false })
      local full = ix:search(query, { any = true, limit = 10, snippet = false, exhaustive = true })
      assert.is_false(pruned.exact, query .. ": the pruned path ran") -- `exact` says which did
      assert.equal(#full.hits, #pruned.hits, query)
      for i, h in ipairs(full.hits) do
        assert.equal(h.id, pruned.hits[i].id, query)
        assert.near(h.score, pruned.hits[i].score, 1e-9, query)
      end
    end
  end)
end)

describe("lede.index keyword fields from extraction", function()
  local DEFENCE = helpers.corpus_dir .. "defence-ministers.jsonl"
  local HOLLOWAY = "Margaret A. Holloway"

  -- The defence articles as lede.article objects.
  local function defence_articles()
    local list = {}
    for _, a in lede.read(DEFENCE) do list[#list + 1] = a end
    return list
  end

  -- A facet's counts by value, lower-cased (a facet shows a value as first written).
  local function facet_values(result, name)
    local t = {}
    for _, v in ipairs(result.facets[name] or {}) do t[v.value:lower()] = v.count end
    return t
  end

  local function with_index(opts, docs, fn)
    local dir = tmpdir()
    local ix = lede.index.open(dir, helpers.merged({ create = true }, opts))
    for _, d in ipairs(docs) do ix:add(d) end
    ix:commit()
    local ok, err = pcall(fn, ix)
    ix:close()
    remove_dir(dir)
    if not ok then error(err, 0) end
  end

  it("extracted_fields gives distinct person, org, place and speaker names", function()
    local a = lede.article("Jane Okoro, the head of Acme Corp, spoke in Nairobi on Monday. "
      .. '"We will grow," Jane Okoro said. Jane Okoro flew to Nairobi and Lagos.')
    local f = lede.index.extracted_fields(a)
    assert.are.same({ "Jane Okoro" }, f.person)
    assert.are.same({ "Jane Okoro" }, f.speaker)
    local seen = {}
    for _, v in ipairs(f.place or {}) do
      assert.is_nil(seen[v], "place twice: " .. v)
      seen[v] = true
    end
    assert.is_true(seen.Nairobi)
  end)

  it("adds person and speaker to articles by default, searchable and countable", function()
    local docs = defence_articles()
    assert.is_true(#docs >= 3)
    with_index(nil, docs, function(ix)
      local r = ix:search('person:"' .. HOLLOWAY .. '"', { limit = 100, snippet = false })
      assert.is_true(#r.hits >= 3)
      for _, h in ipairs(r.hits) do assert.matches("^defence%-", h.id) end
      local all = ix:search("", { facets = { "speaker", "person", "org", "place" }, limit = 0 })
      assert.is_true((facet_values(all, "speaker")[HOLLOWAY:lower()] or 0) >= 1)
      assert.is_true((facet_values(all, "person")[HOLLOWAY:lower()] or 0) >= 3)
      assert.is_true((facet_values(all, "org").nato or 0) >= 1)
      assert.is_true((facet_values(all, "place").brussels or 0) >= 1)
    end)
  end)

  it("leaves them out with extract = false, and for plain tables of fields", function()
    local docs = defence_articles()
    with_index({ extract = false }, docs, function(ix)
      assert.are.equal(0, #ix:search('person:"' .. HOLLOWAY .. '"', { snippet = false }).hits)
    end)
    with_index(nil, { { id = "t1", text = "Margaret A. Holloway said NATO would meet in Brussels." } },
      function(ix)
        assert.are.equal(0, #ix:search('person:"' .. HOLLOWAY .. '"', { snippet = false }).hits)
      end)
  end)

  it("keeps the fields an article already gives", function()
    local a = defence_articles()[1]
    a.person = "Someone Else"
    with_index(nil, { a }, function(ix)
      assert.are.equal(0, #ix:search('person:"' .. HOLLOWAY .. '"', { snippet = false }).hits)
      assert.are.equal(1, #ix:search('person:"Someone Else"', { snippet = false }).hits)
      assert.are.equal(1, #ix:search('org:"NATO"', { snippet = false }).hits) -- the others come

    end)
  end)
end)
