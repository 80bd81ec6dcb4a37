-- `lede cluster INPUT...`: the stories of an index or of JSONL files (lede.stories), readable or
-- as JSON; with --write, the index's documents get the keyword field `story`.
local args = require "lede.cli.args"
local input = require "lede.cli.input"
local json = require "lede.cli.json"
local util = require "lede.cli.util"

local scalar, array, members = json.scalar, json.array, json.members

-- The state file kept in an index directory.
local STATE_NAME = "stories.state"

local M = {
  summary = "group articles into stories (the same event or running story)",
  usage = "lede cluster DIR [--write] [--json] [--window DAYS] [--threshold X] [--state FILE]\n"
    .. "       lede cluster FILE.jsonl... [--json] [--window DAYS] [--threshold X] [--state FILE]\n"
    .. "                                  [--no-entities] [--strict]",
  help = table.concat({
    "INPUT is an index directory made by 'lede index', or JSONL files (one article object per",
    "line: id, title, text|body|article, date, source; - for standard input). Articles are",
    "clustered in date order: each joins the story it is most similar to (words of its title",
    "and lead count most, the people, organisations and places it names count as well) if that",
    "story has an article within --window days of it, or starts a story. A story's id comes",
    "from the id of its first article and never changes as articles join it. An article",
    "without a date is placed after the dated ones, whatever the window.",
    "",
    "Each story is written as a block, largest first (then the most recent): its id, size and",
    "dates, its label (the headline of the article closest to the story's centre) and sources.",
    "--json writes one object instead: {\"stories\":[{\"id\",\"label\",\"label_id\",\"first\",",
    "\"last\",\"size\",\"sources\":[{\"name\",\"count\"}],\"articles\":[ids by date],",
    "\"terms\":[{\"text\",\"weight\"}],\"entities\":[{\"text\",\"weight\"}],",
    "\"duplicates\":[{\"articles\":[ids, earliest first],\"kind\",\"pairs\":[{\"a\",\"b\",",
    "\"similarity\",\"kind\"}]}]}]} (dates ISO 8601 in UTC or null).",
    "",
    "Duplicates are the story's articles that repeat another of its articles: exact copies",
    "(the same words, whatever the headline, case or punctuation) and near copies (lightly",
    "edited, updated or cut versions: estimated similarity of their 5-word shingles at least",
    "0.5, see lede.dedup). A group lists its articles earliest first; kind is \"exact\" when",
    "every pair in it is, else \"near\"; each pair gives the earlier article a, the later b,",
    "and their similarity (1 for an exact copy). The text output shows a line per later copy.",
    "",
    "Incremental use: --state FILE loads the stories saved in FILE (if it exists), adds the",
    "articles not in it yet, and saves them back, so that stories keep their ids from run to",
    "run; the articles' near-duplicate signatures go beside it, in FILE.signatures (an",
    "article is signed once, when it is added). For an index DIR the state is DIR/" .. STATE_NAME .. ",",
    "read when it is there and written by --write, which also sets the keyword field `story`",
    "of every document, so that 'lede search DIR story:ID' and '--facets story' work.",
    "--threshold and --window apply to the articles added in this run. From JSONL, entities",
    "come from each article's text (--no-entities skips that: faster, less accurate); from an",
    "index, from its person, org and place fields.",
    "",
    "A bad JSONL line is reported on stderr as FILE:LINE, skipped, and the exit status is 1;",
    "--strict stops at the first one.",
  }, "\n"),
  options = {
    { "json", nil, "write the stories as one JSON object" },
    { "window", "DAYS", "how far apart in time a story's articles may be (default 14)" },
    { "threshold", "X", "similarity (0 to 1) an article needs to join a story (default 0.2)" },
    { "state", "FILE", "load the stories from FILE if it exists; save them there" },
    { "write", nil, "with an index DIR: save DIR/" .. STATE_NAME .. " and set the field story" },
    { "no-entities", nil, "from JSONL: do not extract entities (faster)" },
    { "strict", nil, "stop at the first bad JSONL line" },
  },
  operands = math.huge,
}

local function usage(fmt, ...) args.usage_error("cluster", fmt, ...) end

-- The value of a numeric option, within (0, max], or nil when absent.
local function number_option(opts, name, max)
  local v = opts[name]
  if v == nil then return nil end
  local n = tonumber(v)
  if not n or n ~= n or n <= 0 or n > max then
    usage("--%s takes a number above 0 and at most %s, got '%s'", name, tostring(max), v)
  end
  return n
end

local function is_directory(path)
  return os.execute("test -d " .. util.quote(path)) == true
end

local function open_index(dir)
  local lede = require "lede"
  local manifest = io.open(util.join(dir, "MANIFEST"), "rb")
  if not manifest then
    error(string.format("no index at %s (make one with 'lede index --output %s')", dir, dir), 0)
  end
  manifest:close()
  local ok, ix = pcall(lede.index.open, dir)
  if not ok then error(util.bare_error(ix), 0) end
  return ix
end

local function open_stories(path, tuning, entities)
  local lede = require "lede"
  local opts = { threshold = tuning.threshold, window = tuning.window, entities = entities }
  local ok, st = pcall(lede.stories.open, path, opts)
  if not ok then error(util.bare_error(st), 0) end
  return st
end

-- Sets the field `story` of every document whose story differs; returns how many changed.
local function write_fields(ix, st)
  local changed = 0
  for _, doc in ipairs(ix:documents()) do
    local story = st:story_of(doc.id)
    if story and doc.story ~= story.id then
      doc.story = story.id
      ix:add(doc)
      changed = changed + 1
    end
  end
  ix:commit()
  return changed
end

---------------------------------------------------------------------------------------------------
-- Output

-- Largest first, then the most recent, then by id.
local function by_importance(a, b)
  if a.size ~= b.size then return a.size > b.size end
  if (a.last or "") ~= (b.last or "") then return (a.last or "") > (b.last or "") end
  return a.id < b.id
end

local function day(iso) return iso and iso:sub(1, 10) or "undated" end

local function write_text(list)
  for i, s in ipairs(list) do
    if i > 1 then io.write("\n") end
    local span = s.first == s.last and day(s.first) or (day(s.first) .. " to " .. day(s.last))
    io.write(string.format("story %s  %s  %s\n", s.id, util.plural(s.size, "article"), span))
    io.write("  ", util.one_line(s.label or ("(untitled: " .. s.label_id .. ")")), "\n")
    local sources = {}
    for k, src in ipairs(s.sources) do
      sources[k] = string.format("%s (%d)", util.one_line(src.name), src.count)
    end
    if #sources > 0 then io.write("  sources: ", table.concat(sources, ", "), "\n") end
    for _, g in ipairs(s.duplicates) do
      for _, p in ipairs(g.pairs) do
        local how = p.kind == "exact" and "exact copy" or string.format("near copy, %.2f", p.similarity)
        io.write(string.format("  duplicate: %s repeats %s (%s)\n", util.one_line(p.b), util.one_line(p.a), how))
      end
    end
  end
end

local function write_json(list)
  local items = {}
  for i, s in ipairs(list) do
    local groups = {}
    for k, g in ipairs(s.duplicates) do
      groups[k] = members {
        { "articles", array(g.articles) },
        { "kind", scalar(g.kind) },
        { "pairs", array(g.pairs, { "a", "b", "similarity", "kind" }) },
      }
    end
    items[i] = members {
      { "id", scalar(s.id) },
      { "label", scalar(s.label) },
      { "label_id", scalar(s.label_id) },
      { "first", scalar(s.first) },
      { "last", scalar(s.last) },
      { "size", scalar(s.size) },
      { "sources", array(s.sources, { "name", "count" }) },
      { "articles", array(s.articles) },
      { "terms", array(s.terms, { "text", "weight" }) },
      { "entities", array(s.entities, { "text", "weight" }) },
      { "duplicates", "[" .. table.concat(groups, ",") .. "]" },
    }
  end
  io.write(members { { "stories", "[" .. table.concat(items, ",") .. "]" } }, "\n")
end

---------------------------------------------------------------------------------------------------

-- The articles of JSONL files (an article without an id is named FILE:LINE); the exit status.
local function read_jsonl(files, strict)
  local articles, status = {}, 0
  for _, path in ipairs(files) do
    local name = path == "-" and "stdin" or path
    local s = input.each(path, { jsonl = true, strict = strict }, function(a, lineno)
      if a.id == nil then a.id = name .. ":" .. lineno end
      articles[#articles + 1] = a
    end)
    if s ~= 0 then
      status = s
      if strict then break end
    end
  end
  return articles, status
end

function M.run(opts, operands)
  if #operands == 0 then usage("no input: name an index directory or JSONL files") end
  local tuning = { threshold = number_option(opts, "threshold", 1),
    window = number_option(opts, "window", 36525) }
  local status = 0
  local list
  if is_directory(operands[1]) then
    if #operands > 1 then usage("give one index directory, or JSONL files") end
    if opts["no-entities"] or opts.strict then
      usage("--no-entities and --strict are for JSONL input")
    end
    local ix = open_index(operands[1])
    local state = opts.state or util.join(operands[1], STATE_NAME)
    local st = open_stories(state, tuning, true)
    local ok, err = pcall(function()
      st:add_index(ix)
      if opts.write then
        st:save(state)
        local changed = write_fields(ix, st)
        io.stderr:write(string.format("lede: story field set on %s; stories saved to %s\n",
          util.plural(changed, "document"), state))
      elseif opts.state then
        st:save(state)
      end
    end)
    ix:close()
    if not ok then error(util.bare_error(err), 0) end
    list = st:stories()
  else
    if opts.write then usage("--write needs an index directory") end
    for _, path in ipairs(operands) do
      if path ~= "-" and is_directory(path) then
        usage("give one index directory, or JSONL files")
      end
    end
    local articles
    articles, status = read_jsonl(operands, opts.strict)
    if status ~= 0 and opts.strict then return status end
    local st = opts.state and open_stories(opts.state, tuning, not opts["no-entities"])
    if not st then
      local lede = require "lede"
      st = lede.stories.new({ threshold = tuning.threshold, window = tuning.window,
        entities = not opts["no-entities"] })
    end
    local ok, err = pcall(function()
      st:add(articles)
      if opts.state then st:save(opts.state) end
    end)
    if not ok then error(util.bare_error(err), 0) end
    list = st:stories()
  end
  local sorted = { table.unpack(list) }
  table.sort(sorted, by_importance)
  if opts.json then write_json(sorted) else write_text(sorted) end
  return status
end

return M
