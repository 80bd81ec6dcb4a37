-- Report speed (`make bench-reports`): every built-in report in every format over an index of
-- Reuters-21578 + BBC (~22k articles), each run as `lede report ...` in a fresh process, wall
-- clock, median of 3 runs. The index is built once (with entity fields, as `lede index` does by
-- default) under build/bench-reports/ and reused while it is there; delete that folder to rebuild.
--
-- usage: lua5.4 bench/bench_reports.lua NEWS_DIR      (NEWS_DIR: ../shared/data/news)
--   RUNS=3        timed runs per report and format (the median is printed)
--   OUT=build/bench-reports   where the index is kept
package.path = "bench/?.lua;" .. package.path
local corpus = require("lib.corpus")
local cjson = require("cjson")
local lede = require("lede")
local report = require("lede.report")
local util = require("lede.cli.util")

local dir = arg[1] or "../shared/data/news"
local runs = tonumber(os.getenv("RUNS") or "") or 3
local out = os.getenv("OUT") or "build/bench-reports"
local index_dir = out .. "/index"
local lede_bin = "bin/lede"
local LUA = os.getenv("LUA") or "lua5.4"

-- The corpora, each with the field that holds its text and the source name it is given.
local FILES = { { "reuters21578.jsonl", "Reuters" }, { "bbc_fulltext.jsonl", "BBC" } }

for _, f in ipairs(FILES) do
  local fh = io.open(dir .. "/" .. f[1], "rb")
  if not fh then
    print("bench-reports: no " .. dir .. "/" .. f[1] .. " — benchmark data is not shipped with "
      .. "lede (see ../shared/data/news); nothing measured")
    os.exit(0)
  end
  fh:close()
end

local function run(cmd)
  local ok = os.execute(cmd)
  return ok == true
end

-- The index, built when its folder has no MANIFEST: each line gets its corpus as `source` (the
-- files have none) and goes to `lede index -` on standard input.
local function build_index()
  local manifest = io.open(index_dir .. "/MANIFEST", "rb")
  if manifest then
    manifest:close()
    io.stderr:write("bench-reports: reusing the index in " .. index_dir .. "\n")
    return
  end
  assert(run("mkdir -p " .. util.quote(out)))
  io.stderr:write("bench-reports: indexing Reuters-21578 + BBC into " .. index_dir .. "\n")
  local t0 = corpus.now()
  local pipe = assert(io.popen(LUA .. " " .. lede_bin .. " index --no-progress -o "
    .. util.quote(index_dir .. ".tmp") .. " --replace -", "w"))
  for _, f in ipairs(FILES) do
    for line in io.lines(dir .. "/" .. f[1]) do
      local rec = cjson.decode(line)
      rec.source = f[2]
      pipe:write(cjson.encode(rec), "\n")
    end
  end
  assert(pipe:close(), "bench-reports: lede index failed")
  -- Renamed only once complete, so that an interrupted build is not taken for a cached one.
  assert(run("mv " .. util.quote(index_dir .. ".tmp") .. " " .. util.quote(index_dir)))
  io.stderr:write(string.format("bench-reports: indexed in %.0f s\n", corpus.now() - t0))
end

build_index()

-- What each report is asked, from the index: the most named person, the busiest week.
local ix = lede.index.open(index_dir)
local docs = ix:stats().documents
local function facet(name, limit)
  return ix:search("", { limit = 0, count = false, facets = { name }, facet_limit = limit }).facets[name] or {}
end
local top_person = facet("person", 1)[1].value
local days = facet("date")
table.sort(days, function(a, b) return a.value < b.value end)
-- The busiest week: the most articles in seven days, the hardest briefing to make.
local calendar = require "lede.report.dates"
local week_start, week_end, most = nil, nil, -1
for i, day in ipairs(days) do
  local last, total = calendar.day_number(day.value), 0
  for k = i, 1, -1 do
    if calendar.day_number(days[k].value) < last - 6 then break end
    total = total + days[k].count
  end
  if total > most then week_start, week_end, most = calendar.iso(last - 6), day.value, total end
end
ix:close()

local BRIEF_ID = "1"  -- Reuters' first article: a long commodity review, with figures and dates
local ARGS = {
  brief = { "--id", BRIEF_ID },
  dossier = { top_person },
  quotes = { "oil" },
  timeline = { "coffee" },
  overview = {},
  briefing = { "--from", week_start, "--to", week_end },
}
local ARGS_TEXT = {}
for name, a in pairs(ARGS) do
  local shown = {}
  for i, v in ipairs(a) do shown[i] = v:find("%s") and ("'" .. v .. "'") or v end
  ARGS_TEXT[name] = table.concat(shown, " ")
end

local function median(xs)
  table.sort(xs)
  local n = #xs
  if n % 2 == 1 then return xs[(n + 1) // 2] end
  return (xs[n // 2] + xs[n // 2 + 1]) / 2
end

-- Wall-clock seconds of one `lede report` run (output to /dev/null), or nil when it failed.
local function time_report(name, format)
  local words = { LUA, lede_bin, "report", name, "--format", format, "-o", "/dev/null" }
  for _, v in ipairs(ARGS[name] or {}) do words[#words + 1] = v end
  words[#words + 1] = index_dir
  for i = 2, #words do words[i] = util.quote(words[i]) end
  local cmd = table.concat(words, " ") .. " 2>" .. util.quote(out .. "/stderr.txt")
  local t0 = corpus.now()
  local ok = run(cmd)
  local t = corpus.now() - t0
  if not ok then
    local fh = io.open(out .. "/stderr.txt", "rb")
    io.stderr:write("bench-reports: failed: " .. cmd .. "\n" .. (fh and fh:read("a") or "") .. "\n")
    if fh then fh:close() end
    return nil
  end
  return t
end

print(string.format("Reports over Reuters-21578 + BBC: %s articles in %s; wall clock of "
  .. "`lede report NAME --format F -o /dev/null ARGS INDEX` in a fresh process, median of %d runs.",
  util.thousands(docs), index_dir, runs))
print("")
local header = { "report", "arguments" }
for _, f in ipairs(report.FORMATS) do header[#header + 1] = f .. " (s)" end
print("| " .. table.concat(header, " | ") .. " |")
print("|" .. string.rep(" --- |", #header))
local slowest = 0
for _, name in ipairs(report.BUILTIN) do
  local row = { name, ARGS_TEXT[name] or "" }
  for _, format in ipairs(report.FORMATS) do
    local times, failed = {}, false
    for k = 1, runs do
      local t = time_report(name, format)
      if not t then failed = true break end
      times[k] = t
    end
    if failed then
      row[#row + 1] = "failed"
      slowest = math.huge
    else
      local t = median(times)
      slowest = math.max(slowest, t)
      row[#row + 1] = string.format("%.2f", t)
    end
  end
  print("| " .. table.concat(row, " | ") .. " |")
  io.stdout:flush()
end
print("")
print(string.format("slowest: %s (target: every report under 5 s)",
  slowest == math.huge and "a report failed" or string.format("%.2f s", slowest)))
