-- Search-result snippets: which sentences are chosen, how they are joined, folded, cut and
-- highlighted, and that bad input still gives valid UTF-8.
local lede = require("lede")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local ELLIPSIS = "\u{2026}"
local JOIN = " " .. ELLIPSIS .. " "
local BRACKETS = { open = "[", close = "]" }

local with = helpers.merged -- opts with extra's fields over them

local WIRE = table.concat({
  "BRUSSELS (Continental Press) - NATO defence ministers will meet in Brussels on Thursday.",
  "",
  "The training mission in Iraq currently numbers around 500 troops. Diplomats said a proposal "
    .. "would let it grow to 1,000 troops and add trainers in Basra.",
  "",
  "Canada is expected to contribute the largest share of any new personnel.",
}, "\n")

describe("lede.snippet", function()
  describe("choosing sentences", function()
    it("picks the sentence holding the most distinct query stems", function()
      assert.equal("Diplomats said a proposal would let it grow to 1,000 troops and add trainers in Basra.",
        lede.snippet(WIRE, "troops trainers", { sentences = 1 }))
    end)

    it("counts distinct stems, not occurrences", function()
      local text = "Troops, troops and more troops arrived on Monday. Troops reached Basra on Tuesday."
      assert.equal("Troops reached Basra on Tuesday.",
        lede.snippet(text, { "troop", "troop", "basra" }, { sentences = 1 }))
    end)

    it("breaks ties by position", function()
      assert.equal("The training mission in Iraq currently numbers around 500 troops.",
        lede.snippet(WIRE, "troops", { sentences = 1 }))
    end)

    it("prints the chosen sentences in text order, joined by an ellipsis", function()
      -- The Canada sentence (two stems) outranks the Brussels one (one stem) but comes after it.
      assert.equal("BRUSSELS (Continental Press) - NATO defence ministers will meet in Brussels on Thursday."
        .. JOIN .. "Canada is expected to contribute the largest share of any new personnel.",
        lede.snippet(WIRE, "Canada personnel Brussels"))
    end)

    it("keeps to the byte budget, letting a shorter match fill the room a longer one cannot", function()
      local text = "Troops left Basra on Monday. The defence ministry said the troops would be "
        .. "replaced by a smaller contingent of trainers drawn from five allied armies. Troops wept."
      assert.equal("Troops left Basra on Monday." .. JOIN .. "Troops wept.",
        lede.snippet(text, "troops basra", { bytes = 60 }))
      assert.equal("Troops left Basra on Monday.", lede.snippet(text, "troops basra", { bytes = 30 }))
    end)

    it("falls back to the opening sentences when nothing matches", function()
      assert.equal("BRUSSELS (Continental Press) - NATO defence ministers will meet in Brussels on Thursday."
        .. JOIN .. "The training mission in Iraq currently numbers around 500 troops.",
        lede.snippet(WIRE, "hurricane"))
      assert.equal("BRUSSELS (Continental Press) - NATO defence ministers will meet in Brussels on Thursday.",
        lede.snippet(WIRE, "hurricane", { bytes = 120 }))
      assert.equal("BRUSSELS (Continental Press) - NATO defence ministers will meet in Brussels on Thursday.",
        lede.snippet(WIRE, {}, { sentences = 1 }))
      -- Opening sentences read on: a later short one does not jump the gap.
      local storm = "Storm warnings were issued for the whole coast on Monday. Ferries between the "
        .. "islands and the mainland were cancelled until further notice. Schools shut."
      assert.equal("Storm warnings were issued for the whole coast on Monday.",
        lede.snippet(storm, "election", { bytes = 80 }))
    end)
  end)

  describe("text", function()
    it("folds runs of white space, newlines, tabs and no-break spaces to one space", function()
      local text = "Officials said that\nthe   troops\thad\u{A0}\u{A0}left\r\nBasra.\n\nOther news."
      assert.equal("Officials said that the [troops] had left Basra.",
        lede.snippet(text, "troops", BRACKETS))
    end)

    it("gives an empty string for an empty or blank text", function()
      assert.equal("", lede.snippet("", "troops"))
      assert.equal("", lede.snippet(" \n\t\n", "troops", { style = "html" }))
    end)

    it("replaces invalid UTF-8 and turns NUL bytes into spaces", function()
      local text = "Caf\xE9 owners near the base said the troops\0had\0\0left \xFF\xFE Basra."
      local out = lede.snippet(text, "troops", BRACKETS)
      assert.equal("Caf\u{FFFD} owners near the base said the [troops] had left \u{FFFD}\u{FFFD} Basra.", out)
      assert.truthy(utf8.len(out))
      assert.falsy(out:find("\0", 1, true))
    end)

    it("folds control characters so that the text cannot drive a terminal", function()
      assert.equal("He said [31mred [0m \27[1mtroops\27[0m left.",
        lede.snippet("He said \27[31mred\27[0m troops left.", "troops", { style = "ansi" }))
    end)
  end)

  describe("highlighting", function()
    local text = "Defence ministers said the troops would stay. \"It's <b>final</b> & agreed,\" one said."

    it("puts the plain markers around matches, or nothing without markers", function()
      assert.equal("Defence ministers said the [troops] would stay.",
        lede.snippet(text, "troops", with(BRACKETS, { sentences = 1 })))
      assert.equal("Defence ministers said the troops would stay.",
        lede.snippet(text, "troops", { sentences = 1 }))
    end)

    it("makes matches bold with ANSI escapes", function()
      assert.equal("Defence ministers said the \27[1mtroops\27[0m would stay.",
        lede.snippet(text, "troops", { style = "ansi", sentences = 1 }))
    end)

    it("escapes all text for HTML and marks matches", function()
      assert.equal("Defence ministers said the <mark>troops</mark> would stay." .. JOIN
        .. "&quot;It&#39;s &lt;b&gt;<mark>final</mark>&lt;/b&gt; &amp; agreed,&quot; one said.",
        lede.snippet(text, "troops final", { style = "html" }))
    end)

    it("neutralises a script in the text", function()
      local out = lede.snippet("Troops <script>alert('x')</script> left.", "troops", { style = "html" })
      assert.equal("<mark>Troops</mark> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; left.", out)
      assert.falsy(out:find("<script", 1, true))
    end)

    it("merges adjacent matches into one highlight, space included", function()
      assert.equal("<mark>Defence ministers</mark> said the troops would stay.",
        lede.snippet(text, "defence minister", { style = "html", sentences = 1 }))
      -- Punctuation or an unmatched word between matches keeps them apart.
      assert.equal("[Troops], [troops] and more [troops] arrived.",
        lede.snippet("Troops, troops and more troops arrived.", "troops", BRACKETS))
    end)

    it("matches inflections through stems", function()
      assert.equal("The [minister] met [ministers] and a [Minister] of State.",
        lede.snippet("The minister met ministers and a Minister of State.", "minister", BRACKETS))
      assert.equal("The [minister] met [ministers] and a [Minister] of State.",
        lede.snippet("The minister met ministers and a Minister of State.", { "minist" }, BRACKETS))
    end)

    it("leaves stopwords of a query string out", function()
      assert.equal("The [troops] left the base.", lede.snippet("The troops left the base.", "the troops", BRACKETS))
    end)
  end)

  describe("a sentence over the budget", function()
    local text = "Officials from across the alliance said the defence ministers would meet again in "
      .. "June to review the training mission. Troops left."

    it("is cut at a token boundary with ' …', and shown alone", function()
      assert.equal("Officials from across the alliance said the [defence ministers] would meet " .. ELLIPSIS,
        lede.snippet(text, "defence minister troops", with(BRACKETS, { bytes = 75 })))
    end)

    it("is never cut inside a highlighted phrase", function()
      local stop = select(2, text:find("the defence"))
      assert.equal("Officials from across the alliance said the " .. ELLIPSIS,
        lede.snippet(text, "defence minister", with(BRACKETS, { bytes = stop + 3 })))
    end)

    it("is never cut inside a UTF-8 sequence", function()
      local t = "Zürich’s “Ministerpräsident” Åsa Ødegård met défense ministers in Besançon."
      for bytes = 1, #t + 1 do
        local out = lede.snippet(t, "ministers", { style = "html", bytes = bytes })
        assert.truthy(utf8.len(out), "invalid UTF-8 with bytes = " .. bytes)
        local _, opens = out:gsub("<mark>", "")
        local _, closes = out:gsub("</mark>", "")
        assert.equal(opens, closes)
      end
      local word = ("é"):rep(200)
      assert.equal(("é"):rep(5) .. " " .. ELLIPSIS, lede.snippet(word, "x", { bytes = 11 }))
      assert.equal("é " .. ELLIPSIS, lede.snippet(word, "x", { bytes = 1 })) -- one character at least
    end)

    it("is cut near the budget even at 100 KB", function()
      local words = {}
      for i = 1, 15000 do words[i] = (i % 7 == 0) and "troops" or "convoy" end
      local long = "Defence officials said " .. table.concat(words, " ") .. " moved north."
      assert.is_true(#long > 100000)
      local out = lede.snippet(long, "troops", { style = "html" })
      assert.is_true(#out < 400)
      assert.equal(" " .. ELLIPSIS, out:sub(-4))
      assert.truthy(out:find("<mark>troops</mark>", 1, true))
      assert.truthy(out:find("^Defence officials said convoy"))
    end)
  end)

  describe("errors", function()
    it("names bad arguments", function()
      assert.has_error(function() lede.snippet(nil, "troops") end,
        "lede.snippet: expected the text as a string, got nil")
      assert.has_error(function() lede.snippet("Text.", 42) end,
        "lede.snippet: expected the query as a string or a list of stems, got number")
      assert.has_error(function() lede.snippet("Text.", { 1 }) end, "lede.snippet: stems[1] must be a string")
      assert.has_error(function() lede.snippet("Text.", "x", { style = "bold" }) end,
        "lede.snippet: option 'style' must be \"plain\", \"ansi\" or \"html\"")
      assert.has_error(function() lede.snippet("Text.", "x", { bytes = -1 }) end,
        "lede.snippet: option 'bytes' must be a non-negative integer")
    end)
  end)
end)
