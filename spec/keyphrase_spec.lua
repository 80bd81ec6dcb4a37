-- Keyphrases: what the sample stories come out as, the rules for candidates, the scoring signals
-- one at a time, positions, determinism and input that gives nothing to find.
local lede = require("lede")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local function story(name)
  local list = {}
  for _, a in lede.read(helpers.corpus_dir .. name .. ".jsonl") do list[#list + 1] = a end
  return list
end

local function by_id(id)
  for _, path in ipairs(helpers.corpus_files()) do
    for _, a in lede.read(path) do
      if a.id == id then return a end
    end
  end
  error("no article " .. id)
end

-- The lower-cased texts of the phrases, best first.
local function texts(phrases)
  local out = {}
  for i, p in ipairs(phrases) do out[i] = p.text:lower() end
  return out
end

-- The rank (1-based) of the phrase whose lower-cased text is `want`, or nil.
local function rank(phrases, want)
  for i, p in ipairs(phrases) do
    if p.text:lower() == want:lower() then return i end
  end
  return nil
end

-- Asserts that each of `wanted` is among the first `top` phrases.
local function assert_top(phrases, top, wanted)
  for _, want in ipairs(wanted) do
    local r = rank(phrases, want)
    assert(r and r <= top, ("%q not in the top %d: %s"):format(want, top,
      table.concat(texts(phrases), " | ")))
  end
end

local function words(s)
  local n = 0
  for _ in s:gmatch("%S+") do n = n + 1 end
  return n
end

-- s with every run of white space, no-break spaces included, made one space.
local function folded(s)
  return (s:gsub("\u{A0}", " "):gsub("%s+", " "))
end

describe("lede.keyphrases", function()
  describe("on the sample stories, all articles of a story together", function()
    -- What an editor would tag each story with: its named subject, its people, its places.
    local expected = {
      ["storm"] = { top5 = { "Storm Odile", "Spain", "Portugal", "Galicia" } },
      ["defence-ministers"] = { top5 = { "training mission", "Iraq" },
                                top8 = { "NATO", "Canada", "defence ministers" } },
      ["election"] = { top5 = { "Civic Alliance", "Lindqvist", "Aldmark" },
                       top8 = { "Prime Minister Anders Kjellberg" } },
      ["court-case"] = { top5 = { "Raymond T. Castellano", "Parallax Payments" },
                         top8 = { "fraud", "trial", "jury" } },
      ["trade-dispute"] = { top5 = { "China", "electric vehicles", "European Union" },
                            top8 = { "tariffs" } },
      ["markets"] = { top5 = { "interest rates" },
                      top8 = { "inflation", "Fed", "Federal Reserve" } },
      ["health"] = { top5 = { "measles", "vaccination" }, top8 = { "West Midlands", "outbreak" } },
    }
    local names = {}
    for name in pairs(expected) do names[#names + 1] = name end
    table.sort(names)
    for _, name in ipairs(names) do
      local want = expected[name]
      it("finds the subjects of the " .. name .. " story", function()
        local phrases = lede.keyphrases(story(name), 10)
        assert_top(phrases, 5, want.top5)
        assert_top(phrases, 8, want.top8 or {})
      end)
    end

    it("ranks phrases of several words among single words", function()
      for _, path in ipairs(helpers.corpus_files()) do
        local list = {}
        for _, a in lede.read(path) do list[#list + 1] = a end
        local multi = 0
        for _, p in ipairs(lede.keyphrases(list, 8)) do
          if words(p.text) > 1 then multi = multi + 1 end
        end
        assert(multi >= 2, path .. ": fewer than 2 phrases of several words in the top 8")
      end
    end)

    it("leaves out the parts of a chosen name", function()
      local phrases = lede.keyphrases(story("storm"), 30)
      assert.equal(1, rank(phrases, "Storm Odile"))
      assert.is_nil(rank(phrases, "Odile"))
      local court = lede.keyphrases(story("court-case"), 30)
      assert.truthy(rank(court, "Raymond T. Castellano"))
      assert.is_nil(rank(court, "Castellano"))
      assert.is_nil(rank(court, "T. Castellano"))
    end)

    it("counts phrases over every article and numbers them in the list", function()
      local list = story("storm")
      local seen = {}
      local first = lede.keyphrases(list, 10)[1]
      assert.equal("Storm Odile", first.text)
      for _, pos in ipairs(first.positions) do seen[pos.article] = true end
      for i = 1, #list do assert.truthy(seen[i], "Storm Odile not found in article " .. i) end
    end)

    it("ranks a word shared by many articles above one repeated in a single article", function()
      -- "Ferries", four times early in one article, outweighs "pilots", three times in second
      -- sentences; but pilots are in three articles of four, ferries in one.
      local list = {
        lede.article("Ferries were late. Ferries were full. Ferries were slow. "
          .. "Ferries were cancelled."),
        lede.article("It was cold. Pilots were tired."),
        lede.article("It was dark. Pilots were tired."),
        lede.article("It was wet. Pilots were tired."),
      }
      local phrases = lede.keyphrases(list, 10)
      assert.truthy(rank(phrases, "pilots") < rank(phrases, "ferries"))
    end)
  end)

  describe("on one article", function()
    it("finds the subject of single sample articles", function()
      assert_top(lede.keyphrases(by_id("storm-001"), 10), 3, { "Storm Odile" })
      assert_top(lede.keyphrases(by_id("defence-003"), 10), 3, { "training mission" })
      assert_top(lede.keyphrases(by_id("court-005"), 10), 3, { "Castellano", "jury" })
      assert_top(lede.keyphrases(by_id("health-001"), 10), 3, { "measles" })
    end)

    it("takes one article or a list of one alike", function()
      local a = by_id("trade-002")
      assert.same(lede.keyphrases(a, 5), lede.keyphrases({ a }, 5))
      for _, p in ipairs(lede.keyphrases(a, 5)) do
        for _, pos in ipairs(p.positions) do assert.equal(1, pos.article) end
      end
    end)

    it("drops a part that occurs only inside a chosen phrase, keeps one that also stands alone",
      function()
        local phrases = lede.keyphrases(lede.article("The training mission grew. The training "
          .. "mission ended. The mission failed."), 10)
        assert.equal(1, rank(phrases, "training mission"))
        assert.is_nil(rank(phrases, "training"))
        assert.truthy(rank(phrases, "mission"))
        assert.equal(3, phrases[rank(phrases, "mission")].count)
      end)

    it("lists one of the overlapping windows of a run too long for one phrase", function()
      local text = "Rising sea levels threaten coastal towns. Officials agree that rising sea "
        .. "levels threaten coastal towns."
      local phrases = lede.keyphrases(lede.article(text), 10)
      -- No two phrases overlap without one holding the other.
      for i, p in ipairs(phrases) do
        for j, q in ipairs(phrases) do
          for _, a in ipairs(p.positions) do
            for _, b in ipairs(q.positions) do
              local overlap = a.start <= b.stop and b.start <= a.stop
              local nested = (a.start <= b.start and b.stop <= a.stop)
                or (b.start <= a.start and a.stop <= b.stop)
              assert.falsy(i ~= j and overlap and not nested, p.text .. " / " .. q.text)
            end
          end
        end
      end
    end)

    it("reads a name from its head, the last word", function()
      local a = lede.article("Trade Commissioner Pieter van Aalst met ministers. Trade "
        .. "Commissioner Pieter van Aalst flew home. Van Aalst rested.")
      local phrases = lede.keyphrases(a, 10)
      assert.equal("Commissioner Pieter van Aalst", phrases[1].text)
      for _, p in ipairs(phrases) do
        assert.falsy(p.text:find("Trade"), p.text)
        assert.falsy(p.text:find("Aalst") and p ~= phrases[1], p.text)
      end
    end)

    it("shows a word as written inside a sentence rather than at its start", function()
      local a = lede.article("Insured losses rose. Insured losses may double, said analysts who "
        .. "track insured losses.")
      assert.equal("insured losses", lede.keyphrases(a, 1)[1].text)
    end)

    it("keeps a capitalised name together and apart from the words around it", function()
      local a = lede.article("Forecasters tracked Storm Odile overnight. Storm Odile damage was "
        .. "heavy in Galicia. Storm Odile moved north.")
      local phrases = lede.keyphrases(a, 10)
      assert.equal("Storm Odile", phrases[1].text)
      assert.is_nil(rank(phrases, "Storm Odile damage"))
      assert.is_nil(rank(phrases, "Odile"))
      assert.is_nil(rank(phrases, "Storm"))
    end)

    it("reads a phrase of common words only when it recurs", function()
      local once = lede.keyphrases(lede.article("Coastal flooding hit towns. Rain fell on towns. "
        .. "Towns flooded."), 10)
      for _, p in ipairs(once) do assert.equal(1, words(p.text), p.text) end
      local twice = lede.keyphrases(lede.article("Coastal flooding hit towns. Rain fell on towns. "
        .. "Coastal flooding returned."), 10)
      assert.equal(1, rank(twice, "coastal flooding"))
    end)

    it("gives phrases in the title a boost", function()
      local text = "The council discussed harbour repairs. The council discussed school meals. "
        .. "Officials reviewed harbour repairs. Officials reviewed school meals."
      local plain = lede.keyphrases(lede.article{ text = text }, 10)
      local function titled(title) return lede.article{ text = text, title = title } end
      local harbour = lede.keyphrases(titled("Harbour repairs approved"), 10)
      local meals = lede.keyphrases(titled("School meals approved"), 10)
      assert.equal("harbour repairs", harbour[1].text)
      assert.equal("school meals", meals[1].text)
      assert.truthy(harbour[1].score > plain[rank(plain, "harbour repairs")].score)
    end)

    it("counts early mentions for more", function()
      -- The harbour and the bridge are named twice each; only the order changes.
      local first = "The harbour was closed. It was cold. It was dark. The bridge was closed. "
        .. "The harbour was closed. The bridge was closed."
      local late = "The bridge was closed. It was cold. It was dark. The harbour was closed. "
        .. "The bridge was closed. The harbour was closed."
      local a, b = lede.keyphrases(lede.article(first), 10), lede.keyphrases(lede.article(late), 10)
      assert.truthy(rank(a, "harbour") < rank(a, "bridge"))
      assert.truthy(rank(b, "bridge") < rank(b, "harbour"))
    end)

    it("leaves out stopwords, reporting verbs, dates, numbers and the dateline", function()
      local a = lede.article("BRUSSELS (Continental Press) - Ministers said on Monday that 40 "
        .. "million euros would go to flood defences, officials told reporters. Flood defences "
        .. "were added in 2021, according to ministers. Ministers says flood defences work.")
      local phrases = lede.keyphrases(a, 50)
      assert.truthy(#phrases > 0)
      for _, p in ipairs(phrases) do
        local lower = " " .. p.text:lower() .. " "
        for _, w in ipairs({ "said", "says", "told", "added", "according", "monday", "the", "to",
                             "brussels", "continental", "press", "million" }) do
          assert.falsy(lower:find(" " .. w .. " ", 1, true), p.text .. " holds " .. w)
        end
        assert.falsy(p.text:match("^%d") or p.text:match("%d$"), p.text)
        assert.truthy(words(p.text) <= 4, p.text)
      end
      assert.equal(1, rank(phrases, "flood defences"))
    end)

    it("leaves the possessive out of the phrase and its position", function()
      local text = "Storm Odile's winds reached Galicia. Storm Odile's rain followed."
      local p = lede.keyphrases(lede.article(text), 1)[1]
      assert.equal("Storm Odile", p.text)
      assert.equal("Storm Odile", text:sub(p.positions[1].start, p.positions[1].stop))
    end)
  end)

  describe("results", function()
    it("point at the phrase in its article's text", function()
      for _, path in ipairs(helpers.corpus_files()) do
        local list = {}
        for _, a in lede.read(path) do list[#list + 1] = a end
        for _, p in ipairs(lede.keyphrases(list, 20)) do
          assert.equal(#p.positions, p.count)
          local previous = { article = 0, start = 0 }
          for _, pos in ipairs(p.positions) do
            local written = list[pos.article].text:sub(pos.start, pos.stop)
            -- The same words, maybe in another case or another form of the same stems
            -- ("homes" for "home"), white space folded.
            assert.equal(words(p.text), words(folded(written)))
            assert.truthy(pos.article > previous.article
              or (pos.article == previous.article and pos.start > previous.start), "text order")
            previous = pos
          end
          -- The text shown is one of the forms written.
          local found = false
          for _, pos in ipairs(p.positions) do
            found = found or folded(list[pos.article].text:sub(pos.start, pos.stop)) == p.text
          end
          assert.truthy(found, p.text)
        end
      end
    end)

    it("match the phrase case-insensitively where it is written the same", function()
      local list = story("defence-ministers")
      local p = lede.keyphrases(list, 10)[rank(lede.keyphrases(list, 10), "training mission")]
      for _, pos in ipairs(p.positions) do
        assert.equal("training mission", list[pos.article].text:sub(pos.start, pos.stop):lower())
      end
    end)

    it("come best first, at most n of them", function()
      local list = story("election")
      local phrases = lede.keyphrases(list, 7)
      assert.equal(7, #phrases)
      for i = 2, #phrases do assert.truthy(phrases[i - 1].score >= phrases[i].score) end
      assert.equal(10, #lede.keyphrases(list))
      assert.same({}, lede.keyphrases(list, 0))
      -- Asking for more does not change the first ones.
      assert.same(texts(lede.keyphrases(list, 10)),
        { table.unpack(texts(lede.keyphrases(list, 12)), 1, 10) })
    end)

    it("are the same every time", function()
      local list = story("trade-dispute")
      local first = lede.keyphrases(list, 15)
      for _ = 1, 3 do assert.same(first, lede.keyphrases(list, 15)) end
      -- Fresh analyses of the same texts give the same result too.
      local again = {}
      for i, a in ipairs(list) do again[i] = lede.article(a:to_table()) end
      assert.same(first, lede.keyphrases(again, 15))
    end)

    it("break ties by the phrase, not by where it was seen", function()
      local ab = lede.keyphrases(lede.article("Zebras grazed. Antelopes grazed."), 10)
      local ba = lede.keyphrases(lede.article("Antelopes grazed. Zebras grazed."), 10)
      -- The first sentence outweighs the second, so each order puts its first animal first...
      assert.truthy(rank(ab, "zebras") < rank(ab, "antelopes"))
      assert.truthy(rank(ba, "antelopes") < rank(ba, "zebras"))
      -- ...while equal scores fall in byte order of the stems, whatever the order of articles.
      local zebras, antelopes = lede.article("Zebras."), lede.article("Antelopes.")
      assert.same({ "antelopes", "zebras" }, texts(lede.keyphrases({ zebras, antelopes }, 10)))
      assert.same({ "antelopes", "zebras" }, texts(lede.keyphrases({ antelopes, zebras }, 10)))
    end)
  end)

  describe("input with nothing to find", function()
    it("gives an empty list, never an error", function()
      for _, text in ipairs({ "", " \n\n ", "the of and to", "...!!", "42", "Said told added." }) do
        assert.same({}, lede.keyphrases(lede.article(text), 10), ("%q"):format(text))
      end
      assert.same({}, lede.keyphrases({}, 10))
      assert.same({}, lede.keyphrases({ lede.article(""), lede.article("the") }, 10))
    end)

    it("finds the one word there is", function()
      local phrases = lede.keyphrases(lede.article("Hello"), 10)
      assert.equal(1, #phrases)
      assert.same({ text = "Hello", count = 1, score = phrases[1].score,
                    positions = { { article = 1, start = 1, stop = 5 } } }, phrases[1])
    end)

    it("copes with invalid UTF-8 and an empty article among others", function()
      local list = { lede.article(""),
                     lede.article("Storm \xff\xfe Odile hit \xc3 Galicia. Galicia flooded.") }
      local phrases = lede.keyphrases(list, 10)
      assert.equal("Galicia", phrases[1].text)
      for _, p in ipairs(phrases) do assert.truthy(utf8.len(p.text), p.text) end
    end)

    it("handles 5,000 sentences", function()
      local parts = {}
      local places = { "Vigo", "Muros", "Baiona", "Ferrol", "Carballo" }
      for i = 1, 5000 do
        parts[i] = i % 2 == 0
          and ("The storm surge flooded harbour %d in %s."):format(i % 7, places[i % 5 + 1])
          or ("Residents of district %d fled as coastguard crews arrived."):format(i)
      end
      local text = table.concat(parts, " ")
      local phrases = lede.keyphrases(lede.article(text), 5)
      assert.equal(5, #phrases)
      -- The same run of words every time is one phrase: its parts add nothing of their own.
      assert.equal(1, rank(phrases, "storm surge flooded harbour"))
      assert.equal(2500, phrases[1].count)
      assert.equal(2, rank(phrases, "coastguard crews arrived"))
      assert.is_nil(rank(phrases, "storm surge flooded"))
      for _, p in ipairs(phrases) do
        assert.equal(p.text:lower(), text:sub(p.positions[1].start, p.positions[1].stop):lower())
      end
    end)
  end)

  describe("arguments", function()
    it("are checked", function()
      assert.has_error(function() lede.keyphrases("Storm Odile", 5) end)
      assert.has_error(function() lede.keyphrases({ "Storm Odile" }, 5) end)
      assert.has_error(function() lede.keyphrases(lede.article("Storm"), -1) end)
      assert.has_error(function() lede.keyphrases(lede.article("Storm"), 1.5) end)
      local closed = lede.article("Storm Odile")
      closed:close()
      assert.has_error(function() lede.keyphrases(closed, 5) end)
    end)
  end)
end)
