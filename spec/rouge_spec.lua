-- lede.eval.rouge: every expected value below is counted by hand in the comments beside it.
local rouge = require("lede.eval.rouge")

local function near(expected, got, what)
  assert(type(got) == "number", (what or "value") .. " is not a number: " .. tostring(got))
  assert(math.abs(expected - got) < 1e-9,
    ("%s: expected %.10f, got %.10f"):format(what or "value", expected, got))
end

local function prf(expected, got, what)
  near(expected[1], got.p, (what or "") .. " precision")
  near(expected[2], got.r, (what or "") .. " recall")
  near(expected[3], got.f, (what or "") .. " F1")
end

local function f1(p, r) return 2 * p * r / (p + r) end

describe("lede.eval.rouge", function()
  describe("tokens", function()
    it("lower-cases, splits at every character other than [a-z0-9]", function()
      assert.same({ "u", "s", "led", "coalition", "s", "3rd", "push" },
        rouge.tokenize("U.S.-led coalition's 3rd push!"))
    end)

    it("drops non-ASCII letters, as rouge_score does after str.lower()", function()
      -- "café" -> "caf", "naïve" -> "na" "ve"
      assert.same({ "caf", "na", "ve" }, rouge.tokenize("Café naïve"))
    end)

    it("maps the two characters Python lower-cases to ASCII, only under rouge_score conventions", function()
      -- U+0130 lower-cases to "i" + combining dot in Python; the dot then becomes a space.
      assert.same({ "istanbul" }, rouge.tokenize("\xC4\xB0stanbul"))
      assert.same({ "stanbul" }, rouge.tokenize("\xC4\xB0stanbul", { conventions = "rouge155" }))
    end)

    it("stems only tokens longer than 3 characters", function()
      -- "ties" (4) -> "tie" by NLTK's rule for 4-letter -ies words; "was" (3) is left alone
      -- (stemmed it would lose its s: "wa").
      assert.same({ "was", "tie" }, rouge.tokenize("was ties", { stem = true }))
      assert.same({ "was", "ties" }, rouge.tokenize("was ties"))
    end)
  end)

  describe("Porter stemmer", function()
    it("gives the paper's examples as NLTK's default mode does", function()
      local cases = {
        caresses = "caress", ponies = "poni", ties = "tie", cats = "cat", feed = "feed",
        agreed = "agre", plastered = "plaster", motoring = "motor", conflated = "conflat",
        hopping = "hop", filing = "file", happy = "happi", relational = "relat",
        conditional = "condit", generalization = "gener", triplicate = "triplic",
        hopeful = "hope", goodness = "good", adjustment = "adjust", adoption = "adopt",
        controll = "control", running = "run", runs = "run",
      }
      for word, stem in pairs(cases) do assert.equal(stem, rouge.stem(word), word) end
    end)

    it("keeps NLTK's irregular forms", function()
      assert.equal("sky", rouge.stem("skies"))
      assert.equal("die", rouge.stem("dying"))
      assert.equal("news", rouge.stem("news"))
    end)

    it("differs from ROUGE-1.5.5's Perl stemmer where NLTK changed the rules", function()
      -- NLTK turns y into i only after a consonant ("displa-y": after a vowel, kept);
      -- the Perl stemmer does it whenever the stem has a vowel.
      assert.equal("display", rouge.stem("displays", "porter"))
      assert.equal("displai", rouge.stem("displays", "rouge155"))
      -- "ewes" -> "ewe": NLTK's step 5a keeps e after a 2-letter vowel-consonant stem (*o);
      -- the Perl stemmer's *o needs consonant-vowel-consonant, so e goes: "ew".
      assert.equal("ewe", rouge.stem("ewes", "porter"))
      assert.equal("ew", rouge.stem("ewes", "rouge155"))
    end)

    it("rejects an unknown stemmer", function()
      assert.has_error(function() rouge.stem("cats", "snowball") end)
    end)
  end)

  describe("ROUGE-N", function()
    it("counts unigram and bigram overlaps", function()
      -- cand: the cat sat on the mat (6)   ref: the cat is on the mat (6)
      -- unigrams: the 2/2, cat, on, mat -> 5 hits; P = R = 5/6
      -- bigrams: cand {the cat, cat sat, sat on, on the, the mat}, ref {the cat, cat is, is on,
      --          on the, the mat}: 3 hits of 5 -> P = R = 3/5
      local s = rouge.score("The cat sat on the mat.", "The cat is on the mat.")
      prf({ 5 / 6, 5 / 6, 5 / 6 }, s.rouge1, "rouge1")
      prf({ 3 / 5, 3 / 5, 3 / 5 }, s.rouge2, "rouge2")
    end)

    it("divides by the candidate for precision and the reference for recall", function()
      -- cand a b c d (4), ref a b e (3): unigram hits a, b = 2 -> P 2/4, R 2/3, F 4/7
      -- bigrams: cand {ab, bc, cd}, ref {ab, be}: 1 hit -> P 1/3, R 1/2, F 2/5
      local s = rouge.score("a b c d", "a b e")
      prf({ 1 / 2, 2 / 3, 4 / 7 }, s.rouge1, "rouge1")
      prf({ 1 / 3, 1 / 2, 2 / 5 }, s.rouge2, "rouge2")
    end)

    it("clips repeated n-grams to the reference count", function()
      -- cand the x4, ref "the cat": hits min(4, 1) = 1 -> P 1/4, R 1/2, F 1/3
      prf({ 1 / 4, 1 / 2, 1 / 3 }, rouge.score("the the the the", "the cat").rouge1)
    end)

    it("computes any n from 1 to 9", function()
      -- trigrams: cand {a b c, b c d}, ref {a b c, b c e}: 1 hit of 2 each way
      local s = rouge.score("a b c d", "a b c e", { metrics = { "rouge3" } })
      prf({ 1 / 2, 1 / 2, 1 / 2 }, s.rouge3)
      assert.is_nil(s.rouge1)
    end)

    it("matches stems when asked", function()
      -- cand: cats were running -> cat were run; ref: the cat runs -> the cat run
      -- without stems no token matches; with stems cat and run: P 2/3, R 2/3
      prf({ 0, 0, 0 }, rouge.score("Cats were running", "The cat runs").rouge1, "unstemmed")
      prf({ 2 / 3, 2 / 3, 2 / 3 }, rouge.score("Cats were running", "The cat runs", { stem = true }).rouge1, "stemmed")
    end)
  end)

  describe("ROUGE-L", function()
    it("is the LCS of the whole texts (Lin's police example)", function()
      -- ref: police killed the gunman
      -- cand S2 "police kill the gunman": LCS police, the, gunman = 3 -> 3/4
      -- cand S3 "the gunman kill police": LCS the, gunman = 2 -> 2/4
      local ref = "police killed the gunman"
      prf({ 3 / 4, 3 / 4, 3 / 4 }, rouge.score("police kill the gunman", ref).rougeL, "S2")
      prf({ 2 / 4, 2 / 4, 2 / 4 }, rouge.score("the gunman kill police", ref).rougeL, "S3")
    end)

    it("respects order where ROUGE-1 does not", function()
      -- c b a vs a b c: 3 unigram hits, but the LCS is one token
      local s = rouge.score("c b a", "a b c")
      prf({ 1, 1, 1 }, s.rouge1, "rouge1")
      prf({ 1 / 3, 1 / 3, 1 / 3 }, s.rougeL, "rougeL")
    end)

    it("ignores line breaks", function()
      -- "c d e\na b" read as one sequence c d e a b against a b c d e: LCS c d e = 3 -> 3/5
      prf({ 3 / 5, 3 / 5, 3 / 5 }, rouge.score("c d e\na b", "a b c d e").rougeL)
    end)
  end)

  describe("ROUGE-Lsum", function()
    it("takes the union LCS of each reference sentence over the candidate sentences (Lin 2004, 3.2)", function()
      -- ref r = a b c d e; cand c1 = a b f g h, c2 = a c h i e
      -- LCS(r, c1) = a b; LCS(r, c2) = a c e; union = a b c e = 4 hits
      -- R = 4/5, P = 4/10
      local s = rouge.score("a b f g h\na c h i e", "a b c d e")
      prf({ 4 / 10, 4 / 5, f1(0.4, 0.8) }, s.rougeLsum)
    end)

    it("lets sentences match in any order, unlike ROUGE-L", function()
      -- cand lines "c d e" and "a b" each match a run of r = a b c d e: union = all 5
      -- (ROUGE-L on the joined text is 3/5, see above)
      prf({ 1, 1, 1 }, rouge.score("c d e\na b", "a b c d e").rougeLsum)
    end)

    it("counts each token at most as often as it occurs in both texts", function()
      -- ref lines "a b", "a b" (4 tokens); cand "a b" (2 tokens)
      -- line 1: union a b -> 2 hits, the candidate's a and b are then used up
      -- line 2: union a b, but no candidate a or b left -> 0 hits
      -- R = 2/4, P = 2/2 (without clipping it would be 4 hits and P = 2)
      prf({ 1, 1 / 2, 2 / 3 }, rouge.score("a b", "a b\na b").rougeLsum)
    end)

    it("drops empty lines", function()
      -- "a\n\nb" is two sentences a, b; ref "a b" is one: union LCS a, b = 2 -> 1, 1
      prf({ 1, 1, 1 }, rouge.score("a\n\nb", "a b").rougeLsum)
    end)
  end)

  describe("length limits", function()
    it("keeps the first N whitespace-separated words of the candidate, sentence lines kept", function()
      assert.equal("a b\nc", rouge.truncate("a b\nc d e", { words = 3 }))
      -- a word is a run of non-space characters: "U.S.-led" is one word (3 ROUGE tokens)
      assert.equal("U.S.-led forces,", rouge.truncate("U.S.-led forces, it said", { words = 2 }))
    end)

    it("keeps the first N bytes, line breaks not counted", function()
      -- "abcdef" (6) fits under 8; "ghij" does not: its first 8 - 6 = 2 bytes are kept
      assert.equal("abcdef\ngh", rouge.truncate("abcdef\nghij", { bytes = 8 }))
    end)

    it("cuts the candidate only, unless asked to cut the references too", function()
      -- words = 2: cand "a b" against ref "a b c d" -> P 2/2, R 2/4
      prf({ 1, 1 / 2, 2 / 3 }, rouge.score("a b c d", "a b c d", { words = 2 }).rouge1, "candidate")
      -- both cut to "a b" -> 1, 1
      prf({ 1, 1, 1 }, rouge.score("a b c d", "a b c d",
        { words = 2, limit_references = true }).rouge1, "both")
      -- bytes = 3: "a b" (3 bytes of "a b c d") -> P 2/2, R 2/4
      prf({ 1, 1 / 2, 2 / 3 }, rouge.score("a b c d", "a b c d", { bytes = 3 }).rouge1, "bytes")
    end)

    it("refuses words and bytes together", function()
      assert.has_error(function() rouge.score("a", "a", { words = 1, bytes = 1 }) end)
    end)
  end)

  describe("several references", function()
    -- cand a b c (3 tokens); ref1 a x y (3): 1 hit -> P 1/3, R 1/3, F 1/3
    -- ref2 a b z w (4): 2 hits -> P 2/3, R 2/4, F 4/7
    local cand, refs = "a b c", { "a x y", "a b z w" }

    it("takes the reference with the best F (rouge_score's score_multi)", function()
      prf({ 2 / 3, 1 / 2, 4 / 7 }, rouge.score(cand, refs, { metrics = { "rouge1" } }).rouge1)
    end)

    it("picks by F, not by recall", function()
      -- cand a b c; ref1 a..j (10 tokens): 3 hits -> P 1, R 3/10, F 6/13 (0.46)
      -- ref2 a y: 1 hit -> P 1/3, R 1/2 (the better recall), F 2/5 (0.40)
      prf({ 1, 3 / 10, 6 / 13 }, rouge.score("a b c", { "a b c d e f g h i j", "a y" },
        { metrics = { "rouge1" } }).rouge1)
    end)

    it("pools hits and counts over references (ROUGE-1.5.5 -f A)", function()
      -- hits 1 + 2 = 3; reference tokens 3 + 4 = 7; candidate tokens 3 + 3 = 6
      -- R = 3/7, P = 3/6, F = 6/13
      prf({ 1 / 2, 3 / 7, 6 / 13 },
        rouge.score(cand, refs, { metrics = { "rouge1" }, multi = "average" }).rouge1)
    end)

    it("averages the leave-one-out scores for the jackknife", function()
      -- without ref1: ref2 alone (2/3, 1/2, 4/7); without ref2: ref1 alone (1/3, 1/3, 1/3)
      -- means: P 1/2, R 5/12, F (4/7 + 1/3) / 2 = 19/42
      prf({ 1 / 2, 5 / 12, 19 / 42 },
        rouge.score(cand, refs, { metrics = { "rouge1" }, multi = "jackknife" }).rouge1)
    end)

    it("uses the pooled average, the Perl stemmer and cut references under rouge155 conventions", function()
      -- words = 2 cuts cand to "a b" and refs to "a x", "a b":
      -- hits 1 + 2 = 3; reference tokens 2 + 2 = 4; candidate tokens 2 + 2 = 4 -> 3/4 each
      prf({ 3 / 4, 3 / 4, 3 / 4 }, rouge.score(cand, refs,
        { metrics = { "rouge1" }, conventions = "rouge155", words = 2 }).rouge1)
      -- the Perl stemmer: "displays" -> "displai", "display" -> "displai": a hit
      prf({ 1, 1, 1 }, rouge.score("displays", "display",
        { metrics = { "rouge1" }, conventions = "rouge155", stem = true }).rouge1, "perl stem")
      -- NLTK's: "displays" -> "display" and "display" -> "display": a hit too; "ewes" -> "ewe"
      -- against "ewe" (3 letters, not stemmed): a hit with NLTK, none with Perl ("ew")
      prf({ 1, 1, 1 }, rouge.score("ewes", "ewe", { metrics = { "rouge1" }, stem = true }).rouge1)
      prf({ 0, 0, 0 }, rouge.score("ewes", "ewe",
        { metrics = { "rouge1" }, conventions = "rouge155", stem = true }).rouge1)
    end)
  end)

  describe("empty texts", function()
    it("score 0, never NaN", function()
      for _, case in ipairs({ { "", "a b" }, { "a b", "" }, { "", "" }, { "!!! --", "a" } }) do
        local s = rouge.score(case[1], case[2])
        for _, m in ipairs({ "rouge1", "rouge2", "rougeL", "rougeLsum" }) do
          prf({ 0, 0, 0 }, s[m], ("%q vs %q %s"):format(case[1], case[2], m))
        end
      end
    end)

    it("give 0 bigrams for one-word texts", function()
      prf({ 0, 0, 0 }, rouge.score("a", "a").rouge2)
      prf({ 1, 1, 1 }, rouge.score("a", "a").rouge1)
    end)
  end)

  describe("corpus", function()
    it("averages per-pair scores", function()
      -- pair 1 identical (1, 1, 1), pair 2 disjoint (0, 0, 0): means 1/2
      local c = rouge.corpus({ { "a b", "a b" }, { candidate = "c", references = { "d" } } },
        { metrics = { "rouge1" } })
      assert.equal(2, c.n)
      prf({ 1 / 2, 1 / 2, 1 / 2 }, c.rouge1)
    end)

    it("gives zeros for no pairs", function()
      local c = rouge.corpus({}, { metrics = { "rouge1" } })
      assert.equal(0, c.n)
      prf({ 0, 0, 0 }, c.rouge1)
    end)
  end)

  describe("bad arguments", function()
    it("are refused with a message", function()
      assert.has_error(function() rouge.score("a", "a", { metrics = { "rougeX" } }) end)
      assert.has_error(function() rouge.score("a", {}) end)
      assert.has_error(function() rouge.score(nil, "a") end)
      assert.has_error(function() rouge.score("a", "a", { multi = "best" }) end)
      assert.has_error(function() rouge.score("a", "a", { conventions = "perl" }) end)
    end)
  end)
end)
