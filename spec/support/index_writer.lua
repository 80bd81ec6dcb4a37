-- A writer for the crash test: adds documents in batches to the index in arg[1], committing after
-- each batch and printing "committed N" (N documents in all) once the commit has returned. The
-- test kills it with SIGKILL at a random moment.
local lede = require("lede")
local dir, start = arg[1], tonumber(arg[2])
local batch = 40
local ix = lede.index.open(dir, { create = true })
local n = ix:stats().documents
assert(n == start, "the index has " .. n .. " documents, the test expected " .. start)
for round = 1, 1000 do
  for k = 1, batch do
    local id = ("%d-%d-%d"):format(start, round, k)
    ix:add({ id = id, title = "Report " .. id, date = "2026-02-13",
             text = ("Ministers met in Brussels on round %d item %d to discuss the mission."):format(round, k) })
  end
  ix:commit()
  n = n + batch
  io.write("committed ", n, "\n")
  io.flush()
end
