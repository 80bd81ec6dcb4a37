-- Named entities: the shipped model on news sentences, spans, the model file's validation
-- (damaged files are errors, never crashes) and the trainer's determinism.
local lede = require("lede")
local core = require("lede.core")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local model_path = helpers.root .. "/data/ner.model"

-- "TYPE:text" for every mention, in order.
local function tagged(text)
  local out = {}
  for _, m in ipairs(lede.article({ text = text }):entities()) do
    out[#out + 1] = m.type .. ":" .. m.text
  end
  return out
end

describe("article:entities()", function()
  it("finds people, places and nationalities in a news sentence", function()
    assert.same({ "MISC:German", "PER:Angela Merkel", "MISC:French", "PER:Emmanuel Macron",
                  "LOC:Paris" },
      tagged("German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Tuesday."))
  end)

  it("tells organisations from places", function()
    assert.same({ "ORG:European Commission", "ORG:Google", "PER:Margrethe Vestager", "LOC:Brussels" },
      tagged("The European Commission fined Google 2.4 billion euros, Commissioner Margrethe "
        .. "Vestager told reporters in Brussels."))
    assert.same({ "ORG:Manchester United", "ORG:Liverpool", "PER:Marcus Rashford" },
      tagged("Manchester United beat Liverpool 2-1 on Sunday, with Marcus Rashford scoring twice."))
  end)

  it("gives spans that are exactly the mention's text", function()
    local text = "UN Secretary-General Antonio Guterres said the United Nations would send aid to Sudan."
    local mentions = lede.article({ text = text }):entities()
    assert.equal(4, #mentions)
    local last = 0
    for _, m in ipairs(mentions) do
      assert.equal(m.text, text:sub(m.start, m.stop))
      assert.is_true(m.start > last) -- in text order, never overlapping
      last = m.stop
    end
    assert.same({ 22, 37, "PER" }, { mentions[2].start, mentions[2].stop, mentions[2].type })
  end)

  it("finds nothing where there is nothing", function()
    assert.same({}, tagged(""))
    assert.same({}, tagged("it was raining again, and nobody said anything."))
  end)
end)

describe("the model file", function()
  local bytes = helpers.read_file(model_path)

  local function load_bytes(content)
    local path = helpers.write_temp(content, ".model")
    local model, err = core.ner_load(path)
    os.remove(path)
    return model, err
  end

  it("loads, and is small", function()
    assert.truthy(core.ner_load(model_path))
    assert.is_true(#bytes <= 10 * 1024 * 1024)
  end)

  it("refuses missing, empty, truncated, foreign and damaged files", function()
    local model, err = core.ner_load(helpers.root .. "/no/such.model")
    assert.is_nil(model)
    assert.truthy(err:find("no/such.model", 1, true))
    for _, content in ipairs({
      "", bytes:sub(1, 20), bytes:sub(1, #bytes - 1), bytes .. "x", ("x"):rep(#bytes),
      bytes:sub(1, 100) .. string.char((bytes:byte(101) + 1) % 256) .. bytes:sub(102),
      bytes:sub(1, 8) .. "\2" .. bytes:sub(10),
    }) do
      model, err = load_bytes(content)
      assert.is_nil(model)
      assert.truthy(err:find("damaged", 1, true))
    end
  end)
end)

describe("training", function()
  local docs = {
    { text = "Reuters reported that Kofi Annan visited Lagos .",
      gold = { { start = 1, stop = 7, type = "ORG" }, { start = 23, stop = 32, type = "PER" },
               { start = 42, stop = 46, type = "LOC" } } },
    { text = "Annan left Lagos for Geneva with Reuters staff .",
      gold = { { start = 1, stop = 5, type = "PER" }, { start = 12, stop = 16, type = "LOC" },
               { start = 22, stop = 27, type = "LOC" }, { start = 34, stop = 40, type = "ORG" } } },
  }

  local function train(path, epochs)
    local trainer = core.ner_trainer()
    for _, d in ipairs(docs) do trainer:add(core.analyze(d.text), d.text, d.gold) end
    trainer:write(epochs, path)
    return helpers.read_file(path)
  end

  it("gives the same bytes every time, and learns its data", function()
    local a, b = os.tmpname(), os.tmpname()
    local first, second = train(a, 5), train(b, 5)
    assert.equal(first, second)
    assert.are_not.equal(first, train(b, 1))
    local model = assert(core.ner_load(a))
    local text = docs[2].text
    local found = {}
    for _, m in ipairs(core.analyze(text):entities(model, text)) do
      found[#found + 1] = m.type .. ":" .. m.text
    end
    assert.same({ "PER:Annan", "LOC:Lagos", "LOC:Geneva", "ORG:Reuters" }, found)
    os.remove(a)
    os.remove(b)
  end)

  it("rejects bad gold annotations", function()
    local trainer = core.ner_trainer()
    local text = "Kofi Annan"
    assert.has_error(function() trainer:add(core.analyze(text), text, { { start = 1, stop = 4, type = "XYZ" } }) end)
    assert.has_error(function() trainer:add(core.analyze(text), text, { { start = 0, stop = 4, type = "PER" } }) end)
    assert.has_error(function() trainer:write(0, os.tmpname()) end)
  end)
end)
