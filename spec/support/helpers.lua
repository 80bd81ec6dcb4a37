-- What the specs share: where the checkout is, running commands with their output captured,
-- temporary files and directories, whole files, the sample corpus and a few table helpers.
-- A spec loads it from its own path:
--   local helpers = dofile((debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/support/helpers.lua")
local cjson = require "cjson"

local M = {}

---------------------------------------------------------------------------------------------------
-- Commands

-- A string quoted for sh.
function M.quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- Runs a shell command; returns its stdout and exit status (the signal number if it was killed).
-- Its stderr goes where this process's goes: add " 2>&1" to the command to have it in stdout.
function M.sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local _, _, status = p:close()
  return out, status
end

---------------------------------------------------------------------------------------------------
-- Where things are: absolute paths, from this file's own (spec/support/helpers.lua)

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
M.root = M.sh("cd " .. M.quote(here .. "/../..") .. " && pwd"):gsub("\n$", "")
M.lede_bin = M.root .. "/bin/lede"
M.fixtures = M.root .. "/spec/fixtures/"
M.corpus_dir = M.root .. "/examples/corpus/"

---------------------------------------------------------------------------------------------------
-- Files and directories

function M.read_file(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- Writes content to path (replacing what was there); returns path.
function M.write_file(path, content)
  local f = assert(io.open(path, "wb"))
  f:write(content)
  f:close()
  return path
end

function M.exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

-- A new temporary file holding content, its name ending in ext (such as ".json") if given.
function M.write_temp(content, ext)
  return M.write_file(os.tmpname() .. (ext or ""), content)
end

-- Writes content to a temporary file, calls fn(path) and removes the file; returns the path
-- and what fn returned.
function M.with_temp(content, ext, fn)
  local path = M.write_temp(content, ext)
  local results = table.pack(fn(path))
  os.remove(path)
  return path, table.unpack(results, 1, results.n)
end

-- A temporary path with nothing there yet (lede.index.open with create makes the directory).
function M.temp_path()
  local path = os.tmpname()
  os.remove(path)
  return path
end

-- A new empty temporary directory.
function M.temp_dir()
  local dir = M.temp_path()
  assert(os.execute("mkdir " .. M.quote(dir)))
  return dir
end

-- Removes a directory and everything in it.
function M.remove_dir(dir)
  os.execute("rm -rf " .. M.quote(dir))
end

---------------------------------------------------------------------------------------------------
-- Running bin/lede

-- Runs a shell command with stdin text (empty without it); returns stdout, stderr and the exit
-- status.
function M.run(cmd, stdin)
  local errfile = os.tmpname()
  local infile = M.write_temp(stdin or "")
  local out, status = M.sh(cmd .. " <" .. M.quote(infile) .. " 2>" .. M.quote(errfile))
  local err = M.read_file(errfile)
  os.remove(errfile)
  os.remove(infile)
  return out, err, status
end

-- Runs bin/lede as a user does, with the argument list argv and stdin text; prefix goes before
-- the command ("COLUMNS=60 "). Returns stdout, stderr, exit status. bin/lede inherits LUA_PATH
-- and LUA_CPATH (and LEDE_CORE in the sanitizer run).
function M.lede(argv, stdin, prefix)
  local words = {}
  for i, a in ipairs(argv) do words[i] = M.quote(a) end
  return M.run((prefix or "") .. M.quote(M.lede_bin) .. " " .. table.concat(words, " "), stdin)
end

---------------------------------------------------------------------------------------------------
-- Text and tables

-- The lines of s, each ended by "\n" (a last line without one is left out).
function M.lines(s)
  local t = {}
  for line in s:gmatch("([^\n]*)\n") do t[#t + 1] = line end
  return t
end

-- s as a Lua pattern that matches s literally.
function M.escape(s) return (s:gsub("%p", "%%%0")) end

-- The value of field in each item of list, in order.
function M.pluck(list, field)
  local out = {}
  for i, x in ipairs(list) do out[i] = x[field] end
  return out
end

-- A sorted copy of list.
function M.sorted(list)
  local copy = { table.unpack(list) }
  table.sort(copy)
  return copy
end

-- A new table with the fields of t, then those of extra (if any) over them.
function M.merged(t, extra)
  local out = {}
  for k, v in pairs(t) do out[k] = v end
  for k, v in pairs(extra or {}) do out[k] = v end
  return out
end

---------------------------------------------------------------------------------------------------
-- The sample corpus, examples/corpus/*.jsonl

-- Its files, sorted.
function M.corpus_files()
  local files = {}
  for name in M.sh("ls -1 " .. M.quote(M.corpus_dir)):gmatch("[^\n]+") do
    if name:match("%.jsonl$") then files[#files + 1] = M.corpus_dir .. name end
  end
  table.sort(files)
  return files
end

-- Every article of it as the decoded JSON object, file by file, line by line.
function M.corpus_articles()
  local list = {}
  for _, path in ipairs(M.corpus_files()) do
    for line in io.lines(path) do
      if line:find("%S") then list[#list + 1] = cjson.decode(line) end
    end
  end
  return list
end

-- A runner for one subcommand: command("summarize")({ "--json", file }, stdin).
function M.command(name)
  return function(argv, stdin)
    local full = { name }
    table.move(argv, 1, #argv, 2, full)
    return M.lede(full, stdin)
  end
end

-- Runs a command that must succeed quietly; returns its output lines.
function M.ok_lines(run, argv, stdin)
  local check = require "luassert" -- busted's assert: this file runs outside a spec's environment
  local out, err, status = run(argv, stdin)
  check.are.equal("", err)
  check.are.equal(0, status)
  return M.lines(out)
end

-- The JSON object on each output line.
function M.decoded_lines(out)
  local cjson = require "cjson"
  local t = {}
  for i, line in ipairs(M.lines(out)) do t[i] = cjson.decode(line) end
  return t
end

function M.sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  return keys
end

-- Words as the command line counts them: runs of non-blanks.
function M.count_words(s)
  local n = 0
  for _ in s:gmatch("%S+") do n = n + 1 end
  return n
end

return M
