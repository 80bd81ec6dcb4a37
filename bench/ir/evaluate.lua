-- Scores TREC runs against qrels with bench/lib/treceval.lua and prints one Markdown table.
-- usage: lua5.4 bench/ir/evaluate.lua [--trec-eval PATH] [--target SYSTEM] QRELS NAME=RUN...
--   NAME=RUN        a run file; NAME=pending prints a row marked pending
--   --trec-eval P   also runs trec_eval at P on each run and checks that every measure agrees
--                   to trec_eval's 4 printed decimals (exit 1 if not)
--   --target S      prints whether S is ≥ the best of the other systems on each measure
-- Averages follow trec_eval's default (no -c): over the judged queries the run answers. When a run
-- leaves judged queries unanswered the queries column says so, and the target is judged on -c means
-- (all judged queries, missing ones as 0) for every system, so that all are averaged alike.

package.path = (arg[0]:match("^(.*)/[^/]*$") or ".") .. "/../?.lua;" .. package.path
local te = require("lib.treceval")

local MEASURES = te.DEFAULT_MEASURES -- map, ndcg_cut_10, P_10, recall_100
local HEADERS = { map = "MAP", ndcg_cut_10 = "nDCG@10", P_10 = "P@10", recall_100 = "R@100" }

local function usage(msg)
  io.stderr:write("evaluate: ", msg, "\nusage: lua5.4 bench/ir/evaluate.lua [--trec-eval PATH] ",
    "[--target SYSTEM] QRELS NAME=RUN...\n")
  os.exit(2)
end

local trec_eval, target, qrels_path
local systems = {}
local i = 1
while i <= #arg do
  local a = arg[i]
  if a == "--trec-eval" then
    trec_eval = arg[i + 1] or usage("--trec-eval needs a path"); i = i + 1
  elseif a == "--target" then
    target = arg[i + 1] or usage("--target needs a system"); i = i + 1
  elseif not qrels_path then
    qrels_path = a
  else
    local name, path = a:match("^([^=]+)=(.+)$")
    if not name then usage("expected NAME=RUN, got '" .. a .. "'") end
    systems[#systems + 1] = { name = name, path = path }
  end
  i = i + 1
end
if not qrels_path or #systems == 0 then usage("need QRELS and at least one NAME=RUN") end

local function readable(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

local function shq(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- trec_eval's summary values for one run: { [measure] = number }, num_q.
local function run_trec_eval(path)
  local cmd = string.format("%s -m map -m ndcg_cut.10 -m P.10 -m recall.100 %s %s 2>&1",
    shq(trec_eval), shq(qrels_path), shq(path))
  local p = assert(io.popen(cmd))
  local vals = {}
  for line in p:lines() do
    local m, v = line:match("^(%S+)%s+all%s+(%S+)")
    if m then vals[m] = tonumber(v) end
  end
  p:close()
  return vals
end

-- f(...), or the error as one line and exit 1 (a bad qrels or run file).
local function try(f, ...)
  local ok, v, v2 = pcall(f, ...)
  if not ok then
    io.stderr:write("evaluate: ", tostring(v), "\n")
    os.exit(1)
  end
  return v, v2
end

local qrels = try(te.read_qrels, qrels_path)
local judged = 0
for _ in pairs(qrels) do judged = judged + 1 end

local rows, failures, notes = {}, 0, {}
for _, s in ipairs(systems) do
  local row = { name = s.name }
  if s.path == "pending" then
    row.pending = true
  elseif not readable(s.path) then
    usage("cannot read run " .. s.path)
  else
    local run = try(te.read_run, s.path)
    row.result = te.evaluate(qrels, run, { measures = MEASURES })
    row.complete = te.evaluate(qrels, run, { measures = MEASURES, complete = true })
    if #row.result.missing > 0 then
      notes[#notes + 1] = string.format("%s retrieved nothing for %d judged queries (%s%s); with -c "
        .. "(each counted as 0) its MAP is %.4f and nDCG@10 %.4f.", s.name, #row.result.missing,
        table.concat(row.result.missing, " ", 1, math.min(5, #row.result.missing)),
        #row.result.missing > 5 and " …" or "", row.complete.mean.map, row.complete.mean.ndcg_cut_10)
    end
    if trec_eval then
      local ref = run_trec_eval(s.path)
      local bad = {}
      for _, m in ipairs(MEASURES) do
        local mine = tonumber(string.format("%.4f", row.result.mean[m]))
        if ref[m] == nil or math.abs(ref[m] - mine) > 1e-9 then
          bad[#bad + 1] = string.format("%s %.4f vs trec_eval %s", m, mine, tostring(ref[m]))
        end
      end
      if ref.num_q ~= nil and ref.num_q ~= row.result.num_q then
        bad[#bad + 1] = string.format("num_q %d vs trec_eval %s", row.result.num_q, ref.num_q)
      end
      row.check = #bad == 0 and "agrees" or table.concat(bad, "; ")
      if #bad > 0 then failures = failures + 1 end
    end
  end
  rows[#rows + 1] = row
end

local head = { "system" }
for _, m in ipairs(MEASURES) do head[#head + 1] = HEADERS[m] end
head[#head + 1] = "queries"
if trec_eval then head[#head + 1] = "trec_eval" end
print("| " .. table.concat(head, " | ") .. " |")
local rule = { "---" }
for k = 2, #head do rule[k] = k <= #MEASURES + 2 and "---:" or "---" end
print("| " .. table.concat(rule, " | ") .. " |")
for _, r in ipairs(rows) do
  local cells = { r.name }
  for _, m in ipairs(MEASURES) do
    cells[#cells + 1] = r.pending and "pending" or string.format("%.4f", r.result.mean[m])
  end
  cells[#cells + 1] = r.pending and "—" or #r.result.missing > 0
    and string.format("%d of %d", r.result.num_q, judged) or string.format("%d", r.result.num_q)
  if trec_eval then cells[#cells + 1] = r.check or "—" end
  print("| " .. table.concat(cells, " | ") .. " |")
end
print()
print(string.format("%d queries have judgments in %s.", judged, qrels_path:match("[^/]*/[^/]*$") or qrels_path))
for _, n in ipairs(notes) do print(n) end

-- The target compares like with like: when some run left judged queries unanswered, every
-- system's means are taken over all judged queries (-c), the missing ones counted as 0.
if target then
  local key = #notes > 0 and "complete" or "result"
  local mine, best = nil, {}
  for _, r in ipairs(rows) do
    if r.name == target then
      mine = r
    elseif not r.pending then
      for _, m in ipairs(MEASURES) do
        if not best[m] or r[key].mean[m] > best[m].v then best[m] = { v = r[key].mean[m], name = r.name } end
      end
    end
  end
  if mine and mine.pending then
    print(string.format("Target %s ≥ the best peer: pending (%s's run is not available yet).", target, target))
  elseif mine and next(best) then
    local parts, met = {}, 0
    for _, m in ipairs(MEASURES) do
      local ok = mine[key].mean[m] >= best[m].v
      if ok then met = met + 1 end
      parts[#parts + 1] = string.format("%s %.4f vs %.4f (%s) %s", HEADERS[m], mine[key].mean[m],
        best[m].v, best[m].name, ok and "met" or "NOT MET")
    end
    print(string.format("Target %s ≥ the best peer%s, met on %d of %d: %s.", target,
      key == "complete" and " (over all judged queries, -c, as the runs answer different queries)" or "",
      met, #MEASURES, table.concat(parts, "; ")))
  end
end

if failures > 0 then
  io.stderr:write(string.format("evaluate: %d run(s) disagree with trec_eval\n", failures))
  os.exit(1)
end
