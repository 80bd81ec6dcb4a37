-- `lede summarize` end to end: bin/lede is run as a user runs it and its output is checked
-- against lede.summarize for the same articles and options.
local cjson = require "cjson"
local lede_api = require "lede"
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local lede, lines, escape = helpers.lede, helpers.lines, helpers.escape
local corpus = helpers.corpus_dir

local METHODS = { "auto", "lead", "luhn", "lexrank", "lexrank-threshold", "textrank", "centroid", "pacsum" }

-- The decoded objects of a corpus file, line by line.
local function objects(name)
  local list = {}
  for line in io.lines(corpus .. name .. ".jsonl") do
    if line:find("%S") then list[#list + 1] = cjson.decode(line) end
  end
  return list
end

-- The first article of defence-ministers.jsonl, as plain text in a .txt file.
local DEFENCE = objects("defence-ministers")
local TEXT = DEFENCE[1].text
local TXT = helpers.write_temp(TEXT, ".txt")
local TXT_ID = TXT:match("([^/]*)%.txt$")

local function one_line(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- The sentence texts lede.summarize chooses for a plain-text article, one line each.
local function expected(opts, text)
  local out = {}
  for i, s in ipairs(lede_api.summarize(lede_api.article { text = text or TEXT }, opts)) do
    out[i] = one_line(s.text)
  end
  return out
end

local summarize = helpers.command("summarize")

local function ok_lines(argv, stdin) return helpers.ok_lines(summarize, argv, stdin) end

local decoded_lines = helpers.decoded_lines

local sorted_keys = helpers.sorted_keys

teardown(function() os.remove(TXT) end)

describe("lede summarize", function()
  it("is listed by lede help and documents its options", function()
    local out = lede { "help" }
    assert.matches("\n  summarize ", out)
    out = lede { "help", "summarize" }
    assert.matches("usage: lede summarize", out)
    for _, name in ipairs { "method", "sentences", "words", "bytes", "ratio", "cut", "query", "json",
                            "jsonl", "multi", "strict" } do
      assert.matches("%-%-" .. name, out)
    end
    assert.are.equal(out, (summarize { "--help" }))
  end)

  it("prints lede.summarize's sentences, one per line, for a plain-text file", function()
    local got = ok_lines { TXT }
    assert.are.equal(3, #got) -- the default budget
    assert.are.same(expected {}, got)
    assert.matches("^BRUSSELS %(Continental Press%)", got[1])
  end)

  it("reads standard input, and folds white space inside a sentence", function()
    local text = "Prices   rose\nsharply on Monday.\n\nTraders\tsaid demand was strong.\n"
    local got = ok_lines({}, text)
    assert.are.same({ "Prices rose sharply on Monday.", "Traders said demand was strong." }, got)
    assert.are.same(got, ok_lines({ "-" }, text))
  end)

  it("writes --json with the id, the method and exact spans", function()
    local got = decoded_lines(table.concat(ok_lines { "--json", TXT }, "\n") .. "\n")
    assert.are.equal(1, #got)
    local m = got[1]
    assert.are.same({ "id", "method", "summary" }, sorted_keys(m))
    assert.are.equal(TXT_ID, m.id)
    assert.are.equal("auto", m.method)
    local api = lede_api.summarize(lede_api.article { text = TEXT }, {})
    assert.are.equal(#api, #m.summary)
    for i, s in ipairs(m.summary) do
      assert.are.same({ "score", "start", "stop", "text" }, sorted_keys(s))
      assert.are.equal(s.text, TEXT:sub(s.start, s.stop))
      assert.are.equal(api[i].text, s.text)
      assert.are.equal(api[i].start, s.start)
      assert.are.equal(api[i].stop, s.stop)
      assert.is_true(math.abs(api[i].score - s.score) < 1e-9)
    end
  end)

  it("keeps the key order of --json stable", function()
    local out = ok_lines { "--json", "--sentences", "1", TXT }
    assert.matches('^{"id":"' .. escape(TXT_ID) .. '","method":"auto","summary":%[{"text":"[^"]*","score":[-0-9.e]+,'
      .. '"start":1,"stop":%d+}%]}$', out[1])
  end)

  it("reads a .json article and names the summary by its id", function()
    local path = helpers.write_temp(cjson.encode(DEFENCE[2]), ".json")
    local m = cjson.decode(ok_lines { "--json", path }[1])
    os.remove(path)
    assert.are.equal(DEFENCE[2].id, m.id)
    for _, s in ipairs(m.summary) do assert.are.equal(s.text, DEFENCE[2].text:sub(s.start, s.stop)) end
  end)

  describe("budgets", function()
    local default = expected {}
    local cases = {
      { { "--sentences", "2" }, { sentences = 2 } },
      { { "--sentences", "5" }, { sentences = 5 } },
      { { "--words", "40" }, { words = 40 } },
      { { "--words", "30", "--cut" }, { words = 30, cut = true } },
      { { "--bytes", "300" }, { bytes = 300 } },
      { { "--ratio", "0.5" }, { ratio = 0.5 } },
      { { "--ratio=0.1" }, { ratio = 0.1 } },
    }
    for _, case in ipairs(cases) do
      it(table.concat(case[1], " "), function()
        local argv = { table.unpack(case[1]) }
        argv[#argv + 1] = TXT
        local got = ok_lines(argv)
        assert.are.same(expected(case[2]), got)
        assert.are_not.same(default, got) -- the option made a difference
      end)
    end

    it("holds to the budget it is given", function()
      assert.are.equal(2, #ok_lines { "--sentences", "2", TXT })
      local words = 0
      for _, line in ipairs(ok_lines { "--words", "40", TXT }) do
        for _ in line:gmatch("%S+") do words = words + 1 end
      end
      assert.is_true(words > 0 and words <= 40, "words: " .. words)
    end)

    it("--cut ends the last sentence early under a word budget", function()
      local cut = ok_lines { "--words", "30", "--cut", TXT }
      local whole = TEXT:gsub("%s+", " ")
      local cut_short = false
      for _, line in ipairs(cut) do
        assert.truthy(whole:find(line, 1, true))
        cut_short = cut_short or not line:match("[.\"”]$")
      end
      assert.is_true(cut_short)
    end)
  end)

  it("follows --method for every method", function()
    for _, method in ipairs(METHODS) do
      local m = cjson.decode(ok_lines { "--json", "--method", method, TXT }[1])
      assert.are.equal(method, m.method)
      local texts = {}
      for i, s in ipairs(m.summary) do texts[i] = one_line(s.text) end
      assert.are.same(expected { method = method }, texts, method)
    end
    assert.are_not.same(ok_lines { "--method", "lead", "--sentences", "5", TXT },
      ok_lines { "--method", "lexrank", "--sentences", "5", TXT })
  end)

  it("focuses the summary with --query", function()
    local got = ok_lines { "--query", "Canada personnel", "--sentences", "2", TXT }
    assert.are.same(expected { query = "Canada personnel", sentences = 2 }, got)
    assert.are_not.same(expected { sentences = 2 }, got)
    assert.matches("Canada", table.concat(got, " "))
  end)
end)

describe("lede summarize usage errors exit 2", function()
  local cases = {
    { { "--sentences", "2", "--words", "10" }, "give one budget, not both %-%-sentences and %-%-words" },
    { { "--bytes", "100", "--ratio", "0.5" }, "give one budget, not both %-%-bytes and %-%-ratio" },
    { { "--method", "best" }, "unknown method 'best' %(methods: auto, lead, luhn, lexrank, lexrank%-threshold, "
      .. "textrank, centroid, pacsum%)" },
    { { "--sentences", "0" }, "%-%-sentences takes a whole number of at least 1, got '0'" },
    { { "--words", "many" }, "%-%-words takes a whole number of at least 1, got 'many'" },
    { { "--ratio", "1.5" }, "%-%-ratio takes a number above 0 and at most 1, got '1%.5'" },
    { { "--query" }, "option '%-%-query' needs a value %(Q%)" },
  }
  for _, case in ipairs(cases) do
    it(table.concat(case[1], " "), function()
      local argv = { TXT, table.unpack(case[1]) } -- FILE first: "--query" then lacks its value
      local out, err, status = summarize(argv)
      assert.are.equal(2, status)
      assert.are.equal("", out)
      assert.matches("^lede summarize: " .. case[2] .. "\n", err)
      assert.matches("run 'lede help summarize'", err)
    end)
  end
end)

describe("lede summarize --jsonl", function()
  local storm = corpus .. "storm.jsonl"
  local STORM = objects("storm")

  it("writes one line per article, ids kept, the texts lede.summarize chooses", function()
    local got = decoded_lines((summarize { "--jsonl", "--sentences", "2", storm }))
    assert.are.equal(#STORM, #got)
    local i = 0
    for _, a in lede_api.read(storm) do
      i = i + 1
      assert.are.same({ "id", "summary" }, sorted_keys(got[i]))
      assert.are.equal(STORM[i].id, got[i].id)
      local want = {}
      for k, s in ipairs(lede_api.summarize(a, { sentences = 2 })) do want[k] = s.text end
      assert.are.equal(2, #want)
      assert.are.same(want, got[i].summary)
    end
  end)

  it("is implied by a .jsonl FILE", function()
    local implied, err, status = summarize { storm }
    assert.are.equal(0, status)
    assert.are.equal("", err)
    assert.are.equal((summarize { "--jsonl", storm }), implied)
    assert.are.equal(#STORM, #lines(implied))
  end)

  it("writes the --json form per line with --json", function()
    local got = decoded_lines((summarize { "--jsonl", "--json", storm }))
    assert.are.equal(#STORM, #got)
    for i, m in ipairs(got) do
      assert.are.equal(STORM[i].id, m.id)
      assert.are.equal("auto", m.method)
      assert.are.equal(3, #m.summary)
      for _, s in ipairs(m.summary) do assert.are.equal(s.text, STORM[i].text:sub(s.start, s.stop)) end
    end
  end)

  local input = '{"id": "s1", "text": "Gold rose on Monday. Silver fell."}\n'
    .. '{"id": "s2", "text": 3}\n'
    .. "\n"
    .. '{"id": 7, "text": "Copper was flat. Tin slipped."}\n'
    .. "{oops\n"

  it("reports bad lines by number, skips them, counts them and exits 1", function()
    local out, err, status = summarize({ "--jsonl", "-" }, input)
    assert.are.equal(1, status)
    local ids = {}
    for i, m in ipairs(decoded_lines(out)) do ids[i] = m.id end
    assert.are.same({ "s1", "7" }, ids)
    local e = lines(err)
    assert.are.equal(3, #e)
    assert.matches("^lede: stdin:2: no text", e[1])
    assert.matches("^lede: stdin:5: invalid JSON", e[2])
    assert.are.equal("lede: 2 of 4 lines skipped", e[3])
  end)

  it("stops at the first bad line with --strict", function()
    local out, err, status = summarize({ "--jsonl", "--strict" }, input)
    assert.are.equal(1, status)
    assert.are.equal(1, #lines(out))
    assert.are.equal(1, #lines(err))
    assert.matches("^lede: stdin:2: ", err)
  end)
end)

describe("lede summarize --multi", function()
  -- Two stories from the sample corpus: three defence articles with their ids, and two storm
  -- articles without ids under a numeric story id.
  local STORM = objects("storm")
  local function article(o, keep_id)
    return { id = keep_id and o.id or nil, text = o.text, title = o.title, date = o.date, source = o.source }
  end
  local stories = {
    { id = "defence", articles = { article(DEFENCE[1], true), article(DEFENCE[2], true), article(DEFENCE[3], true) } },
    { id = 7, articles = { article(STORM[1]), article(STORM[2]) } },
  }
  local body = cjson.encode(stories[1]) .. "\n\n" .. cjson.encode(stories[2]) .. "\n"
  local path

  before_each(function() path = helpers.write_temp(body, ".jsonl") end)
  after_each(function() os.remove(path) end)

  -- The input article a source id names in story s.
  local function source_text(s, id)
    for i, a in ipairs(stories[s].articles) do
      if (a.id or string.format("%d", i)) == id then return a.text end
    end
  end

  it("summarizes each line's articles as one, keeping the id and each sentence's source", function()
    local got = decoded_lines((summarize { "--multi", "--jsonl", path }))
    assert.are.equal(2, #got)
    assert.are.same({ "defence", "7" }, { got[1].id, got[2].id })
    for s, m in ipairs(got) do
      assert.are.same({ "id", "sources", "summary" }, sorted_keys(m))
      assert.are.equal(3, #m.summary)
      assert.are.equal(#m.summary, #m.sources)
      for i, text in ipairs(m.summary) do
        local from = source_text(s, m.sources[i])
        assert.is_string(from, "source " .. tostring(m.sources[i]) .. " is not an input article")
        assert.truthy(from:find(text, 1, true), "sentence " .. i .. " is not from its source")
      end
      -- the same choice as the API makes for the same articles
      local list = {}
      for i, a in ipairs(stories[s].articles) do
        list[i] = lede_api.article(helpers.merged(a, { id = a.id or string.format("%d", i) }))
      end
      local want, want_sources = {}, {}
      for i, c in ipairs(lede_api.summarize(list, {})) do want[i], want_sources[i] = c.text, c.id end
      assert.are.same(want, m.summary)
      assert.are.same(want_sources, m.sources)
    end
    -- articles without ids are named by their place
    for _, id in ipairs(got[2].sources) do assert.truthy(id == "1" or id == "2") end
    -- a story summary draws on more than one article
    local distinct = {}
    for _, id in ipairs(got[1].sources) do distinct[id] = true end
    assert.is_true(#sorted_keys(distinct) > 1)
  end)

  it("takes the budget, method and --json options", function()
    local got = decoded_lines((summarize { "--multi", "--json", "--sentences", "2", "--method", "lexrank", path }))
    assert.are.equal(2, #got)
    for s, m in ipairs(got) do
      assert.are.equal("lexrank", m.method)
      assert.are.equal(2, #m.summary)
      for _, item in ipairs(m.summary) do
        assert.are.same({ "score", "source", "start", "stop", "text" }, sorted_keys(item))
        assert.are.equal(item.text, source_text(s, item.source):sub(item.start, item.stop))
      end
    end
  end)

  it("reports bad stories by line and exits 1; --strict stops at the first", function()
    local input = body .. '{"id": "empty", "articles": []}\n'
      .. '{"id": "notext", "articles": [{"id": "x"}]}\n' .. "[1]\n"
    local out, err, status = summarize({ "--multi" }, input)
    assert.are.equal(1, status)
    assert.are.equal(2, #lines(out))
    local e = lines(err)
    assert.are.equal(4, #e)
    assert.matches("^lede: stdin:4: no articles", e[1])
    assert.matches("^lede: stdin:5: articles%[1%]: no text", e[2])
    assert.matches("^lede: stdin:6: expected a JSON object", e[3])
    assert.are.equal("lede: 3 of 5 lines skipped", e[4])

    out, err, status = summarize({ "--multi", "--strict", "-" }, input)
    assert.are.equal(1, status)
    assert.are.equal(2, #lines(out))
    assert.are.equal(1, #lines(err))
  end)
end)
