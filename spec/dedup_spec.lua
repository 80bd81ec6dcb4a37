-- Near-duplicates: signatures, the set, duplicate groups, thresholds, the byte format.
local lede = require("lede")
local cjson = require("cjson")

local root = debug.getinfo(1, "S").source:match("^@(.*)/spec/[^/]*$") or "."

-- Every article of the sample corpus, in file order.
local function corpus()
  local list = {}
  for _, name in ipairs({ "court-case", "defence-ministers", "election", "health", "markets",
                          "storm", "trade-dispute" }) do
    for line in io.lines(root .. "/examples/corpus/" .. name .. ".jsonl") do
      list[#list + 1] = cjson.decode(line)
    end
  end
  return list
end

local function by_id(list)
  local t = {}
  for _, a in ipairs(list) do t[a.id] = a end
  return t
end

local function group_ids(set)
  local out = {}
  for _, g in ipairs(set:groups()) do out[#out + 1] = table.concat(g.members, " ") .. " " .. g.kind end
  table.sort(out)
  return out
end

describe("lede.dedup on the sample corpus", function()
  -- The corpus holds, by design, two stories republished word for word under another headline
  -- and source (court-006, defence-004), an update with an appended paragraph (election-005)
  -- and two lightly edited versions (markets-004, storm-004); every other article is a story
  -- of its own, most of them on the same topic as several others.
  local articles = corpus()
  local set = lede.dedup.new()
  for _, a in ipairs(articles) do set:add(lede.article(a)) end

  it("finds the republished copies, the update and the edited versions, and nothing else", function()
    assert.same({
      "court-005 court-006 exact",
      "defence-003 defence-004 exact",
      "election-004 election-005 near",
      "markets-003 markets-004 near",
      "storm-003 storm-004 near",
    }, group_ids(set))
  end)

  it("gives each pair its similarity and kind, the earlier article first", function()
    local pairs = set:pairs()
    assert.equal(5, #pairs)
    for _, p in ipairs(pairs) do
      if p.kind == "exact" then
        assert.equal(1, p.similarity)
      else
        -- A changed word costs the five shingles over it, a paragraph its own: these versions
        -- share most of their shingles, and the sets are a few hundred strong.
        assert.is_true(p.similarity >= 0.6 and p.similarity < 1, p.a .. " ~ " .. p.b)
      end
      assert.is_true(p.a < p.b)
    end
  end)

  it("counts the duplicate rate", function()
    local s = set:stats()
    assert.same({ 45, 5, 5, 2, 3 }, { s.articles, s.groups, s.duplicates, s.exact_pairs, s.near_pairs })
    assert.near(5 / 45, s.rate, 1e-12)
    assert.equal(45, #set)
    assert.is_true(s.bytes > 0)
  end)

  it("keeps near copies below a higher threshold out, exact copies in", function()
    local strict = lede.dedup.new({ threshold = 0.95 })
    for _, a in ipairs(articles) do strict:add(lede.article(a)) end
    assert.same({ "court-005 court-006 exact", "defence-003 defence-004 exact" }, group_ids(strict))
  end)

  it("answers a query without adding the article", function()
    local storm = by_id(articles)["storm-003"]
    local found = set:query(lede.article(storm))
    assert.same({ "storm-003", "storm-004" }, { found[1].id, found[2].id })
    assert.equal("exact", found[1].kind)
    assert.equal(45, #set)
  end)
end)

describe("lede.dedup copies of one wire story", function()
  local storm = by_id(corpus())["storm-001"]
  local original = lede.dedup.signature(lede.article(storm))

  local function compare(text)
    return lede.dedup.similarity(original, lede.dedup.signature(text))
  end

  it("calls a copy exact whatever its case, quote marks, dashes and line breaks", function()
    local retyped = storm.text:upper():gsub('"', "'"):gsub(" — ", " - "):gsub("\n\n", "\n")
    local similarity, exact = compare(retyped)
    assert.is_true(exact)
    assert.equal(1, similarity)
  end)

  it("finds a copy under a new headline with a byline and a credit line", function()
    local copy = lede.article({ title = "Red alert on the Atlantic coast", text = "By Staff Reporter\n\n"
      .. storm.text .. "\n\n(Reporting by Ana Ruiz; editing by Tom Hale)" })
    local set = lede.dedup.new()
    set:add("original", original)
    local found = set:add("copy", copy)
    assert.equal(1, #found)
    assert.same({ "original", "near" }, { found[1].id, found[1].kind })
    assert.is_true(found[1].similarity > 0.85)
  end)

  it("does not match a different story on the same storm", function()
    local other = by_id(corpus())["storm-002"]
    local similarity, exact = compare(other.text)
    assert.is_false(exact)
    assert.is_true(similarity < 0.1)
  end)

  it("estimates the Jaccard similarity of the shingle sets", function()
    -- 14 words make 10 five-word shingles; changing the last word changes one of them, so the
    -- sets share 9 of 11: J = 0.818. 128 hashes estimate it within about ±0.034 (one s.d.).
    local a = lede.dedup.signature("The harbour master said the ferry would stay in port until the storm passed.")
    local b = lede.dedup.signature("The harbour master said the ferry would stay in port until the storm eased.")
    local similarity, exact = lede.dedup.similarity(a, b)
    assert.is_false(exact)
    assert.is_true(math.abs(similarity - 9 / 11) < 0.15, tostring(similarity))
  end)

  it("is the same bytes on every call (fixed seeds)", function()
    assert.equal(original, lede.dedup.signature(storm))
    assert.equal(original, lede.dedup.signature(lede.article(storm)))
  end)

  it("ignores the headline: only the text counts", function()
    local retitled = { title = "Something else entirely", text = storm.text }
    assert.equal(original, lede.dedup.signature(retitled))
  end)
end)

describe("lede.dedup signature bytes", function()
  local text = "Gusts of up to 140 km/h are possible on exposed headlands, forecasters said."
  local sig = lede.dedup.signature(text)

  it("are 20 bytes and 4 per hash, with a version byte first", function()
    assert.equal(20 + 4 * 128, #sig)
    assert.equal(1, sig:byte(1))
    assert.equal(20 + 4 * 64, #lede.dedup.signature(text, { hashes = 64 }))
    assert.same({ version = 1, shingle = 5, hashes = 128, words = 14 }, lede.dedup.info(sig))
  end)

  it("survive a file round trip and still find their copy", function()
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    f:write(sig)
    f:close()
    f = assert(io.open(path, "rb"))
    local stored = f:read("a")
    f:close()
    os.remove(path)
    local set = lede.dedup.new()
    set:add("stored", stored)
    local found = set:add("again", lede.article(text))
    assert.same({ "stored", "exact", 1 }, { found[1].id, found[1].kind, found[1].similarity })
  end)

  it("are rejected when damaged, truncated or of another version", function()
    local flipped = sig:sub(1, 100) .. string.char(sig:byte(101) ~ 0x10) .. sig:sub(102)
    local damaged = { flipped, sig:sub(1, -2), sig .. "\0", "\2" .. sig:sub(2), "", "not a signature" }
    for _, bytes in ipairs(damaged) do
      assert.has_error(function() lede.dedup.info(bytes) end,
        "lede.dedup: not a signature of this format version, or a damaged one")
      assert.has_error(function() lede.dedup.new():add("x", bytes) end,
        "lede.dedup: not a signature of this format version, or a damaged one")
    end
  end)

  it("from other options are refused by a set", function()
    local set = lede.dedup.new()
    assert.has_error(function() set:add("a", lede.dedup.signature(text, { shingle = 3 })) end,
      "lede.dedup: the signatures were made with different shingle sizes or hash counts")
    assert.has_error(function() lede.dedup.similarity(sig, lede.dedup.signature(text, { hashes = 64 })) end,
      "lede.dedup: the signatures were made with different shingle sizes or hash counts")
  end)

  it("of a text without words match nothing, not even each other", function()
    local empty = lede.dedup.signature(" — … ")
    assert.equal(0, lede.dedup.info(empty).words)
    local set = lede.dedup.new()
    assert.same({}, set:add("a", empty))
    assert.same({}, set:add("b", empty))
    assert.same({ 0, false }, { lede.dedup.similarity(empty, empty) })
  end)
end)

describe("lede.dedup bad input", function()
  it("names the bad option", function()
    assert.has_error(function() lede.dedup.new({ threshold = 0 }) end,
      "lede.dedup.new: threshold= must be a number in (0, 1]")
    assert.has_error(function() lede.dedup.new({ threshold = 1.5 }) end,
      "lede.dedup.new: threshold= must be a number in (0, 1]")
    assert.has_error(function() lede.dedup.new({ shingle = 0 }) end,
      "lede.dedup.new: shingle= must be an integer from 1 to 32")
    assert.has_error(function() lede.dedup.new({ hashes = 64, bands = 65 }) end,
      "lede.dedup.new: bands= must be an integer from 1 to 64")
    assert.has_error(function() lede.dedup.signature("text", { hashes = 2.5 }) end,
      "lede.dedup.signature: hashes= must be an integer from 1 to 1024")
    assert.has_error(function() lede.dedup.new("strict") end, "lede.dedup.new: options must be a table")
  end)

  it("refuses what is not an article, and ids that are missing or taken", function()
    assert.has_error(function() lede.dedup.signature(42) end,
      "lede.dedup.signature: expected an article, a table of fields or a text, got number")
    local set = lede.dedup.new()
    set:add("a", lede.dedup.signature("Storm Odile reached the coast on Wednesday."))
    assert.has_error(function() set:add(lede.article("No id here.")) end,
      "lede.dedup: set:add needs an id (a string or an integer), got nil")
    assert.has_error(function() set:add("a", lede.article("Another text.")) end,
      'lede.dedup: id "a" is already in the set')
    assert.has_error(function() set.add("b", lede.article("Another text.")) end,
      "lede.dedup: set methods are called with ':' (set:add(id, article))")
    assert.has_error(function() lede.dedup.similarity("a") end,
      "lede.dedup.similarity: expected two signatures (strings from lede.dedup.signature)")
  end)
end)
