-- The sentence splitter on news text.
local lede = require("lede")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local function sentences(text)
  return helpers.pluck(lede.article(text):sentences(), "text")
end

describe("sentence splitter", function()
  it("keeps a dateline with the first sentence", function()
    assert.same({
      "BRUSSELS (Reuters) - NATO defence ministers met on Thursday.",
      "They agreed to expand the mission.",
    }, sentences("BRUSSELS (Reuters) - NATO defence ministers met on Thursday. They agreed to expand the mission."))
    assert.same({ "LONDON — The pound fell 2% on Friday.", "Traders were surprised." },
      sentences("LONDON — The pound fell 2% on Friday. Traders were surprised."))
  end)

  it("does not split after abbreviations before names and numbers", function()
    assert.same({ "The talks on Feb. 13 ended when Gen. Smith and Sen. Jones left." },
      sentences("The talks on Feb. 13 ended when Gen. Smith and Sen. Jones left."))
    assert.same({ "Officials said the U.S. killing of the commander was a mistake." },
      sentences("Officials said the U.S. killing of the commander was a mistake."))
    assert.same({ "He works for the U.S. Government in Virginia." },
      sentences("He works for the U.S. Government in Virginia."))
  end)

  it("splits after an abbreviation that ends a sentence", function()
    assert.same({ "The troops returned to the U.S.", "They had served a year." },
      sentences("The troops returned to the U.S. They had served a year."))
    assert.same({ "The deal was signed by Acme Inc.", "It closes in March." },
      sentences("The deal was signed by Acme Inc. It closes in March."))
  end)

  it("keeps initials inside a name", function()
    assert.same({ "Secretary-General Margaret A. Holloway spoke first." },
      sentences("Secretary-General Margaret A. Holloway spoke first."))
  end)

  it("moves closing quotes and brackets into the sentence they end", function()
    assert.same({ '"We are ready," she said.', '"But not at any price."' },
      sentences('"We are ready," she said. "But not at any price."'))
    assert.same({ "The vote (held on Sunday.) was close." },
      sentences("The vote (held on Sunday.) was close."))
    assert.same({ "“It is over.”", "The crowd cheered." },
      sentences("“It is over.” The crowd cheered."))
  end)

  it("does not split a quotation that goes on after its question mark", function()
    assert.same({ '"Why now?" he asked reporters.' }, sentences('"Why now?" he asked reporters.'))
  end)

  it("handles decimals, ellipses and double punctuation", function()
    assert.same({ "Growth was 3.2 percent in 2019.", "It slowed after that." },
      sentences("Growth was 3.2 percent in 2019. It slowed after that."))
    assert.same({ "Really?!", "Nobody expected it." }, sentences("Really?! Nobody expected it."))
    assert.same({ "He paused... and went on." }, sentences("He paused... and went on."))
    assert.same({ "The count went on for hours….", "Then the result came." },
      sentences("The count went on for hours…. Then the result came."))
  end)

  it("always breaks at paragraphs, so headlines need no final punctuation", function()
    assert.same({ "Storm hits coast", "The storm arrived on Monday." },
      sentences("Storm hits coast\n\nThe storm arrived on Monday."))
  end)

  it("splits numbered and bulleted lists", function()
    assert.same({ "1. Ceasefire talks resume", "2. Aid convoys enter the city" },
      sentences("1. Ceasefire talks resume 2. Aid convoys enter the city"))
    assert.same({ "• Oil rose 2%", "• Gold fell" }, sentences("• Oil rose 2% • Gold fell"))
    assert.same({ "Key points:", "- Oil rose", "- Gold fell" },
      sentences("Key points:\n- Oil rose\n- Gold fell"))
  end)

  it("joins the lines of hard-wrapped wire copy", function()
    local text = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\n"
      .. "January and improving prospects for the coming season,\nthe review said.\n"
      .. "    The dry period means the harvest will be late this year.\n"
    local got = sentences(text)
    assert.equal(2, #got)
    assert.truthy(got[1]:find("Bahia cocoa zone", 1, true))
    assert.equal("The dry period means the harvest will be late this year.", got[2])
  end)
end)
