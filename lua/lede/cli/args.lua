-- The option parser every subcommand shares, and the usage error it raises.
--
-- A subcommand declares its options as a list (the order is the order help prints them):
--   options = { { "title", "T", "use T as the title" }, { "tokens", nil, "include tokens" } }
-- The second field names the option's value; nil means the option is a flag. An optional
-- fourth field is a one-letter alias: { "output", "DIR", "the index directory", "o" } takes -o.
local M = {}

local usage_mt = { __tostring = function(e) return e.message end }

-- Raises an error the dispatcher turns into "lede CMD: message" + a hint, and exit status 2.
function M.usage_error(command, fmt, ...)
  error(setmetatable({ command = command, message = string.format(fmt, ...) }, usage_mt), 0)
end

function M.is_usage_error(err)
  return getmetatable(err) == usage_mt
end

local function find(options, name)
  for _, opt in ipairs(options) do
    if opt[1] == name then return opt end
  end
end

-- The value of option `name` as a whole number of at least `least` (0 when nil), or `default`
-- when the option is absent. Anything else is a usage error that names the option as -x (--name)
-- when it has a one-letter alias, so the user recognises what they typed.
function M.whole_number(command, options, opts, name, default, least)
  local v = opts[name]
  if v == nil then return default end
  least = least or 0
  if not v:match("^%d+$") or #v > 15 or tonumber(v) < least then
    local letter = find(options, name)[4]
    local label = letter and string.format("-%s (--%s)", letter, name) or "--" .. name
    local bound = least > 0 and " of at least " .. least or ""
    M.usage_error(command, "%s takes a whole number%s, got '%s'", label, bound, v)
  end
  return math.tointeger(tonumber(v))
end

local function find_short(options, letter)
  for _, opt in ipairs(options) do
    if opt[4] == letter then return opt end
  end
end

-- Parses argv[first..]; returns opts (flags true, values strings, help=true for -h/--help) and
-- the operands. `max` is how many operands the command takes.
function M.parse(command, options, max, argv, first)
  local opts, operands = {}, {}
  local i = first or 1
  while argv[i] ~= nil do
    local a = argv[i]
    if a == "--" then
      table.move(argv, i + 1, #argv, #operands + 1, operands)
      break
    elseif a == "-h" or a == "--help" then
      opts.help = true
    elseif a:sub(1, 2) == "--" then
      local name, value = a:match("^%-%-([^=]+)=(.*)$")
      name = name or a:sub(3)
      local opt = find(options, name)
      if not opt then M.usage_error(command, "unknown option '--%s'", name) end
      if opt[2] == nil then
        if value then M.usage_error(command, "option '--%s' takes no value", name) end
        value = true
      elseif value == nil then
        i = i + 1
        value = argv[i]
        if value == nil then M.usage_error(command, "option '--%s' needs a value (%s)", name, opt[2]) end
      end
      opts[name] = value
    elseif a:sub(1, 1) == "-" and a ~= "-" then
      local opt = #a == 2 and find_short(options, a:sub(2))
      if not opt then M.usage_error(command, "unknown option '%s'", a) end
      local value = true
      if opt[2] ~= nil then
        i = i + 1
        value = argv[i]
        if value == nil then M.usage_error(command, "option '%s' needs a value (%s)", a, opt[2]) end
      end
      opts[opt[1]] = value
    else
      operands[#operands + 1] = a
    end
    i = i + 1
  end
  if #operands > max and not opts.help then
    M.usage_error(command, "unexpected argument '%s' (at most %d expected)", operands[max + 1], max)
  end
  return opts, operands
end

-- The OPTIONS block of a command's help, aligned.
function M.describe(options)
  local rows, width, short = {}, 0, false
  for _, opt in ipairs(options) do short = short or opt[4] ~= nil end
  for _, opt in ipairs(options) do
    local left = (opt[4] and ("-" .. opt[4] .. ", ") or (short and "    " or "")) .. "--" .. opt[1]
      .. (opt[2] and (" " .. opt[2]) or "")
    rows[#rows + 1] = { left, opt[3] }
    width = math.max(width, #left)
  end
  local out = {}
  for _, row in ipairs(rows) do
    out[#out + 1] = string.format("  %-" .. width .. "s  %s", row[1], row[2])
  end
  return table.concat(out, "\n")
end

return M
