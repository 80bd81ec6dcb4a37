-- A report as JSON: the document itself (docs/REPORTS.md, "The JSON schema"), keys sorted so
-- that the same report gives the same bytes, lists as arrays (an empty one as []), and absent
-- optional fields left out. Strings and keys are written as the commands write them
-- (lede.cli.json).
local json = require "lede.cli.json"

local M = {}

local function number_of(v)
  if math.type(v) == "integer" or (v == math.floor(v) and math.abs(v) < 2^53) then
    return string.format("%d", v)
  end
  if v ~= v or v == math.huge or v == -math.huge then return "null" end
  return string.format("%.14g", v)
end

local encode

-- A table whose first item is set, or an empty one, is a list; any other a sorted object.
local function table_of(t, out)
  if t[1] ~= nil or next(t) == nil then
    out[#out + 1] = "["
    for i, v in ipairs(t) do
      if i > 1 then out[#out + 1] = "," end
      encode(v, out)
    end
    out[#out + 1] = "]"
    return
  end
  out[#out + 1] = "{"
  for i, k in ipairs(json.sorted_keys(t)) do
    if i > 1 then out[#out + 1] = "," end
    out[#out + 1] = json.scalar(k) .. ":"
    encode(t[k], out)
  end
  out[#out + 1] = "}"
end

function encode(v, out)
  local kind = type(v)
  if kind == "string" then out[#out + 1] = json.scalar(v)
  elseif kind == "number" then out[#out + 1] = number_of(v)
  elseif kind == "boolean" then out[#out + 1] = tostring(v)
  elseif kind == "table" then table_of(v, out)
  else error("lede.report: cannot write a " .. kind .. " as JSON", 0) end
end

function M.render(doc)
  local out = {}
  encode(doc, out)
  return table.concat(out) .. "\n"
end

return M
