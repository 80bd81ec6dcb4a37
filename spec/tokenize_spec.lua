-- The tokenizer on real news sentences: each case names what a news tokenizer must get right.
local lede = require("lede")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

-- The texts of the tokens of `text`, in order.
local function texts(text)
  return helpers.pluck(lede.article(text):tokens(), "text")
end

-- The token whose text is `wanted`.
local function token(text, wanted)
  for _, t in ipairs(lede.article(text):tokens()) do
    if t.text == wanted then return t end
  end
  error("no token " .. wanted .. " in: " .. text)
end

describe("tokenizer", function()
  it("keeps abbreviations with their period", function()
    assert.same({ "The", "U.S.", "and", "the", "U.N.", "met", "on", "Feb.", "13", "." },
      texts("The U.S. and the U.N. met on Feb. 13."))
    assert.same({ "Gen.", "Smith", "and", "Sen.", "Jones", "visited", "St.", "Louis", "." },
      texts("Gen. Smith and Sen. Jones visited St. Louis."))
    assert.same({ "Mr.", "Lee", "and", "Dr.", "Ortiz", "of", "Acme", "Inc.", "spoke", "." },
      texts("Mr. Lee and Dr. Ortiz of Acme Inc. spoke."))
  end)

  it("keeps 'No.' only before a number", function()
    assert.same({ "He", "lives", "at", "No.", "10", "." }, texts("He lives at No. 10."))
    assert.same({ "The", "answer", "was", "no", "." }, texts("The answer was no."))
  end)

  it("keeps initials", function()
    assert.same({ "J.", "K.", "Rowling", "wrote", "it", "." }, texts("J. K. Rowling wrote it."))
    assert.is_true(token("Margaret A. Holloway spoke.", "A.").abbreviation)
  end)

  it("keeps hyphenated words whole", function()
    assert.same({ "The", "Secretary-General", "backed", "the", "Canada-led", "mission", "." },
      texts("The Secretary-General backed the Canada-led mission."))
    assert.equal("word", token("A 10-year-old girl", "10-year-old").kind)
  end)

  it("reads numbers with separators, decimals, currencies, percentages and times", function()
    assert.same({ "It", "cost", "$2.5bn", ",", "up", "3.2%", "from", "1,000.50", "at", "10:30", "." },
      texts("It cost $2.5bn, up 3.2% from 1,000.50 at 10:30."))
    for _, n in ipairs({ "$2.5bn", "3.2%", "1,000.50", "10:30", "1990s", "€40" }) do
      assert.equal("number", token("In the 1990s it cost $2.5bn, 3.2%, 1,000.50, 10:30 and €40 more.", n).kind)
    end
  end)

  it("ends a number before a sentence period", function()
    assert.same({ "She", "has", "$100.00", "." }, texts("She has $100.00."))
  end)

  it("handles possessives with and without an apostrophe", function()
    local t = token("NATO's mission grew.", "NATO's")
    assert.is_true(t.possessive)
    assert.equal("nato", t.stem)
    assert.equal("nato", token("NATOs mission grew.", "NATOs").stem)
    assert.equal("nato", token("NATO’s mission grew.", "NATO’s").stem)
    local plural = token("The ministers' plan was approved.", "ministers'")
    assert.is_true(plural.possessive)
  end)

  it("keeps contractions and names with apostrophes whole", function()
    assert.same({ "We", "don't", "know", "O'Brien", "." }, texts("We don't know O'Brien."))
  end)

  it("recognises URLs, e-mail addresses, hashtags and mentions", function()
    local text = "See https://example.com/a_b?x=1. Write to press@nato.int or follow #NATO and @jens."
    assert.equal("url", token(text, "https://example.com/a_b?x=1").kind)
    assert.equal("email", token(text, "press@nato.int").kind)
    assert.equal("hashtag", token(text, "#NATO").kind)
    assert.equal("mention", token(text, "@jens").kind)
  end)

  it("tells opening from closing quotes, straight and curly", function()
    local toks = lede.article('He said "We are ready," and left. She said “Not yet.”'):tokens()
    local sides = {}
    for _, t in ipairs(toks) do
      if t.kind == "quote" then sides[#sides + 1] = t.side end
    end
    assert.same({ "open", "close", "open", "close" }, sides)
  end)

  it("marks stopwords and stems words", function()
    local t = token("The ministers were meeting in Brussels.", "ministers")
    assert.equal("minist", t.stem)
    assert.is_false(t.stopword)
    assert.is_true(token("The ministers were meeting in Brussels.", "were").stopword)
  end)

  it("folds case, width and diacritics for matching but keeps the original text", function()
    local t = token("José Martínez-Ortega said so.", "Martínez-Ortega")
    assert.equal("martínez-ortega", t.lower)
    assert.equal("martinez-ortega", t.stem)
    assert.equal("ﬁnal", token("The ﬁnal vote.", "ﬁnal").text)
    assert.equal("final", token("The ﬁnal vote.", "ﬁnal").lower)
  end)

  it("treats dashes, ellipses and bullets as punctuation", function()
    assert.same({ "LONDON", "—", "The", "vote", "…", "was", "close", "." },
      texts("LONDON — The vote … was close."))
    assert.equal("punct", token("Wait... what?", "...").kind)
  end)
end)
