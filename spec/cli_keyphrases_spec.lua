-- `lede keyphrases` end to end: bin/lede is run as a user runs it and its output is checked
-- against lede.keyphrases for the same articles.
local cjson = require "cjson"
local lede_api = require "lede"
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local lede, lines, escape = helpers.lede, helpers.lines, helpers.escape
local corpus = helpers.corpus_dir
local STORM_PATH = corpus .. "storm.jsonl"

-- The decoded objects of a corpus file, line by line.
local function objects(name)
  local list = {}
  for line in io.lines(corpus .. name .. ".jsonl") do
    if line:find("%S") then list[#list + 1] = cjson.decode(line) end
  end
  return list
end

-- The articles of a corpus file as lede.read makes them.
local function articles(path)
  local list = {}
  for _, a in lede_api.read(path) do list[#list + 1] = a end
  return list
end

-- The first storm article, as plain text in a .txt file.
local STORM = objects("storm")
local TEXT = STORM[1].text
local TXT = helpers.write_temp(TEXT, ".txt")
local TXT_ID = TXT:match("([^/]*)%.txt$")

local function api(text_or_list, n)
  if type(text_or_list) == "string" then text_or_list = lede_api.article { text = text_or_list } end
  return lede_api.keyphrases(text_or_list, n or 10)
end

-- The readable list as the command writes it: "count  text", the counts right-aligned.
local function readable(phrases)
  local width = 0
  for _, p in ipairs(phrases) do width = math.max(width, #tostring(p.count)) end
  local out = {}
  for i, p in ipairs(phrases) do out[i] = string.rep(" ", width - #tostring(p.count)) .. p.count .. "  " .. p.text end
  return out
end

local keyphrases = helpers.command("keyphrases")

local function ok_lines(argv, stdin) return helpers.ok_lines(keyphrases, argv, stdin) end

local decoded_lines = helpers.decoded_lines

local sorted_keys = helpers.sorted_keys

local words = helpers.count_words

local function folded(s)
  return (s:gsub("\u{A0}", " "):gsub("%s+", " "))
end

-- Asserts that the --json keyphrases `got` are the API's `want`, and that every position
-- addresses the phrase in text_of(position): the same number of words, and the phrase as
-- written at one of them at least.
local function assert_detailed(want, got, text_of)
  assert.are.equal(#want, #got)
  for i, p in ipairs(got) do
    assert.are.same({ "count", "positions", "score", "text" }, sorted_keys(p))
    assert.are.equal(want[i].text, p.text)
    assert.are.equal(want[i].count, p.count)
    assert.is_true(math.abs(want[i].score - p.score) < 1e-9, p.text)
    assert.are.equal(#want[i].positions, #p.positions)
    local found = false
    for j, pos in ipairs(p.positions) do
      assert.are.equal(want[i].positions[j].start, pos.start)
      assert.are.equal(want[i].positions[j].stop, pos.stop)
      local written = text_of(pos):sub(pos.start, pos.stop)
      assert.are.equal(words(p.text), words(folded(written)), p.text .. " / " .. written)
      found = found or folded(written) == p.text
    end
    assert.is_true(found, p.text .. " is not written at any of its positions")
  end
end

-- Asserts that the phrases of a readable list start in one column, after "count  ".
local function assert_aligned(list)
  local column
  for _, line in ipairs(list) do
    local c = assert(line:find("%d  %S"), line) + 3
    column = column or c
    assert.are.equal(column, c, line)
  end
end

teardown(function() os.remove(TXT) end)

describe("lede keyphrases", function()
  it("is listed by lede help and documents its options and --multi", function()
    local out = lede { "help" }
    assert.matches("\n  summarize .*\n  keyphrases .*\n  index ", out)
    out = lede { "help", "keyphrases" }
    assert.matches("usage: lede keyphrases %[%-n N%] %[%-%-json%] %[FILE|%-%]", out)
    assert.matches("%-n, %-%-number N", out)
    for _, name in ipairs { "json", "jsonl", "multi", "stories", "strict" } do
      assert.matches("\n +%-%-" .. name .. " ", out)
    end
    assert.matches("This is not `lede summarize %-%-multi`, which reads one story per line", out)
    assert.are.equal(out, (keyphrases { "--help" }))
  end)

  it("prints lede.keyphrases' phrases for a plain-text file, counts aligned, best first", function()
    local got = ok_lines { TXT }
    assert.are.equal(10, #got) -- the default number
    assert.are.same(readable(api(TEXT)), got)
    assert_aligned(got)
  end)

  it("lists at most N phrases with -n N or --number N", function()
    local got = ok_lines { "-n", "3", TXT }
    assert.are.same(readable(api(TEXT, 3)), got)
    assert.are.equal(3, #got)
    assert.are.same(got, ok_lines { "--number=3", TXT })
    assert.are.same(readable(api(TEXT, 25)), ok_lines { TXT, "-n", "25" })
    assert.are.equal(25, #ok_lines { TXT, "-n", "25" })
  end)

  it("reads standard input", function()
    local text = "Gold rose on Monday. Gold traders cheered as gold rose again.\n"
    local got = ok_lines({}, text)
    assert.are.same(readable(api(text)), got)
    assert.matches("^%d  [Gg]old", got[1])
    assert.are.same(got, ok_lines({ "-" }, text))
  end)

  it("writes --json with the id, scores, counts and positions into the text", function()
    local got = decoded_lines(table.concat(ok_lines { "--json", TXT }, "\n") .. "\n")
    assert.are.equal(1, #got)
    local m = got[1]
    assert.are.same({ "id", "keyphrases" }, sorted_keys(m))
    assert.are.equal(TXT_ID, m.id)
    assert_detailed(api(TEXT), m.keyphrases, function() return TEXT end)
    for _, p in ipairs(m.keyphrases) do
      for _, pos in ipairs(p.positions) do assert.are.same({ "start", "stop" }, sorted_keys(pos)) end
    end
  end)

  it("keeps the key order of --json stable", function()
    local out = ok_lines { "--json", "-n", "1", TXT }
    assert.matches('^{"id":"' .. escape(TXT_ID) .. '","keyphrases":%[{"text":"' .. escape(api(TEXT, 1)[1].text) .. '","score":[-0-9.e]+,'
      .. '"count":%d+,"positions":%[{"start":%d+,"stop":%d+}[^%]]*%]}%]}$', out[1])
  end)

  it("reads a .json list, one list per article, separated by an empty line", function()
    local path = helpers.write_temp(cjson.encode { STORM[2], STORM[3] }, ".json")
    local got = ok_lines { "-n", "4", path }
    local json = decoded_lines(table.concat(ok_lines { "--json", "-n", "4", path }, "\n") .. "\n")
    os.remove(path)
    local want = readable(api(lede_api.article { text = STORM[2].text, title = STORM[2].title }, 4))
    want[#want + 1] = ""
    for _, line in ipairs(readable(api(lede_api.article { text = STORM[3].text, title = STORM[3].title }, 4))) do
      want[#want + 1] = line
    end
    assert.are.same(want, got)
    assert.are.same({ STORM[2].id, STORM[3].id }, { json[1].id, json[2].id })
  end)
end)

describe("lede keyphrases usage errors exit 2", function()
  local cases = {
    { { "-n", "0" }, "%-n %(%-%-number%) takes a whole number of at least 1, got '0'" },
    { { "--number=-1" }, "%-n %(%-%-number%) takes a whole number of at least 1, got '%-1'" },
    { { "-n", "1.5" }, "%-n %(%-%-number%) takes a whole number of at least 1, got '1%.5'" },
    { { "-n", "ten" }, "%-n %(%-%-number%) takes a whole number of at least 1, got 'ten'" },
    { { "-n" }, "option '%-n' needs a value %(N%)" },
    { { "--top" }, "unknown option '%-%-top'" },
    { { "extra" }, "unexpected argument 'extra' %(at most 1 expected%)" },
  }
  for _, case in ipairs(cases) do
    it(table.concat(case[1], " "), function()
      local argv = { TXT, table.unpack(case[1]) } -- FILE first: "-n" then lacks its value
      local out, err, status = keyphrases(argv)
      assert.are.equal(2, status)
      assert.are.equal("", out)
      assert.matches("^lede keyphrases: " .. case[2] .. "\n", err)
      assert.matches("run 'lede help keyphrases'", err)
    end)
  end
end)

-- Three good articles, one with a numeric id and one without; a bad line between them.
local BAD_INPUT = '{"id": "g1", "text": "Gold rose on Monday. Gold traders cheered."}\n'
  .. '{"id": "g2", "text": 3}\n'
  .. "\n"
  .. '{"id": 7, "text": "Gold slipped. Copper was flat."}\n'
  .. '{"text": "Tin rose. Gold held."}\n'
  .. "{oops\n"

describe("lede keyphrases --jsonl", function()
  it("writes one line per article, ids kept, the texts lede.keyphrases finds", function()
    local got = decoded_lines((keyphrases { "--jsonl", "-n", "5", STORM_PATH }))
    assert.are.equal(#STORM, #got)
    for i, a in ipairs(articles(STORM_PATH)) do
      assert.are.same({ "id", "keyphrases" }, sorted_keys(got[i]))
      assert.are.equal(STORM[i].id, got[i].id)
      local want = {}
      for k, p in ipairs(api(a, 5)) do want[k] = p.text end
      assert.are.equal(5, #want)
      assert.are.same(want, got[i].keyphrases)
    end
  end)

  it("is implied by a .jsonl FILE", function()
    local implied, err, status = keyphrases { STORM_PATH }
    assert.are.equal(0, status)
    assert.are.equal("", err)
    assert.are.equal((keyphrases { "--jsonl", STORM_PATH }), implied)
    assert.are.equal(#STORM, #lines(implied))
  end)

  it("writes the --json form per line with --json", function()
    local got = decoded_lines((keyphrases { "--jsonl", "--json", STORM_PATH }))
    local list = articles(STORM_PATH)
    assert.are.equal(#STORM, #got)
    for i, m in ipairs(got) do
      assert.are.equal(STORM[i].id, m.id)
      assert_detailed(api(list[i]), m.keyphrases, function() return STORM[i].text end)
    end
  end)

  it("reports bad lines by number, skips them, counts them and exits 1", function()
    local out, err, status = keyphrases({ "--jsonl", "-" }, BAD_INPUT)
    assert.are.equal(1, status)
    local ids = {}
    for i, m in ipairs(decoded_lines(out)) do ids[i] = m.id == cjson.null and "none" or m.id end
    assert.are.same({ "g1", "7", "none" }, ids)
    local e = lines(err)
    assert.are.equal(3, #e)
    assert.matches("^lede: stdin:2: no text", e[1])
    assert.matches("^lede: stdin:6: invalid JSON", e[2])
    assert.are.equal("lede: 2 of 5 lines skipped", e[3])
  end)

  it("stops at the first bad line with --strict", function()
    local out, err, status = keyphrases({ "--jsonl", "--strict" }, BAD_INPUT)
    assert.are.equal(1, status)
    assert.are.equal(1, #lines(out))
    assert.are.equal(1, #lines(err))
    assert.matches("^lede: stdin:2: ", err)
  end)
end)

describe("lede keyphrases --multi", function()
  local list = articles(STORM_PATH)

  it("lists the keyphrases of all the articles of the file together, Storm Odile in the top 5", function()
    local got = ok_lines { "--multi", STORM_PATH }
    assert.are.same(readable(api(list)), got)
    local widths = {}
    for _, line in ipairs(got) do widths[#line:match("%d+")] = true end
    assert.is_true(#sorted_keys(widths) > 1, "counts all of one width: alignment untested")
    assert_aligned(got)
    local rank
    for i, line in ipairs(got) do
      if line:match("^ *%d+  Storm Odile$") then rank = rank or i end
    end
    assert.is_true(rank ~= nil and rank <= 5, "Storm Odile not in the top 5:\n" .. table.concat(got, "\n"))
    -- one list for the story, not one per article
    assert.are_not.same(readable(api(list[1])), got)
    assert.are.same(got, ok_lines({ "--multi" }, helpers.read_file(STORM_PATH)))
  end)

  it("writes one --json object whose positions name the article they are in", function()
    local got = decoded_lines((keyphrases { "--multi", "--json", "-n", "5", STORM_PATH }))
    assert.are.equal(1, #got)
    assert.are.same({ "keyphrases" }, sorted_keys(got[1]))
    local text = {}
    for _, o in ipairs(STORM) do text[o.id] = o.text end
    local sources = {}
    assert_detailed(api(list, 5), got[1].keyphrases, function(pos)
      assert.are.same({ "source", "start", "stop" }, sorted_keys(pos))
      sources[pos.source] = true
      return assert(text[pos.source], "no article " .. tostring(pos.source))
    end)
    assert.are.equal(#STORM, #sorted_keys(sources)) -- the phrases come from every article
  end)

  it("counts bad lines, exits 1 and lists the good ones; --strict lists nothing", function()
    local out, err, status = keyphrases({ "--multi", "--json" }, BAD_INPUT)
    assert.are.equal(1, status)
    local e = lines(err)
    assert.are.equal(3, #e)
    assert.matches("^lede: stdin:2: no text", e[1])
    assert.matches("^lede: stdin:6: invalid JSON", e[2])
    assert.are.equal("lede: 2 of 5 lines skipped", e[3])
    local got = decoded_lines(out)
    assert.are.equal(1, #got)
    local good = {}
    local texts = {
      ["g1"] = "Gold rose on Monday. Gold traders cheered.",
      ["7"] = "Gold slipped. Copper was flat.",
      ["5"] = "Tin rose. Gold held.", -- no id: named by its line number
    }
    for _, id in ipairs { "g1", "7", "5" } do good[#good + 1] = lede_api.article { id = id, text = texts[id] } end
    local sources = {}
    assert_detailed(api(good), got[1].keyphrases, function(pos)
      sources[pos.source] = true
      return assert(texts[pos.source], "no article " .. tostring(pos.source))
    end)
    assert.is_true(sources["5"] and sources["g1"] and sources["7"])

    out, err, status = keyphrases({ "--multi", "--strict", "-" }, BAD_INPUT)
    assert.are.equal(1, status)
    assert.are.equal("", out)
    assert.are.equal(1, #lines(err))
    assert.matches("^lede: stdin:2: ", err)
  end)
end)

describe("lede keyphrases --stories", function()
  local DEFENCE = objects("defence-ministers")
  local function article(o, keep_id)
    return { id = keep_id and o.id or nil, text = o.text, title = o.title, date = o.date, source = o.source }
  end
  local stories = {
    { id = "defence", articles = { article(DEFENCE[1], true), article(DEFENCE[2], true) } },
    { id = 7, articles = { article(STORM[1]), article(STORM[2]) } },
  }
  local body = cjson.encode(stories[1]) .. "\n\n" .. cjson.encode(stories[2]) .. "\n"

  -- The API's keyphrases of story s, and the text of each of its articles by name.
  local function story(s, n)
    local list, text = {}, {}
    for i, a in ipairs(stories[s].articles) do
      local id = a.id or string.format("%d", i)
      list[i] = lede_api.article(helpers.merged(a, { id = id }))
      text[id] = a.text
    end
    return api(list, n), text
  end

  it("writes one line per story of summarize's --multi format", function()
    local got = decoded_lines((keyphrases({ "--stories", "-n", "6" }, body)))
    assert.are.equal(2, #got)
    assert.are.same({ "defence", "7" }, { got[1].id, got[2].id })
    for s, m in ipairs(got) do
      assert.are.same({ "id", "keyphrases" }, sorted_keys(m))
      local want = {}
      for i, p in ipairs((story(s, 6))) do want[i] = p.text end
      assert.are.equal(6, #want)
      assert.are.same(want, m.keyphrases)
    end
    assert.are.equal("Storm Odile", got[2].keyphrases[1])
  end)

  it("writes positions naming each story's articles with --json; reports bad stories", function()
    local input = body .. '{"id": "empty", "articles": []}\n'
    local out, err, status = keyphrases({ "--stories", "--json" }, input)
    assert.are.equal(1, status)
    assert.matches("^lede: stdin:4: no articles", err)
    assert.matches("\nlede: 1 of 3 lines skipped\n$", err)
    local got = decoded_lines(out)
    assert.are.equal(2, #got)
    for s, m in ipairs(got) do
      local want, text = story(s)
      assert_detailed(want, m.keyphrases, function(pos) return assert(text[pos.source], tostring(pos.source)) end)
    end
    -- articles without ids are named by their place in the story
    for _, p in ipairs(got[2].keyphrases) do
      for _, pos in ipairs(p.positions) do assert.truthy(pos.source == "1" or pos.source == "2") end
    end
  end)
end)
