-- lede.stories and `lede cluster`: the sample corpus (examples/corpus, one file per story) must
-- come out as its stories; ids stay put as articles are added and across save and load; the
-- window and bad input behave as documented. Which article belongs to which story, and their
-- dates, titles and sources, are read from the files here, independently of lede.
local cjson = require "cjson"
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")
local lede = require "lede"

local temp_dir, remove_dir, write_file, slurp = helpers.temp_dir, helpers.remove_dir,
  helpers.write_file, helpers.read_file

-- The truth: each article's file (its story), and each file's articles.
local STORY_OF, FILE_ARTICLES, RECORDS = {}, {}, {}
for _, path in ipairs(helpers.corpus_files()) do
  local name = path:match("([^/]+)%.jsonl$")
  FILE_ARTICLES[name] = {}
  for line in io.lines(path) do
    if line:find("%S") then
      local rec = cjson.decode(line)
      STORY_OF[rec.id] = name
      RECORDS[rec.id] = rec
      table.insert(FILE_ARTICLES[name], rec.id)
    end
  end
end

-- The corpus as lede.article objects, analysed once for every test.
local ARTICLES = {}
for _, path in ipairs(helpers.corpus_files()) do
  for _, a in lede.read(path) do ARTICLES[#ARTICLES + 1] = a end
end

local function articles_where(keep)
  local out = {}
  for _, a in ipairs(ARTICLES) do
    if keep(a) then out[#out + 1] = a end
  end
  return out
end

-- The story (table) holding an article id.
local function holding(stories, id)
  for _, s in ipairs(stories) do
    for _, member in ipairs(s.articles) do
      if member == id then return s end
    end
  end
end

-- B-cubed precision, recall and F1 of stories against the files.
local function bcubed(stories)
  local cluster_of = {}
  for i, s in ipairs(stories) do
    for _, id in ipairs(s.articles) do cluster_of[id] = i end
  end
  local p, r, n = 0, 0, 0
  for id in pairs(cluster_of) do
    local both, same_cluster, same_story = 0, 0, 0
    for other in pairs(cluster_of) do
      local c, t = cluster_of[other] == cluster_of[id], STORY_OF[other] == STORY_OF[id]
      if c then same_cluster = same_cluster + 1 end
      if t then same_story = same_story + 1 end
      if c and t then both = both + 1 end
    end
    p, r, n = p + both / same_cluster, r + both / same_story, n + 1
  end
  p, r = p / n, r / n
  return p, r, 2 * p * r / (p + r)
end

local function ids_of(stories)
  local out = {}
  for _, s in ipairs(stories) do out[#out + 1] = s.id end
  table.sort(out)
  return out
end

describe("lede.stories on the sample corpus", function()
  local stories = lede.stories.build(ARTICLES)

  it("puts every article in exactly one story", function()
    local seen, total = {}, 0
    for _, s in ipairs(stories) do
      assert.equal(#s.articles, s.size)
      for _, id in ipairs(s.articles) do
        assert.is_nil(seen[id], id .. " is in two stories")
        seen[id] = true
        total = total + 1
      end
    end
    assert.equal(#ARTICLES, total)
  end)

  it("never mixes two of the corpus's stories", function()
    for _, s in ipairs(stories) do
      for _, id in ipairs(s.articles) do
        assert.equal(STORY_OF[s.articles[1]], STORY_OF[id])
      end
    end
  end)

  it("keeps six of the seven stories whole; the markets story loses only its oil article", function()
    for name, ids in pairs(FILE_ARTICLES) do
      local s = holding(stories, ids[1] == "markets-002" and ids[2] or ids[1])
      if name == "markets" then
        -- markets-002 is about oil prices and OPEC; the other six follow the Fed.
        assert.equal(#ids - 1, s.size)
        assert.equal(1, holding(stories, "markets-002").size)
      else
        assert.equal(#ids, s.size, name)
      end
    end
    assert.equal(8, #stories)
    local p, r, f1 = bcubed(stories)
    assert.equal(1, p)
    assert.is_true(r > 0.95 and f1 > 0.97, ("B-cubed R %.3f F1 %.3f"):format(r, f1))
  end)

  it("labels a story with one of its headlines and gives its span, sources and date order", function()
    local court = holding(stories, "court-001")
    local titles = {}
    for _, id in ipairs(court.articles) do titles[RECORDS[id].title] = true end
    assert.is_true(titles[court.label], court.label)
    assert.equal(RECORDS[court.label_id].title, court.label)
    assert.same(FILE_ARTICLES["court-case"], court.articles) -- the file is in date order
    assert.equal("2026-02-10T21:30:00Z", court.first)
    assert.equal("2026-03-02T18:00:00Z", court.last)
    assert.same({ { name = "Ledger Daily", count = 3 }, { name = "Meridian News", count = 3 },
      { name = "Harbour Times", count = 1 } }, court.sources)
    local entities = {}
    for _, e in ipairs(court.entities) do entities[e.text] = true end
    assert.is_true(entities["Raymond T. Castellano"] or entities["raymond t castellano"] or false)
    local terms = {}
    for _, t in ipairs(court.terms) do terms[t.text] = true end
    assert.is_true(terms.parallax or terms.castellano or false)
  end)

  it("places an undated article without stretching the story's dates", function()
    local health = holding(stories, "health-003") -- the one article without a date
    assert.same({ "health-001", "health-002", "health-004", "health-003" }, health.articles)
    assert.equal("2026-03-02T00:00:00Z", health.last)
  end)

  it("names a story after its first article, whatever else is clustered", function()
    local some = lede.stories.build(articles_where(function(a)
      return STORY_OF[a.id] == "court-case" or STORY_OF[a.id] == "election"
    end))
    assert.equal(2, #some)
    local court = holding(some, "court-001")
    assert.equal(7, court.size)
    assert.equal(holding(stories, "court-001").id, court.id)
    assert.matches("^%x+$", court.id)
    assert.equal(12, #court.id)
    assert.are_not.equal(court.id, holding(some, "election-001").id)
  end)

  -- By design the corpus holds five pairs of copies (spec/dedup_spec.lua): two republished word
  -- for word under another headline (court-006, defence-004), an update with an appended
  -- paragraph (election-005), two lightly edited versions (markets-004, storm-004). Each pair
  -- belongs to its file's story, and no other article repeats another.
  local COPIES = {
    { "court-005", "court-006", "exact" }, { "defence-003", "defence-004", "exact" },
    { "election-004", "election-005", "near" }, { "markets-003", "markets-004", "near" },
    { "storm-003", "storm-004", "near" },
  }

  -- Every duplicate group of the stories as "story-file: ids kind", sorted.
  local function groups_of(list)
    local out = {}
    for _, s in ipairs(list) do
      for _, g in ipairs(s.duplicates) do
        out[#out + 1] = STORY_OF[s.articles[1]] .. ": " .. table.concat(g.articles, " ") .. " " .. g.kind
      end
    end
    table.sort(out)
    return out
  end

  local function expected_groups(copies)
    local out = {}
    for _, c in ipairs(copies) do out[#out + 1] = STORY_OF[c[1]] .. ": " .. c[1] .. " " .. c[2] .. " " .. c[3] end
    table.sort(out)
    return out
  end

  it("puts each of the corpus's copies in its story's duplicates, the earlier article first", function()
    assert.same(expected_groups(COPIES), groups_of(stories))
    for _, c in ipairs(COPIES) do
      local g = holding(stories, c[1]).duplicates[1]
      assert.equal(1, #g.pairs)
      local p = g.pairs[1]
      assert.same({ c[1], c[2], c[3] }, { p.a, p.b, p.kind })
      if c[3] == "exact" then
        assert.equal(1, p.similarity)
      else
        assert.is_true(p.similarity >= 0.6 and p.similarity < 1, c[2])
      end
    end
  end)

  it("finds the copies among articles given as tables of fields, and joins a chain of copies", function()
    local tables = {}
    for id, rec in pairs(RECORDS) do
      if STORY_OF[id] == "storm" then tables[#tables + 1] = rec end
    end
    -- A reprint of the edited version, under its own headline and a day later: one group of
    -- three, the original first, though the reprint's words are those of the second.
    local edited = RECORDS["storm-004"]
    tables[#tables + 1] = { id = "storm-004-reprint", title = "Storm warning for the coast",
      text = edited.text:upper(), date = "2026-02-20T09:00:00Z", source = "Reprint Weekly" }
    local st = lede.stories.new()
    st:add(tables)
    local s = st:story_of("storm-004-reprint")
    assert.equal(st:story_of("storm-003"), s)
    assert.equal(1, #s.duplicates)
    local g = s.duplicates[1]
    assert.same({ "storm-003", "storm-004", "storm-004-reprint" }, g.articles)
    assert.equal("near", g.kind)
    local exact
    for _, p in ipairs(g.pairs) do
      if p.kind == "exact" then exact = p end
    end
    assert.same({ "storm-004", "storm-004-reprint", 1 }, { exact.a, exact.b, exact.similarity })
    assert.same({}, holding(stories, "trade-001").duplicates)
  end)
end)

describe("lede.stories incrementally", function()
  local cut = "2026-02-20"
  local early = articles_where(function(a) return a.date ~= nil and a.date < cut end)
  local late = articles_where(function(a) return a.date == nil or a.date >= cut end)

  it("keeps the ids and members of the first stories as later articles join them", function()
    local st = lede.stories.new()
    assert.equal(#early, st:add(early))
    local before = {}
    for _, s in ipairs(st:stories()) do before[s.id] = { table.unpack(s.articles) } end
    assert.equal(#late, st:add(late))
    local court = st:story_of("court-007")
    assert.equal(st:story_of("court-001").id, court.id)
    for id, members in pairs(before) do
      local now = st:story_of(members[1])
      assert.equal(id, now.id)
      for i, m in ipairs(members) do assert.equal(m, now.articles[i]) end
    end
    assert.equal(0, st:add(early)) -- known ids are skipped
  end)

  it("gives after a save and load what it gives without", function()
    local dir = temp_dir()
    local path = dir .. "/stories.state"
    local straight = lede.stories.new()
    straight:add(early)
    straight:add(late)
    local saved = lede.stories.new()
    saved:add(early)
    saved:save(path)
    assert.is_nil(helpers.exists(path .. ".tmp") and true or nil)
    local loaded = lede.stories.load(path)
    loaded:add(late)
    assert.same(straight:stories(), loaded:stories())
    remove_dir(dir)
  end)

  it("keeps the signatures beside a saved state, so a copy added later finds its original", function()
    -- The update election-005 comes three hours after election-004: save between the two.
    local update = "2026-02-23T08:00:00Z"
    local dir = temp_dir()
    local path = dir .. "/stories.state"
    local saved = lede.stories.new()
    saved:add(articles_where(function(a) return a.date ~= nil and a.date < update end))
    saved:save(path)
    assert.is_true(helpers.exists(path .. ".signatures"))
    local rest = articles_where(function(a) return a.date == nil or a.date >= update end)
    local loaded = lede.stories.load(path)
    loaded:add(rest)
    assert.same({ "election-004", "election-005" }, loaded:story_of("election-005").duplicates[1].articles)

    -- Without the signatures file the saved articles are nobody's duplicates.
    local signatures = slurp(path .. ".signatures")
    os.remove(path .. ".signatures")
    local bare = lede.stories.load(path)
    bare:add(rest)
    assert.same({}, bare:story_of("election-005").duplicates)

    -- A damaged file, or one saved with another state, is refused.
    write_file(path .. ".signatures", signatures:sub(1, #signatures - 7))
    assert.error_matches(function() lede.stories.load(path) end, "signatures: corrupt: truncated")
    write_file(path .. ".signatures", "LEDESIG\0" .. signatures:sub(9, 12) .. string.pack("<I8", 3)
      .. signatures:sub(21))
    assert.error_matches(function() lede.stories.load(path) end, "saved with a state of 3 articles")
    remove_dir(dir)
  end)

  it("compares a late article with the stories of its own dates", function()
    local st = lede.stories.new()
    st:add(articles_where(function(a) return a.id ~= "election-003" end))
    st:add(articles_where(function(a) return a.id == "election-003" end))
    assert.equal(st:story_of("election-001").id, st:story_of("election-003").id)
    assert.equal("2026-02-16T07:30:00Z", st:story_of("election-003").first)
  end)

  it("starts a new story when the last article is further away than the window", function()
    local defence = articles_where(function(a) return STORY_OF[a.id] == "defence-ministers" end)
    -- defence-007 comes 11 days after defence-006.
    local short = lede.stories.new({ window = 3 })
    short:add(defence)
    assert.are_not.equal(short:story_of("defence-006").id, short:story_of("defence-007").id)
    assert.equal(3, short:options().window)
    local default = lede.stories.new()
    default:add(defence)
    assert.equal(default:story_of("defence-006").id, default:story_of("defence-007").id)
    assert.equal(14, default:options().window)
  end)
end)

describe("lede.stories with bad input", function()
  it("says what is wrong with an article or an option", function()
    local st = lede.stories.new()
    assert.has_error(function() st:add({ { title = "No id", text = "Text." } }) end,
      "lede.stories: article 1 has no id (stories are named after article ids)")
    assert.error_matches(function() st:add({ { id = "x", text = "Text.", date = "yesterday" } }) end,
      "article x: invalid date 'yesterday'")
    assert.error_matches(function() st:add("text") end, "expects a list of articles")
    assert.error_matches(function() lede.stories.new({ treshold = 0.3 }) end, "unknown option 'treshold'")
    assert.error_matches(function() lede.stories.new({ threshold = 2 }) end, "out of range")
    assert.error_matches(function() lede.stories.new({ window = -1 }) end, "at least 0")
  end)

  it("refuses a missing, foreign, truncated or altered state file", function()
    local dir = temp_dir()
    local path = dir .. "/s.state"
    assert.error_matches(function() lede.stories.load(path) end, "cannot open")
    write_file(path, "not a state at all")
    assert.error_matches(function() lede.stories.load(path) end, "corrupt: not a lede story state")
    local st = lede.stories.new()
    st:add(articles_where(function(a) return STORY_OF[a.id] == "storm" or STORY_OF[a.id] == "court-case" end))
    st:save(path)
    local bytes = slurp(path)
    write_file(path, bytes:sub(1, #bytes - 10))
    assert.error_matches(function() lede.stories.load(path) end, "corrupt: truncated")
    local middle = #bytes // 2
    write_file(path, bytes:sub(1, middle - 1) .. string.char(bytes:byte(middle) ~ 1) .. bytes:sub(middle + 1))
    assert.error_matches(function() lede.stories.load(path) end, "corrupt: checksum mismatch")
    write_file(path, bytes)
    assert.equal(7, #lede.stories.load(path):story_of("storm-001").articles)
    assert.error_matches(function() lede.stories.load(path, { max_features = 8 }) end,
      "fixed by the saved state")
    remove_dir(dir)
  end)
end)

---------------------------------------------------------------------------------------------------
-- The command

describe("lede cluster", function()
  local files = helpers.corpus_files()
  local function cluster(extra)
    local argv = { "cluster" }
    for _, a in ipairs(extra or {}) do argv[#argv + 1] = a end
    return helpers.lede(argv)
  end
  local function with_files(extra)
    local argv = { table.unpack(extra) }
    for _, f in ipairs(files) do argv[#argv + 1] = f end
    return argv
  end

  it("writes one block per story, largest first, with label, dates and sources", function()
    local out, err, status = cluster(with_files({}))
    assert.equal("", err)
    assert.equal(0, status)
    local blocks = {}
    for block in (out .. "\n"):gmatch("(story .-\n)\n") do blocks[#blocks + 1] = block end
    assert.equal(8, #blocks)
    local id, size, first, last, label = blocks[1]:match("^story (%x+)  (%d+) articles  (%S+) to (%S+)\n  ([^\n]+)\n")
    assert.equal(7, tonumber(size))
    assert.matches("^2026%-0[23]%-%d%d$", first)
    assert.matches("^2026%-0[23]%-%d%d$", last)
    assert.equal(12, #id)
    local found
    for rid, rec in pairs(RECORDS) do
      if rec.title == label then found = rid end
    end
    assert.truthy(found)
    assert.matches("  sources: [^\n]+ %(%d%)", blocks[1])
    assert.matches("story %x+  1 article  2026%-02%-13\n  Oil jumps 3%.2%% on OPEC%+ supply signals; stocks slip\n  sources: Northern Wire %(1%)\n", out)
    -- A line per later copy, in its story's block.
    local copies = {}
    for _, block in ipairs(blocks) do
      for later, earlier, how in block:gmatch("\n  duplicate: (%S+) repeats (%S+) %(([^)]*)%)") do
        copies[#copies + 1] = later .. " " .. earlier .. " " .. how:gsub("%d%.%d%d$", "X")
        assert.equal(STORY_OF[earlier], STORY_OF[later])
      end
    end
    table.sort(copies)
    assert.same({ "court-006 court-005 exact copy", "defence-004 defence-003 exact copy",
      "election-005 election-004 near copy, X", "markets-004 markets-003 near copy, X",
      "storm-004 storm-003 near copy, X" }, copies)
  end)

  it("--json gives the documented schema", function()
    local out, _, status = cluster(with_files({ "--json" }))
    assert.equal(0, status)
    local doc = cjson.decode(out)
    assert.equal(8, #doc.stories)
    local s = doc.stories[1]
    for _, key in ipairs({ "id", "label", "label_id", "first", "last", "size", "sources", "articles",
                           "terms", "entities", "duplicates" }) do
      assert.is_not_nil(s[key], key)
    end
    assert.equal(s.size, #s.articles)
    assert.is_string(s.sources[1].name)
    assert.is_number(s.terms[1].weight)
    local found = {}
    for _, story in ipairs(doc.stories) do
      for _, g in ipairs(story.duplicates) do
        found[#found + 1] = table.concat(g.articles, " ") .. " " .. g.kind .. " " .. g.pairs[1].kind
      end
    end
    table.sort(found)
    assert.same({ "court-005 court-006 exact exact", "defence-003 defence-004 exact exact",
      "election-004 election-005 near near", "markets-003 markets-004 near near",
      "storm-003 storm-004 near near" }, found)
  end)

  it("keeps story ids across runs with --state", function()
    local dir = temp_dir()
    local state = dir .. "/s.state"
    local two = { helpers.corpus_dir .. "court-case.jsonl", helpers.corpus_dir .. "storm.jsonl" }
    local first = cjson.decode((cluster({ "--json", "--state", state, two[1], two[2] })))
    assert.equal(2, #first.stories)
    local all = cjson.decode((cluster(with_files({ "--json", "--state", state }))))
    assert.equal(8, #all.stories)
    for _, before in ipairs(first.stories) do
      local again
      for _, s in ipairs(all.stories) do
        if s.articles[1] == before.articles[1] then again = s end
      end
      assert.equal(before.id, again.id)
      assert.same(before.articles, again.articles)
    end
    remove_dir(dir)
  end)

  it("sets the story field of an index with --write, for search and facets", function()
    local dir = temp_dir()
    local ix = dir .. "/ix"
    local _, _, status = helpers.lede(with_files({ "index", "-o", ix }))
    assert.equal(0, status)
    local out, err
    out, err, status = cluster({ "--json", "--write", ix })
    assert.equal(0, status)
    assert.matches("story field set on 45 documents", err)
    assert.is_true(helpers.exists(ix .. "/stories.state"))
    local story = cjson.decode(out).stories[1]
    local found = cjson.decode((helpers.lede({ "search", ix, "story:" .. story.id, "--json", "--limit", "50",
      "--facets", "story" })))
    assert.equal(story.size, found.total)
    assert.same(helpers.sorted(story.articles), helpers.sorted(helpers.pluck(found.hits, "id")))
    assert.same({ { value = story.id, count = story.size } }, found.facets.story)
    _, err = cluster({ "--write", ix })
    assert.matches("story field set on 0 documents", err)
    remove_dir(dir)
  end)

  it("rejects bad options and reports bad lines", function()
    local _, err, status = cluster({ "--threshold", "2", files[1] })
    assert.equal(2, status)
    assert.matches("%-%-threshold takes a number above 0 and at most 1, got '2'", err)
    _, err, status = cluster({ "--write", files[1] })
    assert.equal(2, status)
    assert.matches("%-%-write needs an index directory", err)
    _, err, status = cluster({})
    assert.equal(2, status)
    local out
    out, err, status = helpers.lede({ "cluster", "-" }, '{"id":"a","title":"Storm nears coast","text":"A storm nears the coast.","date":"2026-02-17"}\nnot json\n')
    assert.equal(1, status)
    assert.matches("stdin:2: ", err)
    assert.matches("story %x+  1 article  2026%-02%-17\n  Storm nears coast\n", out)
  end)
end)

describe("lede.stories.headline", function()
  local headline = require("lede.stories").headline

  it("takes a wire's slug off a headline and leaves other capitals alone", function()
    assert.equal("Fed cuts rates", headline("UPDATE 2-Fed cuts rates"))
    assert.equal("Talks resume", headline("REFILE - Talks resume"))
    assert.equal("NATO-led mission grows", headline("NATO-led mission grows"))
    assert.equal("U.S. STOCKS-Dow ends higher", headline("U.S. STOCKS-Dow ends higher"))
    assert.is_nil(headline(""))
  end)
end)
