-- JSON for the bench scripts: lua-cjson decodes (it is already a lede dependency and fast on
-- 28 MB of JSONL); encoding is done here because cjson writes an empty list as `{}` and orders
-- object keys at random, and results meant for machines and diffs need `[]` and a stable order.
local cjson = require("cjson")

local json = {}

json.decode = cjson.decode

local ARRAY = {}

-- Marks t as a JSON array even when it is empty.
function json.array(t)
  return setmetatable(t or {}, ARRAY)
end

local ESCAPES = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }

local function quote(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return ESCAPES[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function encode(v, out)
  local t = type(v)
  if t == "string" then
    out[#out + 1] = quote(v)
  elseif t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error("json: cannot encode " .. tostring(v)) end
    local int = math.tointeger(v)
    out[#out + 1] = int and tostring(int) or string.format("%.6g", v)
  elseif t == "boolean" or t == "nil" then
    out[#out + 1] = tostring(v == nil and "null" or v)
  elseif getmetatable(v) == ARRAY or v[1] ~= nil then
    out[#out + 1] = "["
    for i, item in ipairs(v) do
      if i > 1 then out[#out + 1] = "," end
      encode(item, out)
    end
    out[#out + 1] = "]"
  else
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    out[#out + 1] = "{"
    for i, k in ipairs(keys) do
      if i > 1 then out[#out + 1] = "," end
      out[#out + 1] = quote(tostring(k)) .. ":"
      encode(v[k], out)
    end
    out[#out + 1] = "}"
  end
end

function json.encode(v)
  local out = {}
  encode(v, out)
  return table.concat(out)
end

-- Every record of a JSON Lines file, in order. Returns nil and a message if the file cannot be
-- opened; a malformed line is an error that names the file and line.
function json.read_lines(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local records, lineno = {}, 0
  for line in f:lines() do
    lineno = lineno + 1
    if line:find("%S") then
      local ok, rec = pcall(cjson.decode, line)
      if not ok then
        f:close()
        error(string.format("%s:%d: %s", path, lineno, rec), 0)
      end
      records[#records + 1] = rec
    end
  end
  f:close()
  return records
end

return json
