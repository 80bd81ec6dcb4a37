-- The news texts a timed benchmark pass runs over, and the clock it times them with. Shared by
-- bench/bench_text.lua and bench/extract/bench_extract.lua so that both read the corpus alike.
local json = require("lib.json")

local corpus = {}

-- Wall-clock like Node's hrtime; lua-system comes with busted, os.clock (CPU time) is the fallback.
local ok, system = pcall(require, "system")
corpus.now = ok and system.monotime or os.clock

-- The non-empty string FIELD of every record in each FILE:FIELD spec (JSON lines), in order, and
-- their total size in bytes. Garbage from decoding is collected before returning, outside timing.
function corpus.load(specs)
  local texts, bytes = {}, 0
  for _, spec in ipairs(specs) do
    local path, field = spec:match("^(.*):([^:]+)$")
    local records = assert(json.read_lines(path))
    for _, rec in ipairs(records) do
      local text = rec[field]
      if type(text) == "string" and text ~= "" then
        texts[#texts + 1] = text
        bytes = bytes + #text
      end
    end
  end
  collectgarbage()
  return texts, bytes
end

return corpus
