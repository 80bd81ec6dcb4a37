-- lede.read: .txt/.json/.jsonl input. Field mapping is checked with a constructor that returns
-- the fields it was given; what the real core builds from them is checked with lede.article.
local read = require "lede.read"
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local fixtures, slurp = helpers.fixtures, helpers.read_file
local write_temp, with_temp = helpers.write_temp, helpers.with_temp

-- A constructor that hands back the field table, so the tests see exactly what read produced.
local function fields(f) return f end

-- read.read of a temporary file holding content: the file's path, then what pcall returned.
local function read_temp(content, ext)
  return with_temp(content, ext, function(path) return pcall(read.read, path, fields) end)
end

-- Every (lineno, article, err) of a JSONL file.
local function collect(iter, s, c, closing)
  local out = {}
  for lineno, article, err in iter, s, c, closing do
    out[#out + 1] = { lineno = lineno, article = article, err = err }
  end
  return out
end

describe("lede.read field mapping", function()
  it("reads a .txt file as one article whose id is the file's base name", function()
    local f = read.read(fixtures .. "wire.txt", fields)
    assert.are.equal("wire", f.id)
    assert.are.equal(slurp(fixtures .. "wire.txt"), f.text)
    assert.is_nil(f.title)
  end)

  it("maps every field of a .json object, turning a number id and one author into strings", function()
    local f = read.read(fixtures .. "wire.json", fields)
    assert.are.equal("1987", f.id)
    assert.are.equal("Copper climbs on Chinese demand", f.title)
    assert.are.equal("2020-02-14", f.date)
    assert.are.equal("Reuters", f.source)
    assert.are.equal("https://example.com/markets/copper", f.url)
    assert.are.same({ "Dan Okafor" }, f.authors)
    assert.matches("^LONDON %(Reuters%) %- Copper prices", f.text) -- from "body"
  end)

  it("reads a .json array as a list, taking text from text, body or article", function()
    local list = read.read(fixtures .. "wires.json", fields)
    assert.are.equal(2, #list)
    assert.are.equal("a1", list[1].id)
    assert.matches("^Oil prices eased", list[1].text)
    assert.are.equal("South Africa's rand firmed against the dollar on Monday.", list[2].text)
    assert.are.same({ "Ana Lopes", "Tom Brandt" }, list[2].authors)
  end)

  it("prefers text over body over article", function()
    local f = read.fields { body = "from body", text = "from text", article = "from article" }
    assert.are.equal("from text", f.text)
    assert.are.equal("from body", read.fields { article = "x", body = "from body" }.text)
  end)

  it("treats JSON null as an absent field", function()
    local _, f = with_temp('{"text": "Gold rose.", "title": null, "authors": null}', ".json",
      function(path) return read.read(path, fields) end)
    assert.is_nil(f.title)
    assert.is_nil(f.authors)
  end)

  it("reads an empty .json array as an empty list", function()
    local _, list = with_temp("[ ]\n", ".json", function(path) return read.read(path, fields) end)
    assert.are.same({}, list)
  end)

  it("names the file and the article when a .json array holds a bad one", function()
    local path, ok, err = read_temp('[{"text": "Fine."}, {"title": "no text"}]', ".json")
    assert.is_false(ok)
    assert.matches(path:gsub("%p", "%%%0") .. ": article 2: no text", err)
  end)

  it("rejects a field of the wrong type with a message naming it", function()
    assert.has_error(function() read.fields { text = "x", title = 12 } end,
      'field "title" must be a string')
  end)
end)

describe("lede.read of .jsonl", function()
  it("yields good lines, skips blank ones and reports bad lines by number", function()
    local rows = collect(read.read(fixtures .. "wire.jsonl", fields))
    local good, bad = {}, {}
    for _, r in ipairs(rows) do
      if r.article then good[#good + 1] = r.lineno .. "=" .. r.article.id
      else bad[#bad + 1] = r.lineno end
    end
    -- line 2 is blank; 4 is cut short, 5 has no text; 6 (a bad date) passes the mapping
    assert.are.same({ "1=w1", "3=7", "6=w5", "7=w6" }, good)
    assert.are.same({ 4, 5 }, bad)
    assert.matches("wire%.jsonl:4: invalid JSON", rows[3].err)
    assert.matches("wire%.jsonl:5: no text", rows[4].err)
  end)

  it("keeps going after a bad line and handles CRLF endings and a byte order mark", function()
    local _, rows = with_temp('\239\187\191{"text": "Gold rose."}\r\n{oops}\r\n{"text": "Tin fell."}\r\n',
      ".jsonl", function(path) return collect(read.read(path, fields)) end)
    assert.are.equal(3, #rows)
    assert.are.equal("Gold rose.", rows[1].article.text)
    assert.matches(":2: invalid JSON", rows[2].err)
    assert.are.equal("Tin fell.", rows[3].article.text)
  end)

  it("names a handle's lines after the name it is given", function()
    local fh = assert(io.open(fixtures .. "wire.jsonl", "rb"))
    local rows = collect(read.lines(fh, "feed", fields))
    assert.matches("^feed:4: ", rows[3].err)
  end)

  it("closes the file when the loop is left early", function()
    local iter, s, c, fh = read.read(fixtures .. "wire.jsonl", fields)
    for _ in iter, s, c, fh do break end
    assert.are.equal("closed file", io.type(fh))
  end)

  it("streams: reading the first line does not load the whole file", function()
    local line = '{"id": "big", "text": "' .. string.rep("Markets were calm. ", 250) .. '"}\n'
    local path = write_temp(string.rep(line, 2000), ".jsonl") -- about 9.5 MB
    collectgarbage()
    local before = collectgarbage("count")
    local iter, s, c, fh = read.read(path, fields)
    local lineno, f = iter(s, c)
    collectgarbage()
    local grown = collectgarbage("count") - before
    fh:close()
    os.remove(path)
    assert.are.equal(1, lineno)
    assert.are.equal("big", f.id)
    assert.is_true(grown < 1024, ("memory grew by %.0f KiB"):format(grown))
  end)
end)

describe("lede.read errors", function()
  it("refuses an unknown extension, naming the path", function()
    assert.has_error(function() read.read("notes.md") end,
      "cannot read notes.md: unknown extension (expected .txt, .json or .jsonl)")
  end)

  it("names a file that cannot be opened", function()
    local ok, err = pcall(read.read, "/nonexistent/wire.txt")
    assert.is_false(ok)
    assert.matches("^cannot open /nonexistent/wire%.txt: ", err)
  end)

  it("names the file holding invalid JSON", function()
    local path, ok, err = read_temp('{"text": ', ".json")
    assert.is_false(ok)
    assert.matches(path:gsub("%p", "%%%0") .. ": invalid JSON", err)
  end)
end)

describe("lede.read with the real core", function()
  local lede = require "lede"

  it("is what init.lua exposes as lede.read", function()
    local a = lede.read(fixtures .. "wire.txt")
    assert.are.equal("wire", a.id)
    assert.are.equal(slurp(fixtures .. "wire.txt"), a.text)
    assert.are.equal(2, #a:paragraphs())
  end)

  it("builds articles from .json with their fields", function()
    local a = lede.read(fixtures .. "wire.json")
    assert.are.equal("1987", a.id)
    assert.are.equal("Reuters", a.source)
    assert.are.same({ "Dan Okafor" }, a.authors)
    assert.are.equal(2, #a:sentences())
  end)

  it("reports a bad date in a JSONL line by line number and quotes the value", function()
    local errs = {}
    for lineno, article, err in lede.read(fixtures .. "wire.jsonl") do
      if not article then errs[lineno] = err end
    end
    assert.are.same({ 4, 5, 6 }, (function()
      local k = {}
      for n in pairs(errs) do k[#k + 1] = n end
      table.sort(k)
      return k
    end)())
    assert.matches("wire%.jsonl:6: .*last Tuesday", errs[6])
    assert.not_matches("%.lua:%d+:", errs[6]) -- no Lua source positions in user messages
  end)
end)
