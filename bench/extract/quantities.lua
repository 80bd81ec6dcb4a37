-- make eval-quantities: every quantity lede finds in examples/corpus, counts by unit, and the
-- precision and recall of a small HAND CHECK (bench/extract/quantities_expected.txt, cases read
-- off the corpus by hand). The hand check shows known cases still work; it is not a benchmark.
local lede = require("lede")

local dir = arg[1] or "examples/corpus"
local expected_path = arg[2] or "bench/extract/quantities_expected.txt"

local files = {}
for name in io.popen('ls "' .. dir .. '"'):lines() do
  if name:match("%.jsonl$") then files[#files + 1] = dir .. "/" .. name end
end

local found, by_unit, total = {}, {}, 0
for _, path in ipairs(files) do
  for _, a, err in lede.read(path) do
    if a then
      for _, q in ipairs(a:quantities()) do
        total = total + 1
        -- The fixture is typed with plain spaces; the corpus has some no-break spaces.
        found[a.id .. "\t" .. q.text:gsub("\xC2\xA0", " ")] = true
        by_unit[q.unit] = (by_unit[q.unit] or 0) + 1
        print(("%-18s %-40s %-16s %-18s %s"):format(a.id, q.text, ("%.6g"):format(q.value)
          .. (q.value_max and ("-" .. ("%.6g"):format(q.value_max)) or ""), q.unit, q.approx or ""))
      end
    elseif err then
      io.stderr:write(path, ": ", err, "\n")
    end
  end
end

local units = {}
for unit, n in pairs(by_unit) do units[#units + 1] = { unit, n } end
table.sort(units, function(x, y) return x[2] > y[2] or (x[2] == y[2] and x[1] < y[1]) end)
print(("\n%d quantities in %d files; by unit:"):format(total, #files))
for _, u in ipairs(units) do print(("  %-20s %d"):format(u[1] == "" and "(bare)" or u[1], u[2])) end

local hits, n = 0, 0
for line in io.lines(expected_path) do
  if not line:match("^#") and line:match("%S") then
    n = n + 1
    if found[line] then hits = hits + 1 else print("  missed (hand check): " .. line) end
  end
end
print(("\nHand check (not a benchmark): %d of %d hand-checked quantities found exactly (%.0f%%)")
  :format(hits, n, n > 0 and 100 * hits / n or 0))
