-- `lede report`: the command over an index directory and over JSONL files, its output files,
-- user scripts and usage errors.
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")
local cjson = require "cjson"

local report = helpers.command("report")

describe("lede report", function()
  local index_dir

  setup(function()
    index_dir = helpers.temp_dir()
    local argv = { "index", "-o", index_dir, "--no-progress" }
    for _, f in ipairs(helpers.corpus_files()) do argv[#argv + 1] = f end
    local _, _, status = helpers.lede(argv)
    assert.equal(0, status)
  end)
  teardown(function() helpers.remove_dir(index_dir) end)

  it("writes each report from an index directory", function()
    local out, err, status = report({ "brief", "--id", "storm-001", index_dir })
    assert.equal("", err)
    assert.equal(0, status)
    assert.equal("Portugal and Spain issue red warnings as Storm Odile nears Atlantic coast", helpers.lines(out)[1])
    assert.truthy(out:find("Inês Carvalho", 1, true))

    out, err, status = report({ "quotes", "--format", "md", "--speaker", "Lindqvist", index_dir })
    assert.equal(0, status, err)
    assert.truthy(out:find("^# Quote sheet: Lindqvist\n"))
    assert.truthy(out:find("\n## Zoë Lindqvist\n", 1, true))

    out, err, status = report({ "timeline", "-f", "json", "measles", index_dir })
    assert.equal(0, status, err)
    local doc = cjson.decode(out)
    assert.equal("timeline", doc.report)
    assert.equal("Timeline: measles", doc.title)

    out, err, status = report({ "overview", "-f", "html", "--from", "2026-02-16", "--to", "2026-02-18", index_dir })
    assert.equal(0, status, err)
    assert.truthy(out:find("^<!DOCTYPE html>"))
    assert.truthy(out:find("<span>period: 2026-02-16 to 2026-02-18</span>", 1, true))
    -- 2 + 1 + 5 articles on those days
    assert.truthy(out:find("<th scope=\"row\">articles</th><td>8</td>", 1, true))
  end)

  it("indexes JSONL files into a temporary directory, removed afterwards", function()
    local tmp = helpers.temp_dir()
    local file = helpers.corpus_dir .. "health.jsonl"
    local out, err, status = helpers.lede({ "report", "overview", "-f", "json", file }, nil,
      "TMPDIR=" .. helpers.quote(tmp) .. " ")
    assert.equal(0, status, err)
    assert.equal("lede: indexed 4 articles from 1 file into a temporary index\n", err)
    local counts = cjson.decode(out).sections[1].blocks[1].rows
    assert.same({ key = "articles", value = "4" }, counts[1])
    assert.equal("", helpers.sh("ls -A " .. helpers.quote(tmp)))
    helpers.remove_dir(tmp)
  end)

  it("writes to -o FILE and runs a user's script with its own options", function()
    local script = helpers.write_temp([[
return {
  options = { { "top", "N", "how many" } },
  run = function(ctx, opts, args)
    local d = ctx:document("Top " .. opts.top .. " places for " .. table.concat(args, " "))
    local items = {}
    for i, v in ipairs(ctx:facet("place", table.concat(args, " "), tonumber(opts.top))) do items[i] = { v.value, v.count } end
    d:section("Places"):bar_chart("Articles naming them", items)
    return d
  end,
}
]], ".lua")
    local target = helpers.temp_path() .. ".md"
    local out, err, status = report({ script, "--top", "2", "-f", "md", "-o", target, "storm", index_dir })
    os.remove(script)
    assert.equal(0, status, err)
    assert.equal("", out)
    local md = helpers.read_file(target)
    os.remove(target)
    assert.truthy(md:find("^# Top 2 places for storm\n"))
    local _, rows = md:gsub("\n| [^|]+ | %d+ |", "")
    assert.equal(2, rows)
  end)

  it("explains what is wrong with the command line", function()
    local cases = {
      { { "nosuch", index_dir }, "unknown report 'nosuch' (briefing, brief, dossier, quotes, timeline, overview, or the path of a Lua script)" },
      { { "brief", "-f", "pdf", index_dir }, "--format takes text, md, json, html, got 'pdf'" },
      { { "brief", "--from", "yesterday", index_dir }, "--from: " },
      { { "quotes", "--id", "x", index_dir }, "unknown option '--id'" },
      { { "timeline", "storm" }, "INPUT 'storm' not found" },
      { { "overview" }, "missing INPUT" },
    }
    for _, case in ipairs(cases) do
      local _, err, status = report(case[1])
      assert.equal(2, status, err)
      assert.truthy(err:find("lede report: " .. case[2], 1, true), err)
    end
  end)

  it("lists the reports and their options in its help", function()
    local out, _, status = helpers.lede({ "help", "report" })
    assert.equal(0, status)
    for _, name in ipairs({ "brief", "quotes", "timeline", "overview", "--speaker NAME", "--format F" }) do
      assert.truthy(out:find(name, 1, true), name)
    end
  end)
end)
