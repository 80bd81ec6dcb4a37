-- The small JSON encoder the commands share (`lede analyze`, `lede search --json`).
--
-- Keys are written in a fixed order (cjson's follows the hash) so output is stable and
-- readable, and empty lists come out as [] (Debian's cjson 2.1.0 has no empty_array).
-- Its cjson also escapes "/" with no switch to turn that off; an unescaped "\/" pair can only
-- be such an escape, since a literal backslash is written as "\\".
local cjson = require "cjson"

local json = cjson.new()

local M = {}

-- A string, number, boolean or nil (null).
function M.scalar(v)
  if v == nil then return "null" end
  return (json.encode(v):gsub("\\/", "/"))
end

-- Keys repeat (every token of `analyze --tokens` has the same seven): each is encoded once.
local encoded_key = setmetatable({}, { __index = function(cache, k)
  local s = M.scalar(k) .. ":"
  cache[k] = s
  return s
end })

-- An object of the given keys, in that order, with scalar values.
function M.object(keys, t)
  local parts = {}
  for i, k in ipairs(keys) do parts[i] = encoded_key[k] .. M.scalar(t[k]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

-- A list of scalars, or of objects with the given keys.
function M.array(list, keys)
  local parts = {}
  for i, item in ipairs(list or {}) do parts[i] = keys and M.object(keys, item) or M.scalar(item) end
  return "[" .. table.concat(parts, ",") .. "]"
end

-- An object from { {key, encoded value}, ... }: for values that are themselves objects or lists.
function M.members(pairs_list)
  local parts = {}
  for i, p in ipairs(pairs_list) do parts[i] = encoded_key[p[1]] .. p[2] end
  return "{" .. table.concat(parts, ",") .. "}"
end

function M.sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  return keys
end

return M
