-- Entities: the tagger's mentions grouped within an article (names, surnames, titles, acronyms,
-- possessives with or without apostrophe, gazetteer short forms and demonyms), with names, keys
-- and salience.
local lede = require("lede")
local core = require("lede.core")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

-- The entity named `name` in a list, or nil.
local function find(entities, name)
  for _, e in ipairs(entities) do
    if e.name == name then return e end
  end
end

-- The text of each of an entity's mentions, in order.
local function texts(text, entity)
  local out = {}
  for i, m in ipairs(entity.mentions) do out[i] = text:sub(m.start, m.stop) end
  return out
end

-- "text=>entity" for every mention whose text is in `wanted`.
local function resolved(text, wanted)
  local set, out = {}, {}
  for _, w in ipairs(wanted) do set[w] = true end
  for _, m in ipairs(lede.article(text):entities()) do
    if set[m.text] then out[#out + 1] = m.text .. "=>" .. m.entity end
  end
  return out
end

describe("article:entity_list()", function()
  it("makes a person named in full, by surname and with a title one entity", function()
    local text = "BRUSSELS - NATO Secretary-General Jens Stoltenberg said on Tuesday that allies "
      .. "would send more instructors to Iraq. Stoltenberg told reporters the decision was unanimous. "
      .. "Diplomats said Mr. Stoltenberg had pressed reluctant governments for weeks."
    local entities = lede.article(text):entity_list()
    local person = find(entities, "Jens Stoltenberg")
    assert.is_table(person)
    assert.same({ "PER", "jens stoltenberg", 3 }, { person.type, person.key, person.count })
    assert.same({ "Jens Stoltenberg", "Stoltenberg", "Stoltenberg" }, texts(text, person))
    assert.equal(text:find("Jens Stoltenberg", 1, true), person.first)
    assert.is_nil(find(entities, "Stoltenberg"))
    assert.is_nil(find(entities, "Mr. Stoltenberg"))
  end)

  it("joins an organisation's full name, its acronym and its possessive", function()
    local text = "The North Atlantic Treaty Organization (NATO) agreed on Thursday to double its "
      .. "training mission. NATO officials said the plan was NATO's largest in a decade."
    local entities = lede.article(text):entity_list()
    local nato = find(entities, "NATO") -- the gazetteer's name for it, in every article
    assert.is_table(nato)
    assert.same({ "ORG", "nato", 4 }, { nato.type, nato.key, nato.count })
    assert.same({ "North Atlantic Treaty Organization", "NATO", "NATO", "NATO's" }, texts(text, nato))
    assert.equal(nato, entities[1]) -- the most mentioned comes first
  end)

  it("joins an acronym to the name it abbreviates without the gazetteer", function()
    local text = "OSLO - The Nordic Grain Exporters Association (NGEA) warned on Monday that "
      .. "harvests would fall. The NGEA said its members in Norway and Sweden had cut planting."
    local group = find(lede.article(text):entity_list(), "Nordic Grain Exporters Association")
    assert.is_table(group)
    assert.same({ "Nordic Grain Exporters Association", "NGEA", "NGEA" }, texts(text, group))
  end)

  it("knows U.S., US and United States as one country, and Americans as its people", function()
    local text = "WASHINGTON - Defense Secretary Thomas R. Kellerman said the United States would "
      .. "back the mission. Kellerman said US troops would not take part, but American instructors "
      .. "would, and U.S. officials confirmed it."
    local us = find(lede.article(text):entity_list(), "United States")
    assert.is_table(us)
    assert.same({ "LOC", "united states" }, { us.type, us.key })
    assert.same({ "United States", "US", "American", "U.S." }, texts(text, us))
    assert.same({ "Kellerman=>Thomas R. Kellerman" }, resolved(text, { "Kellerman" }))
  end)

  it("links demonyms to their place", function()
    local text = "BAGHDAD - Iraqi officials welcomed the decision on Friday. Iraq has asked for "
      .. "more trainers, and Iraqis will lead the new brigades, Polish officers said."
    local entities = lede.article(text):entity_list()
    local iraq = find(entities, "Iraq")
    assert.is_table(iraq)
    assert.same({ "Iraqi", "Iraq", "Iraqis" }, texts(text, iraq))
    assert.equal("LOC", iraq.type)
    assert.same({ "Polish" }, texts(text, find(entities, "Poland")))
  end)

  it("gives the same key to the same entity in two articles", function()
    local a = lede.article("The U.S. Treasury said on Monday that U.S. growth slowed."):entities()
    local b = lede.article("Growth in the United States slowed in the third quarter."):entities()
    local function key_of(mentions, text)
      for _, m in ipairs(mentions) do if m.text == text then return m.key end end
    end
    assert.equal("united states", key_of(b, "United States"))
    local growth = lede.article("Officials said US growth slowed."):entities()
    assert.equal("united states", key_of(growth, "US"))
  end)

  it("keeps diacritics in keys and titles in organisation names", function()
    local text = "Poland's defence minister, Łukasz Wróbel, said on Friday the outcome was "
      .. "acceptable. Wróbel had argued for a slower timetable."
    local entities = lede.article(text):entity_list()
    local person = find(entities, "Wróbel")
    assert.is_table(person)
    assert.same({ "wróbel", 2 }, { person.key, person.count })
    assert.equal("poland", find(entities, "Poland").key) -- "Poland's" names Poland
    text = "General Motors said on Tuesday it would cut 2,000 jobs. Dr. Ingrid Faber, an analyst "
      .. "at Nordvik Capital, said General Motors had little choice."
    entities = lede.article(text):entity_list()
    local gm = find(entities, "General Motors")
    assert.is_table(gm)
    assert.equal(2, gm.count)
    assert.is_table(find(entities, "Ingrid Faber")) -- "Dr." is a title, not a name
  end)

  it("resolves possessives that lost their apostrophe (defence-005)", function()
    local article
    for line in io.lines(helpers.corpus_dir .. "defence-ministers.jsonl") do
      if line:find('"id": "defence-005"', 1, true) then article = line end
    end
    assert.is_string(article)
    local a = lede.article(require("cjson").decode(article))
    local mentions = a:entities()
    local by_text = {}
    for _, m in ipairs(mentions) do
      by_text[m.text] = m.entity
      assert.equal(m.text, a.text:sub(m.start, m.stop))
    end
    assert.equal("NATO", by_text["NATOs"]) -- the longest form seen, without the "s"
    assert.equal("Iran", by_text["Irans"])
    assert.equal("Poland", by_text["Polands"])
    assert.equal("Iraq", by_text["Iraqi"])
    local iran = find(a:entity_list(), "Iran")
    assert.equal(2, iran.count) -- "Irans response" twice, neither tagged by the model alone
  end)

  it("returns mentions in text order with every entity's mentions among them", function()
    local text = "Jens Stoltenberg met Iraqi leaders. Stoltenberg later flew to Paris."
    local a = lede.article(text)
    local mentions, entities = a:entities(), a:entity_list()
    local total, last = 0, 0
    for _, m in ipairs(mentions) do
      assert.is_true(m.start > last)
      last = m.stop
    end
    for i, e in ipairs(entities) do
      total = total + e.count
      assert.equal(e.count, #e.mentions)
      if i > 1 then
        local p = entities[i - 1]
        assert.is_true(p.count > e.count or (p.count == e.count and p.first < e.first))
      end
    end
    assert.equal(#mentions, total)
    assert.same({}, lede.article(""):entity_list())
  end)
end)

describe("grouping mentions chosen by hand", function()
  local gazetteer
  setup(function()
    local lists = {}
    for list, file in pairs({ places = "countries.txt", organizations = "organizations.txt",
                              titles = "titles.txt" }) do
      lists[list] = helpers.read_file(helpers.root .. "/data/gazetteer/" .. file)
    end
    gazetteer = core.gazetteer(lists)
  end)

  -- Groups the mentions given as {text, type} (each the first occurrence after the previous).
  local function group(text, given)
    local mentions, from = {}, 1
    for i, g in ipairs(given) do
      local s, e = text:find(g[1], from, true)
      mentions[i] = { start = s, stop = e, type = g[2] }
      from = e + 1
    end
    return lede.article(text)._core:entity_groups(mentions, gazetteer, text)
  end

  it("drops titles from people's names but not from organisations", function()
    local text = "Gen. Patrick Oduya said General Motors trucks would help. Mr. Oduya added more."
    local mentions, entities = group(text, { { "Gen. Patrick Oduya", "PER" },
      { "General Motors", "ORG" }, { "Mr. Oduya", "PER" } })
    assert.same({ "Patrick Oduya", "General Motors", "Patrick Oduya" },
      { mentions[1].entity, mentions[2].entity, mentions[3].entity })
    assert.same({ "Patrick Oduya", 2, "patrick oduya" }, { entities[1].name, entities[1].count, entities[1].key })
  end)

  it("takes the longest full form as the name, wherever it comes", function()
    local text = "Holloway arrived late. Secretary-General Margaret A. Holloway then spoke."
    local mentions = group(text, { { "Holloway", "PER" },
      { "Secretary-General Margaret A. Holloway", "PER" } })
    assert.same({ "Margaret A. Holloway", "Margaret A. Holloway" }, { mentions[1].entity, mentions[2].entity })
  end)

  it("drops numbers, months and table abbreviations that wire copy capitalises", function()
    local text = "Shr 1.12 dlrs vs 98 cts\n    Nine mths\n    Shr 3.40 dlrs vs 2.95 dlrs\n"
      .. "    Pay March 15\n    Record Feb Six\nThe board of Halvorsen Tool Co Inc met on Monday."
    local mentions, entities = group(text, { { "Nine mths", "PER" }, { "Feb Six", "PER" },
      { "Halvorsen Tool", "ORG" }, { "Co Inc", "ORG" }, { "Monday", "MISC" } })
    assert.same({ "Halvorsen Tool" }, { mentions[1].entity, mentions[2] and mentions[2].entity })
    assert.equals(1, #entities)
  end)

  it("drops the currency codes of exchange-rate tables", function()
    local text = "Closing rates in Zurich:\n    DMK 1.8215\n    STG 2.4105\n    SFR 1.5130\n"
      .. "The Swiss National Bank did not intervene."
    local mentions = group(text, { { "DMK", "ORG" }, { "STG", "ORG" }, { "SFR", "ORG" },
      { "Swiss National Bank", "ORG" } })
    assert.equals(1, #mentions)
    assert.equals("Swiss National Bank", mentions[1].entity)
  end)

  it("types a name that ends in a company's legal form as an organisation", function()
    local text = "Kessler Freight Corp said sales rose. Analysts at Brandt Wexley Inc. agreed."
    local mentions = group(text, { { "Kessler Freight Corp", "PER" }, { "Brandt Wexley Inc.", "PER" } })
    assert.same({ "ORG", "ORG" }, { mentions[1].type, mentions[2].type })
  end)

  it("names an entity broken across lines with single spaces", function()
    local text = "Federal Reserve Board Chairman Paul\n    Volcker said rates would hold. Volcker "
      .. "spoke in Washington."
    local mentions, entities = group(text, { { "Paul\n    Volcker", "PER" }, { "Volcker", "PER" } })
    assert.same({ "Paul Volcker", "Paul Volcker" }, { mentions[1].entity, mentions[2].entity })
    assert.same({ "Paul Volcker", 2 }, { entities[1].name, entities[1].count })
  end)

  it("names a known place as the gazetteer does, however the article writes it", function()
    local text = "TAIWAN BUYS 25,000 TONNES OF U.S. SOYBEANS"
    local mentions = group(text, { { "TAIWAN", "LOC" }, { "U.S.", "LOC" } })
    assert.same({ "Taiwan", "United States" }, { mentions[1].entity, mentions[2].entity })
  end)

  it("refuses spans that are not whole tokens", function()
    assert.has_error(function() group("NATO allies met.", { { "NAT", "ORG" } }) end,
      "lede.entities: mention 1 is not whole tokens of a known type")
    assert.has_error(function() group("NATO allies met.", { { "NATO", "BAND" } }) end,
      "lede.entities: mention 1 is not whole tokens of a known type")
  end)
end)

describe("core.gazetteer", function()
  it("rejects an entry without a name and accepts empty lists", function()
    assert.has_error(function() core.gazetteer({ places = "|US" }) end,
      "lede.gazetteer: places: an entry line without a name")
    assert.is_userdata(core.gazetteer({}))
  end)
end)

describe("entity types and names set right by the article's layout", function()
  -- The mention with this text, or nil.
  local function mention(a, text)
    for _, m in ipairs(a:entities()) do
      if m.text == text then return m end
    end
  end

  it("names a place by its mixed-case spelling, not the dateline's capitals", function()
    local a = lede.article("BRUSSELS (Continental Press) - NATO defence ministers will meet in "
      .. "Brussels on Thursday to decide whether to enlarge the training mission in Iraq.")
    local place = find(a:entity_list(), "Brussels")
    assert.is_truthy(place, "no entity named Brussels")
    assert.equals(2, place.count)
    assert.equals("Brussels", mention(a, "BRUSSELS").entity)
  end)

  it("types the dateline's credit as an organisation, there and further on", function()
    local a = lede.article("NEW YORK (Ledger Daily) - U.S. stocks rose on Wednesday after figures "
      .. "showed that consumer prices rose less than expected. Economists polled by Ledger Daily "
      .. "had forecast a larger rise.")
    local credit = a:entities()
    local seen = 0
    for _, m in ipairs(credit) do
      if m.text == "Ledger Daily" then
        assert.equals("ORG", m.type)
        seen = seen + 1
      end
    end
    assert.equals(2, seen)
    assert.equals("ORG", find(a:entity_list(), "Ledger Daily").type)
  end)

  it("reads a name after a title as a person, with the accented first name", function()
    local text = "Canada is expected to contribute the largest share. Defence Minister Élodie "
      .. "Tremblay-Haines will arrive in Brussels on Wednesday evening. \"Canada will keep "
      .. "leading,\" Tremblay-Haines told reporters."
    local a = lede.article(text)
    local full = mention(a, "Élodie Tremblay-Haines")
    assert.is_truthy(full, "the first name is not in the mention")
    assert.equals("PER", full.type)
    -- the surname alone, later, is the same person
    local surname = mention(a, "Tremblay-Haines")
    assert.same({ "PER", "Élodie Tremblay-Haines" }, { surname.type, surname.entity })
  end)
end)
