-- The article model: fields, dates, spans, terms, the JSON round trip, and the sample corpus.
local lede = require("lede")
local cjson = require("cjson")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

describe("lede.article", function()
  it("takes fields or a bare text", function()
    local a = lede.article{
      id = "nato-1", title = "Ministers meet", text = "NATO ministers met.", date = "2020-02-14",
      source = "Wire", url = "https://example.com/1", authors = { "A. Writer", "B. Writer" },
    }
    assert.equal("nato-1", a.id)
    assert.equal("Ministers meet", a.title)
    assert.equal("2020-02-14", a.date)
    assert.same({ "A. Writer", "B. Writer" }, a.authors)
    assert.equal("NATO ministers met.", lede.article("NATO ministers met.").text)
    assert.equal("x", lede.article{ body = "x" }.text)
    assert.same({ "Solo" }, lede.article{ text = "x", authors = "Solo" }.authors)
  end)

  it("accepts ISO 8601 dates and refuses bad ones with a clear message", function()
    for _, d in ipairs({ "2020", "2020-02", "2020-02-14", "2020-02-14T10:30Z", "2020-02-14T10:30:00Z",
                         "2020-02-14T10:30:00+01:00", "1987-02-26T15:01:01.790", "2020-02-29" }) do
      assert.equal(d, lede.article{ text = "x", date = d }.date)
    end
    for _, d in ipairs({ "14/02/2020", "2020-02-30", "2019-02-29", "2020-13-01", "2020-02-14T25:00",
                         "yesterday", "2020-02-14T10:30:00+99:00", "" }) do
      local ok, err = pcall(lede.article, { text = "x", date = d })
      assert.is_false(ok, d)
      assert.truthy(err:find("invalid date '" .. d .. "'", 1, true), err)
    end
  end)

  it("gives dates an epoch that respects the time zone", function()
    local utc = lede.article{ text = "x", date = "2020-02-14T10:30:00Z" }
    local cet = lede.article{ text = "x", date = "2020-02-14T11:30:00+01:00" }
    assert.equal(1581676200, utc.timestamp)
    assert.equal(utc.timestamp, cet.timestamp)
  end)

  it("refuses input that is not an article", function()
    assert.has_error(function() lede.article(42) end,
      "lede.article: expected a text or a table of fields, got number")
    assert.has_error(function() lede.article{ title = "no text" } end)
    assert.has_error(function() lede.article{ text = "x", title = 5 } end,
      "lede.article: field 'title' must be a string, got number")
  end)

  it("round-trips through to_table and JSON", function()
    local a = lede.article{ id = "7", title = "T", text = "Body text.", date = "2020-02-14",
                            source = "S", url = "https://e.com", authors = { "X" } }
    local b = lede.article(cjson.decode(cjson.encode(a:to_table())))
    assert.same(a:to_table(), b:to_table())
    assert.same(a:sentences(), b:sentences())
  end)

  it("counts paragraphs, sentences, tokens and words", function()
    local a = lede.article("Storm hits coast\n\nThe storm arrived. Homes flooded.")
    assert.same({ paragraphs = 2, sentences = 3, tokens = 10, words = 8 }, a:counts())
    assert.equal(2, a:sentences()[3].paragraph)
  end)

  it("finds paragraphs in each layout news text comes in", function()
    assert.equal(3, #lede.article("One.\n\nTwo.\r\n\r\nThree."):paragraphs())
    assert.equal(3, #lede.article("First paragraph.\nSecond one.\nThird one."):paragraphs())
  end)

  it("ranks terms by count, without stopwords", function()
    local a = lede.article("The ministers met. The ministers agreed. A minister left.")
    local terms = a:terms()
    assert.same({ term = "minist", count = 3 }, terms[1])
    for _, t in ipairs(terms) do assert.not_equal("the", t.term) end
    assert.equal(2, #a:terms(2))
  end)

  it("reports the dateline", function()
    local a = lede.article("GENEVA, Feb. 13 (Northern Wire) – Talks resumed on Thursday.")
    assert.equal("GENEVA, Feb. 13 (Northern Wire) –", a:dateline().text)
    assert.is_nil(lede.article("NATO ministers agreed - finally - on Thursday."):dateline())
  end)

  it("can be closed early, and says so when used after", function()
    local a = lede.article("Text.")
    a:close()
    assert.has_error(function() a:tokens() end, "lede: article is closed")
  end)
end)

describe("the sample corpus", function()
  local articles = helpers.corpus_articles()

  it("has at least 40 articles in at least 6 stories", function()
    local stories = {}
    for _, d in ipairs(articles) do stories[d.id:match("^(.-)%-%d+$")] = true end
    local n = 0
    for _ in pairs(stories) do n = n + 1 end
    assert.is_true(#articles >= 40)
    assert.is_true(n >= 6)
  end)

  it("has spans that address the original text exactly", function()
    for _, d in ipairs(articles) do
      local a = lede.article(d)
      local text = a.text
      local last = 0
      for _, p in ipairs(a:paragraphs()) do
        assert.equal(p.text, text:sub(p.start, p.stop))
        assert.is_true(p.start > last)
        last = p.stop
      end
      local sentences = a:sentences()
      for _, s in ipairs(sentences) do
        assert.equal(s.text, text:sub(s.start, s.stop))
        local p = a:paragraphs()[s.paragraph]
        assert.is_true(s.start >= p.start and s.stop <= p.stop)
      end
      local covered = {}
      for _, t in ipairs(a:tokens()) do
        assert.equal(t.text, text:sub(t.start, t.stop), d.id)
        assert.is_nil(t.text:find("^%s") or t.text:find("%s$"))
        local s = sentences[t.sentence]
        assert.is_true(t.start >= s.start and t.stop <= s.stop)
        for i = t.start, t.stop do covered[i] = true end
      end
      -- Every byte that is not white space belongs to a token.
      for i = 1, #text do
        if not text:sub(i, i):match("%s") and text:byte(i) ~= 0xC2 and text:byte(i) ~= 0xA0 then
          assert.is_true(covered[i] or false, d.id .. " byte " .. i)
        end
      end
    end
  end)
end)
