-- `lede index -o DIR [--replace] FILE.jsonl...`: JSONL articles into a search index.
--
-- Every line goes through lede.read (so id, title, text|body|article, date, source, url and
-- authors come through as for every other command) and then to lede.index. Bad lines are
-- reported as FILE:LINE and skipped; the index is committed every --commit-every articles, so an
-- interrupted run keeps all but the last stretch, and once more at the end.
local args = require "lede.cli.args"
local util = require "lede.cli.util"
local read = require "lede.read"
local core = require "lede.core"

-- Each commit makes a segment: few, large ones keep merges rare.
local COMMIT_EVERY = 100000
local PROGRESS_INTERVAL = 0.1 -- seconds between two redraws of the progress line

-- A wall clock when lua-system is there (it comes with busted); else processor time, which is
-- close to it for a run that mostly analyses text.
local has_system, system = pcall(require, "system")
local now = has_system and system.monotime or os.clock

local M = {
  summary = "add the articles of JSONL files to a search index",
  usage = "lede index -o DIR [--replace] [--strict] [--no-extract] [--progress|--no-progress]"
    .. " FILE.jsonl...\n"
    .. "       lede index -o DIR [--replace] [--strict] [--no-extract] -   (JSONL on standard input)",
  help = table.concat({
    "Every FILE is read as JSONL, whatever its name: one article object per line with the",
    "fields id, title, text|body|article, date, source, url and authors. An article without",
    "an id gets FILE:LINE as its id; an article whose id is already in the index replaces it.",
    "DIR is created if it is missing. The index is committed every N articles (--commit-every,",
    "default " .. COMMIT_EVERY .. ") and at the end, so an interrupted run keeps most of its work.",
    "",
    "A bad line is reported on stderr as FILE:LINE, skipped, and the exit status is 1. A",
    "one-line summary goes to stderr at the end. When stderr is a terminal, a progress line",
    "shows the articles done, their rate and, for files, the percentage read and the time left.",
    "",
    "--replace empties the index in DIR first. It removes only lede's own files (MANIFEST,",
    "MANIFEST.tmp and seg-*.lseg, each checked to be lede's), never anything else in DIR, and",
    "refuses while another process is writing to the index.",
    "",
    "Each article also gets the keyword fields person, org and place (the names of the people,",
    "organisations and places it mentions) and speaker (who is quoted), unless its line gives",
    "them; search them (person:\"Jane Doe\") or count them (lede search --facets person,speaker).",
    "--no-extract leaves them out, which makes indexing faster.",
  }, "\n"),
  options = {
    { "output", "DIR", "the index directory (created if missing)", "o" },
    { "replace", nil, "empty the index in DIR before adding" },
    { "strict", nil, "stop at the first bad line (what was added before it is committed)" },
    { "progress", nil, "show the progress line even when stderr is not a terminal" },
    { "no-progress", nil, "never show the progress line" },
    { "commit-every", "N", "commit after every N articles (default " .. COMMIT_EVERY .. ")" },
    { "no-extract", nil, "skip the person, org, place and speaker fields (faster)" },
  },
  operands = math.huge,
}

---------------------------------------------------------------------------------------------------
-- Emptying an index directory

local function is_directory(path)
  return os.execute("test -d " .. util.quote(path)) == true
end

-- What each of lede's files starts with (csrc/index/manifest.c, csrc/index/section.h).
local function magic_of(name)
  if name == "MANIFEST" or name == "MANIFEST.tmp" then return "LEDEMAN\0" end
  -- The same test as is_segment_file in csrc/index/index.c.
  if #name > 9 and name:sub(1, 4) == "seg-" and name:sub(-5) == ".lseg" then return "LEDESEG\0" end
end

-- Is the file what lede writes there? A crashed writer may leave a short or empty one, so the
-- bytes that are there must begin the magic; a complete MANIFEST must have all of it.
local function looks_like_ledes(path, name, magic)
  local f = io.open(path, "rb")
  if not f then return false end
  local head = f:read(#magic) or ""
  f:close()
  if name == "MANIFEST" then return head == magic end
  return head == magic:sub(1, #head)
end

-- Takes the index's write lock now, so that "another process is writing" comes before any
-- work: a change takes it, and deleting an id that no document has is a change that changes
-- nothing.
local function lock(ix)
  local ok, err = pcall(ix.delete, ix, "\0lede index: lock")
  if not ok then
    ix:close()
    error(util.bare_error(err), 0)
  end
end

-- Removes the index in dir, if any. Nothing is removed unless every file with one of lede's
-- names is lede's, and not while another process holds the write lock. LOCK itself stays: it is
-- empty, and removing it could let two writers lock two different files.
local function empty_index(dir)
  if not is_directory(dir) then return end
  local doomed = {}
  for _, name in ipairs(util.list(dir, true)) do
    local magic = magic_of(name)
    if magic then
      local path = util.join(dir, name)
      if not looks_like_ledes(path, name, magic) then
        error(string.format("%s is not a lede index file; --replace removes nothing in %s",
          path, dir), 0)
      end
      doomed[#doomed + 1] = path
    end
  end
  if #doomed == 0 then return end
  -- A damaged index cannot be opened, nor written to: then there is no writer to wait for.
  local lede = require "lede"
  local ok, ix = pcall(lede.index.open, dir)
  if ok then lock(ix) end
  for _, path in ipairs(doomed) do
    local removed, err = os.remove(path)
    if not removed then error("cannot remove " .. err, 0) end
  end
  if ok then ix:close() end -- without a commit: the files are gone, the lock is released
end

---------------------------------------------------------------------------------------------------
-- The progress line

local function duration(seconds)
  seconds = math.floor(seconds + 0.5)
  if seconds >= 3600 then
    return string.format("%d:%02d:%02d", seconds // 3600, seconds // 60 % 60, seconds % 60)
  end
  return string.format("%d:%02d", seconds // 60, seconds % 60)
end

-- Should the progress line be shown? --progress/--no-progress decide; else stderr must be a
-- terminal that can take "\r" (TERM set, not "dumb").
local function want_progress(opts)
  if opts.progress then return true end
  if opts["no-progress"] then return false end
  return util.is_terminal(2)
end

local Progress = {}
Progress.__index = Progress

-- total: the bytes of input to read, or nil when unknown (a pipe).
local function new_progress(enabled, total)
  return setmetatable({ enabled = enabled, total = total, start = now(), last = -math.huge,
    width = 0, columns = util.columns() }, Progress)
end

-- Redraws the line if the last redraw is PROGRESS_INTERVAL old. done: articles; bytes_fn():
-- the bytes read so far. The bar has a fixed width, so that it does not move as numbers grow.
function Progress:update(done, bytes_fn)
  if not self.enabled then return end
  local t = now()
  if t - self.last < PROGRESS_INTERVAL then return end
  self.last = t
  local elapsed = t - self.start
  local rate = elapsed > 0 and done / elapsed or 0
  local parts = { util.plural(done, "article", util.thousands) }
  -- The first draw comes at once; a rate needs a moment to mean something.
  if elapsed >= 0.5 then parts[2] = util.thousands(math.floor(rate + 0.5)) .. "/s" end
  if self.total and self.total > 0 then
    local fraction = math.min(bytes_fn() / self.total, 1)
    parts[#parts + 1] = string.format("%3d%%", math.floor(fraction * 100))
    if fraction > 0 and elapsed >= 1 then
      parts[#parts + 1] = "ETA " .. duration(elapsed * (1 - fraction) / fraction)
    end
    local bar = math.min(self.columns - 48, 40) -- the numbers take up to about 45 columns
    if bar >= 10 then
      local full = math.floor(fraction * bar + 0.5)
      table.insert(parts, 1, "[" .. string.rep("#", full) .. string.rep(".", bar - full) .. "]")
    end
  end
  self:draw(table.concat(parts, "  "))
end

function Progress:draw(line)
  line = line:sub(1, self.columns - 1)
  local pad = math.max(self.width - #line, 0)
  io.stderr:write("\r", line, string.rep(" ", pad))
  self.width = #line
end

-- Clears the line, so that a message (or the shell prompt) starts on a clean one.
function Progress:clear()
  if self.width > 0 then
    io.stderr:write("\r", string.rep(" ", self.width), "\r")
    self.width = 0
  end
end

-- Writes a message on stderr; the progress line is redrawn at the next update.
function Progress:message(text)
  self:clear()
  io.stderr:write(text, "\n")
  self.last = -math.huge
end

---------------------------------------------------------------------------------------------------
-- Reading and indexing

-- The articles go to the index as tables of fields: lede.article would analyse every text,
-- which the index does again its own way. The checks lede.article makes on a line are made
-- here, so that a bad line is reported as such, not as a failure of the index.
local function make(fields)
  if fields.id == "" then error('field "id" must not be empty', 0) end
  if fields.date then
    local parsed, err = core.parse_date(fields.date)
    if not parsed then error(err, 0) end
  end
  return fields
end

-- With extraction, the text is analysed after all, for the keyword fields person, org, place
-- and speaker (lede.index.add_extracted); the fields still go to the index as a table.
local function make_extracted(fields)
  make(fields)
  local lede = require "lede"
  local article <close> = lede.article(fields)
  lede.index.add_extracted(fields, article)
  return fields
end

-- Opens every input before anything is changed, so that a missing file leaves the index as it
-- was. Each: { name =, path = (nil for stdin), size = bytes to read or nil }.
local function open_inputs(operands)
  local inputs = {}
  for _, operand in ipairs(operands) do
    local input = { name = operand == "-" and "stdin" or operand, path = operand ~= "-" and operand or nil }
    local fh = io.stdin
    if input.path then
      fh = util.open(input.path)
      -- A directory opens, and fails only when read: say so now.
      local _, read_err = fh:read(0)
      if read_err then error(string.format("cannot read %s: %s", input.name, read_err), 0) end
    end
    -- A pipe cannot seek: its size stays unknown. A file (or stdin redirected from one) is read
    -- from where it stands.
    local here = fh:seek("cur")
    local size = here and fh:seek("end")
    if size then
      fh:seek("set", here)
      input.size = size - here
    end
    if input.path then fh:close() end
    inputs[#inputs + 1] = input
  end
  return inputs
end

-- Ctrl-C makes the Lua interpreter raise "interrupted!" wherever it is, and the pcall of
-- lede.read (or ours around ix:add) would take it for a bad line: it must stop the run instead.
local INTERRUPTED = {}
local function check_interrupt(err)
  if tostring(err):match("interrupted!$") then error(INTERRUPTED, 0) end
end

local plural = util.plural

function M.run(opts, operands)
  local dir = opts.output
  if dir == nil or dir == "" then args.usage_error("index", "missing -o DIR") end
  if #operands == 0 then
    args.usage_error("index", "no input: name FILE.jsonl, or - for standard input")
  end
  if opts.progress and opts["no-progress"] then
    args.usage_error("index", "--progress and --no-progress cannot be used together")
  end
  local inputs = open_inputs(operands)
  local total = 0
  for _, input in ipairs(inputs) do
    if input.size == nil then total = nil; break end
    total = total + input.size
  end

  if opts.replace then empty_index(dir) end
  local lede = require "lede"
  local extract = not opts["no-extract"]
  local opened, ix = pcall(lede.index.open, dir, { create = true, extract = extract })
  if not opened then error(util.bare_error(ix), 0) end
  lock(ix)

  local every = args.whole_number("index", M.options, opts, "commit-every", COMMIT_EVERY, 1)
  local progress = new_progress(want_progress(opts), total)
  local added, skipped, stopped = 0, 0, false
  local done_bytes, fh, start_offset = 0, nil, 0
  local function bytes_read()
    local at = fh and fh:seek("cur")
    return done_bytes + (at and at - start_offset or 0)
  end

  local function index_file(input)
    if input.path then
      fh = assert(io.open(input.path, "rb"))
    else
      fh = io.stdin
    end
    start_offset = fh:seek("cur") or 0
    for lineno, fields, err in read.lines(fh, input.name, extract and make_extracted or make) do
      if fields then
        if fields.id == nil then fields.id = input.name .. ":" .. lineno end
        local ok, add_err = pcall(ix.add, ix, fields)
        if not ok then
          check_interrupt(add_err)
          error(string.format("%s:%d: %s", input.name, lineno, util.bare_error(add_err)), 0)
        end
        added = added + 1
        if added % every == 0 then ix:commit() end
      else
        check_interrupt(err)
        skipped = skipped + 1
        progress:message("lede: " .. err)
        if opts.strict then
          stopped = true
          break -- the loop closes the file
        end
      end
      progress:update(added, bytes_read)
    end
    done_bytes = done_bytes + (input.size or 0)
    fh = nil
  end

  local ok, err = pcall(function()
    for _, input in ipairs(inputs) do
      index_file(input)
      if stopped then break end
    end
    ix:commit()
  end)
  progress:clear()
  if not ok then
    if err == INTERRUPTED or tostring(err):match("interrupted!$") then
      local committed = added - added % every
      error(string.format("interrupted after %s; %s", plural(added, "article"),
        committed > 0 and string.format("the first %d are in the index", committed)
          or "none is in the index"), 0)
    end
    error(err, 0)
  end

  local elapsed = now() - progress.start
  local stats = ix:stats()
  ix:close()
  io.stderr:write(string.format(
    "lede: indexed %s (%d skipped) into %s in %.2f s, %.0f articles/s; index: %s, %s, %.1f MB\n",
    plural(added, "article"), skipped, dir, elapsed, elapsed > 0 and added / elapsed or 0,
    plural(stats.documents, "document"), plural(stats.segments, "segment"), stats.bytes / 1e6))
  return skipped > 0 and 1 or 0
end

return M
