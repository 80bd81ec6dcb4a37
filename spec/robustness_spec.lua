-- Bad input never crashes: it gives a sane analysis or a clear error.
local lede = require("lede")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local joined = helpers.pluck

describe("bad input", function()
  it("analyses invalid UTF-8, reports it, and keeps offsets on the original bytes", function()
    local text = "Caf\xE9 owners met. The \xFF\xFE vote was \xC3 close."
    local a = lede.article(text)
    assert.equal(4, a.invalid_utf8)
    assert.equal(2, #a:sentences())
    for _, t in ipairs(a:tokens()) do assert.equal(t.text, text:sub(t.start, t.stop)) end
    assert.equal(0, lede.article("Clean text.").invalid_utf8)
  end)

  it("treats NUL bytes as blanks", function()
    local a = lede.article("Troops\0arrived.\0\0Then they left.")
    assert.same({ "Troops", "arrived", ".", "Then", "they", "left", "." }, joined(a:tokens(), "text"))
    assert.equal(2, #a:sentences())
  end)

  it("handles empty and blank texts", function()
    for _, text in ipairs({ "", " ", "\n\n\n", "\t \r\n" }) do
      local a = lede.article(text)
      assert.same({ paragraphs = 0, sentences = 0, tokens = 0, words = 0 }, a:counts())
      assert.same({}, a:terms())
    end
  end)

  it("handles CRLF, tabs, non-breaking spaces, curly quotes, dashes and ellipses", function()
    local a = lede.article("LONDON\u{A0}—\u{A0}“We’re ready,” she said…\r\n\r\nAround\u{A0}500\u{A0}troops\tleft.")
    assert.same({ "LONDON", "—", "“", "We’re", "ready", ",", "”", "she", "said", "…",
                  "Around", "500", "troops", "left", "." }, joined(a:tokens(), "text"))
    assert.equal(2, #a:paragraphs())
  end)

  it("survives unbalanced quotes and brackets", function()
    local a = lede.article('He said "we will ( never. She left\' today. "Why?')
    assert.is_true(#a:sentences() >= 2)
    for _, s in ipairs(a:sentences()) do assert.is_true(s.stop >= s.start) end
  end)

  it("analyses a line of 1 MB without spaces", function()
    for _, unit in ipairs({ "a", "ab.", "1,", "-x", "\xFF", "'", ".", "a@", "http://x" }) do
      local text = unit:rep(math.floor(1024 * 1024 / #unit))
      local a = lede.article(text)
      local toks = a:tokens()
      assert.is_true(#toks >= 1, unit)
      assert.equal(1, toks[1].start)
      assert.equal(#text, toks[#toks].stop)
    end
  end)

  it("analyses a 50 MB article", function()
    local sentence = "NATO defence ministers met in Brussels on Feb. 13 to discuss the mission. "
    local text = sentence:rep(math.ceil(50 * 1024 * 1024 / #sentence))
    local a = lede.article(text)
    local counts = a:counts()
    assert.equal(math.ceil(50 * 1024 * 1024 / #sentence), counts.sentences)
    assert.equal(14 * counts.sentences, counts.tokens)
    a:close()
  end)

  it("reads digits of other scripts as parts of words, never as empty tokens", function()
    local text = "Sales rose \u{7C8}\u{7C0} units and ٣٤ cars."
    local a = lede.article(text)
    for _, t in ipairs(a:tokens()) do
      assert.is_true(t.stop >= t.start)
      assert.equal(t.text, text:sub(t.start, t.stop))
    end
    assert.equal("٣٤", a:tokens()[6].text)
  end)

  it("refuses non-string text with a clear error", function()
    assert.has_error(function() lede.article{ text = {} } end,
      "lede.article: the article needs its text as a string (field 'text', 'body' or 'article')")
  end)
end)
