-- Small helpers the subcommands share: opening and listing files, numbers and plurals in
-- messages, the terminal, text on one line, and error messages without their "lede: " prefix.
local read = require "lede.read"

local M = {}

-- A string quoted for sh.
function M.quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- Opens a file for reading, or raises "cannot open FILE: reason" (the dispatcher adds "lede: ").
function M.open(path)
  local fh, err = io.open(path, "rb")
  if not fh then error("cannot open " .. err, 0) end
  return fh
end

-- The names in dir, sorted as ls sorts them; with all, the names that start with "." too. Plain
-- Lua cannot list a directory; ls is on every machine lede builds on.
function M.list(dir, all)
  local ls = assert(io.popen("ls -1" .. (all and "A" or "") .. " -- " .. M.quote(dir) .. " 2>/dev/null"))
  local names = {}
  for name in ls:lines() do names[#names + 1] = name end
  ls:close()
  return names
end

-- dir/name, whether or not dir ends with a slash.
function M.join(dir, name)
  return dir:gsub("/$", "") .. "/" .. name
end

-- 12345 -> "12,345"
function M.thousands(n)
  local s = string.format("%d", n)
  repeat
    local k
    s, k = s:gsub("^(%d+)(%d%d%d)", "%1,%2")
  until k == 0
  return s
end

-- "1 article", "2 articles"; format writes the number (default: plain digits).
function M.plural(n, word, format)
  return (format and format(n) or string.format("%d", n)) .. " " .. word .. (n == 1 and "" or "s")
end

-- Is the file descriptor a terminal that can take escapes and "\r" (TERM set, not "dumb")?
function M.is_terminal(fd)
  local term = os.getenv("TERM")
  if term == nil or term == "" or term == "dumb" then return false end
  return os.execute("test -t " .. fd) == true
end

-- The terminal width: COLUMNS when it is a sane number, else 80.
function M.columns()
  local n = tonumber(os.getenv("COLUMNS") or "")
  return (n and n >= 20) and math.floor(n) or 80
end

-- Whitespace inside a sentence or phrase becomes one space so it is one line (as in `lede
-- sentences`: NBSP and the Unicode line breaks NEL, U+2028, U+2029 too).
function M.one_line(text)
  text = text:gsub("\194[\133\160]", " "):gsub("\226\128[\168\169]", " ")
  return (text:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- An error from lede or lede.index as the dispatcher wants it: no Lua position, no "lede: ".
function M.bare_error(err)
  return (read.clean_error(err):gsub("^lede: ", ""))
end

return M
