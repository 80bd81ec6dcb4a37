-- Quotations: direct quotes in every kind of mark, split and multi-paragraph quotes, partial
-- quotes, reported speech, cues, speakers and what pronouns and descriptions resolve to.
local lede = require("lede")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local function quotes(text) return lede.article(text):quotes() end

-- The quotation of a sample story that starts with `opening`.
local function corpus_quote(file, id, opening)
  for _, a in lede.read(helpers.corpus_dir .. file) do
    if a.id == id then
      for _, q in ipairs(a:quotes()) do
        if q.text:sub(1, #opening) == opening then return q end
      end
    end
  end
end

describe("article:quotes()", function()
  it("finds a direct quote in curly marks, its cue and its speaker", function()
    local text = "“We will not be intimidated by threats,” Defence Minister Anna Lind said on Tuesday."
    local q = quotes(text)
    assert.equals(1, #q)
    assert.equals("direct", q[1].kind)
    assert.equals("We will not be intimidated by threats", q[1].text)
    assert.equals(q[1].text, text:sub(q[1].start, q[1].stop))
    assert.equals("said", q[1].cue)
    assert.equals("Defence Minister Anna Lind", q[1].speaker)
    assert.equals(q[1].speaker, text:sub(q[1].speaker_start, q[1].speaker_stop))
  end)

  it("reads straight marks and an inverted attribution with a title", function()
    local q = quotes('"The troops will be home by Christmas," said Gen. Patrick Oduya, the mission\'s commander.')
    assert.equals(1, #q)
    assert.equals("The troops will be home by Christmas", q[1].text)
    assert.equals("Gen. Patrick Oduya", q[1].speaker)
  end)

  it("reads single marks and keeps the audience in the cue", function()
    local q = quotes("'There is no money left in the budget,' Mr. Pettifer told reporters in London.")
    assert.equals(1, #q)
    assert.equals("direct", q[1].kind)
    assert.equals("There is no money left in the budget", q[1].text)
    assert.equals("told reporters", q[1].cue)
    assert.equals("Mr. Pettifer", q[1].speaker)
  end)

  it("joins a quote split by its attribution inside one sentence, keeping its comma", function()
    local text = "“This is not a retreat,” she said, “but a change of tactics.”"
    local q = quotes(text)
    assert.equals(1, #q)
    assert.equals("This is not a retreat, but a change of tactics.", q[1].text)
    assert.equals(1 + #"“", q[1].start)
    assert.equals(#text - #"”", q[1].stop)
    assert.equals("she", q[1].mention)
    -- the parts are the exact pieces of the text, without the comma the writer's sentence keeps
    assert.equals(2, #q[1].parts)
    for i, want in ipairs { "This is not a retreat", "but a change of tactics." } do
      local part = q[1].parts[i]
      assert.equals(want, part.text)
      assert.equals(want, text:sub(part.start, part.stop))
    end
  end)

  it("joins the sentences of a quote around its attribution with an ellipsis", function()
    -- the first sentence's full stop became the comma before "she told": the second stands alone
    local text = "Secretary-General Margaret A. Holloway rejected any combat role. “This is about "
      .. "teaching, not fighting,” she told a news conference on Monday. “Iraq asked us to help "
      .. "build institutions that can stand on their own.”"
    local q = quotes(text)
    assert.equals(1, #q)
    assert.equals("This is about teaching, not fighting … Iraq asked us to help build "
      .. "institutions that can stand on their own.", q[1].text)
    assert.equals("This is about teaching, not fighting", q[1].parts[1].text)
    assert.equals(q[1].parts[1].start, q[1].start)
    assert.equals(q[1].parts[2].stop, q[1].stop)
    assert.equals("Secretary-General Margaret A. Holloway", q[1].speaker)
  end)

  it("reads the split quote of defence-001 as it is written", function()
    local found = corpus_quote("defence-ministers.jsonl", "defence-001", "This is about teaching")
    assert.is_truthy(found)
    assert.equals("This is about teaching, not fighting … Iraq asked us to help build "
      .. "institutions that can stand on their own, and that is what we intend to do.", found.text)
    assert.equals(2, #found.parts)
  end)

  it("takes a colon attribution before the quote", function()
    local q = quotes('Central bank governor Eleanor Whitcombe told the Senate: "Inflation is not yet beaten."')
    assert.equals(1, #q)
    assert.equals("Inflation is not yet beaten.", q[1].text)
    assert.equals("Eleanor Whitcombe", q[1].speaker:match("Eleanor Whitcombe"))
    assert.equals("told the Senate", q[1].cue)
  end)

  it("resolves a pronoun to the name before it, and leaves it alone when there is none", function()
    local q = quotes("Jens Halvorsen arrived in Brussels on Monday. “The alliance is united,” he said.")
    assert.equals("he", q[1].mention)
    assert.equals("Jens Halvorsen", q[1].speaker)
    local alone = quotes("“The alliance is united,” she said.")
    assert.equals("she", alone[1].mention)
    assert.equals("she", alone[1].speaker)
    assert.is_nil(alone[1].resolved_start)
  end)

  it("does not resolve a pronoun to a country's abbreviation", function()
    local q = quotes("Algerian gas would be a source of supplemental supply to U.S. domestic "
      .. "production, he added. “Prices will have to come down,” he said.")
    assert.same({ "he", "he" }, { q[1].speaker, q[2].speaker })
    assert.is_nil(q[1].resolved_start)
    assert.is_nil(q[2].resolved_start)
  end)

  it("resolves a description to the nearest name", function()
    local q = quotes("Secretary-General Margaret A. Holloway met ministers in Brussels. " ..
      "The alliance's chief said that at least 14 allies had offered troops.")
    assert.equals(1, #q)
    assert.equals("indirect", q[1].kind)
    assert.equals("The alliance's chief", q[1].mention)
    assert.equals("Margaret A. Holloway", q[1].speaker:match("Margaret A. Holloway"))
    assert.equals("at least 14 allies had offered troops", q[1].text)
  end)

  it("marks a partial quote inside the writer's sentence", function()
    local q = quotes("Sen. Laura Bexley said the bill was “a recipe for chaos” and vowed to block it.")
    assert.equals(1, #q)
    assert.equals("partial", q[1].kind)
    assert.equals("a recipe for chaos", q[1].text)
    assert.equals("Sen. Laura Bexley", q[1].speaker)
  end)

  it("ignores scare quotes and titles with no attribution", function()
    assert.same({}, quotes("The so-called “peace dividend” never arrived. He appeared on “Face the Nation.”"))
  end)

  it("finds reported speech: said that, and according to on either side", function()
    local q = quotes("Prime Minister Erik Dahl said that the talks would resume next week. " ..
      "According to the ministry, 40 people were injured. " ..
      "The storm will reach the coast by Friday, according to forecasters.")
    assert.equals(3, #q)
    for _, x in ipairs(q) do assert.equals("indirect", x.kind) end
    assert.equals("the talks would resume next week", q[1].text)
    assert.equals("Prime Minister Erik Dahl", q[1].speaker)
    assert.equals("40 people were injured", q[2].text)
    assert.equals("According to", q[2].cue)
    assert.equals("the ministry", q[2].speaker)
    assert.equals("The storm will reach the coast by Friday", q[3].text)
    assert.equals("forecasters", q[3].speaker)
  end)

  it("takes a dash attribution", function()
    local q = quotes("“He does not speak for me.” ― Martha Aguilar")
    assert.equals("Martha Aguilar", q[1].speaker)
  end)

  it("follows a quote over two paragraphs in defence-003", function()
    local found = corpus_quote("defence-ministers.jsonl", "defence-003", "We have listened carefully")
    assert.is_truthy(found)
    assert.equals("direct", found.kind)
    assert.truthy(found.text:find("for a season. That is what allies have committed to today", 1, true))
    assert.truthy(found.text:find("continuing to lead$"))
    -- one part a paragraph, joined by a space after the first paragraph's full stop
    assert.equals(2, #found.parts)
    assert.truthy(found.parts[1].text:find("for a season.$"))
    assert.equals("Holloway", found.speaker)
    assert.equals("said", found.cue)
  end)

  it("follows a quote over two paragraphs in court-003 and resolves its pronoun", function()
    local found = corpus_quote("court-case.jsonl", "court-003", "I started Parallax")
    assert.is_truthy(found)
    assert.truthy(found.text:find("shut the company down myself$"))
    assert.equals("he", found.mention)
    assert.equals("Raymond T. Castellano", found.speaker)
  end)

  it("survives empty text, lone marks and unbalanced quotes", function()
    assert.same({}, quotes(""))
    assert.same({}, quotes("\"\"\" ' “ ” ‘"))
    local q = quotes("“It never ends, he said.\n\nAnd it goes on.")
    assert.equals(1, #q)
    assert.equals("It never ends, he said.", q[1].text)
  end)
end)

describe("lede.index.speaker_name", function()
  local speaker_name = require("lede.index").speaker_name

  local function names(text)
    local a = lede.article(text)
    local mentions, out = a:entities(), {}
    for i, q in ipairs(a:quotes()) do out[i] = speaker_name(q, mentions) or "-" end
    return out
  end

  it("names the entity in the speaker's span, or the one a pronoun resolves to", function()
    assert.same({ "Jens Stoltenberg", "Jens Stoltenberg" }, names(
      'NATO Secretary-General Jens Stoltenberg said: "We are ready." "We will stay," he added.'))
  end)

  it("gives no name for an unresolved pronoun or description, which names no one", function()
    assert.same({ "-", "-" }, names(
      '"Sales were weak," it said in a statement.\n\n"We expect a better year," the company said.'))
  end)

  it("keeps a speaker written as a group without a name", function()
    assert.same({ "Federal prosecutors" }, names(
      'Federal prosecutors said the founder "knew exactly what he was doing" when he signed.'))
  end)
end)
