-- The reports (lede.report) over an index of the sample corpus: what each one says, checked
-- against the articles' own text, and the escaping of the formats.
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")
local cjson = require "cjson"
local lede = require "lede"
local report = require "lede.report"

local function corpus_index()
  local dir = helpers.temp_dir()
  local ix = lede.index.open(dir, { create = true })
  for _, path in ipairs(helpers.corpus_files()) do
    for _, a in lede.read(path) do ix:add(a) end
  end
  ix:commit()
  return ix, dir
end

local ix, dir

local function run(name, opts)
  opts = opts or {}
  return report.run(report.load(name), ix, { name = name, from = opts.from, to = opts.to,
    options = opts.options, operands = opts.operands })
end

-- The blocks of a type in the section with this title (all sections when nil).
local function blocks(doc, type_name, section_title)
  local out = {}
  for _, s in ipairs(doc.sections) do
    if section_title == nil or s.title == section_title then
      for _, b in ipairs(s.blocks) do
        if b.type == type_name then out[#out + 1] = b end
      end
    end
  end
  return out
end

local function section(doc, title)
  for _, s in ipairs(doc.sections) do
    if s.title == title then return s end
  end
end

local function list_texts(b)
  local out = {}
  for i, item in ipairs(b.items) do out[i] = item.text end
  return out
end

local function contains(list, value)
  for _, v in ipairs(list) do
    if v == value then return true end
  end
  return false
end

describe("lede.report", function()
  setup(function() ix, dir = corpus_index() end)
  teardown(function()
    ix:close()
    helpers.remove_dir(dir)
  end)

  describe("brief", function()
    local doc
    setup(function() doc = run("brief", { options = { id = "defence-001" } }) end)

    it("heads the brief with the article's headline, date, source and id", function()
      assert.equal("NATO defence ministers to weigh bigger Canada-led training mission in Iraq", doc.title)
      local meta = {}
      for _, m in ipairs(doc.meta) do meta[m.key] = m.value end
      assert.same({ date = "2026-02-10", source = "Continental Press", id = "defence-001",
        by = "Henrik Aalto, Claire Fontaine" }, meta)
    end)

    it("summarises in three sentences of the article and links to it", function()
      local s = section(doc, "Summary")
      local text = s.blocks[1].text
      assert.truthy(text:find("NATO defence ministers will meet in Brussels on Thursday and Friday", 1, true))
      local _, sentences = text:gsub("[%.!?]%f[%s%z]", "")
      assert.equal(3, sentences)
      assert.equal("https://example.com/continental-press/2026/02/10/nato-defence-ministers-to-weigh-bigger-canada-led-training-mission-in",
        s.blocks[2].items[1].url)
    end)

    it("lists the people and places it names", function()
      local s = section(doc, "People, organisations and places")
      local people, places
      for i, b in ipairs(s.blocks) do
        if b.type == "heading" and b.text == "People" then people = list_texts(s.blocks[i + 1]) end
        if b.type == "heading" and b.text == "Places" then places = list_texts(s.blocks[i + 1]) end
      end
      assert.truthy(contains(people, "Margaret A. Holloway"))
      assert.equal("Iraq", places[1]) -- five mentions, more than any other place
    end)

    it("gives the named speaker's quotation under her canonical name", function()
      local s = section(doc, "Quotations")
      assert.same({ type = "heading", text = "Margaret A. Holloway" }, s.blocks[1])
      local quotes = s.blocks[2].items
      local found = false
      for _, q in ipairs(quotes) do
        assert.equal("Margaret A. Holloway", q.speaker)
        found = found or q.text:find("This is about teaching, not fighting", 1, true) ~= nil
      end
      assert.is_true(found)
    end)

    it("puts the dates it mentions in order, each with its sentence", function()
      local events = blocks(doc, "timeline", "Timeline")[1].items
      local thursday
      for i, e in ipairs(events) do
        if i > 1 then assert.is_true(events[i - 1].date <= e.date) end
        if e.label == "Thursday" then thursday = e end
      end
      assert.equal("2026-02-12", thursday.date) -- the Thursday after Tuesday 10 February
      assert.truthy(thursday.text:find("will meet in Brussels on Thursday", 1, true))
    end)

    it("shows the figures and keyphrases", function()
      local rows = blocks(doc, "table", "Key figures")[1].rows
      assert.same({ "around 500 troops", "about 500", "troops" }, rows[1])
      assert.truthy(contains(list_texts(blocks(doc, "list", "Keyphrases")[1]), "training mission"))
    end)

    it("takes the best match of a query, and says when there is none", function()
      assert.equal("Measles outbreak declared in West Midlands as child is taken to intensive care",
        run("brief", { operands = { "measles", "intensive", "care" } }).title)
      assert.has_error(function() run("brief", { options = { id = "no-such-id" } }) end,
        "no article with id 'no-such-id'")
    end)
  end)

  describe("quotes", function()
    it("lists a speaker's quotations, found by part of the name, once each", function()
      local doc = run("quotes", { options = { speaker = "Holloway" } })
      assert.equal(1, #doc.sections)
      assert.equal("Margaret A. Holloway", doc.sections[1].title)
      local quotes = doc.sections[1].blocks[1].items
      local allies
      for _, q in ipairs(quotes) do
        assert.equal("Margaret A. Holloway", q.speaker)
        if q.text:find("at least 14 of the 32 allies", 1, true) then
          assert.is_nil(allies) -- defence-003 and defence-004 carry it: shown once
          allies = q
        end
      end
      assert.equal("defence-003", allies.article.id)
      assert.equal("2026-02-13T15:05:00Z", allies.date)
      assert.equal("said", allies.cue)
      assert.equal("defence-004", allies.also[1].id)
    end)

    it("groups the quotations of the articles that match a query by speaker", function()
      local doc = run("quotes", { operands = { "measles" } })
      assert.equal("Most quoted", doc.sections[1].title)
      local speakers = {}
      for i = 2, #doc.sections do speakers[#speakers + 1] = doc.sections[i].title end
      assert.truthy(contains(speakers, "Amara Quansah-Reid"))
      for i = 2, #doc.sections do
        for _, q in ipairs(doc.sections[i].blocks[1].items) do
          assert.equal(doc.sections[i].title, q.speaker)
          assert.truthy(q.article.id:match("^health%-"))
        end
      end
    end)
  end)

  describe("briefing", function()
    local doc
    setup(function() doc = run("briefing", { options = { days = "14" } }) end)

    -- The sample corpus's story of each article: the part of its id before the dash.
    local function story_of(id) return id:match("^(.-)%-%d+$") end

    it("covers the last days asked for, up to the latest article, and the stories in them", function()
      assert.equal("Briefing, 2026-02-19 to 2026-03-04", doc.title)
      local meta = {}
      for _, m in ipairs(doc.meta) do meta[m.key] = m.value end
      assert.equal("2026-02-19 to 2026-03-04", meta.period)
      assert.equal("24", meta.articles) -- the sample articles dated 19 February to 4 March
    end)

    it("lists its top stories, each made of one story's articles, the largest first", function()
      local chart = blocks(doc, "bar_chart", "Top stories")[1].items
      assert.equal(5, #chart)
      local seen = {}
      for i = 2, 6 do
        local s = doc.sections[i]
        local articles = blocks(doc, "articles", s.title)[1].items
        assert.equal(#articles, chart[i - 1].value)
        local story = story_of(articles[1].id)
        assert.is_nil(seen[story], "one section per story: " .. story)
        seen[story] = true
        for _, a in ipairs(articles) do
          assert.equal(story, story_of(a.id))
          assert.is_true(a.date >= "2026-02-19")
        end
      end
      -- The election (6 articles in the period, five sources) comes first.
      assert.equal("election", story_of(blocks(doc, "articles", doc.sections[2].title)[1].items[1].id))
      assert.equal("Lindqvist's Civic Alliance wins Aldmark election, vows 'stable government'",
        doc.sections[2].title) -- the wire's "UPDATE 1-" taken off
    end)

    it("summarises each story without datelines and quotes a named speaker", function()
      local s = doc.sections[2]
      local summary = blocks(doc, "paragraph", s.title)[1].text
      assert.truthy(summary:find("Civic Alliance", 1, true))
      assert.is_nil(summary:find("RENSBURG (", 1, true))
      local quote = blocks(doc, "quotes", s.title)[1].items[1]
      assert.equal("Zoë Lindqvist", quote.speaker)
      assert.equal("election", story_of(quote.article.id))
    end)

    it("shows the names rising against the two weeks before", function()
      local rising = section(doc, "Rising against the previous period")
      assert.truthy(rising.blocks[1].text:find("from 2026-02-05 to 2026-02-18", 1, true))
      local rows = blocks(doc, "table", "Rising against the previous period")[1].rows
      local names = {}
      for _, r in ipairs(rows) do
        names[r[1]] = true
        assert.is_true(tonumber(r[3]) > tonumber(r[4])) -- more articles now than before
      end
      assert.truthy(names["Zoë Lindqvist"])
    end)

    it("puts a running story before a pile of notices that share only a template", function()
      local dir = helpers.temp_dir()
      local notices = lede.index.open(dir, { create = true })
      local companies = { "Arden Tool", "Bexley Mills", "Carrow Foods", "Dunmore Steel",
        "Elstree Paper", "Fenwick Glass", "Garnet Mining", "Halden Textiles", "Ivory Coast Cocoa",
        "Juniper Foods", "Kestrel Marine", "Larch Timber", "Marlow Brewing", "Norland Rail",
        "Oakham Paints", "Pellow Chemicals" }
      for i, name in ipairs(companies) do
        notices:add { id = "n" .. i, date = string.format("2026-05-%02d", 1 + i % 5), source = "Wire",
          title = name:upper() .. " INC 1ST QTR NET",
          text = string.format("Shr profit %d cts vs loss %d cts. Net profit %d,000 dlrs vs loss "
            .. "%d,000 dlrs. Revs %d mln dlrs vs %d mln dlrs.", i, i + 3, 10 * i, 7 * i, i + 20, i + 18) }
      end
      for i, title in ipairs { "Harbour strike halts Vellmar port for a second day",
        "Vellmar port strike spreads to rail depots", "Vellmar dockers reject pay offer" } do
        notices:add { id = "s" .. i, date = string.format("2026-05-%02d", 3 + i), source = "Wire " .. i,
          title = title,
          text = "VELLMAR - Dockers at the port of Vellmar stayed off work on Tuesday as the strike "
            .. "over pay entered its " .. ({ "second", "third", "fourth" })[i] .. " day, union leader "
            .. "Tomas Reindl said, and freight piled up on the quays." }
      end
      notices:commit()
      local doc = report.run(report.load("briefing"), notices, { name = "briefing", options = { days = "7" } })
      notices:close()
      helpers.remove_dir(dir)
      assert.truthy(doc.sections[2].title:find("Vellmar", 1, true), doc.sections[2].title)
    end)

    it("compares with the latest week that has articles when the archive has a gap", function()
      local dir = helpers.temp_dir()
      local gap = lede.index.open(dir, { create = true })
      local days = { "2026-01-04", "2026-01-05", "2026-03-01", "2026-03-02", "2026-03-03" }
      for i, day in ipairs(days) do
        gap:add { id = "g" .. i, date = day, source = "Wire", title = "Port talks resume in Vellmar",
          text = "VELLMAR - Talks between the port and the dockers' union resumed on Monday." }
      end
      gap:commit()
      local doc = report.run(report.load("briefing"), gap, { name = "briefing", options = { days = "7" } })
      gap:close()
      helpers.remove_dir(dir)
      assert.equal("Briefing, 2026-02-25 to 2026-03-03", doc.title)
      local rising = section(doc, "Rising against the previous period")
      assert.truthy(rising.blocks[1].text:find("Against 2 articles from 2025-12-30 to 2026-01-05", 1, true),
        rising.blocks[1].text)
    end)

    it("takes its period from --from and --to", function()
      local early = run("briefing", { from = "2026-02-09", to = "2026-02-15" })
      assert.equal("Briefing, 2026-02-09 to 2026-02-15", early.title)
      assert.truthy(early.sections[#early.sections].blocks[1].text:find("No article in the previous period", 1, true))
      for i = 2, #early.sections - 1 do
        for _, a in ipairs(blocks(early, "articles", early.sections[i].title)[1].items) do
          assert.is_true(a.date < "2026-02-16")
        end
      end
    end)
  end)

  describe("dossier", function()
    local doc
    setup(function() doc = run("dossier", { operands = { "Holloway" } }) end)

    it("finds the person by surname and heads the dossier with her full name", function()
      assert.equal("Margaret A. Holloway", doc.title)
      local meta = {}
      for _, m in ipairs(doc.meta) do meta[m.key] = m.value end
      assert.equal("person", meta.type)
      assert.equal("5", meta.articles)
      assert.equal("2026-02-10 to 2026-02-27", meta.covers)
    end)

    it("lists the names the articles give her, the fullest most used first", function()
      local names = list_texts(blocks(doc, "list", "Names")[1])
      assert.same({ "Margaret A. Holloway", "Holloway" }, names)
    end)

    it("charts her articles per day and the entities she appears with", function()
      local by_day = {}
      for _, p in ipairs(blocks(doc, "time_series", "Mentions over time")[1].points) do
        by_day[p.date] = p.value
      end
      assert.same({ 1, 2, 0, 1 }, { by_day["2026-02-10"], by_day["2026-02-13"], by_day["2026-02-20"],
        by_day["2026-02-27"] })
      local with = {}
      for _, item in ipairs(blocks(doc, "cooccurrence", "Appears with")[1].items) do
        with[item.label] = item.value
      end
      assert.equal(5, with.NATO)
      assert.equal(5, with.Iraq)
      assert.is_nil(with["Margaret A. Holloway"])
    end)

    it("gives her quotations, each once, in date order, and no one else's", function()
      local quotes = blocks(doc, "quotes", "Quotations")[1].items
      assert.is_true(#quotes >= 3)
      for i, q in ipairs(quotes) do
        assert.equal("Margaret A. Holloway", q.speaker)
        if i > 1 then assert.is_true(quotes[i - 1].date <= q.date) end
      end
      local texts = {}
      for _, q in ipairs(quotes) do texts[#texts + 1] = q.text end
      local joined = table.concat(texts, "\n")
      assert.truthy(joined:find("no combat role was under consideration", 1, true))
      local _, copies = joined:gsub("at least 14 of the 32 allies", "")
      assert.equal(1, copies) -- defence-003 and defence-004 both carry it
    end)

    it("summarises her coverage and lists her articles, latest first", function()
      local summary = blocks(doc, "paragraph", "Summary")[1].text
      assert.truthy(summary:find("Holloway", 1, true))
      local ids = {}
      for i, a in ipairs(blocks(doc, "articles", "Articles")[1].items) do ids[i] = a.id end
      assert.same({ "defence-007", "defence-004", "defence-003", "defence-002", "defence-001" }, ids)
    end)

    it("takes a surname and the one full name that ends with it for one person", function()
      local dir = helpers.temp_dir()
      local people = lede.index.open(dir, { create = true })
      local docs = {
        { "p1", "2026-04-01", { "Ronald Reagan" }, "President Ronald Reagan signed the trade bill on Monday." },
        { "p2", "2026-04-02", { "Reagan" }, "Reagan told reporters the bill would protect jobs." },
        { "p3", "2026-04-03", { "Reagan", "James Baker" }, "Reagan and Treasury Secretary James Baker met bankers." },
        { "p4", "2026-04-04", { "Baker", "Howard Baker" }, "Baker said the White House chief of staff, Howard Baker, agreed." },
      }
      for _, d in ipairs(docs) do
        people:add { id = d[1], date = d[2], title = "Trade bill", text = d[4], person = d[3] }
      end
      people:commit()
      local function dossier(name)
        return report.run(report.load("dossier"), people, { name = "dossier", operands = { name } })
      end
      local reagan, baker = dossier("Reagan"), dossier("Baker")
      people:close()
      helpers.remove_dir(dir)
      assert.equal("Ronald Reagan", reagan.title)
      local ids = {}
      for i, a in ipairs(blocks(reagan, "articles")[1].items) do ids[i] = a.id end
      assert.same({ "p3", "p2", "p1" }, ids)
      -- Two full names end with "Baker": the surname alone stays a value of its own.
      assert.equal("Baker", baker.title)
      local meta = {}
      for _, m in ipairs(baker.meta) do meta[m.key] = m.value end
      assert.equal("1", meta.articles)
    end)

    it("says when the index has no such entity, and asks for one", function()
      assert.has_error(function() run("dossier", { operands = { "Nobody Atall" } }) end,
        "dossier: no person, organisation or place named 'Nobody Atall' in the index")
      assert.has_error(function() run("dossier") end,
        "dossier: name an entity (lede report dossier NAME INPUT…)")
    end)
  end)

  describe("timeline", function()
    it("orders the resolved dates and merges an event that several articles tell", function()
      local doc = run("timeline", { operands = { "storm", "odile" } })
      local events = blocks(doc, "timeline")[1].items
      assert.is_true(#events > 5)
      local multi = 0
      for i, e in ipairs(events) do
        assert.truthy(e.date:match("^%d%d%d%d"))
        if i > 1 then assert.is_true(events[i - 1].date <= e.date) end
        for _, a in ipairs(e.articles) do assert.truthy(a.id:match("^storm%-")) end
        if #e.articles > 1 then multi = multi + 1 end
      end
      assert.is_true(multi > 0)
    end)

    it("keeps to the date range", function()
      local doc = run("timeline", { from = "2026-02-20", to = "2026-02-22" })
      for _, e in ipairs(blocks(doc, "timeline")[1].items) do
        for _, a in ipairs(e.articles) do
          assert.is_true(a.date >= "2026-02-20" and a.date < "2026-02-23")
        end
      end
    end)
  end)

  describe("overview", function()
    local doc
    setup(function() doc = run("overview") end)

    it("counts articles, sources and the days covered", function()
      local rows = {}
      for _, r in ipairs(blocks(doc, "fields", "Counts")[1].rows) do rows[r.key] = r.value end
      assert.equal("45", rows.articles)
      assert.equal("9", rows.sources)
      assert.equal("2026-02-09", rows["first day"])
      assert.equal("2026-03-04", rows["last day"])
      assert.equal("1", rows["undated articles"]) -- health-003 has no date
    end)

    it("counts the corpus's copies as its near-duplicates", function()
      -- By design (spec/dedup_spec.lua) the corpus holds five pairs of copies, each a later
      -- article repeating an earlier one: five duplicates among 45 articles, in five groups.
      local rows = {}
      for _, r in ipairs(blocks(doc, "fields", "Counts")[1].rows) do rows[r.key] = r.value end
      assert.equal(string.format("5 (%.1f%%) in 5 groups", 5 / 45 * 100), rows["near-duplicates"])
    end)

    it("charts articles per day, days without any as 0", function()
      local series = blocks(doc, "time_series")[1]
      assert.equal("day", series.unit)
      local by_day = {}
      for _, p in ipairs(series.points) do by_day[p.date] = p.value end
      assert.equal(24, #series.points) -- 9 February to 4 March
      assert.equal(5, by_day["2026-02-18"])
      assert.equal(0, by_day["2026-02-15"])
    end)

    it("takes the duplicate rate from the provider a script sets, and none without one", function()
      local default = report.providers.duplicates
      report.providers.duplicates = function(_, hits)
        assert.equal(45, #hits)
        return { duplicates = 9, groups = 4 }
      end
      local ok, with = pcall(run, "overview")
      report.providers.duplicates = nil
      local ok_without, without = pcall(run, "overview")
      report.providers.duplicates = default
      assert.is_true(ok, with)
      assert.is_true(ok_without, without)
      local rows = {}
      for _, r in ipairs(blocks(with, "fields", "Counts")[1].rows) do rows[r.key] = r.value end
      assert.equal("9 (20.0%) in 4 groups", rows["near-duplicates"])
      for _, r in ipairs(blocks(without, "fields", "Counts")[1].rows) do
        assert.are_not.equal("near-duplicates", r.key)
      end
    end)
  end)

  it("writes every report in every format", function()
    local operands = { dossier = { "NATO" } }
    for _, name in ipairs(report.BUILTIN) do
      local doc = run(name, { operands = operands[name] })
      for _, format in ipairs(report.FORMATS) do
        local out = report.render(doc, format, { width = 72 })
        assert.truthy(#out > 200, name .. " " .. format)
        if format == "json" then
          local decoded = cjson.decode(out)
          assert.equal("lede.report", decoded.schema)
          assert.equal(1, decoded.version)
          assert.equal(name, decoded.report)
          assert.equal(doc.title, decoded.title)
        end
      end
    end
  end)

  describe("a user's script", function()
    it("runs with the same helpers", function()
      local script = helpers.write_temp([[
return function(ctx, opts, args)
  local d = ctx:document("Sources of " .. table.concat(args, " "))
  local items = {}
  for i, v in ipairs(ctx:facet("source", table.concat(args, " "))) do items[i] = { v.value, v.count } end
  d:section("Sources"):bar_chart("Articles", items)
  return d
end
]], ".lua")
      local r, name = report.load(script)
      local doc = report.run(r, ix, { name = name, operands = { "measles" } })
      os.remove(script)
      assert.equal("Sources of measles", doc.title)
      local items = doc.sections[1].blocks[1].items
      assert.is_true(#items > 0)
      for _, item in ipairs(items) do assert.is_true(item.value > 0) end
    end)

    it("must return a document", function()
      local script = helpers.write_temp("return function() return {} end", ".lua")
      local r, name = report.load(script)
      assert.has_error(function() report.run(r, ix, { name = name }) end,
        "report '" .. name .. "' returned no document (make one with ctx:document(title))")
      os.remove(script)
    end)
  end)
end)

describe("lede.report formats", function()
  local doc = require "lede.report.doc"
  local HOSTILE = 'Mayor <script>alert(1)</script> [click](javascript:alert(2)) "><img src=x onerror=alert(3)> *bold* `code` & co\27[31m'

  local function hostile_doc()
    local d = doc.new("test", HOSTILE)
    d:add_meta("source", HOSTILE)
    d:section(HOSTILE):paragraph(HOSTILE):list { { text = HOSTILE, url = "javascript:alert(4)" },
      { text = "safe", url = "https://example.com/a(b)" } }
      :quotes { { text = HOSTILE, speaker = HOSTILE, article = { id = "x", title = HOSTILE, url = "JavaScript:alert(5)" } } }
      :bar_chart(HOSTILE, { { HOSTILE, 3 } })
    return d
  end

  it("escapes Markdown so that article text stays text", function()
    local md = report.render(hostile_doc(), "md")
    assert.truthy(md:find("\\[click\\](javascript:alert(2))", 1, true))
    assert.truthy(md:find("[safe](<https://example.com/a%28b%29>)", 1, true))
    assert.is_nil(md:find("\27", 1, true))
    -- A CommonMark renderer with raw HTML allowed makes no tag and no javascript: link of it.
    local path = helpers.write_temp(md, ".md")
    local html = helpers.sh("cmark-gfm --unsafe -e autolink -e table " .. helpers.quote(path))
    os.remove(path)
    assert.truthy(html:find("<p>", 1, true))
    assert.is_nil(html:find("<script", 1, true))
    assert.is_nil(html:find("<img", 1, true))
    assert.is_nil(html:lower():find('href="javascript', 1, true))
    assert.is_nil(html:find("<em>bold", 1, true))
    assert.truthy(html:find('<a href="https://example.com/a%28b%29">safe</a>', 1, true))
  end)

  it("keeps control characters out of text and wraps to the width", function()
    local text = report.render(hostile_doc(), "text", { width = 40 })
    assert.is_nil(text:find("[%z\1-\9\11-\31\127]"))
    for line in text:gmatch("[^\n]+") do assert.is_true(utf8.len(line) <= 40, line) end
    local bold = report.render(hostile_doc(), "text", { width = 40, ansi = true })
    assert.truthy(bold:find("\27[1m", 1, true))
  end)

  it("escapes HTML text and attributes and links only to http and https", function()
    local html = report.render(hostile_doc(), "html")
    assert.is_nil(html:find("<script", 1, true))
    assert.is_nil(html:find("<img", 1, true))
    assert.is_nil(html:lower():find("javascript:alert%(%d%)\""))
    assert.is_nil(html:lower():find('href="javascript', 1, true))
    assert.truthy(html:find("&lt;script&gt;alert(1)&lt;/script&gt;", 1, true))
    assert.truthy(html:find('&quot;&gt;&lt;img src=x onerror=alert(3)&gt;', 1, true))
    assert.truthy(html:find('<a href="https://example.com/a(b)"', 1, true))
    assert.truthy(html:find("Content-Security-Policy", 1, true))
  end)
end)
