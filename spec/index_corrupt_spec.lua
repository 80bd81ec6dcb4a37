-- A damaged or truncated index file is a clear error that names the file, never a crash or a
-- silently wrong answer.
local lede = require("lede")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

local read_file, write_file = helpers.read_file, helpers.write_file

local function build(dir)
  local ix = lede.index.open(dir, { create = true })
  for i = 1, 30 do
    ix:add({ id = "a" .. i, title = "Storm report " .. i, text = "The storm hit the coast near Vigo on day " .. i .. ".",
             date = "2026-02-13", source = "Wire" })
  end
  ix:commit()
  ix:close()
end

-- The name of the (first) segment file in dir.
local function segment_of(dir)
  return (helpers.sh("ls " .. helpers.quote(dir) .. " | grep lseg"):match("[^\n]+"))
end

-- Opens the index and searches it; returns the error message, or nil when all went well.
local function try(dir)
  local ok, err = pcall(function()
    local ix = lede.index.open(dir)
    ix:search("storm")
    ix:close()
  end)
  return not ok and err or nil
end

describe("a damaged index", function()
  local dir
  before_each(function() dir = helpers.temp_path(); build(dir) end)
  after_each(function() helpers.remove_dir(dir) end)

  it("refuses a segment with a flipped byte anywhere, naming the file", function()
    local name = segment_of(dir)
    local path = dir .. "/" .. name
    local original = read_file(path)
    math.randomseed(3)
    for _ = 1, 40 do
      local at = math.random(1, #original)
      local flipped = original:sub(1, at - 1) .. string.char(original:byte(at) ~ (1 << math.random(0, 7))) .. original:sub(at + 1)
      write_file(path, flipped)
      local err = try(dir)
      assert.truthy(err, "byte " .. at)
      assert.truthy(err:find(name, 1, true), err)
    end
    write_file(path, original)
    assert.is_nil(try(dir))
  end)

  it("refuses a truncated segment, naming the file", function()
    local name = segment_of(dir)
    local path = dir .. "/" .. name
    local original = read_file(path)
    for _, keep in ipairs({ 0, 1, 8, 100, #original // 2, #original - 1 }) do
      write_file(path, original:sub(1, keep))
      local err = try(dir)
      assert.truthy(err and err:find(name, 1, true), err)
      assert.truthy(err:find("corrupt", 1, true) or err:find("truncated", 1, true), err)
    end
  end)

  it("refuses a damaged or truncated manifest", function()
    local path = dir .. "/MANIFEST"
    local original = read_file(path)
    write_file(path, original:sub(1, #original - 3))
    assert.truthy(try(dir):find("MANIFEST", 1, true))
    write_file(path, original:sub(1, 10) .. "X" .. original:sub(12))
    assert.truthy(try(dir):find("MANIFEST", 1, true))
  end)

  it("reports a segment the manifest names but the directory lacks", function()
    local name = segment_of(dir)
    os.remove(dir .. "/" .. name)
    local err = try(dir)
    assert.truthy(err and err:find(name, 1, true), err)
  end)

  it("ignores stray files a crashed writer left, and removes them when writing", function()
    write_file(dir .. "/seg-99999999.lseg", "half a segment")
    write_file(dir .. "/MANIFEST.tmp", "half a manifest")
    assert.is_nil(try(dir))
    local ix = lede.index.open(dir)
    ix:add({ id = "new", text = "storm" })
    ix:commit()
    ix:close()
    assert.is_nil(io.open(dir .. "/seg-99999999.lseg"))
  end)
end)
