-- Extraction on the command line: `lede analyze` writes entities, quotes, dates and quantities
-- (not with --no-extract); `lede index` adds the keyword fields person, org, place and speaker.
local cjson = require "cjson"
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local lede, fixtures, lines = helpers.lede, helpers.fixtures, helpers.lines
local WIRE = helpers.read_file(fixtures .. "wire.txt")
local DEFENCE = helpers.corpus_dir .. "defence-ministers.jsonl"
local HOLLOWAY = "Margaret A. Holloway"

-- The keys of each object of a JSON list, in the order written: from the raw output.
local function key_order(raw, list_name)
  local list = raw:match('"' .. list_name .. '":(%b[])')
  local first = list and list:match("^%[(%b{})")
  if not first then return nil end
  local keys = {}
  for k in first:gmatch('[{,]"([%w_]+)":') do keys[#keys + 1] = k end
  return keys
end

describe("lede analyze extraction", function()
  local out, err, status = lede { "analyze", fixtures .. "wire.txt" }

  it("writes the four lists after the counts, keys in a fixed order", function()
    assert.are.equal(0, status)
    assert.are.equal("", err)
    local order = {}
    for _, k in ipairs { "counts", "invalid_utf8", "entities", "quotes", "dates", "quantities" } do
      order[#order + 1] = assert(out:find('"' .. k .. '":', 1, true), k)
    end
    for i = 2, #order do assert.is_true(order[i - 1] < order[i]) end
    assert.are.same({ "start", "stop", "text", "type", "entity" }, key_order(out, "entities"))
    -- a quote's parts come last, objects of their own (their keys follow in the raw order)
    assert.are.same({ "start", "stop", "text", "kind", "cue", "speaker", "speaker_start",
      "speaker_stop", "parts", "start", "stop", "text" }, key_order(out, "quotes"))
    assert.are.same({ "start", "stop", "text", "type", "value" }, key_order(out, "dates"))
    assert.are.same({ "start", "stop", "text", "value", "unit", "approx" },
      key_order(out, "quantities"))
  end)

  it("gives entity mentions with exact spans and a canonical name", function()
    local m = cjson.decode(out)
    local persons = {}
    for _, e in ipairs(m.entities) do
      assert.are.equal(e.text, WIRE:sub(e.start, e.stop))
      assert.is_string(e.entity)
      assert.matches("^[A-Z][A-Z]*$", e.type)
      if e.type == "PER" then persons[e.entity] = true end
    end
    assert.is_true(persons["Joana Reis"])
  end)

  it("gives the quotation with its speaker, the dates and the quantities", function()
    local m = cjson.decode(out)
    assert.are.equal(1, #m.quotes)
    local q = m.quotes[1]
    assert.are.equal("We have room to absorb the slowdown", q.text)
    assert.are.equal(q.text, WIRE:sub(q.start, q.stop))
    assert.are.equal("direct", q.kind)
    assert.matches("Joana Reis$", q.speaker)
    assert.are.equal("she", WIRE:sub(q.speaker_start, q.speaker_stop))
    assert.are.same({ { start = q.start, stop = q.stop, text = q.text } }, q.parts)
    local dates = {}
    for _, d in ipairs(m.dates) do
      assert.are.equal(d.text, WIRE:sub(d.start, d.stop))
      dates[d.text] = d.type
    end
    assert.are.equal("DATE", dates.Tuesday)
    local percent
    for _, x in ipairs(m.quantities) do
      assert.are.equal(x.text, WIRE:sub(x.start, x.stop))
      if x.text == "1.2 percent" then percent = x end
    end
    assert.are.equal(1.2, percent.value)
    assert.are.equal(cjson.null, percent.approx) -- listed, not found: null
  end)

  it("resolves dates against --date", function()
    local o = lede({ "analyze", "--date", "2020-02-13", "-" }, WIRE)
    local values = {}
    for _, d in ipairs(cjson.decode(o).dates) do values[d.text] = d.value end
    assert.are.equal("2020-02-11", values.Tuesday)
  end)

  it("writes value_max for a range only", function()
    local o = lede({ "analyze", "-" }, "Between 40 and 50 soldiers arrived, and 12 tanks.\n")
    local m = cjson.decode(o)
    assert.are.equal(2, #m.quantities)
    assert.are.equal(40, m.quantities[1].value)
    assert.are.equal(50, m.quantities[1].value_max)
    assert.is_nil(m.quantities[2].value_max)
    assert.not_matches('"value_max":null', o)
    assert.matches('"value":40,"value_max":50,"unit":', o, 1, true)
  end)

  it("includes them in every --jsonl line", function()
    local o, _, s = lede({ "analyze", "--jsonl" },
      '{"id": "a", "text": "Jane Okoro visited Nairobi on Monday."}\n'
      .. '{"id": "b", "text": "Prices fell."}\n')
    assert.are.equal(0, s)
    local got = helpers.decoded_lines(o)
    assert.are.equal(2, #got)
    for _, m in ipairs(got) do
      for _, k in ipairs { "entities", "quotes", "dates", "quantities" } do
        assert.is_table(m[k], k)
      end
    end
    assert.matches('"quotes":%[%]', lines(o)[2]) -- an empty list, not {}
  end)

  it("leaves them out with --no-extract, and says so in the help", function()
    local o, e, s = lede { "analyze", "--no-extract", fixtures .. "wire.txt" }
    assert.are.equal(0, s)
    assert.are.equal("", e)
    local m = cjson.decode(o)
    for _, k in ipairs { "entities", "quotes", "dates", "quantities" } do assert.is_nil(m[k], k) end
    assert.are.equal(4, #m.sentences)
    assert.matches("%-%-no%-extract", (lede { "help", "analyze" }))
  end)
end)

describe("lede index extraction", function()
  local dir
  local function search(...) return lede { "search", dir, ... } end

  before_each(function() dir = helpers.temp_path() end)
  after_each(function() helpers.remove_dir(dir) end)

  local function index(...)
    local _, err, status = lede { "index", "-o", dir, "--no-progress", ... }
    assert.are.equal(0, status, err)
  end

  local function hit_ids(query)
    local out, err, status = search(query, "--json", "--limit", "100")
    assert.are.equal(0, status, err)
    return helpers.pluck(cjson.decode(out).hits, "id")
  end

  it("finds the defence articles by the Secretary-General's name", function()
    index(DEFENCE, helpers.corpus_dir .. "markets.jsonl")
    local ids = hit_ids('person:"' .. HOLLOWAY .. '"')
    assert.is_true(#ids >= 3)
    for _, id in ipairs(ids) do assert.matches("^defence%-", id) end
  end)

  it("counts speakers and people with --facets", function()
    index(table.unpack(helpers.corpus_files()))
    -- Over the defence story, whose main speaker is the Secretary-General (facets list the top 10).
    local out, err, status = search("training mission", "--facets", "speaker,person", "--json", "--limit", "0")
    assert.are.equal(0, status, err)
    local facets = cjson.decode(out).facets
    local speakers = {}
    for _, f in ipairs(facets.speaker) do speakers[f.value] = f.count end
    assert.is_true(#facets.speaker >= 5)
    assert.is_true((speakers[HOLLOWAY] or 0) >= 1)
    assert.is_true(#facets.person >= 5)
    local text = search("training mission", "--facets", "speaker")
    assert.matches("\nspeaker\n", text)
    assert.matches(HOLLOWAY:gsub("%p", "%%%0"), text)
  end)

  it("adds none with --no-extract, and says so in the help", function()
    index(DEFENCE)
    assert.is_true(#hit_ids('speaker:"' .. HOLLOWAY .. '"') >= 1)
    helpers.remove_dir(dir)
    index("--no-extract", DEFENCE)
    assert.are.same({}, hit_ids('person:"' .. HOLLOWAY .. '"'))
    assert.are.same({}, hit_ids('speaker:"' .. HOLLOWAY .. '"'))
    assert.matches("%-%-no%-extract", (lede { "help", "index" }))
  end)
end)
