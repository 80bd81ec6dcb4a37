-- Summaries: every method, budgets, guards, multi-document, focused summaries, degenerate input.
local lede = require("lede")
local cjson = require("cjson")

local root = debug.getinfo(1, "S").source:match("^@(.*)/spec/[^/]*$") or "."

local function story(name)
  local list = {}
  for line in io.lines(root .. "/examples/corpus/" .. name .. ".jsonl") do
    list[#list + 1] = lede.article(cjson.decode(line))
  end
  return list
end

local function texts(summary)
  local out = {}
  for i, s in ipairs(summary) do out[i] = s.text end
  return out
end

-- Words as word budgets count them: runs of non-blanks (ROUGE's -l convention).
local function words(text)
  local n = 0
  for _ in text:gmatch("%S+") do n = n + 1 end
  return n
end

local METHODS = { "auto", "lead", "luhn", "lexrank", "lexrank-threshold", "textrank", "centroid", "pacsum" }

local WIRE = [[
BRUSSELS (Wire) - NATO defence ministers agreed on Thursday to double the alliance's training mission in Iraq to about 1,000 troops.

The decision followed two days of talks in Brussels. Canada, which leads the mission, will send 250 more trainers.

He added that the first reinforcements would arrive next month. "We are ready," the Secretary-General said. "But the mission stays a training mission."

Diplomats said the expansion would cost about $120 million a year. Several allies had asked for a slower timetable.

Iraq's government welcomed the decision.]]

describe("lede.summarize", function()
  local a = lede.article{ id = "w1", title = "NATO doubles Iraq training mission", text = WIRE, date = "2026-02-13" }

  it("gives every method's sentences as exact spans, in document order", function()
    for _, method in ipairs(METHODS) do
      local summary = lede.summarize(a, { method = method, sentences = 3 })
      assert.equal(3, #summary, method)
      local previous = 0
      for _, s in ipairs(summary) do
        assert.equal(s.text, a.text:sub(s.start, s.stop), method)
        assert.equal("w1", s.id)
        assert.is_true(s.start > previous, method .. ": document order")
        assert.is_number(s.score)
        previous = s.start
      end
    end
  end)

  it("opens with the lead for lead, and keeps the lead in the default summary", function()
    assert.same({
      "BRUSSELS (Wire) - NATO defence ministers agreed on Thursday to double the alliance's training mission in Iraq to about 1,000 troops.",
      "The decision followed two days of talks in Brussels.",
    }, texts(lede.summarize(a, { method = "lead", sentences = 2 })))
    assert.truthy(texts(lede.summarize(a, { sentences = 1 }))[1]:find("double the alliance's training mission", 1, true))
  end)

  it("respects word and byte budgets exactly", function()
    for _, budget in ipairs({ 20, 35, 60 }) do
      local total = 0
      for _, s in ipairs(lede.summarize(a, { words = budget })) do total = total + words(s.text) end
      assert.is_true(total <= budget, "words " .. budget)
      local bytes = -1
      for _, s in ipairs(lede.summarize(a, { bytes = budget * 6 })) do bytes = bytes + #s.text + 1 end
      assert.is_true(bytes <= budget * 6, "bytes " .. budget * 6)
    end
  end)

  it("cuts the last sentence only when asked, and never inside a quotation", function()
    local uncut = lede.summarize(a, { words = 30 })
    local cut = lede.summarize(a, { words = 30, cut = true })
    local n = 0
    for _, s in ipairs(cut) do n = n + words(s.text) end
    assert.is_true(n <= 30)
    assert.is_true(#cut >= #uncut)
    for _, s in ipairs(cut) do
      local opens = select(2, s.text:gsub('"', ""))
      assert.equal(0, opens % 2, "no half quotation: " .. s.text)
    end
  end)

  it("takes a ratio of the sentences", function()
    local all = #a:sentences()
    assert.equal(math.floor(all * 0.4 + 0.5), #lede.summarize(a, { ratio = 0.4 }))
    assert.equal(1, #lede.summarize(a, { ratio = 0.01 }))
  end)

  it("prefers not to open with a dangling pronoun or a quotation's second half", function()
    for _, method in ipairs(METHODS) do
      for _, s in ipairs(lede.summarize(a, { method = method, sentences = 3 })) do
        assert.is_nil(s.text:find("^He added"), method)
      end
    end
  end)

  it("focuses on a query", function()
    local summary = lede.summarize(a, { sentences = 1, query = "cost of the expansion" })
    assert.truthy(summary[1].text:find("$120 million", 1, true))
  end)

  it("refuses a bad budget or method", function()
    assert.has_error(function() lede.summarize(a, { sentences = 2, words = 10 }) end,
      "lede.summarize: give one budget, not both sentences= and words=")
    assert.has_error(function() lede.summarize(a, { ratio = 2 }) end)
    assert.has_error(function() lede.summarize(a, { method = "magic" }) end)
  end)
end)

describe("lede.summarize of several articles", function()
  local storm = story("storm")

  it("keeps sources and dates, orders by date then position, and counts wire copy once", function()
    local summary = lede.summarize(storm, { sentences = 6 })
    assert.equal(6, #summary)
    local by_id = {}
    for _, a in ipairs(storm) do by_id[a.id] = a end
    local last_date, seen = "", {}
    for _, s in ipairs(summary) do
      local a = by_id[s.id]
      assert.equal(s.text, a.text:sub(s.start, s.stop))
      assert.is_true((a.date or "") >= last_date, "ordered by date")
      last_date = a.date or ""
      local key = s.text:gsub("%s+", " ")
      assert.is_nil(seen[key], "a sentence republished by another outlet appears once")
      seen[key] = true
    end
  end)

  it("never gives two near-identical sentences from republished copies", function()
    -- storm-004 republishes storm-003 lightly edited (examples/README.md).
    local pair = {}
    for _, a in ipairs(storm) do
      if a.id == "storm-003" or a.id == "storm-004" then pair[#pair + 1] = a end
    end
    local summary = lede.summarize(pair, { sentences = 8 })
    local opening = 0
    for _, s in ipairs(summary) do
      if s.text:find("Storm Odile s%a+ into the coast") then opening = opening + 1 end
    end
    assert.equal(1, opening)
  end)
end)

describe("lede.summarize on degenerate input", function()
  it("handles an empty article, one sentence, and a budget smaller than any sentence", function()
    for _, method in ipairs(METHODS) do
      assert.same({}, lede.summarize(lede.article(""), { method = method }))
      local one = lede.summarize(lede.article("Only one sentence here."), { method = method, sentences = 3 })
      assert.same({ "Only one sentence here." }, texts(one))
      assert.same({}, lede.summarize(lede.article("A sentence of six words here."), { method = method, words = 2 }))
      local cut = lede.summarize(lede.article("A sentence of six words here."), { method = method, words = 2, cut = true })
      assert.same({ "A sentence" }, texts(cut))
    end
  end)

  it("handles all-identical sentences", function()
    local text = ("The storm hit the coast. "):rep(50)
    for _, method in ipairs(METHODS) do
      local summary = lede.summarize(lede.article(text), { method = method, sentences = 3 })
      assert.is_true(#summary >= 1 and #summary <= 3, method)
    end
  end)

  it("handles 5,000 sentences", function()
    local parts = {}
    for i = 1, 5000 do
      parts[i] = ("Report %d says the ministers discussed item %d and the budget for region %d."):format(i, i % 97, i % 13)
    end
    local a = lede.article(table.concat(parts, " "))
    for _, method in ipairs(METHODS) do
      local summary = lede.summarize(a, { method = method, sentences = 5 })
      assert.equal(5, #summary, method)
    end
  end)
end)
