-- Crash safety: a writer killed at any moment leaves an index that opens at its last commit.
local lede = require("lede")
local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")

describe("an index whose writer is killed", function()
  it("opens at the last commit, every time", function()
    local dir = helpers.temp_path()
    local log = dir .. ".log"
    math.randomseed(5)
    local committed = 0
    for attempt = 1, 25 do
      -- Sleep a random time, then SIGKILL the writer wherever it is: adding, flushing,
      -- writing a segment, merging, or renaming the manifest.
      local delay = math.random(5, 400) / 1000
      helpers.sh(("lua5.4 '%s/spec/support/index_writer.lua' '%s' %d > '%s' & pid=$!; sleep %.3f; "
        .. "kill -9 $pid; wait $pid 2>&1"):format(helpers.root, dir, committed, log, delay))
      local last = committed
      for line in io.lines(log) do
        last = tonumber(line:match("^committed (%d+)$")) or error("unexpected writer output: " .. line)
      end
      local ix = lede.index.open(dir, { create = true })
      local n = ix:stats().documents
      -- The commit after the last one printed may have completed before the kill.
      assert.is_true(n == last or n == last + 40, ("attempt %d: %d documents, last commit %d"):format(attempt, n, last))
      assert.equal(n, ix:search("ministers", { limit = 0, snippet = false }).total)
      committed = n
      ix:close()
    end
    assert.is_true(committed > 0, "the writer committed at least once")
    os.remove(log)
    helpers.remove_dir(dir)
  end)
end)
