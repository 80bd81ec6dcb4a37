-- bin/lede end to end: the script is run as a user runs it, and its stdout, stderr and exit
-- status are checked. It inherits LUA_PATH/LUA_CPATH (and LEDE_CORE in the sanitizer run).
local cjson = require "cjson"
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local lede, lede_bin, fixtures = helpers.lede, helpers.lede_bin, helpers.fixtures
local q, slurp, lines, escape = helpers.quote, helpers.read_file, helpers.lines, helpers.escape

local WIRE = slurp(fixtures .. "wire.txt")

describe("lede help and version", function()
  it("prints the version of the module", function()
    local out, err, status = lede { "--version" }
    assert.are.equal(0, status)
    assert.are.equal("lede " .. require("lede").version .. "\n", out)
    assert.are.equal("", err)
  end)

  it("lists every command for --help and for help", function()
    for _, argv in ipairs { { "--help" }, { "help" } } do
      local out, _, status = lede(argv)
      assert.are.equal(0, status)
      for _, name in ipairs { "analyze", "sentences", "demo", "help" } do
        assert.matches("\n  " .. name .. " ", out)
      end
    end
  end)

  it("documents a command's options, by help COMMAND and by COMMAND --help", function()
    local out, _, status = lede { "help", "analyze" }
    assert.are.equal(0, status)
    assert.matches("usage: lede analyze", out)
    assert.matches("%-%-jsonl", out)
    assert.matches("%-%-strict", out)
    assert.are.equal(out, (lede { "analyze", "--help" }))
  end)

  it("shows usage on stderr and exits 2 with no command", function()
    local out, err, status = lede {}
    assert.are.equal(2, status)
    assert.are.equal("", out)
    assert.matches("usage: lede COMMAND", err)
  end)
end)

describe("lede usage errors exit 2 and say what to run", function()
  local cases = {
    { { "frob" }, "unknown command 'frob'", "lede help" },
    { { "--frob" }, "unknown option '%-%-frob'", "lede help" },
    { { "help", "frob" }, "unknown command 'frob'", "lede help help" },
    { { "analyze", "--bogus" }, "unknown option '%-%-bogus'", "lede help analyze" },
    { { "analyze", "-x" }, "unknown option '%-x'", "lede help analyze" },
    { { "analyze", "--title" }, "option '%-%-title' needs a value", "lede help analyze" },
    { { "analyze", "--tokens=yes" }, "option '%-%-tokens' takes no value", "lede help analyze" },
    { { "sentences", "a.txt", "b.txt" }, "unexpected argument 'b%.txt'", "lede help sentences" },
    { { "analyze", "--jsonl", "--id", "x" }, "%-%-id cannot be used with JSONL", "lede help analyze" },
  }
  for _, case in ipairs(cases) do
    it(table.concat(case[1], " "), function()
      local out, err, status = lede(case[1])
      assert.are.equal(2, status)
      assert.are.equal("", out)
      assert.matches(case[2], err)
      assert.matches("run '" .. case[3] .. "'", err)
      assert.not_matches("traceback", err)
    end)
  end
end)

describe("lede sentences", function()
  it("prints one sentence per line from a file", function()
    local out, err, status = lede { "sentences", fixtures .. "wire.txt" }
    assert.are.equal(0, status)
    assert.are.equal("", err)
    local got = lines(out)
    assert.are.equal(4, #got)
    assert.matches("^LISBON %(Reuters%) %- Portugal's central bank", got[1])
    assert.matches("in its previous estimate%.$", got[2])
    assert.matches("^Finance Minister Joana Reis", got[3])
    assert.matches("told reporters in Lisbon%.$", got[4])
  end)

  it("reads stdin, with - or no file, and folds inner line breaks and tabs into spaces", function()
    local text = "Showers continued throughout the week in\nthe Bahia cocoa zone,\t\teasing the"
      .. "   drought.\n\nArrivals for the week rose sharply.\n"
    local want = "Showers continued throughout the week in the Bahia cocoa zone, easing the drought.\n"
      .. "Arrivals for the week rose sharply.\n"
    for _, argv in ipairs { { "sentences", "-" }, { "sentences" } } do
      local out, _, status = lede(argv, text)
      assert.are.equal(0, status)
      assert.are.equal(want, out)
    end
  end)

  it("exits 1 naming a file it cannot open", function()
    local out, err, status = lede { "sentences", "/nonexistent/story.txt" }
    assert.are.equal(1, status)
    assert.are.equal("", out)
    assert.matches("^lede: cannot open /nonexistent/story%.txt: ", err)
  end)
end)

describe("lede analyze", function()
  it("prints the article model whose spans are exact", function()
    local out, err, status = lede { "analyze", fixtures .. "wire.txt" }
    assert.are.equal(0, status)
    assert.are.equal("", err)
    assert.are.equal(1, #lines(out))
    local m = cjson.decode(out)
    assert.are.equal("wire", m.id)
    assert.are.equal(cjson.null, m.title)
    assert.are.equal(0, m.invalid_utf8)
    assert.are.equal(2, #m.paragraphs)
    assert.are.equal(4, #m.sentences)
    assert.are.equal(4, m.counts.sentences)
    assert.are.equal(2, m.counts.paragraphs)
    assert.is_nil(m.tokens)
    for _, s in ipairs(m.sentences) do
      assert.are.equal(s.text, WIRE:sub(s.start, s.stop))
    end
    assert.matches("^Finance Minister", WIRE:sub(m.paragraphs[2].start, m.paragraphs[2].stop))
    assert.matches('"authors":%[%]', out) -- an empty list, not {}
  end)

  it("takes --title, --date and --id", function()
    local out, _, status = lede({ "analyze", "--title", "Portugal cuts forecast", "--date=2020-02-11",
      "--id", "lisbon-1", "-" }, WIRE)
    assert.are.equal(0, status)
    local m = cjson.decode(out)
    assert.are.equal("Portugal cuts forecast", m.title)
    assert.are.equal("lisbon-1", m.id)
    assert.matches("^2020%-02%-11", m.date)
  end)

  it("adds tokens with --tokens, spans exact", function()
    local out, _, status = lede({ "analyze", "--tokens" }, WIRE)
    assert.are.equal(0, status)
    local m = cjson.decode(out)
    assert.are.equal(m.counts.tokens, #m.tokens)
    local kinds = {}
    for _, t in ipairs(m.tokens) do
      assert.are.equal(t.text, WIRE:sub(t.start, t.stop))
      assert.are.equal("boolean", type(t.stopword))
      kinds[t.kind] = true
      assert.is_string(t.lower)
      assert.is_string(t.stem)
    end
    assert.is_true(kinds.word)
    assert.is_true(kinds.number) -- 1.2 percent
  end)

  it("counts invalid UTF-8 in the input", function()
    local out, _, status = lede({ "analyze" }, "Prices rose \255 sharply on Monday.\n")
    assert.are.equal(0, status)
    assert.are.equal(1, cjson.decode(out).invalid_utf8)
  end)

  it("reads a .json article with its fields, writing URLs unescaped", function()
    local out, _, status = lede { "analyze", fixtures .. "wire.json" }
    assert.are.equal(0, status)
    local m = cjson.decode(out)
    assert.are.equal("1987", m.id)
    assert.are.equal("Reuters", m.source)
    assert.are.same({ "Dan Okafor" }, m.authors)
    assert.are.equal(2, #m.sentences)
    assert.matches('"url":"https://example.com/markets/copper"', out, 1, true)
  end)

  it("exits 1 with one line quoting a bad date", function()
    local out, err, status = lede({ "analyze", "--date", "last Tuesday" }, WIRE)
    assert.are.equal(1, status)
    assert.are.equal("", out)
    assert.matches("^lede: .*last Tuesday", err)
    assert.are.equal(1, #lines(err))
    assert.not_matches("%.lua:%d+:", err)
  end)
end)

describe("lede analyze --jsonl", function()
  local path = fixtures .. "wire.jsonl"

  local function ids(out)
    local t = {}
    for _, line in ipairs(lines(out)) do t[#t + 1] = cjson.decode(line).id end
    return t
  end

  it("writes a line per good article and reports bad lines by number", function()
    local out, err, status = lede { "analyze", "--jsonl", path }
    assert.are.equal(1, status)
    assert.are.same({ "w1", "7", "w6" }, ids(out))
    local e = lines(err)
    assert.are.equal(4, #e)
    assert.matches("^lede: " .. escape(path) .. ":4: invalid JSON", e[1])
    assert.matches("^lede: " .. escape(path) .. ":5: no text", e[2])
    assert.matches("^lede: " .. escape(path) .. ":6: .*last Tuesday", e[3])
    assert.are.equal("lede: 3 of 6 lines skipped", e[4])
  end)

  it("keeps every field of a good line", function()
    local out = lede { "analyze", path }  -- .jsonl implies --jsonl
    local m = cjson.decode(lines(out)[1])
    assert.are.equal("Portugal cuts growth forecast", m.title)
    assert.are.equal("Reuters", m.source)
    assert.are.same({ "Ana Lopes" }, m.authors)
    assert.are.equal("https://example.com/news/w1", m.url)
    assert.are.equal(2, #m.sentences)
  end)

  it("stops at the first bad line with --strict", function()
    local out, err, status = lede { "analyze", "--jsonl", "--strict", path }
    assert.are.equal(1, status)
    assert.are.same({ "w1", "7" }, ids(out))
    assert.matches("^lede: " .. escape(path) .. ":4: invalid JSON", err)
    assert.are.equal(1, #lines(err)) -- no summary: nothing after line 4 was read
  end)

  it("reads stdin and exits 0 when every line is good", function()
    local input = '{"id": "s1", "text": "Gold rose on Monday."}\n\n'
      .. '{"id": "s2", "text": "Silver fell. Platinum was flat."}\n'
    local out, err, status = lede({ "analyze", "--jsonl", "--tokens" }, input)
    assert.are.equal(0, status)
    assert.are.equal("", err)
    assert.are.same({ "s1", "s2" }, ids(out))
    assert.is_table(cjson.decode(lines(out)[2]).tokens)
  end)

  it("names stdin in line reports", function()
    local _, err, status = lede({ "analyze", "--jsonl", "-" }, '{"text": "Fine."}\n{"text": 3}\n')
    assert.are.equal(1, status)
    assert.matches("^lede: stdin:2: no text", err)
  end)
end)

describe("lede demo", function()
  it("shows each article and the totals", function()
    local dir = helpers.temp_dir()
    helpers.write_file(dir .. "/wire.jsonl", slurp(fixtures .. "wire.jsonl"):match("^[^\n]*\n")
      .. '{"title": "Rand firms", "source": "Reuters", "text": "The rand firmed on Monday."}\n')
    local out, err, status = lede { "demo", dir }
    helpers.remove_dir(dir)
    assert.are.equal(0, status)
    assert.are.equal("", err)
    assert.matches("Portugal cuts growth forecast", out)
    assert.matches("date +2020%-02%-14", out)
    assert.matches("source +Reuters", out)
    assert.matches("terms +%S+ %d", out)
    assert.matches("Rand firms", out)
    assert.matches("\ntotal: 2 articles in 1 file: ", out)
  end)

  it("exits 1 for a directory that is not there", function()
    local _, err, status = lede { "demo", "/nonexistent/corpus" }
    assert.are.equal(1, status)
    assert.matches("^lede: cannot open /nonexistent/corpus", err)
  end)
end)

describe("bin/lede", function()
  it("finds its checkout through a symlink, without LUA_PATH", function()
    local dir = helpers.temp_dir()
    assert(os.execute("ln -s " .. q(lede_bin) .. " " .. q(dir .. "/lede")))
    local out, status = helpers.sh("cd / && env -u LUA_PATH " .. q(dir .. "/lede") .. " --version 2>&1")
    helpers.remove_dir(dir)
    assert.are.equal(0, status)
    assert.matches("^lede %S+\n$", out)
  end)
end)
